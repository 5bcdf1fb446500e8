import * as assert from 'assert';
import {
  CreateTagsCommand,
  DeleteSnapshotCommand,
  DeregisterImageCommand,
  DescribeImagesCommand,
  DescribeSnapshotsCommand,
  ListImagesInRecycleBinCommand,
  ListSnapshotsInRecycleBinCommand,
  RestoreImageFromRecycleBinCommand,
  RestoreSnapshotFromRecycleBinCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { PARTNER_SIMULATOR_ACCOUNT } from '../../../src/simulator/accounts';
import { ManualClock } from '../../../src/simulator/clock';
import type { Simulator } from '../../../src/simulator/simulator';
import { ec2, expectEc2Error, newSimulator } from './helpers';
import { imageNamed } from './imagesSupport';
import { rbin } from './jsonSupport';

const DAY = 24 * 60 * 60 * 1000;

describe('simulator Recycle Bin', () => {
  let clock: ManualClock;
  let sim: Simulator;
  let client: EC2Client;
  let webId: string;
  let webSnapshots: string[];

  beforeEach(async () => {
    clock = new ManualClock();
    sim = newSimulator({ clock });
    client = ec2(sim);
    const web = await imageNamed(client, 'web-server-base-v7');
    webId = web.ImageId!;
    webSnapshots = web.BlockDeviceMappings!.flatMap((m) => (m.Ebs?.SnapshotId ? [m.Ebs.SnapshotId] : []));
  });

  const rule = (resourceType: string, days: number, extra: Record<string, unknown> = {}) => {
    const res = rbin(sim, 'POST', '/rules', {
      ResourceType: resourceType,
      RetentionPeriod: { RetentionPeriodValue: days, RetentionPeriodUnit: 'DAYS' },
      ...extra,
    });
    assert.strictEqual(res.status, 201, JSON.stringify(res.body));
    return res.body.Identifier as string;
  };
  const ownImageIds = async () =>
    ((await client.send(new DescribeImagesCommand({ Owners: ['self'] }))).Images ?? []).map((i) => i.ImageId);

  describe('rules (the rbin REST-JSON service)', () => {
    it('creates, gets, lists, updates and deletes a rule with the model status codes', () => {
      const id = rule('EC2_IMAGE', 7, { Description: 'keep AMIs a week', Tags: [{ Key: 'team', Value: 'ops' }] });
      assert.match(id, /^[0-9a-zA-Z]{11}$/);
      const got = rbin(sim, 'GET', `/rules/${id}`);
      assert.strictEqual(got.status, 200);
      assert.deepStrictEqual(got.body.RetentionPeriod, { RetentionPeriodValue: 7, RetentionPeriodUnit: 'DAYS' });
      assert.strictEqual(got.body.ResourceType, 'EC2_IMAGE');
      assert.strictEqual(got.body.Status, 'available');
      assert.strictEqual(got.body.RuleArn, `arn:aws:rbin:us-east-1:123456789012:rule/${id}`);

      const listed = rbin(sim, 'POST', '/list-rules', { ResourceType: 'EC2_IMAGE' });
      assert.deepStrictEqual(
        (listed.body.Rules as { Identifier: string }[]).map((r) => r.Identifier),
        [id],
      );
      assert.deepStrictEqual(rbin(sim, 'POST', '/list-rules', { ResourceType: 'EBS_SNAPSHOT' }).body.Rules, []);
      // Rules are per Region and per account.
      assert.deepStrictEqual(
        rbin(sim, 'POST', '/list-rules', { ResourceType: 'EC2_IMAGE' }, { region: 'us-west-2' }).body.Rules,
        [],
      );
      assert.strictEqual(
        rbin(sim, 'GET', `/rules/${id}`, undefined, { account: PARTNER_SIMULATOR_ACCOUNT }).status,
        404,
      );

      const updated = rbin(sim, 'PATCH', `/rules/${id}`, {
        RetentionPeriod: { RetentionPeriodValue: 30, RetentionPeriodUnit: 'DAYS' },
      });
      assert.strictEqual(updated.status, 200);
      assert.strictEqual((updated.body.RetentionPeriod as { RetentionPeriodValue: number }).RetentionPeriodValue, 30);

      const arn = encodeURIComponent(got.body.RuleArn);
      assert.deepStrictEqual(rbin(sim, 'GET', `/tags/${arn}`).body.Tags, [{ Key: 'team', Value: 'ops' }]);
      assert.strictEqual(rbin(sim, 'POST', `/tags/${arn}`, { Tags: [{ Key: 'env', Value: 'prod' }] }).status, 201);
      assert.strictEqual(rbin(sim, 'DELETE', `/tags/${arn}`, undefined, { query: 'tagKeys=team' }).status, 204);
      assert.deepStrictEqual(rbin(sim, 'GET', `/tags/${arn}`).body.Tags, [{ Key: 'env', Value: 'prod' }]);

      assert.strictEqual(rbin(sim, 'DELETE', `/rules/${id}`).status, 204);
      const gone = rbin(sim, 'GET', `/rules/${id}`);
      assert.strictEqual(gone.status, 404);
      assert.strictEqual(gone.headers['x-amzn-errortype'], 'ResourceNotFoundException');
      assert.strictEqual(gone.body.Reason, 'RULE_NOT_FOUND');
    });

    it('validates against the model: retention 1-3650 DAYS, resource type enum, exclusions only region-level', () => {
      const bad = (body: Record<string, unknown>) => rbin(sim, 'POST', '/rules', body);
      const period = { RetentionPeriodValue: 7, RetentionPeriodUnit: 'DAYS' };
      for (const res of [
        bad({ ResourceType: 'EC2_IMAGE', RetentionPeriod: { RetentionPeriodValue: 0, RetentionPeriodUnit: 'DAYS' } }),
        bad({
          ResourceType: 'EC2_IMAGE',
          RetentionPeriod: { RetentionPeriodValue: 3651, RetentionPeriodUnit: 'DAYS' },
        }),
        bad({ ResourceType: 'EC2_IMAGE', RetentionPeriod: { RetentionPeriodValue: 7, RetentionPeriodUnit: 'WEEKS' } }),
        bad({ ResourceType: 'AMI', RetentionPeriod: period }),
        bad({ RetentionPeriod: period }),
        bad({
          ResourceType: 'EC2_IMAGE',
          RetentionPeriod: period,
          ResourceTags: [{ ResourceTagKey: 'a' }],
          ExcludeResourceTags: [{ ResourceTagKey: 'b' }],
        }),
      ]) {
        assert.strictEqual(res.status, 400, JSON.stringify(res.body));
        assert.strictEqual(res.headers['x-amzn-errortype'], 'ValidationException');
      }
      assert.strictEqual(rbin(sim, 'POST', '/rules', '{not json').status, 400);
      assert.strictEqual(rbin(sim, 'GET', '/nowhere').status, 404);
      // Malformed percent-encoding in the path (found by the fuzz run): a validation error, not an internal one.
      for (const path of ['/rules/abcdefghijk%C3', `/tags/${encodeURIComponent('arn:aws:rbin:')}%E0%A4`]) {
        const res = rbin(sim, 'GET', path);
        assert.strictEqual(res.status, 400, JSON.stringify(res.body));
        assert.strictEqual(res.headers['x-amzn-errortype'], 'ValidationException');
      }
    });
  });

  describe('EC2 side', () => {
    it('keeps a deregistered AMI in the bin, alone: DescribeImages no longer shows it, its snapshots stay', async () => {
      rule('EC2_IMAGE', 7);
      await client.send(new DeregisterImageCommand({ ImageId: webId }));
      assert.ok(!(await ownImageIds()).includes(webId));
      const bin = await client.send(new ListImagesInRecycleBinCommand({}));
      assert.strictEqual(bin.Images?.length, 1);
      const [entry] = bin.Images;
      assert.strictEqual(entry.ImageId, webId);
      assert.strictEqual(entry.Name, 'web-server-base-v7');
      assert.strictEqual(entry.RecycleBinEnterTime!.getTime(), clock.now());
      assert.strictEqual(entry.RecycleBinExitTime!.getTime(), clock.now() + 7 * DAY);
      const snaps = (await client.send(new DescribeSnapshotsCommand({ SnapshotIds: webSnapshots }))).Snapshots!;
      assert.strictEqual(snaps.length, webSnapshots.length);

      assert.strictEqual((await client.send(new RestoreImageFromRecycleBinCommand({ ImageId: webId }))).Return, true);
      const restored = (await client.send(new DescribeImagesCommand({ ImageIds: [webId] }))).Images![0];
      assert.strictEqual(restored.State, 'available');
      assert.deepStrictEqual((await client.send(new ListImagesInRecycleBinCommand({}))).Images, []);
    });

    it('without a rule, deregistration is final; a tag-level rule keeps only tagged images', async () => {
      rule('EC2_IMAGE', 7, { ResourceTags: [{ ResourceTagKey: 'keep', ResourceTagValue: 'yes' }] });
      await client.send(new DeregisterImageCommand({ ImageId: webId }));
      assert.deepStrictEqual((await client.send(new ListImagesInRecycleBinCommand({}))).Images, []);
      const [other] = (await ownImageIds()).filter((id) => id !== webId);
      await client.send(new CreateTagsCommand({ Resources: [other!], Tags: [{ Key: 'keep', Value: 'yes' }] }));
      await client.send(new DeregisterImageCommand({ ImageId: other! }));
      assert.deepStrictEqual(
        (await client.send(new ListImagesInRecycleBinCommand({}))).Images!.map((i) => i.ImageId),
        [other],
      );
    });

    it('uses the longest retention when several rules match, and deletes for good at the exit time', async () => {
      rule('EC2_IMAGE', 3);
      rule('EC2_IMAGE', 10);
      await client.send(new DeregisterImageCommand({ ImageId: webId }));
      const [entry] = (await client.send(new ListImagesInRecycleBinCommand({}))).Images!;
      assert.strictEqual(entry.RecycleBinExitTime!.getTime() - entry.RecycleBinEnterTime!.getTime(), 10 * DAY);
      clock.advance(10 * DAY - 1);
      assert.strictEqual((await client.send(new ListImagesInRecycleBinCommand({}))).Images?.length, 1);
      clock.advance(1);
      assert.deepStrictEqual((await client.send(new ListImagesInRecycleBinCommand({}))).Images, []);
      await expectEc2Error(
        client.send(new RestoreImageFromRecycleBinCommand({ ImageId: webId })),
        'InvalidAMIID.NotFound',
      );
    });

    it('sends deleted snapshots to the bin only under a snapshot rule; the AMI restores once they are back', async () => {
      rule('EC2_IMAGE', 7);
      rule('EBS_SNAPSHOT', 7);
      await client.send(new DeregisterImageCommand({ ImageId: webId, DeleteAssociatedSnapshots: true }));
      const binned = (await client.send(new ListSnapshotsInRecycleBinCommand({}))).Snapshots!;
      assert.deepStrictEqual(binned.map((s) => s.SnapshotId).sort(), [...webSnapshots].sort());
      assert.deepStrictEqual(
        (await client.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'] }))).Snapshots!.filter((s) =>
          webSnapshots.includes(s.SnapshotId!),
        ),
        [],
      );
      await expectEc2Error(client.send(new RestoreImageFromRecycleBinCommand({ ImageId: webId })), 'IncorrectState');
      for (const id of webSnapshots) {
        const out = await client.send(new RestoreSnapshotFromRecycleBinCommand({ SnapshotId: id }));
        assert.strictEqual(out.SnapshotId, id);
        assert.strictEqual(out.State, 'completed');
      }
      await client.send(new RestoreImageFromRecycleBinCommand({ ImageId: webId }));
      assert.ok((await ownImageIds()).includes(webId));
    });

    it('DeleteSnapshot under a snapshot rule keeps it recoverable; other accounts see nothing', async () => {
      rule('EBS_SNAPSHOT', 1);
      // The first snapshot no image uses: deleting it succeeds.
      let deleted: string | undefined;
      for (const s of (await client.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'] }))).Snapshots!) {
        try {
          await client.send(new DeleteSnapshotCommand({ SnapshotId: s.SnapshotId }));
          deleted = s.SnapshotId;
          break;
        } catch {
          // in use by an image
        }
      }
      assert.ok(deleted, 'the seed has a snapshot no image uses');
      const bin = (await client.send(new ListSnapshotsInRecycleBinCommand({ SnapshotIds: [deleted] }))).Snapshots!;
      assert.strictEqual(bin.length, 1);
      assert.strictEqual(bin[0].RecycleBinExitTime!.getTime() - bin[0].RecycleBinEnterTime!.getTime(), DAY);
      const partner = ec2(sim, 'us-east-1', PARTNER_SIMULATOR_ACCOUNT);
      assert.deepStrictEqual((await partner.send(new ListSnapshotsInRecycleBinCommand({}))).Snapshots, []);
      await expectEc2Error(
        partner.send(new RestoreSnapshotFromRecycleBinCommand({ SnapshotId: deleted })),
        'InvalidSnapshot.NotFound',
      );
    });
  });
});
