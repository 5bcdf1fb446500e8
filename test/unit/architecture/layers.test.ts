import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { cycles, importGraph, sourceFiles, valueImports } from './imports';

const ROOT = path.resolve(__dirname, '../../..');

/** No cycle is known any more (issue 10 item 3 moved instance ids and visibility out of instances.ts). */
const KNOWN_CYCLES: string[][] = [];

describe('architecture of src', () => {
  it('sends EC2 commands from one layer only: src/ec2 (src/aws builds the clients and asks STS)', () => {
    const senders = sourceFiles(ROOT, 'src').filter((f) =>
      /\.send\(/.test(fs.readFileSync(path.join(ROOT, f), 'utf8')),
    );
    assert.deepStrictEqual(
      senders.filter((f) => !f.startsWith('src/ec2/') && !f.startsWith('src/aws/')),
      [],
      'these files send commands themselves instead of calling src/ec2',
    );
    assert.ok(
      senders.some((f) => f.startsWith('src/ec2/')),
      'src/ec2 sends the EC2 commands',
    );
  });

  it('has no value-import cycle (type-only imports do not count)', () => {
    const graph = importGraph(ROOT, sourceFiles(ROOT, 'src'));
    assert.ok(graph.size > 100, 'the whole of src was read');
    assert.deepStrictEqual(cycles(graph), KNOWN_CYCLES);
  });

  it('finds a cycle when there is one, and ignores type-only imports', () => {
    assert.deepStrictEqual(
      cycles(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
          ['d', ['a']],
        ]),
      ),
      [['a', 'b', 'c']],
    );
    assert.deepStrictEqual(cycles(new Map([['self', ['self']]])), [['self']]);
    const text = [
      "import type { A } from './typeOnly';",
      "import { type B, type C } from './namedTypes';",
      "import { type D, e } from './mixed';",
      "import * as f from './namespace';",
      "export type { G } from './reexportedType';",
      "export { h } from './reexported';",
      "import * as fs from 'fs';",
    ].join('\n');
    assert.deepStrictEqual(valueImports('x.ts', text), ['./mixed', './namespace', './reexported']);
  });
});
