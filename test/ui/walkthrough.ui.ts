// The "Learn Amazon Machine Images" walkthrough in a real workbench: opened from the palette, its
// steps and Markdown shown, and the first step ticked off by browsing the tree for real.
import assert from 'node:assert/strict';
import { suiteWorkbench } from './workbench';

const TITLE = 'Learn Amazon Machine Images';

describe('walkthrough (UI)', function () {
  const wb = suiteWorkbench({ name: 'walkthrough', theme: 'Default Light Modern' });

  const page = () => wb().page;
  const walkthrough = () => page().locator('.gettingStartedContainer');
  const step = (title: string) => walkthrough().locator('.getting-started-step').filter({ hasText: title });

  it('opens from the palette with its steps and their explanations', async function () {
    await wb().openAmisView();
    await wb().runCommand(`AMI Explorer: Open Walkthrough: ${TITLE}`);
    await walkthrough().getByText(TITLE).first().waitFor({ timeout: 20_000 });
    for (const title of [
      'Browse AMIs by owner and root device',
      'Create an image, with and without reboot',
      'Try to make an encrypted image public',
      'Delete the snapshots left behind',
    ]) {
      await step(title).waitFor({ timeout: 10_000 });
    }
    // The step's Markdown shows in a webview next to the steps when the editor is wide enough.
    await wb().runCommand('View: Toggle Primary Side Bar Visibility');
    await step('EBS-backed or instance store, HVM or PV').click();
    const markdown = page().frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await markdown.locator('strong', { hasText: '64 TiB' }).first().waitFor({ state: 'visible', timeout: 20_000 });
    await wb().screenshot('walkthrough-root-devices');
    await wb().runCommand('View: Toggle Primary Side Bar Visibility');
  });

  it('offers the training commands in the AMIs view\'s "…" menu', async function () {
    await page()
      .locator('.part.sidebar')
      .getByRole('button', { name: /^(More Actions|Views and More Actions)/ })
      .first()
      .click();
    const items = page().locator('.monaco-menu .action-label');
    await items.first().waitFor({ timeout: 10_000 });
    await page().waitForTimeout(300);
    const labels = (await items.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
    await wb().screenshot('view-menu');
    await page().keyboard.press('Escape');
    for (const wanted of [
      'Reset Simulator…',
      'Switch Simulator Account…',
      'Settle Pending Work Now',
      'Start Simulator Endpoint',
      'Stop Simulator Endpoint',
      `Open Walkthrough: ${TITLE}`,
    ]) {
      assert.ok(labels.includes(wanted), `"${wanted}" in the menu: ${labels.join(' | ')}`);
    }
  });

  it('starts the simulator endpoint and shows the AWS CLI line with a Copy command button', async function () {
    await wb().runCommand('AMI Explorer: Start Simulator Endpoint');
    const toast = page().locator('.notification-toast').filter({ hasText: 'aws --endpoint-url http://127.0.0.1:' });
    await toast.waitFor({ timeout: 20_000 });
    assert.match(await toast.innerText(), /AKIAAMIEXPLORERDEV01.*AKIAAMIEXPLORERPTNR1/s);
    await toast.getByRole('button', { name: 'Copy command' }).waitFor();
    await wb().screenshot('endpoint-started');
    await wb().runCommand('AMI Explorer: Stop Simulator Endpoint');
  });

  it('ticks "Browse AMIs" off when the user expands a root-device folder', async function () {
    const browse = step('Browse AMIs by owner and root device');
    assert.equal(
      await browse.locator('.codicon-getting-started-step-checked').count(),
      0,
      'not complete before browsing',
    );
    await wb().expand('us-east-1');
    await wb().expand('Images');
    await wb().expand('Amazon');
    await wb().expand('EBS-backed');
    await browse.locator('.codicon-getting-started-step-checked').waitFor({ timeout: 20_000 });
    await browse.click();
    await wb().screenshot('walkthrough-browse-done');
  });
});
