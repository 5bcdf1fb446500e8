#!/usr/bin/env node
// Runs the integration suite (out/test/integration/index.js, exporting `run(): Promise<void>`)
// inside a REAL VS Code extension host with the working copy as development extension.
//
// Two hosts, one contract (the same suite serves both):
//   electron     @vscode/test-electron downloads desktop VS Code: only where the update
//                server is reachable or a .vscode-test/ download is cached.
//   code-server  VS Code's server build from npm + headless Debian chromium (playwright-core),
//                the only one that works on a machine that reaches only npm and Debian.
// Choice: env AMI_EXPLORER_TEST_HOST=electron|code-server, else a cached .vscode-test/ download,
// else a 3 s probe of the update server, else code-server.
//
//   node scripts/run-integration.mjs [--host electron|code-server]
//        [--extension DIR] [--tests FILE] [--timeout SECONDS] [--keep]
// The extension host sees AMI_EXPLORER_TEST=1. AMI_EXPLORER_TEST_GREP, if set, filters tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import {
  ROOT,
  CHROMIUM,
  CHROMIUM_ARGS,
  ensureChromium,
  startCodeServer,
  extensionHostLogTail,
  remoteUri,
} from './vscode-env.mjs';

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : dflt;
};
const extensionPath = path.resolve(opt('extension', ROOT));
const testsPath = path.resolve(opt('tests', path.join(ROOT, 'out/test/integration/index.js')));
const timeoutMs = Number(opt('timeout', process.env.AMI_EXPLORER_TEST_TIMEOUT ?? 600)) * 1000;
const keep = argv.includes('--keep'); // keep the temp user-data dir for inspection
const testEnv = { AMI_EXPLORER_TEST: '1' };
if (process.env.AMI_EXPLORER_TEST_GREP) testEnv.AMI_EXPLORER_TEST_GREP = process.env.AMI_EXPLORER_TEST_GREP;

/** Workbench log lines that say nothing about the suite (an offline, signed-out workbench). */
const WORKBENCH_NOISE = [
  /^\[(AgentHost|AgentHost:remote|ChatModelSelection|AccountPolicyGate|reconnection-grace-time|Service Worker)\]/,
  /^(Resolving|Resolved) connection token/,
  /^Timed out waiting for authentication provider/,
  /^Creating a socket/,
  /^Updating additional builtin extensions cache/,
  // Anchored on the hosts the workbench itself calls, so a test's own network error still shows.
  /^getaddrinfo (ENOTFOUND|EAI_AGAIN) (open-vsx\.org|\S*(github|visualstudio|microsoft|vscode-cdn)\.(com|net))/,
];

const log = (msg) => console.error(`[integration] ${msg}`);

async function chooseHost() {
  const forced = opt('host', process.env.AMI_EXPLORER_TEST_HOST);
  if (forced) {
    if (!['electron', 'code-server'].includes(forced)) throw new Error(`unknown host '${forced}'`);
    return forced;
  }
  const cache = path.join(ROOT, '.vscode-test');
  if (fs.existsSync(cache) && fs.readdirSync(cache).some((d) => d.startsWith('vscode-'))) return 'electron';
  try {
    // A closed network refuses this within milliseconds; the timeout covers a silent drop.
    const res = await fetch('https://update.code.visualstudio.com/api/releases/stable', {
      signal: AbortSignal.timeout(3000),
    });
    if (res.ok) return 'electron';
  } catch {
    /* unreachable: use code-server */
  }
  return 'code-server';
}

async function runElectron(workspace, userDataDir) {
  const { runTests } = await import('@vscode/test-electron');
  // On Linux without a display, desktop VS Code needs xvfb-run around this script.
  return runTests({
    extensionDevelopmentPath: extensionPath,
    extensionTestsPath: testsPath,
    extensionTestsEnv: testEnv,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', userDataDir],
  }).then(
    () => 0,
    (e) => {
      log(String(e?.message ?? e));
      return 1;
    },
  );
}

async function runCodeServer(workspace, userDataDir) {
  ensureChromium();
  const { chromium } = await import('playwright-core');
  const server = await startCodeServer({
    userDataDir,
    extensionsDir: path.join(userDataDir, 'extensions'),
    folder: workspace,
    smokeTestDriver: true, // without it the released build ignores the test payload in the URL
    env: testEnv,
  });
  let context;
  try {
    context = await chromium.launchPersistentContext(path.join(userDataDir, 'chromium'), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    let resolveExit;
    const exited = new Promise((r) => {
      resolveExit = r;
    });
    // The workbench forwards the extension host's console (mocha's reporter) and the
    // suite's result through these two functions when it runs extension tests.
    // The workbench's own log goes through it too: all of it goes to a file, the known
    // noise of an offline workbench is kept off the terminal.
    const consoleLog = path.join(userDataDir, 'workbench-console.log');
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const parts = (Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a)));
      fs.appendFileSync(consoleLog, `[${type}] ${util.format(...parts)}\n`);
      if (WORKBENCH_NOISE.some((re) => re.test(parts[0] ?? ''))) return;
      (type === 'error' ? console.error : console.log)(...parts);
    });
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
    const payload = [
      ['extensionDevelopmentPath', remoteUri(extensionPath)],
      ['extensionTestsPath', remoteUri(testsPath.replace(/\.js$/, ''))],
    ];
    const url = `${server.url}?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    log(`code-server ${server.url} (pid ${server.pid}); opening the workbench`);
    await page.goto(url);
    let timer;
    const timedOut = new Promise((r) => {
      timer = setTimeout(() => r('timeout'), timeoutMs);
    });
    const code = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    if (code === 'timeout') {
      log(`TIMEOUT: the suite did not finish within ${timeoutMs / 1000} s`);
      await page.screenshot({ path: path.join(userDataDir, 'timeout.png') }).catch(() => {});
      return 1;
    }
    return code;
  } finally {
    await context?.close().catch(() => {});
    await server.stop();
  }
}

async function main() {
  if (!fs.existsSync(testsPath)) {
    log(
      `${path.relative(ROOT, testsPath)} does not exist: build the suite first (node scripts/build.mjs --only tests)`,
    );
    return 1;
  }
  if (!fs.existsSync(path.join(extensionPath, 'package.json'))) {
    log(`${extensionPath} is not an extension (no package.json)`);
    return 1;
  }
  const host = await chooseHost();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-integration-'));
  const workspace = path.join(tmp, 'workspace');
  const userDataDir = path.join(tmp, 'user-data');
  fs.mkdirSync(workspace, { recursive: true });
  fs.mkdirSync(userDataDir, { recursive: true });
  log(`host: ${host}; extension: ${extensionPath}; tests: ${testsPath}`);
  const started = Date.now();
  let code;
  try {
    code =
      host === 'electron' ? await runElectron(workspace, userDataDir) : await runCodeServer(workspace, userDataDir);
  } catch (e) {
    log(`ERROR: ${e?.stack ?? e}`);
    code = 1;
  }
  log(`exit code ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (code !== 0) {
    console.error(`[integration] extension host log (tail):\n${extensionHostLogTail(userDataDir)}`);
  }
  if (keep || code !== 0) log(`user-data dir kept: ${userDataDir}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
  return code;
}

process.exit(await main());
