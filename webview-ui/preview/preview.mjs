#!/usr/bin/env node
// Renders a panel's webview outside VS Code, in headless Chromium, under the host's CSP, with a
// fake `acquireVsCodeApi` that answers like the host (fixtures.mjs), and saves screenshots.
//   node --import tsx webview-ui/preview/preview.mjs [panel ...] [--out dir]
// The page is the host's own HTML (src/panels/webviewHtml.ts) with its CSP; the fake VS Code API
// and the theme variables are injected by Playwright, outside the page, as VS Code's preload does.
// Every panel is shot in a light and a dark palette, as loaded and after its fixture's actions.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { FIXTURES } from './fixtures.mjs';
import { THEMES } from './themes.mjs';
import { webviewHtml } from '../../src/panels/webviewHtml.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const outIdx = argv.indexOf('--out');
const outDir = path.resolve(outIdx >= 0 ? argv[outIdx + 1] : path.join(ROOT, 'out/webview-preview'));
const panels = argv.filter((a, i) => !a.startsWith('--') && (outIdx < 0 || i !== outIdx + 1));
const selected = panels.length > 0 ? panels : Object.keys(FIXTURES);
const buildDir = path.join(outDir, 'webview');
fs.mkdirSync(buildDir, { recursive: true });

await esbuild.build({
  absWorkingDir: ROOT,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  logLevel: 'warning',
  entryPoints: [...new Set(selected.map((p) => `webview-ui/src/${FIXTURES[p].entry ?? p}.ts`))],
  outdir: buildDir,
  entryNames: '[name]',
});
for (const f of ['codicon.css', 'codicon.ttf'])
  fs.copyFileSync(path.join(ROOT, 'node_modules/@vscode/codicons/dist', f), path.join(buildDir, f));

const nonce = 'cHJldmlld25vbmNlMTIzNDU2';
const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  // The theme part of the path only keeps each page's URL distinct: Playwright injects the theme.
  const [, panel] = url.pathname.match(/^\/page\/(\w+)\/(\w+)$/) ?? [];
  if (panel) {
    res.setHeader('content-type', 'text/html');
    res.end(page(FIXTURES[panel]?.entry ?? panel));
    return;
  }
  if (url.pathname === '/favicon.ico') {
    res.statusCode = 204;
    res.end();
    return;
  }
  const file = path.join(buildDir, path.basename(url.pathname));
  if (!fs.existsSync(file)) {
    res.statusCode = 404;
    res.end();
    return;
  }
  res.setHeader(
    'content-type',
    file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'font/ttf',
  );
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

function page(panel) {
  return webviewHtml({
    kind: panel,
    title: panel,
    cspSource: origin,
    scriptUri: `${origin}/${panel}.js`,
    codiconUri: `${origin}/codicon.css`,
    nonce,
  });
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const problems = [];
try {
  for (const panel of selected) {
    const fixture = FIXTURES[panel];
    for (const theme of Object.keys(THEMES)) {
      const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, deviceScaleFactor: 1 });
      const p = await context.newPage();
      p.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning')
          problems.push(`${panel}/${theme} console ${m.type()}: ${m.text()}`);
      });
      p.on('pageerror', (e) => problems.push(`${panel}/${theme} page error: ${e.message}`));
      // The fake host: answers `ready` with init and submits with the fixture's replies.
      await p.exposeFunction('__hostReceive', (m) => fixture.reply(m));
      await p.addInitScript(
        ([vars, theme]) => {
          document.addEventListener('DOMContentLoaded', () => {
            for (const [k, v] of vars) document.documentElement.style.setProperty(k, v);
            document.body.classList.add(`vscode-${theme}`);
          });
          window.__posted = [];
          // Like VS Code, the saved state survives a reload of the webview.
          window.acquireVsCodeApi = () => ({
            postMessage: (m) => {
              window.__posted.push(m);
              window.__fromWebview(m);
            },
            getState: () => JSON.parse(sessionStorage.getItem('vscodeState') ?? 'null') ?? undefined,
            setState: (s) => {
              sessionStorage.setItem('vscodeState', JSON.stringify(s));
            },
          });
          window.__fromWebview = (m) => {
            window.__hostReceive(m).then((replies) => {
              for (const [delay, reply] of replies ?? []) setTimeout(() => window.postMessage(reply, '*'), delay);
            });
          };
        },
        [Object.entries(THEMES[theme]).map(([k, v]) => [`--vscode-${k}`, v]), theme],
      );
      await p.goto(`${origin}/page/${panel}/${theme}`);
      await p.waitForTimeout(700);
      const shots = [];
      const shoot = async (name) => {
        const file = path.join(outDir, `${panel}-${name}-${theme}.png`);
        await p.screenshot({ path: file, fullPage: true });
        shots.push(file);
      };
      await shoot('form');
      for (const step of fixture.steps ?? []) {
        await step.run(p);
        await p.waitForTimeout(step.wait ?? 600);
        if (step.shot) await shoot(step.shot);
      }
      const posted = await p.evaluate(() => window.__posted);
      console.log(
        `${panel}/${theme}: posted ${posted.map((m) => m.type).join(', ')}; ${shots.map((s) => path.relative(ROOT, s)).join(', ')}`,
      );
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
if (problems.length) {
  console.log('Problems:\n' + [...new Set(problems)].join('\n'));
  process.exitCode = 1;
}
