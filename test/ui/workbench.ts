// Drives a real VS Code workbench (code-server + headless Debian chromium) for UI tests.
//
// The working copy is loaded as an INSTALLED extension (a symlink in --extensions-dir, see
// installDevExtension) and code-server runs WITHOUT the smoke-test driver: the driver hides
// notification toasts, and without it the released build ignores the extensionDevelopmentPath
// URL payload. So the UI seen here is the one users see. Build dist/ before (npm run build).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  ROOT,
  ensureChromium,
  extensionHostLogTail,
  installDevExtension,
  startCodeServer,
} from '../../scripts/vscode-env.mjs';
import type { CodeServer } from '../../scripts/vscode-env.mjs';

export const SCREENSHOTS = path.join(ROOT, 'test-results', 'screenshots');

export interface WorkbenchOptions {
  /** `workbench.colorTheme`, e.g. Default Dark Modern, Default Light Modern, Default High Contrast. */
  theme?: string;
  /** The extension folder to install (default: the working copy). */
  extensionPath?: string;
  /** More user settings (e.g. the extension's own). */
  settings?: Record<string, unknown>;
  /** Prefix of screenshot names, e.g. the test file's name. */
  name?: string;
}

export class Workbench {
  private shotCount = 0;

  private constructor(
    readonly page: Page,
    private readonly context: BrowserContext,
    private readonly server: CodeServer,
    private readonly tmp: string,
    private readonly name: string,
  ) {}

  /** Starts code-server with the extension installed, opens the workbench in chromium. */
  static async start(o: WorkbenchOptions = {}): Promise<Workbench> {
    ensureChromium();
    const extensionPath = o.extensionPath ?? ROOT;
    if (extensionPath === ROOT && !fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) {
      throw new Error('dist/extension.js is missing: run `npm run build` first');
    }
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-ui-'));
    const userDataDir = path.join(tmp, 'user-data');
    const extensionsDir = path.join(tmp, 'extensions');
    const folder = path.join(tmp, 'workspace');
    fs.mkdirSync(folder, { recursive: true });
    installDevExtension(extensionsDir, extensionPath);
    const server = await startCodeServer({
      userDataDir,
      extensionsDir,
      folder,
      env: { AMI_EXPLORER_TEST: '1' },
      settings: {
        'workbench.colorTheme': o.theme ?? 'Default Dark Modern',
        // Chat's secondary side bar would take a third of every screenshot.
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        ...o.settings,
      },
    });
    const context = await chromium.launchPersistentContext(path.join(tmp, 'chromium'), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 800 },
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const name = o.name ?? 'ui';
    // Screenshots of an earlier run (a FAILED one above all) must not pass for this run's.
    if (fs.existsSync(SCREENSHOTS)) {
      for (const f of fs.readdirSync(SCREENSHOTS)) if (f.startsWith(`${name}-`)) fs.rmSync(path.join(SCREENSHOTS, f));
    }
    const wb = new Workbench(page, context, server, tmp, name);
    await page.goto(`${server.url}?folder=${encodeURIComponent(folder)}`);
    await page.locator('.monaco-workbench .activitybar').waitFor({ timeout: 60_000 });
    // The theme applies 1-3 s after the first paint.
    await page.waitForTimeout(1500);
    return wb;
  }

  /** Clicks the activity-bar entry whose title starts with `title` and waits for its view. */
  async openContainer(title: string): Promise<void> {
    const item = this.page.locator(`.activitybar .action-label[aria-label^="${title}"]`);
    // The first click on an extension's container can take ~5 s: the extension host starts.
    await item.click({ timeout: 30_000 });
    await this.page.locator('.sidebar .pane-header, .sidebar .composite.title').first().waitFor();
    await this.checkNoErrorDialog();
  }

  /**
   * The first visible tree row whose label starts with `prefix` (labels may end with a count:
   * "Amazon (50)"). Rows are virtualised: only rows on screen exist in the DOM.
   */
  row(prefix: string): Locator {
    return this.page
      .locator('.monaco-list-row')
      .filter({
        has: this.page.locator('.label-name').filter({ hasText: new RegExp(`^\\s*${escapeRe(prefix)}`) }),
      })
      .first();
  }

  /**
   * Expands the view pane titled `title` when the container shows several views (a single
   * view has no pane header: its title is part of the container's title).
   */
  async openView(title: string): Promise<void> {
    const header = this.page
      .locator('.sidebar .pane-header')
      .filter({ hasText: new RegExp(`^\\s*${escapeRe(title)}`) });
    if ((await header.count()) > 0 && (await header.first().getAttribute('aria-expanded')) === 'false') {
      await header.first().click();
    }
  }

  /** Opens the AMIs view of the AWS Explorer container and waits for its first region row. */
  async openAmisView(): Promise<void> {
    await this.openContainer('AWS Explorer');
    await this.openView('AMIs');
    await this.row('us-east-1').waitFor({ timeout: 60_000 });
  }

  /** The children of an expanded row once loaded (a "Loading..." row may come first); empty after 30 s. */
  async loadedChildren(parent: Locator): Promise<Array<{ label: string; row: Locator }>> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const rows = (await this.children(parent)).filter((r) => r.label && !/^Loading/i.test(r.label));
      if (rows.length > 0 || Date.now() > deadline) return rows;
      await this.page.waitForTimeout(200);
    }
  }

  /** The rows one level below an expanded `parent` row (by aria-level, in visual order). */
  async children(parent: Locator): Promise<Array<{ label: string; row: Locator }>> {
    const found = await parent.evaluate((el) => {
      const level = Number(el.getAttribute('aria-level'));
      const rows = Array.from(el.closest('.monaco-list')?.querySelectorAll('.monaco-list-row') ?? []).sort(
        (a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')),
      );
      const out: Array<{ id: string; label: string }> = [];
      for (const r of rows.slice(rows.indexOf(el) + 1)) {
        const l = Number(r.getAttribute('aria-level'));
        if (l <= level) break;
        if (l === level + 1) out.push({ id: r.id, label: r.querySelector('.label-name')?.textContent?.trim() ?? '' });
      }
      return out;
    });
    return found.map((f) => ({ label: f.label, row: this.page.locator(`[id="${f.id}"]`) }));
  }

  /**
   * Waits for the row, scrolling the side bar's trees when it is not rendered: lists are
   * virtualised, so a row below a long expanded subtree is not in the DOM until scrolled to.
   */
  async reveal(prefix: string, timeoutMs = 30_000): Promise<Locator> {
    const r = this.row(prefix);
    const deadline = Date.now() + timeoutMs;
    const list = this.page.locator('.sidebar .monaco-list').first();
    for (let step = 0; ; step++) {
      if (await r.isVisible()) return r;
      if (Date.now() > deadline) break;
      if (await list.isVisible()) {
        await list.hover({ position: { x: 20, y: 20 } });
        // Top first, then down a screen at a time; over again while children still load.
        await this.page.mouse.wheel(0, step % 15 === 0 ? -100_000 : 400);
      }
      await this.page.waitForTimeout(150);
    }
    await r.waitFor({ timeout: 1 }); // fails with Playwright's message
    return r;
  }

  /** Collapses the row when it is expanded (e.g. to bring later siblings back on screen). */
  async collapse(prefix: string): Promise<void> {
    const r = await this.reveal(prefix);
    if ((await r.getAttribute('aria-expanded')) === 'true') await r.click();
  }

  /** Waits for the row to appear, then expands it when collapsed. */
  async expand(prefix: string): Promise<Locator> {
    const r = await this.reveal(prefix);
    if ((await r.getAttribute('aria-expanded')) === 'false') await r.click();
    const deadline = Date.now() + 30_000;
    while ((await r.getAttribute('aria-expanded')) !== 'true') {
      await this.checkNoErrorDialog();
      if (Date.now() > deadline) throw new Error(`row "${prefix}" did not expand`);
      await this.page.waitForTimeout(100);
    }
    await this.checkNoErrorDialog();
    return r;
  }

  /** Right-clicks the row and returns the labels of the context menu's items. */
  async contextMenu(row: Locator): Promise<string[]> {
    await this.checkNoErrorDialog();
    await row.click({ button: 'right' });
    const items = this.page.locator('.monaco-menu .action-item:not(.disabled) .action-label');
    await items.first().waitFor({ timeout: 10_000 });
    await this.page.waitForTimeout(300); // menus fade in
    return (await items.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
  }

  /** Runs a command from the palette, clicking the entry whose label is exactly `label`. */
  async runCommand(label: string): Promise<void> {
    await this.checkNoErrorDialog();
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${label}`);
    // Enter would run the first entry, whatever it is.
    const entry = this.page.locator('.quick-input-list .monaco-list-row').filter({
      has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRe(label)}$`) }),
    });
    await entry.first().click({ timeout: 10_000 });
    await this.page.waitForTimeout(500); // a failing command's dialog follows within ms
    await this.checkNoErrorDialog();
  }

  /** Saves test-results/screenshots/<name>-<n>-<label>.png, with menus settled and the mouse away. */
  async screenshot(label: string): Promise<string> {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await this.page.mouse.move(900, 650); // an empty editor area: no tooltip
    await this.page.waitForTimeout(400);
    const file = path.join(SCREENSHOTS, `${this.name}-${String(++this.shotCount).padStart(2, '0')}-${label}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /**
   * Fails when a command threw: VS Code 1.139 then shows a MODAL "Command 'X' resulted in an
   * error" dialog that blocks every later click. Takes a screenshot and dismisses it first.
   */
  async checkNoErrorDialog(): Promise<void> {
    const dialog = this.page.locator('.monaco-dialog-box');
    if (!(await dialog.isVisible())) return;
    const text = (await dialog.locator('.dialog-message').innerText()).replace(/\s+/g, ' ').trim();
    const file = await this.screenshot('error-dialog');
    await this.page.keyboard.press('Escape');
    throw new Error(`Modal dialog: "${text}" (screenshot ${file})`);
  }

  /** For a failed test: a screenshot and the extension host's log. */
  async failureReport(testTitle: string): Promise<string> {
    const slug = testTitle.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
    const file = await this.screenshot(`FAILED-${slug}`).catch((e) => `(no screenshot: ${e})`);
    return `screenshot: ${file}\n${extensionHostLogTail(path.join(this.tmp, 'user-data'))}`;
  }

  async stop(): Promise<void> {
    await this.context.close().catch(() => undefined);
    await this.server.stop();
    fs.rmSync(this.tmp, { recursive: true, force: true });
  }
}

/**
 * One workbench for the mocha suite this is called in: started before its tests, stopped after
 * them, with a screenshot and the extension host's log for each failed test.
 */
export function suiteWorkbench(options: WorkbenchOptions): () => Workbench {
  let wb: Workbench | undefined;
  before(async function () {
    wb = await Workbench.start(options);
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && wb) console.error(await wb.failureReport(this.currentTest.fullTitle()));
  });
  after(async function () {
    await wb?.stop();
  });
  return () => wb!;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
