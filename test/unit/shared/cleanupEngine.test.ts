import assert from 'node:assert/strict';
import type { CleanupFacts, CleanupImage, ImageUse } from '../../../src/shared/cleanup/engine';
import { describeReferences, imagesNeedingUse, judgeCleanup, planCleanup } from '../../../src/shared/cleanup/engine';
import type { CleanupRules } from '../../../src/shared/cleanup/rules';
import { wildcard } from '../../../src/shared/cleanup/rules';
import { familyKey } from '../../../src/explorer/imageFamilies';

const NOW = Date.parse('2026-11-30T00:00:00Z');
const daysAgo = (n: number) => new Date(NOW - n * 86_400_000).toISOString();

let counter = 0;
function image(name: string, ageDays: number, over: Partial<CleanupImage> = {}): CleanupImage {
  counter++;
  const id = `ami-${String(counter).padStart(17, '0')}`;
  return {
    imageId: id,
    name,
    creationDate: daysAgo(ageDays),
    state: 'available',
    tags: [],
    snapshots: [{ snapshotId: `snap-${String(counter).padStart(17, '0')}`, sizeGiB: 10 }],
    ...over,
  };
}

/** Every keep rule off, every image selected: each test turns on what it checks. */
function rules(over: { images?: Partial<CleanupRules['images']>; keep?: Partial<CleanupRules['keep']> } = {}) {
  return {
    images: { namePattern: '', tags: [], ...over.images },
    keep: { newestPerFamily: 0, youngerThanDays: 0, launchedWithinDays: 0, inUse: false, ...over.keep },
  };
}

function facts(images: CleanupImage[], use: [string, ImageUse][] = []): CleanupFacts {
  return { images, use: new Map(use), now: NOW, pricePerGiBMonth: 0.05, familyOf: familyKey };
}

const unused: ImageUse = { known: true, references: [] };

describe('cleanup rules engine', function () {
  it('keeps the newest N of each family and says which of how many', function () {
    const web = [1, 2, 3, 4, 5].map((d) => image(`web-server-2026.11.0${d}`, d * 10));
    const db = [image('db-v1', 100), image('db-v2', 50)];
    const plan = planCleanup(rules({ keep: { newestPerFamily: 3 } }), facts([...web, ...db]));
    const action = Object.fromEntries(plan.decisions.map((d) => [d.name, d.action]));
    assert.deepEqual(action, {
      'db-v1': 'keep',
      'db-v2': 'keep',
      'web-server-2026.11.01': 'keep',
      'web-server-2026.11.02': 'keep',
      'web-server-2026.11.03': 'keep',
      'web-server-2026.11.04': 'remove',
      'web-server-2026.11.05': 'remove',
    });
    const first = plan.decisions.find((d) => d.name === 'web-server-2026.11.01');
    assert.deepEqual(first?.reasons, ['one of the 3 newest of family web-server-* (#1 of 5)']);
    const fourth = plan.decisions.find((d) => d.name === 'web-server-2026.11.04');
    assert.match(
      fourth?.reasons[0] ?? '',
      /^no keep rule applies, #4 of 5 in family web-server-\*, created 2026-10-21/,
    );
    // Grouped by family, newest first inside it.
    assert.deepEqual(
      plan.decisions.map((d) => d.name),
      ['db-v2', 'db-v1', ...web.map((w) => w.name)],
    );
  });

  it('an image whose name has no version is a family of its own', function () {
    const plan = planCleanup(rules({ keep: { newestPerFamily: 1 } }), facts([image('bastion', 400)]));
    assert.equal(plan.decisions[0].action, 'keep');
    assert.deepEqual(plan.decisions[0].reasons, ['the only image of family bastion']);
  });

  it('keeps images younger than N days and those launched in the last N days', function () {
    const young = image('a-1', 5);
    const old = image('b-1', 90);
    const launched = image('c-1', 90, { lastLaunchedTime: daysAgo(3) });
    const launchedLongAgo = image('d-1', 90, { lastLaunchedTime: daysAgo(60) });
    const plan = planCleanup(
      rules({ keep: { youngerThanDays: 30, launchedWithinDays: 14 } }),
      facts([young, old, launched, launchedLongAgo]),
    );
    const by = (i: CleanupImage) => plan.decisions.find((d) => d.imageId === i.imageId);
    assert.deepEqual(by(young)?.reasons, [`younger than 30 days (created ${daysAgo(5).slice(0, 10)})`]);
    assert.deepEqual(by(launched)?.reasons, [`launched in the last 14 days (last launch ${daysAgo(3).slice(0, 10)})`]);
    assert.equal(by(old)?.action, 'remove');
    assert.match(by(old)?.reasons[0] ?? '', /never launched/);
    assert.equal(by(launchedLongAgo)?.action, 'remove');
    assert.match(by(launchedLongAgo)?.reasons[0] ?? '', /last launched/);
  });

  it('lists every rule that keeps an image, in a fixed order', function () {
    const img = image('app-v7', 1, { lastLaunchedTime: daysAgo(1), deregistrationProtection: 'enabled' });
    const plan = planCleanup(
      rules({ keep: { newestPerFamily: 2, youngerThanDays: 7, launchedWithinDays: 7 } }),
      facts([img]),
    );
    assert.equal(plan.decisions[0].reasons.length, 4);
    assert.match(plan.decisions[0].reasons[0], /deregistration protection is on/);
  });

  it('always keeps protected images, even with every keep rule off', function () {
    const on = image('x-1', 400, { deregistrationProtection: 'enabled-with-cooldown' });
    const off = image('y-1', 400, { deregistrationProtection: 'disabled' });
    const plan = planCleanup(rules(), facts([on, off]));
    assert.deepEqual(plan.removeImageIds, [off.imageId]);
    assert.match(plan.decisions[0].reasons[0], /enabled-with-cooldown/);
  });

  it('keeps pending images (not finished)', function () {
    const plan = planCleanup(rules(), facts([image('p-1', 400, { state: 'pending' })]));
    assert.equal(plan.decisions[0].action, 'keep');
  });

  it('keeps images in use, naming what uses them', function () {
    const used = image('u-1', 400);
    const free = image('f-1', 400);
    const plan = planCleanup(
      rules({ keep: { inUse: true } }),
      facts(
        [used, free],
        [
          [
            used.imageId,
            {
              known: true,
              references: [
                { resourceType: 'ec2:Instance', arn: 'arn:aws:ec2:us-east-1:1:instance/i-1' },
                { resourceType: 'ec2:Instance', arn: 'arn:aws:ec2:us-east-1:1:instance/i-2' },
                { resourceType: 'ec2:LaunchTemplate', arn: 'arn:aws:ec2:us-east-1:1:launch-template/lt-1' },
              ],
            },
          ],
          [free.imageId, unused],
        ],
      ),
    );
    assert.deepEqual(plan.decisions.find((d) => d.imageId === used.imageId)?.reasons, [
      'in use: 2 instances, 1 launch template',
    ]);
    assert.deepEqual(plan.removeImageIds, [free.imageId]);
    assert.match(plan.decisions.find((d) => d.imageId === free.imageId)?.reasons[0] ?? '', /not in use$/);
  });

  it('never removes an image whose use is unknown (endpoint without DescribeImageReferences)', function () {
    const a = image('a-1', 400);
    const b = image('b-1', 400);
    const why = 'This endpoint does not support DescribeImageReferences.';
    const plan = planCleanup(
      rules({ keep: { inUse: true } }),
      facts(
        [a, b],
        [
          [a.imageId, { known: false, why }],
          [b.imageId, { known: false, why }],
        ],
      ),
    );
    assert.deepEqual(plan.removeImageIds, []);
    assert.deepEqual(plan.decisions[0].reasons, [`"keep in use" cannot be evaluated (${why}): kept`]);
    assert.equal(plan.useUnknown, `use of 2 images could not be read (${why}): they are kept`);
    assert.equal(plan.savingUsd, 0);
  });

  it('keeps an image whose use was never read when "keep in use" is on', function () {
    const plan = planCleanup(rules({ keep: { inUse: true } }), facts([image('n-1', 400)]));
    assert.equal(plan.decisions[0].action, 'keep');
    assert.match(plan.decisions[0].reasons[0], /use not checked/);
  });

  it('ignores use when "keep in use" is off', function () {
    const img = image('i-1', 400);
    const plan = planCleanup(rules(), facts([img], [[img.imageId, { known: false, why: 'x' }]]));
    assert.deepEqual(plan.removeImageIds, [img.imageId]);
    assert.equal(plan.useUnknown, undefined);
  });

  it('asks for use only of images no other rule keeps', function () {
    const keptYoung = image('k-1', 1);
    const candidate = image('c-1', 400);
    const r = rules({ keep: { inUse: true, youngerThanDays: 30 } });
    assert.deepEqual(imagesNeedingUse(r, facts([keptYoung, candidate])), [candidate.imageId]);
    assert.deepEqual(imagesNeedingUse(rules(), facts([candidate])), []);
  });

  it('judges once: the images needing use and the plan from their use are those of the one-shot functions', function () {
    const images = [
      ...[1, 2, 3, 4].map((d) => image(`app-2026.11.0${d}`, d * 100, { lastLaunchedTime: daysAgo(d * 5) })),
      image('solo', 500, { creationDate: undefined }),
      image('guarded', 600, { deregistrationProtection: 'enabled' }),
    ];
    const r = rules({ keep: { inUse: true, newestPerFamily: 1, launchedWithinDays: 12 } });
    const { use: _, ...base } = facts(images);
    const judgement = judgeCleanup(r, base);
    assert.deepEqual(judgement.imagesNeedingUse, imagesNeedingUse(r, base));
    const used = judgement.imagesNeedingUse[0];
    const use = new Map<string, ImageUse>(
      judgement.imagesNeedingUse.map((id) => [
        id,
        id === used ? { known: true, references: [{ resourceType: 'ec2:Instance', arn: 'arn:i' }] } : unused,
      ]),
    );
    const expected = planCleanup(r, { ...base, use });
    assert.deepEqual(judgement.plan(use), expected);
    // Planned again (the run re-checks), the reasons are not added twice.
    assert.deepEqual(judgement.plan(use), expected);
    assert.ok(expected.decisions.some((d) => d.reasons.includes('in use: 1 instance')));
  });

  it('selects by name pattern and by tags; the others count as not selected', function () {
    const dev = image('web-1', 400, { tags: [{ key: 'env', value: 'dev-3' }] });
    const prod = image('web-2', 400, { tags: [{ key: 'env', value: 'prod' }] });
    const other = image('db-1', 400, { tags: [{ key: 'env', value: 'dev' }] });
    const plan = planCleanup(
      rules({ images: { namePattern: 'web-?', tags: [{ key: 'env', value: 'dev*' }] } }),
      facts([dev, prod, other]),
    );
    assert.deepEqual(
      plan.decisions.map((d) => d.imageId),
      [dev.imageId],
    );
    assert.equal(plan.notSelected, 2);
  });

  it('matches wildcards like EC2: * any run, ? one character, everything else literal', function () {
    assert.ok(wildcard('web-*').test('web-server-1'));
    assert.ok(wildcard('a?c').test('abc'));
    assert.ok(!wildcard('a?c').test('ac'));
    assert.ok(wildcard('v1.0').test('v1.0'));
    assert.ok(!wildcard('v1.0').test('v1x0'), 'a dot is literal');
    assert.ok(!wildcard('web').test('web-1'), 'anchored');
    assert.ok(wildcard('(a)[b]').test('(a)[b]'));
  });

  it('deletes a removed image snapshots, but not one another kept or unselected image uses', function () {
    const shared = { snapshotId: 'snap-shared', sizeGiB: 8 };
    const removed = image('r-1', 400, { snapshots: [shared, { snapshotId: 'snap-own', sizeGiB: 20 }] });
    const kept = image('k-1', 1, { snapshots: [shared] });
    const outside = image('zz-1', 400, { snapshots: [{ snapshotId: 'snap-outside', sizeGiB: 4 }] });
    const alsoOutside = image('r-2', 400, { snapshots: [{ snapshotId: 'snap-outside', sizeGiB: 4 }] });
    const plan = planCleanup(
      rules({ images: { namePattern: 'r-*' }, keep: { youngerThanDays: 30 } }),
      facts([removed, kept, outside, alsoOutside]),
    );
    // kept is not selected (pattern r-*): it still holds snap-shared. outside holds snap-outside.
    assert.deepEqual(plan.removeImageIds.sort(), [removed.imageId, alsoOutside.imageId].sort());
    assert.deepEqual(plan.deleteSnapshotIds, ['snap-own']);
    const r = plan.decisions.find((d) => d.imageId === removed.imageId);
    assert.deepEqual(r?.snapshots, [
      {
        snapshotId: 'snap-shared',
        sizeGiB: 8,
        monthlyCostUsd: 0.4,
        deleted: false,
        keptBecause: `also used by ${kept.imageId}`,
      },
      { snapshotId: 'snap-own', sizeGiB: 20, monthlyCostUsd: 1, deleted: true },
    ]);
    assert.equal(r?.savingUsd, 1);
    assert.equal(plan.savingUsd, 1);
  });

  it('counts a snapshot two removed images share once, deleted with the first', function () {
    const s = { snapshotId: 'snap-both', sizeGiB: 30 };
    const a = image('m-1', 400, { snapshots: [s] });
    const b = image('m-2', 300, { snapshots: [s] });
    const plan = planCleanup(rules(), facts([a, b]));
    assert.deepEqual(plan.deleteSnapshotIds, ['snap-both']);
    assert.equal(plan.savingUsd, 1.5);
    const deletedWith = plan.decisions.filter((d) => d.snapshots[0].deleted).map((d) => d.imageId);
    assert.equal(deletedWith.length, 1);
    assert.equal(
      plan.decisions.find((d) => !d.snapshots[0].deleted)?.snapshots[0].keptBecause,
      'deleted with another image',
    );
  });

  it('is deterministic: the same facts in another order give the same plan', function () {
    const images = [1, 2, 3, 4, 5, 6].map((d) => image(`svc-2026.0${d}.01`, d * 20));
    const twin = image('svc-2026.01.01', 20, { imageId: 'ami-00000000000000000' });
    const all = [...images, twin];
    const r = rules({ keep: { newestPerFamily: 2 } });
    const a = planCleanup(r, facts(all));
    const b = planCleanup(r, facts([...all].reverse()));
    assert.deepEqual(a, b);
    // Same creation date: the smaller image id ranks first.
    assert.equal(a.decisions[0].imageId, 'ami-00000000000000000');
  });

  it('words references by resource type', function () {
    assert.equal(
      describeReferences([{ resourceType: 'ssm:Parameter' }, { resourceType: 'imagebuilder:ImageRecipe' }]),
      '1 Image Builder recipe, 1 SSM parameter',
    );
  });
});
