// Clean Up Images (issue 13 item 3) in a real VS Code on the simulator: the dry run is exactly what
// the run then deregisters and deletes (read back with DescribeImages/DescribeSnapshots), an image
// in use is kept, a change between dry run and run is refused, and the workspace rules file round-trips.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { EC2Client, Image } from '@aws-sdk/client-ec2';
import {
  CreateImageCommand,
  DescribeImagesCommand,
  DescribeSnapshotsCommand,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import type { AmiExplorerApi, PanelDriver } from '../../src/api';
import type { CleanupPlan } from '../../src/shared/cleanup/engine';
import type { CleanupRules } from '../../src/shared/cleanup/rules';
import type { CleanupInit, CleanupItemResult } from '../../src/shared/protocol/cleanup';
import { ScriptedInput, freshExplorer, nodeAt, openPanel, ready, request, succeeded } from './support';

const REGION = 'us-east-1';
const RULES: CleanupRules = {
  images: { namePattern: 'cleanup-it-*', tags: [] },
  keep: { newestPerFamily: 0, youngerThanDays: 0, launchedWithinDays: 0, inUse: true },
};

async function ownedImages(ec2: EC2Client): Promise<Image[]> {
  const out = await ec2.send(new DescribeImagesCommand({ Owners: ['self'], IncludeDisabled: true }));
  return out.Images ?? [];
}

async function ownedSnapshotIds(ec2: EC2Client): Promise<Set<string>> {
  const out = await ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'] }));
  return new Set((out.Snapshots ?? []).map((s) => s.SnapshotId ?? ''));
}

async function launch(ec2: EC2Client, imageId: string): Promise<string> {
  const out = await ec2.send(
    new RunInstancesCommand({ ImageId: imageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 }),
  );
  return out.Instances?.[0]?.InstanceId ?? '';
}

/** Three images of one family made from an instance: cleanup-it-2026.0N.01. */
async function family(ec2: EC2Client): Promise<string[]> {
  const source = (await ownedImages(ec2)).find((i) => i.State === 'available' && i.RootDeviceType === 'ebs');
  assert.ok(source?.ImageId, 'the seed has an owned EBS image');
  const instanceId = await launch(ec2, source.ImageId);
  const ids: string[] = [];
  for (const n of [1, 2, 3]) {
    const out = await ec2.send(
      new CreateImageCommand({ InstanceId: instanceId, Name: `cleanup-it-2026.0${n}.01`, NoReboot: true }),
    );
    ids.push(out.ImageId ?? '');
  }
  return ids;
}

async function dryRun(panel: PanelDriver, id: string, rules = RULES) {
  const result = await succeeded(panel, { type: 'dryRun', requestId: id, rules });
  assert.strictEqual(result.kind, 'dryRun');
  return result as unknown as { planId: string; plan: CleanupPlan };
}

describe('Clean Up Images panel', function () {
  let api: AmiExplorerApi;
  let ec2: EC2Client;

  beforeEach(async () => {
    api = await freshExplorer();
    ec2 = await api.ec2(REGION);
  });

  afterEach(() => {
    for (const p of api.panels()) p.close();
    api.setUserInput(undefined);
  });

  it('deletes exactly what the dry run showed, keeping the image in use', async () => {
    const [a, b, c] = await family(ec2);
    await launch(ec2, b); // b is now used by an instance
    const panel = await openPanel(api, 'amiExplorer.cleanUpImages', await nodeAt(api, [REGION]), 'cleanup');
    assert.deepStrictEqual(panel.args, { kind: 'cleanup', region: REGION });
    await ready<CleanupInit>(panel);
    const { planId, plan } = await dryRun(panel, 'd1');
    assert.deepStrictEqual([...plan.removeImageIds].sort(), [a, c].sort());
    const kept = plan.decisions.find((d) => d.imageId === b);
    assert.deepStrictEqual(kept?.reasons, ['in use: 1 instance']);
    const before = await ownedImages(ec2);
    const snapshotsOf = (id: string) =>
      (before.find((i) => i.ImageId === id)?.BlockDeviceMappings ?? []).flatMap((m) =>
        m.Ebs?.SnapshotId ? [m.Ebs.SnapshotId] : [],
      );
    assert.deepStrictEqual(plan.deleteSnapshotIds, [...snapshotsOf(a), ...snapshotsOf(c)].sort());
    const snapshotsBefore = await ownedSnapshotIds(ec2);
    const imagesBefore = new Set(before.map((i) => i.ImageId));

    const input = new ScriptedInput().accept();
    api.setUserInput(input);
    const result = await succeeded(panel, { type: 'submit', requestId: 'r1', params: { planId, confirmed: true } });
    input.assertDone();
    assert.match(input.prompts[0].title, /^Deregister 2 AMIs and delete \d+ snapshots in us-east-1\?$/);
    assert.match(input.prompts[0].detail ?? '', /saves up to \$\d+\.\d\d a month/);
    assert.strictEqual(result.kind, 'run');
    const items = result.items as CleanupItemResult[];
    assert.ok(items.every((i) => i.deregistered && i.keptSnapshots.length === 0));

    // EC2's state afterwards: exactly the planned images and snapshots are gone, nothing else.
    const imagesAfter = new Set((await ownedImages(ec2)).map((i) => i.ImageId));
    const snapshotsAfter = await ownedSnapshotIds(ec2);
    assert.deepStrictEqual(
      [...imagesBefore].filter((id) => !imagesAfter.has(id)).sort(),
      [...plan.removeImageIds].sort(),
    );
    assert.deepStrictEqual([...snapshotsBefore].filter((id) => !snapshotsAfter.has(id)).sort(), plan.deleteSnapshotIds);
    assert.ok(imagesAfter.has(b));
  });

  it('refuses to run when an image became in use after the dry run, and deletes nothing', async () => {
    const [a] = await family(ec2);
    const panel = await openPanel(api, 'amiExplorer.cleanUpImages', await nodeAt(api, [REGION]), 'cleanup');
    await ready<CleanupInit>(panel);
    const { planId, plan } = await dryRun(panel, 'd1');
    assert.strictEqual(plan.removeImageIds.length, 3);
    await launch(ec2, a);
    api.setUserInput(new ScriptedInput()); // any prompt would fail the test: none may be shown
    const result = await succeeded(panel, { type: 'submit', requestId: 'r1', params: { planId, confirmed: true } });
    assert.strictEqual(result.kind, 'changed');
    assert.match(
      (result.differences as string[])[0],
      new RegExp(`^${a} \\(cleanup-it-2026.01.01\\) is now kept: in use`),
    );
    const after = new Set((await ownedImages(ec2)).map((i) => i.ImageId));
    assert.ok(
      plan.removeImageIds.every((id) => after.has(id)),
      'every image is still there',
    );
  });

  it('saves rules in .vscode/ami-cleanup.json, reads them back, and says where a broken file is wrong', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(folder, 'the integration host opens a folder');
    const file = path.join(folder, '.vscode', 'ami-cleanup.json');
    fs.rmSync(file, { force: true });
    let panel = await openPanel(api, 'amiExplorer.cleanUpImages', await nodeAt(api, [REGION]), 'cleanup');
    assert.deepStrictEqual((await ready<CleanupInit>(panel)).rulesFile.ruleSets, []);
    await succeeded(panel, { type: 'saveRules', requestId: 's1', name: 'integration', rules: RULES });
    const written = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.deepStrictEqual(written.ruleSets, [{ name: 'integration', ...RULES }]);
    panel.close();

    panel = await openPanel(api, 'amiExplorer.cleanUpImages', await nodeAt(api, [REGION]), 'cleanup');
    const init = await ready<CleanupInit>(panel);
    assert.deepStrictEqual(init.rulesFile.ruleSets, [{ name: 'integration', ...RULES }]);

    fs.writeFileSync(file, '{\n  "ruleSets": [\n    { "name": "x", "keep": { "inUse": 1 } }\n  ]\n}\n');
    const reloaded = await request(panel, { type: 'reloadRules', requestId: 's2' });
    assert.ok(reloaded.result.ok);
    const state = (reloaded.result as unknown as { rulesFile: { error?: string } }).rulesFile;
    assert.strictEqual(
      state.error,
      '.vscode/ami-cleanup.json, line 3: ruleSets[0].keep.inUse must be true or false, not number.',
    );
    fs.rmSync(file, { force: true });
  });
});
