// Serves the panels' webviews outside VS Code: the host's own HTML (src/panels/webviewHtml.ts)
// with its CSP, the bundles built from webview-ui/src, and a fake `acquireVsCodeApi` injected by
// Playwright, outside the page, as VS Code's preload does, answering like the host (fixtures.mjs).
// Used by preview.mjs (screenshots) and by test/ui/translations.ui.ts.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXTURES } from './fixtures.mjs';
import { THEMES } from './themes.mjs';
import { webviewHtml } from '../../src/panels/webviewHtml.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Builds the bundles of `panels` (keys of FIXTURES) into `buildDir` and serves them on 127.0.0.1.
 * `translations` goes on the page as the host would put VS Code's bundle.
 */
export async function startPreviewServer({ panels, buildDir, translations }) {
  fs.mkdirSync(buildDir, { recursive: true });
  await esbuild.build({
    absWorkingDir: ROOT,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'warning',
    entryPoints: [...new Set(panels.map((p) => `webview-ui/src/${FIXTURES[p].entry ?? p}.ts`))],
    outdir: buildDir,
    entryNames: '[name]',
  });
  for (const f of ['codicon.css', 'codicon.ttf'])
    fs.copyFileSync(path.join(ROOT, 'node_modules/@vscode/codicons/dist', f), path.join(buildDir, f));

  const nonce = 'cHJldmlld25vbmNlMTIzNDU2';
  let origin = '';
  const page = (kind) =>
    webviewHtml({
      kind,
      title: kind,
      cspSource: origin,
      scriptUri: `${origin}/${kind}.js`,
      codiconUri: `${origin}/codicon.css`,
      nonce,
      translations,
    });
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
  origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, close: () => server.close() };
}

/**
 * Opens `panel` in a new browser context with `theme`'s palette and the fake host. Returns the
 * page, the problems it reported (console errors and warnings, page errors), and every message the
 * fake host sent to the webview.
 */
export async function openPreviewPage(browser, origin, panel, theme) {
  const fixture = FIXTURES[panel];
  const problems = [];
  const sent = [];
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, deviceScaleFactor: 1 });
  const p = await context.newPage();
  p.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning')
      problems.push(`${panel}/${theme} console ${m.type()}: ${m.text()}`);
  });
  p.on('pageerror', (e) => problems.push(`${panel}/${theme} page error: ${e.message}`));
  // The fake host: answers `ready` with init and submits with the fixture's replies.
  await p.exposeFunction('__hostReceive', async (m) => {
    const replies = await fixture.reply(m);
    for (const [, reply] of replies ?? []) sent.push(reply);
    return replies;
  });
  // Source text, not a function: a loader such as tsx may wrap a function's inner functions in a
  // helper (`__name`) that the page does not have.
  const vars = Object.entries(THEMES[theme]).map(([k, v]) => [`--vscode-${k}`, v]);
  await p.addInitScript({
    content: `(() => {
      const vars = ${JSON.stringify(vars)};
      const theme = ${JSON.stringify(theme)};
      document.addEventListener('DOMContentLoaded', () => {
        for (const [k, v] of vars) document.documentElement.style.setProperty(k, v);
        document.body.classList.add('vscode-' + theme);
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
    })();`,
  });
  await p.goto(`${origin}/page/${panel}/${theme}`);
  // The panel draws when the fake host's init arrives; then let its elements settle.
  await p
    .waitForFunction(() => (document.getElementById('app')?.childElementCount ?? 0) > 0, undefined, {
      timeout: 30_000,
    })
    .catch((e) => {
      throw new Error(`${panel} did not draw: ${e.message}; ${problems.join('; ')}`);
    });
  await p.waitForTimeout(500);
  return { page: p, context, problems, sent };
}
