// Cost hygiene on the simulator: the Snapshots folder marks snapshots no AMI uses (also right
// after a deregistration that kept them), prices them, and deletes them after a confirmation.
import * as assert from 'assert';
import { DeregisterImageCommand, DescribeSnapshotsCommand } from '@aws-sdk/client-ec2';
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
  runExpectingError,
  ScriptedInput,
  setSetting,
  imageRows,
} from './support';

const REGION = 'us-east-1';

function tooltip(node: ExplorerNode): string {
  const t = item(node).tooltip;
  return typeof t === 'string' ? t : (t?.value ?? '');
}

async function snapshotRows(api: AmiExplorerApi): Promise<ExplorerNode[]> {
  return children(api, await nodeAt(api, [REGION, 'Snapshots']));
}

const snapshotIdOf = (row: ExplorerNode) => row.id.split('/').pop()!;

/** The seed's orphan: the root snapshot of an AMI deregistered months ago. */
function orphanOf(rows: ExplorerNode[]): ExplorerNode {
  const orphan = rows.find((r) => /Created by CreateImage\\\(i-[0-9a-f]+\\\) for ami-/.test(tooltip(r)));
  assert.ok(orphan, 'no seeded orphan snapshot');
  return orphan;
}

async function ownedImage(api: AmiExplorerApi, name: string): Promise<ExplorerNode> {
  const rows = await children(api, await nodeAt(api, [REGION, 'Images', 'Owned by me', 'EBS-backed']));
  const row = rows.find((r) => label(r) === name);
  assert.ok(row, `no "${name}"`);
  return row;
}

/** The snapshot ids an image row's tooltip lists under its block devices. */
function snapshotsOf(image: ExplorerNode): string[] {
  return [...tooltip(image).matchAll(/snap-[0-9a-f]{17}/g)].map((m) => m[0]);
}

describe('Snapshots and their cost', () => {
  let api: AmiExplorerApi;

  beforeEach(async () => {
    api = await freshExplorer();
    await setSetting('pageSize', 50);
    await setSetting('snapshotPricePerGbMonth', undefined);
  });

  after(async () => {
    api.setUserInput(undefined);
    await setSetting('pageSize', 5);
    await setSetting('snapshotPricePerGbMonth', undefined);
  });

  it("lists the caller's snapshots with size and monthly cost, and marks the seeded orphan and backup unused", async () => {
    const rows = await snapshotRows(api);
    const unused = rows.filter((r) => contextValue(r) === 'snapshot+unused');
    assert.deepStrictEqual(
      unused.map(label).sort(),
      ['build-data-backup', snapshotIdOf(orphanOf(rows))],
      rows.map(description).join('\n'),
    );
    const orphan = orphanOf(rows);
    assert.match(description(orphan), /^16 GiB · ≈ \$0\.80\/mo · unused$/);
    assert.strictEqual(iconId(orphan), 'warning');
    assert.match(tooltip(orphan), /none of your AMIs in this region uses it/);
    const used = rows.filter((r) => contextValue(r) === 'snapshot+used');
    assert.ok(used.length >= 6, `${used.length} used snapshots`);
    // Seeded AMIs all have names: the row names the AMI (its id is in the tooltip).
    assert.ok(
      used.every((r) => /used by (?!ami-[0-9a-f]{17}$)\S/.test(description(r))),
      used.map(description).join('\n'),
    );
    assert.deepStrictEqual(
      rows.slice(0, 2).map(contextValue),
      ['snapshot+unused', 'snapshot+unused'],
      'unused snapshots come first',
    );
    const folder = await nodeAt(api, [REGION, 'Snapshots']);
    assert.match(description(folder), new RegExp(`^${rows.length} · 2 unused ≈ \\$5\\.80/mo$`));
  });

  it("shows each owned AMI's monthly snapshot cost in its tooltip and sums them on the region row, at the configured price", async () => {
    const web = await ownedImage(api, 'web-server-base-v7');
    assert.match(tooltip(web), /Snapshot storage: 1 snapshot, 16 GiB ≈ \$0\.80\/month at \$0\.05 per GB-month/);
    const payments = await ownedImage(api, 'payments-api-encrypted-v3');
    assert.match(tooltip(payments), /Snapshot storage: 2 snapshots, 70 GiB ≈ \$3\.50\/month/);
    const amazon = (await imageRows(api, await nodeAt(api, [REGION, 'Images', 'Amazon', 'EBS-backed'])))[0];
    assert.doesNotMatch(tooltip(amazon), /Snapshot storage/, 'no cost on images of others');

    const ownedRows = await imageRows(api, await nodeAt(api, [REGION, 'Images', 'Owned by me', 'EBS-backed']));
    const expected = ownedRows
      .map((r) => /Snapshot storage: .* ≈ \$(\d+\.\d\d)\/month/.exec(tooltip(r))?.[1])
      .reduce((sum, v) => sum + Number(v ?? 0), 0);
    await snapshotRows(api);
    const region = (await children(api)).find((n) => n.id === REGION)!;
    assert.match(description(region), new RegExp(`^≈ \\$${expected.toFixed(2)}/mo · \\$5\\.80/mo unused$`));
    assert.match(tooltip(region), /Unused snapshots: 2, 116 GiB/);

    await setSetting('snapshotPricePerGbMonth', 0.1);
    assert.match(tooltip(await ownedImage(api, 'web-server-base-v7')), /≈ \$1\.60\/month at \$0\.1 per GB-month/);
    await snapshotRows(api);
    const repriced = (await children(api)).find((n) => n.id === REGION)!;
    assert.match(description(repriced), new RegExp(`^≈ \\$${(expected * 2).toFixed(2)}/mo · \\$11\\.60/mo unused$`));
  });

  it('marks the snapshots of an AMI deregistered without deleting them as unused', async () => {
    const web = await ownedImage(api, 'web-server-base-v7');
    const [snapshotId] = snapshotsOf(web);
    assert.ok(snapshotId);
    const before = (await snapshotRows(api)).find((r) => snapshotIdOf(r) === snapshotId)!;
    assert.strictEqual(contextValue(before), 'snapshot+used');

    await (await api.ec2(REGION)).send(new DeregisterImageCommand({ ImageId: web.id.split('/').pop()! }));
    await run(api, 'amiExplorer.refresh', await nodeAt(api, [REGION, 'Snapshots']));
    const rows = await snapshotRows(api);
    const after = rows.find((r) => snapshotIdOf(r) === snapshotId)!;
    assert.strictEqual(contextValue(after), 'snapshot+unused');
    assert.match(description(after), /unused/);
    assert.strictEqual(rows.filter((r) => contextValue(r) === 'snapshot+unused').length, 3);
  });

  it('deletes several selected unused snapshots after a confirmation that lists them and the money saved', async () => {
    const web = await ownedImage(api, 'web-server-base-v7');
    await (await api.ec2(REGION)).send(new DeregisterImageCommand({ ImageId: web.id.split('/').pop()! }));
    await run(api, 'amiExplorer.refresh', await nodeAt(api, [REGION, 'Snapshots']));
    const [leftBehind] = snapshotsOf(web);
    const all = await snapshotRows(api);
    const unused = [orphanOf(all), all.find((r) => snapshotIdOf(r) === leftBehind)!];
    assert.deepStrictEqual(unused.map(contextValue), ['snapshot+unused', 'snapshot+unused']);
    const ids = unused.map(snapshotIdOf);

    api.setUserInput(new ScriptedInput().decline());
    await run(api, 'amiExplorer.deleteSnapshot', unused[0], unused);
    assert.strictEqual(
      (await snapshotRows(api)).filter((r) => ids.includes(snapshotIdOf(r))).length,
      2,
      'declined: nothing deleted',
    );

    const input = new ScriptedInput().accept();
    api.setUserInput(input);
    await run(api, 'amiExplorer.deleteSnapshot', unused[0], unused);
    input.assertDone();
    assert.match(input.prompts[0].title, /Delete 2 snapshots\? This cannot be undone/);
    for (const id of ids) assert.match(input.prompts[0].detail ?? '', new RegExp(id));
    assert.match(input.prompts[0].detail ?? '', /Saves about \$1\.60 per month/);

    const rows = await snapshotRows(api);
    assert.deepStrictEqual(
      rows.filter((r) => ids.includes(snapshotIdOf(r))),
      [],
    );
    assert.deepStrictEqual(rows.filter((r) => contextValue(r) === 'snapshot+unused').map(label), ['build-data-backup']);
    const left = await (await api.ec2(REGION)).send(new DescribeSnapshotsCommand({ OwnerIds: ['self'] }));
    assert.ok(!(left.Snapshots ?? []).some((s) => ids.includes(s.SnapshotId ?? '')));
  });

  it('refuses to delete a snapshot an AMI still uses, with the AMI named, deleting nothing and asking nothing', async () => {
    const rows = await snapshotRows(api);
    const used = rows.find((r) => contextValue(r) === 'snapshot+used')!;
    const unused = rows.find((r) => contextValue(r) === 'snapshot+unused')!;
    api.setUserInput(new ScriptedInput());
    const error = await runExpectingError(api, 'amiExplorer.deleteSnapshot', used, [used, unused]);
    assert.match(
      error.message,
      new RegExp(`the snapshot ${snapshotIdOf(used)} is currently in use by ami-[0-9a-f]{17}`),
    );
    assert.match(error.fix ?? '', /Deregister the AMI first.*Nothing was deleted/);
    assert.strictEqual((await snapshotRows(api)).length, rows.length);
  });

  it('deletes unused snapshots picked from the palette', async () => {
    const orphan = orphanOf(await snapshotRows(api));
    const input = new ScriptedInput()
      .pickLabel(REGION)
      .pickLabels([label(orphan)])
      .accept();
    api.setUserInput(input);
    await run(api, 'amiExplorer.deleteSnapshot');
    input.assertDone();
    assert.deepStrictEqual(
      input.prompts[1].items?.sort(),
      ['build-data-backup', label(orphan)].sort(),
      'only unused snapshots are offered',
    );
    assert.ok(!(await snapshotRows(api)).some((r) => r.id === orphan.id));
  });

  it('tags a snapshot from its row', async () => {
    const orphan = orphanOf(await snapshotRows(api));
    api.setUserInput(
      new ScriptedInput()
        .pickWhere((i) => i.label.includes('Add a tag'))
        .type('Name')
        .type('old-root-volume'),
    );
    await run(api, 'amiExplorer.manageTags', orphan);
    const row = (await snapshotRows(api)).find((r) => r.id === orphan.id)!;
    assert.strictEqual(label(row), 'old-root-volume');
    assert.match(tooltip(row), /Name=old-root-volume/);
  });
});
