// UI journey through the webview panels on the simulator, in a real workbench (see workbench.ts),
// once per theme (light, dark, high contrast; one code-server each): Create Image from an
// instance's context menu (filled and submitted inside the webview), Deregister and Launch
// Permissions, Image details, Copy AMI and Launch instance from the context menu of an image I
// own (Copy and Launch filled and submitted, Launch with the keyboard only).
// Screenshots of all six panels: test-results/screenshots/panels-<theme>-*.png.
import assert from 'node:assert/strict';
import type { FrameLocator, Locator } from 'playwright-core';
import { chooseFromContextMenu, closeEditors, expectText, THEMES, webview } from './webviews';
import { Workbench } from './workbench';

for (const { slug, theme } of THEMES) {
  describe(`AMI Explorer panels (UI, ${theme})`, function () {
    let wb: Workbench | undefined;

    before(async function () {
      wb = await Workbench.start({ name: `panels-${slug}`, theme });
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

    it('creates an image from an instance through the Create Image panel', async function () {
      await wb!.expand('Instances');
      await chooseFromContextMenu(wb!, await wb!.reveal('web-server-1'), 'Create Image…');
      const view = await webview(wb!, 'Create Image');
      const name = view.locator('vscode-textfield.wide').first().locator('input');
      await name.fill(`ui test image ${slug}`);
      await expectText(view.locator('.subtitle'), /web-server-1/);
      await checkExistingVolumesReadOnly(view);
      await addVolumeWithKeyboard(wb!, view);
      await wb!.screenshot('create-image-form');
      await view.locator('vscode-button', { hasText: 'Create Image' }).click();
      const success = view.locator('.result.ok .title');
      await success.waitFor({ timeout: 30_000 });
      assert.match(await success.innerText(), /Image ami-[0-9a-f]{17} is being created/);
      await view.locator('.result.ok').scrollIntoViewIfNeeded();
      await wb!.screenshot('create-image-success');
      await closeEditors(wb!);
      await wb!.collapse('Instances');
    });

    it('opens Deregister and Launch Permissions from the context menu of an image I own', async function () {
      await wb!.expand('Images');
      await wb!.expand('Owned by me');
      await wb!.expand('EBS-backed');
      const image = await wb!.reveal('ci-build-agent-2026.10');

      await chooseFromContextMenu(wb!, image, 'Deregister AMI…');
      const deregister = await webview(wb!, 'Deregister');
      await expectText(deregister.locator('body'), /ci-build-agent-2026\.10/);
      await expectText(deregister.locator('body'), /snap-[0-9a-f]{17}/);
      await wb!.screenshot('deregister');
      await closeEditors(wb!);

      await chooseFromContextMenu(wb!, await wb!.reveal('ci-build-agent-2026.10'), 'Edit Launch Permissions…');
      const permissions = await webview(wb!, 'Launch permissions');
      await expectText(permissions.locator('body'), /\d{12}/);
      await wb!.screenshot('launch-permissions');
      await closeEditors(wb!);
    });

    it('shows every attribute of an image I own in Image details; its buttons open the other panels', async function () {
      for (const folder of ['Images', 'Owned by me', 'EBS-backed']) await wb!.expand(folder);
      await chooseFromContextMenu(wb!, await wb!.reveal('ci-build-agent-2026.10'), 'Show Details');
      const details = await webview(wb!, 'AMI details');
      await expectText(details.locator('body'), /snap-[0-9a-f]{17}/);
      await expectText(details.locator('body'), /Project/);
      await expectText(details.locator('section[aria-label="Permissions"]'), /\d{12}/);
      await wb!.screenshot('image-details');
      await details
        .locator('section[aria-label="Storage"]')
        .evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
      await wb!.screenshot('image-details-storage');
      await details.locator('vscode-button', { hasText: 'Launch permissions' }).click();
      await webview(wb!, 'Launch permissions');
      await closeEditors(wb!);
    });

    it('copies an image I own through the Copy AMI panel opened from the context menu', async function () {
      await chooseFromContextMenu(wb!, await wb!.reveal('ci-build-agent-2026.10'), 'Copy AMI…');
      const view = await webview(wb!, 'Copy AMI');
      const name = view.locator('vscode-textfield.wide').first().locator('input');
      await name.fill(`ui copy ${slug}`);
      // Escape must not lose what was typed.
      await name.press('Escape');
      assert.equal(await name.inputValue(), `ui copy ${slug}`);
      await wb!.screenshot('copy-form');
      await view.locator('vscode-button', { hasText: 'Copy AMI' }).click();
      const success = view.locator('.result.ok .title');
      await success.waitFor({ timeout: 30_000 });
      assert.match(await success.innerText(), /Copy ami-[0-9a-f]{17} started in us-east-1/);
      await view.locator('.result.ok').scrollIntoViewIfNeeded();
      await wb!.screenshot('copy-success');
      await closeEditors(wb!);
    });

    it('launches an instance with the keyboard only: Tab through every field, Enter submits', async function () {
      await chooseFromContextMenu(wb!, await wb!.reveal('ci-build-agent-2026.10'), 'Launch Instance…');
      const view = await webview(wb!, 'Launch instance');
      const nameTag = view.locator('vscode-textfield.wide').first().locator('input');
      await nameTag.click();
      const order: string[] = [];
      for (let i = 0; i < 2; i++) {
        await wb!.page.keyboard.press('Tab');
        order.push(await focused(view));
      }
      assert.deepEqual(order, ['vscode-textfield:Number of instances', 'vscode-button:Launch'], order.join(' → '));
      await wb!.page.keyboard.press('Shift+Tab');
      await wb!.page.keyboard.press('Shift+Tab');
      await wb!.page.keyboard.press('Shift+Tab');
      assert.equal(await focused(view), 'vscode-single-select:', 'Shift+Tab reaches the instance type');
      await wb!.screenshot('launch-focus-select');
      await wb!.page.keyboard.press('Tab');
      await wb!.page.keyboard.type(`ui launch ${slug}`);
      await wb!.page.keyboard.press('Escape');
      assert.equal(await nameTag.inputValue(), `ui launch ${slug}`, 'Escape keeps the input');
      await wb!.screenshot('launch-form');
      await wb!.page.keyboard.press('Enter');
      const success = view.locator('.result.ok .title');
      await success.waitFor({ timeout: 30_000 });
      assert.match(await success.innerText(), /Launched i-[0-9a-f]{17}/);
      await wb!.screenshot('launch-success');
      await closeEditors(wb!);
    });
  });
}

/**
 * The instance's own volumes show their size and type as text (CreateImage can change only
 * DeleteOnTermination of an existing volume, or leave it out), and the form says where sizes change.
 */
async function checkExistingVolumesReadOnly(view: FrameLocator): Promise<void> {
  const existing = view.locator('tr:not(.new-volume)').filter({ has: view.locator('td') });
  assert.ok((await existing.count()) > 0, 'the instance has volumes');
  assert.equal(await existing.locator('vscode-textfield, vscode-single-select').count(), 0);
  const root = existing.first();
  assert.match(await root.locator('td').nth(2).innerText(), /^\d+$/);
  assert.match(await root.locator('td').nth(3).innerText(), /^(gp2|gp3|io1|io2|st1|sc1|standard)$/);
  assert.ok((await root.locator('vscode-checkbox').count()) >= 1, 'delete on termination stays editable');
  await expectText(view.locator('body'), /modify the volume before creating the image, or choose them when you launch/);
}

/**
 * Adds a new 20 GiB volume on the suggested device, checks the rules as the user types, then adds
 * a second row and removes it with the keyboard only. Leaves the first new row in view.
 */
async function addVolumeWithKeyboard(wb: Workbench, view: FrameLocator): Promise<void> {
  const rows = view.locator('tr.new-volume');
  const add = view.locator('vscode-button', { hasText: 'Add volume' });
  await add.click();
  assert.equal(await rows.count(), 1);
  const row = rows.first();
  const device = row.locator('vscode-textfield').nth(0).locator('input');
  // Device, then the optional snapshot id (in the volume column), then the size.
  const size = row.locator('vscode-textfield').nth(2).locator('input');
  const suggested = await device.inputValue();
  assert.match(suggested, /^\/dev\/(sd|xvd)[f-p]$/, 'a free f–p device in the instance’s naming');
  assert.equal(
    await focused(view, true),
    `vscode-textfield:Device name of new volume ${suggested}`,
    'Add focuses the device',
  );

  // Validated as the user types, with the host's rules.
  const root = (await view.locator('td.mono').first().innerText()).split('\n')[0].trim();
  await device.fill(root);
  await expectText(row.locator('.error-text').first(), /not a device name for a new volume|already used/);
  await device.fill(suggested);
  await size.fill('65537');
  await expectText(row.locator('.error-text').nth(2), /A gp3 volume has 1–65536 GiB/);
  await size.fill('20');
  assert.equal(await row.locator('.error-text').nth(2).innerText(), '');

  // Tab order through the row ends on its remove button, named after the device.
  await size.focus();
  const order: string[] = [];
  for (let i = 0; i < 6; i++) {
    await wb.page.keyboard.press('Tab');
    order.push(await focused(view, true));
  }
  assert.deepEqual(
    order,
    [
      'vscode-single-select:',
      // gp3 takes IOPS and throughput: their fields follow the type, in its cell.
      `vscode-textfield:IOPS of new volume ${suggested}`,
      `vscode-textfield:Throughput of new volume ${suggested} in MiB/s`,
      `vscode-checkbox:Encrypt new volume ${suggested}`,
      `vscode-checkbox:Delete new volume ${suggested} on termination`,
      `vscode-button:Remove new volume ${suggested}`,
    ],
    order.join(' → '),
  );

  // A second row, removed with the keyboard: Shift+Tab from Add volume reaches its remove button.
  await add.click();
  assert.equal(await rows.count(), 2);
  const second = await rows.nth(1).locator('vscode-textfield').first().locator('input').inputValue();
  assert.notEqual(second, suggested, 'the next suggestion is another free device');
  await add.focus();
  await wb.page.keyboard.press('Shift+Tab');
  assert.equal(await focused(view, true), `vscode-button:Remove new volume ${second}`);
  await wb.page.keyboard.press('Enter');
  await waitForCount(rows, 1, 'new volume rows');
  assert.equal(await device.inputValue(), suggested);
  await rows.first().evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
}

async function waitForCount(locator: Locator, n: number, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await locator.count()) !== n) {
    if (Date.now() > deadline) assert.fail(`expected ${n} ${what}, found ${await locator.count()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** What has the keyboard focus inside the webview: `tag:label` (`ariaFirst`: its aria-label first). */
async function focused(view: FrameLocator, ariaFirst = false): Promise<string> {
  return view.locator('body').evaluate((_, preferAria) => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const id = el.id;
    const label =
      (preferAria && el.getAttribute('aria-label')) ||
      (id && document.querySelector(`vscode-label[for="${id}"]`)?.textContent) ||
      el.getAttribute('label') ||
      (preferAria && (el as { label?: string }).label) ||
      el.textContent ||
      '';
    return `${el.tagName.toLowerCase()}:${el.tagName === 'VSCODE-SINGLE-SELECT' ? '' : label.trim()}`;
  }, ariaFirst);
}
