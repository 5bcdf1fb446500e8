// Entry point of the integration suite, loaded by VS Code's extension host (through
// @vscode/test-electron or code-server's test driver, see scripts/run-integration.mjs).
// scripts/build.mjs bundles this file and every test/integration/**/*.test.ts separately into
// out/test/integration/, with `mocha` kept external so all of them share one mocha instance.
import fs from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';

/** Runs every *.test.js next to this file; rejects when a test fails (exit code 1). */
export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: true,
    // The first test pays for activation and the simulator's start.
    timeout: 60_000,
    grep: process.env.AMI_EXPLORER_TEST_GREP || undefined,
  });
  const files = fs
    .readdirSync(__dirname, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    if (files.length === 0) {
      reject(new Error(`no *.test.js files in ${__dirname}`));
      return;
    }
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}
