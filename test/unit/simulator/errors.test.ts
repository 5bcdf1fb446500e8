import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file under `dir`, recursively. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('simulator errors', () => {
  it('are constructed only in errors.ts, so each EC2 error code is spelled in one place', () => {
    const root = join(__dirname, '../../../src/simulator');
    const offenders = files(root)
      .filter((f) => f.endsWith('.ts') && relative(root, f) !== 'errors.ts')
      .filter((f) => /new\s+Ec2Error\s*\(/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(root, f));
    assert.deepEqual(offenders, []);
  });
});
