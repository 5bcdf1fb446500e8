// Helpers for UI tests that work inside the webview panels (see workbench.ts for the workbench).
import assert from 'node:assert/strict';
import type { FrameLocator, Locator } from 'playwright-core';
import type { Workbench } from './workbench';

export const THEMES = [
  { slug: 'light', theme: 'Default Light Modern' },
  { slug: 'dark', theme: 'Default Dark Modern' },
  { slug: 'hc', theme: 'Default High Contrast' },
];

export async function chooseFromContextMenu(wb: Workbench, row: Locator, label: string): Promise<void> {
  const items = await wb.contextMenu(row);
  assert.ok(items.includes(label), `context menu: ${items.join(' | ')}`);
  await wb.page
    .locator('.monaco-menu .action-item:not(.disabled) .action-label')
    .filter({ hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })
    .first()
    .click();
  await wb.page.waitForTimeout(300);
  await wb.checkNoErrorDialog();
}

/** The active webview's document, once its heading says `heading`. */
export async function webview(wb: Workbench, heading: string): Promise<FrameLocator> {
  const frame = wb.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
  await expectText(frame.locator('h1').first(), new RegExp(heading, 'i'));
  return frame;
}

export async function expectText(locator: Locator, pattern: RegExp, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const last =
      (await locator
        .first()
        .innerText({ timeout: 5_000 })
        .catch(() => '')) ?? '';
    if (pattern.test(last)) return;
    if (Date.now() > deadline) assert.fail(`expected ${pattern} in: ${last.slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The element with the keyboard focus inside the webview: its tag and its accessible label. */
export async function focusedElement(view: FrameLocator): Promise<{ tag: string; label: string; id: string }> {
  return view.locator('body').evaluate(() => {
    const el = document.activeElement as (HTMLElement & { label?: string }) | null;
    if (!el) return { tag: '', label: '', id: '' };
    const label =
      (el.id && document.querySelector(`vscode-label[for="${el.id}"]`)?.textContent) ||
      el.getAttribute('aria-label') ||
      el.label ||
      el.textContent ||
      '';
    return { tag: el.tagName.toLowerCase(), label: label.trim(), id: el.id };
  });
}

/** True when the element's box lies inside the webview's viewport. */
export async function inViewport(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
  });
}

export async function closeEditors(wb: Workbench): Promise<void> {
  await wb.runCommand('View: Close All Editors');
  await wb.page.waitForTimeout(300);
}

/**
 * An accessible-name audit of a webview form (axe-core is not a dependency; this checks the rules
 * that matter for these forms): every field, checkbox, select and button has a name a screen
 * reader says, and no id is used twice. Returns the problems found.
 */
export async function accessibilityProblems(view: FrameLocator): Promise<string[]> {
  return view.locator('body').evaluate(() => {
    const problems: string[] = [];
    const ids = new Map<string, number>();
    for (const el of Array.from(document.querySelectorAll('[id]'))) ids.set(el.id, (ids.get(el.id) ?? 0) + 1);
    for (const [id, n] of ids) if (n > 1) problems.push(`id "${id}" is used ${n} times`);
    const controls = document.querySelectorAll<HTMLElement & { label?: string }>(
      'vscode-textfield, vscode-single-select, vscode-checkbox, vscode-button, input, button, select, textarea',
    );
    for (const el of Array.from(controls)) {
      if (el.closest('[hidden]') || el.getRootNode() !== document) continue;
      const name =
        el.getAttribute('aria-label') ||
        el.getAttribute('aria-labelledby') ||
        (el.id && document.querySelector(`vscode-label[for="${el.id}"], label[for="${el.id}"]`)?.textContent) ||
        el.label ||
        el.getAttribute('label') ||
        (el.tagName === 'VSCODE-BUTTON' || el.tagName === 'BUTTON' ? el.textContent : '') ||
        '';
      if (!name.trim())
        problems.push(`<${el.tagName.toLowerCase()}> ${el.outerHTML.slice(0, 120)} has no accessible name`);
    }
    return problems;
  });
}
