// The "Learn Amazon Machine Images" walkthrough, walked end to end on the simulator through the real
// commands, tree and panels: each step's completion condition (package.json `completionEvents`)
// is false before the user does the step and true after.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AmiExplorerApi, PanelDriver } from '../../src/api';
import type { ExplorerNode } from '../../src/explorer/node';
import type { CreateImageInit } from '../../src/shared/protocol/createImage';
import type { DeregisterInit } from '../../src/shared/protocol/deregister';
import type { LaunchPermissionsInit } from '../../src/shared/protocol/launchPermissions';
import {
  children,
  contextValue,
  EXTENSION_ID,
  freshExplorer,
  nodeAt,
  openPanel,
  ready,
  rowNamed,
  run,
  ScriptedInput,
  setSetting,
  succeeded,
  volumesOf,
  waitFor,
} from './support';

const REGION = 'us-east-1';
const OTHER_REGION = 'eu-west-1';
const PARTNER = '210987654321';
const DEFAULT = '123456789012';

interface Step {
  id: string;
  title: string;
  description: string;
  completionEvents: string[];
  media: { markdown: string };
}

function walkthroughSteps(): Step[] {
  const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
    contributes: { walkthroughs: { id: string; title: string; steps: Step[] }[] };
  };
  const walkthrough = pkg.contributes.walkthroughs.find((w) => w.id === 'learnAmazonMachineImages');
  assert.ok(walkthrough, 'the walkthrough is contributed');
  assert.strictEqual(walkthrough.title, 'Learn Amazon Machine Images');
  return walkthrough.steps;
}

const submit = (panel: PanelDriver, requestId: string, params: unknown) =>
  succeeded(panel, { type: 'submit', requestId, params });

describe('walkthrough: Learn Amazon Machine Images', function () {
  let api: AmiExplorerApi;
  const commandsRun = new Set<string>();

  /** True when every completion event of the step has happened (context keys set, or the command run). */
  function isDone(step: Step): boolean {
    const keys = new Set(api.walkthroughContextKeys());
    return step.completionEvents.every((event) => {
      if (event.startsWith('onContext:'))
        return event
          .slice('onContext:'.length)
          .split(/\s*&&\s*/)
          .every((k) => keys.has(k));
      if (event.startsWith('onCommand:')) return commandsRun.has(event.slice('onCommand:'.length));
      return false;
    });
  }

  async function doStep(steps: Step[], id: string, work: () => Promise<void>): Promise<void> {
    const step = steps.find((s) => s.id === id);
    assert.ok(step, `step ${id}`);
    assert.strictEqual(isDone(step), false, `"${step.title}" is not complete before the user does it`);
    await work();
    await waitFor(`"${step.title}" to complete (${step.completionEvents.join(', ')})`, () => isDone(step));
  }

  /**
   * Reveals an instance's AMI until the view selects it. After the suites before this one many rows
   * are expanded, and the view may still be reloading them after the reset: VS Code then drops a
   * reveal ("No tree item with id … found" in its log), and a user would simply click again.
   */
  async function revealUntilSelected(instance: ExplorerNode, wanted: RegExp): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await run(api, 'amiExplorer.revealImage', instance);
      try {
        await waitFor('the AMI to be selected', () => api.selection().some((n) => wanted.test(n.id)), 3000);
        return;
      } catch (e) {
        if (attempt === 3) throw e;
      }
    }
  }

  before(async () => {
    api = await freshExplorer();
    // Earlier suites in this extension host did some of the steps already.
    api.resetWalkthroughProgress();
  });

  after(async () => {
    for (const p of api.panels()) p.close();
    api.setUserInput(undefined);
    await vscode.commands.executeCommand('amiExplorer.stopSimulatorEndpoint');
    await setSetting('simulator.account', undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens, and ticks off every step as the user really does it', async () => {
    const steps = walkthroughSteps();
    assert.ok(
      steps.every((s) => s.completionEvents.length > 0 && /\]\(command:/.test(s.description)),
      'every step completes by itself and has a button',
    );
    await run(api, 'amiExplorer.openWalkthrough');

    const seenWithoutDoing = api.walkthroughContextKeys();
    assert.deepStrictEqual(seenWithoutDoing, [], 'loading the tree completes nothing');

    // 1: browse by owner and root device (revealing an instance's AMI expands its owner group and root-device folder).
    await vscode.commands.executeCommand('amiExplorer.amis.focus');
    const instances = await children(api, await nodeAt(api, [REGION, 'Instances']));
    const ebsInstance = instances.find((n) => contextValue(n) === 'instance+running+ebs');
    const instanceStoreInstance = instances.find((n) => contextValue(n) === 'instance+running+instanceStore');
    assert.ok(ebsInstance && instanceStoreInstance);
    await doStep(steps, 'browse', () => revealUntilSelected(ebsInstance, /\/ebs\/ami-/));

    // 2: an instance-store image, selected in the view, shows what its root device and virtualization mean.
    await doStep(steps, 'rootDevices', () => revealUntilSelected(instanceStoreInstance, /\/instance-store\/ami-/));

    // Larger pages from here on, so the images made below are on the first page of their groups.
    // (Changed only now: the reload it causes must not race with the reveals above.)
    await setSetting('pageSize', 50);

    // 3: create an image with and without reboot, from the Create Image panel.
    const instance = ebsInstance;
    await doStep(steps, 'createImage', async () => {
      const panel = await openPanel(api, 'amiExplorer.createImage', instance, 'createImage');
      const init = await ready<CreateImageInit>(panel);
      const base = { description: 'walkthrough', volumes: volumesOf(init), imageTags: [], snapshotTags: [] };
      await submit(panel, 'with-reboot', { ...base, name: 'walkthrough-with-reboot', noReboot: false });
      await submit(panel, 'no-reboot', { ...base, name: 'walkthrough-no-reboot', noReboot: true });
      await run(api, 'amiExplorer.settlePendingWork');
      panel.close();
    });

    // 4: copy to another region; the launch permissions did not follow.
    await doStep(steps, 'copyImage', async () => {
      const source = await rowNamed(api, [REGION, 'Images', 'Owned by me', 'EBS-backed'], 'ci-build-agent-2026.10');
      const panel = await openPanel(api, 'amiExplorer.copyImage', source, 'copyImage');
      await ready(panel);
      const result = await submit(panel, 'copy', {
        destinationRegion: OTHER_REGION,
        name: 'walkthrough-copy',
        description: '',
        encrypted: false,
        kmsKeyId: '',
        copyImageTags: true,
        acknowledgeUnknownPublisher: false,
      });
      panel.close();
      await api.settle();
      const copy = await rowNamed(api, [OTHER_REGION, 'Images', 'Owned by me', 'EBS-backed'], 'walkthrough-copy');
      assert.ok(copy.id.endsWith(result.imageId as string));
      const permissions = await openPanel(api, 'amiExplorer.editLaunchPermissions', copy, 'launchPermissions');
      const copied = await ready<LaunchPermissionsInit>(permissions);
      assert.deepStrictEqual(copied.current.accounts, [], 'the source is shared with the partner; the copy is not');
      permissions.close();
    });

    // 5: share with the partner, switch to it, find the image under "Shared with me".
    await doStep(steps, 'share', async () => {
      const image = await rowNamed(api, [REGION, 'Images', 'Owned by me', 'EBS-backed'], 'walkthrough-no-reboot');
      const panel = await openPanel(api, 'amiExplorer.editLaunchPermissions', image, 'launchPermissions');
      const init = await ready<LaunchPermissionsInit>(panel);
      await submit(panel, 'share', { ...init.current, accounts: [PARTNER] });
      panel.close();
      const input = new ScriptedInput().pickWhere((i) => i.value === PARTNER);
      api.setUserInput(input);
      await run(api, 'amiExplorer.switchSimulatorAccount');
      input.assertDone();
      await rowNamed(api, [REGION, 'Images', 'Shared with me', 'EBS-backed'], 'walkthrough-no-reboot');
    });
    const back = new ScriptedInput().pickWhere((i) => i.value === DEFAULT);
    api.setUserInput(back);
    await run(api, 'amiExplorer.switchSimulatorAccount');

    // 6: the encrypted image cannot be public; the panel says why.
    await doStep(steps, 'makePublic', async () => {
      const encrypted = await rowNamed(
        api,
        [REGION, 'Images', 'Owned by me', 'EBS-backed'],
        'payments-api-encrypted-v3',
      );
      const panel = await openPanel(api, 'amiExplorer.editLaunchPermissions', encrypted, 'launchPermissions');
      const init = await ready<LaunchPermissionsInit>(panel);
      assert.match(init.publicBlockers.join(' '), /encrypted/);
      panel.close();
    });

    // 7: deregister without deleting the snapshots, then find them under Snapshots.
    let leftovers: string[] = [];
    await doStep(steps, 'deregister', async () => {
      const image = await rowNamed(api, [REGION, 'Images', 'Owned by me', 'EBS-backed'], 'walkthrough-with-reboot');
      const imageId = image.id.split('/').pop()!;
      const panel = await openPanel(api, 'amiExplorer.deregisterImage', image, 'deregister', [image]);
      const init = await ready<DeregisterInit>(panel);
      leftovers = init.images[0].snapshots.map((s) => s.snapshotId);
      assert.ok(leftovers.length > 0);
      await submit(panel, 'deregister', { imageIds: [imageId], deleteSnapshots: false, confirmed: true });
      panel.close();
      // The Snapshots folder may have been loaded before (the region row sums its cost): the user refreshes it.
      await run(api, 'amiExplorer.refresh', await nodeAt(api, [REGION, 'Snapshots']));
      const snapshotRows = await children(api, await nodeAt(api, [REGION, 'Snapshots']));
      for (const id of leftovers) {
        const left = snapshotRows.find((n) => n.id.endsWith(id));
        assert.ok(left, `${id} is still listed`);
        assert.strictEqual(contextValue(left), 'snapshot+unused', `${id} is marked as used by no AMI`);
      }
    });

    // 8: delete them.
    await doStep(steps, 'deleteSnapshots', async () => {
      const snapshotRows = (await children(api, await nodeAt(api, [REGION, 'Snapshots']))).filter((n) =>
        leftovers.some((id) => n.id.endsWith(id)),
      );
      api.setUserInput(new ScriptedInput().accept());
      await run(api, 'amiExplorer.deleteSnapshot', snapshotRows[0], snapshotRows);
      const after = await children(api, await nodeAt(api, [REGION, 'Snapshots']));
      assert.ok(!after.some((n) => leftovers.some((id) => n.id.endsWith(id))), 'the leftovers are gone');
    });

    // 9: the AWS CLI on the simulator.
    await doStep(steps, 'cli', async () => {
      await run(api, 'amiExplorer.startSimulatorEndpoint');
      assert.ok(api.simulatorEndpointUrl());
      commandsRun.add('amiExplorer.startSimulatorEndpoint');
    });

    assert.deepStrictEqual(
      steps.filter((s) => !isDone(s)).map((s) => s.title),
      [],
      'every step is complete',
    );
  });
});
