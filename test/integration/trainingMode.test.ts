// Offline training mode inside VS Code: switching the simulator's account, its HTTP endpoint, and
// simulated time (pending work in the status bar, "Settle Pending Work Now").
import * as assert from 'assert';
import * as net from 'net';
import * as vscode from 'vscode';
import { CreateImageCommand, DescribeImagesCommand, EC2Client } from '@aws-sdk/client-ec2';
import type { AmiExplorerApi } from '../../src/api';
import {
  children,
  contextValue,
  freshExplorer,
  label,
  nodeAt,
  run,
  runExpectingError,
  ScriptedInput,
  setSetting,
  waitFor,
  imageRows,
} from './support';

const REGION = 'us-east-1';
const DEFAULT_ACCOUNT = '123456789012';
const PARTNER_ACCOUNT = '210987654321';

async function switchTo(api: AmiExplorerApi, accountId: string): Promise<ScriptedInput> {
  const input = new ScriptedInput().pickWhere((i) => i.value === accountId);
  api.setUserInput(input);
  await run(api, 'amiExplorer.switchSimulatorAccount');
  input.assertDone();
  return input;
}

async function ownedNames(api: AmiExplorerApi): Promise<string[]> {
  return (await imageRows(api, await nodeAt(api, [REGION, 'Images', 'Owned by me', 'EBS-backed']))).map(label).sort();
}

function reachable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('offline training mode', () => {
  let api: AmiExplorerApi;

  beforeEach(async () => {
    api = await freshExplorer();
  });

  afterEach(async () => {
    api.setUserInput(undefined);
    await vscode.commands.executeCommand('amiExplorer.stopSimulatorEndpoint');
    await setSetting('simulator.account', undefined);
    api.configureSimulator({});
    api.takeErrors();
  });

  it('switches the simulator account: persisted in the setting, shown in the status bar, the tree reloads as that account', async () => {
    const mine = await ownedNames(api);
    assert.ok(mine.includes('ci-build-agent-2026.10'));
    await waitFor('the status bar to show the default account', () =>
      api.connectionStatusText().includes(DEFAULT_ACCOUNT),
    );

    const input = await switchTo(api, PARTNER_ACCOUNT);
    assert.deepStrictEqual(input.prompts[0].items?.length, 2, 'both simulator accounts are offered');
    assert.strictEqual(vscode.workspace.getConfiguration('amiExplorer').get('simulator.account'), PARTNER_ACCOUNT);
    const partnerOwned = await ownedNames(api);
    assert.ok(
      !partnerOwned.includes('ci-build-agent-2026.10'),
      `the partner does not own the default account's images: ${partnerOwned.join(', ')}`,
    );
    const shared = (await children(api, await nodeAt(api, [REGION, 'Images', 'Shared with me', 'EBS-backed']))).map(
      label,
    );
    assert.ok(
      shared.includes('ci-build-agent-2026.10'),
      `the seed shares ci-build-agent with the partner: ${shared.join(', ')}`,
    );
    await waitFor('the status bar to show the partner account', () =>
      api.connectionStatusText().includes(PARTNER_ACCOUNT),
    );

    await switchTo(api, DEFAULT_ACCOUNT);
    assert.deepStrictEqual(await ownedNames(api), mine);
    await waitFor('the status bar to show the default account again', () =>
      api.connectionStatusText().includes(DEFAULT_ACCOUNT),
    );
  });

  it("serves the tree's own simulator on 127.0.0.1 for the AWS CLI, and stops it", async () => {
    await setSetting('pageSize', 50);
    await run(api, 'amiExplorer.startSimulatorEndpoint');
    const url = api.simulatorEndpointUrl();
    assert.ok(url, 'the endpoint runs');
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const http = new EC2Client({
      region: REGION,
      endpoint: url,
      credentials: { accessKeyId: 'AKIAAMIEXPLORERDEV01', secretAccessKey: 'anything' },
      maxAttempts: 1,
    });
    try {
      const overHttp = (
        (
          await http.send(
            new DescribeImagesCommand({ Owners: ['self'], Filters: [{ Name: 'root-device-type', Values: ['ebs'] }] }),
          )
        ).Images ?? []
      )
        .map((i) => i.Name ?? '')
        .sort();
      assert.deepStrictEqual(overHttp, await ownedNames(api), 'the endpoint and the tree show the same images');

      // A change made over HTTP is in the tree after a refresh: it is the same simulator.
      const instance = (await children(api, await nodeAt(api, [REGION, 'Instances']))).find(
        (n) => contextValue(n) === 'instance+running+ebs',
      )!;
      await http.send(
        new CreateImageCommand({ InstanceId: instance.id.split('/').pop(), Name: 'made-over-http', NoReboot: true }),
      );
      await run(api, 'amiExplorer.refresh', await nodeAt(api, [REGION, 'Images', 'Owned by me']));
      await waitFor('the image made over HTTP in the tree', async () =>
        (await ownedNames(api)).includes('made-over-http'),
      );
    } finally {
      http.destroy();
    }
    const port = Number(new URL(url).port);
    await run(api, 'amiExplorer.stopSimulatorEndpoint');
    assert.strictEqual(api.simulatorEndpointUrl(), undefined);
    assert.strictEqual(await reachable(port), false, 'nothing listens any more');
  });

  it('stops the endpoint when the backend changes', async () => {
    await run(api, 'amiExplorer.startSimulatorEndpoint');
    const port = Number(new URL(api.simulatorEndpointUrl()!).port);
    assert.strictEqual(await reachable(port), true);
    assert.strictEqual(api.simulatorEndpointRunningContext(), true);
    api.configureSimulator({ pendingDelayMs: 1 });
    await waitFor('the old endpoint to close', async () => !(await reachable(port)));
    assert.strictEqual(api.simulatorEndpointUrl(), undefined);
    // The view's menu offers Start again, not Stop.
    assert.strictEqual(api.simulatorEndpointRunningContext(), false);
  });

  it('shows pending work in the status bar and settles it on demand', async () => {
    // A manual clock: nothing settles by itself during the test (EC2 takes minutes; the default delay is 5 s).
    api.configureSimulator({ manualClock: true, pendingDelayMs: 600_000 });
    await setSetting('pageSize', 50);
    assert.strictEqual(api.pendingStatusText(), undefined, 'hidden while nothing moves');
    const instance = (await children(api, await nodeAt(api, [REGION, 'Instances']))).find(
      (n) => contextValue(n) === 'instance+running+ebs',
    )!;
    const ec2 = await api.ec2(REGION);
    const { ImageId } = await ec2.send(
      new CreateImageCommand({ InstanceId: instance.id.split('/').pop(), Name: 'slow image' }),
    );
    await run(api, 'amiExplorer.refresh');
    await ownedNames(api);
    await children(api, await nodeAt(api, [REGION, 'Instances']));
    await waitFor('the new image and the rebooting instance to be followed', () => api.pendingWork() === 2);
    assert.strictEqual(api.pendingStatusText(), '$(sync~spin) 2 pending');

    await run(api, 'amiExplorer.settlePendingWork');
    assert.strictEqual(api.pendingWork(), 0);
    assert.strictEqual(api.pendingStatusText(), undefined);
    const image = (await children(api, await nodeAt(api, [REGION, 'Images', 'Owned by me', 'EBS-backed']))).find((n) =>
      n.id.endsWith(ImageId!),
    )!;
    assert.match(contextValue(image), /^image\+available\+owned/);
    assert.strictEqual(contextValue((await api.resolve(instance.id))!), 'instance+running+ebs', 'the reboot finished');
  });

  it('refuses the simulator commands on real AWS with what to do', async () => {
    await setSetting('backend', 'aws');
    try {
      for (const command of [
        'amiExplorer.switchSimulatorAccount',
        'amiExplorer.startSimulatorEndpoint',
        'amiExplorer.settlePendingWork',
      ]) {
        const error = await runExpectingError(api, command);
        assert.match(error.message, /real AWS/);
        assert.match(error.fix ?? '', /Use Simulator/);
      }
    } finally {
      await setSetting('backend', 'simulator');
    }
  });
});
