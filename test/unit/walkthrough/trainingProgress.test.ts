import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  CopyImageCommand,
  CreateImageCommand,
  DeleteSnapshotCommand,
  DeregisterImageCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeSnapshotsCommand,
  type EC2Client,
  ModifyImageAttributeCommand,
} from '@aws-sdk/client-ec2';
import { createAwsClients, SIMULATOR_ACCOUNT_CHOICES, type AwsClients } from '../../../src/aws/clientFactory';
import { TrainingProgress, WALKTHROUGH_KEYS, type WalkthroughKey } from '../../../src/walkthrough/trainingProgress';

const REGION = 'us-east-1';
const [DEFAULT, PARTNER] = SIMULATOR_ACCOUNT_CHOICES;

/** The walkthrough's conditions, fed by real EC2 calls to the simulator through the extension's client factory. */
describe('walkthrough progress from what the user really did', () => {
  let dir: string;
  let clients: AwsClients;
  let progress: TrainingProgress;
  let contextKeys: Map<string, boolean>;
  let caller: string;
  let ec2: EC2Client;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-explorer-walkthrough-'));
    contextKeys = new Map();
    caller = DEFAULT.accountId;
    progress = new TrainingProgress(
      (key, value) => contextKeys.set(key, value),
      () => caller,
    );
    clients = createAwsClients({ kind: 'simulator', stateFile: path.join(dir, 'state.json'), pendingDelayMs: 0 }, (c) =>
      progress.observe(c),
    );
    ec2 = await clients.ec2(REGION);
  });

  afterEach(() => {
    clients.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const done = (): string[] =>
    [...contextKeys]
      .filter(([, v]) => v)
      .map(([k]) => k)
      .sort();
  const keys = (...names: WalkthroughKey[]): string[] => names.map((n) => WALKTHROUGH_KEYS[n]).sort();

  async function owned(name: string) {
    const image = ((await ec2.send(new DescribeImagesCommand({ Owners: ['self'] }))).Images ?? []).find(
      (i) => i.Name === name,
    );
    assert.ok(image?.ImageId, `the seed has ${name}`);
    return image;
  }

  async function runningInstance(): Promise<string> {
    const out = await ec2.send(
      new DescribeInstancesCommand({
        Filters: [
          { Name: 'instance-state-name', Values: ['running'] },
          { Name: 'root-device-type', Values: ['ebs'] },
        ],
      }),
    );
    return out.Reservations!.flatMap((r) => r.Instances ?? [])[0].InstanceId!;
  }

  it('ticks off browsing for a root-device folder expanded, and the root-device lesson only for instance-store images', () => {
    progress.expanded('us-east-1/images/amazon');
    progress.expanded('us-east-1/instances');
    progress.selected(['us-east-1/images/amazon', 'us-east-1/instances/i-0123456789abcdef0']);
    assert.deepStrictEqual(done(), []);
    progress.expanded('us-east-1/images/amazon/ebs');
    assert.deepStrictEqual(done(), keys('browsed'));
    progress.selected(['us-east-1/images/amazon/ebs/ami-0123456789abcdef0']);
    assert.deepStrictEqual(done(), keys('browsed'));
    progress.selected(['eu-west-1/images/public/instance-store/ami-0123456789abcdef0']);
    assert.deepStrictEqual(done(), keys('browsed', 'comparedRootDevices'));
  });

  it('counts selecting an image as browsing (its folders may have been expanded in an earlier session)', () => {
    progress.selected(['us-east-1/images/self/ebs/ami-0123456789abcdef0']);
    assert.deepStrictEqual(done(), keys('browsed'));
  });

  it('needs an image with and one without reboot', async () => {
    const instanceId = await runningInstance();
    await ec2.send(new CreateImageCommand({ InstanceId: instanceId, Name: 'no-reboot', NoReboot: true }));
    assert.deepStrictEqual(done(), keys('createdNoReboot'));
    await ec2.send(new CreateImageCommand({ InstanceId: instanceId, Name: 'with-reboot' }));
    assert.deepStrictEqual(done(), keys('createdNoReboot', 'createdWithReboot'));
  });

  it('counts a copy only when it lands in another region', async () => {
    const source = await owned('ci-build-agent-2026.10');
    await ec2.send(
      new CopyImageCommand({ SourceRegion: REGION, SourceImageId: source.ImageId, Name: 'same-region-copy' }),
    );
    assert.deepStrictEqual(done(), []);
    const eu = await clients.ec2('eu-west-1');
    await eu.send(new CopyImageCommand({ SourceRegion: REGION, SourceImageId: source.ImageId, Name: 'eu copy' }));
    assert.deepStrictEqual(done(), keys('copiedToOtherRegion'));
  });

  it('finds a shared image only when the user shared it and the other account listed it under Shared with me', async () => {
    // The seed already shares ci-build-agent with the partner: seeing it proves nothing the user did.
    clients.simulator!.switchAccount(PARTNER.accountId);
    caller = PARTNER.accountId;
    const partner = await clients.ec2(REGION);
    await partner.send(new DescribeImagesCommand({ ExecutableUsers: ['self'] }));
    assert.deepStrictEqual(done(), []);

    clients.simulator!.switchAccount(DEFAULT.accountId);
    caller = DEFAULT.accountId;
    const mine = await clients.ec2(REGION);
    const image = ((await mine.send(new DescribeImagesCommand({ Owners: ['self'] }))).Images ?? []).find(
      (i) => i.Name === 'windows-2022-iis-golden',
    )!;
    await mine.send(
      new ModifyImageAttributeCommand({
        ImageId: image.ImageId,
        LaunchPermission: { Add: [{ UserId: PARTNER.accountId }] },
      }),
    );
    await mine.send(new DescribeImagesCommand({ ExecutableUsers: ['self'] }));
    assert.deepStrictEqual(done(), [], 'the owner listing its own images is not the other account finding it');

    clients.simulator!.switchAccount(PARTNER.accountId);
    caller = PARTNER.accountId;
    await (await clients.ec2(REGION)).send(new DescribeImagesCommand({ ExecutableUsers: ['self'] }));
    assert.deepStrictEqual(done(), keys('foundSharedImage'));
  });

  it('sees EC2 refuse to make an encrypted image public, and the panel refusing it first', async () => {
    const encrypted = await owned('payments-api-encrypted-v3');
    await assert.rejects(
      ec2.send(
        new ModifyImageAttributeCommand({ ImageId: encrypted.ImageId, LaunchPermission: { Add: [{ Group: 'all' }] } }),
      ),
    );
    assert.deepStrictEqual(done(), keys('publicRefused'));

    const other = new Map<string, boolean>();
    new TrainingProgress(
      (k, v) => other.set(k, v),
      () => caller,
    ).publicSharingRefused();
    assert.deepStrictEqual([...other.keys()], [WALKTHROUGH_KEYS.publicRefused]);
  });

  it('finds the snapshots a deregistration left behind, then their deletion', async () => {
    const image = await owned('legacy-app-2024.08');
    const snapshots = image.BlockDeviceMappings!.flatMap((b) => (b.Ebs?.SnapshotId ? [b.Ebs.SnapshotId] : []));
    assert.ok(snapshots.length > 0);
    // Listing snapshots before any deregistration finds nothing left behind.
    await ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'] }));
    assert.deepStrictEqual(done(), []);

    await ec2.send(new DeregisterImageCommand({ ImageId: image.ImageId }));
    assert.deepStrictEqual(done(), []);
    await ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'] }));
    assert.deepStrictEqual(done(), keys('foundLeftoverSnapshots'));
    for (const id of snapshots) await ec2.send(new DeleteSnapshotCommand({ SnapshotId: id }));
    assert.deepStrictEqual(done(), keys('foundLeftoverSnapshots', 'deletedLeftoverSnapshots'));
  });

  it('does not count snapshots deleted together with the image', async () => {
    const image = await owned('legacy-app-2024.08');
    await ec2.send(new DeregisterImageCommand({ ImageId: image.ImageId, DeleteAssociatedSnapshots: true }));
    await ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'] }));
    assert.deepStrictEqual(done(), []);
  });

  it('forgets everything on reset and clears the context keys it had set', async () => {
    await ec2.send(
      new CreateImageCommand({ InstanceId: await runningInstance(), Name: 'before-reset', NoReboot: true }),
    );
    progress.reset();
    assert.deepStrictEqual(progress.completed(), []);
    assert.strictEqual(contextKeys.get(WALKTHROUGH_KEYS.createdNoReboot), false);
  });

  it('names in package.json exactly the context keys it sets', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.json'), 'utf8'));
    const steps = pkg.contributes.walkthroughs[0].steps as {
      id: string;
      completionEvents: string[];
      media: { markdown: string };
    }[];
    const used = new Set(
      steps.flatMap((s) =>
        s.completionEvents.flatMap((e) => (e.startsWith('onContext:') ? e.slice(10).split(/\s*&&\s*/) : [])),
      ),
    );
    assert.deepStrictEqual([...used].sort(), Object.values(WALKTHROUGH_KEYS).sort());
    for (const step of steps) {
      assert.ok(
        fs.existsSync(path.join(__dirname, '../../..', step.media.markdown)),
        `${step.id}: ${step.media.markdown} exists`,
      );
    }
  });
});
