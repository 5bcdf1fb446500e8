import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createImage } from '../../../src/ec2/images';
import { createAwsClients, type AwsClients } from '../../../src/aws/clientFactory';
import { ExplorerModel, type Watch } from '../../../src/explorer/explorerModel';
import { nodeIds } from '../../../src/explorer/ids';
import { MAX_FAILURES, Poller, type Scheduler } from '../../../src/explorer/poller';

/** A scheduler whose timers run only when the test says so. */
class FakeScheduler implements Scheduler {
  timers: { callback: () => void; ms: number }[] = [];
  setTimeout(callback: () => void, ms: number) {
    const timer = { callback, ms };
    this.timers.push(timer);
    return timer;
  }
  clearTimeout(handle: unknown) {
    this.timers = this.timers.filter((t) => t !== handle);
  }
}

describe('explorer model and poller on the simulator', () => {
  let dir: string;
  let clients: AwsClients;
  let model: ExplorerModel;
  let changed: string[];
  let watched: Watch[];

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-explorer-model-'));
    clients = createAwsClients({
      kind: 'simulator',
      stateFile: path.join(dir, 'state.json'),
      pendingDelayMs: 60_000,
      manualClock: true,
    });
    model = new ExplorerModel({ clients: () => clients, pageSize: () => 5, now: () => Date.now() });
    changed = [];
    watched = [];
    model.onDidChange.on((ids) => changed.push(...ids));
    model.onUnsettled.on((w) => watched.push(w));
  });

  afterEach(() => {
    clients.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('loads a group once, then serves it from the cache until invalidated', async () => {
    const first = await model.imageGroup('us-east-1', 'amazon', 'ebs');
    assert.strictEqual(await model.imageGroup('us-east-1', 'amazon', 'ebs'), first);
    assert.ok(changed.includes(nodeIds.ownerGroup('us-east-1', 'amazon')), 'the owner row learns its count');
    model.invalidate(nodeIds.ownerGroup('us-east-1', 'amazon'));
    assert.strictEqual(model.peekGroup('us-east-1', 'amazon', 'ebs'), undefined);
  });

  it('appends the next page on load more and tells the group row', async () => {
    const first = await model.imageGroup('us-east-1', 'amazon', 'ebs');
    assert.ok(first.nextToken);
    changed = [];
    await model.loadMore('us-east-1', 'amazon', 'ebs');
    const after = model.peekGroup('us-east-1', 'amazon', 'ebs')!;
    assert.strictEqual(after.images.length, 10);
    assert.deepStrictEqual(after.images.slice(0, 5), first.images);
    assert.ok(changed.includes(nodeIds.rootType('us-east-1', 'amazon', 'ebs')));
  });

  it('follows a new image from pending to available and refreshes only its row', async () => {
    const { instances } = await model.instances('us-east-1');
    const source = instances.find((i) => i.State?.Name === 'running' && i.RootDeviceType === 'ebs')!;
    const imageId = await createImage(await clients.ec2('us-east-1'), {
      InstanceId: source.InstanceId!,
      Name: 'model-test image',
      NoReboot: true,
    });
    await model.imageCreated('us-east-1', imageId);
    assert.deepStrictEqual(watched.at(-1), { region: 'us-east-1', kind: 'image', id: imageId });

    // With pages of 5 it would sort beyond the first page: it is listed anyway.
    const mine = model.peekGroup('us-east-1', 'self', 'ebs')!;
    const pendingRow = mine.images.find((i) => i.ImageId === imageId);
    assert.strictEqual(pendingRow?.State, 'pending');

    const scheduler = new FakeScheduler();
    const poller = new Poller(model, 2000, scheduler, (e) => assert.fail(String(e)));
    poller.watch({ region: 'us-east-1', kind: 'image', id: imageId });
    assert.strictEqual(scheduler.timers.length, 1, 'a poll is scheduled');
    assert.strictEqual(scheduler.timers[0].ms, 2000);

    await poller.tick();
    assert.strictEqual(poller.size, 1, 'still pending before the delay');

    await clients.advanceSimulatorClock!(61_000);
    changed = [];
    await poller.tick();
    assert.strictEqual(poller.size, 0, 'settled');
    assert.strictEqual(model.currentImage('us-east-1', 'self', 'ebs', imageId)?.State, 'available');
    assert.deepStrictEqual(changed, [nodeIds.image('us-east-1', 'self', 'ebs', imageId)], 'only the image row changes');
    assert.strictEqual(scheduler.timers.length, 0, 'no more polling once nothing moves');
    poller.dispose();
  });

  it('reports instances in transition and updates their row when they settle', async () => {
    await model.instances('us-east-1');
    const { instances } = model.peekInstances('us-east-1')!;
    const running = instances.find((i) => i.State?.Name === 'running' && i.RootDeviceType === 'ebs')!;
    const { changeInstanceState } = await import('../../../src/ec2/instances');
    await changeInstanceState(await clients.ec2('us-east-1'), 'stop', running.InstanceId!);
    const moving = await model.pollInstances('us-east-1', [running.InstanceId!]);
    assert.deepStrictEqual(moving, [running.InstanceId]);
    assert.strictEqual(model.currentInstance('us-east-1', running.InstanceId!)?.State?.Name, 'stopping');
    await clients.advanceSimulatorClock!(60_000);
    changed = [];
    assert.deepStrictEqual(await model.pollInstances('us-east-1', [running.InstanceId!]), []);
    assert.strictEqual(model.currentInstance('us-east-1', running.InstanceId!)?.State?.Name, 'stopped');
    assert.deepStrictEqual(changed, [nodeIds.instance('us-east-1', running.InstanceId!)]);
  });

  it('follows an instance rebooted by CreateImage through stopped until it runs again', async () => {
    const { instances } = await model.instances('us-east-1');
    const running = instances.find((i) => i.State?.Name === 'running' && i.RootDeviceType === 'ebs')!;
    const ec2 = await clients.ec2('us-east-1');
    await createImage(ec2, { InstanceId: running.InstanceId!, Name: 'reboot-follow test', NoReboot: false });
    model.watchInstance('us-east-1', running.InstanceId!, 'running');
    const seen: string[] = [];
    for (let step = 0; step < 10; step++) {
      const moving = await model.pollInstances('us-east-1', [running.InstanceId!]);
      seen.push(model.currentInstance('us-east-1', running.InstanceId!)!.State!.Name!);
      if (moving.length === 0) break;
      await clients.advanceSimulatorClock!(3_000);
    }
    assert.ok(seen.includes('stopped'), `went through stopped: ${seen.join(' → ')}`);
    assert.strictEqual(seen.at(-1), 'running', `ends running: ${seen.join(' → ')}`);
  });

  it('marks instances whose AMI is no longer available', async () => {
    const view = await model.instances('us-east-1');
    const statuses = [...view.amiStatus.values()];
    assert.ok(statuses.length > 0);
    for (const s of statuses) {
      assert.ok(['available', 'pending', 'failed', 'deprecated', 'disabled', 'deregistered'].includes(s), s);
    }
  });

  it('keeps a failing poll watched and retries on the next tick', async () => {
    const errors: unknown[] = [];
    const failing = { pollImages: async () => Promise.reject(new Error('throttled')), pollInstances: async () => [] };
    const scheduler = new FakeScheduler();
    const poller = new Poller(failing, 1000, scheduler, (e) => errors.push(e));
    poller.watch({ region: 'us-east-1', kind: 'image', id: 'ami-0123456789abcdef0' });
    await poller.tick();
    assert.strictEqual(errors.length, 1);
    assert.strictEqual(poller.size, 1);
    assert.strictEqual(scheduler.timers.length, 1, 'retried later');
    for (let i = 1; i < MAX_FAILURES; i++) await poller.tick();
    assert.strictEqual(poller.size, 0, `gives up after ${MAX_FAILURES} failures in a row`);
    assert.strictEqual(scheduler.timers.length, 0);
    poller.dispose();
  });
});
