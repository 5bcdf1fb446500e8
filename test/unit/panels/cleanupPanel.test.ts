import * as assert from 'assert';
import type { Image } from '@aws-sdk/client-ec2';
import { CleanupPanel } from '../../../src/panels/cleanupPanel';
import { PanelSession } from '../../../src/panels/panelSession';
import type { CleanupRules } from '../../../src/shared/cleanup/rules';
import type { CleanupInit, CleanupResult } from '../../../src/shared/protocol/cleanup';
import type { HostMessage, Outcome } from '../../../src/shared/protocol/envelope';
import type { FakeWorld } from './fakes';
import { ec2Error, fakeServices } from './fakes';

const ME = '111122223333';
// fakeServices' clock: 2026-11-23T14:38:00Z.
const image = (id: string, name: string, created: string, over: Partial<Image> = {}): Image => ({
  ImageId: id,
  Name: name,
  OwnerId: ME,
  State: 'available',
  CreationDate: created,
  BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId: `snap-${id.slice(-8)}`, VolumeSize: 20 } }],
  ...over,
});
const NEW = 'ami-000000000000000a1';
const MID = 'ami-000000000000000a2';
const OLD = 'ami-000000000000000a3';
const OLDEST = 'ami-000000000000000a4';
const world = (): FakeWorld => ({
  images: [
    image(NEW, 'web-2026.11.01', '2026-11-01T00:00:00Z'),
    image(MID, 'web-2026.10.01', '2026-10-01T00:00:00Z'),
    image(OLD, 'web-2026.09.01', '2026-09-01T00:00:00Z'),
    image(OLDEST, 'web-2026.08.01', '2026-08-01T00:00:00Z'),
    image('ami-000000000000000f0', 'other', '2020-01-01T00:00:00Z', { OwnerId: '999988887777' }),
  ],
});
const rules: CleanupRules = {
  images: { namePattern: 'web-*', tags: [] },
  keep: { newestPerFamily: 2, youngerThanDays: 0, launchedWithinDays: 0, inUse: true },
};

type Sent = HostMessage<CleanupInit, CleanupResult>;

async function open(w: FakeWorld = world()) {
  const services = fakeServices(w);
  const sent: Sent[] = [];
  const refused: string[] = [];
  const session = new PanelSession(new CleanupPanel('eu-west-1', services), (m) => sent.push(m), {
    refused: (r) => refused.push(r),
    failed: (e) => {
      throw e;
    },
  });
  await session.receive({ type: 'ready' });
  const init = sent[0];
  assert.ok(init.type === 'init');
  /** Posts a message and returns the result it got. */
  const ask = async (message: unknown): Promise<Outcome<CleanupResult>> => {
    sent.length = 0;
    await session.receive(message);
    const result = sent.find((m) => m.type === 'result');
    assert.ok(result && result.type === 'result', `no result; sent ${JSON.stringify(sent)}`);
    return result.result;
  };
  const dryRun = async (r: CleanupRules = rules) => {
    const out = await ask({ type: 'dryRun', requestId: 'r1', rules: r });
    assert.ok(out.ok && out.kind === 'dryRun');
    return out;
  };
  return { services, sent, refused, session, data: init.data, ask, dryRun, world: w };
}

const run = (planId: string) => ({ type: 'submit', requestId: 'r2', params: { planId, confirmed: true } });

describe('Clean Up Images panel', () => {
  it('dry run: only owned images, removes what no rule keeps, and asks references only for those', async () => {
    const { dryRun, services } = await open();
    const out = await dryRun();
    assert.deepStrictEqual(out.plan.removeImageIds, [OLD, OLDEST]);
    assert.deepStrictEqual(out.plan.deleteSnapshotIds, ['snap-000000a3', 'snap-000000a4'].sort());
    assert.strictEqual(out.plan.savingUsd, 2);
    assert.strictEqual(out.ownedImages, 4);
    assert.ok(services.calls.includes(`imageReferences("eu-west-1", ${JSON.stringify([OLD, OLDEST])})`));
    assert.ok(!services.calls.some((c) => /^(deregisterImage|deleteSnapshot)/.test(c)), 'a dry run changes nothing');
  });

  it('run: confirms on the host with count and saving, then deletes exactly what the dry run showed', async () => {
    const { dryRun, ask, services, session, refused } = await open();
    const planned = await dryRun();
    const out = await ask(run(planned.planId));
    assert.ok(out.ok && out.kind === 'run');
    assert.deepStrictEqual(services.confirmations.length, 1);
    assert.match(
      services.confirmations[0],
      /^Deregister 2 AMIs and delete 2 snapshots in eu-west-1\? This saves up to \$2\.00 a month/,
    );
    const changes = services.calls.filter((c) => /^(deregisterImage|deleteSnapshot)/.test(c));
    assert.deepStrictEqual(changes, [
      `deregisterImage("eu-west-1", "${OLD}")`,
      `deregisterImage("eu-west-1", "${OLDEST}")`,
      'deleteSnapshot("eu-west-1", "snap-000000a3")',
      'deleteSnapshot("eu-west-1", "snap-000000a4")',
    ]);
    assert.strictEqual(out.savingUsd, 2);
    assert.deepStrictEqual(services.changed, ['eu-west-1']);
    // A plan is carried out once.
    await session.receive(run(planned.planId));
    assert.match(refused.pop() ?? '', /not the latest dry run/);
  });

  it('an image that fails keeps its snapshots and says so; a snapshot that fails is reported', async () => {
    const w = world();
    w.failures = {
      [`deregisterImage:${OLD}`]: ec2Error('InvalidAMIID.Unavailable', 'The image is busy.'),
      'deleteSnapshot:snap-000000a4': ec2Error('InvalidSnapshot.InUse', 'The snapshot is in use.'),
    };
    const { dryRun, ask } = await open(w);
    const out = await ask(run((await dryRun()).planId));
    assert.ok(out.ok && out.kind === 'run');
    assert.deepStrictEqual(out.items, [
      {
        imageId: OLD,
        deregistered: false,
        error: { message: 'The image is busy.', code: 'InvalidAMIID.Unavailable', fix: 'Fix it.' },
        deletedSnapshotIds: [],
        keptSnapshots: [
          {
            snapshotId: 'snap-000000a3',
            reason: `kept: ${OLD} could not be deregistered, so it still uses this snapshot`,
          },
        ],
      },
      {
        imageId: OLDEST,
        deregistered: true,
        deletedSnapshotIds: [],
        keptSnapshots: [{ snapshotId: 'snap-000000a4', reason: 'The snapshot is in use.' }],
      },
    ]);
    assert.strictEqual(out.savingUsd, 0);
  });

  it('refuses to run when the outcome changed since the dry run (an image became in use), deleting nothing', async () => {
    const w = world();
    const { dryRun, ask, services } = await open(w);
    const planned = await dryRun();
    w.references = {
      [OLD]: [{ ImageId: OLD, ResourceType: 'ec2:Instance', Arn: 'arn:aws:ec2:eu-west-1:111122223333:instance/i-1' }],
    };
    const out = await ask(run(planned.planId));
    assert.ok(out.ok && out.kind === 'changed');
    assert.deepStrictEqual(out.differences, [
      `${OLD} (web-2026.09.01) is now kept: in use: 1 instance.`,
      'snap-000000a3 would no longer be deleted.',
    ]);
    assert.deepStrictEqual(out.plan.removeImageIds, [OLDEST]);
    assert.deepStrictEqual(services.confirmations, []);
    assert.ok(!services.calls.some((c) => /^(deregisterImage|deleteSnapshot)/.test(c)));
    // The new dry run can then be run.
    const second = await ask(run(out.planId));
    assert.ok(second.ok && second.kind === 'run');
    assert.deepStrictEqual(
      second.items.map((i) => i.imageId),
      [OLDEST],
    );
  });

  it('a dismissed confirmation changes nothing', async () => {
    const w = { ...world(), confirm: false };
    const { dryRun, ask, services } = await open(w);
    const out = await ask(run((await dryRun()).planId));
    assert.ok(out.ok && out.kind === 'cancelled');
    assert.ok(!services.calls.some((c) => /^(deregisterImage|deleteSnapshot)/.test(c)));
  });

  it('keeps every image when references cannot be read (endpoint without DescribeImageReferences)', async () => {
    const w = world();
    w.failures = {
      imageReferences: ec2Error(
        'InvalidAction',
        'The action DescribeImageReferences is not valid for this web service.',
      ),
    };
    const { dryRun } = await open(w);
    const out = await dryRun();
    assert.deepStrictEqual(out.plan.removeImageIds, []);
    assert.match(out.plan.useUnknown ?? '', /DescribeImageReferences is not valid/);
    assert.match(out.plan.decisions[3].reasons[0], /^"keep in use" cannot be evaluated/);
  });

  it('refuses a run of another plan, an unconfirmed run, and hostile messages, with no EC2 call', async () => {
    const { dryRun, session, refused, services } = await open();
    await session.receive(run('plan-1'));
    assert.match(refused.pop() ?? '', /not the latest dry run/);
    const planned = await dryRun();
    const before = services.calls.length;
    for (const hostile of [
      { type: 'submit', requestId: 'x', params: { planId: planned.planId, confirmed: false } },
      { type: 'submit', requestId: 'x', params: { planId: 'plan-99', confirmed: true } },
      { type: 'dryRun', requestId: 'x', rules: { ...rules, keep: { ...rules.keep, newestPerFamily: -1 } } },
      { type: 'dryRun', requestId: 'x', rules: { ...rules, extra: 1 } },
      { type: 'saveRules', requestId: 'x', name: '', rules },
      { type: 'deleteEverything', requestId: 'x' },
    ]) {
      await session.receive(hostile);
    }
    assert.strictEqual(refused.length, 6);
    assert.strictEqual(services.calls.length, before);
  });

  it('loads the workspace rules, saves a rule set beside the others, and never overwrites a broken file', async () => {
    const w = world();
    w.rulesFileText = JSON.stringify({ ruleSets: [{ name: 'team' }] });
    const { data, ask, services } = await open(w);
    assert.deepStrictEqual(
      data.rulesFile.ruleSets.map((s) => s.name),
      ['team'],
    );
    const saved = await ask({ type: 'saveRules', requestId: 's1', name: 'web', rules });
    assert.ok(saved.ok && saved.kind === 'rules');
    assert.deepStrictEqual(
      saved.rulesFile.ruleSets.map((s) => s.name),
      ['team', 'web'],
    );
    assert.deepStrictEqual(saved.rulesFile.ruleSets[1].keep, rules.keep);
    w.rulesFileText = '{\n  "ruleSets": [\n    { "name": 3 }\n  ]\n}';
    const reloaded = await ask({ type: 'reloadRules', requestId: 's2' });
    assert.ok(reloaded.ok && reloaded.kind === 'rules');
    assert.strictEqual(
      reloaded.rulesFile.error,
      '.vscode/ami-cleanup.json, line 3: ruleSets[0].name must be a string, not number.',
    );
    const refusedSave = await ask({ type: 'saveRules', requestId: 's3', name: 'web', rules });
    assert.ok(!refusedSave.ok);
    assert.match(refusedSave.error.message, /cannot be read, so it is not overwritten/);
    assert.strictEqual(services.written.length, 1);
  });

  it('cannot save without a folder', async () => {
    const { ask, data } = await open({ ...world(), noFolder: true });
    assert.strictEqual(data.rulesFile.writable, false);
    const out = await ask({ type: 'saveRules', requestId: 's1', name: 'web', rules });
    assert.ok(!out.ok);
    assert.match(out.error.message, /Open a folder/);
  });
});
