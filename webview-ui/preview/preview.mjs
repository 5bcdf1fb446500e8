#!/usr/bin/env node
// Renders a panel's webview outside VS Code, in headless Chromium, under the host's CSP, with a
// fake `acquireVsCodeApi` that answers like the host (fixtures.mjs), and saves screenshots.
//   node --import tsx webview-ui/preview/preview.mjs [panel ...] [--out dir]
// Every panel is shot in a light and a dark palette, as loaded and after its fixture's actions.
import path from 'node:path';
import { chromium } from 'playwright-core';
import { FIXTURES } from './fixtures.mjs';
import { openPreviewPage, ROOT, startPreviewServer } from './harness.mjs';
import { THEMES } from './themes.mjs';

const argv = process.argv.slice(2);
const outIdx = argv.indexOf('--out');
const outDir = path.resolve(outIdx >= 0 ? argv[outIdx + 1] : path.join(ROOT, 'out/webview-preview'));
const panels = argv.filter((a, i) => !a.startsWith('--') && (outIdx < 0 || i !== outIdx + 1));
const selected = panels.length > 0 ? panels : Object.keys(FIXTURES);

const server = await startPreviewServer({ panels: selected, buildDir: path.join(outDir, 'webview') });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const problems = [];
try {
  for (const panel of selected) {
    const fixture = FIXTURES[panel];
    for (const theme of Object.keys(THEMES)) {
      const { page: p, context, problems: found } = await openPreviewPage(browser, server.origin, panel, theme);
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
      problems.push(...found);
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
