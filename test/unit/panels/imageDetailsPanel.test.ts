import * as assert from 'assert';
import type { Image } from '@aws-sdk/client-ec2';
import { ImageDetailsPanel, actionRefusal } from '../../../src/panels/imageDetailsPanel';
import { PanelSession } from '../../../src/panels/panelSession';
import { parseWith, readImageDetailsMessage } from '../../../src/shared/messageValidation';
import type { HostMessage } from '../../../src/shared/protocol/envelope';
import type { ImageDetailsInit, ImageDetailsResult } from '../../../src/shared/protocol/imageDetails';
import type { FakeWorld } from './fakes';
import { ec2Error, fakeServices } from './fakes';
import type { LineageView } from '../../../src/shared/imageLineage';
import { emptyUsage } from '../../../src/shared/imageUsage';

const ME = '111122223333';
const IMG = 'ami-0123456789abcdef0';
const image = (over: Partial<Image> = {}): Image => ({
  ImageId: IMG,
  Name: 'web base',
  Description: 'nginx',
  OwnerId: ME,
  State: 'available',
  Architecture: 'x86_64',
  CreationDate: '2026-10-01T10:00:00.000Z',
  RootDeviceType: 'ebs',
  RootDeviceName: '/dev/xvda',
  BootMode: 'uefi-preferred',
  ImdsSupport: 'v2.0',
  EnaSupport: true,
  SourceImageId: 'ami-0aaaaaaaaaaaaaaaa',
  SourceImageRegion: 'eu-west-1',
  BlockDeviceMappings: [
    {
      DeviceName: '/dev/xvda',
      Ebs: {
        SnapshotId: 'snap-0123456789abcdef0',
        VolumeSize: 30,
        VolumeType: 'gp3',
        Iops: 3000,
        Throughput: 125,
        Encrypted: true,
        KmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/k',
        DeleteOnTermination: true,
      },
    },
    {
      DeviceName: '/dev/sdb',
      Ebs: { SnapshotId: 'snap-0123456789abcdef1', VolumeSize: 70, VolumeType: 'gp2', DeleteOnTermination: false },
    },
    { DeviceName: '/dev/sdc', VirtualName: 'ephemeral0' },
    { DeviceName: '/dev/sdd', NoDevice: '' },
  ],
  Tags: [
    { Key: 'team', Value: 'web' },
    { Key: 'env', Value: 'prod' },
  ],
  DeprecationTime: '2026-01-01T00:00:00.000Z',
  DeregistrationProtection: 'enabled',
  ...over,
});

async function open(w: FakeWorld) {
  const services = fakeServices(w);
  const sent: HostMessage<ImageDetailsInit, ImageDetailsResult>[] = [];
  const refused: string[] = [];
  const session = new PanelSession(new ImageDetailsPanel('us-east-1', IMG, services), (m) => sent.push(m), {
    refused: (r) => refused.push(r),
    failed: () => undefined,
  });
  await session.receive({ type: 'ready' });
  const init = sent[0];
  assert.ok(init?.type === 'init', JSON.stringify(sent));
  return { services, sent, refused, session, data: (init as { data: ImageDetailsInit }).data };
}

describe('Image details panel', () => {
  it('groups every attribute: general, storage with the cost estimate, permissions, tags, deprecation', async () => {
    const { data, services } = await open({ images: [image()], permissions: { [IMG]: [{ UserId: '444455556666' }] } });
    assert.strictEqual(data.name, 'web base');
    assert.strictEqual(data.ownedByMe, true);
    assert.strictEqual(data.imdsSupport, 'v2.0');
    assert.strictEqual(data.sourceImageRegion, 'eu-west-1');
    assert.deepStrictEqual(
      data.blockDevices.map((b) => b.kind),
      ['ebs', 'ebs', 'ephemeral', 'noDevice'],
    );
    assert.deepStrictEqual(data.blockDevices[0], {
      deviceName: '/dev/xvda',
      kind: 'ebs',
      snapshotId: 'snap-0123456789abcdef0',
      sizeGiB: 30,
      volumeType: 'gp3',
      iops: 3000,
      throughput: 125,
      encrypted: true,
      kmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/k',
      deleteOnTermination: true,
    });
    assert.strictEqual(data.monthlyCostUsd, 5); // 100 GiB at $0.05
    assert.deepStrictEqual(data.permissions, {
      readable: true,
      permissions: { isPublic: false, accounts: ['444455556666'], organizations: [], organizationalUnits: [] },
    });
    assert.deepStrictEqual(data.tags, [
      { key: 'env', value: 'prod' },
      { key: 'team', value: 'web' },
    ]);
    assert.strictEqual(data.deprecated, true);
    assert.strictEqual(data.deregistrationProtection, 'enabled');
    assert.ok(
      services.calls.every((c) => /^(describeImages|getLaunchPermissions)\(/.test(c)),
      services.calls.join(),
    );
  });

  it("explains why another account's launch permissions cannot be read, without asking EC2", async () => {
    const { data, services } = await open({ images: [image({ OwnerId: '999988887777', ImageOwnerAlias: 'amazon' })] });
    assert.strictEqual(data.ownedByMe, false);
    assert.ok(!data.permissions.readable && /Only the owner \(account 999988887777\)/.test(data.permissions.reason));
    assert.ok(!services.calls.some((c) => c.startsWith('getLaunchPermissions')));
  });

  it('shows EC2 refusing DescribeImageAttribute instead of failing the panel', async () => {
    const w: FakeWorld = { images: [image()] };
    const services = fakeServices(w);
    services.ec2.getLaunchPermissions = async () => {
      throw ec2Error('UnauthorizedOperation', 'You are not authorized to perform this operation.');
    };
    const sent: HostMessage<ImageDetailsInit, ImageDetailsResult>[] = [];
    await new PanelSession(new ImageDetailsPanel('us-east-1', IMG, services), (m) => sent.push(m), {
      refused: () => undefined,
      failed: () => undefined,
    }).receive({ type: 'ready' });
    const data = (sent[0] as { data: ImageDetailsInit }).data;
    assert.ok(!data.permissions.readable && /not authorized/.test(data.permissions.reason));
  });

  it('opens the other panels for its image; Launch permissions and Deregister only when owned', async () => {
    const owned = await open({ images: [image()] });
    for (const panel of ['copyImage', 'launchInstance', 'launchPermissions', 'deregister'])
      await owned.session.receive({ type: 'openPanel', panel });
    assert.deepStrictEqual(owned.services.shown, [
      { kind: 'copyImage', region: 'us-east-1', imageId: IMG },
      { kind: 'launchInstance', region: 'us-east-1', imageId: IMG },
      { kind: 'launchPermissions', region: 'us-east-1', imageId: IMG },
      { kind: 'deregister', region: 'us-east-1', imageIds: [IMG] },
    ]);
    const foreign = await open({ images: [image({ OwnerId: '999988887777', State: 'pending' })] });
    for (const panel of ['copyImage', 'launchInstance', 'launchPermissions', 'deregister'])
      await foreign.session.receive({ type: 'openPanel', panel });
    assert.deepStrictEqual(foreign.services.shown, []);
    assert.strictEqual(foreign.refused.length, 4);
    assert.match(foreign.refused[2], /belongs to account 999988887777/);
    assert.match(foreign.refused[0], /is pending/);
    assert.strictEqual(actionRefusal('deregister', foreign.data), actionRefusal('launchPermissions', foreign.data));
  });

  it('copies and reveals only its own image id; refresh reads the image again', async () => {
    const w: FakeWorld = { images: [image()] };
    const { services, sent, refused, session } = await open(w);
    await session.receive({ type: 'copyId', id: IMG });
    await session.receive({ type: 'revealInTree', id: IMG });
    await session.receive({ type: 'copyId', id: 'ami-0fedcba9876543210' });
    assert.deepStrictEqual(services.copied, [IMG]);
    assert.deepStrictEqual(services.revealed, [`us-east-1/${IMG}`]);
    assert.strictEqual(refused.length, 1);
    w.images = [image({ Name: 'renamed' })];
    await session.receive({ type: 'refresh', requestId: 'r1' });
    const last = sent[sent.length - 1];
    assert.ok(last.type === 'result' && last.result.ok && last.result.details.name === 'renamed', JSON.stringify(last));
    w.images = [];
    await session.receive({ type: 'refresh', requestId: 'r2' });
    const gone = sent[sent.length - 1];
    assert.ok(
      gone.type === 'result' && !gone.result.ok && /does not exist/.test(gone.result.error.message),
      JSON.stringify(gone),
    );
  });

  it('refuses hostile messages without any EC2 call', async () => {
    const { services, refused, session, sent } = await open({ images: [image()] });
    const before = services.calls.length;
    const hostile: unknown[] = [
      { type: 'openPanel', panel: 'terminateEverything' },
      { type: 'openPanel', panel: 'deregister', imageIds: ['ami-0fedcba9876543210'] },
      { type: 'openPanel' },
      { type: 'refresh', requestId: 'x'.repeat(65) },
      { type: 'refresh', requestId: 7 },
      { type: 'submit', requestId: 's', params: {} },
      { type: 'copyId', id: 'x'.repeat(100_000) },
      { type: 'revealInTree', id: ['ami-0123456789abcdef0'] },
      { type: '__proto__' },
      { type: 'toString' },
      'openPanel',
      null,
      42,
    ];
    for (const m of hostile) await session.receive(m);
    assert.strictEqual(refused.length, hostile.length, refused.join('\n'));
    assert.strictEqual(services.calls.length, before, 'no EC2 call');
    assert.deepStrictEqual(services.shown, []);
    assert.ok(sent.slice(1).every((m) => m.type === 'refused'));
    assert.ok(!parseWith(readImageDetailsMessage, { type: 'refresh', requestId: 'ok', extra: true }).ok);
    assert.ok(parseWith(readImageDetailsMessage, { type: 'openPanel', panel: 'copyImage' }).ok);
  });

  it('shows who uses the image and its lineage, and reveals or copies only what it showed', async () => {
    const usage = { ...emptyUsage(IMG), instances: ['i-0123456789abcdef0'] };
    const lineage: LineageView = {
      ancestry: {
        available: true,
        items: [
          { imageId: IMG, region: 'us-east-1' },
          { imageId: 'ami-0aaaaaaaaaaaaaaaa', region: 'eu-west-1', ownerAlias: 'amazon' },
        ],
      },
      derived: { available: false, reason: 'This endpoint does not support DescribeImages filters.' },
      derivedTruncated: false,
    };
    const { services, refused, session, data } = await open({
      images: [image()],
      usage: { [IMG]: { available: true, usage } },
      lineage,
    });
    assert.deepStrictEqual(data.usedBy, { available: true, usage });
    assert.deepStrictEqual(data.lineage, lineage);
    await session.receive({ type: 'revealRelated', kind: 'instance', id: 'i-0123456789abcdef0', region: 'us-east-1' });
    await session.receive({ type: 'revealRelated', kind: 'image', id: 'ami-0aaaaaaaaaaaaaaaa', region: 'eu-west-1' });
    await session.receive({ type: 'copyRelatedId', id: 'ami-0aaaaaaaaaaaaaaaa' });
    // Not shown (or shown in another region): refused.
    await session.receive({ type: 'revealRelated', kind: 'image', id: 'ami-0aaaaaaaaaaaaaaaa', region: 'us-east-1' });
    await session.receive({ type: 'copyRelatedId', id: 'lt-0123456789abcdef0' });
    assert.deepStrictEqual(services.revealed, ['us-east-1/i-0123456789abcdef0', 'eu-west-1/ami-0aaaaaaaaaaaaaaaa']);
    assert.deepStrictEqual(services.copied, ['ami-0aaaaaaaaaaaaaaaa']);
    assert.strictEqual(refused.length, 2);
  });
});
