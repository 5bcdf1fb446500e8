import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  CopyImageCommand,
  DeregisterImageCommand,
  DescribeImageAttributeCommand,
  DescribeImagesCommand,
  DescribeSnapshotsCommand,
  DisableImageCommand,
  DisableImageDeprecationCommand,
  DisableImageDeregistrationProtectionCommand,
  EnableImageCommand,
  EnableImageDeprecationCommand,
  EnableImageDeregistrationProtectionCommand,
  ModifyImageAttributeCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { PARTNER_SIMULATOR_ACCOUNT } from '../../../src/simulator/accounts';
import { ManualClock } from '../../../src/simulator/clock';
import { DEREGISTERED_LISTED_MS } from '../../../src/simulator/models/lifecycle';
import { createSeedState } from '../../../src/simulator/seed/seed';
import type { Simulator } from '../../../src/simulator/simulator';
import { saveState } from '../../../src/simulator/store';
import { ec2, expectEc2Error, newSimulator } from './helpers';
import { describeOne, imageNamed } from './imagesSupport';

const PARTNER = PARTNER_SIMULATOR_ACCOUNT.accountId;
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

describe('simulator image lifecycle', () => {
  let clock: ManualClock;
  let sim: Simulator;
  let client: EC2Client;
  let webId: string;

  beforeEach(async () => {
    clock = new ManualClock();
    sim = newSimulator({ clock });
    client = ec2(sim);
    webId = (await imageNamed(client, 'web-server-base-v7')).ImageId!;
  });

  describe('DeregisterImage', () => {
    it('removes the image from DescribeImages; by id it shows as deregistered briefly, then empty; Unavailable, then NotFound', async () => {
      const out = await client.send(new DeregisterImageCommand({ ImageId: webId }));
      assert.strictEqual(out.Return, true);
      assert.deepStrictEqual(out.DeleteSnapshotResults ?? [], []);
      const mine = (await client.send(new DescribeImagesCommand({ Owners: ['self'] }))).Images!;
      assert.ok(!mine.some((i) => i.ImageId === webId));
      const byId = async () => (await client.send(new DescribeImagesCommand({ ImageIds: [webId] }))).Images!;
      assert.deepStrictEqual(
        (await byId()).map((i) => [i.ImageId, i.State]),
        [[webId, 'deregistered']],
      );
      clock.advance(DEREGISTERED_LISTED_MS);
      assert.strictEqual((await byId()).length, 0);
      await expectEc2Error(
        client.send(new DeregisterImageCommand({ ImageId: webId })),
        'InvalidAMIID.Unavailable',
        400,
      );
      await expectEc2Error(
        client.send(new DescribeImageAttributeCommand({ ImageId: webId, Attribute: 'description' })),
        'InvalidAMIID.Unavailable',
      );
      clock.advance(HOUR);
      await expectEc2Error(client.send(new DeregisterImageCommand({ ImageId: webId })), 'InvalidAMIID.NotFound');
      await expectEc2Error(client.send(new DescribeImagesCommand({ ImageIds: [webId] })), 'InvalidAMIID.NotFound');
    });

    it('deletes the associated snapshots only when asked, reporting each', async () => {
      const snapshotsOf = async (name: string) =>
        (await imageNamed(client, name)).BlockDeviceMappings!.map((m) => m.Ebs!.SnapshotId!);
      const exists = async (id: string) =>
        ((await client.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'] }))).Snapshots ?? []).some(
          (s) => s.SnapshotId === id,
        );
      const [kept] = await snapshotsOf('ci-build-agent-2026.10');
      const buildId = (await imageNamed(client, 'ci-build-agent-2026.10')).ImageId!;
      await client.send(new DeregisterImageCommand({ ImageId: buildId }));
      assert.strictEqual(await exists(kept), true, 'without DeleteAssociatedSnapshots the snapshot stays');

      const [snapshot] = await snapshotsOf('web-server-base-v7');
      const out = await client.send(new DeregisterImageCommand({ ImageId: webId, DeleteAssociatedSnapshots: true }));
      assert.deepStrictEqual(out.DeleteSnapshotResults, [{ SnapshotId: snapshot, ReturnCode: 'success' }]);
      assert.strictEqual(await exists(snapshot), false);
    });

    it('skips a snapshot that another AMI still uses', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-images-'));
      const file = path.join(dir, 'state.json');
      const state = createSeedState({ largeRegion: 'us-east-1', publicImagesInLargeRegion: 0 }, clock.now());
      const images = state.regions['us-east-1'].images;
      const web = images[webId];
      const twin = { ...structuredClone(web), imageId: 'ami-0aaaaaaaaaaaaaaaa', name: 'web-twin' };
      images[twin.imageId] = twin;
      saveState(file, state);
      try {
        const fromFile = newSimulator({ clock, stateFile: file });
        const c = ec2(fromFile);
        const snapshot = web.blockDeviceMappings[0].ebs!.snapshotId!;
        const out = await c.send(new DeregisterImageCommand({ ImageId: webId, DeleteAssociatedSnapshots: true }));
        assert.deepStrictEqual(out.DeleteSnapshotResults, [{ SnapshotId: snapshot, ReturnCode: 'skipped' }]);
        assert.strictEqual((await describeOne(c, twin.imageId))?.BlockDeviceMappings![0].Ebs!.SnapshotId, snapshot);
        // Once the twin is gone too, the snapshot can be deleted with it.
        const last = await c.send(
          new DeregisterImageCommand({ ImageId: twin.imageId, DeleteAssociatedSnapshots: true }),
        );
        assert.deepStrictEqual(last.DeleteSnapshotResults, [{ SnapshotId: snapshot, ReturnCode: 'success' }]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('cancels a pending copy', async () => {
      const slow = newSimulator({ clock, pendingDelayMs: 60_000 });
      const west = ec2(slow, 'us-west-2');
      const id = (await imageNamed(ec2(slow), 'web-server-base-v7')).ImageId!;
      const { ImageId } = await west.send(
        new CopyImageCommand({ SourceRegion: 'us-east-1', SourceImageId: id, Name: 'copy' }),
      );
      assert.strictEqual((await describeOne(west, ImageId!))?.State, 'pending');
      const copySnapshot = (await describeOne(west, ImageId!))!.BlockDeviceMappings![0].Ebs!.SnapshotId!;
      await west.send(new DeregisterImageCommand({ ImageId }));
      const left = (await west.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'] }))).Snapshots ?? [];
      assert.ok(!left.some((s) => s.SnapshotId === copySnapshot), 'the unfinished snapshot of the copy is gone');
      clock.advance(60_000);
      assert.strictEqual((await west.send(new DescribeImagesCommand({ Owners: ['self'] }))).Images!.length, 0);
      // The name is free again.
      await west.send(new CopyImageCommand({ SourceRegion: 'us-east-1', SourceImageId: id, Name: 'copy' }));
    });

    it('lets only the owner deregister', async () => {
      const shared = (await imageNamed(client, 'partner-monitoring-agent-4.2')).ImageId!;
      await expectEc2Error(client.send(new DeregisterImageCommand({ ImageId: shared })), 'AuthFailure');
      const partner = ec2(sim, 'us-east-1', PARTNER_SIMULATOR_ACCOUNT);
      await expectEc2Error(partner.send(new DeregisterImageCommand({ ImageId: webId })), 'InvalidAMIID.NotFound');
      await expectEc2Error(client.send(new DeregisterImageCommand({ ImageId: 'ami-x' })), 'InvalidAMIID.Malformed');
      await expectEc2Error(client.send(new DeregisterImageCommand({ ImageId: undefined })), 'MissingParameter');
    });

    it('changes nothing under DryRun', async () => {
      await expectEc2Error(
        client.send(new DeregisterImageCommand({ ImageId: webId, DryRun: true })),
        'DryRunOperation',
        412,
      );
      assert.strictEqual((await describeOne(client, webId))?.State, 'available');
    });
  });

  describe('deregistration protection', () => {
    it('refuses to deregister a protected image until protection is disabled', async () => {
      const on = await client.send(new EnableImageDeregistrationProtectionCommand({ ImageId: webId }));
      assert.strictEqual(on.Return, 'enabled-without-cooldown');
      assert.strictEqual((await describeOne(client, webId))?.DeregistrationProtection, 'enabled-without-cooldown');
      await expectEc2Error(client.send(new DeregisterImageCommand({ ImageId: webId })), 'OperationNotPermitted', 400);
      await client.send(new DisableImageDeregistrationProtectionCommand({ ImageId: webId }));
      await client.send(new DeregisterImageCommand({ ImageId: webId }));
    });

    it('with a cooldown keeps protecting for 24 hours after it is disabled', async () => {
      await client.send(new EnableImageDeregistrationProtectionCommand({ ImageId: webId, WithCooldown: true }));
      const attr = await client.send(
        new DescribeImageAttributeCommand({ ImageId: webId, Attribute: 'deregistrationProtection' }),
      );
      assert.strictEqual(attr.DeregistrationProtection?.Value, 'enabled-with-cooldown');
      await client.send(new DisableImageDeregistrationProtectionCommand({ ImageId: webId }));
      clock.advance(DAY - 1000);
      await expectEc2Error(client.send(new DeregisterImageCommand({ ImageId: webId })), 'OperationNotPermitted');
      clock.advance(1000);
      await client.send(new DeregisterImageCommand({ ImageId: webId }));
    });

    it('is the owner’s alone and honours DryRun', async () => {
      const shared = (await imageNamed(client, 'partner-monitoring-agent-4.2')).ImageId!;
      await expectEc2Error(
        client.send(new EnableImageDeregistrationProtectionCommand({ ImageId: shared })),
        'AuthFailure',
      );
      await expectEc2Error(
        client.send(new EnableImageDeregistrationProtectionCommand({ ImageId: webId, DryRun: true })),
        'DryRunOperation',
      );
      assert.strictEqual((await describeOne(client, webId))?.DeregistrationProtection, 'disabled');
    });
  });

  describe('deprecation', () => {
    it('sets and clears the deprecation time; a deprecated image leaves others’ default listings', async () => {
      await client.send(
        new ModifyImageAttributeCommand({ ImageId: webId, LaunchPermission: { Add: [{ UserId: PARTNER }] } }),
      );
      const minute = clock.now() + DAY;
      const deprecateAt = async (ms: number) => {
        await client.send(new EnableImageDeprecationCommand({ ImageId: webId, DeprecateAt: new Date(ms) }));
        return (await describeOne(client, webId))!.DeprecationTime;
      };
      // EC2 rounds the seconds to the nearest minute.
      assert.strictEqual(await deprecateAt(minute + 20_000), new Date(minute).toISOString());
      assert.strictEqual(await deprecateAt(minute + 40_000), new Date(minute + 60_000).toISOString());
      const partner = ec2(sim, 'us-east-1', PARTNER_SIMULATOR_ACCOUNT);
      const listed = async () =>
        (await partner.send(new DescribeImagesCommand({ ExecutableUsers: ['self'] }))).Images!.some(
          (i) => i.ImageId === webId,
        );
      assert.strictEqual(await listed(), true);
      clock.advance(2 * DAY);
      assert.strictEqual(await listed(), false, 'deprecated: hidden from the partner by default');
      assert.strictEqual(
        (
          await partner.send(new DescribeImagesCommand({ ExecutableUsers: ['self'], IncludeDeprecated: true }))
        ).Images!.some((i) => i.ImageId === webId),
        true,
      );
      await client.send(new DisableImageDeprecationCommand({ ImageId: webId }));
      assert.strictEqual((await describeOne(client, webId))!.DeprecationTime, undefined);
      assert.strictEqual(await listed(), true);
    });

    it('refuses a time in the past or too far ahead', async () => {
      await expectEc2Error(
        client.send(new EnableImageDeprecationCommand({ ImageId: webId, DeprecateAt: new Date(clock.now() - 1000) })),
        'InvalidParameterValue',
      );
      await expectEc2Error(
        client.send(
          new EnableImageDeprecationCommand({ ImageId: webId, DeprecateAt: new Date(clock.now() + 11 * 365 * DAY) }),
        ),
        'InvalidParameterValue',
      );
      await expectEc2Error(
        client.send(new EnableImageDeprecationCommand({ ImageId: webId, DeprecateAt: undefined })),
        'MissingParameter',
      );
    });
  });

  describe('EnableImage / DisableImage', () => {
    it('disabling removes every launch permission and hides the image; enabling brings it back private', async () => {
      const partner = ec2(sim, 'us-east-1', PARTNER_SIMULATOR_ACCOUNT);
      await client.send(
        new ModifyImageAttributeCommand({
          ImageId: webId,
          LaunchPermission: { Add: [{ UserId: PARTNER }, { Group: 'all' }] },
        }),
      );
      assert.ok(await describeOne(partner, webId));
      await client.send(new DisableImageCommand({ ImageId: webId }));
      await expectEc2Error(partner.send(new DescribeImagesCommand({ ImageIds: [webId] })), 'InvalidAMIID.NotFound');
      const perms = await client.send(
        new DescribeImageAttributeCommand({ ImageId: webId, Attribute: 'launchPermission' }),
      );
      assert.deepStrictEqual(perms.LaunchPermissions, []);
      await expectEc2Error(
        client.send(
          new ModifyImageAttributeCommand({ ImageId: webId, LaunchPermission: { Add: [{ UserId: PARTNER }] } }),
        ),
        'IncorrectState',
      );
      await expectEc2Error(client.send(new DisableImageCommand({ ImageId: webId })), 'IncorrectState');
      await client.send(new EnableImageCommand({ ImageId: webId }));
      const back = (await describeOne(client, webId))!;
      assert.strictEqual(back.State, 'available');
      assert.strictEqual(back.Public, false);
      await expectEc2Error(client.send(new EnableImageCommand({ ImageId: webId })), 'IncorrectState');
    });

    it('is the owner’s alone and honours DryRun', async () => {
      const shared = (await imageNamed(client, 'partner-monitoring-agent-4.2')).ImageId!;
      await expectEc2Error(client.send(new DisableImageCommand({ ImageId: shared })), 'AuthFailure');
      await expectEc2Error(
        client.send(new DisableImageCommand({ ImageId: shared, DryRun: true })),
        'UnauthorizedOperation',
        403,
      );
      await expectEc2Error(client.send(new DisableImageCommand({ ImageId: webId, DryRun: true })), 'DryRunOperation');
      assert.strictEqual((await describeOne(client, webId))?.State, 'available');
    });
  });
});
