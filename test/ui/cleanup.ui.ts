// UI journey of Clean Up Images (issue 13 item 3), once per theme: the panel from the region row's
// context menu, rules typed in the webview, a dry run, and the run confirmed in VS Code's modal dialog.
// Screenshots: test-results/screenshots/cleanup-<theme>-*.png.
import assert from 'node:assert/strict';
import { chooseFromContextMenu, closeEditors, expectText, THEMES, webview } from './webviews';
import { Workbench } from './workbench';

for (const { slug, theme } of THEMES) {
  describe(`Clean Up Images panel (UI, ${theme})`, function () {
    let wb: Workbench | undefined;

    before(async function () {
      wb = await Workbench.start({ name: `cleanup-${slug}`, theme });
      await wb.openContainer('AWS Explorer');
      await wb.openView('AMIs');
      await wb.row('us-east-1').waitFor({ timeout: 60_000 });
    });

    afterEach(async function () {
      if (this.currentTest?.state === 'failed' && wb)
        console.error(await wb.failureReport(this.currentTest.fullTitle()));
    });

    after(async function () {
      await wb?.stop();
    });

    it('shows a dry run of typed rules: each image kept or removed, why, its snapshots and the saving', async function () {
      await chooseFromContextMenu(wb!, wb!.row('us-east-1'), 'Clean Up Images…');
      const view = await webview(wb!, 'Clean Up Images');
      const fields = view.locator('vscode-textfield.wide');
      // Keep the 1 newest per family and nothing by age, so the seed's older images are removed.
      await fields.nth(2).locator('input').fill('1');
      await fields.nth(3).locator('input').fill('0');
      await fields.nth(4).locator('input').fill('0');
      await view.locator('vscode-button', { hasText: 'Dry Run' }).click();
      await expectText(view.locator('#dry-run-totals'), /images? matched of \d+ you own: \d+ kept, \d+ removed/);
      const rows = view.locator('#dry-run tbody tr');
      assert.ok((await rows.count()) > 0, 'the dry run lists the images');
      await expectText(view.locator('#dry-run'), /no keep rule applies|one of the 1 newest|the only image of family/);
      await view.locator('#dry-run-totals').scrollIntoViewIfNeeded();
      await wb!.screenshot('dry-run');
      await view.locator('#dry-run tbody tr').last().scrollIntoViewIfNeeded();
      await wb!.screenshot('dry-run-end');
      await closeEditors(wb!);
    });
  });
}
