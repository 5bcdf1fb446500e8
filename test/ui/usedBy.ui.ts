// "Used by" and lineage (issue 13) in a real workbench, once per theme (light, dark, high
// contrast): the tree section under an owned image, and the details panel's Used by and Lineage.
// Screenshots: test-results/screenshots/used-by-<theme>-*.png.
import { chooseFromContextMenu, closeEditors, expectText, THEMES, webview } from './webviews';
import { Workbench } from './workbench';

for (const { slug, theme } of THEMES) {
  describe(`AMI Explorer used by and lineage (UI, ${theme})`, function () {
    let wb: Workbench | undefined;

    before(async function () {
      wb = await Workbench.start({ name: `used-by-${slug}`, theme });
      await wb.openAmisView();
      await wb.expand('us-east-1');
    });

    afterEach(async function () {
      if (this.currentTest?.state === 'failed' && wb)
        console.error(await wb.failureReport(this.currentTest.fullTitle()));
    });

    after(async function () {
      await wb?.stop();
    });

    it('expands an owned image to its Used by section: the launch template and the Auto Scaling group', async function () {
      for (const folder of ['Images', 'Owned by me', 'EBS-backed', 'web-server-base-v7', 'Used by']) {
        await wb!.expand(folder);
      }
      await wb!.reveal('web-server v2 default');
      await wb!.reveal('web-server-asg');
      await wb!.screenshot('used-by-tree');
      await wb!.collapse('web-server-base-v7');
    });

    it('shows Used by and Lineage in the details panel of the base image', async function () {
      await chooseFromContextMenu(wb!, await wb!.reveal('web-server-base-v7'), 'Show Details');
      const details = await webview(wb!, 'AMI details');
      const usedBy = details.locator('section[aria-label="Used by"]');
      await expectText(usedBy, /1 launch template \(web-server v2 default\), 1 Auto Scaling group/);
      await usedBy.evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
      await wb!.screenshot('used-by-details');
      const lineage = details.locator('section[aria-label="Lineage"]');
      await expectText(lineage, /hardened-web-server-v7\.1/);
      await lineage.evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
      await wb!.screenshot('lineage-details');
      await closeEditors(wb!);
    });
  });
}
