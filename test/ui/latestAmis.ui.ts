// UI journey (issue 14 items 3-4), once per theme (light, dark, high contrast): the Latest AMIs
// folder of us-east-1 with its Amazon Linux parameters, and the Launch panel of an unknown
// publisher's image (a community AlmaLinux build) whose Launch button stays disabled until the
// checklist is acknowledged. Screenshots: test-results/screenshots/latest-<theme>-*.png.
import assert from 'node:assert/strict';
import { chooseFromContextMenu, closeEditors, expectText, THEMES, webview } from './webviews';
import { Workbench } from './workbench';

for (const { slug, theme } of THEMES) {
  describe(`Latest AMIs and unknown publishers (UI, ${theme})`, function () {
    let wb: Workbench | undefined;

    before(async function () {
      wb = await Workbench.start({ name: `latest-${slug}`, theme });
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

    it('lists the Amazon Linux parameters, each resolved to its AMI', async function () {
      await wb!.expand('Latest AMIs');
      const ns = await wb!.expand('Amazon Linux');
      const rows = await wb!.loadedChildren(ns);
      assert.ok(
        rows.some((r) => r.label === 'al2023-ami-kernel-default-x86_64'),
        rows.map((r) => r.label).join(' | '),
      );
      await wb!.screenshot('amazon-linux-parameters');
      await wb!.collapse('Latest AMIs');
    });

    it("asks for the checklist before launching an unknown publisher's image", async function () {
      for (const folder of ['Images', 'Other public', 'EBS-backed']) await wb!.expand(folder);
      const family = await wb!.expand('AlmaLinux OS * x86_64');
      const [first] = await wb!.loadedChildren(family);
      assert.ok(first, 'an AlmaLinux build');
      await chooseFromContextMenu(wb!, first.row, 'Launch Instance…');
      const view = await webview(wb!, 'Launch instance');
      await expectText(view.locator('.warning').first(), /Unknown publisher/);
      const launch = view.locator('vscode-button', { hasText: 'Launch' });
      assert.equal(await launch.evaluate((b) => (b as HTMLElement & { disabled: boolean }).disabled), true);
      await wb!.screenshot('unknown-publisher-checklist');
      await view.locator('section[aria-label="Unknown publisher"] vscode-checkbox').click();
      assert.equal(await launch.evaluate((b) => (b as HTMLElement & { disabled: boolean }).disabled), false);
      await closeEditors(wb!);
    });
  });
}
