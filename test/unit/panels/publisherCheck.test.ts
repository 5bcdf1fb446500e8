import * as assert from 'assert';
import type { Image } from '@aws-sdk/client-ec2';
import { CopyImagePanel } from '../../../src/panels/copyImagePanel';
import { LaunchInstancePanel } from '../../../src/panels/launchInstancePanel';
import { sharingChecklist } from '../../../src/panels/launchPermissionsPanel';
import { trustAndParameter } from '../../../src/panels/imageTrust';
import { PanelSession } from '../../../src/panels/panelSession';
import type { HostMessage } from '../../../src/shared/protocol/envelope';
import type { PublisherCheck } from '../../../src/shared/protocol/publisherCheck';
import { fakeServices, mutations, type FakeWorld } from './fakes';

const IMG = 'ami-0123456789abcdef0';
const COMMUNITY: Image = {
  ImageId: IMG,
  OwnerId: '447151476420',
  Name: 'jenkins-agent-x86_64-jdk21-20260901-3',
  Description: 'Jenkins build agent',
  CreationDate: '2026-09-01T10:00:00.000Z',
  Architecture: 'x86_64',
  State: 'available',
  DeprecationTime: '2026-10-01T00:00:00.000Z',
  BlockDeviceMappings: [
    { DeviceName: '/dev/xvda', Ebs: { SnapshotId: 'snap-0aaaaaaaaaaaaaaaa', VolumeSize: 8, VolumeType: 'gp3' } },
    { DeviceName: '/dev/xvdb', Ebs: { SnapshotId: 'snap-0bbbbbbbbbbbbbbbb', VolumeSize: 20, Encrypted: true } },
  ],
};

async function openLaunch(image: Image, world: FakeWorld = {}) {
  const services = { ...fakeServices({ images: [image], ...world }), backend: 'simulator' as const };
  const sent: HostMessage<{ publisher?: PublisherCheck }, unknown>[] = [];
  const refused: string[] = [];
  const session = new PanelSession(new LaunchInstancePanel('us-east-1', IMG, services), (m) => sent.push(m), {
    refused: (r) => refused.push(r),
    failed: () => undefined,
  });
  await session.receive({ type: 'ready' });
  const init = sent[0];
  assert.ok(init.type === 'init');
  return { services, publisher: init.data.publisher, refused, session };
}

const launch = (acknowledgeUnknownPublisher: boolean) => ({
  type: 'submit',
  requestId: 'l1',
  params: { instanceType: 't3.micro', nameTag: '', count: 1, acknowledgeCost: false, acknowledgeUnknownPublisher },
});

describe('unknown publishers in the Launch and Copy panels', () => {
  it('shows the checklist and the facts checkable without launching, snapshots public or not', async () => {
    const { publisher } = await openLaunch(COMMUNITY, { publicSnapshots: ['snap-0aaaaaaaaaaaaaaaa'] });
    assert.strictEqual(publisher?.level, 'unknown');
    assert.ok(publisher.checklist?.some((c) => /credentials or keys/.test(c)));
    assert.ok(publisher.checklist?.some((c) => /root or administrator password/.test(c)));
    assert.ok(publisher.checklist?.some((c) => /remote logging/.test(c)));
    assert.deepStrictEqual(publisher.facts, {
      ownerId: '447151476420',
      ownerAlias: undefined,
      creationDate: '2026-09-01T10:00:00.000Z',
      description: 'Jenkins build agent',
      productCodes: [],
      deprecationTime: '2026-10-01T00:00:00.000Z',
      deprecated: true,
      blockDevices: [
        '/dev/xvda: EBS 8 GiB, gp3, not encrypted, snap-0aaaaaaaaaaaaaaaa',
        '/dev/xvdb: EBS 20 GiB, encrypted, snap-0bbbbbbbbbbbbbbbb',
      ],
      snapshots: [
        { snapshotId: 'snap-0aaaaaaaaaaaaaaaa', publicity: 'public' },
        { snapshotId: 'snap-0bbbbbbbbbbbbbbbb', publicity: 'notPublic' },
      ],
    });
  });

  it('refuses the launch until the checklist is acknowledged, then launches', async () => {
    const { services, refused, session } = await openLaunch(COMMUNITY);
    await session.receive(launch(false));
    assert.match(refused[0], /unknown publisher: the checklist must be acknowledged/);
    assert.deepStrictEqual(mutations(services), []);
    await session.receive(launch(true));
    assert.strictEqual(mutations(services).length, 1);
    assert.match(mutations(services)[0], /^runInstances/);
  });

  it('needs no acknowledgement for Amazon, verified or own images, and says who they are', async () => {
    for (const [image, level] of [
      [{ ...COMMUNITY, OwnerId: '137112412989', ImageOwnerAlias: 'amazon' }, 'amazon'],
      [{ ...COMMUNITY, OwnerId: '099720109477' }, 'verified'],
      [{ ...COMMUNITY, OwnerId: '111122223333' }, 'own'],
    ] as const) {
      const { services, publisher, session } = await openLaunch(image);
      assert.strictEqual(publisher?.level, level);
      assert.strictEqual(publisher.facts, undefined);
      await session.receive(launch(false));
      assert.strictEqual(mutations(services).length, 1, level);
    }
  });

  it("says the snapshots' publicity is unknown when EC2 does not answer, and still opens", async () => {
    const denied = Object.assign(new Error('You are not authorized'), { name: 'UnauthorizedOperation' });
    const { publisher } = await openLaunch(COMMUNITY, { failures: { publicSnapshotIds: denied } });
    assert.deepStrictEqual(
      publisher?.facts?.snapshots.map((s) => [s.publicity, s.note]),
      [
        ['unknown', 'You are not authorized'],
        ['unknown', 'You are not authorized'],
      ],
    );
  });

  it("refuses copying an unknown publisher's image without the acknowledgement", async () => {
    const services = fakeServices({ images: [COMMUNITY], regions: ['us-east-1', 'eu-west-1'] });
    const refused: string[] = [];
    const session = new PanelSession(new CopyImagePanel('us-east-1', IMG, services), () => undefined, {
      refused: (r) => refused.push(r),
      failed: () => undefined,
    });
    await session.receive({ type: 'ready' });
    const params = {
      destinationRegion: 'eu-west-1',
      name: 'copy',
      description: '',
      encrypted: true,
      kmsKeyId: '',
      copyImageTags: false,
      acknowledgeUnknownPublisher: false,
    };
    await session.receive({ type: 'submit', requestId: 'c1', params });
    assert.match(refused[0], /unknown publisher/);
    assert.deepStrictEqual(mutations(services), []);
    await session.receive({
      type: 'submit',
      requestId: 'c2',
      params: { ...params, acknowledgeUnknownPublisher: true },
    });
    assert.match(mutations(services)[0], /^copyImage/);
  });
});

describe('image details: trust level and the public parameter that points here', () => {
  const AL = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';
  const amazon: Image = {
    ...COMMUNITY,
    OwnerId: '137112412989',
    ImageOwnerAlias: 'amazon',
    PublicSsmParameterName: AL,
  };

  it('says whether the parameter names this image now, or a newer build', async () => {
    const now = await trustAndParameter(fakeServices({ parameters: { [AL]: IMG } }), 'us-east-1', amazon);
    assert.deepStrictEqual(now.trust?.label, 'Amazon');
    assert.deepStrictEqual(now.publicParameter, { name: AL, namesThisImage: true, currentImageId: undefined });
    const older = await trustAndParameter(
      fakeServices({ parameters: { [AL]: 'ami-0fffffffffffffff0' } }),
      'us-east-1',
      amazon,
    );
    assert.deepStrictEqual(older.publicParameter, {
      name: AL,
      namesThisImage: false,
      currentImageId: 'ami-0fffffffffffffff0',
    });
    const none = await trustAndParameter(fakeServices(), 'us-east-1', COMMUNITY);
    assert.strictEqual(none.publicParameter, undefined);
    assert.strictEqual(none.trust?.label, 'Unknown publisher');
  });

  it('degrades to the reason when SSM cannot be asked', async () => {
    const services = fakeServices();
    services.resolvePublicParameter = async () => {
      throw new Error('This endpoint does not support SSM GetParameter.');
    };
    const view = await trustAndParameter(services, 'us-east-1', amazon);
    assert.deepStrictEqual(view.publicParameter, {
      name: AL,
      note: 'This endpoint does not support SSM GetParameter.',
    });
  });
});

describe('Launch permissions: the publisher checklist before sharing', () => {
  it('lists what to remove and what EC2 knows: encrypted snapshots, product codes, block public access', () => {
    const c = sharingChecklist(COMMUNITY, 'block-new-sharing');
    assert.ok(c.checklist.some((i) => /SSH host key/.test(i)));
    assert.ok(c.checklist.some((i) => /authorized_keys/.test(i)));
    assert.ok(c.checklist.some((i) => /password/i.test(i)));
    assert.ok(c.checklist.some((i) => /history/.test(i)));
    assert.deepStrictEqual(c.facts, [
      'Snapshots: 1 of 2 encrypted — accounts you share with also need the KMS key; it cannot be made public.',
      'Product codes: none.',
      'Block public access for AMIs in this region: on (block-new-sharing): it cannot be made public.',
    ]);
    const plain = sharingChecklist({ ...COMMUNITY, BlockDeviceMappings: [] }, 'unblocked');
    assert.strictEqual(plain.facts[0], 'Snapshots: none (instance store or no EBS volume).');
    assert.match(plain.facts[2], /off \(unblocked\)/);
  });
});
