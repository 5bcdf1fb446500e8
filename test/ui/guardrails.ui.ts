// UI journey through the guardrails of issue 14 on the simulator, once per theme: the Allowed AMIs
// row opens its panel, a criterion is added and previewed (the what-if table); the Recycle Bin
// folder shows its empty state; Copy As… lists the latest-AMI formats of a public parameter; the
// Launch permissions panel shows the publisher's checklist; then, with retention rules created
// through the Recycle Bin service (the AWS CLI's `rbin` API, over Start Simulator Endpoint), the
// Deregister panel says the image is recoverable and the Recycle Bin folder lists it with its
// snapshots and their expiry. Screenshots: test-results/screenshots/guardrails-<theme>-*.png.
import type { FrameLocator } from 'playwright-core';
import { CreateRuleCommand, RbinClient } from '@aws-sdk/client-rbin';
import { accessibilityProblems, chooseFromContextMenu, closeEditors, expectText, THEMES, webview } from './webviews';
import { Workbench } from './workbench';
import assert from 'node:assert/strict';

/** An owned, unshared image with two encrypted snapshots that no launch template uses. */
const OWNED = 'payments-api-encrypted-v3';

/**
 * Expands Images > Owned by me > EBS-backed. The "EBS-backed" row is looked up below "Owned by me":
 * the Amazon group (expanded by the what-if test) has one too.
 */
async function expandOwnedEbs(wb: Workbench): Promise<void> {
  await wb.expand('Images');
  await wb.collapse('Amazon');
  const owned = await wb.expand('Owned by me');
  const ebs = (await wb.loadedChildren(owned)).find((r) => r.label === 'EBS-backed');
  assert.ok(ebs, 'Owned by me > EBS-backed');
  if ((await ebs.row.getAttribute('aria-expanded')) === 'false') await ebs.row.click();
  await wb.reveal(OWNED);
}

/**
 * Creates 7-day retention rules for AMIs and snapshots in the extension's own simulator: serves it
 * over HTTP (Start Simulator Endpoint), sends rbin CreateRule as the AWS CLI would, stops it again.
 */
async function createRetentionRules(wb: Workbench): Promise<void> {
  await wb.runCommand('AMI Explorer: Start Simulator Endpoint');
  const toast = wb.page
    .locator('.notification-toast')
    .filter({ hasText: /Simulator endpoint running on http:\/\/127\.0\.0\.1:\d+/ });
  await toast.waitFor({ timeout: 20_000 });
  const url = /http:\/\/127\.0\.0\.1:\d+/.exec(await toast.innerText())![0];
  const rbin = new RbinClient({
    endpoint: url,
    region: 'us-east-1',
    // The simulator's default account's public key id; it never checks the secret.
    credentials: { accessKeyId: 'AKIAAMIEXPLORERDEV01', secretAccessKey: 'not-checked' },
  });
  try {
    for (const ResourceType of ['EC2_IMAGE', 'EBS_SNAPSHOT'] as const) {
      await rbin.send(
        new CreateRuleCommand({
          ResourceType,
          RetentionPeriod: { RetentionPeriodValue: 7, RetentionPeriodUnit: 'DAYS' },
          Description: `UI test: keep ${ResourceType === 'EC2_IMAGE' ? 'AMIs' : 'snapshots'} 7 days`,
        }),
      );
    }
  } finally {
    rbin.destroy();
    await wb.runCommand('AMI Explorer: Stop Simulator Endpoint');
    await wb.runCommand('Notifications: Clear All Notifications');
  }
}

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

    it('Copy As… on a public parameter lists every latest-AMI format', async function () {
      await wb!.collapse('Recycle Bin');
      await wb!.expand('Latest AMIs');
      const ns = await wb!.expand('Amazon Linux');
      const parameter = (await wb!.loadedChildren(ns)).find((r) => r.label === 'al2023-ami-kernel-default-x86_64');
      assert.ok(parameter, 'the AL2023 parameter row');
      await chooseFromContextMenu(wb!, parameter.row, 'Copy As…');
      const picks = wb!.page.locator('.quick-input-widget .quick-input-list .monaco-list-row .label-name');
      await picks.first().waitFor({ timeout: 20_000 });
      const labels = (await picks.allInnerTexts()).map((t) => t.trim());
      for (const format of [
        /^AMI id$/,
        /^resolve:ssm:/,
        /aws_ssm_parameter/,
        /aws_ami/,
        /CloudFormation/,
        /CDK/,
        /Packer/,
      ]) {
        assert.ok(
          labels.some((l) => format.test(l)),
          `${format} among ${labels.join(' | ')}`,
        );
      }
      await wb!.screenshot('copy-as-formats');
      await wb!.page.keyboard.press('Escape');
      await wb!.collapse('Latest AMIs');
    });

    it("shows the publisher's checklist before an owned image is shared", async function () {
      await expandOwnedEbs(wb!);
      await chooseFromContextMenu(wb!, await wb!.reveal(OWNED), 'Edit Launch Permissions…');
      const view = await webview(wb!, 'Launch permissions');
      const checklist = view.locator('details.note');
      // Open by default for an image shared with nobody yet.
      assert.equal(await checklist.evaluate((d) => (d as HTMLDetailsElement).open), true);
      await expectText(checklist, /SSH/);
      await expectText(checklist, /What EC2 knows about it/);
      await wb!.screenshot('launch-permissions-checklist');
      await closeEditors(wb!);
    });

    it('says a deregistration is recoverable, then lists the image and its snapshots in the Recycle Bin', async function () {
      await createRetentionRules(wb!);
      await chooseFromContextMenu(wb!, await wb!.reveal(OWNED), 'Deregister AMI…');
      const view = await webview(wb!, 'Deregister');
      await expectText(view.locator('.recycle-bin'), /Recoverable for 7 days, with its snapshots/);
      // No sentence of the panel says "permanently" or "cannot be undone" when the bin keeps it all.
      await expectText(view.locator('#snapshot-note'), /deleted into the Recycle Bin: recoverable until its expiry/);
      await expectText(view.locator('#deregister-warning'), /2 snapshots are deleted into the Recycle Bin/);
      const confirm = view.locator('vscode-checkbox', { hasText: 'I understand' });
      assert.match(
        (await confirm.evaluate((c) => (c as HTMLElement & { label: string }).label)) ?? '',
        /only the Recycle Bin can undo this/,
      );
      await view.locator('#deregister-warning').scrollIntoViewIfNeeded();
      await wb!.screenshot('deregister-recoverable');
      await confirm.click();
      const submit = view.locator('.actions-row vscode-button').first();
      await expectText(submit, /^Deregister 1 AMI and delete 2 snapshots$/);
      await submit.click();
      await expectText(view.locator('table'), /Deregistered/);
      await closeEditors(wb!);

      await wb!.collapse('Images');
      // No refresh: the deregistration refreshes the region's Recycle Bin folder.
      const bin = await wb!.expand('Recycle Bin');
      let rows: Array<{ label: string }> = [];
      const deadline = Date.now() + 30_000;
      while (!rows.some((r) => r.label === OWNED) && Date.now() < deadline) {
        await wb!.page.waitForTimeout(300);
        rows = await wb!.loadedChildren(bin);
      }
      assert.ok(
        rows.some((r) => r.label === OWNED),
        rows.map((r) => r.label).join(' | '),
      );
      assert.equal(rows.filter((r) => /^snap-[0-9a-f]{17}$/.test(r.label)).length, 2, 'its two snapshots');
      const descriptions = await bin.evaluate((el) => {
        const list = el.closest('.monaco-list');
        return Array.from(list?.querySelectorAll('.monaco-list-row .label-description') ?? []).map(
          (d) => d.textContent ?? '',
        );
      });
      assert.equal(descriptions.filter((d) => /expires in 7 days/.test(d)).length, 3, descriptions.join(' | '));
      // Wide enough for the descriptions (id, snapshot origin, expiry) to show in full.
      const sidebar = await wb!.page.locator('.part.sidebar').boundingBox();
      assert.ok(sidebar, 'the side bar');
      const edge = sidebar.x + sidebar.width + 1;
      await wb!.page.mouse.move(edge, 400);
      await wb!.page.mouse.down();
      await wb!.page.mouse.move(edge + 760, 400, { steps: 10 });
      await wb!.page.mouse.up();
      await wb!.screenshot('recycle-bin-entries');
    });
  });
}
