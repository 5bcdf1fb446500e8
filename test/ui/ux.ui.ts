// UX checks from a new user's first hour (issue 12), once per theme (light, dark, high contrast):
// what a refused submit does, the wording and state of Deregister, what follows a success, the
// layout of Launch permissions and Create Image, and an accessible-name audit of every form.
// Screenshots: test-results/screenshots/ux-<theme>-*.png.
import assert from 'node:assert/strict';
import { Workbench } from './workbench';
import {
  THEMES,
  accessibilityProblems,
  chooseFromContextMenu,
  closeEditors,
  expectText,
  focusedElement,
  inViewport,
  webview,
} from './webviews';

for (const { slug, theme } of THEMES) {
  describe(`AMI Explorer UX (UI, ${theme})`, function () {
    let wb: Workbench | undefined;

    before(async function () {
      wb = await Workbench.start({ name: `ux-${slug}`, theme });
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

    it('the README screenshot: the tree and AMI Details of the seed, before any test artefact exists', async function () {
      for (const folder of ['Images', 'Owned by me', 'EBS-backed']) await wb!.expand(folder);
      const rows = await wb!.loadedChildren(await wb!.reveal('EBS-backed'));
      assert.ok(!rows.some((r) => /^(ui|ux) /.test(r.label)), rows.map((r) => r.label).join(' | '));
      await chooseFromContextMenu(wb!, await wb!.reveal('ci-build-agent-2026.10'), 'Show Details');
      await webview(wb!, 'AMI details');
      const file = await wb!.screenshot('readme-hero');
      // media/screenshot.png is copied from the light theme's file by hand when the UI changes.
      assert.ok(file.endsWith('readme-hero.png'));
      await closeEditors(wb!);
      await wb!.collapse('Images');
    });

    it('a refused submit scrolls to the first invalid field, focuses it and announces the problem', async function () {
      await wb!.expand('Instances');
      await chooseFromContextMenu(wb!, await wb!.reveal('web-server-1'), 'Create Image…');
      const view = await webview(wb!, 'Create Image');
      const name = view.locator('vscode-textfield.wide').first();
      await name.locator('input').fill('my*bad|name');
      const submit = view.locator('.actions-row vscode-button').first();
      await submit.scrollIntoViewIfNeeded();
      assert.equal(await inViewport(name), false, 'the name field is above the fold once the button is in view');
      await submit.click();
      await wb!.page.waitForTimeout(300);
      assert.ok(await inViewport(name), 'the invalid field is scrolled into view');
      const f = await focusedElement(view);
      assert.deepEqual([f.tag, f.label], ['vscode-textfield', 'Image name'], 'the invalid field has the focus');
      await expectText(view.locator('#form-announcer'), /^Not sent: .*(character|name)/i);
      assert.equal(await view.locator('.result').first().isVisible(), false, 'nothing was sent');
      await wb!.screenshot('refused-submit');

      // Fixed and sent: the result is at the top, the form is locked, the next steps are offered.
      await name.locator('input').fill(`ux image ${slug}`);
      await submit.click();
      const success = view.locator('.result.ok');
      await expectText(success.locator('.title'), /Image ami-[0-9a-f]{17} is being created/);
      assert.ok(await inViewport(success), 'the result is in view');
      await expectText(submit, /^Create another image…$/);
      assert.equal(await name.evaluate((el) => (el as HTMLInputElement).disabled), true, 'the form is locked');
      const steps = (await success.locator('vscode-button').allInnerTexts()).map((t) => t.trim());
      assert.deepEqual(steps, ['Open details', 'Reveal in tree', 'Copy image id']);
      await wb!.screenshot('create-image-after-success');
      await submit.click();
      assert.equal(await name.evaluate((el) => (el as HTMLInputElement).disabled), false, 'Create another unlocks');
      assert.equal(await success.isVisible(), false);
      await expectText(submit, /^Create Image$/);
      // The same name again: EC2 refuses it, and its answer is in view too.
      await submit.click();
      const failed = view.locator('.result.failed');
      await expectText(failed.locator('.title'), /EC2 did not create the image/);
      assert.ok(await inViewport(failed), 'the failure is in view');
      await closeEditors(wb!);
      await wb!.collapse('Instances');
    });

    it('Deregister says exactly what is deleted and its button says it too', async function () {
      for (const folder of ['Images', 'Owned by me', 'EBS-backed']) await wb!.expand(folder);
      await chooseFromContextMenu(wb!, await wb!.reveal('ci-build-agent-2026.10'), 'Deregister AMI…');
      const view = await webview(wb!, 'Deregister');
      const submit = view.locator('.actions-row vscode-button').first();
      await expectText(submit, /^Deregister 1 AMI and delete (1 snapshot|\d+ snapshots)$/);
      const warning = view.locator('#deregister-warning');
      await expectText(warning, /snap-[0-9a-f]{17} · \d+ GiB/);
      await expectText(view.locator('#snapshot-note'), /deleted permanently/);
      await warning.scrollIntoViewIfNeeded();
      await wb!.screenshot('deregister-delete-snapshots');
      await view.locator('vscode-checkbox', { hasText: 'Also delete the snapshots' }).click();
      await expectText(submit, /^Deregister 1 AMI$/);
      await expectText(view.locator('#snapshot-note'), /snapshots are kept/);
      assert.doesNotMatch(await warning.innerText(), /snap-/, 'no snapshot is listed as deleted');
      await wb!.screenshot('deregister-keep-snapshots');
      await closeEditors(wb!);
    });

    it('Launch permissions: entries as wide as the add field, a neutral placeholder, Apply always in view', async function () {
      await chooseFromContextMenu(wb!, await wb!.reveal('ci-build-agent-2026.10'), 'Edit Launch Permissions…');
      const view = await webview(wb!, 'Launch permissions');
      const accounts = view.locator('section', { has: view.locator('h2', { hasText: 'AWS accounts' }) });
      await expectText(accounts.locator('.entries'), /\d{12}/);
      const width = async (sel: string) => (await accounts.locator(sel).first().boundingBox())?.width ?? 0;
      assert.ok(Math.abs((await width('.entries')) - (await width('.add-row'))) < 2, 'list and add field are as wide');
      const placeholder = await accounts.locator('vscode-textfield input').getAttribute('placeholder');
      assert.doesNotMatch(placeholder ?? '', /123456789012/, 'not the caller’s own account');
      for (const input of await view.locator('.add-row vscode-textfield input').all()) {
        const fits = await input.evaluate((el) => {
          const i = el as HTMLInputElement;
          const ctx = document.createElement('canvas').getContext('2d')!;
          ctx.font = getComputedStyle(i).font;
          return ctx.measureText(i.placeholder).width <= i.clientWidth;
        });
        assert.ok(fits, `placeholder "${await input.getAttribute('placeholder')}" fits its field`);
      }
      const apply = view.locator('vscode-button', { hasText: 'Apply' });
      assert.ok(await inViewport(apply), 'Apply is in view without scrolling (800 px high window)');
      await wb!.screenshot('launch-permissions-layout');
      await closeEditors(wb!);
    });

    it('Create Image: a new volume row’s Size field lines up with its Type dropdown', async function () {
      await wb!.expand('Instances');
      await chooseFromContextMenu(wb!, await wb!.reveal('web-server-1'), 'Create Image…');
      const view = await webview(wb!, 'Create Image');
      // Existing volumes show size and type read-only (EC2 cannot change them); a new volume has fields.
      await view.locator('vscode-button', { hasText: 'Add volume' }).click();
      const row = view.locator('tbody[aria-label="New volumes"] tr').first();
      const size = await row.locator('vscode-textfield').first().boundingBox();
      const type = await row.locator('vscode-single-select').first().boundingBox();
      assert.ok(size && type);
      const centre = (b: { y: number; height: number }) => b.y + b.height / 2;
      assert.ok(Math.abs(centre(size) - centre(type)) <= 1, `centres ${centre(size)} vs ${centre(type)}`);
      assert.ok(Math.abs(size.height - type.height) <= 1, `heights ${size.height} vs ${type.height}`);
      await row.evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
      await wb!.screenshot('create-image-volume-row');
      await closeEditors(wb!);
      await wb!.collapse('Instances');
    });

    it('Image details: the buttons wrap in groups, never leaving Refresh alone', async function () {
      for (const folder of ['Images', 'Owned by me', 'EBS-backed']) await wb!.expand(folder);
      await chooseFromContextMenu(wb!, await wb!.reveal('ci-build-agent-2026.10'), 'Show Details');
      const view = await webview(wb!, 'AMI details');
      const top = async (label: string) =>
        (await view.locator('.toolbar vscode-button', { hasText: label }).boundingBox())?.y ?? -1;
      assert.equal(await top('Refresh'), await top('Copy ID'), 'Refresh shares its line with Copy ID');
      await wb!.screenshot('image-details-toolbar');
      await closeEditors(wb!);
    });

    it('an instance-store instance says so on its row and explains the missing Create Image', async function () {
      await wb!.expand('Instances');
      const row = await wb!.reveal('batch-worker-1');
      assert.match(await row.locator('.label-description').innerText(), /instance store/);
      await chooseFromContextMenu(wb!, row, "Why Can't I Create an Image?");
      const view = await webview(wb!, 'Create Image');
      await expectText(view.locator('.warning'), /EC2 cannot create an image of this instance/);
      await expectText(view.locator('.warning'), /ec2-bundle-vol/);
      await wb!.screenshot('instance-store-why-no-image');
      await closeEditors(wb!);
      await wb!.collapse('Instances');
    });

    it('the tree at real sizes: version series under one family row, dates and architectures shown, Find AMI as you type', async function () {
      await wb!.collapse('Owned by me');
      await wb!.expand('Amazon');
      const ebs = await wb!.expand('EBS-backed');
      const rows = await wb!.loadedChildren(ebs);
      const family = rows.find((r) => r.label.startsWith('al2023-ami-*'));
      assert.ok(family, `an al2023 family row among: ${rows.map((r) => r.label).join(' | ')}`);
      const description = await family.row.locator('.label-description').innerText();
      assert.match(description, /^\d+ versions · newest \d{4}-\d\d-\d\d · /);
      await family.row.click();
      const versions = await wb!.loadedChildren(family.row);
      assert.ok(versions.length >= 2, 'a family has two or more versions');
      for (const v of versions.slice(0, 3))
        assert.match(
          await v.row.locator('.label-description').innerText(),
          /^\d{4}-\d\d-\d\d · (x86_64|arm64) · ami-[0-9a-f]{17}/,
        );
      await wb!.screenshot('tree-families');
      await wb!.collapse('Amazon');

      await wb!.runCommand('AMI Explorer: Find AMI…');
      const input = wb!.page.locator('.quick-input-widget input');
      await input.pressSequentially('ci-build-agent');
      await wb!.page.waitForTimeout(300);
      const entries = wb!.page.locator('.quick-input-list .monaco-list-row');
      await expectText(entries.first(), /ci-build-agent-2026\.10/);
      await wb!.screenshot('find-ami');
      await wb!.page.keyboard.press('Enter');
      const found = wb!.row('ci-build-agent-2026.10');
      await found.waitFor({ timeout: 20_000 });
      await expectText(found, /ci-build-agent/);
      // The tree selects the revealed row a moment after it is rendered.
      const deadline = Date.now() + 10_000;
      while ((await found.getAttribute('aria-selected')) !== 'true' && Date.now() < deadline)
        await wb!.page.waitForTimeout(200);
      assert.equal(await found.getAttribute('aria-selected'), 'true', 'Find AMI selects the image in the tree');
    });

    it('accessibility: every tree row kind is read with its label, every form control has a name', async function () {
      await wb!.expand('Images');
      await wb!.expand('Owned by me');
      await wb!.expand('EBS-backed');
      await wb!.expand('Instances');
      await wb!.expand('Snapshots');
      const rows = wb!.page.locator('.sidebar .monaco-list-row');
      const labels = await rows.evaluateAll((els) =>
        els.map((el) => ({
          visible: el.querySelector('.label-name')?.textContent?.trim() ?? '',
          aria: el.getAttribute('aria-label') ?? '',
        })),
      );
      assert.ok(labels.length > 10, `${labels.length} rows`);
      for (const l of labels) assert.ok(l.aria.startsWith(l.visible), `row "${l.visible}" is read as "${l.aria}"`);
      const snapshots = labels.find((l) => l.visible === 'Snapshots');
      assert.match(snapshots?.aria ?? '', /^Snapshots, \d+/);
      await wb!.collapse('Snapshots');
      await wb!.collapse('Instances');

      const image = 'ci-build-agent-2026.10';
      const panels: [string, string][] = [
        ['Show Details', 'AMI details'],
        ['Copy AMI…', 'Copy AMI'],
        ['Launch Instance…', 'Launch instance'],
        ['Edit Launch Permissions…', 'Launch permissions'],
        ['Deregister AMI…', 'Deregister'],
      ];
      for (const [item, heading] of panels) {
        await chooseFromContextMenu(wb!, await wb!.reveal(image), item);
        const view = await webview(wb!, heading);
        await wb!.page.waitForTimeout(300);
        assert.deepEqual(await accessibilityProblems(view), [], heading);
        await closeEditors(wb!);
      }
      await wb!.expand('Instances');
      await chooseFromContextMenu(wb!, await wb!.reveal('web-server-1'), 'Create Image…');
      const create = await webview(wb!, 'Create Image');
      await create.locator('vscode-button', { hasText: 'Add volume' }).click();
      await create.locator('vscode-button', { hasText: 'Add tag' }).first().click();
      assert.deepEqual(await accessibilityProblems(create), [], 'Create Image');
      await closeEditors(wb!);
      await wb!.collapse('Instances');
    });
  });
}
