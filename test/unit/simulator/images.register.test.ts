import * as assert from 'assert';
import {
  DeleteSnapshotCommand,
  DescribeSnapshotsCommand,
  RegisterImageCommand,
  type EC2Client,
  type RegisterImageCommandInput,
  type Snapshot,
} from '@aws-sdk/client-ec2';
import { DEFAULT_SIMULATOR_ACCOUNT, PARTNER_SIMULATOR_ACCOUNT } from '../../../src/simulator/accounts';
import { ManualClock } from '../../../src/simulator/clock';
import type { Simulator } from '../../../src/simulator/simulator';
import { ec2, expectEc2Error, newSimulator } from './helpers';
import { describeOne } from './imagesSupport';

const ME = DEFAULT_SIMULATOR_ACCOUNT.accountId;

describe('simulator RegisterImage', () => {
  let clock: ManualClock;
  let sim: Simulator;
  let client: EC2Client;
  let snap: Snapshot;

  const fromSnapshot = (extra: Partial<RegisterImageCommandInput> = {}): RegisterImageCommandInput => ({
    Name: 'restored root (2026-11-30)',
    RootDeviceName: '/dev/xvda',
    BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId: snap.SnapshotId } }],
    ...extra,
  });

  beforeEach(async () => {
    clock = new ManualClock();
    sim = newSimulator({ clock, pendingDelayMs: 60_000 });
    client = ec2(sim);
    const own = await client.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'] }));
    snap = own.Snapshots!.find((s) => s.State === 'completed' && !s.Encrypted)!;
    assert.ok(snap, 'a completed unencrypted snapshot of mine in the seed');
  });

  it('registers a pending EBS-backed image from my snapshot, with the documented defaults i386 and paravirtual', async () => {
    await expectEc2Error(client.send(new RegisterImageCommand({ ...fromSnapshot(), DryRun: true })), 'DryRunOperation');
    const { ImageId } = await client.send(new RegisterImageCommand(fromSnapshot({ Description: 'from a snapshot' })));
    const image = (await describeOne(client, ImageId!))!;
    assert.strictEqual(image.State, 'pending');
    assert.strictEqual(image.OwnerId, ME);
    assert.strictEqual(image.RootDeviceType, 'ebs');
    assert.strictEqual(image.RootDeviceName, '/dev/xvda');
    assert.strictEqual(image.Architecture, 'i386');
    assert.strictEqual(image.VirtualizationType, 'paravirtual');
    assert.strictEqual(image.Description, 'from a snapshot');
    const root = image.BlockDeviceMappings!.find((m) => m.DeviceName === '/dev/xvda')!;
    assert.strictEqual(root.Ebs!.SnapshotId, snap.SnapshotId);
    assert.strictEqual(root.Ebs!.VolumeSize, snap.VolumeSize, 'the size defaults to the snapshot size');
    clock.advance(60_000);
    assert.strictEqual((await describeOne(client, ImageId!))!.State, 'available');
    // The image now uses the snapshot: it cannot be deleted.
    await expectEc2Error(
      client.send(new DeleteSnapshotCommand({ SnapshotId: snap.SnapshotId })),
      'InvalidSnapshot.InUse',
    );
  });

  it('keeps the requested architecture, virtualization, boot mode and support flags, and tags the image', async () => {
    const { ImageId } = await client.send(
      new RegisterImageCommand(
        fromSnapshot({
          Architecture: 'arm64',
          VirtualizationType: 'hvm',
          BootMode: 'uefi',
          EnaSupport: true,
          SriovNetSupport: 'simple',
          TpmSupport: 'v2.0',
          ImdsSupport: 'v2.0',
          TagSpecifications: [{ ResourceType: 'image', Tags: [{ Key: 'team', Value: 'infra' }] }],
          BlockDeviceMappings: [
            { DeviceName: '/dev/xvda', Ebs: { SnapshotId: snap.SnapshotId, VolumeSize: snap.VolumeSize! + 10 } },
            { DeviceName: '/dev/sdf', Ebs: { VolumeSize: 50, VolumeType: 'gp3', Encrypted: true } },
            { DeviceName: '/dev/sdb', VirtualName: 'ephemeral0' },
          ],
        }),
      ),
    );
    const image = (await describeOne(client, ImageId!))!;
    assert.strictEqual(image.Architecture, 'arm64');
    assert.strictEqual(image.VirtualizationType, 'hvm');
    assert.strictEqual(image.BootMode, 'uefi');
    assert.strictEqual(image.EnaSupport, true);
    assert.strictEqual(image.SriovNetSupport, 'simple');
    assert.strictEqual(image.TpmSupport, 'v2.0');
    assert.strictEqual(image.ImdsSupport, 'v2.0');
    assert.deepStrictEqual(image.Tags, [{ Key: 'team', Value: 'infra' }]);
    const byDevice = new Map(image.BlockDeviceMappings!.map((m) => [m.DeviceName, m]));
    assert.strictEqual(byDevice.get('/dev/xvda')!.Ebs!.VolumeSize, snap.VolumeSize! + 10);
    assert.strictEqual(byDevice.get('/dev/sdf')!.Ebs!.Encrypted, true);
    assert.strictEqual(byDevice.get('/dev/sdf')!.Ebs!.VolumeType, 'gp3');
    assert.strictEqual(byDevice.get('/dev/sdb')!.VirtualName, 'ephemeral0');
  });

  it('needs RootDeviceName, naming one of the mappings, backed by a snapshot', async () => {
    await expectEc2Error(
      client.send(new RegisterImageCommand(fromSnapshot({ RootDeviceName: undefined }))),
      'MissingParameter',
    );
    await expectEc2Error(
      client.send(new RegisterImageCommand(fromSnapshot({ RootDeviceName: '/dev/sda1' }))),
      'InvalidBlockDeviceMapping',
    );
    await expectEc2Error(
      client.send(
        new RegisterImageCommand(
          fromSnapshot({ BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 8 } }] }),
        ),
      ),
      'InvalidBlockDeviceMapping',
    );
  });

  it('applies the block device rules: no Encrypted with a snapshot, size >= snapshot, a size or a snapshot, no duplicates', async () => {
    const withRoot = (root: object, ...more: object[]) =>
      client.send(
        new RegisterImageCommand(
          fromSnapshot({ BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: root }, ...more] }),
        ),
      );
    const encrypted = await expectEc2Error(
      withRoot({ SnapshotId: snap.SnapshotId, Encrypted: false }),
      'InvalidBlockDeviceMapping',
    );
    assert.match(encrypted.message, /encrypted flag cannot be specified since device \/dev\/xvda has a snapshot/);
    const small = await expectEc2Error(
      withRoot({ SnapshotId: snap.SnapshotId, VolumeSize: snap.VolumeSize! - 1 }),
      'InvalidBlockDeviceMapping',
    );
    assert.match(small.message, /is smaller than {2}snapshot/);
    const unsized = await expectEc2Error(
      withRoot(
        { SnapshotId: snap.SnapshotId },
        { DeviceName: '/dev/sdb', Ebs: {} },
        { DeviceName: '/dev/sdc', Ebs: {} },
      ),
      'InvalidBlockDeviceMapping',
    );
    assert.strictEqual(unsized.message, 'Either snapshot ID or volume size must be provided for: /dev/sdb, /dev/sdc');
    const twice = await expectEc2Error(
      withRoot({ SnapshotId: snap.SnapshotId }, { DeviceName: '/dev/xvda', Ebs: { VolumeSize: 8 } }),
      'InvalidBlockDeviceMapping',
    );
    assert.strictEqual(twice.message, '/dev/xvda is being assigned to multiple times.');
    await expectEc2Error(
      withRoot(
        { SnapshotId: snap.SnapshotId },
        { DeviceName: '/dev/sdb', Ebs: { VolumeSize: 2000, VolumeType: 'standard' } },
      ),
      'InvalidParameterValue',
    );
    await expectEc2Error(withRoot({ SnapshotId: 'snap-0123456789abcdef0' }), 'InvalidSnapshot.NotFound');
  });

  it('refuses a snapshot I do not own, bad names and values, a taken name, and other tag types', async () => {
    const partner = ec2(sim, 'us-east-1', PARTNER_SIMULATOR_ACCOUNT);
    await expectEc2Error(partner.send(new RegisterImageCommand(fromSnapshot())), 'InvalidSnapshot.NotFound');
    await expectEc2Error(
      client.send(new RegisterImageCommand(fromSnapshot({ Name: 'ab' }))),
      'InvalidAMIName.Malformed',
    );
    await expectEc2Error(
      client.send(new RegisterImageCommand(fromSnapshot({ Name: 'bad name!' }))),
      'InvalidAMIName.Malformed',
    );
    await expectEc2Error(
      client.send(new RegisterImageCommand(fromSnapshot({ Description: 'x'.repeat(256) }))),
      'InvalidParameterValue',
    );
    await expectEc2Error(
      client.send(new RegisterImageCommand(fromSnapshot({ Architecture: 'sparc' as never }))),
      'InvalidParameterValue',
    );
    await expectEc2Error(
      client.send(new RegisterImageCommand(fromSnapshot({ BootMode: 'bios' as never }))),
      'InvalidParameterValue',
    );
    await expectEc2Error(
      client.send(
        new RegisterImageCommand(
          fromSnapshot({ TagSpecifications: [{ ResourceType: 'snapshot', Tags: [{ Key: 'k', Value: 'v' }] }] }),
        ),
      ),
      'InvalidParameterValue',
    );
    await client.send(new RegisterImageCommand(fromSnapshot()));
    await expectEc2Error(client.send(new RegisterImageCommand(fromSnapshot())), 'InvalidAMIName.Duplicate');
  });

  it('registers an instance-store image from an S3 manifest path, and refuses a path that is not a manifest', async () => {
    const { ImageId } = await client.send(
      new RegisterImageCommand({
        Name: 'bundled web server',
        ImageLocation: 'my-bundles/web/image.manifest.xml',
        Architecture: 'x86_64',
      }),
    );
    const image = (await describeOne(client, ImageId!))!;
    assert.strictEqual(image.RootDeviceType, 'instance-store');
    assert.strictEqual(image.ImageLocation, 'my-bundles/web/image.manifest.xml');
    assert.strictEqual(image.Architecture, 'x86_64');
    await expectEc2Error(
      client.send(new RegisterImageCommand({ Name: 'bundled two', ImageLocation: 'my-bundles/web/image.tar.gz' })),
      'InvalidParameterValue',
    );
  });
});
