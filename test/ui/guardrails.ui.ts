// UI journey through the guardrails of issue 14 on the simulator, once per theme: the Allowed AMIs
// row opens its panel, a criterion is added and previewed (the what-if table), and the Recycle
// Bin folder shows its empty state. Screenshots: test-results/screenshots/guardrails-<theme>-*.png.
import type { FrameLocator } from 'playwright-core';
import { accessibilityProblems, closeEditors, expectText, THEMES, webview } from './webviews';
import { Workbench } from './workbench';
import assert from 'node:assert/strict';

for (const { slug, theme } of THEMES) {
  describe(`AMI Explorer guardrails (UI, ${theme})`, function () {
    let wb: Workbench | undefined;

    before(async function () {
      wb = await Workbench.start({ name: `guardrails-${slug}`, theme });
      await wb.openContainer('AWS Explorer');
      await wb.openView('AMIs');
      await wb.row('us-east-1').waitFor({ timeout: 60_000 });
      await wb.expand('us-east-1');
    });

    afterEach(async function () {
      if (this.currentTest?.state === 'failed' && wb)
        console.error(await wb.failureReport(this.currentTest.fullTitle()));
    });

    after(async function () {
      await wb?.stop();
    });

    it('previews Allowed AMIs criteria in the what-if panel opened from the region row', async function () {
      // Load some images first: the what-if covers what the tree has loaded.
      await wb!.expand('Images');
      await wb!.expand('Amazon');
      await wb!.expand('EBS-backed');
      await wb!.collapse('Images');
      await (await wb!.reveal('Allowed AMIs')).click();
      const view: FrameLocator = await webview(wb!, 'Allowed AMIs');
      await expectText(view.locator('#allowed-status'), /Disabled/);
      await view.locator('vscode-button', { hasText: 'Add criterion' }).click();
      const names = view.locator('.criterion vscode-textfield').nth(1).locator('input');
      await names.fill('al2023-ami-*');
      await view.locator('vscode-button', { hasText: 'Preview' }).click();
      await expectText(view.locator('#what-if-summary'), /would not be allowed/);
      await expectText(view.locator('#changes'), /Replace the 0 current criteria with 1 criterion/);
      assert.deepEqual(await accessibilityProblems(view), []);
      await view
        .locator('#what-if-summary')
        .evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
      await wb!.screenshot('allowed-amis-what-if');
      await closeEditors(wb!);
    });

    it('shows the empty Recycle Bin', async function () {
      await wb!.expand('Recycle Bin');
      await wb!.reveal('No images in the Recycle Bin');
      await wb!.screenshot('recycle-bin-empty');
    });
  });
}
