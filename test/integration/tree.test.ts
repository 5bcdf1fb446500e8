// The AMIs tree read through the real provider, inside a real extension host, on the simulator.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AmiExplorerApi } from '../../src/api';
import type { ExplorerNode } from '../../src/explorer/node';
import {
  children,
  contextValue,
  description,
  freshExplorer,
  iconId,
  item,
  label,
  nodeAt,
  run,
  ScriptedInput,
  setSetting,
  waitFor,
  imageRows,
} from './support';

const OWNER_LABELS = ['Owned by me', 'Shared with me', 'Amazon', 'AWS Marketplace', 'Other public'];

describe('AMIs tree', () => {
  let api: AmiExplorerApi;

  before(async () => {
    api = await freshExplorer();
  });

  it('shows one root per configured region, then Images, Instances and Snapshots', async () => {
    const roots = await children(api);
    assert.deepStrictEqual(roots.map(label), ['us-east-1', 'eu-west-1']);
    assert.deepStrictEqual(roots.map(contextValue), ['region', 'region']);
    assert.deepStrictEqual((await children(api, roots[0])).map(label), [
      'Images',
      'Instances',
      'Snapshots',
      'Latest AMIs',
      'Allowed AMIs',
      'Recycle Bin',
    ]);
  });

  it('groups images by owner, then by root-device type, each with its count', async () => {
    const images = await nodeAt(api, ['us-east-1', 'Images']);
    const owners = await children(api, images);
    assert.deepStrictEqual(owners.map(label), OWNER_LABELS);
    for (const owner of owners) {
      const types = await children(api, owner);
      assert.deepStrictEqual(types.map(label), ['EBS-backed', 'Instance store'], label(owner));
      for (const type of types) {
        assert.match(description(type), /^\d+\+?$/, `${owner.id}: count on ${label(type)}`);
      }
      assert.match(description(owner), /^\d+\+?/, `${label(owner)} shows its count once loaded`);
    }
  });

  it('lists AMI rows with date, architecture, id, a typed contextValue and a tooltip', async () => {
    const ebs = await nodeAt(api, ['us-east-1', 'Images', 'Owned by me', 'EBS-backed']);
    const rows = await imageRows(api, ebs);
    assert.ok(rows.length > 0);
    for (const row of rows) {
      // What tells versions apart comes first; PV and states other than available are called out.
      assert.match(description(row), /^\d{4}-\d{2}-\d{2} · (x86_64|arm64|i386) · ami-[0-9a-f]{17}( · pv)?( · [a-z]+)*/);
      assert.match(contextValue(row), /^image\+[a-z]+\+owned\+(public|private)(\+deprecated)?$/);
      const tooltip = item(row).tooltip;
      assert.ok(tooltip instanceof vscode.MarkdownString);
      assert.match(tooltip.value, /Block devices/);
      assert.ok(!tooltip.isTrusted, 'EC2 text in tooltips must not run commands');
    }
    const amazon = await children(api, await nodeAt(api, ['us-east-1', 'Images', 'Amazon', 'EBS-backed']));
    assert.ok(amazon.some((r) => /notOwned\+public/.test(contextValue(r))));
  });

  it('builds stable path-like ids from keys: each row lies under its parent', async () => {
    const walk = async (node: ExplorerNode | undefined, depth: number): Promise<number> => {
      let count = 0;
      for (const child of await children(api, node)) {
        count++;
        if (node) assert.ok(child.id.startsWith(`${node.id}/`), `${child.id} under ${node.id}`);
        assert.strictEqual(item(child).id, child.id);
        assert.strictEqual(api.tree.getParent(child)?.id, node?.id, `parent of ${child.id}`);
        if (depth < 4 && item(child).collapsibleState !== vscode.TreeItemCollapsibleState.None) {
          count += await walk(child, depth + 1);
        }
      }
      return count;
    };
    const region = (await children(api))[0];
    assert.ok((await walk(region, 1)) > 20);
  });

  it('never lists a catalog unpaged: "Load more…" fetches the next page', async () => {
    const ebs = await nodeAt(api, ['us-east-1', 'Images', 'Amazon', 'EBS-backed']);
    const first = await children(api, ebs);
    assert.strictEqual(first.length, 6, '5 images and Load more…');
    const more = first[5];
    assert.strictEqual(label(more), 'Load more…');
    assert.strictEqual(item(more).command?.command, 'amiExplorer.loadMore');
    assert.strictEqual(description(ebs), '5+');
    await run(api, 'amiExplorer.loadMore', more);
    // Images of one version series now share a family row: count images, not rows. The first
    // page's images keep their ids (a family row holds them without renaming them).
    const second = (await imageRows(api, ebs)).map((n) => n.id);
    assert.strictEqual(second.length, 10);
    for (const row of first.slice(0, 5)) {
      assert.ok(second.includes(row.id), `${row.id} is still listed after Load more`);
    }
  });

  it('filters an owner group server-side, shows the filter on the group, and clears it', async () => {
    const amazon = await nodeAt(api, ['us-east-1', 'Images', 'Amazon']);
    api.setUserInput(
      new ScriptedInput()
        .type('al2023')
        .pickLabel('arm64')
        .pickLabel('Any platform')
        .pickLabel('Hide deprecated images')
        .pickLabels([]),
    );
    await run(api, 'amiExplorer.filterImages', amazon);
    assert.strictEqual(contextValue(amazon), 'ownerGroup+amazon+filtered');
    assert.match(description(amazon), /filter: name ~ \*al2023\*, arm64/);
    const ebs = (await children(api, amazon))[0];
    const rows = (await children(api, ebs)).filter((n) => /^image\+/.test(contextValue(n)));
    assert.ok(rows.length > 0, 'some Amazon Linux 2023 arm64 images');
    for (const row of rows) {
      assert.match(label(row), /al2023/);
      assert.match(description(row), / · arm64 · /);
    }
    await run(api, 'amiExplorer.clearFilter', amazon);
    assert.strictEqual(contextValue(amazon), 'ownerGroup+amazon');
  });

  it('filters an owner group by a badge: free tier through EC2, shown on the group and in each tooltip', async () => {
    const amazon = await nodeAt(api, ['us-east-1', 'Images', 'Amazon']);
    api.setUserInput(
      new ScriptedInput()
        .type('')
        .pickLabel('Any architecture')
        .pickLabel('Any platform')
        .pickLabel('Hide deprecated images')
        .pickLabels(['Free tier eligible']),
    );
    await run(api, 'amiExplorer.filterImages', amazon);
    assert.match(description(amazon), /filter: free tier eligible/);
    const ebs = (await children(api, amazon))[0];
    const rows = (await children(api, ebs)).filter((n) => /^image\+/.test(contextValue(n)));
    assert.ok(rows.length > 0, 'some free-tier Amazon images');
    for (const row of rows) {
      const tip = item(row).tooltip;
      assert.match(tip instanceof vscode.MarkdownString ? tip.value : String(tip), /Free tier: eligible/);
    }
    await run(api, 'amiExplorer.clearFilter', amazon);
  });

  it('says so when a filter matches nothing', async () => {
    const shared = await nodeAt(api, ['us-east-1', 'Images', 'Shared with me']);
    api.setUserInput(
      new ScriptedInput()
        .type('no-such-image-anywhere')
        .pickLabel('Any architecture')
        .pickLabel('Any platform')
        .pickLabel('Hide deprecated images')
        .pickLabels([]),
    );
    await run(api, 'amiExplorer.filterImages', shared);
    const ebs = (await children(api, shared))[0];
    const rows = await children(api, ebs);
    assert.deepStrictEqual(rows.map(label), ['No images match the filter']);
    await run(api, 'amiExplorer.clearFilter', shared);
  });

  it('lists instances with state icon, type and AMI, and a contextValue by state and root device', async () => {
    const instances = await children(api, await nodeAt(api, ['us-east-1', 'Instances']));
    assert.ok(instances.length >= 3);
    for (const row of instances) {
      assert.match(
        contextValue(row),
        /^instance\+(pending|running|stopping|stopped|shutting-down|terminated)\+(ebs|instanceStore)$/,
      );
      assert.match(description(row), /ami-[0-9a-f]{17}/);
    }
    assert.ok(
      instances.some((r) => contextValue(r) === 'instance+running+instanceStore'),
      'the seed has an instance-store instance',
    );
    const running = instances.find((r) => contextValue(r) === 'instance+running+ebs')!;
    assert.strictEqual(iconId(running), 'vm-running');
  });

  it("shows one region's failure as an error row with the fix, while other regions keep working", async () => {
    await setSetting('regions', ['us-east-1', 'me-central-1']);
    await waitFor(
      'the new region list',
      async () => (await children(api)).map(label).join() === 'us-east-1,me-central-1',
    );
    const broken = await children(api, await nodeAt(api, ['me-central-1', 'Images', 'Amazon']));
    assert.strictEqual(broken.length, 1);
    assert.strictEqual(contextValue(broken[0]), 'error');
    assert.ok(description(broken[0]).length > 0, 'the error row says what to do');
    assert.strictEqual(item(broken[0]).command?.command, 'amiExplorer.refresh', 'clicking it retries');
    const working = await children(api, await nodeAt(api, ['us-east-1', 'Images', 'Amazon', 'EBS-backed']));
    assert.ok(working.length > 0 && /^image\+/.test(contextValue(working[0])));
    await setSetting('regions', ['us-east-1', 'eu-west-1']);
  });

  it('selects regions from the list DescribeRegions returns', async () => {
    const input = new ScriptedInput().pickLabels(['eu-central-1', 'us-east-1']);
    api.setUserInput(input);
    await run(api, 'amiExplorer.selectRegions');
    input.assertDone();
    assert.ok(input.prompts[0].items!.includes('ap-northeast-1'), 'offers the simulator regions');
    await waitFor(
      'the picked regions',
      async () => (await children(api)).map(label).join() === 'eu-central-1,us-east-1',
    );
    await setSetting('regions', ['us-east-1', 'eu-west-1']);
  });

  it('shows every region enabled for the account when "All enabled regions" is picked', async () => {
    const input = new ScriptedInput().pickLabels(['All enabled regions']);
    api.setUserInput(input);
    await run(api, 'amiExplorer.selectRegions');
    input.assertDone();
    assert.deepStrictEqual(vscode.workspace.getConfiguration('amiExplorer').get('regions'), 'all');
    await waitFor('the enabled regions as roots', async () => (await children(api)).length === 17);
    const roots = (await children(api)).map(label);
    assert.ok(roots.includes('ap-south-1') && roots.includes('eu-north-1'), roots.join());
    assert.ok(!roots.includes('af-south-1'), `an opt-in region the account has not enabled: ${roots.join()}`);
    // A region row works like any other.
    const mine = await children(api, await nodeAt(api, ['eu-west-1', 'Images', 'Owned by me']));
    assert.ok(mine.length > 0, 'the owned images of a region reached through "all"');
    await setSetting('regions', ['us-east-1', 'eu-west-1']);
    await waitFor('the regions again', async () => (await children(api)).map(label).join() === 'us-east-1,eu-west-1');
  });

  it('shows the welcome view (no rows) when no region is selected', async () => {
    await setSetting('regions', []);
    await waitFor('an empty tree', async () => (await children(api)).length === 0);
    await setSetting('regions', ['us-east-1', 'eu-west-1']);
    await waitFor('the regions again', async () => (await children(api)).length === 2);
  });
});
