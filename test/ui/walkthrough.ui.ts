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

  /** The labels of the AMIs view's "…" menu (closed again). */
  async function viewMenu(shot: string): Promise<string[]> {
    await page()
      .locator('.part.sidebar')
      .getByRole('button', { name: /^(More Actions|Views and More Actions)/ })
      .first()
      .click();
    const items = page().locator('.monaco-menu .action-label');
    await items.first().waitFor({ timeout: 10_000 });
    await page().waitForTimeout(300);
    const labels = (await items.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
    await wb().screenshot(shot);
    await page().keyboard.press('Escape');
    return labels;
  }

  it('offers the training commands in the AMIs view\'s "…" menu', async function () {
    const labels = await viewMenu('view-menu');
    for (const wanted of [
      'Reset Simulator…',
      'Switch Simulator Account…',
      'Settle Pending Work Now',
      'Start Simulator Endpoint',
      `Open Walkthrough: ${TITLE}`,
    ]) {
      assert.ok(labels.includes(wanted), `"${wanted}" in the menu: ${labels.join(' | ')}`);
    }
    assert.ok(!labels.includes('Stop Simulator Endpoint'), 'Stop is offered only while the endpoint runs');
  });

  it('starts the simulator endpoint: one short toast with a Copy AWS CLI Command button, then the menu offers Stop', async function () {
    await wb().runCommand('AMI Explorer: Start Simulator Endpoint');
    const toast = page()
      .locator('.notification-toast')
      .filter({ hasText: /Simulator endpoint running on http:\/\/127\.0\.0\.1:\d+/ });
    await toast.waitFor({ timeout: 20_000 });
    await toast.getByRole('button', { name: 'Copy AWS CLI Command' }).waitFor();
    const message = (await toast.locator('.notification-list-item-message').innerText()).trim();
    assert.ok(message.length < 90, `a short message, not a wall of text: ${message}`);
    assert.equal(
      await page().locator('.notification-toast', { hasText: 'Starting the simulator endpoint' }).count(),
      0,
      'no "Starting…" toast next to it',
    );
    await wb().screenshot('endpoint-started');
    const running = await viewMenu('view-menu-endpoint-running');
    assert.ok(
      running.includes('Stop Simulator Endpoint') && !running.includes('Start Simulator Endpoint'),
      running.join(' | '),
    );
    await wb().runCommand('AMI Explorer: Stop Simulator Endpoint');
    const stopped = await viewMenu('view-menu-endpoint-stopped');
    assert.ok(
      stopped.includes('Start Simulator Endpoint') && !stopped.includes('Stop Simulator Endpoint'),
      stopped.join(' | '),
    );
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
