import * as assert from 'assert';
import type { Instance, Volume } from '@aws-sdk/client-ec2';
import { CreateImagePanel, suggestName } from '../../../src/panels/createImagePanel';
import { PanelSession } from '../../../src/panels/panelSession';
import type {
  CreateImageInit,
  CreateImageParams,
  CreateImageResult,
  VolumeMapping,
} from '../../../src/shared/protocol/createImage';
import type { HostMessage } from '../../../src/shared/protocol/envelope';
import type { FakeWorld } from './fakes';
import { ec2Error, fakeServices, mutations } from './fakes';

const instance = (over: Partial<Instance> = {}): Instance => ({
  InstanceId: 'i-0123456789abcdef0',
  State: { Name: 'running' },
  RootDeviceName: '/dev/xvda',
  RootDeviceType: 'ebs',
  Tags: [{ Key: 'Name', Value: 'web:1' }],
  BlockDeviceMappings: [
    { DeviceName: '/dev/xvda', Ebs: { VolumeId: 'vol-1', DeleteOnTermination: true } },
    { DeviceName: '/dev/xvdf', Ebs: { VolumeId: 'vol-2', DeleteOnTermination: false } },
  ],
  ...over,
});
const volumes: Volume[] = [
  { VolumeId: 'vol-1', Size: 8, VolumeType: 'gp3', Iops: 3000, Encrypted: false },
  { VolumeId: 'vol-2', Size: 100, VolumeType: 'gp2', Encrypted: true },
];

const form = (over: Partial<CreateImageParams> = {}): CreateImageParams => ({
  name: 'web backup',
  description: '',
  noReboot: false,
  volumes: [
    { deviceName: '/dev/xvda', include: true, deleteOnTermination: true },
    { deviceName: '/dev/xvdf', include: true, deleteOnTermination: false },
  ],
  imageTags: [],
  snapshotTags: [],
  ...over,
});

async function open(world: FakeWorld = { instances: [instance()], volumes }) {
  const services = fakeServices(world);
  const sent: HostMessage<CreateImageInit, CreateImageResult>[] = [];
  const refused: string[] = [];
  const panel = new CreateImagePanel('us-east-1', 'i-0123456789abcdef0', services);
  const session = new PanelSession(panel, (m) => sent.push(m), {
    refused: (r) => refused.push(r),
    failed: () => undefined,
  });
  await session.receive({ type: 'ready' });
  return { services, sent, refused, session };
}

describe('Create Image panel', () => {
  it('sends nothing before ready, then the instance with its volumes and a valid suggested name', async () => {
    const { sent } = await open();
    assert.strictEqual(sent.length, 1);
    const init = sent[0];
    assert.strictEqual(init.type, 'init');
    if (init.type !== 'init') return;
    assert.deepStrictEqual(init.args, { kind: 'createImage', region: 'us-east-1', instanceId: 'i-0123456789abcdef0' });
    assert.strictEqual(init.data.suggestedName, 'web-1 2026-11-23 1438');
    assert.deepStrictEqual(
      init.data.volumes.map((v) => [
        v.deviceName,
        v.sizeGiB,
        v.volumeType,
        v.deleteOnTermination,
        v.encrypted,
        v.isRoot,
      ]),
      [
        ['/dev/xvda', 8, 'gp3', true, false, true],
        ['/dev/xvdf', 100, 'gp2', false, true, false],
      ],
    );
  });

  it('creates the image with only the changed mappings (DeleteOnTermination, NoDevice) and both tag sets, then reports the id', async () => {
    const { services, sent, session: own } = await open();
    const params = form({
      noReboot: true,
      volumes: [
        { deviceName: '/dev/xvda', include: true, deleteOnTermination: false },
        { deviceName: '/dev/xvdf', include: false, deleteOnTermination: false },
      ],
      imageTags: [{ key: 'team', value: 'web' }],
      snapshotTags: [{ key: 'backup', value: 'yes' }],
    });
    await own.receive({ type: 'submit', requestId: 'r1', params });
    const create = mutations(services);
    assert.strictEqual(create.length, 1);
    const input = JSON.parse(create[0].slice(create[0].indexOf(', ') + 2, -1));
    assert.deepStrictEqual(input, {
      InstanceId: 'i-0123456789abcdef0',
      Name: 'web backup',
      NoReboot: true,
      BlockDeviceMappings: [
        { DeviceName: '/dev/xvda', Ebs: { DeleteOnTermination: false } },
        { DeviceName: '/dev/xvdf', NoDevice: '' },
      ],
      TagSpecifications: [
        { ResourceType: 'image', Tags: [{ Key: 'team', Value: 'web' }] },
        { ResourceType: 'snapshot', Tags: [{ Key: 'backup', Value: 'yes' }] },
      ],
    });
    const last = sent[sent.length - 1];
    assert.deepStrictEqual(last, {
      type: 'result',
      requestId: 'r1',
      result: { ok: true, imageId: 'ami-00000000000000001' },
    });
    assert.ok(sent.some((m) => m.type === 'progress' && /keeps running/.test(m.message)));
    assert.deepStrictEqual(services.created, ['us-east-1/ami-00000000000000001']);

    await own.receive({ type: 'copyId', id: 'ami-00000000000000001' });
    await own.receive({ type: 'revealInTree', id: 'ami-00000000000000001' });
    await own.receive({ type: 'openDetails', id: 'ami-00000000000000001' });
    assert.deepStrictEqual(services.copied, ['ami-00000000000000001']);
    assert.deepStrictEqual(services.revealed, ['us-east-1/ami-00000000000000001']);
    assert.deepStrictEqual(services.shown, [
      { kind: 'imageDetails', region: 'us-east-1', imageId: 'ami-00000000000000001' },
    ]);
  });

  it("shows EC2's message and the fix when CreateImage fails", async () => {
    const { services, sent, session } = await open({
      instances: [instance()],
      volumes,
      failures: {
        createImage: ec2Error('InvalidAMIName.Duplicate', 'AMI name web backup is already in use by AMI ami-1.'),
      },
    });
    await session.receive({ type: 'submit', requestId: 'r2', params: form() });
    assert.deepStrictEqual(sent[sent.length - 1], {
      type: 'result',
      requestId: 'r2',
      result: {
        ok: false,
        error: {
          message: 'AMI name web backup is already in use by AMI ami-1.',
          code: 'InvalidAMIName.Duplicate',
          fix: 'Fix it.',
        },
      },
    });
    assert.deepStrictEqual(services.created, []);
  });

  it('refuses hostile or impossible messages visibly and without any EC2 call', async () => {
    const { services, sent, refused, session } = await open();
    const hostile: unknown[] = [
      { type: 'submit', requestId: 'r', params: { ...form(), name: 'x'.repeat(100_000) } },
      { type: 'submit', requestId: 'r', params: { ...form(), noReboot: 1 } },
      { type: 'submit', requestId: 'r', params: { ...form(), instanceId: 'i-ffffffffffffffff0' } },
      { type: 'runInstances' },
      { type: 'submit', requestId: 'r', params: form({ volumes: form().volumes.slice(0, 1) }) },
      {
        type: 'submit',
        requestId: 'r',
        params: form({ volumes: [{ ...form().volumes[0], include: false }, form().volumes[1]] }),
      },
      {
        type: 'submit',
        requestId: 'r',
        // CreateImage cannot resize or retype an existing volume: the form has no such fields.
        params: form({ volumes: [{ ...form().volumes[0], sizeGiB: 20 } as VolumeMapping, form().volumes[1]] }),
      },
      {
        type: 'submit',
        requestId: 'r',
        params: form({ volumes: [{ ...form().volumes[0], volumeType: 'io2' } as VolumeMapping, form().volumes[1]] }),
      },
      { type: 'copyId', id: 'ami-0123456789abcdef0' },
      { type: 'revealInTree', id: 'ami-0123456789abcdef0' },
      { type: 'openDetails', id: 'ami-0123456789abcdef0' },
    ];
    for (const m of hostile) await session.receive(m);
    assert.deepStrictEqual(mutations(services), []);
    assert.deepStrictEqual(services.shown, []);
    assert.deepStrictEqual(services.copied, []);
    assert.deepStrictEqual(services.revealed, []);
    assert.strictEqual(refused.length, hostile.length);
    assert.strictEqual(sent.filter((m) => m.type === 'refused').length, hostile.length);
    assert.match(refused[3], /unknown type "runInstances"/);
    assert.match(refused[5], /root volume/);
    assert.match(refused[6], /unexpected field sizeGiB/);
    assert.match(refused[7], /unexpected field volumeType/);
  });

  it('refuses to create an image of an instance-store-backed instance, saying why', async () => {
    const { services, refused, session, sent } = await open({
      instances: [instance({ RootDeviceType: 'instance-store', BlockDeviceMappings: [] })],
      volumes: [],
    });
    const init = sent[0];
    assert.ok(init.type === 'init' && init.data.rootDeviceType === 'instance-store');
    await session.receive({ type: 'submit', requestId: 'r', params: form({ volumes: [] }) });
    assert.match(refused[0], /only from EBS-backed instances/);
    assert.deepStrictEqual(mutations(services), []);
  });

  it('refuses a submit before ready, and a second submit while the first is running', async () => {
    const services = fakeServices({ instances: [instance()], volumes });
    const refused: string[] = [];
    const session = new PanelSession(
      new CreateImagePanel('us-east-1', 'i-0123456789abcdef0', services),
      () => undefined,
      {
        refused: (r) => refused.push(r),
        failed: () => undefined,
      },
    );
    await session.receive({ type: 'submit', requestId: 'r', params: form() });
    assert.match(refused[0], /not loaded the instance yet|before the panel said it was ready/);
    await session.receive({ type: 'ready' });
    const first = session.receive({ type: 'submit', requestId: 'a', params: form() });
    await session.receive({ type: 'submit', requestId: 'b', params: form() });
    await first;
    assert.match(refused[1], /still working on the previous request/);
    assert.strictEqual(mutations(services).length, 1);
  });

  it('adds new empty volumes to the mapping: size, type, delete on termination, encryption, no snapshot', async () => {
    const { services, sent, session } = await open();
    const params = form({
      addedVolumes: [
        { deviceName: '/dev/xvdg', sizeGiB: 20, volumeType: 'gp3', deleteOnTermination: true, encrypted: false },
        { deviceName: '/dev/sdh', sizeGiB: 500, volumeType: 'st1', deleteOnTermination: false, encrypted: true },
      ],
    });
    await session.receive({ type: 'submit', requestId: 'n1', params });
    const create = mutations(services);
    assert.strictEqual(create.length, 1);
    const input = JSON.parse(create[0].slice(create[0].indexOf(', ') + 2, -1));
    assert.deepStrictEqual(input.BlockDeviceMappings, [
      {
        DeviceName: '/dev/xvdg',
        Ebs: { VolumeSize: 20, VolumeType: 'gp3', DeleteOnTermination: true, Encrypted: false },
      },
      {
        DeviceName: '/dev/sdh',
        Ebs: { VolumeSize: 500, VolumeType: 'st1', DeleteOnTermination: false, Encrypted: true },
      },
    ]);
    assert.ok(sent.some((m) => m.type === 'result' && m.result.ok));
  });

  it('refuses hostile new volumes without any EC2 call: bad or taken devices, sizes, types, too many', async () => {
    const { services, refused, session } = await open();
    const added = (over: Record<string, unknown>) => ({
      deviceName: '/dev/xvdg',
      sizeGiB: 20,
      volumeType: 'gp3',
      deleteOnTermination: true,
      encrypted: false,
      ...over,
    });
    const submit = (addedVolumes: unknown) => ({ type: 'submit', requestId: 'r', params: { ...form(), addedVolumes } });
    const hostile: [unknown, RegExp][] = [
      [submit([added({ deviceName: '/dev/nvme1n1' })]), /deviceName is invalid/],
      [submit([added({ deviceName: '/dev/xvdf' })]), /already used by another volume/],
      [submit([added({ deviceName: '/dev/sdf' })]), /same device as \/dev\/xvdf/],
      [submit([added({}), added({})]), /already used/],
      [submit([added({ sizeGiB: 65537 })]), /sizeGiB must be between|A gp3 volume has 1–65536 GiB/],
      [submit([added({ volumeType: 'gp2', sizeGiB: 16385 })]), /A gp2 volume has 1–16384 GiB/],
      [submit([added({ volumeType: 'sc1', sizeGiB: 20 })]), /A sc1 volume has 125–16384 GiB/],
      [submit([added({ volumeType: 'standard', sizeGiB: 1025 })]), /A standard volume has 1–1024 GiB/],
      [submit([added({ sizeGiB: '20' })]), /whole number/],
      [submit([added({ encrypted: 'true' })]), /true or false/],
      [submit([added({ volumeType: 'gp4' })]), /must be one of/],
      [submit([added({ volumeType: 'io1' })]), /iops is invalid: A io1 volume needs its IOPS/],
      [submit([added({ volumeType: 'io2', iops: 256001 })]), /A io2 volume has 100–256000 IOPS/],
      [submit([added({ volumeType: 'gp2', iops: 3000 })]), /A gp2 volume takes no IOPS/],
      [submit([added({ throughputMiBs: 2001 })]), /A gp3 volume has 125–2000 MiB\/s/],
      [submit([added({ volumeType: 'st1', sizeGiB: 500, throughputMiBs: 200 })]), /only gp3 does/],
      [submit([added({ snapshotId: 'snap-12' })]), /snapshotId is invalid/],
      [submit([added({ snapshotId: 'snap-0123456789abcdef0', encrypted: true })]), /snapshot’s encryption/],
      [submit([added({ kmsKeyId: 'alias/mine' })]), /unexpected field kmsKeyId/],
      [submit({ 0: added({}) }), /must be a list/],
      [
        submit(
          Array.from({ length: 100 }, (_, i) =>
            added({ deviceName: `/dev/xvd${'bc'[i % 2]}${String.fromCharCode(97 + (i % 26))}` }),
          ),
        ),
        /too many entries \(100, at most 20\)/,
      ],
    ];
    for (const [m] of hostile) await session.receive(m);
    assert.deepStrictEqual(mutations(services), []);
    assert.strictEqual(refused.length, hostile.length);
    hostile.forEach(([, why], i) => assert.match(refused[i], why));
  });

  it('refuses more mappings than an image may have, counting the instance’s volumes', async () => {
    const many = Array.from({ length: 38 }, (_, i) => ({
      DeviceName: `/dev/xvd${'bc'[Math.floor(i / 26)]}${String.fromCharCode(97 + (i % 26))}`,
      Ebs: { VolumeId: `vol-x${i}`, DeleteOnTermination: true },
    }));
    const big = instance({ BlockDeviceMappings: [...instance().BlockDeviceMappings!, ...many] });
    const { services, refused, session, sent } = await open({
      instances: [big],
      volumes: [...volumes, ...many.map((m) => ({ VolumeId: m.Ebs.VolumeId, Size: 1, VolumeType: 'gp3' as const }))],
    });
    const init = sent[0];
    assert.ok(init.type === 'init');
    const existing = init.data.volumes.map((v) => ({
      deviceName: v.deviceName,
      include: true,
      deleteOnTermination: v.deleteOnTermination,
    }));
    await session.receive({
      type: 'submit',
      requestId: 'r',
      params: form({
        volumes: existing,
        addedVolumes: [
          { deviceName: '/dev/sdg', sizeGiB: 20, volumeType: 'gp3', deleteOnTermination: true, encrypted: false },
        ],
      }),
    });
    assert.match(refused[0], /at most 40 volumes; this form has 41/);
    assert.deepStrictEqual(mutations(services), []);
  });

  it('suggests names that EC2 accepts', () => {
    assert.strictEqual(suggestName('db#1 <prod>', new Date('2026-01-02T03:04:00Z')), 'db-1 -prod- 2026-01-02 0304');
  });
});
