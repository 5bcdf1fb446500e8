// Types for webview-ui/preview/harness.mjs, imported by test/ui/translations.ui.ts.
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const ROOT: string;
export function startPreviewServer(o: {
  panels: string[];
  buildDir: string;
  translations?: Record<string, unknown>;
}): Promise<{ origin: string; close(): void }>;
export function openPreviewPage(
  browser: Browser,
  origin: string,
  panel: string,
  theme: string,
): Promise<{ page: Page; context: BrowserContext; problems: string[]; sent: unknown[] }>;
