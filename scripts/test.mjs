#!/usr/bin/env node
// `npm test`: every test, from a fresh machine, in one command. Stops at the first failing step.
//   npm test                              all steps
//   npm test -- --only unit,integration   some steps (build and setup are added when needed)
//   npm test -- --list                    the steps
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);
const node = (script, ...args) => [process.execPath, path.join(ROOT, script), ...args];

/** The AWS CLI tests under test/cli/ (mocha; they start dist/simulator-cli.js themselves). */
function cliTestFiles() {
  const dir = path.join(ROOT, 'test/cli');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.test.ts')).sort().map((f) => path.join('test/cli', f));
}

/** @type {Array<{name: string, about: string, run: () => Promise<number> | number, needs?: string[]}>} */
const STEPS = [
  { name: 'deps', about: 'npm ci when node_modules is missing', run: () =>
    fs.existsSync(path.join(ROOT, 'node_modules', '.package-lock.json')) ? skip('node_modules present') : sh(['npm', 'ci']) },
  { name: 'setup', about: 'Debian packages (chromium, libkrb5-dev, awscli) and code-server in .tools/', run: async () => {
    const env = await import('./vscode-env.mjs');
    env.ensureDebPackages(['chromium', 'libkrb5-dev', 'awscli']);
    env.ensureCodeServer();
    return 0;
  } },
  { name: 'build', about: 'esbuild: extension, simulator, webviews, integration suite', run: () => sh(node('scripts/build.mjs')) },
  { name: 'typecheck', about: 'tsc -p . --noEmit', run: () => sh([bin('tsc'), '-p', '.', '--noEmit']) },
  { name: 'unit', about: 'mocha test/unit (.mocharc.json)', run: () => sh([bin('mocha')]) },
  { name: 'cli', about: 'the AWS CLI (Debian awscli) against the simulator CLI (test/cli)', needs: ['setup', 'build'], run: runCliTest },
  { name: 'integration', about: 'mocha in a real VS Code extension host', needs: ['setup', 'build'],
    run: () => sh(node('scripts/run-integration.mjs')) },
  { name: 'ui', about: 'workbench UI tests (test/ui, playwright + code-server)', needs: ['setup', 'build'],
    run: () => sh([bin('mocha'), '--config', 'test/ui/mocharc.json']) },
];

function skip(why) {
  console.log(`(skipped: ${why})`);
  return 0;
}

function sh(cmd, env = {}) {
  const r = spawnSync(cmd[0], cmd.slice(1), { stdio: 'inherit', cwd: ROOT, env: { ...process.env, ...env } });
  if (r.error) console.error(r.error.message);
  return r.status ?? 1;
}

function runCliTest() {
  const files = cliTestFiles();
  if (files.length === 0) return skip('no test/cli/*.test.ts yet');
  // --no-config: the root .mocharc.json would add the unit tests.
  return sh([bin('mocha'), '--no-config', '--import=tsx', '--timeout', '120000', '--reporter', 'spec', ...files]);
}

function selectedSteps() {
  const argv = process.argv.slice(2);
  const i = argv.indexOf('--only');
  if (i < 0) return STEPS;
  const wanted = new Set((argv[i + 1] ?? '').split(',').filter(Boolean));
  for (const w of wanted) {
    if (!STEPS.some((s) => s.name === w)) {
      console.error(`unknown step '${w}'; steps: ${STEPS.map((s) => s.name).join(', ')}`);
      process.exit(2);
    }
  }
  wanted.add('deps');
  for (const s of STEPS) if (wanted.has(s.name)) for (const n of s.needs ?? []) wanted.add(n);
  return STEPS.filter((s) => wanted.has(s.name));
}

if (process.argv.includes('--list')) {
  for (const s of STEPS) console.log(`${s.name.padEnd(12)} ${s.about}`);
  process.exit(0);
}

const steps = selectedSteps();
const started = Date.now();
const timings = [];
for (const [i, step] of steps.entries()) {
  console.log(`\n\x1b[1m━━ [${i + 1}/${steps.length}] ${step.name}: ${step.about}\x1b[0m`);
  const t = Date.now();
  let code;
  try {
    code = await step.run();
  } catch (e) {
    console.error(e?.stack ?? e);
    code = 1;
  }
  const secs = ((Date.now() - t) / 1000).toFixed(1);
  timings.push(`${step.name} ${secs}s`);
  if (code !== 0) {
    console.error(`\n\x1b[31mnpm test: FAILED at step '${step.name}' (exit ${code}) after ${((Date.now() - started) / 1000).toFixed(0)} s\x1b[0m`);
    console.error(`(${timings.join(', ')})`);
    process.exit(code || 1);
  }
  console.log(`── ${step.name} ok in ${secs} s`);
}
console.log(`\n\x1b[32mnpm test: all ${steps.length} steps passed in ${((Date.now() - started) / 1000).toFixed(0)} s\x1b[0m (${timings.join(', ')})`);
