/**
 * The lint step's import-cycle check (`npm run lint`, `npm test -- --only lint`): prints every
 * value-import cycle of src and webview-ui/src and exits 1 when there is one. Type-only imports
 * do not count (the compiler erases them). layers.test.ts runs the same check as a unit test.
 */
import * as path from 'path';
import { cycles, importGraph, sourceFiles } from './imports';

const ROOT = path.resolve(__dirname, '../../..');
let found = 0;
let read = 0;
for (const dir of ['src', 'webview-ui/src']) {
  const graph = importGraph(ROOT, sourceFiles(ROOT, dir));
  read += graph.size;
  for (const cycle of cycles(graph)) {
    found++;
    console.error(`value-import cycle: ${cycle.join(' -> ')}`);
  }
}
console.log(`import cycles: ${found} in ${read} files of src and webview-ui/src`);
process.exitCode = found > 0 ? 1 : 0;
