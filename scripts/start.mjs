#!/usr/bin/env node
// `npm start`: build, then open VS Code with the working copy's AMI Explorer.
//   - A desktop `code` on PATH: `code --extensionDevelopmentPath=<repo> --new-window`.
//   - Otherwise code-server on 127.0.0.1 (--port N, or env PORT, default 8080, else a free one)
//     with the working copy installed as an extension (a symlink, like the UI tests), until Ctrl+C.
//     A browser tab that closes ends its extension host after a short grace time (not code-server's 3 h).
//   - The folder opened is an empty sample workspace (.tools/start/workspace), not the repository:
//     the extension's own package.json and sources are not what a user of it looks at.
// Rebuild with `npm run build -- --watch` in another terminal, then "Developer: Reload Window".
//   node scripts/start.mjs [--port N] [--folder DIR] [--no-build]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, TOOLS, ensureCodeServer, installDevExtension, startCodeServer } from './vscode-env.mjs';

const argv = process.argv.slice(2);
const opt = (name) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};

// A fresh clone: install the npm dependencies first (the build needs esbuild).
if (!fs.existsSync(path.join(ROOT, 'node_modules', '.package-lock.json'))) {
  const r = spawnSync('npm', ['ci'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!argv.includes('--no-build')) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
if (!fs.existsSync(path.join(ROOT, 'dist/extension.js'))) {
  console.error('start: dist/extension.js was not built (src/extension.ts missing?)');
  process.exit(1);
}
const folder = path.resolve(opt('folder') ?? sampleWorkspace());

/** An empty folder to open (kept across runs, ignored by git), with a note on what to try. */
function sampleWorkspace() {
  const dir = path.join(TOOLS, 'start', 'workspace');
  fs.mkdirSync(dir, { recursive: true });
  const note = path.join(dir, 'README.md');
  if (!fs.existsSync(note))
    fs.writeFileSync(
      note,
      '# AMI Explorer sample workspace\n\nOpen **AWS Explorer** in the activity bar: the AMIs view shows the simulator.\n' +
        'Try *AMI Explorer: Open Walkthrough: Learn Amazon Machine Images* from the command palette.\n',
    );
  return dir;
}

const hasCode = spawnSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' }).status === 0;
if (hasCode && !process.env.AMI_EXPLORER_FORCE_CODE_SERVER) {
  const child = spawn('code', [`--extensionDevelopmentPath=${ROOT}`, '--new-window', folder], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  ensureCodeServer();
  // Persistent (ignored) profile: layout and simulator state survive restarts.
  const base = path.join(TOOLS, 'start');
  const extensionsDir = path.join(base, 'extensions');
  installDevExtension(extensionsDir, ROOT);
  const server = await startCodeServer({
    port: Number(opt('port') ?? process.env.PORT ?? 8080),
    userDataDir: path.join(base, 'user-data'),
    extensionsDir,
    folder,
    settings: { 'workbench.secondarySideBar.defaultVisibility': 'hidden' },
    // Each browser session has its own extension host; without this it outlives a closed tab by 3 h.
    // 60 s still covers a page reload or a short network drop.
    extraArgs: ['--reconnection-grace-time', '60'],
  });
  console.log(`\nAMI Explorer in VS Code (code-server): ${server.url}?folder=${encodeURIComponent(folder)}`);
  console.log(`code-server log: ${server.logFile}\nCtrl+C to stop.\n`);
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  process.on('SIGHUP', shutdown);
  // Keep running while code-server does.
  const timer = setInterval(() => {
    try {
      process.kill(server.pid, 0);
    } catch {
      console.error('code-server exited; see its log');
      clearInterval(timer);
      process.exit(1);
    }
  }, 2000);
}
