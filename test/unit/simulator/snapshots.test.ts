import * as assert from 'assert';
import {
  DeleteSnapshotCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeSnapshotAttributeCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  ModifySnapshotAttributeCommand,
  type EC2Client,
  type Snapshot,
} from '@aws-sdk/client-ec2';
import { PARTNER_SIMULATOR_ACCOUNT } from '../../../src/simulator/accounts';
import type { Simulator } from '../../../src/simulator/simulator';
import { ec2, expectEc2Error, newSimulator } from './helpers';

const ME = '123456789012';
const PARTNER = PARTNER_SIMULATOR_ACCOUNT.accountId;

async function mySnapshots(client: EC2Client): Promise<Snapshot[]> {
  return (await client.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'] }))).Snapshots!;
}

async function usedSnapshotIds(client: EC2Client): Promise<Set<string>> {
  const images = (await client.send(new DescribeImagesCommand({ Owners: ['self'], IncludeDeprecated: true }))).Images!;
  return new Set(
    images.flatMap((i) => i.BlockDeviceMappings!.map((m) => m.Ebs?.SnapshotId)).filter((s): s is string => !!s),
  );
}

describe('simulator snapshots and volumes', () => {
  let sim: Simulator;
  let client: EC2Client;
  let partner: EC2Client;

  beforeEach(() => {
    sim = newSimulator();
    client = ec2(sim);
    partner = ec2(sim, 'us-east-1', PARTNER_SIMULATOR_ACCOUNT);
  });

  describe('DescribeSnapshots', () => {
    it('lists the snapshots behind my AMIs and the orphans, with their shape', async () => {
      const snapshots = await mySnapshots(client);
      const used = await usedSnapshotIds(client);
      assert.ok(
        [...used].every((id) => snapshots.some((s) => s.SnapshotId === id)),
        'every AMI snapshot is listed',
      );
      const orphans = snapshots.filter((s) => !used.has(s.SnapshotId!));
      assert.ok(orphans.length >= 1);
      const s = snapshots[0];
      assert.strictEqual(s.OwnerId, ME);
      assert.strictEqual(s.State, 'completed');
      assert.strictEqual(s.Progress, '100%');
      assert.ok(s.StartTime instanceof Date && typeof s.VolumeSize === 'number' && s.Encrypted !== undefined);
      assert.match(s.VolumeId!, /^vol-[0-9a-f]{17}$/);
      assert.ok(
        snapshots.some((x) => x.Encrypted && x.KmsKeyId?.startsWith('arn:aws:kms:us-east-1:123456789012:key/')),
      );
    });

    it('by default shows what I own or may restore; OwnerIds and RestorableByUserIds narrow it', async () => {
      const mine = (await mySnapshots(partner)).find((s) => s.Description?.includes('ami-'))!;
      await partner.send(
        new ModifySnapshotAttributeCommand({
          SnapshotId: mine.SnapshotId,
          Attribute: 'createVolumePermission',
          OperationType: 'add',
          UserIds: [ME],
        }),
      );
      const all = (await client.send(new DescribeSnapshotsCommand({}))).Snapshots!;
      assert.ok(
        all.some((s) => s.SnapshotId === mine.SnapshotId),
        'shared with me',
      );
      assert.ok(
        all.every((s) => s.OwnerId === ME || s.SnapshotId === mine.SnapshotId),
        'nothing else of the partner',
      );
      const shared = (await client.send(new DescribeSnapshotsCommand({ OwnerIds: [PARTNER] }))).Snapshots!;
      assert.deepStrictEqual(
        shared.map((s) => s.SnapshotId),
        [mine.SnapshotId],
      );
      const restorable = (
        await client.send(new DescribeSnapshotsCommand({ RestorableByUserIds: ['self'], OwnerIds: [PARTNER] }))
      ).Snapshots!;
      assert.strictEqual(restorable.length, 1);
      const publicOnes = (await client.send(new DescribeSnapshotsCommand({ RestorableByUserIds: ['all'] }))).Snapshots!;
      assert.deepStrictEqual(publicOnes, []);
    });

    it('filters, pages, and answers bad ids with EC2 codes', async () => {
      const encrypted = (
        await client.send(
          new DescribeSnapshotsCommand({ OwnerIds: ['self'], Filters: [{ Name: 'encrypted', Values: ['true'] }] }),
        )
      ).Snapshots!;
      assert.ok(encrypted.length >= 1 && encrypted.every((s) => s.Encrypted));
      const byDesc = (
        await client.send(
          new DescribeSnapshotsCommand({
            OwnerIds: ['self'],
            Filters: [{ Name: 'description', Values: ['Weekly backup*'] }],
          }),
        )
      ).Snapshots!;
      assert.strictEqual(byDesc.length, 1);
      const tagged = (
        await client.send(
          new DescribeSnapshotsCommand({ Filters: [{ Name: 'tag:Name', Values: ['build-data-backup'] }] }),
        )
      ).Snapshots!;
      assert.deepStrictEqual(
        tagged.map((s) => s.SnapshotId),
        byDesc.map((s) => s.SnapshotId),
      );
      const all = (await mySnapshots(client)).map((s) => s.SnapshotId).sort();
      const paged: string[] = [];
      let token: string | undefined;
      do {
        const out = await client.send(
          new DescribeSnapshotsCommand({ OwnerIds: ['self'], MaxResults: 5, NextToken: token }),
        );
        assert.ok(out.Snapshots!.length <= 5);
        paged.push(...out.Snapshots!.map((s) => s.SnapshotId!));
        token = out.NextToken;
      } while (token);
      assert.deepStrictEqual(paged, all);
      await expectEc2Error(
        client.send(new DescribeSnapshotsCommand({ SnapshotIds: ['snap-xyz'] })),
        'InvalidSnapshotID.Malformed',
      );
      await expectEc2Error(
        client.send(new DescribeSnapshotsCommand({ SnapshotIds: ['snap-0123456789abcdef0'] })),
        'InvalidSnapshot.NotFound',
      );
      await expectEc2Error(
        client.send(new DescribeSnapshotsCommand({ OwnerIds: ['12345'] })),
        'InvalidUserID.Malformed',
      );
      await expectEc2Error(client.send(new DescribeSnapshotsCommand({ MaxResults: 1001 })), 'InvalidParameterValue');
      // A partner's private snapshot is invisible.
      const hidden = (await mySnapshots(partner))[0].SnapshotId!;
      await expectEc2Error(
        client.send(new DescribeSnapshotsCommand({ SnapshotIds: [hidden] })),
        'InvalidSnapshot.NotFound',
      );
    });
  });

  describe('DeleteSnapshot', () => {
    it('refuses a snapshot a registered AMI uses, naming the AMI', async () => {
      const images = (await client.send(new DescribeImagesCommand({ Owners: ['self'] }))).Images!;
      const image = images.find((i) => i.RootDeviceType === 'ebs')!;
      const snapshotId = image.BlockDeviceMappings![0].Ebs!.SnapshotId!;
      const e = await expectEc2Error(
        client.send(new DeleteSnapshotCommand({ SnapshotId: snapshotId })),
        'InvalidSnapshot.InUse',
        400,
      );
      assert.strictEqual(e.message, `The snapshot ${snapshotId} is currently in use by ${image.ImageId}`);
    });

    it('deletes an orphan, which is then gone', async () => {
      const used = await usedSnapshotIds(client);
      const orphan = (await mySnapshots(client)).find((s) => !used.has(s.SnapshotId!))!;
      await expectEc2Error(
        client.send(new DeleteSnapshotCommand({ SnapshotId: orphan.SnapshotId, DryRun: true })),
        'DryRunOperation',
      );
      assert.ok((await mySnapshots(client)).some((s) => s.SnapshotId === orphan.SnapshotId));
      await client.send(new DeleteSnapshotCommand({ SnapshotId: orphan.SnapshotId }));
      assert.ok(!(await mySnapshots(client)).some((s) => s.SnapshotId === orphan.SnapshotId));
      await expectEc2Error(
        client.send(new DeleteSnapshotCommand({ SnapshotId: orphan.SnapshotId })),
        'InvalidSnapshot.NotFound',
      );
    });

    it('lets only the owner delete, and validates the id', async () => {
      const used = await usedSnapshotIds(client);
      const orphan = (await mySnapshots(client)).find((s) => !used.has(s.SnapshotId!))!;
      await expectEc2Error(
        partner.send(new DeleteSnapshotCommand({ SnapshotId: orphan.SnapshotId })),
        'InvalidSnapshot.NotFound',
      );
      await client.send(
        new ModifySnapshotAttributeCommand({
          SnapshotId: orphan.SnapshotId,
          Attribute: 'createVolumePermission',
          CreateVolumePermission: { Add: [{ UserId: PARTNER }] },
        }),
      );
      await expectEc2Error(partner.send(new DeleteSnapshotCommand({ SnapshotId: orphan.SnapshotId })), 'AuthFailure');
      await expectEc2Error(
        client.send(new DeleteSnapshotCommand({ SnapshotId: 'vol-0123456789abcdef0' })),
        'InvalidSnapshotID.Malformed',
      );
      await expectEc2Error(client.send(new DeleteSnapshotCommand({ SnapshotId: '' })), 'MissingParameter');
    });
  });

  describe('createVolumePermission', () => {
    it('shares with an account and the public, reads it back, and removes it', async () => {
      const used = await usedSnapshotIds(client);
      const orphan = (await mySnapshots(client)).find((s) => !used.has(s.SnapshotId!) && !s.Encrypted)!;
      const read = async () =>
        await client.send(
          new DescribeSnapshotAttributeCommand({ SnapshotId: orphan.SnapshotId, Attribute: 'createVolumePermission' }),
        );
      assert.deepStrictEqual((await read()).CreateVolumePermissions, []);
      await client.send(
        new ModifySnapshotAttributeCommand({
          SnapshotId: orphan.SnapshotId,
          Attribute: 'createVolumePermission',
          CreateVolumePermission: { Add: [{ UserId: PARTNER }, { Group: 'all' }] },
        }),
      );
      const after = await read();
      assert.strictEqual(after.SnapshotId, orphan.SnapshotId);
      assert.deepStrictEqual(after.CreateVolumePermissions, [{ UserId: PARTNER }, { Group: 'all' }]);
      // Public now: the partner sees it with RestorableByUserIds=all.
      const publicOnes = (await partner.send(new DescribeSnapshotsCommand({ RestorableByUserIds: ['all'] })))
        .Snapshots!;
      assert.deepStrictEqual(
        publicOnes.map((s) => s.SnapshotId),
        [orphan.SnapshotId],
      );
      await client.send(
        new ModifySnapshotAttributeCommand({
          SnapshotId: orphan.SnapshotId,
          Attribute: 'createVolumePermission',
          OperationType: 'remove',
          GroupNames: ['all'],
          UserIds: [PARTNER],
        }),
      );
      assert.deepStrictEqual((await read()).CreateVolumePermissions, []);
      await expectEc2Error(
        partner.send(new DescribeSnapshotsCommand({ SnapshotIds: [orphan.SnapshotId!] })),
        'InvalidSnapshot.NotFound',
      );
    });

    it('refuses to make an encrypted snapshot public, bad account ids, and non-owners', async () => {
      const encrypted = (await mySnapshots(client)).find((s) => s.Encrypted)!;
      await expectEc2Error(
        client.send(
          new ModifySnapshotAttributeCommand({
            SnapshotId: encrypted.SnapshotId,
            Attribute: 'createVolumePermission',
            OperationType: 'add',
            GroupNames: ['all'],
          }),
        ),
        'UnsupportedOperation',
      );
      // A customer managed key may be shared with an account.
      await client.send(
        new ModifySnapshotAttributeCommand({
          SnapshotId: encrypted.SnapshotId,
          Attribute: 'createVolumePermission',
          OperationType: 'add',
          UserIds: [PARTNER],
        }),
      );
      const plain = (await mySnapshots(client)).find((s) => !s.Encrypted)!;
      await expectEc2Error(
        client.send(
          new ModifySnapshotAttributeCommand({
            SnapshotId: plain.SnapshotId,
            Attribute: 'createVolumePermission',
            OperationType: 'add',
            UserIds: ['1234'],
          }),
        ),
        'InvalidUserID.Malformed',
      );
      await expectEc2Error(
        client.send(
          new ModifySnapshotAttributeCommand({
            SnapshotId: plain.SnapshotId,
            Attribute: 'createVolumePermission',
            OperationType: 'add',
            GroupNames: ['everyone'],
          }),
        ),
        'InvalidParameterValue',
      );
      await expectEc2Error(
        partner.send(
          new DescribeSnapshotAttributeCommand({ SnapshotId: plain.SnapshotId, Attribute: 'createVolumePermission' }),
        ),
        'InvalidSnapshot.NotFound',
      );
      await expectEc2Error(
        client.send(
          new DescribeSnapshotAttributeCommand({ SnapshotId: plain.SnapshotId, Attribute: 'volumeSize' as never }),
        ),
        'InvalidParameterValue',
      );
      await expectEc2Error(
        client.send(
          new ModifySnapshotAttributeCommand({
            SnapshotId: plain.SnapshotId,
            Attribute: 'createVolumePermission',
            OperationType: 'add',
            UserIds: [PARTNER],
            DryRun: true,
          }),
        ),
        'DryRunOperation',
      );
      const attr = await client.send(
        new DescribeSnapshotAttributeCommand({ SnapshotId: plain.SnapshotId, Attribute: 'createVolumePermission' }),
      );
      assert.deepStrictEqual(attr.CreateVolumePermissions, []);
    });
  });

  describe('DescribeVolumes', () => {
    it('lists my volumes with attachments, filtered by instance, status and tag', async () => {
      const reservations = (
        await client.send(new DescribeInstancesCommand({ Filters: [{ Name: 'tag:Name', Values: ['build-agent'] }] }))
      ).Reservations!;
      const agent = reservations[0].Instances![0];
      const attached = (
        await client.send(
          new DescribeVolumesCommand({ Filters: [{ Name: 'attachment.instance-id', Values: [agent.InstanceId!] }] }),
        )
      ).Volumes!;
      assert.strictEqual(attached.length, 2);
      for (const v of attached) {
        assert.strictEqual(v.State, 'in-use');
        assert.strictEqual(v.Attachments![0].InstanceId, agent.InstanceId);
        assert.strictEqual(v.Attachments![0].State, 'attached');
        assert.ok(
          v.CreateTime instanceof Date && v.Size! > 0 && v.AvailabilityZone === agent.Placement!.AvailabilityZone,
        );
      }
      assert.deepStrictEqual(attached.map((v) => v.Attachments![0].Device).sort(), ['/dev/sdf', '/dev/xvda']);
      const available = (
        await client.send(new DescribeVolumesCommand({ Filters: [{ Name: 'status', Values: ['available'] }] }))
      ).Volumes!;
      assert.deepStrictEqual(
        available.map((v) => v.Tags),
        [[{ Key: 'Name', Value: 'scratch' }]],
      );
      const partnerVolumes = (await partner.send(new DescribeVolumesCommand({}))).Volumes!;
      const mine = new Set((await client.send(new DescribeVolumesCommand({}))).Volumes!.map((v) => v.VolumeId));
      assert.ok(partnerVolumes.length > 0 && partnerVolumes.every((v) => !mine.has(v.VolumeId)));
    });

    it('pages and answers bad ids', async () => {
      const all = (await client.send(new DescribeVolumesCommand({}))).Volumes!.map((v) => v.VolumeId).sort();
      const first = await client.send(new DescribeVolumesCommand({ MaxResults: 5 }));
      assert.strictEqual(first.Volumes!.length, 5);
      const second = await client.send(new DescribeVolumesCommand({ MaxResults: 500, NextToken: first.NextToken }));
      assert.deepStrictEqual(
        [...first.Volumes!, ...second.Volumes!].map((v) => v.VolumeId),
        all,
      );
      assert.strictEqual(second.NextToken, undefined);
      await expectEc2Error(client.send(new DescribeVolumesCommand({ MaxResults: 501 })), 'InvalidParameterValue');
      await expectEc2Error(
        client.send(new DescribeVolumesCommand({ VolumeIds: ['vol-1'] })),
        'InvalidVolumeID.Malformed',
      );
      await expectEc2Error(
        client.send(new DescribeVolumesCommand({ VolumeIds: ['vol-0123456789abcdef0'] })),
        'InvalidVolume.NotFound',
      );
    });
  });
});
