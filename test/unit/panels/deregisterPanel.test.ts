import * as assert from 'assert';
import type { Image } from '@aws-sdk/client-ec2';
import { DeregisterPanel } from '../../../src/panels/deregisterPanel';
import { PanelSession } from '../../../src/panels/panelSession';
import type { DeregisterInit, DeregisterResult } from '../../../src/shared/protocol/deregister';
import type { HostMessage } from '../../../src/shared/protocol/envelope';
import type { FakeWorld } from './fakes';
import { ec2Error, fakeServices, mutations } from './fakes';
import { emptyUsage } from '../../../src/shared/imageUsage';

const ME = '111122223333';
const image = (id: string, over: Partial<Image> = {}): Image => ({
  ImageId: id,
  Name: `image ${id}`,
  OwnerId: ME,
  State: 'available',
  BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId: `snap-${id.slice(-8)}`, VolumeSize: 8 } }],
  ...over,
});
const A = 'ami-0000000000000000a';
const B = 'ami-0000000000000000b';
const FOREIGN = 'ami-0000000000000000c';
const PROTECTED = 'ami-0000000000000000d';
const shared = { Ebs: { SnapshotId: 'snap-shared00', VolumeSize: 100 }, DeviceName: '/dev/xvdf' };
const world = (): FakeWorld => ({
  images: [
    image(A, { BlockDeviceMappings: [...(image(A).BlockDeviceMappings ?? []), shared] }),
    image(B),
    image(FOREIGN, { OwnerId: '999988887777' }),
    image(PROTECTED, { DeregistrationProtection: 'enabled-with-cooldown' }),
  ],
});

async function open(ids: string[], w: FakeWorld = world()) {
  const services = fakeServices(w);
  const sent: HostMessage<DeregisterInit, DeregisterResult>[] = [];
  const refused: string[] = [];
  const session = new PanelSession(new DeregisterPanel('eu-west-1', ids, services), (m) => sent.push(m), {
    refused: (r) => refused.push(r),
    failed: () => undefined,
  });
  await session.receive({ type: 'ready' });
  const init = sent[0];
  assert.ok(init.type === 'init');
  return { services, sent, refused, session, data: init.data };
}

const submit = (imageIds: string[], deleteSnapshots = true) => ({
  type: 'submit',
  requestId: 'd1',
  params: { imageIds, deleteSnapshots, confirmed: true },
});

describe('Deregister panel', () => {
  it('shows each image with its snapshots, sizes, a monthly estimate, ownership and protection', async () => {
    const { data } = await open([A, FOREIGN, PROTECTED, 'ami-0000000000000000e']);
    assert.deepStrictEqual(
      data.images.map((i) => [
        i.imageId,
        i.ownedByMe,
        i.deregistrationProtection,
        i.snapshots.length,
        i.monthlyCostUsd,
        i.state,
      ]),
      [
        [A, true, false, 2, 5.4, 'available'],
        [FOREIGN, false, false, 1, 0.4, 'available'],
        [PROTECTED, true, true, 1, 0.4, 'available'],
        ['ami-0000000000000000e', false, false, 0, 0, 'not found'],
      ],
    );
    assert.strictEqual(data.snapshotPricePerGiBMonth, 0.05);
  });

  it('deregisters every image, then deletes their snapshots, and reports per image', async () => {
    const own = await open([A, B]);
    await own.session.receive(submit([A, B]));
    assert.deepStrictEqual(mutations(own.services), [
      `deregisterImage("eu-west-1", "${A}")`,
      `deregisterImage("eu-west-1", "${B}")`,
      'deleteSnapshot("eu-west-1", "snap-0000000a")',
      'deleteSnapshot("eu-west-1", "snap-shared00")',
      'deleteSnapshot("eu-west-1", "snap-0000000b")',
    ]);
    const result = own.sent[own.sent.length - 1];
    assert.ok(result.type === 'result' && result.result.ok);
    if (result.type !== 'result' || !result.result.ok) return;
    assert.deepStrictEqual(
      result.result.items.map((i) => [i.imageId, i.ok, i.deletedSnapshotIds.length]),
      [
        [A, true, 2],
        [B, true, 1],
      ],
    );
    assert.deepStrictEqual(own.services.changed, ['eu-west-1']);
  });

  it("keeps the snapshots when asked to, and reports EC2's reason per image and per snapshot", async () => {
    const failing = world();
    failing.failures = {
      [`deregisterImage:${B}`]: ec2Error('InvalidAMIID.Unavailable', 'The image is not available.'),
      'deleteSnapshot:snap-shared00': ec2Error(
        'InvalidSnapshot.InUse',
        'The snapshot snap-shared00 is currently in use by ami-1.',
      ),
    };
    const { services, sent, session } = await open([A, B], failing);
    await session.receive(submit([A, B]));
    const result = sent[sent.length - 1];
    assert.ok(result.type === 'result' && result.result.ok);
    if (result.type !== 'result' || !result.result.ok) return;
    const [a, b] = result.result.items;
    assert.deepStrictEqual(a.deletedSnapshotIds, ['snap-0000000a']);
    assert.deepStrictEqual(a.keptSnapshots, [
      { snapshotId: 'snap-shared00', reason: 'The snapshot snap-shared00 is currently in use by ami-1.' },
    ]);
    assert.strictEqual(b.ok, false);
    assert.strictEqual(b.error?.code, 'InvalidAMIID.Unavailable');
    assert.ok(!mutations(services).some((c) => c === 'deleteSnapshot("eu-west-1", "snap-0000000b")'));

    const keep = await open([B]);
    await keep.session.receive(submit([B], false));
    assert.deepStrictEqual(mutations(keep.services), [`deregisterImage("eu-west-1", "${B}")`]);
  });

  it('refuses foreign, protected, unknown, unlisted, unconfirmed and repeated deregistrations without calling EC2', async () => {
    const { services, refused, session } = await open([A, FOREIGN, PROTECTED, 'ami-0000000000000000e']);
    await session.receive(submit([FOREIGN]));
    await session.receive(submit([PROTECTED]));
    await session.receive(submit(['ami-0000000000000000e']));
    await session.receive(submit([B]));
    await session.receive({ ...submit([A]), params: { imageIds: [A], deleteSnapshots: true, confirmed: false } });
    await session.receive({ ...submit([A]), params: { imageIds: [A, A], deleteSnapshots: true, confirmed: true } });
    await session.receive({ type: 'copyId', id: A });
    assert.deepStrictEqual(mutations(services), []);
    assert.strictEqual(refused.length, 7);
    assert.match(refused[0], /belongs to another account/);
    assert.match(refused[1], /protected from deregistration/);
    assert.match(refused[2], /no longer exists/);
    assert.match(refused[3], /not one of the images of this panel/);
    assert.match(refused[4], /explicit confirmation/);
    assert.match(refused[5], /repeated/);

    await session.receive(submit([A]));
    await session.receive(submit([A]));
    assert.match(refused[7], /already deregistered/);
    assert.strictEqual(mutations(services).filter((c) => c.startsWith('deregisterImage')).length, 1);
  });

  it('pre-check: refuses an image that launch templates still launch until the user acknowledges it', async () => {
    const usage = {
      ...emptyUsage(A),
      launchTemplates: [{ launchTemplateId: 'lt-0123456789abcdef0', name: 'web', versions: [2], defaultVersion: 2 }],
      autoScalingGroups: [
        { name: 'web-asg', launchTemplateId: 'lt-0123456789abcdef0', launchTemplateVersion: '$Default' },
      ],
      instances: ['i-0123456789abcdef0'],
    };
    const { services, refused, session, data } = await open([A, B], {
      ...world(),
      usage: { [A]: { available: true, usage } },
    });
    assert.deepStrictEqual(data.images[0].usedBy, { available: true, usage });
    await session.receive(submit([A, B]));
    assert.deepStrictEqual(mutations(services), []);
    assert.match(
      refused[0],
      /1 launch template and 1 Auto Scaling group still launch this AMI: they will fail to launch after deregistration/,
    );
    // Its links reveal and copy only what the panel showed.
    await session.receive({ type: 'revealRelated', kind: 'instance', id: 'i-0123456789abcdef0', region: 'eu-west-1' });
    await session.receive({ type: 'copyRelatedId', id: 'lt-0123456789abcdef0' });
    await session.receive({ type: 'revealRelated', kind: 'instance', id: 'i-0fffffffffffffff0', region: 'eu-west-1' });
    assert.deepStrictEqual(services.revealed, ['eu-west-1/i-0123456789abcdef0']);
    assert.deepStrictEqual(services.copied, ['lt-0123456789abcdef0']);
    assert.strictEqual(refused.length, 2);

    await session.receive({
      ...submit([A, B]),
      params: { imageIds: [A, B], deleteSnapshots: false, confirmed: true, confirmedInUse: true },
    });
    assert.deepStrictEqual(mutations(services), [
      'deregisterImage("eu-west-1", "ami-0000000000000000a")',
      'deregisterImage("eu-west-1", "ami-0000000000000000b")',
    ]);
  });

  it('pre-check: an endpoint without DescribeImageReferences does not block, and the panel says why', async () => {
    const reason = 'This endpoint does not support DescribeImageReferences.';
    const { services, refused, session, data } = await open([B], {
      ...world(),
      usage: { [B]: { available: false, reason } },
    });
    assert.deepStrictEqual(data.images[0].usedBy, { available: false, reason });
    await session.receive(submit([B]));
    assert.deepStrictEqual(refused, []);
    assert.strictEqual(mutations(services).length, 2);
  });
});
