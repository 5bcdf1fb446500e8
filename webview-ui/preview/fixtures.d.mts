// Types for webview-ui/preview/fixtures.mjs, imported by test/ui/translations.ui.ts.
import type { Page } from 'playwright-core';

export interface PreviewStep {
  run(page: Page): Promise<void>;
  wait?: number;
  shot?: string;
}
export const FIXTURES: Record<
  string,
  { entry?: string; reply(message: unknown): Promise<[number, unknown][]>; steps?: PreviewStep[] }
>;
