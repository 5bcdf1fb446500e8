// Commands run with executeCommand on nodes of the real tree (and from the palette), on the simulator.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AmiExplorerApi } from '../../src/api';
import type { ExplorerNode } from '../../src/explorer/node';
import {
  children,
  contextValue,
  description,
  freshExplorer,
  iconId,
  label,
  nodeAt,
  run,
  runExpectingError,
  ScriptedInput,
  selectedRow,
} from './support';

async function instanceRow(
  api: AmiExplorerApi,
  contextValueWanted: string,
  region = 'us-east-1',
): Promise<ExplorerNode> {
  const rows = await children(api, await nodeAt(api, [region, 'Instances']));
  const row = rows.find((r) => contextValue(r) === contextValueWanted);
  assert.ok(row, `no ${contextValueWanted} among ${rows.map(contextValue).join(', ')}`);
  return row;
}

describe('instance and image commands', () => {
  let api: AmiExplorerApi;

  beforeEach(async () => {
    api = await freshExplorer();
  });

  after(() => {
    api.configureSimulator({});
    api.setUserInput(undefined);
  });

  it('stops an instance after a confirmation that names it and says what is lost, and follows it until stopped', async () => {
    api.configureSimulator({ manualClock: true, pendingDelayMs: 30_000 });
    const row = await instanceRow(api, 'instance+running+ebs');
    const input = new ScriptedInput().accept();
    api.setUserInput(input);
    await run(api, 'amiExplorer.stopInstance', row);
    input.assertDone();
    const instanceId = row.id.split('/').pop()!;
    assert.match(input.prompts[0].title, new RegExp(instanceId));
    assert.match(input.prompts[0].detail ?? '', /instance-store/);

    assert.match(description(row), /stopping/, 'the same row now shows the transition');
    assert.strictEqual(iconId(row), 'loading~spin');
    assert.strictEqual(api.pendingWork(), 1, 'the instance is followed');

    await api.advanceSimulatorClock(10_000);
    await api.settle();
    assert.strictEqual(contextValue(row), 'instance+stopped+ebs');
    assert.strictEqual(api.pendingWork(), 0);
  });

  it('starts a stopped EBS-backed instance picked from the palette', async () => {
    const stopped = await instanceRow(api, 'instance+stopped+ebs');
    const input = new ScriptedInput().pickLabel('us-east-1').pickWhere((i) => label(stopped) === i.label);
    api.setUserInput(input);
    await run(api, 'amiExplorer.startInstance');
    input.assertDone();
    await api.settle();
    const after = await api.resolve(stopped.id);
    assert.ok(after);
    assert.strictEqual(contextValue(after), 'instance+running+ebs');
  });

  it('changes nothing when the user declines a termination or dismisses a prompt', async () => {
    const row = await instanceRow(api, 'instance+running+ebs');
    const input = new ScriptedInput().decline();
    api.setUserInput(input);
    await run(api, 'amiExplorer.terminateInstance', row);
    assert.match(input.prompts[0].title, /cannot be undone/);
    assert.match(input.prompts[0].detail ?? '', /instance-store volumes and on EBS volumes/);
    api.setUserInput(new ScriptedInput().cancel());
    await run(api, 'amiExplorer.createImage');
    await run(api, 'amiExplorer.refresh');
    assert.strictEqual(contextValue((await api.resolve(row.id))!), 'instance+running+ebs');
  });

  it('refuses Create Image on an instance-store-backed instance and says why', async () => {
    const row = await instanceRow(api, 'instance+running+instanceStore');
    api.setUserInput(new ScriptedInput());
    const error = await runExpectingError(api, 'amiExplorer.createImage', row);
    assert.match(error.message, /instance-store-backed/);
    assert.match(error.fix ?? '', /bundle/i);
  });

  it('copies AMI and instance ids to the clipboard', async () => {
    const image = (await children(api, await nodeAt(api, ['us-east-1', 'Images', 'Amazon', 'EBS-backed'])))[0];
    await run(api, 'amiExplorer.copyImageId', image);
    assert.strictEqual(await vscode.env.clipboard.readText(), image.id.split('/').pop());
    const instance = await instanceRow(api, 'instance+running+ebs');
    await run(api, 'amiExplorer.copyInstanceId', instance);
    assert.strictEqual(await vscode.env.clipboard.readText(), instance.id.split('/').pop());
  });

  it("reveals an instance's AMI in the tree, even beyond the loaded page", async () => {
    const instance = await instanceRow(api, 'instance+running+ebs');
    await run(api, 'amiExplorer.revealImage', instance);
    const amiId =
      / · (ami-[0-9a-f]{17})/.exec(description(instance))?.[1] ?? description(instance).match(/ami-[0-9a-f]{17}/)?.[0];
    await selectedRow(api, (id) => id.endsWith(`/${amiId}`));
  });

  it('resets the simulator after a confirmation', async () => {
    const row = await instanceRow(api, 'instance+running+ebs');
    api.setUserInput(new ScriptedInput().accept());
    await run(api, 'amiExplorer.terminateInstance', row);
    await api.settle();
    const input = new ScriptedInput().accept();
    api.setUserInput(input);
    await run(api, 'amiExplorer.resetSimulator');
    input.assertDone();
    assert.ok((await api.resolve(row.id)) && contextValue((await api.resolve(row.id))!) === 'instance+running+ebs');
  });
});
