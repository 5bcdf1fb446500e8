// Localisation of the webviews (issue 12, item 11): every panel rendered, outside VS Code, with a
// pseudo-translation of l10n/bundle.l10n.json in which each message is marked ⟦…⟧, the way a
// translation reaches it from the host. Any visible text, label, placeholder, tooltip or accessible
// name that is neither marked nor the host's own data is a string a translation would miss.
// (A whole-product run in another display language is not possible here: code-server resolves the
// display language to English unless a language pack is installed, and none can be downloaded.)
// Screenshots: test-results/screenshots/translations-<panel>-<step>.png.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { FIXTURES } from '../../webview-ui/preview/fixtures.mjs';
import { openPreviewPage, startPreviewServer } from '../../webview-ui/preview/harness.mjs';
import { ROOT } from '../../webview-ui/preview/harness.mjs';
import { SCREENSHOTS } from './workbench';

/** l10n/bundle.l10n.json with every message marked: "Deregister {0}" → "⟦Deregister {0}⟧". */
function pseudoBundle(): Record<string, string> {
  const bundle = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n/bundle.l10n.json'), 'utf8')) as Record<
    string,
    string | { message: string }
  >;
  return Object.fromEntries(
    Object.entries(bundle).map(([key, value]) => [key, `⟦${typeof value === 'string' ? value : value.message}⟧`]),
  );
}

/**
 * EC2's own vocabulary, shown as EC2 spells it in every language (volume types, architectures,
 * boot modes, states): a webview may list these itself.
 */
const EC2_VALUES =
  /\b(gp2|gp3|io1|io2|st1|sc1|standard|x86_64|arm64|i386|uefi|legacy-bios|uefi-preferred|ebs|instance-store|hvm|paravirtual|GiB|IOPS|MiB\/s|AMI|EBS|KMS|ARN|OU|ID)\b/g;

/** What the browser's own date formatting writes (toLocaleString in the display language). */
const LOCALE_FORMATS = /\b(AM|PM|UTC|GMT)\b/g;

/** Format examples of EC2 identifiers (placeholders such as `arn:aws:organizations::…:ou/o-…/ou-…`). */
const ID_EXAMPLES = /arn:aws:\S*/g;

/**
 * Every string the user can see or hear on the page, light DOM and shadow roots alike. A string of
 * code: tsx would wrap a function's inner named functions in a helper the page does not have.
 */
const VISIBLE_STRINGS = `(() => {
  const found = [];
  const attrs = ['aria-label', 'title', 'placeholder', 'label', 'description', 'heading', 'aria-description'];
  const visit = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let n = walker.currentNode; n; n = walker.nextNode()) {
      if (n.nodeType === Node.TEXT_NODE) {
        const parent = n.parentElement;
        if (!parent || ['STYLE', 'SCRIPT', 'TITLE'].includes(parent.tagName)) continue;
        if (parent.closest('[hidden]') || getComputedStyle(parent).display === 'none') continue;
        // Commands and code are not translated.
        if (parent.closest('code, pre, kbd')) continue;
        if (!(n.textContent || '').trim()) continue;
        // A sentence with elements in it (fillIn: "It stays <em>pending</em> until…") is one
        // message split over several text nodes: judge the whole text of the block it is in.
        let block = parent;
        while (block.parentElement && getComputedStyle(block).display === 'inline') block = block.parentElement;
        found.push(block.textContent || '');
        continue;
      }
      for (const attr of attrs) if (n.hasAttribute && n.hasAttribute(attr)) found.push(n.getAttribute(attr) || '');
      if (n.shadowRoot) visit(n.shadowRoot);
    }
  };
  visit(document.body);
  return [...new Set(found.map((s) => s.trim()).filter((s) => s.length > 0))];
})()`;

async function visibleStrings(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(VISIBLE_STRINGS);
}

/** The strings of the host's messages: names, ids, dates and the host's own (translated) texts. */
function hostData(messages: unknown[]): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string' || typeof v === 'number') out.push(String(v));
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(messages);
  return [...new Set(out.filter((s) => s.length > 1))].sort((a, b) => b.length - a.length);
}

/** What is left of `text` once translated messages, host data and EC2's vocabulary are taken out. */
function untranslatedPart(text: string, data: string[]): string {
  let rest = text.replace(/⟦[^⟦⟧]*⟧/g, ' ');
  // Nested marks (a translated phrase inside a translated sentence) unwrap from the inside out.
  while (/⟦[^⟦⟧]*⟧/.test(rest)) rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ');
  for (const d of data) rest = rest.split(d).join(' ');
  return rest
    .replace(EC2_VALUES, ' ')
    .replace(LOCALE_FORMATS, ' ')
    .replace(ID_EXAMPLES, ' ')
    .replace(/[^\p{L}]+/gu, ' ')
    .trim();
}

describe('webview translations (UI, pseudo-locale)', function () {
  let browser: Browser;
  let server: { origin: string; close(): void };
  const buildDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-l10n-webviews-'));

  before(async function () {
    server = await startPreviewServer({ panels: Object.keys(FIXTURES), buildDir, translations: pseudoBundle() });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  });

  after(async function () {
    await browser?.close();
    server?.close();
    fs.rmSync(buildDir, { recursive: true, force: true });
  });

  for (const panel of Object.keys(FIXTURES)) {
    it(`${panel}: every text the user sees comes through the translation bundle, in every state of the form`, async function () {
      const { page, context, problems, sent } = await openPreviewPage(browser, server.origin, panel, 'light');
      try {
        const leaks = new Set<string>();
        const check = async (state: string): Promise<void> => {
          const data = hostData(sent);
          for (const text of await visibleStrings(page)) {
            const rest = untranslatedPart(text, data);
            if (/\p{L}{2,}/u.test(rest)) leaks.add(`${state}: "${text}"`);
          }
          fs.mkdirSync(SCREENSHOTS, { recursive: true });
          await page.screenshot({ path: path.join(SCREENSHOTS, `translations-${panel}-${state}.png`), fullPage: true });
        };
        await check('form');
        const marked = (await visibleStrings(page)).filter((s) => s.includes('⟦')).length;
        assert.ok(marked > 0, 'the panel shows translated text at all');
        for (const step of FIXTURES[panel].steps ?? []) {
          await step.run(page);
          await page.waitForTimeout(step.wait ?? 600);
          await check(step.shot ?? 'step');
        }
        assert.deepStrictEqual([...leaks], [], 'texts that no translation would reach');
        assert.deepStrictEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }
});
