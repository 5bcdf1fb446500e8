// "Used by" and lineage (issue 13) on the in-process simulator, whose seed (referenceSeed.ts) has
// web-server-base-v7 launched by the web-server template (v2, default) and its Auto Scaling group,
// and hardened-web-server-v7 → v7.1 built from it.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AmiExplorerApi } from '../../src/api';
import type { ImageDetailsInit } from '../../src/shared/protocol/imageDetails';
import {
  children,
  contextValue,
  description,
  freshExplorer,
  item,
  label,
  nodeAt,
  openPanel,
  ready,
  rowNamed,
  setSetting,
} from './support';

const REGION = 'us-east-1';
const OWNED_EBS = [REGION, 'Images', 'Owned by me', 'EBS-backed'];

describe('used by and lineage', () => {
  let api: AmiExplorerApi;

  before(async () => {
    api = await freshExplorer();
    await setSetting('pageSize', 50);
  });

  after(async () => {
    for (const p of api.panels()) p.close();
    await setSetting('pageSize', 5);
  });

  it('an owned image row expands to "Used by": the template with its versions and the Auto Scaling group', async () => {
    const row = await rowNamed(api, OWNED_EBS, 'web-server-base-v7');
    assert.strictEqual(item(row).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    const [section] = await children(api, row);
    assert.strictEqual(label(section), 'Used by');
    assert.strictEqual(section.id, `${row.id}/used-by`);
    const rows = await children(api, section);
    assert.deepStrictEqual(
      rows.map((r) => [contextValue(r), label(r)]),
      [
        ['usedBy+launchTemplate', 'web-server v2 default'],
        ['usedBy+autoScalingGroup', 'web-server-asg'],
      ],
    );
    assert.match(description(rows[0]), /^lt-[0-9a-f]{17}$/);
    // Rows of images the caller does not own stay leaves.
    const amazon = await children(api, await nodeAt(api, [REGION, 'Images', 'Amazon', 'EBS-backed']));
    const image = amazon.find((n) => contextValue(n).startsWith('image+'));
    assert.strictEqual(item(image!).collapsibleState, vscode.TreeItemCollapsibleState.None);
  });

  it('an owned image row redraws once its "Used by" is read: its tooltip then says it is in use', async () => {
    // An image whose use no test of this suite has read yet: a launch template of the seed uses it.
    const row = await rowNamed(api, OWNED_EBS, 'legacy-app-2024.08');
    const tooltip = (): string => {
      const t = item(row).tooltip;
      return t instanceof vscode.MarkdownString ? t.value : String(t);
    };
    assert.doesNotMatch(tooltip(), /In use/, 'unknown until read');
    const redrawn: string[] = [];
    const listening = api.tree.onDidChangeTreeData((n) => {
      if (n) redrawn.push(n.id);
    });
    try {
      await children(api, (await children(api, row))[0]);
      assert.deepStrictEqual(
        redrawn.filter((id) => id === row.id),
        [row.id],
      );
      assert.match(tooltip(), /In use: yes: 1 launch template/);
      // The redrawn row reads its "Used by" again: the same answer redraws nothing more.
      await children(api, (await children(api, row))[0]);
      assert.strictEqual(redrawn.filter((id) => id === row.id).length, 1);
    } finally {
      listening.dispose();
    }
  });

  it('an owned image tooltip names the image it was built from', async () => {
    // v7 and v7.1 share a family row.
    const family = await rowNamed(api, OWNED_EBS, 'hardened-web-server-*');
    const row = (await children(api, family)).find((n) => label(n) === 'hardened-web-server-v7.1');
    assert.ok(row);
    const tooltip = item(row).tooltip;
    assert.ok(tooltip instanceof vscode.MarkdownString);
    assert.match(tooltip.value, /Built from: hardened-web-server-v7 \\\(ami-[0-9a-f]{17}\\\)/);
  });

  it('the details panel of the base lists what uses it and every image built from it, transitively', async () => {
    const base = await rowNamed(api, OWNED_EBS, 'web-server-base-v7');
    const panel = await openPanel(api, 'amiExplorer.showImageDetails', base, 'imageDetails');
    const init = await ready<ImageDetailsInit>(panel);
    assert.ok(init.usedBy?.available, JSON.stringify(init.usedBy));
    assert.deepStrictEqual(
      init.usedBy.usage.autoScalingGroups.map((g) => g.name),
      ['web-server-asg'],
    );
    assert.ok(init.lineage?.derived.available, JSON.stringify(init.lineage));
    assert.deepStrictEqual(
      init.lineage.derived.items.map((d) => [d.name, d.depth]),
      [
        ['hardened-web-server-v7', 1],
        ['hardened-web-server-v7.1', 2],
      ],
    );
    assert.ok(init.lineage.ancestry.available);
    assert.strictEqual(init.lineage.ancestry.items.at(-1)?.ownerAlias, 'amazon', 'its root is an Amazon image');
    panel.close();
  });
});
