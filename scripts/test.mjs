#!/usr/bin/env node
// `npm test`: every test, from a fresh machine, in one command. Stops at the first failing step.
//   npm test                              all steps
//   npm test -- --only unit,integration   some steps (build and setup are added when needed)
//   npm test -- --list                    the steps
import { spawn } from 'node:child_process';
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
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.test.ts'))
    .sort()
    .map((f) => path.join('test/cli', f));
}

/** @type {Array<{name: string, about: string, run: () => Promise<number> | number, needs?: string[]}>} */
const STEPS = [
  {
    name: 'deps',
    about: 'npm ci when node_modules is missing',
    run: () =>
      fs.existsSync(path.join(ROOT, 'node_modules', '.package-lock.json'))
        ? skip('node_modules present')
        : sh(['npm', 'ci']),
  },
  {
    name: 'setup',
    about: 'Debian packages (chromium, libkrb5-dev, awscli) and code-server in .tools/',
    run: async () => {
      const env = await import('./vscode-env.mjs');
      env.ensureDebPackages(['chromium', 'libkrb5-dev', 'awscli']);
      env.ensureCodeServer();
      return 0;
    },
  },
  {
    name: 'build',
    about: 'esbuild: extension, simulator, webviews, integration suite',
    run: () => sh(node('scripts/build.mjs')),
  },
  { name: 'typecheck', about: 'tsc -p . --noEmit', run: () => sh([bin('tsc'), '-p', '.', '--noEmit']) },
  {
    name: 'lint',
    about: 'eslint . && prettier --check . (eslint.config.mjs, .prettierrc.json), then no value-import cycle',
    run: async () =>
      (await sh([bin('eslint'), '.'])) ||
      (await sh([bin('prettier'), '--check', '.'])) ||
      sh([process.execPath, '--import', 'tsx', path.join(ROOT, 'test/unit/architecture/checkImportCycles.ts')]),
  },
  { name: 'unit', about: 'mocha test/unit (.mocharc.json)', run: () => sh([bin('mocha')]) },
  {
    name: 'cli',
    about: 'the AWS CLI (Debian awscli) against the simulator CLI (test/cli)',
    needs: ['setup', 'build'],
    run: runCliTest,
  },
  {
    name: 'integration',
    about: 'mocha in a real VS Code extension host',
    needs: ['setup', 'build'],
    run: () => sh(node('scripts/run-integration.mjs')),
  },
  {
    name: 'ui',
    about: 'workbench UI tests (test/ui, playwright + code-server)',
    needs: ['setup', 'build'],
    run: () => sh([bin('mocha'), '--config', 'test/ui/mocharc.json']),
  },
];

function skip(why) {
  console.log(`(skipped: ${why})`);
  return 0;
}

/** Tests counted across every mocha run, for the closing `N passed, N failed` line. */
const counts = { passed: 0, failed: 0, pending: 0 };

/** Runs a command, echoing its output live, and adds up the mocha summaries it prints. */
function sh(cmd, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd[0], cmd.slice(1), {
      stdio: ['inherit', 'pipe', 'pipe'],
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    const scan = (chunk) => {
      // eslint-disable-next-line no-control-regex
      const text = chunk.toString().replace(/\x1b\[[0-9;]*m/g, '');
      for (const [, n, word] of text.matchAll(/^\s*(\d+) (passing|failing|pending)\b/gm)) {
        counts[word === 'passing' ? 'passed' : word === 'failing' ? 'failed' : 'pending'] += Number(n);
      }
    };
    child.stdout.on('data', (c) => {
      process.stdout.write(c);
      scan(c);
    });
    child.stderr.on('data', (c) => {
      process.stderr.write(c);
      scan(c);
    });
    child.on('error', (e) => {
      console.error(e.message);
      resolve(1);
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

function closingLine() {
  return `tests: ${counts.passed} passed, ${counts.failed} failed${counts.pending ? `, ${counts.pending} skipped` : ''}`;
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
    console.error(
      `\n\x1b[31mnpm test: FAILED at step '${step.name}' (exit ${code}) after ${((Date.now() - started) / 1000).toFixed(0)} s\x1b[0m`,
    );
    console.error(`(${timings.join(', ')})`);
    console.log(closingLine());
    process.exit(code || 1);
  }
  console.log(`── ${step.name} ok in ${secs} s`);
}
console.log(
  `\n\x1b[32mnpm test: all ${steps.length} steps passed in ${((Date.now() - started) / 1000).toFixed(0)} s\x1b[0m (${timings.join(', ')})`,
);
console.log(closingLine());
