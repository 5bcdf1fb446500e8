import * as assert from 'assert';
import {
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeVolumesCommand,
  RebootInstancesCommand,
  RunInstancesCommand,
  StartInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
  type EC2Client,
  type Instance,
} from '@aws-sdk/client-ec2';
import { PARTNER_SIMULATOR_ACCOUNT } from '../../../src/simulator/accounts';
import { ManualClock } from '../../../src/simulator/clock';
import { LAST_LAUNCHED_DELAY_MS } from '../../../src/simulator/models/lifecycle';
import type { Simulator } from '../../../src/simulator/simulator';
import { ec2, expectEc2Error, newSimulator } from './helpers';

const STEP = 3_000;

async function instances(client: EC2Client, filters?: { Name: string; Values: string[] }[]): Promise<Instance[]> {
  const out = await client.send(new DescribeInstancesCommand({ Filters: filters }));
  return out.Reservations!.flatMap((r) => r.Instances!);
}

async function byName(client: EC2Client, name: string): Promise<Instance> {
  const [found] = await instances(client, [{ Name: 'tag:Name', Values: [name] }]);
  assert.ok(found, `instance ${name}`);
  return found;
}

async function al2023(client: EC2Client, arch = 'x86_64') {
  const out = await client.send(
    new DescribeImagesCommand({ Owners: ['amazon'], Filters: [{ Name: 'name', Values: [`al2023-ami-2023*${arch}`] }] }),
  );
  return out.Images![0];
}

describe('simulator instances', () => {
  let clock: ManualClock;
  let sim: Simulator;
  let client: EC2Client;

  beforeEach(() => {
    clock = new ManualClock();
    sim = newSimulator({ clock, instanceTransitionMs: STEP });
    client = ec2(sim);
  });

  describe('DescribeInstances', () => {
    it("shows only the caller's instances, with EC2's state codes, placement and devices", async () => {
      const mine = await instances(client);
      const partner = await instances(ec2(sim, 'us-east-1', PARTNER_SIMULATOR_ACCOUNT));
      assert.ok(mine.length >= 4 && partner.length >= 2);
      const mineIds = new Set(mine.map((i) => i.InstanceId));
      assert.ok(partner.every((i) => !mineIds.has(i.InstanceId)));
      const web = await byName(client, 'web-server-1');
      assert.deepStrictEqual(web.State, { Code: 16, Name: 'running' });
      assert.strictEqual(web.Placement?.AvailabilityZone?.startsWith('us-east-1'), true);
      assert.match(web.PrivateIpAddress!, /^172\.31\.\d+\.\d+$/);
      assert.ok(web.PublicIpAddress && web.LaunchTime instanceof Date);
      assert.match(web.BlockDeviceMappings![0].Ebs!.VolumeId!, /^vol-[0-9a-f]{17}$/);
      const stopped = await byName(client, 'build-agent');
      assert.deepStrictEqual(stopped.State, { Code: 80, Name: 'stopped' });
      assert.strictEqual(stopped.StateReason?.Code, 'Client.UserInitiatedShutdown');
      assert.strictEqual(stopped.PublicIpAddress, undefined);
      // Regions are independent stores.
      assert.deepStrictEqual(await instances(ec2(sim, 'us-west-1')), []);
    });

    it('filters by state, type, image, root device type, architecture, tag key and Name tag', async () => {
      const names = async (filters: { Name: string; Values: string[] }[]) =>
        (await instances(client, filters)).map((i) => i.Tags!.find((t) => t.Key === 'Name')!.Value).sort();
      assert.deepStrictEqual(await names([{ Name: 'instance-state-name', Values: ['stopped'] }]), [
        'build-agent',
        'windows-jumpbox',
      ]);
      assert.deepStrictEqual(await names([{ Name: 'root-device-type', Values: ['instance-store'] }]), [
        'batch-worker-1',
      ]);
      assert.deepStrictEqual(await names([{ Name: 'architecture', Values: ['arm64'] }]), ['graviton-api']);
      assert.deepStrictEqual(await names([{ Name: 'instance-type', Values: ['t3.*'] }]), [
        'web-server-1',
        'windows-jumpbox',
      ]);
      assert.deepStrictEqual(
        await names([
          { Name: 'tag:Project', Values: ['storefront', 'ci'] },
          { Name: 'instance-state-code', Values: ['16'] },
        ]),
        ['web-server-1'],
      );
      assert.deepStrictEqual(await names([{ Name: 'tag-key', Values: ['Project'] }]), [
        'batch-worker-1',
        'build-agent',
        'web-server-1',
      ]);
      const web = await byName(client, 'web-server-1');
      assert.ok((await names([{ Name: 'image-id', Values: [web.ImageId!] }])).includes('web-server-1'));
      await expectEc2Error(
        client.send(new DescribeInstancesCommand({ Filters: [{ Name: 'no-such-filter', Values: ['x'] }] })),
        'InvalidParameterValue',
        400,
      );
    });

    it('pages with MaxResults and NextToken, and refuses bounds EC2 refuses', async () => {
      const all = (await instances(client)).map((i) => i.InstanceId!).sort();
      const seen: string[] = [];
      let token: string | undefined;
      let pages = 0;
      do {
        const out = await client.send(new DescribeInstancesCommand({ MaxResults: 5, NextToken: token }));
        seen.push(...out.Reservations!.flatMap((r) => r.Instances!.map((i) => i.InstanceId!)));
        token = out.NextToken;
        pages++;
      } while (token);
      assert.deepStrictEqual(seen.sort(), all);
      assert.strictEqual(pages, Math.ceil(all.length / 5));
      await expectEc2Error(client.send(new DescribeInstancesCommand({ MaxResults: 4 })), 'InvalidParameterValue');
      await expectEc2Error(
        client.send(new DescribeInstancesCommand({ MaxResults: 5, InstanceIds: [all[0]] })),
        'InvalidParameterCombination',
      );
      await expectEc2Error(client.send(new DescribeInstancesCommand({ NextToken: 'bogus' })), 'InvalidNextToken');
    });

    it('answers Malformed and NotFound for bad ids, naming every unknown one', async () => {
      await expectEc2Error(
        client.send(new DescribeInstancesCommand({ InstanceIds: ['i-xyz'] })),
        'InvalidInstanceID.Malformed',
        400,
      );
      const e = await expectEc2Error(
        client.send(new DescribeInstancesCommand({ InstanceIds: ['i-0123456789abcdef0', 'i-0123456789abcdef1'] })),
        'InvalidInstanceID.NotFound',
      );
      assert.match(e.message, /i-0123456789abcdef0, i-0123456789abcdef1/);
      // Another account's instance is not found either.
      const partnerId = (await instances(ec2(sim, 'us-east-1', PARTNER_SIMULATOR_ACCOUNT)))[0].InstanceId!;
      await expectEc2Error(
        client.send(new DescribeInstancesCommand({ InstanceIds: [partnerId] })),
        'InvalidInstanceID.NotFound',
      );
    });
  });

  describe('RunInstances', () => {
    it("reports the launch in the image's LastLaunchedTime only after EC2's 24-hour delay", async () => {
      const [mine] = (
        await client.send(
          new DescribeImagesCommand({ Owners: ['self'], Filters: [{ Name: 'architecture', Values: ['x86_64'] }] }),
        )
      ).Images!;
      const lastLaunched = async () =>
        (await client.send(new DescribeImagesCommand({ ImageIds: [mine.ImageId!] }))).Images![0].LastLaunchedTime;
      const before = await lastLaunched();
      const launchedAt = new Date(clock.now()).toISOString();
      assert.notStrictEqual(before, launchedAt);
      await client.send(
        new RunInstancesCommand({ ImageId: mine.ImageId, InstanceType: 't3.small', MinCount: 1, MaxCount: 1 }),
      );
      assert.strictEqual(await lastLaunched(), before, 'not reported at once');
      clock.advance(LAST_LAUNCHED_DELAY_MS - 1);
      assert.strictEqual(await lastLaunched(), before);
      clock.advance(1);
      assert.strictEqual(await lastLaunched(), launchedAt);
    });

    it('launches pending instances that run after the transition, with a volume per EBS mapping and tags', async () => {
      const image = await al2023(client);
      const out = await client.send(
        new RunInstancesCommand({
          ImageId: image.ImageId,
          InstanceType: 't3.small',
          MinCount: 2,
          MaxCount: 2,
          KeyName: 'dev-key',
          TagSpecifications: [
            { ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'new-web' }] },
            { ResourceType: 'volume', Tags: [{ Key: 'Backup', Value: 'daily' }] },
          ],
        }),
      );
      assert.match(out.ReservationId!, /^r-[0-9a-f]{17}$/);
      assert.strictEqual(out.OwnerId, '123456789012');
      assert.strictEqual(out.Instances!.length, 2);
      const first = out.Instances![0];
      assert.deepStrictEqual(first.State, { Code: 0, Name: 'pending' });
      assert.strictEqual(first.ImageId, image.ImageId);
      assert.strictEqual(first.KeyName, 'dev-key');
      assert.deepStrictEqual(
        out.Instances!.map((i) => i.AmiLaunchIndex),
        [0, 1],
      );
      assert.deepStrictEqual(first.Tags, [{ Key: 'Name', Value: 'new-web' }]);
      const volumeId = first.BlockDeviceMappings![0].Ebs!.VolumeId!;
      const volume = (await client.send(new DescribeVolumesCommand({ VolumeIds: [volumeId] }))).Volumes![0];
      assert.strictEqual(volume.SnapshotId, image.BlockDeviceMappings![0].Ebs!.SnapshotId);
      assert.strictEqual(volume.Size, image.BlockDeviceMappings![0].Ebs!.VolumeSize);
      assert.strictEqual(volume.State, 'in-use');
      assert.deepStrictEqual(volume.Tags, [{ Key: 'Backup', Value: 'daily' }]);
      clock.advance(STEP);
      const [running] = await instances(client, [{ Name: 'instance-id', Values: [first.InstanceId!] }]);
      assert.strictEqual(running.State?.Name, 'running');
    });

    it('launches shared images and honours a larger root volume', async () => {
      const shared = (await client.send(new DescribeImagesCommand({ Owners: ['210987654321'] }))).Images!.find(
        (i) => i.Architecture === 'x86_64',
      )!;
      const root = shared.BlockDeviceMappings![0];
      const out = await client.send(
        new RunInstancesCommand({
          ImageId: shared.ImageId,
          InstanceType: 'm5.large',
          MinCount: 1,
          MaxCount: 1,
          BlockDeviceMappings: [{ DeviceName: root.DeviceName, Ebs: { VolumeSize: root.Ebs!.VolumeSize! + 10 } }],
        }),
      );
      const vol = (
        await client.send(
          new DescribeVolumesCommand({ VolumeIds: [out.Instances![0].BlockDeviceMappings![0].Ebs!.VolumeId!] }),
        )
      ).Volumes![0];
      assert.strictEqual(vol.Size, root.Ebs!.VolumeSize! + 10);
      await expectEc2Error(
        client.send(
          new RunInstancesCommand({
            ImageId: shared.ImageId,
            InstanceType: 'm5.large',
            MinCount: 1,
            MaxCount: 1,
            BlockDeviceMappings: [{ DeviceName: root.DeviceName, Ebs: { VolumeSize: 1 } }],
          }),
        ),
        'InvalidBlockDeviceMapping',
      );
    });

    it("checks new volumes against their type's size range and Iops rules", async () => {
      const image = await al2023(client);
      const run = (Ebs: Record<string, unknown>) =>
        client.send(
          new RunInstancesCommand({
            ImageId: image.ImageId,
            InstanceType: 't3.micro',
            MinCount: 1,
            MaxCount: 1,
            BlockDeviceMappings: [{ DeviceName: '/dev/sdh', Ebs }],
          }),
        );
      await expectEc2Error(run({ VolumeSize: 124, VolumeType: 'st1' }), 'InvalidParameterValue');
      await expectEc2Error(run({ VolumeSize: 3, VolumeType: 'io2', Iops: 1000 }), 'InvalidParameterValue');
      await expectEc2Error(run({ VolumeSize: 10, VolumeType: 'gp2', Iops: 1000 }), 'InvalidParameterCombination');
      await expectEc2Error(run({ VolumeSize: 10, VolumeType: 'io1' }), 'InvalidParameterCombination');
      const big = await run({ VolumeSize: 20000, VolumeType: 'gp3' });
      const volumeId = big.Instances![0].BlockDeviceMappings!.find((m) => m.DeviceName === '/dev/sdh')!.Ebs!.VolumeId!;
      const volume = (await client.send(new DescribeVolumesCommand({ VolumeIds: [volumeId] }))).Volumes![0];
      assert.deepStrictEqual([volume.Size, volume.VolumeType], [20000, 'gp3']);
    });

    it('refuses images the caller cannot see, bad ids, mismatched architectures and bad counts', async () => {
      const partnerPrivate = (
        await ec2(sim, 'us-east-1', PARTNER_SIMULATOR_ACCOUNT).send(new DescribeImagesCommand({ Owners: ['self'] }))
      ).Images!.find((i) => !i.Public && i.Name === 'partner-internal-ci-runner')!;
      const run = (input: Record<string, unknown>) =>
        client.send(new RunInstancesCommand({ MinCount: 1, MaxCount: 1, InstanceType: 't3.micro', ...input }));
      await expectEc2Error(run({ ImageId: partnerPrivate.ImageId }), 'InvalidAMIID.NotFound');
      await expectEc2Error(run({ ImageId: 'ami-12' }), 'InvalidAMIID.Malformed');
      await expectEc2Error(run({}), 'MissingParameter');
      const arm = await al2023(client, 'arm64');
      const e = await expectEc2Error(run({ ImageId: arm.ImageId }), 'InvalidParameterValue');
      assert.match(
        e.message,
        /architecture 'x86_64' of the specified instance type does not match the architecture 'arm64'/,
      );
      const ok = await run({ ImageId: arm.ImageId, InstanceType: 't4g.micro' });
      assert.strictEqual(ok.Instances![0].Architecture, 'arm64');
      const x86 = await al2023(client);
      await expectEc2Error(run({ ImageId: x86.ImageId, MinCount: 3, MaxCount: 2 }), 'InvalidParameterValue');
      await expectEc2Error(run({ ImageId: x86.ImageId, MinCount: 21, MaxCount: 21 }), 'InstanceLimitExceeded');
      await expectEc2Error(run({ ImageId: x86.ImageId, InstanceType: 'banana' }), 'InvalidParameterValue');
      await expectEc2Error(
        run({ ImageId: x86.ImageId, TagSpecifications: [{ ResourceType: 'image', Tags: [{ Key: 'a', Value: 'b' }] }] }),
        'InvalidParameterValue',
      );
    });

    it('checks the request under DryRun and launches nothing', async () => {
      const before = (await instances(client)).length;
      const image = await al2023(client);
      await expectEc2Error(
        client.send(
          new RunInstancesCommand({
            ImageId: image.ImageId,
            MinCount: 1,
            MaxCount: 1,
            InstanceType: 't3.micro',
            DryRun: true,
          }),
        ),
        'DryRunOperation',
        412,
      );
      await expectEc2Error(
        client.send(
          new RunInstancesCommand({ ImageId: 'ami-0123456789abcdef0', MinCount: 1, MaxCount: 1, DryRun: true }),
        ),
        'InvalidAMIID.NotFound',
      );
      assert.strictEqual((await instances(client)).length, before);
    });
  });

  describe('state changes', () => {
    it('stops a running instance through stopping → stopped, and starts it through pending → running', async () => {
      const web = await byName(client, 'web-server-1');
      const stop = await client.send(new StopInstancesCommand({ InstanceIds: [web.InstanceId!] }));
      assert.deepStrictEqual(stop.StoppingInstances, [
        {
          InstanceId: web.InstanceId,
          CurrentState: { Code: 64, Name: 'stopping' },
          PreviousState: { Code: 16, Name: 'running' },
        },
      ]);
      assert.strictEqual((await byName(client, 'web-server-1')).State?.Name, 'stopping');
      // Starting a stopping instance is refused.
      await expectEc2Error(
        client.send(new StartInstancesCommand({ InstanceIds: [web.InstanceId!] })),
        'IncorrectInstanceState',
      );
      clock.advance(STEP);
      const stopped = await byName(client, 'web-server-1');
      assert.strictEqual(stopped.State?.Name, 'stopped');
      assert.match(stopped.StateTransitionReason!, /^User initiated \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d GMT\)$/);
      // Stopping again is harmless.
      const again = await client.send(new StopInstancesCommand({ InstanceIds: [web.InstanceId!] }));
      assert.strictEqual(again.StoppingInstances![0].CurrentState?.Name, 'stopped');
      const start = await client.send(new StartInstancesCommand({ InstanceIds: [web.InstanceId!] }));
      assert.deepStrictEqual(start.StartingInstances![0].CurrentState, { Code: 0, Name: 'pending' });
      assert.deepStrictEqual(start.StartingInstances![0].PreviousState, { Code: 80, Name: 'stopped' });
      clock.advance(STEP);
      const running = await byName(client, 'web-server-1');
      assert.strictEqual(running.State?.Name, 'running');
      assert.ok(running.PublicIpAddress);
    });

    it('stops at once with Force', async () => {
      const web = await byName(client, 'web-server-1');
      await client.send(new StopInstancesCommand({ InstanceIds: [web.InstanceId!], Force: true }));
      assert.strictEqual((await byName(client, 'web-server-1')).State?.Name, 'stopped');
    });

    it('refuses to stop an instance-store-backed instance, with EC2 message', async () => {
      const worker = await byName(client, 'batch-worker-1');
      const e = await expectEc2Error(
        client.send(new StopInstancesCommand({ InstanceIds: [worker.InstanceId!] })),
        'UnsupportedOperation',
        400,
      );
      assert.strictEqual(
        e.message,
        `The instance '${worker.InstanceId}' does not have an 'ebs' root device type and cannot be stopped.`,
      );
      // All or nothing: the EBS-backed instance in the same request is not stopped.
      const web = await byName(client, 'web-server-1');
      await expectEc2Error(
        client.send(new StopInstancesCommand({ InstanceIds: [web.InstanceId!, worker.InstanceId!] })),
        'UnsupportedOperation',
      );
      assert.strictEqual((await byName(client, 'web-server-1')).State?.Name, 'running');
    });

    it('reboots running instances only', async () => {
      const web = await byName(client, 'web-server-1');
      const out = await client.send(new RebootInstancesCommand({ InstanceIds: [web.InstanceId!] }));
      assert.strictEqual(out.$metadata.httpStatusCode, 200);
      const stopped = await byName(client, 'build-agent');
      await expectEc2Error(
        client.send(new RebootInstancesCommand({ InstanceIds: [stopped.InstanceId!] })),
        'IncorrectInstanceState',
      );
    });

    it('terminates: deletes delete-on-termination volumes, keeps the others, and forgets the instance after an hour', async () => {
      const agent = await byName(client, 'build-agent');
      const [root, data] = agent.BlockDeviceMappings!;
      assert.strictEqual(root.Ebs!.DeleteOnTermination, true);
      assert.strictEqual(data.Ebs!.DeleteOnTermination, false);
      const out = await client.send(new TerminateInstancesCommand({ InstanceIds: [agent.InstanceId!] }));
      assert.deepStrictEqual(out.TerminatingInstances![0].CurrentState, { Code: 32, Name: 'shutting-down' });
      assert.deepStrictEqual(out.TerminatingInstances![0].PreviousState, { Code: 80, Name: 'stopped' });
      const volumes = (await client.send(new DescribeVolumesCommand({}))).Volumes!;
      assert.ok(!volumes.some((v) => v.VolumeId === root.Ebs!.VolumeId));
      const kept = volumes.find((v) => v.VolumeId === data.Ebs!.VolumeId)!;
      assert.strictEqual(kept.State, 'available');
      assert.deepStrictEqual(kept.Attachments, []);
      clock.advance(STEP);
      assert.strictEqual((await byName(client, 'build-agent')).State?.Name, 'terminated');
      await expectEc2Error(
        client.send(new StartInstancesCommand({ InstanceIds: [agent.InstanceId!] })),
        'IncorrectInstanceState',
      );
      await expectEc2Error(
        client.send(new StopInstancesCommand({ InstanceIds: [agent.InstanceId!] })),
        'IncorrectInstanceState',
      );
      const again = await client.send(new TerminateInstancesCommand({ InstanceIds: [agent.InstanceId!] }));
      assert.strictEqual(again.TerminatingInstances![0].CurrentState?.Name, 'terminated');
      clock.advance(60 * 60 * 1000);
      assert.deepStrictEqual(await instances(client, [{ Name: 'tag:Name', Values: ['build-agent'] }]), []);
      await expectEc2Error(
        client.send(new DescribeInstancesCommand({ InstanceIds: [agent.InstanceId!] })),
        'InvalidInstanceID.NotFound',
      );
    });

    it("changes nothing under DryRun, and cannot touch another account's instance", async () => {
      const web = await byName(client, 'web-server-1');
      await expectEc2Error(
        client.send(new StopInstancesCommand({ InstanceIds: [web.InstanceId!], DryRun: true })),
        'DryRunOperation',
        412,
      );
      await expectEc2Error(
        client.send(new TerminateInstancesCommand({ InstanceIds: [web.InstanceId!], DryRun: true })),
        'DryRunOperation',
      );
      assert.strictEqual((await byName(client, 'web-server-1')).State?.Name, 'running');
      const partner = ec2(sim, 'us-east-1', PARTNER_SIMULATOR_ACCOUNT);
      await expectEc2Error(
        partner.send(new TerminateInstancesCommand({ InstanceIds: [web.InstanceId!] })),
        'InvalidInstanceID.NotFound',
      );
      await expectEc2Error(client.send(new StopInstancesCommand({ InstanceIds: [] })), 'MissingParameter');
    });
  });
});
