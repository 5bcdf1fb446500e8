import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  CreateImageCommand,
  CreateTagsCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
} from '@aws-sdk/client-ec2';
import { ManualClock } from '../../../src/simulator/clock';
import type { SimState } from '../../../src/simulator/models/types';
import { loadState, saveState } from '../../../src/simulator/store';
import { ec2, newSimulator } from './helpers';

/** A small but valid state, enough for the store (which does not look inside regions). */
function tinyState(idCounter = 7): SimState {
  return { version: 1, seed: { publicImagesInLargeRegion: 0, largeRegion: 'us-east-1' }, idCounter, regions: {} };
}

describe('simulator state file', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-sim-store-'));
    file = path.join(dir, 'state.json');
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('saveState', () => {
    it('writes the state and leaves no temporary file', () => {
      saveState(file, tinyState(42));
      assert.deepStrictEqual(fs.readdirSync(dir), ['state.json']);
      const loaded = loadState(file);
      assert.strictEqual(loaded.kind, 'loaded');
      assert.strictEqual(loaded.kind === 'loaded' && loaded.state.idCounter, 42);
    });

    it('creates the folder it writes into', () => {
      const nested = path.join(dir, 'a', 'b', 'state.json');
      saveState(nested, tinyState());
      assert.strictEqual(loadState(nested).kind, 'loaded');
    });

    it('keeps the previous file intact when the state cannot be serialised', () => {
      saveState(file, tinyState(1));
      const before = fs.readFileSync(file, 'utf8');
      const broken = tinyState(2) as SimState & { self?: unknown };
      broken.self = broken; // JSON.stringify throws on a cycle
      assert.throws(() => saveState(file, broken), /circular/i);
      assert.strictEqual(fs.readFileSync(file, 'utf8'), before);
      assert.deepStrictEqual(fs.readdirSync(dir), ['state.json'], 'no temporary file left behind');
    });

    it('leaves no temporary file when the final rename fails', () => {
      // A non-empty folder where the file should be: the write succeeds, the rename cannot.
      fs.mkdirSync(file);
      fs.writeFileSync(path.join(file, 'keep'), 'x');
      assert.throws(() => saveState(file, tinyState()));
      assert.deepStrictEqual(fs.readdirSync(dir), ['state.json']);
      assert.strictEqual(fs.readFileSync(path.join(file, 'keep'), 'utf8'), 'x');
    });
  });

  describe('loadState', () => {
    it('reports a missing file as missing', () => {
      assert.deepStrictEqual(loadState(file), { kind: 'missing' });
    });

    it('moves a file that is not JSON aside, keeping its content', () => {
      fs.writeFileSync(file, '{"version":1,"regions":');
      const result = loadState(file, Date.UTC(2026, 0, 2, 3, 4, 5));
      assert.strictEqual(result.kind, 'corrupt');
      if (result.kind !== 'corrupt') return;
      assert.match(result.reason, /JSON/);
      assert.strictEqual(path.dirname(result.movedTo), dir);
      assert.match(path.basename(result.movedTo), /^state\.json\.corrupt-2026-01-02T03-04-05-000Z/);
      assert.strictEqual(fs.readFileSync(result.movedTo, 'utf8'), '{"version":1,"regions":');
      assert.ok(!fs.existsSync(file));
    });

    it('moves aside valid JSON that is not a state of this version', () => {
      fs.writeFileSync(file, JSON.stringify({ version: 99, regions: {} }));
      const result = loadState(file);
      assert.strictEqual(result.kind, 'corrupt');
      assert.match(result.kind === 'corrupt' ? result.reason : '', /version 1/);
    });

    it('never moves a corrupt file over an earlier corrupt copy', () => {
      const now = Date.UTC(2026, 0, 1);
      fs.writeFileSync(file, 'first');
      const first = loadState(file, now);
      fs.writeFileSync(file, 'second');
      const second = loadState(file, now);
      assert.ok(first.kind === 'corrupt' && second.kind === 'corrupt');
      assert.notStrictEqual(first.movedTo, second.movedTo);
      assert.strictEqual(fs.readFileSync(first.movedTo, 'utf8'), 'first');
      assert.strictEqual(fs.readFileSync(second.movedTo, 'utf8'), 'second');
    });
  });

  describe('a simulator with a state file', () => {
    it('writes its seed on first start', () => {
      newSimulator({ stateFile: file });
      const loaded = loadState(file);
      assert.strictEqual(loaded.kind, 'loaded');
      assert.ok(loaded.kind === 'loaded' && Object.keys(loaded.state.regions).includes('us-east-1'));
    });

    it('reports a corrupt file, moves it aside and starts from the seed', async () => {
      fs.writeFileSync(file, 'this is not JSON');
      const warnings: string[] = [];
      const sim = newSimulator({ stateFile: file, onWarning: (m) => warnings.push(m) });
      assert.strictEqual(warnings.length, 1, warnings.join('\n'));
      const moved = fs.readdirSync(dir).find((f) => f.startsWith('state.json.corrupt-'));
      assert.ok(moved, `moved aside: ${fs.readdirSync(dir).join(', ')}`);
      assert.ok(warnings[0].includes(path.join(dir, moved)), `the warning names where the file went: ${warnings[0]}`);
      assert.strictEqual(fs.readFileSync(path.join(dir, moved), 'utf8'), 'this is not JSON');
      assert.strictEqual(loadState(file).kind, 'loaded', 'a fresh seed state was written');
      const out = await ec2(sim).send(new DescribeInstancesCommand({}));
      assert.ok((out.Reservations ?? []).length > 0, 'the reseeded simulator has the seed instances');
    });

    it('keeps what a request changed across a restart', async () => {
      const clock = new ManualClock();
      const first = newSimulator({ stateFile: file, clock });
      const client = ec2(first);
      const instances = await client.send(
        new DescribeInstancesCommand({ Filters: [{ Name: 'instance-state-name', Values: ['running'] }] }),
      );
      const instance = (instances.Reservations ?? [])
        .flatMap((r) => r.Instances ?? [])
        .find((i) => i.RootDeviceType === 'ebs');
      assert.ok(instance?.InstanceId, 'a running EBS-backed seed instance');
      const created = await client.send(
        new CreateImageCommand({ InstanceId: instance.InstanceId, Name: 'survives-restart', NoReboot: true }),
      );
      await client.send(
        new CreateTagsCommand({ Resources: [created.ImageId!], Tags: [{ Key: 'kept', Value: 'yes' }] }),
      );
      assert.deepStrictEqual(
        fs.readdirSync(dir).sort(),
        ['state.json', 'state.json.lock'],
        'no temporary file after a write',
      );

      first.dispose();
      const second = newSimulator({ stateFile: file, clock });
      const out = await ec2(second).send(new DescribeImagesCommand({ ImageIds: [created.ImageId!] }));
      const image = out.Images?.[0];
      assert.strictEqual(image?.Name, 'survives-restart');
      assert.strictEqual(image?.OwnerId, '123456789012');
      assert.deepStrictEqual(image?.Tags, [{ Key: 'kept', Value: 'yes' }]);
    });

    it('opens a state saved when it modelled fewer regions, keeping its images and adding the new regions empty', async () => {
      const first = newSimulator({ stateFile: file });
      const own = (await ec2(first, 'eu-west-1').send(new DescribeImagesCommand({ Owners: ['self'] }))).Images!;
      assert.ok(own.length > 0);
      first.dispose();
      const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as SimState;
      delete saved.regions['ap-south-1'];
      delete saved.regions['eu-north-1'];
      fs.writeFileSync(file, JSON.stringify(saved));

      const second = newSimulator({ stateFile: file });
      const again = (await ec2(second, 'eu-west-1').send(new DescribeImagesCommand({ Owners: ['self'] }))).Images!;
      assert.deepStrictEqual(again.map((i) => i.ImageId).sort(), own.map((i) => i.ImageId).sort());
      for (const region of ['ap-south-1', 'eu-north-1']) {
        const mine = await ec2(second, region).send(new DescribeImagesCommand({ Owners: ['self'] }));
        assert.deepStrictEqual(mine.Images, [], `${region} is usable and empty`);
      }
    });

    it('keeps ids unique across a restart', async () => {
      const clock = new ManualClock();
      const first = newSimulator({ stateFile: file, clock });
      const instances = await ec2(first).send(new DescribeInstancesCommand({}));
      const instance = (instances.Reservations ?? [])
        .flatMap((r) => r.Instances ?? [])
        .find((i) => i.RootDeviceType === 'ebs');
      const a = await ec2(first).send(
        new CreateImageCommand({ InstanceId: instance!.InstanceId, Name: 'first-one', NoReboot: true }),
      );
      first.dispose();
      const second = newSimulator({ stateFile: file, clock });
      const b = await ec2(second).send(
        new CreateImageCommand({ InstanceId: instance!.InstanceId, Name: 'second-one', NoReboot: true }),
      );
      assert.notStrictEqual(a.ImageId, b.ImageId);
    });

    it('keeps answering when the state file cannot be written, and says so once', async () => {
      const warnings: string[] = [];
      const sim = newSimulator({ stateFile: file, onWarning: (m) => warnings.push(m) });
      const client = ec2(sim);
      const instances = await client.send(new DescribeInstancesCommand({}));
      const instance = (instances.Reservations ?? [])
        .flatMap((r) => r.Instances ?? [])
        .find((i) => i.RootDeviceType === 'ebs');
      // Replace the file by a non-empty folder: every later save fails at the rename.
      fs.rmSync(file);
      fs.mkdirSync(file);
      fs.writeFileSync(path.join(file, 'blocker'), '');
      const made = await client.send(
        new CreateImageCommand({ InstanceId: instance!.InstanceId, Name: 'unsaved-image', NoReboot: true }),
      );
      await client.send(new CreateTagsCommand({ Resources: [made.ImageId!], Tags: [{ Key: 'a', Value: 'b' }] }));
      const out = await client.send(new DescribeImagesCommand({ ImageIds: [made.ImageId!] }));
      assert.strictEqual(out.Images?.[0]?.Name, 'unsaved-image', 'the change is kept in memory');
      assert.strictEqual(warnings.length, 1, `one warning, not one per request: ${warnings.join('\n')}`);
      assert.ok(warnings[0].includes(file), warnings[0]);
      assert.deepStrictEqual(
        fs.readdirSync(dir).sort(),
        ['state.json', 'state.json.lock'],
        'no temporary file left behind',
      );
      // Once the file can be written again, the next change saves everything.
      fs.rmSync(file, { recursive: true });
      await client.send(new CreateTagsCommand({ Resources: [made.ImageId!], Tags: [{ Key: 'c', Value: 'd' }] }));
      sim.dispose();
      const restarted = newSimulator({ stateFile: file });
      const again = await ec2(restarted).send(new DescribeImagesCommand({ ImageIds: [made.ImageId!] }));
      assert.strictEqual(again.Images?.[0]?.Name, 'unsaved-image');
    });

    it('reset restores the seed and persists it', async () => {
      const sim = newSimulator({ stateFile: file });
      const instances = await ec2(sim).send(new DescribeInstancesCommand({}));
      const instance = (instances.Reservations ?? [])
        .flatMap((r) => r.Instances ?? [])
        .find((i) => i.RootDeviceType === 'ebs');
      const made = await ec2(sim).send(
        new CreateImageCommand({ InstanceId: instance!.InstanceId, Name: 'gone-after-reset', NoReboot: true }),
      );
      sim.reset();
      sim.dispose();
      const restarted = newSimulator({ stateFile: file });
      for (const s of [sim, restarted]) {
        const out = await ec2(s).send(new DescribeImagesCommand({ Owners: ['self'] }));
        assert.ok(!(out.Images ?? []).some((i) => i.ImageId === made.ImageId), 'the created image is gone');
        assert.ok((out.Images ?? []).length > 0, 'the seed images of the caller are back');
      }
    });
  });
});
