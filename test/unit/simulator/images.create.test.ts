import * as assert from 'assert';
import {
  CopyImageCommand,
  CreateImageCommand,
  DescribeImageAttributeCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeSnapshotsCommand,
  ModifyImageAttributeCommand,
  RunInstancesCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { DEFAULT_SIMULATOR_ACCOUNT, PARTNER_SIMULATOR_ACCOUNT } from '../../../src/simulator/accounts';
import { ManualClock } from '../../../src/simulator/clock';
import type { Simulator } from '../../../src/simulator/simulator';
import { ec2, expectEc2Error, newSimulator } from './helpers';
import { describeOne, imageNamed, seededInstanceId } from './imagesSupport';

const ME = DEFAULT_SIMULATOR_ACCOUNT.accountId;
const PARTNER = PARTNER_SIMULATOR_ACCOUNT.accountId;
const WEB = seededInstanceId('web-1'); // running, EBS
const BUILD = seededInstanceId('build-1'); // stopped, EBS root + /dev/sdf data volume
const BATCH = seededInstanceId('batch-1'); // running, instance-store root

describe('simulator CreateImage', () => {
  let clock: ManualClock;
  let sim: Simulator;
  let client: EC2Client;
  const instanceState = async (id: string) =>
    (await client.send(new DescribeInstancesCommand({ InstanceIds: [id] }))).Reservations![0].Instances![0].State!.Name;

  beforeEach(() => {
    clock = new ManualClock();
    sim = newSimulator({ clock, pendingDelayMs: 60_000, instanceTransitionMs: 5_000 });
    client = ec2(sim);
  });

  it('creates a pending image that becomes available after the delay, with a snapshot per EBS volume', async () => {
    const { ImageId } = await client.send(
      new CreateImageCommand({ InstanceId: BUILD, Name: 'build agent (backup) 2026-11-01', Description: 'nightly' }),
    );
    assert.match(ImageId!, /^ami-[0-9a-f]{17}$/);
    const pending = (await describeOne(client, ImageId!))!;
    assert.strictEqual(pending.State, 'pending');
    assert.strictEqual(pending.OwnerId, ME);
    assert.strictEqual(pending.Description, 'nightly');
    assert.strictEqual(pending.SourceInstanceId, BUILD);
    const launchedFrom = (await client.send(new DescribeInstancesCommand({ InstanceIds: [BUILD] }))).Reservations![0]
      .Instances![0].ImageId;
    assert.strictEqual(pending.SourceImageId, launchedFrom, 'the AMI the instance was launched from');
    assert.strictEqual(pending.SourceImageRegion, 'us-east-1');
    assert.strictEqual(pending.RootDeviceType, 'ebs');
    assert.strictEqual(pending.Public, false);
    const devices = pending.BlockDeviceMappings!.map((m) => m.DeviceName).sort();
    assert.deepStrictEqual(devices, ['/dev/sdf', '/dev/xvda']);
    const snapshots = pending.BlockDeviceMappings!.map((m) => m.Ebs!.SnapshotId!);
    assert.ok(snapshots.every((s) => /^snap-[0-9a-f]{17}$/.test(s)));
    assert.strictEqual(new Set(snapshots).size, 2);
    assert.strictEqual(pending.BlockDeviceMappings!.find((m) => m.DeviceName === '/dev/sdf')!.Ebs!.VolumeSize, 100);

    clock.advance(59_000);
    assert.strictEqual((await describeOne(client, ImageId!))!.State, 'pending');
    clock.advance(1_000);
    assert.strictEqual((await describeOne(client, ImageId!))!.State, 'available');
  });

  it('takes a running instance through stopping → stopped → pending → running without NoReboot', async () => {
    await client.send(new CreateImageCommand({ InstanceId: WEB, Name: 'web-reboot' }));
    assert.strictEqual(await instanceState(WEB), 'stopping');
    clock.advance(5_000);
    assert.strictEqual(await instanceState(WEB), 'stopped');
    clock.advance(5_000);
    assert.strictEqual(await instanceState(WEB), 'pending');
    clock.advance(5_000);
    assert.strictEqual(await instanceState(WEB), 'running');
  });

  it('leaves the instance running with NoReboot', async () => {
    await client.send(new CreateImageCommand({ InstanceId: WEB, Name: 'web-no-reboot', NoReboot: true }));
    assert.strictEqual(await instanceState(WEB), 'running');
  });

  it('applies BlockDeviceMappings: NoDevice drops a volume, DeleteOnTermination changes, new devices are added', async () => {
    const { ImageId } = await client.send(
      new CreateImageCommand({
        InstanceId: BUILD,
        Name: 'root-only',
        BlockDeviceMappings: [
          { DeviceName: '/dev/sdf', NoDevice: '' },
          { DeviceName: '/dev/xvda', Ebs: { DeleteOnTermination: false, Encrypted: false } },
          { DeviceName: '/dev/sdb', VirtualName: 'ephemeral0' },
          { DeviceName: '/dev/sdg', Ebs: { VolumeSize: 20, VolumeType: 'gp3' } },
        ],
      }),
    );
    const image = (await describeOne(client, ImageId!))!;
    const root = image.BlockDeviceMappings!.find((m) => m.DeviceName === '/dev/xvda')!;
    assert.strictEqual(root.Ebs!.DeleteOnTermination, false);
    assert.ok(!image.BlockDeviceMappings!.some((m) => m.DeviceName === '/dev/sdf'));
    assert.strictEqual(image.BlockDeviceMappings!.find((m) => m.DeviceName === '/dev/sdb')?.VirtualName, 'ephemeral0');
    const added = image.BlockDeviceMappings!.find((m) => m.DeviceName === '/dev/sdg')!.Ebs!;
    assert.deepStrictEqual([added.VolumeSize, added.VolumeType], [20, 'gp3']);
  });

  it('refuses changing the size, type, performance, key, snapshot or encryption of an existing volume', async () => {
    const changes = [
      { VolumeSize: 64 },
      { VolumeSize: 1 },
      { VolumeType: 'io2' as const },
      { Iops: 4000 },
      { Throughput: 500 },
      { SnapshotId: 'snap-0123456789abcdef0' },
      { Encrypted: true },
    ];
    for (const Ebs of changes) {
      await expectEc2Error(
        client.send(
          new CreateImageCommand({
            InstanceId: BUILD,
            Name: `changed-${Object.keys(Ebs)[0]}`,
            BlockDeviceMappings: [{ DeviceName: '/dev/sdf', Ebs }],
          }),
        ),
        'InvalidBlockDeviceMapping',
      );
    }
    // Restating the volume's current size and type is no change.
    const { ImageId } = await client.send(
      new CreateImageCommand({
        InstanceId: BUILD,
        Name: 'restated',
        BlockDeviceMappings: [{ DeviceName: '/dev/sdf', Ebs: { VolumeSize: 100 } }],
      }),
    );
    const image = (await describeOne(client, ImageId!))!;
    assert.strictEqual(image.BlockDeviceMappings!.find((m) => m.DeviceName === '/dev/sdf')!.Ebs!.VolumeSize, 100);
  });

  describe("new (added) EBS devices, under EbsBlockDevice's rules", () => {
    /** CreateImage of BUILD with one added device; resolves to the image's mapping of that device. */
    const addDevice = async (Ebs: Record<string, unknown>, DeviceName = '/dev/sdg') => {
      const { ImageId } = await client.send(
        new CreateImageCommand({
          InstanceId: BUILD,
          Name: `added-${JSON.stringify(Ebs).replace(/[^A-Za-z0-9]/g, '')}`,
          BlockDeviceMappings: [{ DeviceName, Ebs }],
        }),
      );
      return (await describeOne(client, ImageId!))!.BlockDeviceMappings!.find((m) => m.DeviceName === DeviceName)!.Ebs!;
    };

    it('checks the size range of each volume type', async () => {
      const refused = [
        { VolumeSize: 0 },
        { VolumeSize: 16385, VolumeType: 'gp2' },
        { VolumeSize: 65537, VolumeType: 'gp3' },
        { VolumeSize: 3, VolumeType: 'io1', Iops: 100 },
        { VolumeSize: 65537, VolumeType: 'io2', Iops: 100 },
        { VolumeSize: 124, VolumeType: 'st1' },
        { VolumeSize: 16385, VolumeType: 'sc1' },
        { VolumeSize: 1025, VolumeType: 'standard' },
      ];
      for (const Ebs of refused) {
        const err = await expectEc2Error(addDevice(Ebs), 'InvalidParameterValue');
        assert.match(err.message, /out of range/, JSON.stringify(Ebs));
      }
      assert.strictEqual((await addDevice({ VolumeSize: 65536, VolumeType: 'gp3' })).VolumeSize, 65536);
      assert.strictEqual((await addDevice({ VolumeSize: 125, VolumeType: 'sc1' })).VolumeType, 'sc1');
    });

    it('refuses the same device twice, as EC2 words it', async () => {
      const err = await expectEc2Error(
        client.send(
          new CreateImageCommand({
            InstanceId: BUILD,
            Name: 'twice',
            BlockDeviceMappings: [
              { DeviceName: '/dev/sdg', Ebs: { VolumeSize: 10 } },
              { DeviceName: '/dev/sdg', Ebs: { VolumeSize: 20 } },
            ],
          }),
        ),
        'InvalidBlockDeviceMapping',
      );
      assert.strictEqual(err.message, '/dev/sdg is being assigned to multiple times.');
    });

    it('keeps Iops for gp3, io1 and io2 within their ranges, requires it for io1/io2, refuses it for other types', async () => {
      const io2 = await addDevice({ VolumeSize: 100, VolumeType: 'io2', Iops: 256000 });
      assert.deepStrictEqual([io2.VolumeType, io2.Iops, io2.Throughput], ['io2', 256000, undefined]);
      assert.strictEqual((await addDevice({ VolumeSize: 10, VolumeType: 'gp3', Iops: 6000 })).Iops, 6000);
      const gp2 = await expectEc2Error(
        addDevice({ VolumeSize: 10, VolumeType: 'gp2', Iops: 300 }),
        'InvalidParameterCombination',
      );
      assert.strictEqual(gp2.message, 'The parameter iops is not supported for gp2 volumes.');
      await expectEc2Error(addDevice({ VolumeSize: 500, VolumeType: 'st1', Iops: 500 }), 'InvalidParameterCombination');
      const missing = await expectEc2Error(
        addDevice({ VolumeSize: 10, VolumeType: 'io1' }),
        'InvalidParameterCombination',
      );
      assert.strictEqual(missing.message, 'The parameter iops must be specified for io1 volumes.');
      for (const Ebs of [
        { VolumeSize: 10, VolumeType: 'io1', Iops: 64001 },
        { VolumeSize: 10, VolumeType: 'io2', Iops: 99 },
        { VolumeSize: 10, VolumeType: 'gp3', Iops: 2999 },
        { VolumeSize: 10, VolumeType: 'gp3', Iops: 80001 },
      ]) {
        await expectEc2Error(addDevice(Ebs), 'InvalidParameterValue');
      }
    });

    it('keeps Throughput for gp3 only, 125-2,000 MiB/s, and gives gp3 its baseline by default', async () => {
      const fast = await addDevice({ VolumeSize: 10, VolumeType: 'gp3', Throughput: 2000 });
      assert.deepStrictEqual([fast.Iops, fast.Throughput], [3000, 2000]);
      const baseline = await addDevice({ VolumeSize: 10, VolumeType: 'gp3' });
      assert.deepStrictEqual([baseline.Iops, baseline.Throughput], [3000, 125]);
      const io1 = await expectEc2Error(
        addDevice({ VolumeSize: 10, VolumeType: 'io1', Iops: 100, Throughput: 200 }),
        'InvalidBlockDeviceMapping',
      );
      assert.strictEqual(io1.message, "throughput cannot be specified with the volumeType of device '/dev/sdg'");
      await expectEc2Error(addDevice({ VolumeSize: 10, Throughput: 200 }), 'InvalidBlockDeviceMapping');
      await expectEc2Error(addDevice({ VolumeSize: 10, VolumeType: 'gp3', Throughput: 124 }), 'InvalidParameterValue');
      await expectEc2Error(addDevice({ VolumeSize: 10, VolumeType: 'gp3', Throughput: 2001 }), 'InvalidParameterValue');
    });

    it('keeps Encrypted on an empty device and refuses KmsKeyId on any device, as EC2 does', async () => {
      assert.strictEqual((await addDevice({ VolumeSize: 10, Encrypted: true })).Encrypted, true);
      assert.strictEqual((await addDevice({ VolumeSize: 10 })).Encrypted, false);
      for (const [DeviceName, Ebs] of [
        ['/dev/sdg', { VolumeSize: 10, Encrypted: true, KmsKeyId: 'alias/mine' }],
        ['/dev/sdf', { KmsKeyId: 'alias/mine' }],
      ] as const) {
        const err = await expectEc2Error(addDevice(Ebs, DeviceName), 'UnknownParameter');
        assert.strictEqual(err.message, 'The parameter KmsKeyId is not recognized');
      }
    });

    it('makes a device from a snapshot: its size by default, never smaller, encryption from the snapshot', async () => {
      const mine = (await client.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'] }))).Snapshots!.find(
        (s) => s.State === 'completed',
      )!;
      const fromSnapshot = await addDevice({ SnapshotId: mine.SnapshotId });
      assert.deepStrictEqual(
        [fromSnapshot.SnapshotId, fromSnapshot.VolumeSize, fromSnapshot.Encrypted],
        [mine.SnapshotId, mine.VolumeSize, mine.Encrypted],
      );
      assert.strictEqual(
        (await addDevice({ SnapshotId: mine.SnapshotId, VolumeSize: mine.VolumeSize! + 5 })).VolumeSize,
        mine.VolumeSize! + 5,
      );
      const smaller = await expectEc2Error(
        addDevice({ SnapshotId: mine.SnapshotId, VolumeSize: mine.VolumeSize! - 1 }),
        'InvalidBlockDeviceMapping',
      );
      assert.match(smaller.message, /is smaller than {2}snapshot/);
      await expectEc2Error(addDevice({ SnapshotId: mine.SnapshotId, Encrypted: false }), 'InvalidBlockDeviceMapping');
      await expectEc2Error(addDevice({ SnapshotId: 'snap-0123456789abcdef0' }), 'InvalidSnapshot.NotFound');
    });
  });

  it('tags the image and its snapshots from TagSpecifications', async () => {
    const { ImageId } = await client.send(
      new CreateImageCommand({
        InstanceId: BUILD,
        Name: 'tagged',
        TagSpecifications: [
          { ResourceType: 'image', Tags: [{ Key: 'Name', Value: 'tagged-image' }] },
          { ResourceType: 'snapshot', Tags: [{ Key: 'Backup', Value: 'yes' }] },
        ],
      }),
    );
    const image = (await describeOne(client, ImageId!))!;
    assert.deepStrictEqual(image.Tags, [{ Key: 'Name', Value: 'tagged-image' }]);
    const snapshotIds = image.BlockDeviceMappings!.map((m) => m.Ebs!.SnapshotId!);
    const snapshots = (await client.send(new DescribeSnapshotsCommand({ SnapshotIds: snapshotIds }))).Snapshots!;
    assert.strictEqual(snapshots.length, 2);
    for (const s of snapshots) {
      assert.deepStrictEqual(s.Tags, [{ Key: 'Backup', Value: 'yes' }]);
      assert.strictEqual(s.OwnerId, ME);
      assert.strictEqual(s.State, 'pending', 'pending until the image is available');
      assert.match(s.Description!, new RegExp(`Created by CreateImage\\(${BUILD}\\) for ${ImageId}`));
    }
    await expectEc2Error(
      client.send(
        new CreateImageCommand({
          InstanceId: BUILD,
          Name: 'bad-tags',
          TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'a', Value: 'b' }] }],
        }),
      ),
      'InvalidParameterValue',
    );
  });

  it('enforces the name rules and uniqueness per owner and region', async () => {
    await expectEc2Error(
      client.send(new CreateImageCommand({ InstanceId: BUILD, Name: 'ab' })),
      'InvalidAMIName.Malformed',
      400,
    );
    await expectEc2Error(
      client.send(new CreateImageCommand({ InstanceId: BUILD, Name: 'x'.repeat(129) })),
      'InvalidAMIName.Malformed',
    );
    await expectEc2Error(
      client.send(new CreateImageCommand({ InstanceId: BUILD, Name: 'no#hash' })),
      'InvalidAMIName.Malformed',
    );
    await client.send(new CreateImageCommand({ InstanceId: BUILD, Name: "ok (name) [1] ./-'@_" }));
    const err = await expectEc2Error(
      client.send(new CreateImageCommand({ InstanceId: BUILD, Name: 'web-server-base-v7' })),
      'InvalidAMIName.Duplicate',
      400,
    );
    assert.match(err.message, /web-server-base-v7/);
    // Another account may use the same name.
    const partner = ec2(sim, 'us-east-1', PARTNER_SIMULATOR_ACCOUNT);
    await partner.send(
      new CreateImageCommand({
        InstanceId: seededInstanceId('partner-etl'),
        Name: 'web-server-base-v7',
        NoReboot: true,
      }),
    );
  });

  it('refuses an instance-store-backed instance, an unknown or foreign instance, and missing parameters', async () => {
    await expectEc2Error(
      client.send(new CreateImageCommand({ InstanceId: BATCH, Name: 'from-instance-store' })),
      'UnsupportedOperation',
      400,
    );
    await expectEc2Error(
      client.send(new CreateImageCommand({ InstanceId: 'i-0123456789abcdef0', Name: 'nothing' })),
      'InvalidInstanceID.NotFound',
    );
    await expectEc2Error(
      client.send(new CreateImageCommand({ InstanceId: 'vol-1', Name: 'nothing' })),
      'InvalidInstanceID.Malformed',
    );
    await expectEc2Error(
      client.send(new CreateImageCommand({ InstanceId: seededInstanceId('partner-etl'), Name: 'theirs' })),
      'InvalidInstanceID.NotFound',
    );
    await expectEc2Error(
      client.send(new CreateImageCommand({ InstanceId: BUILD, Name: undefined })),
      'MissingParameter',
    );
    await expectEc2Error(
      client.send(new CreateImageCommand({ InstanceId: undefined, Name: 'x-y-z' })),
      'MissingParameter',
    );
  });

  it('refuses an instance that is neither running nor stopped', async () => {
    await client.send(new CreateImageCommand({ InstanceId: WEB, Name: 'first' }));
    await expectEc2Error(
      client.send(new CreateImageCommand({ InstanceId: WEB, Name: 'second' })),
      'IncorrectInstanceState',
    );
  });

  it('changes nothing under DryRun', async () => {
    await expectEc2Error(
      client.send(new CreateImageCommand({ InstanceId: WEB, Name: 'dry', DryRun: true })),
      'DryRunOperation',
      412,
    );
    assert.strictEqual(await instanceState(WEB), 'running');
    const mine = await client.send(
      new DescribeImagesCommand({ Owners: ['self'], Filters: [{ Name: 'name', Values: ['dry'] }] }),
    );
    assert.strictEqual(mine.Images!.length, 0);
  });
});

describe('simulator CopyImage', () => {
  let clock: ManualClock;
  let sim: Simulator;
  let east: EC2Client;
  let west: EC2Client;
  let webId: string;

  beforeEach(async () => {
    clock = new ManualClock();
    sim = newSimulator({ clock, pendingDelayMs: 30_000 });
    east = ec2(sim, 'us-east-1');
    west = ec2(sim, 'us-west-2');
    webId = (await imageNamed(east, 'web-server-base-v7')).ImageId!;
  });

  it('copies to the destination region as a pending image with its own snapshots and the source recorded', async () => {
    await east.send(
      new ModifyImageAttributeCommand({ ImageId: webId, LaunchPermission: { Add: [{ UserId: PARTNER }] } }),
    );
    const { ImageId } = await west.send(
      new CopyImageCommand({
        SourceRegion: 'us-east-1',
        SourceImageId: webId,
        Name: 'web-copy',
        Description: 'DR copy',
      }),
    );
    const copy = (await describeOne(west, ImageId!))!;
    assert.strictEqual(copy.State, 'pending');
    assert.strictEqual(copy.OwnerId, ME);
    assert.strictEqual(copy.Name, 'web-copy');
    assert.strictEqual(copy.Description, 'DR copy');
    assert.strictEqual(copy.SourceImageId, webId);
    assert.strictEqual(copy.SourceImageRegion, 'us-east-1');
    assert.deepStrictEqual(copy.Tags ?? [], [], 'tags only travel with CopyImageTags');
    const source = (await describeOne(east, webId))!;
    assert.notStrictEqual(copy.BlockDeviceMappings![0].Ebs!.SnapshotId, source.BlockDeviceMappings![0].Ebs!.SnapshotId);
    const perms = await west.send(new DescribeImageAttributeCommand({ ImageId, Attribute: 'launchPermission' }));
    assert.deepStrictEqual(perms.LaunchPermissions, [], 'launch permissions are not copied');
    await expectEc2Error(east.send(new DescribeImagesCommand({ ImageIds: [ImageId!] })), 'InvalidAMIID.NotFound');
    clock.advance(30_000);
    assert.strictEqual((await describeOne(west, ImageId!))!.State, 'available');
  });

  it('copies tags with CopyImageTags and adds TagSpecifications', async () => {
    const { ImageId } = await west.send(
      new CopyImageCommand({
        SourceRegion: 'us-east-1',
        SourceImageId: webId,
        Name: 'web-copy-tags',
        CopyImageTags: true,
        TagSpecifications: [{ ResourceType: 'image', Tags: [{ Key: 'Copy', Value: 'yes' }] }],
      }),
    );
    const tags = (await describeOne(west, ImageId!))!.Tags!;
    assert.ok(tags.some((t) => t.Key === 'Project' && t.Value === 'storefront'));
    assert.ok(tags.some((t) => t.Key === 'Copy'));
  });

  it('encrypts the copy with the given key, or the default EBS key', async () => {
    const key = 'arn:aws:kms:us-west-2:123456789012:key/11111111-2222-3333-4444-555555555555';
    const { ImageId } = await west.send(
      new CopyImageCommand({
        SourceRegion: 'us-east-1',
        SourceImageId: webId,
        Name: 'enc',
        Encrypted: true,
        KmsKeyId: key,
      }),
    );
    const ebs = (await describeOne(west, ImageId!))!.BlockDeviceMappings![0].Ebs!;
    assert.strictEqual(ebs.Encrypted, true);
    assert.strictEqual(ebs.KmsKeyId, key);
    const byDefault = await west.send(
      new CopyImageCommand({ SourceRegion: 'us-east-1', SourceImageId: webId, Name: 'enc-default', Encrypted: true }),
    );
    const ebs2 = (await describeOne(west, byDefault.ImageId!))!.BlockDeviceMappings![0].Ebs!;
    assert.strictEqual(ebs2.Encrypted, true);
    assert.match(ebs2.KmsKeyId!, /^arn:aws:kms:us-west-2:123456789012:.*aws\/ebs/);
    // Snapshots under the AWS managed key cannot be shared, nor an encrypted image made public.
    clock.advance(30_000);
    await expectEc2Error(
      west.send(
        new ModifyImageAttributeCommand({
          ImageId: byDefault.ImageId,
          LaunchPermission: { Add: [{ UserId: PARTNER }] },
        }),
      ),
      'InvalidParameter',
    );
    await expectEc2Error(
      west.send(new ModifyImageAttributeCommand({ ImageId, LaunchPermission: { Add: [{ Group: 'all' }] } })),
      'UnsupportedOperation',
    );
  });

  it('is idempotent per ClientToken and refuses the token with other parameters', async () => {
    const input = { SourceRegion: 'us-east-1', SourceImageId: webId, Name: 'idem', ClientToken: 'token-1' };
    const first = await west.send(new CopyImageCommand(input));
    const again = await west.send(new CopyImageCommand(input));
    assert.strictEqual(again.ImageId, first.ImageId);
    const mine = await west.send(new DescribeImagesCommand({ Owners: ['self'] }));
    assert.strictEqual(mine.Images!.length, 1);
    await expectEc2Error(
      west.send(new CopyImageCommand({ ...input, Name: 'other' })),
      'IdempotentParameterMismatch',
      400,
    );
  });

  it('copies an image with product codes within the owning account, and refuses it from another account', async () => {
    const market = await imageNamed(east, 'nginx-plus-ubuntu-22.04-R35-*', ['aws-marketplace']);
    const launched = await east.send(
      new RunInstancesCommand({
        ImageId: market.ImageId,
        InstanceType: market.Architecture === 'arm64' ? 't4g.small' : 't3.small',
        MinCount: 1,
        MaxCount: 1,
      }),
    );
    const { ImageId: mine } = await east.send(
      new CreateImageCommand({ InstanceId: launched.Instances![0].InstanceId, Name: 'my nginx', NoReboot: true }),
    );
    clock.advance(30_000);
    const codes = (await describeOne(east, mine!))!.ProductCodes;
    assert.ok(codes!.length > 0, 'an image made from a Marketplace instance keeps its product codes');
    assert.deepStrictEqual(codes, market.ProductCodes);
    const { ImageId: copied } = await west.send(
      new CopyImageCommand({ SourceRegion: 'us-east-1', SourceImageId: mine, Name: 'my nginx in oregon' }),
    );
    assert.deepStrictEqual((await describeOne(west, copied!))!.ProductCodes, codes);

    await east.send(
      new ModifyImageAttributeCommand({ ImageId: mine, LaunchPermission: { Add: [{ UserId: PARTNER }] } }),
    );
    const partner = ec2(sim, 'us-west-2', PARTNER_SIMULATOR_ACCOUNT);
    await expectEc2Error(
      partner.send(new CopyImageCommand({ SourceRegion: 'us-east-1', SourceImageId: mine, Name: 'their nginx' })),
      'UnsupportedOperation',
    );
  });

  it('refuses Marketplace images of another owner, invisible or unknown sources, bad regions and duplicate names', async () => {
    const market = await imageNamed(east, 'nginx-plus-ubuntu-22.04-R35-*', ['aws-marketplace']);
    await expectEc2Error(
      west.send(new CopyImageCommand({ SourceRegion: 'us-east-1', SourceImageId: market.ImageId, Name: 'nginx' })),
      'UnsupportedOperation',
    );
    await expectEc2Error(
      west.send(
        new CopyImageCommand({ SourceRegion: 'us-east-1', SourceImageId: 'ami-0123456789abcdef0', Name: 'none' }),
      ),
      'InvalidAMIID.NotFound',
    );
    await expectEc2Error(
      west.send(new CopyImageCommand({ SourceRegion: 'us-east-1', SourceImageId: 'nope', Name: 'none' })),
      'InvalidAMIID.Malformed',
    );
    await expectEc2Error(
      west.send(new CopyImageCommand({ SourceRegion: 'mars-1', SourceImageId: webId, Name: 'none' })),
      'InvalidParameterValue',
    );
    await expectEc2Error(
      east.send(new CopyImageCommand({ SourceRegion: 'us-east-1', SourceImageId: webId, Name: 'web-server-base-v7' })),
      'InvalidAMIName.Duplicate',
    );
    await expectEc2Error(
      west.send(new CopyImageCommand({ SourceRegion: 'us-east-1', SourceImageId: webId, Name: undefined })),
      'MissingParameter',
    );
    // Public images of others can be copied.
    const amazon = await imageNamed(east, 'al2023-ami-2023.9.20261017.0-kernel-6.1-x86_64', ['amazon']);
    const copy = await west.send(
      new CopyImageCommand({ SourceRegion: 'us-east-1', SourceImageId: amazon.ImageId, Name: 'my-al2023' }),
    );
    const record = (await describeOne(west, copy.ImageId!))!;
    assert.strictEqual(record.OwnerId, ME);
    assert.strictEqual(record.ImageOwnerAlias, undefined);
  });

  it('changes nothing under DryRun', async () => {
    await expectEc2Error(
      west.send(new CopyImageCommand({ SourceRegion: 'us-east-1', SourceImageId: webId, Name: 'dry', DryRun: true })),
      'DryRunOperation',
    );
    assert.strictEqual((await west.send(new DescribeImagesCommand({ Owners: ['self'] }))).Images!.length, 0);
  });
});
