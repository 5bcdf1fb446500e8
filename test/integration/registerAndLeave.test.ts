// Issue 15 item 5 in the extension: "Create Image from Snapshot…" on snapshot rows (RegisterImage)
// and "Leave Shared AMI…" on rows under Shared with me (CancelImageLaunchPermission).
import * as assert from 'assert';
import { DescribeImagesCommand } from '@aws-sdk/client-ec2';
import type { AmiExplorerApi } from '../../src/api';
import {
  children,
  contextValue,
  freshExplorer,
  label,
  nodeAt,
  rowNamed,
  rowWhere,
  run,
  ScriptedInput,
  setSetting,
  selectedRow,
} from './support';

const REGION = 'us-east-1';
const SHARED_EBS = [REGION, 'Images', 'Shared with me', 'EBS-backed'];

describe('Register from snapshot and leave a shared AMI', () => {
  let api: AmiExplorerApi;

  beforeEach(async () => {
    api = await freshExplorer();
    await setSetting('pageSize', 50);
  });

  after(async () => {
    api.setUserInput(undefined);
    await setSetting('pageSize', 5);
  });

  it('Create Image from Snapshot… registers an HVM image with the snapshot as /dev/xvda and selects it', async () => {
    const row = await rowWhere(
      api,
      [REGION, 'Snapshots'],
      (n) => contextValue(n) === 'snapshot+unused',
      'unused snapshot',
    );
    const snapshotId = row.id.split('/').pop()!;
    const input = new ScriptedInput().type('restored-from-snapshot').pickLabel('arm64');
    api.setUserInput(input);
    await run(api, 'amiExplorer.createImageFromSnapshot', row);
    input.assertDone();

    const images = await (
      await api.ec2(REGION)
    ).send(
      new DescribeImagesCommand({ Owners: ['self'], Filters: [{ Name: 'name', Values: ['restored-from-snapshot'] }] }),
    );
    assert.strictEqual(images.Images?.length, 1);
    const image = images.Images[0];
    assert.strictEqual(image.Architecture, 'arm64');
    assert.strictEqual(image.VirtualizationType, 'hvm');
    assert.strictEqual(image.RootDeviceName, '/dev/xvda');
    assert.deepStrictEqual(
      image.BlockDeviceMappings?.map((m) => [m.DeviceName, m.Ebs?.SnapshotId]),
      [['/dev/xvda', snapshotId]],
    );
    await selectedRow(api, (id) => id.endsWith(`/${image.ImageId}`));
    // The region was reloaded: the snapshot is now used by an AMI.
    const again = await rowWhere(api, [REGION, 'Snapshots'], (n) => n.id === row.id, 'the snapshot');
    assert.strictEqual(contextValue(again), 'snapshot+used');
  });

  it('Create Image from Snapshot… stops without registering anything when the name prompt is cancelled', async () => {
    const row = (await children(api, await nodeAt(api, [REGION, 'Snapshots'])))[0];
    const input = new ScriptedInput().cancel();
    api.setUserInput(input);
    await run(api, 'amiExplorer.createImageFromSnapshot', row);
    input.assertDone();
    const mine = await (await api.ec2(REGION)).send(new DescribeImagesCommand({ Owners: ['self'] }));
    assert.ok(!mine.Images?.some((i) => i.Name?.startsWith('from-')), 'nothing registered');
  });

  it('Leave Shared AMI… asks first, then the image disappears from Shared with me', async () => {
    const row = await rowNamed(api, SHARED_EBS, 'partner-monitoring-agent-4.2');
    assert.match(contextValue(row), /^image\+[a-z-]+\+notOwned\+private/);
    const imageId = row.id.split('/').pop()!;

    const declined = new ScriptedInput().decline();
    api.setUserInput(declined);
    await run(api, 'amiExplorer.leaveSharedImage', row);
    const prompt = declined.prompts.find((p) => p.kind === 'confirm');
    assert.ok(prompt, 'a confirmation was asked');
    assert.match(prompt.detail ?? '', /disappears from Shared with me/);
    assert.match(prompt.detail ?? '', /Only its owner/);
    assert.ok(
      (await children(api, await nodeAt(api, SHARED_EBS))).some((n) => n.id === row.id),
      'still shared',
    );

    const accepted = new ScriptedInput().accept();
    api.setUserInput(accepted);
    await run(api, 'amiExplorer.leaveSharedImage', row);
    accepted.assertDone();
    const left = (await children(api, await nodeAt(api, SHARED_EBS))).map(label);
    assert.ok(!left.includes('partner-monitoring-agent-4.2'), `gone from Shared with me: ${left.join(', ')}`);
    const visible = await (await api.ec2(REGION)).send(new DescribeImagesCommand({ ExecutableUsers: ['self'] }));
    assert.ok(!visible.Images?.some((i) => i.ImageId === imageId), 'EC2 no longer lists it as executable');
  });
});
