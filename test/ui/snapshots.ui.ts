// UI journey: the Snapshots folder of us-east-1 in a real workbench (see workbench.ts): rows with
// size, monthly cost and the "unused" mark, the region row's cost sum, Delete offered only on
// unused snapshots, and the governance actions of an owned AMI's context menu.
// Screenshots go to test-results/screenshots/snapshots-*.png.
import assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { suiteWorkbench } from './workbench';
import type { Workbench } from './workbench';

describe('Snapshots folder (UI)', function () {
  const wb = suiteWorkbench({ name: 'snapshots', theme: 'Default Dark Modern' });

  it('opens the Snapshots folder of us-east-1: sizes, costs, unused ones marked, the region sums them', async function () {
    await wb().openContainer('AWS Explorer');
    await wb().openView('AMIs');
    await widenSideBar(wb());
    const region = await wb().expand('us-east-1');
    const folder = await wb().expand('Snapshots');
    const rows = await wb().loadedChildren(folder);
    const descriptions = await Promise.all(rows.map((r) => description(r.row)));
    const unused = descriptions.filter((d) => /· unused$/.test(d));
    assert.equal(unused.length, 2, descriptions.join('\n'));
    assert.ok(
      descriptions.every((d) => /\d+ GiB · ≈ \$\d+\.\d\d\/mo/.test(d)),
      descriptions.join('\n'),
    );
    await waitForText(region, /^≈ \$\d+\.\d\d\/mo/);
    assert.match(await description(folder), /unused ≈ \$5\.80\/mo/);
    await wb().screenshot('us-east-1-snapshots');
  });

  it('offers Delete Snapshot on an unused snapshot and not on one an AMI uses', async function () {
    const rows = await wb().loadedChildren(await wb().reveal('Snapshots'));
    const descriptions = await Promise.all(rows.map((r) => description(r.row)));
    const unusedRow = rows[descriptions.findIndex((d) => /· unused$/.test(d))].row;
    const usedRow = rows[descriptions.findIndex((d) => /used by /.test(d))].row;
    const unusedMenu = await wb().contextMenu(unusedRow);
    await wb().screenshot('unused-snapshot-menu');
    await wb().page.keyboard.press('Escape');
    assert.ok(unusedMenu.includes('Delete Snapshot…'), unusedMenu.join(' | '));
    assert.ok(unusedMenu.includes('Manage Tags…'), unusedMenu.join(' | '));
    const usedMenu = await wb().contextMenu(usedRow);
    await wb().page.keyboard.press('Escape');
    assert.ok(!usedMenu.includes('Delete Snapshot…'), usedMenu.join(' | '));
  });

  it('offers on an owned AMI only the governance actions valid in its state', async function () {
    await wb().collapse('Snapshots');
    await wb().expand('Images');
    await wb().expand('Owned by me');
    await wb().loadedChildren(await wb().expand('EBS-backed'));
    const menu = await wb().contextMenu(await wb().reveal('web-server-base-v7'));
    await wb().screenshot('owned-image-menu');
    await wb().page.keyboard.press('Escape');
    for (const offered of [
      'Manage Tags…',
      'Deprecate AMI…',
      'Disable AMI…',
      'Turn On Deregistration Protection…',
      'Deregister AMI…',
    ]) {
      assert.ok(menu.includes(offered), `${offered} missing: ${menu.join(' | ')}`);
    }
    for (const invalid of ['Re-enable AMI', 'Cancel AMI Deprecation', 'Turn Off Deregistration Protection']) {
      assert.ok(!menu.includes(invalid), `${invalid} offered: ${menu.join(' | ')}`);
    }
    const deprecated = await wb().contextMenu(await wb().reveal('legacy-app-2024.08'));
    await wb().page.keyboard.press('Escape');
    assert.ok(
      deprecated.includes('Cancel AMI Deprecation') && !deprecated.includes('Deprecate AMI…'),
      deprecated.join(' | '),
    );
  });
});

/** Drags the side bar's edge so rows show their whole description (size, cost, unused) in the screenshots. */
async function widenSideBar(wb: Workbench): Promise<void> {
  const sideBar = await wb.page.locator('.part.sidebar').boundingBox();
  if (!sideBar) return;
  const edge = sideBar.x + sideBar.width;
  const y = sideBar.y + sideBar.height * 0.75;
  await wb.page.mouse.move(edge + 1, y);
  await wb.page.waitForTimeout(300); // the sash reacts after a hover delay
  await wb.page.mouse.down();
  await wb.page.mouse.move(760, y, { steps: 10 });
  await wb.page.mouse.up();
}

async function description(row: Locator): Promise<string> {
  const d = row.locator('.label-description').first();
  return (await d.count()) ? (await d.innerText()).trim() : '';
}

async function waitForText(row: Locator, pattern: RegExp): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!pattern.test(await description(row))) {
    if (Date.now() > deadline) assert.fail(`row description "${await description(row)}" never matched ${pattern}`);
    await row.page().waitForTimeout(200);
  }
}
