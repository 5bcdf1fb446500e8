import * as assert from 'assert';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import { ListRulesCommand } from '@aws-sdk/client-rbin';
import { GetParameterCommand } from '@aws-sdk/client-ssm';
import {
  CreateImageCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  EC2Client,
  ModifyImageAttributeCommand,
} from '@aws-sdk/client-ec2';
import {
  createAwsClients,
  SIMULATOR_ACCOUNT_CHOICES,
  type AwsClients,
  type Ec2CallRecord,
} from '../../../src/aws/clientFactory';

const REGION = 'us-east-1';
const [DEFAULT, PARTNER] = SIMULATOR_ACCOUNT_CHOICES;

async function runningEbsInstance(ec2: EC2Client): Promise<string> {
  const out = await ec2.send(
    new DescribeInstancesCommand({
      Filters: [
        { Name: 'instance-state-name', Values: ['running'] },
        { Name: 'root-device-type', Values: ['ebs'] },
      ],
    }),
  );
  const id = out.Reservations?.flatMap((r) => r.Instances ?? [])[0]?.InstanceId;
  assert.ok(id, 'the seed has a running EBS-backed instance');
  return id;
}

async function imageState(ec2: EC2Client, imageId: string): Promise<string | undefined> {
  return (await ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] }))).Images?.[0]?.State;
}

async function instanceState(ec2: EC2Client, instanceId: string): Promise<string | undefined> {
  const out = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }));
  return out.Reservations?.[0]?.Instances?.[0]?.State?.Name;
}

/** The simulator's client set as the extension uses it: accounts, settling, the HTTP endpoint, call observation. */
describe('simulator clients (training mode)', () => {
  let dir: string;
  let clients: AwsClients;
  let calls: Ec2CallRecord[];

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-explorer-training-'));
    calls = [];
    // A realistic delay on the system clock: nothing settles during the test unless told to.
    clients = createAwsClients(
      { kind: 'simulator', stateFile: path.join(dir, 'state.json'), pendingDelayMs: 600_000 },
      (c) => calls.push(c),
    );
  });

  afterEach(() => {
    clients.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reaches Auto Scaling, SSM and the Recycle Bin of the same simulator, as the same account', async () => {
    const ssm = await clients.service('ssm', 'us-east-1');
    const parameter = await ssm.send(
      new GetParameterCommand({ Name: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64' }),
    );
    const imageId = parameter.Parameter?.Value ?? '';
    const ec2 = await clients.ec2('us-east-1');
    assert.strictEqual((await ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] }))).Images?.length, 1);
    const groups = await (
      await clients.service('autoScaling', 'us-east-1')
    ).send(new DescribeAutoScalingGroupsCommand({}));
    assert.ok((groups.AutoScalingGroups ?? []).length > 0, "the default account's seeded groups");
    const rules = await (
      await clients.service('rbin', 'us-east-1')
    ).send(new ListRulesCommand({ ResourceType: 'EC2_IMAGE' }));
    assert.ok(Array.isArray(rules.Rules));
  });

  it('switches the caller between the default and the partner account on the same simulator', async () => {
    assert.strictEqual((await clients.identity()).account, DEFAULT.accountId);
    const ec2 = await clients.ec2(REGION);
    const mine = (await ec2.send(new DescribeImagesCommand({ Owners: ['self'] }))).Images ?? [];
    const target = mine.find((i) => i.Name === 'windows-2022-iis-golden');
    assert.ok(target?.ImageId);
    await ec2.send(
      new ModifyImageAttributeCommand({
        ImageId: target.ImageId,
        LaunchPermission: { Add: [{ UserId: PARTNER.accountId }] },
      }),
    );

    clients.simulator!.switchAccount(PARTNER.accountId);
    assert.strictEqual((await clients.identity()).account, PARTNER.accountId);
    const partner = await clients.ec2(REGION);
    const shared = (await partner.send(new DescribeImagesCommand({ ExecutableUsers: ['self'] }))).Images ?? [];
    assert.ok(
      shared.some((i) => i.ImageId === target.ImageId),
      'the partner sees the image the default account just shared',
    );
    assert.deepStrictEqual(
      (await partner.send(new DescribeImagesCommand({ Owners: ['self'] }))).Images?.map((i) => i.ImageId).includes(
        target.ImageId,
      ),
      false,
    );

    clients.simulator!.switchAccount(DEFAULT.accountId);
    assert.strictEqual((await clients.identity()).account, DEFAULT.accountId);
  });

  it('settles pending images and instance transitions at once, and says how many were moving', async () => {
    const ec2 = await clients.ec2(REGION);
    const instanceId = await runningEbsInstance(ec2);
    const { ImageId } = await ec2.send(new CreateImageCommand({ InstanceId: instanceId, Name: 'settle-me' }));
    assert.ok(ImageId);
    assert.strictEqual(await imageState(ec2, ImageId), 'pending');
    assert.strictEqual(
      await instanceState(ec2, instanceId),
      'stopping',
      'without NoReboot the instance goes down for the snapshot',
    );

    assert.strictEqual(await clients.simulator!.settleNow(), 2);
    assert.strictEqual(await imageState(ec2, ImageId), 'available');
    assert.strictEqual(await instanceState(ec2, instanceId), 'running', 'the reboot finished');
    assert.strictEqual(await clients.simulator!.settleNow(), 0);
  });

  it('serves the same simulator over HTTP on 127.0.0.1 only, and stops it', async () => {
    const inProcess = await clients.ec2(REGION);
    const instanceId = await runningEbsInstance(inProcess);
    const { ImageId } = await inProcess.send(
      new CreateImageCommand({ InstanceId: instanceId, Name: 'seen-over-http', NoReboot: true }),
    );

    const endpoint = await clients.simulator!.startEndpoint(0);
    assert.match(endpoint.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.strictEqual(endpoint.callerAccessKeyId, DEFAULT.accessKeyId);
    assert.deepStrictEqual(
      await clients.simulator!.startEndpoint(0),
      endpoint,
      'starting again returns the running endpoint',
    );
    assert.deepStrictEqual(clients.simulator!.runningEndpoint(), endpoint);

    const overHttp = new EC2Client({
      region: REGION,
      endpoint: endpoint.url,
      credentials: { accessKeyId: DEFAULT.accessKeyId, secretAccessKey: 'anything' },
      maxAttempts: 1,
    });
    try {
      const images = (await overHttp.send(new DescribeImagesCommand({ Owners: ['self'] }))).Images ?? [];
      const image = images.find((i) => i.ImageId === ImageId);
      assert.strictEqual(image?.Name, 'seen-over-http', 'an image made in process is there over HTTP');
      assert.strictEqual(image?.State, 'pending');
      await clients.simulator!.settleNow();
      assert.strictEqual(await imageState(overHttp, ImageId!), 'available', 'settling in process is seen over HTTP');

      const external = Object.values(os.networkInterfaces())
        .flat()
        .find((a) => a && a.family === 'IPv4' && !a.internal);
      if (external) {
        await assert.rejects(
          connect(external.address, endpoint.port),
          'the endpoint does not listen on other interfaces',
        );
      }

      assert.strictEqual(await clients.simulator!.stopEndpoint(), true);
      assert.strictEqual(clients.simulator!.runningEndpoint(), undefined);
      await assert.rejects(connect('127.0.0.1', endpoint.port), 'stopped');
      assert.strictEqual(await clients.simulator!.stopEndpoint(), false);
    } finally {
      overHttp.destroy();
    }
  });

  it('stops the endpoint when the clients are disposed (backend changed, extension deactivated)', async () => {
    const endpoint = await clients.simulator!.startEndpoint(0);
    await connect('127.0.0.1', endpoint.port);
    clients.dispose();
    await waitUntil(
      async () =>
        !(await connect('127.0.0.1', endpoint.port).then(
          () => true,
          () => false,
        )),
    );
  });

  it('reports every EC2 call after it answered, with its input and output or error, never the credentials', async () => {
    const ec2 = await clients.ec2(REGION);
    await ec2.send(new DescribeImagesCommand({ Owners: ['self'] }));
    await assert.rejects(ec2.send(new DescribeImagesCommand({ ImageIds: ['ami-00000000000000000'] })));
    assert.deepStrictEqual(
      calls.map((c) => [c.region, c.command, c.error === undefined]),
      [
        [REGION, 'DescribeImagesCommand', true],
        [REGION, 'DescribeImagesCommand', false],
      ],
    );
    assert.ok(((calls[0].output as { Images?: unknown[] }).Images ?? []).length > 0);
    assert.doesNotMatch(JSON.stringify(calls.map((c) => [c.input, c.output])), /AKIA|secret/i);
  });
});

function connect(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve();
    });
    socket.once('timeout', () => {
      socket.destroy();
      reject(new Error('timeout'));
    });
    socket.once('error', reject);
  });
}

async function waitUntil(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.fail('timed out');
}
