import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as sdk from '@aws-sdk/client-ec2';
import { createAwsClients, type AwsClients } from '../../../src/aws/clientFactory';
import { describeError } from '../../../src/aws/errors';
import { CopyImagePanel } from '../../../src/panels/copyImagePanel';
import { CreateImagePanel } from '../../../src/panels/createImagePanel';
import { DeregisterPanel } from '../../../src/panels/deregisterPanel';
import { resolveParameter } from '../../../src/ec2/publicParameters';
import { createImageInsights } from '../../../src/ec2/imageInsights';
import { createPanelEc2Operations } from '../../../src/panels/ec2PanelOperations';
import { LaunchInstancePanel } from '../../../src/panels/launchInstancePanel';
import { LaunchPermissionsPanel } from '../../../src/panels/launchPermissionsPanel';
import type { PanelServices } from '../../../src/panels/panelServices';
import type { PanelController } from '../../../src/panels/panelSession';
import { PanelSession } from '../../../src/panels/panelSession';
import type { CreateImageInit } from '../../../src/shared/protocol/createImage';
import type { HostMessage } from '../../../src/shared/protocol/envelope';
import type { LaunchInstanceInit } from '../../../src/shared/protocol/launchInstance';

/** The panels end to end: PanelSession → controller → EC2Client → the simulator in process. */
describe('panels on the simulator, through a real EC2Client', () => {
  let dir: string;
  let clients: AwsClients;
  let services: PanelServices;
  const REGION = 'us-east-1';

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-explorer-panels-'));
    clients = createAwsClients({ kind: 'simulator', stateFile: path.join(dir, 'state.json'), pendingDelayMs: 0 });
    services = {
      ec2: createPanelEc2Operations({
        client: (r) => clients.ec2(r),
        listRegions: async () => ['us-east-1', 'eu-west-1'],
      }),
      insights: createImageInsights({
        ec2: (r) => clients.ec2(r),
        autoScaling: (r) => clients.service('autoScaling', r),
        explain: (e) => describeError(e, { backend: 'simulator' }).message,
        now: () => Date.now(),
      }),
      explainError: (e) => {
        const u = describeError(e, { backend: 'simulator' });
        return { message: u.message, fix: u.fix, code: u.code };
      },
      backend: 'simulator',
      revealImage: async () => undefined,
      revealInstance: async () => undefined,
      instancesLaunched: () => undefined,
      copyText: async () => undefined,
      showPanel: () => undefined,
      imageCreated: () => undefined,
      imagesChanged: () => undefined,
      callerAccountId: async () => (await clients.identity()).account,
      connectionAccounts: () => [],
      copyDestinations: () => [],
      copyImageInConnection: async () => assert.fail('no other connection here'),
      ownAccountIds: async () => new Set([(await clients.identity()).account]),
      resolvePublicParameter: async (region, name) => resolveParameter(await clients.service('ssm', region), name),
      now: () => new Date('2026-11-23T14:38:00Z'),
      cleanup: {
        pricePerGiBMonth: () => 0.05,
        confirm: async () => true,
        rulesFile: { read: async () => ({ location: 'none', writable: false }), write: async () => undefined },
      },
    };
  });

  after(() => {
    clients.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function drive<TIn extends { type: string }, TInit, TResult>(
    controller: PanelController<TIn, TInit, TResult>,
    ...messages: unknown[]
  ) {
    const sent: HostMessage<TInit, TResult>[] = [];
    const refused: string[] = [];
    const session = new PanelSession(controller, (m) => sent.push(m), {
      refused: (r) => refused.push(r),
      failed: (e) => {
        throw e;
      },
    });
    await session.receive({ type: 'ready' });
    for (const m of messages) await session.receive(typeof m === 'function' ? m(sent) : m);
    return { sent, refused, last: sent[sent.length - 1] };
  }

  async function anEbsInstance(): Promise<sdk.Instance> {
    const ec2 = await clients.ec2(REGION);
    const out = await ec2.send(new sdk.DescribeInstancesCommand({}));
    const all = (out.Reservations ?? []).flatMap((r) => r.Instances ?? []);
    const found = all.find(
      (i) => i.RootDeviceType === 'ebs' && (i.State?.Name === 'running' || i.State?.Name === 'stopped'),
    );
    assert.ok(found, 'the seed has a running or stopped EBS-backed instance');
    return found;
  }

  it('creates an image, shares it, copies it, then deregisters it with its snapshots', async () => {
    const instance = await anEbsInstance();
    const create = new CreateImagePanel(REGION, instance.InstanceId as string, services);
    const created = await drive(create, (sent: HostMessage<CreateImageInit, unknown>[]) => {
      const init = sent[0];
      assert.ok(init.type === 'init', JSON.stringify(init));
      const data = (init as { data: CreateImageInit }).data;
      assert.ok(data.volumes.length > 0 && data.volumes.some((v) => v.isRoot));
      return {
        type: 'submit',
        requestId: 'c1',
        params: {
          name: 'panel test image',
          description: 'made by the panel test',
          noReboot: true,
          volumes: data.volumes.map((v) => ({
            deviceName: v.deviceName,
            include: true,
            deleteOnTermination: v.deleteOnTermination,
          })),
          imageTags: [{ key: 'team', value: 'web' }],
          snapshotTags: [{ key: 'backup', value: 'yes' }],
        },
      };
    });
    assert.ok(created.last.type === 'result' && created.last.result.ok, JSON.stringify(created.last));
    const imageId = (created.last as { result: { imageId: string } }).result.imageId;
    const [image] = await services.ec2.describeImages(REGION, [imageId]);
    assert.strictEqual(image.Name, 'panel test image');
    assert.deepStrictEqual(
      image.Tags?.map((t) => `${t.Key}=${t.Value}`),
      ['team=web'],
    );

    // EC2's own refusal comes back with its message and keeps the panel usable.
    const again = await drive(
      new CreateImagePanel(REGION, instance.InstanceId as string, services),
      (sent: HostMessage<CreateImageInit, unknown>[]) => {
        const data = (sent[0] as { data: CreateImageInit }).data;
        return {
          type: 'submit',
          requestId: 'c2',
          params: {
            name: 'panel test image',
            description: '',
            noReboot: true,
            volumes: data.volumes.map((v) => ({
              deviceName: v.deviceName,
              include: true,
              deleteOnTermination: v.deleteOnTermination,
            })),
            imageTags: [],
            snapshotTags: [],
          },
        };
      },
    );
    assert.ok(again.last.type === 'result' && !again.last.result.ok, JSON.stringify(again.last));
    assert.match(JSON.stringify(again.last), /InvalidAMIName\.Duplicate/);

    const shared = await drive(new LaunchPermissionsPanel(REGION, imageId, services), {
      type: 'submit',
      requestId: 'p1',
      params: { isPublic: false, accounts: ['444455556666'], organizations: [], organizationalUnits: [] },
    });
    assert.deepStrictEqual(shared.last, {
      type: 'result',
      requestId: 'p1',
      result: {
        ok: true,
        kind: 'applied',
        permissions: { isPublic: false, accounts: ['444455556666'], organizations: [], organizationalUnits: [] },
      },
    });

    const copied = await drive(new CopyImagePanel(REGION, imageId, services), {
      type: 'submit',
      requestId: 'k1',
      params: {
        destinationRegion: 'eu-west-1',
        name: 'panel test copy',
        description: '',
        encrypted: false,
        kmsKeyId: '',
        copyImageTags: true,
        acknowledgeUnknownPublisher: false,
      },
    });
    assert.ok(copied.last.type === 'result' && copied.last.result.ok, JSON.stringify(copied.last));
    const copyId = (copied.last as { result: { imageId: string } }).result.imageId;
    assert.strictEqual((await services.ec2.describeImages('eu-west-1', [copyId]))[0]?.Name, 'panel test copy');

    const launched = await drive(
      new LaunchInstancePanel(REGION, imageId, services),
      (sent: HostMessage<LaunchInstanceInit, unknown>[]) => ({
        type: 'submit',
        requestId: 'l1',
        params: {
          instanceType: (sent[0] as { data: LaunchInstanceInit }).data.instanceTypes[0],
          nameTag: 'from panel',
          count: 1,
          acknowledgeCost: false,
          acknowledgeUnknownPublisher: false,
        },
      }),
    );
    assert.ok(launched.last.type === 'result' && launched.last.result.ok, JSON.stringify(launched.last));
    const instanceId = (launched.last as { result: { instanceIds: string[] } }).result.instanceIds[0];
    const launchedInstance = await services.ec2.describeInstance(REGION, instanceId);
    assert.strictEqual(launchedInstance?.ImageId, imageId);
    assert.deepStrictEqual(launchedInstance?.Tags?.find((t) => t.Key === 'Name')?.Value, 'from panel');

    const snapshots = (image.BlockDeviceMappings ?? []).flatMap((b) => (b.Ebs?.SnapshotId ? [b.Ebs.SnapshotId] : []));
    assert.ok(snapshots.length > 0);
    const gone = await drive(new DeregisterPanel(REGION, [imageId], services), {
      type: 'submit',
      requestId: 'd1',
      params: { imageIds: [imageId], deleteSnapshots: true, confirmed: true },
    });
    assert.ok(gone.last.type === 'result' && gone.last.result.ok, JSON.stringify(gone.last));
    const item = (gone.last as { result: { items: { ok: boolean; deletedSnapshotIds: string[] }[] } }).result.items[0];
    assert.ok(item.ok);
    assert.deepStrictEqual(item.deletedSnapshotIds.sort(), snapshots.sort());
    assert.deepStrictEqual(await services.ec2.describeImages(REGION, [imageId]), []);
  });

  it('refuses, without calling EC2, to deregister an image of another account', async () => {
    const ec2 = await clients.ec2(REGION);
    const out = await ec2.send(new sdk.DescribeImagesCommand({ Owners: ['amazon'], MaxResults: 5 }));
    const foreign = out.Images?.[0]?.ImageId as string;
    assert.ok(foreign);
    const r = await drive(new DeregisterPanel(REGION, [foreign], services), {
      type: 'submit',
      requestId: 'd1',
      params: { imageIds: [foreign], deleteSnapshots: true, confirmed: true },
    });
    assert.match(r.refused[0], /belongs to another account/);
    assert.strictEqual((await services.ec2.describeImages(REGION, [foreign])).length, 1);
  });
});
