// The webview panels, opened through their commands on rows of the real tree, then driven end to
// end on the simulator by posting the messages their webviews post (through the test API).
import * as assert from 'assert';
import {
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import type { AmiExplorerApi } from '../../src/api';
import type { ExplorerNode } from '../../src/explorer/node';
import type { CreateImageInit } from '../../src/shared/protocol/createImage';
import type { DeregisterInit } from '../../src/shared/protocol/deregister';
import type { ImageDetailsInit } from '../../src/shared/protocol/imageDetails';
import type { LaunchInstanceInit } from '../../src/shared/protocol/launchInstance';
import type { LaunchPermissionsInit } from '../../src/shared/protocol/launchPermissions';
import {
  ScriptedInput,
  children,
  contextValue,
  freshExplorer,
  label,
  nodeAt,
  openPanel as open,
  ready,
  request,
  rowWhere as row,
  run,
  succeeded,
  volumesOf,
  waitFor,
  selectedRow,
} from './support';

const REGION = 'us-east-1';
const PARTNER_TO_BE = '210987654321';

const ownedEbs = (api: AmiExplorerApi, name: string) =>
  row(api, [REGION, 'Images', 'Owned by me', 'EBS-backed'], (n) => label(n) === name, `owned image "${name}"`);

describe('webview panels, driven through their controllers', function () {
  let api: AmiExplorerApi;

  beforeEach(async () => {
    api = await freshExplorer();
    api.takePanelEc2Calls();
  });

  afterEach(() => {
    for (const p of api.panels()) p.close();
    api.configureSimulator({});
  });

  it('Create Image panel: creates an image from an instance row, shown under Owned by me, pending then available', async () => {
    api.configureSimulator({ manualClock: true, pendingDelayMs: 30_000 });
    const instance = await row(
      api,
      [REGION, 'Instances'],
      (n) => contextValue(n) === 'instance+running+ebs',
      'running EBS instance',
    );
    const instanceId = instance.id.split('/').pop()!;
    const panel = await open(api, 'amiExplorer.createImage', instance, 'createImage');
    assert.deepStrictEqual(panel.args, { kind: 'createImage', region: REGION, instanceId });
    assert.match(panel.title, new RegExp(instanceId));
    const init = await ready<CreateImageInit>(panel);
    assert.strictEqual(init.instanceState, 'running');
    assert.ok(init.volumes.some((v) => v.isRoot && v.sizeGiB > 0));

    const params = {
      name: 'panel image 1',
      description: 'made by the panel test',
      noReboot: true,
      volumes: volumesOf(init),
      imageTags: [{ key: 'team', value: 'web' }],
      snapshotTags: [],
    };
    const result = await succeeded(panel, { type: 'submit', requestId: 'c1', params });
    const imageId = result.imageId as string;
    assert.match(imageId, /^ami-[0-9a-f]{17}$/);
    assert.ok(api.takePanelEc2Calls().includes('createImage'));

    let created: ExplorerNode | undefined;
    await waitFor('the new image under Owned by me', async () => {
      created = (await children(api, await nodeAt(api, [REGION, 'Images', 'Owned by me', 'EBS-backed']))).find(
        (n) => label(n) === 'panel image 1',
      );
      return !!created;
    });
    assert.strictEqual(created!.id, `${REGION}/images/self/ebs/${imageId}`);
    assert.match(contextValue(created!), /^image\+pending\+owned\+private$/);
    assert.ok(api.pendingWork() >= 1, 'the pending image is followed');

    await api.advanceSimulatorClock(31_000);
    await api.settle();
    assert.match(contextValue((await api.resolve(created!.id))!), /^image\+available\+owned\+private$/);

    // Reveal from the success message selects the new row; a second submit with the same name shows EC2's refusal.
    await panel.post({ type: 'revealInTree', id: imageId });
    await selectedRow(api, (id) => id === created!.id);
    const again = await request(panel, { type: 'submit', requestId: 'c2', params });
    assert.ok(!again.result.ok && again.result.error.code === 'InvalidAMIName.Duplicate', JSON.stringify(again.result));
    assert.match(again.result.error.fix ?? '', /name/);

    // Opening it again reveals the same panel.
    await run(api, 'amiExplorer.createImage', instance);
    assert.strictEqual(api.panels().length, 1);
  });

  it('Create Image panel: a new io2 volume keeps its IOPS and a gp3 one its throughput, in the image DescribeImages shows', async () => {
    const instance = await row(
      api,
      [REGION, 'Instances'],
      (n) => contextValue(n) === 'instance+running+ebs',
      'running EBS instance',
    );
    const panel = await open(api, 'amiExplorer.createImage', instance, 'createImage');
    const init = await ready<CreateImageInit>(panel);
    const taken = init.volumes.map((v) => v.deviceName.replace(/^\/dev\/(sd|xvd)/, ''));
    const [io2, gp3] = [...'ghijklmnop'].filter((c) => !taken.includes(c)).map((c) => `/dev/sd${c}`);
    const volume = { sizeGiB: 10, deleteOnTermination: true, encrypted: false };
    const params = {
      name: 'panel image with provisioned volumes',
      description: '',
      noReboot: true,
      volumes: volumesOf(init),
      addedVolumes: [
        { ...volume, deviceName: io2, volumeType: 'io2', iops: 6000 },
        { ...volume, deviceName: gp3, volumeType: 'gp3', throughputMiBs: 500 },
      ],
      imageTags: [],
      snapshotTags: [],
    };
    const result = await succeeded(panel, { type: 'submit', requestId: 'pv1', params });
    const ec2 = await api.ec2(REGION);
    const image = (await ec2.send(new DescribeImagesCommand({ ImageIds: [result.imageId as string] }))).Images?.[0];
    const ebs = (device: string) => image?.BlockDeviceMappings?.find((m) => m.DeviceName === device)?.Ebs;
    assert.deepStrictEqual([ebs(io2)?.VolumeType, ebs(io2)?.Iops], ['io2', 6000]);
    assert.deepStrictEqual([ebs(gp3)?.VolumeType, ebs(gp3)?.Iops, ebs(gp3)?.Throughput], ['gp3', 3000, 500]);
  });

  it('Create Image panel: adds a new empty 20 GiB gp3 volume, shown by DescribeImages and created at launch', async () => {
    api.configureSimulator({ manualClock: true, pendingDelayMs: 30_000 });
    const instance = await row(
      api,
      [REGION, 'Instances'],
      (n) => contextValue(n) === 'instance+running+ebs',
      'running EBS instance',
    );
    const panel = await open(api, 'amiExplorer.createImage', instance, 'createImage');
    const init = await ready<CreateImageInit>(panel);
    const taken = init.volumes.map((v) => v.deviceName.replace(/^\/dev\/(sd|xvd)/, ''));
    const letter = [...'fghijklmnop'].find((c) => !taken.includes(c))!;
    const device = `/dev/sd${letter}`;
    const added = { deviceName: device, sizeGiB: 20, volumeType: 'gp3', deleteOnTermination: true, encrypted: true };
    const params = {
      name: 'panel image with new volume',
      description: '',
      noReboot: true,
      volumes: volumesOf(init),
      addedVolumes: [added],
      imageTags: [],
      snapshotTags: [],
    };
    const result = await succeeded(panel, { type: 'submit', requestId: 'nv1', params });
    const imageId = result.imageId as string;

    const ec2 = await api.ec2(REGION);
    const image = (await ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] }))).Images?.[0];
    const mapping = image?.BlockDeviceMappings?.find((m) => m.DeviceName === device);
    assert.ok(mapping?.Ebs, `the image maps ${device}: ${JSON.stringify(image?.BlockDeviceMappings)}`);
    assert.strictEqual(mapping.Ebs.VolumeSize, 20);
    assert.strictEqual(mapping.Ebs.VolumeType, 'gp3');
    assert.strictEqual(mapping.Ebs.DeleteOnTermination, true);
    assert.strictEqual(mapping.Ebs.Encrypted, true);
    assert.strictEqual(mapping.Ebs.SnapshotId, undefined, 'a new volume has no snapshot');
    assert.strictEqual(image?.BlockDeviceMappings?.length, init.volumes.length + 1);

    // An instance launched from the image gets the new, empty volume.
    await api.advanceSimulatorClock(31_000);
    await api.settle();
    const launch = await ec2.send(
      new RunInstancesCommand({
        ImageId: imageId,
        InstanceType: image?.Architecture === 'arm64' ? 't4g.micro' : 't3.micro',
        MinCount: 1,
        MaxCount: 1,
      }),
    );
    const launchedId = launch.Instances![0].InstanceId!;
    const launched = (await ec2.send(new DescribeInstancesCommand({ InstanceIds: [launchedId] }))).Reservations![0]
      .Instances![0];
    const attached = launched.BlockDeviceMappings?.find((m) => m.DeviceName === device);
    assert.ok(attached?.Ebs?.VolumeId, `the launched instance has ${device}`);
    const volume = (await ec2.send(new DescribeVolumesCommand({ VolumeIds: [attached.Ebs.VolumeId] }))).Volumes![0];
    assert.deepStrictEqual(
      [volume.Size, volume.VolumeType, volume.Encrypted, volume.SnapshotId ?? ''],
      [20, 'gp3', true, ''],
    );
  });

  it('Copy AMI panel: copies an owned image to another region, where it is followed until available', async () => {
    const source = await ownedEbs(api, 'ci-build-agent-2026.10');
    const sourceId = source.id.split('/').pop()!;
    const panel = await open(api, 'amiExplorer.copyImage', source, 'copyImage');
    const init = await ready<{ regions: string[]; isMarketplace: boolean }>(panel);
    assert.ok(init.regions.includes('eu-west-1') && !init.isMarketplace);
    const result = await succeeded(panel, {
      type: 'submit',
      requestId: 'k1',
      params: {
        destinationRegion: 'eu-west-1',
        name: 'web base copy',
        description: 'copied by the panel test',
        encrypted: false,
        kmsKeyId: '',
        copyImageTags: true,
        acknowledgeUnknownPublisher: false,
      },
    });
    assert.strictEqual(result.region, 'eu-west-1');
    const copyId = result.imageId as string;
    const out = await (await api.ec2('eu-west-1')).send(new DescribeImagesCommand({ ImageIds: [copyId] }));
    assert.strictEqual(out.Images?.[0]?.Name, 'web base copy');
    assert.strictEqual(out.Images?.[0]?.SourceImageId, sourceId);
    await api.settle();
    await waitFor('the copy under Owned by me in eu-west-1', async () =>
      (await children(api, await nodeAt(api, ['eu-west-1', 'Images', 'Owned by me', 'EBS-backed']))).some(
        (n) => label(n) === 'web base copy' && /^image\+available\+owned/.test(contextValue(n)),
      ),
    );
  });

  it('Launch permissions panel: shares with an account and reads it back; refuses to make an encrypted image public', async () => {
    const image = await ownedEbs(api, 'windows-2022-iis-golden');
    const imageId = image.id.split('/').pop()!;
    const panel = await open(api, 'amiExplorer.editLaunchPermissions', image, 'launchPermissions');
    const init = await ready<LaunchPermissionsInit>(panel);
    assert.deepStrictEqual(init.publicBlockers, []);
    const wanted = { ...init.current, accounts: [...init.current.accounts, PARTNER_TO_BE] };
    const result = await succeeded(panel, { type: 'submit', requestId: 'p1', params: wanted });
    assert.strictEqual(result.kind, 'applied');
    assert.ok(
      (result.permissions as { accounts: string[] }).accounts.includes(PARTNER_TO_BE),
      'read back with DescribeImageAttribute',
    );
    assert.deepStrictEqual(api.takePanelEc2Calls().slice(-2), ['modifyLaunchPermissions', 'getLaunchPermissions']);

    // Opening the panel again (after closing it) reads the same permissions from EC2.
    panel.close();
    const reopened = await open(
      api,
      'amiExplorer.editLaunchPermissions',
      await ownedEbs(api, 'windows-2022-iis-golden'),
      'launchPermissions',
    );
    assert.ok((await ready<LaunchPermissionsInit>(reopened)).current.accounts.includes(PARTNER_TO_BE));
    reopened.close();

    const encrypted = await ownedEbs(api, 'payments-api-encrypted-v3');
    const blocked = await open(api, 'amiExplorer.editLaunchPermissions', encrypted, 'launchPermissions');
    const blockedInit = await ready<LaunchPermissionsInit>(blocked);
    assert.match(blockedInit.publicBlockers.join(' '), /encrypted/);
    api.takePanelEc2Calls();
    const posted = await blocked.post({
      type: 'submit',
      requestId: 'p2',
      params: { ...blockedInit.current, isPublic: true },
    });
    assert.deepStrictEqual(
      posted.map((m) => m.type),
      ['refused'],
    );
    assert.match((posted[0] as { message: string }).message, /cannot be made public.*encrypted/);
    assert.deepStrictEqual(api.takePanelEc2Calls(), [], 'refused before any EC2 call');
    assert.ok(imageId);
  });

  it('Deregister panel: deregisters the selected owned image and deletes its snapshots', async () => {
    const image = await ownedEbs(api, 'ci-build-agent-2026.10');
    const imageId = image.id.split('/').pop()!;
    const panel = await open(api, 'amiExplorer.deregisterImage', image, 'deregister', [image]);
    assert.deepStrictEqual(panel.args, { kind: 'deregister', region: REGION, imageIds: [imageId] });
    const init = await ready<DeregisterInit>(panel);
    const snapshots = init.images[0].snapshots.map((s) => s.snapshotId);
    assert.ok(snapshots.length > 0 && init.images[0].ownedByMe && init.images[0].monthlyCostUsd > 0);

    // Without the explicit confirmation the host refuses.
    const unconfirmed = await panel.post({
      type: 'submit',
      requestId: 'd0',
      params: { imageIds: [imageId], deleteSnapshots: true, confirmed: false },
    });
    assert.deepStrictEqual(
      unconfirmed.map((m) => m.type),
      ['refused'],
    );

    // The pre-check: the ci-runner launch template still launches it, so a plain confirmation is refused.
    const usedBy = init.images[0].usedBy;
    assert.ok(
      usedBy?.available && usedBy.usage.launchTemplates.some((t) => t.name === 'ci-runner'),
      JSON.stringify(usedBy),
    );
    const careless = await panel.post({
      type: 'submit',
      requestId: 'd0b',
      params: { imageIds: [imageId], deleteSnapshots: true, confirmed: true },
    });
    assert.deepStrictEqual(
      careless.map((m) => m.type),
      ['refused'],
    );
    assert.match(
      (careless[0] as { message: string }).message,
      /1 launch template still launches this AMI: it will fail to launch after deregistration/,
    );
    assert.ok(!api.takePanelEc2Calls().includes('deregisterImage'), 'refused before DeregisterImage');
    const ec2Before = await api.ec2(REGION);
    const still = await ec2Before.send(new DescribeImagesCommand({ ImageIds: [imageId] }));
    assert.strictEqual(still.Images?.[0]?.State, 'available', 'nothing was deregistered');

    const result = await succeeded(panel, {
      type: 'submit',
      requestId: 'd1',
      params: { imageIds: [imageId], deleteSnapshots: true, confirmed: true, confirmedInUse: true },
    });
    const item = (result.items as { imageId: string; ok: boolean; deletedSnapshotIds: string[] }[])[0];
    assert.ok(item.ok);
    assert.deepStrictEqual([...item.deletedSnapshotIds].sort(), [...snapshots].sort());

    const ec2 = await api.ec2(REGION);
    const left = (await ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'] }))).Snapshots ?? [];
    assert.deepStrictEqual(
      left.filter((s) => snapshots.includes(s.SnapshotId ?? '')),
      [],
      'the snapshots are gone',
    );
    await waitFor(
      'the image to leave the tree',
      async () =>
        !(await children(api, await nodeAt(api, [REGION, 'Images', 'Owned by me', 'EBS-backed']))).some(
          (n) => n.id === image.id,
        ),
    );
  });

  it('Deregister panel: takes the tree selection of several owned images', async () => {
    const a = await ownedEbs(api, 'windows-2022-iis-golden');
    const b = await ownedEbs(api, 'legacy-app-2024.08');
    const panel = await open(api, 'amiExplorer.deregisterImage', b, 'deregister', [a, b]);
    assert.deepStrictEqual(
      [...(panel.args as { imageIds: string[] }).imageIds].sort(),
      [a.id, b.id].map((id) => id.split('/').pop()!).sort(),
    );
    assert.strictEqual((await ready<DeregisterInit>(panel)).images.length, 2);
  });

  it('Launch panel: launches an instance from an available image; it appears under Instances', async () => {
    const image = await ownedEbs(api, 'ci-build-agent-2026.10');
    const imageId = image.id.split('/').pop()!;
    const panel = await open(api, 'amiExplorer.launchInstance', image, 'launchInstance');
    const init = await ready<LaunchInstanceInit>(panel);
    assert.strictEqual(init.backend, 'simulator');
    const result = await succeeded(panel, {
      type: 'submit',
      requestId: 'l1',
      params: {
        instanceType: init.instanceTypes[0],
        nameTag: 'launched by panel test',
        count: 1,
        acknowledgeCost: false,
        acknowledgeUnknownPublisher: false,
      },
    });
    const [instanceId] = result.instanceIds as string[];
    assert.match(instanceId, /^i-[0-9a-f]{17}$/);
    await api.settle();
    await waitFor('the instance under Instances', async () =>
      (await children(api, await nodeAt(api, [REGION, 'Instances']))).some(
        (n) => n.id === `${REGION}/instances/${instanceId}` && /^instance\+running\+ebs$/.test(contextValue(n)),
      ),
    );
    const launched = (await children(api, await nodeAt(api, [REGION, 'Instances']))).find((n) =>
      n.id.endsWith(instanceId),
    )!;
    assert.strictEqual(label(launched), 'launched by panel test');
    assert.ok(imageId);
  });

  it('Image details panel: every attribute of an owned image; its buttons open the other panels', async () => {
    const image = await ownedEbs(api, 'payments-api-encrypted-v3');
    const imageId = image.id.split('/').pop()!;
    const panel = await open(api, 'amiExplorer.showImageDetails', image, 'imageDetails');
    assert.deepStrictEqual(panel.args, { kind: 'imageDetails', region: REGION, imageId });
    const init = await ready<ImageDetailsInit>(panel);
    assert.strictEqual(init.name, 'payments-api-encrypted-v3');
    assert.ok(init.ownedByMe && init.state === 'available' && init.rootDeviceType === 'ebs');
    const ebs = init.blockDevices.filter((b) => b.kind === 'ebs');
    assert.deepStrictEqual(ebs.map((b) => b.deviceName).includes('/dev/sdf'), true, JSON.stringify(init.blockDevices));
    assert.ok(
      ebs.every((b) => b.encrypted && /^snap-/.test(b.snapshotId ?? '') && b.kmsKeyId),
      JSON.stringify(ebs),
    );
    assert.ok(ebs.some((b) => b.sizeGiB === 50));
    assert.ok(init.monthlyCostUsd > 0);
    assert.ok(
      init.tags.some((t) => t.key === 'Compliance' && t.value === 'pci'),
      JSON.stringify(init.tags),
    );
    assert.ok(init.permissions.readable, 'the owner reads the launch permissions');
    // The real webview said ready too: each load is DescribeImages + DescribeImageAttribute, nothing else.
    assert.deepStrictEqual([...new Set(api.takePanelEc2Calls())].sort(), ['describeImages', 'getLaunchPermissions']);

    // Read-only: the buttons open the other panels for the same image; nothing is sent to EC2.
    for (const target of ['launchInstance', 'copyImage', 'launchPermissions', 'deregister']) {
      assert.deepStrictEqual(await panel.post({ type: 'openPanel', panel: target }), []);
    }
    assert.deepStrictEqual(
      api
        .panels()
        .map((p) => p.kind)
        .sort(),
      ['copyImage', 'deregister', 'imageDetails', 'launchInstance', 'launchPermissions'],
    );
    assert.deepStrictEqual(api.panels().find((p) => p.kind === 'deregister')!.args, {
      kind: 'deregister',
      region: REGION,
      imageIds: [imageId],
    });
    assert.deepStrictEqual(
      api.takePanelEc2Calls().filter((c) => !/^(describe|get|list)/.test(c)),
      [],
    );

    // Refresh reads the image again and answers with the details.
    const refreshed = await succeeded(panel, { type: 'refresh', requestId: 'f1' });
    assert.strictEqual((refreshed.details as ImageDetailsInit).imageId, imageId);

    // Another account's image: the permissions cannot be read, and Deregister is refused by the host.
    for (const p of api.panels()) p.close();
    const amazon = await row(api, [REGION, 'Images', 'Amazon', 'EBS-backed'], () => true, 'Amazon image');
    const foreign = await open(api, 'amiExplorer.showImageDetails', amazon, 'imageDetails');
    const foreignInit = await ready<ImageDetailsInit>(foreign);
    assert.ok(!foreignInit.ownedByMe && !foreignInit.permissions.readable);
    assert.match(foreignInit.permissions.reason, /Only the owner/);
    const refused = await foreign.post({ type: 'openPanel', panel: 'deregister' });
    assert.deepStrictEqual(
      refused.map((m) => m.type),
      ['refused'],
    );
    assert.deepStrictEqual(api.takeErrors(), []);
  });

  it('Image details from the palette: asks the region and any image id, also one not loaded in the tree', async () => {
    const image = await ownedEbs(api, 'windows-2022-iis-golden');
    const imageId = image.id.split('/').pop()!;
    const input = new ScriptedInput().pickLabel(REGION).type(imageId);
    api.setUserInput(input);
    try {
      const panel = await open(
        api,
        'amiExplorer.showImageDetails',
        undefined as unknown as ExplorerNode,
        'imageDetails',
      );
      input.assertDone();
      assert.deepStrictEqual(panel.args, { kind: 'imageDetails', region: REGION, imageId });
      const init = await ready<ImageDetailsInit>(panel);
      assert.strictEqual(init.platform, 'windows');
      assert.strictEqual(init.rootDeviceName, '/dev/sda1');
    } finally {
      api.setUserInput(undefined);
    }
  });

  it('refuses hostile messages (wrong types, oversized strings, unknown types) without any EC2 call', async () => {
    const instance = await row(
      api,
      [REGION, 'Instances'],
      (n) => contextValue(n) === 'instance+stopped+ebs',
      'stopped EBS instance',
    );
    const panel = await open(api, 'amiExplorer.createImage', instance, 'createImage');
    const init = await ready<CreateImageInit>(panel);
    const good = {
      name: 'hostile test',
      description: '',
      noReboot: false,
      volumes: volumesOf(init),
      imageTags: [],
      snapshotTags: [],
    };
    api.takePanelEc2Calls();
    const hostile: unknown[] = [
      { type: 'submit', requestId: 'h1', params: { ...good, name: 42 } },
      { type: 'submit', requestId: 'h2', params: { ...good, noReboot: 'yes' } },
      { type: 'submit', requestId: 'h3', params: { ...good, name: 'x'.repeat(100_000) } },
      { type: 'submit', requestId: 'h4', params: { ...good, description: 'd'.repeat(256) } },
      {
        type: 'submit',
        requestId: 'h5',
        params: { ...good, volumes: [{ ...good.volumes[0], deviceName: '/dev/not-attached' }] },
      },
      { type: 'submit', requestId: 'h6', params: { ...good, ...JSON.parse('{"__proto__": {"polluted": true}}') } },
      { type: 'submit', requestId: 'x'.repeat(65), params: good },
      { type: 'deleteEverything', requestId: 'h7' },
      { type: 'revealInTree', id: 'ami-0123456789abcdef0' },
      { type: 'copyId', id: { toString: 'i-0' } },
      'ready',
      null,
      [{ type: 'ready' }],
    ];
    for (const message of hostile) {
      const posted = await panel.post(message);
      assert.deepStrictEqual(
        posted.map((m) => m.type),
        ['refused'],
        `refused: ${JSON.stringify(message).slice(0, 120)}`,
      );
    }
    assert.deepStrictEqual(api.takePanelEc2Calls(), [], 'no EC2 call for any of them');
    assert.deepStrictEqual(api.takeErrors(), []);
    // The panel still works afterwards.
    const result = await succeeded(panel, { type: 'submit', requestId: 'ok1', params: good });
    assert.match(result.imageId as string, /^ami-/);
  });
});
