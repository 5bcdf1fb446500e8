import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../../..');

describe('the translation bundle', function () {
  this.timeout(120_000);

  it('l10n/bundle.l10n.json holds every string the code translates (run `npm run l10n` after changing one)', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-l10n-'));
    try {
      execFileSync(
        process.execPath,
        [
          path.join(ROOT, 'node_modules/@vscode/l10n-dev/dist/cli.js'),
          'export',
          '--outDir',
          out,
          './src',
          './webview-ui/src',
        ],
        { cwd: ROOT, stdio: 'pipe' },
      );
      const fresh = JSON.parse(fs.readFileSync(path.join(out, 'bundle.l10n.json'), 'utf8'));
      const committed = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n/bundle.l10n.json'), 'utf8'));
      const missing = Object.keys(fresh).filter((k) => !(k in committed));
      const stale = Object.keys(committed).filter((k) => !(k in fresh));
      assert.deepStrictEqual({ missing, stale }, { missing: [], stale: [] });
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
