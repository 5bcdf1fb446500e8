import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CallLimiter, CallLimiters } from '../../../src/aws/callLimiter';
import { createAwsClients } from '../../../src/aws/clientFactory';
import { ExplorerModel } from '../../../src/explorer/explorerModel';
import { nodeIds } from '../../../src/explorer/ids';

/** A call that finishes when the test says so. */
function deferred(): { promise: Promise<string>; finish: (v: string) => void; fail: (e: Error) => void } {
  let finish!: (v: string) => void;
  let fail!: (e: Error) => void;
  const promise = new Promise<string>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  return { promise, finish, fail };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('call limiter (EC2 calls in flight per account)', () => {
  it('runs at most `max` calls at once and starts the queued ones as slots free', async () => {
    const limiter = new CallLimiter(3);
    const calls = Array.from({ length: 8 }, () => deferred());
    let started = 0;
    const results = calls.map((c) =>
      limiter.run(() => {
        started++;
        return c.promise;
      }),
    );
    const settled = Promise.allSettled(results);
    await tick();
    assert.strictEqual(started, 3);
    assert.strictEqual(limiter.inFlight, 3);
    assert.strictEqual(limiter.queued, 5);
    calls[0].finish('a');
    calls[1].fail(new Error('throttled'));
    await tick();
    assert.strictEqual(started, 5);
    for (const c of calls.slice(2)) c.finish('x');
    const outcome = await settled;
    assert.strictEqual(outcome[0].status, 'fulfilled');
    assert.strictEqual(outcome[1].status, 'rejected');
    assert.strictEqual(started, 8);
    assert.strictEqual(limiter.peak, 3);
    assert.strictEqual(limiter.inFlight, 0);
  });

  it('drops a queued call whose signal aborts: it never starts and rejects with AbortError', async () => {
    const limiter = new CallLimiter(1);
    const first = deferred();
    const running = limiter.run(() => first.promise);
    const controller = new AbortController();
    let started = false;
    const queued = limiter.run(() => {
      started = true;
      return Promise.resolve('late');
    }, controller.signal);
    controller.abort();
    await assert.rejects(queued, { name: 'AbortError' });
    assert.strictEqual(limiter.queued, 0);
    first.finish('done');
    assert.strictEqual(await running, 'done');
    await tick();
    assert.strictEqual(started, false);
  });

  it('abandons a running call at once but keeps its slot until EC2 answers', async () => {
    const limiter = new CallLimiter(1);
    const slow = deferred();
    const controller = new AbortController();
    const abandoned = limiter.run(() => slow.promise, controller.signal);
    controller.abort();
    await assert.rejects(abandoned, { name: 'AbortError' });
    assert.strictEqual(limiter.inFlight, 1, 'the request is still out there');
    slow.finish('ignored');
    await tick();
    assert.strictEqual(limiter.inFlight, 0);
  });

  it('counts per account key, not per region or connection', () => {
    const limiters = new CallLimiters(10);
    assert.strictEqual(limiters.forKey('simulator|123456789012'), limiters.forKey('simulator|123456789012'));
    assert.notStrictEqual(limiters.forKey('simulator|123456789012'), limiters.forKey('simulator|210987654321'));
  });

  describe('through the SDK on the simulator', () => {
    let dir: string;
    beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-explorer-limiter-'))));
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('keeps 16 loads of one account (two regions, every group) within 10 calls in flight', async () => {
      const limiter = new CallLimiter(10);
      const clients = createAwsClients(
        { kind: 'simulator', stateFile: path.join(dir, 'state.json'), pendingDelayMs: 0 },
        undefined,
        limiter,
      );
      const model = new ExplorerModel({ clients: () => clients, pageSize: () => 5, now: () => Date.now() });
      const loads = [];
      for (const region of ['us-east-1', 'eu-west-1']) {
        for (const group of ['self', 'amazon', 'public', 'marketplace'] as const) {
          for (const rootType of ['ebs', 'instance-store'] as const)
            loads.push(model.imageGroup(region, group, rootType));
        }
      }
      await Promise.all(loads);
      assert.ok(limiter.peak <= 10, `peak ${limiter.peak}`);
      assert.ok(limiter.peak >= 2, 'the calls did overlap');
      clients.dispose();
    });

    it('collapsing a folder abandons its loads: queued calls are dropped and it loads again next time', async () => {
      const limiter = new CallLimiter(1);
      const clients = createAwsClients(
        { kind: 'simulator', stateFile: path.join(dir, 'state.json'), pendingDelayMs: 0 },
        undefined,
        limiter,
      );
      const model = new ExplorerModel({ clients: () => clients, pageSize: () => 5, now: () => Date.now() });
      await model.accountId();
      // Holds the only slot, so the folder's loads queue behind it.
      const blocker = deferred();
      const held = limiter.run(() => blocker.promise);
      const loading = model.ownerGroup('eu-west-1', 'amazon');
      await tick();
      await tick();
      assert.ok(limiter.queued >= 1, 'the loads wait for a slot');
      assert.strictEqual(model.abandon(nodeIds.imagesFolder('eu-west-1')), true);
      assert.strictEqual(limiter.queued, 0, 'the queued calls were dropped');
      await assert.rejects(loading, { name: 'AbortError' });
      assert.strictEqual(model.peekGroup('eu-west-1', 'amazon', 'ebs'), undefined, 'nothing cached from it');
      assert.strictEqual(model.abandon(nodeIds.imagesFolder('eu-west-1')), false, 'nothing left to abandon');
      blocker.finish('done');
      await held;
      const again = await model.ownerGroup('eu-west-1', 'amazon');
      assert.ok(again[0].images.length > 0, 'expanding again loads it');
      // Another folder's loads are not touched.
      assert.strictEqual(model.abandon(nodeIds.imagesFolder('us-east-1')), false);
      clients.dispose();
    });
  });
});
