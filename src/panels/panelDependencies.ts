/**
 * `PanelServices` on top of the container: the panels' EC2 calls go through the current backend's
 * clients, and what they change is shown in the tree (follow-ups, refreshes, reveals).
 */
import * as vscode from 'vscode';
import { listRegions } from '../ec2/regions';
import type { AwsClients } from '../aws/clientFactory';
import type { ConnectionContext } from '../aws/errors';
import { describeError } from '../aws/errors';
import { withProgress } from '../notifications';
import type { ExplorerModel, Watch } from '../explorer/explorerModel';
import { nodeIds } from '../explorer/ids';
import type { ExplorerNode } from '../explorer/node';
import type { Poller } from '../explorer/poller';
import type { TreeAccess } from '../explorer/treeProvider';
import { createPanelEc2Operations } from './ec2PanelOperations';
import type { PanelEc2Operations, PanelServices } from './panelServices';
import type { PanelArgs } from './panelTable';

export interface PanelServicesDeps {
  readonly model: ExplorerModel;
  readonly tree: TreeAccess;
  /** Reveals and selects a row of the AMIs view. */
  selectInTree(node: ExplorerNode): Promise<void>;
  readonly poller: Poller;
  clients(): AwsClients;
  connection(): ConnectionContext;
  /** Told the name of every EC2 operation a panel starts (the test API counts them). */
  onEc2Call: (name: string) => void;
  /** Opens a panel (the registry is built after the services, so this is late-bound). */
  showPanel(args: PanelArgs): void;
}

export function createPanelServices(deps: PanelServicesDeps): PanelServices {
  const ec2 = counted(
    createPanelEc2Operations({
      client: (region) => deps.clients().ec2(region),
      listRegions: async () => {
        const backend = deps.clients().backend;
        return listRegions(await deps.clients().ec2(backend.kind === 'aws' ? backend.stsRegion : 'us-east-1'));
      },
    }),
    deps.onEc2Call,
  );

  const reveal = async (id: string, what: string): Promise<void> => {
    const node = await deps.tree.resolve(id);
    if (!node) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('{0} is not in the tree: its region is not among the selected regions.', what),
      );
      return;
    }
    await deps.selectInTree(node);
  };

  /** Reloads a folder of the tree (or, when it was never shown, forgets what was loaded under it). */
  const refreshFolder = (id: string): void => {
    const node = deps.tree.nodeById(id);
    if (node) {
      deps.tree.refresh(node);
    } else {
      deps.model.invalidate(id);
    }
  };

  return {
    ec2,
    get backend() {
      return deps.clients().backend.kind;
    },
    explainError: (error) => {
      const u = describeError(error, deps.connection());
      return { message: u.message, fix: u.fix, code: u.code };
    },
    revealImage: async (region, imageId) => {
      const located = await deps.model.locateImage(region, imageId);
      if (!located) {
        void vscode.window.showWarningMessage(vscode.l10n.t('AMI {0} no longer exists in {1}.', imageId, region));
        return;
      }
      await reveal(nodeIds.image(region, located.group, located.rootType, imageId), imageId);
    },
    revealInstance: (region, instanceId) => reveal(nodeIds.instance(region, instanceId), instanceId),
    copyText: async (text) => {
      await vscode.env.clipboard.writeText(text);
    },
    showPanel: (args) => deps.showPanel(args),
    imageCreated: (region, imageId) => {
      const watch: Watch = { region, kind: 'image', id: imageId };
      void withProgress(vscode.l10n.t('AMI {0} is pending in {1}…', imageId, region), async () => {
        await deps.model.imageCreated(region, imageId);
        await untilSettled(deps.poller, watch);
      }).catch(() => undefined);
    },
    imagesChanged: (region) => {
      refreshFolder(nodeIds.imagesFolder(region));
      // A deregistration can leave snapshots unused, and every image change moves the cost sums.
      void deps.model.costs.reload(region).catch(() => undefined);
    },
    instancesLaunched: (region, instanceIds) => {
      refreshFolder(nodeIds.instancesFolder(region));
      for (const id of instanceIds) {
        deps.model.watchInstance(region, id, 'running');
      }
    },
    callerAccountId: async () => (await deps.clients().identity()).account,
    now: () => new Date(),
  };
}

/** Resolves once the poller no longer follows `watch` (it settled, or following was given up). */
function untilSettled(poller: Poller, watch: Watch): Promise<void> {
  return new Promise((resolve) => {
    const same = (w: Watch) => w.region === watch.region && w.kind === watch.kind && w.id === watch.id;
    const subscription = poller.onDidSettle.on((w) => {
      if (same(w)) {
        subscription.dispose();
        resolve();
      }
    });
    if (!poller.isWatching(watch)) {
      subscription.dispose();
      resolve();
    }
  });
}

/** The same operations, each reporting its name before it starts. */
function counted(ops: PanelEc2Operations, onCall: (name: string) => void): PanelEc2Operations {
  const wrapped = {} as Record<string, unknown>;
  for (const [name, f] of Object.entries(ops) as [string, (...args: unknown[]) => Promise<unknown>][]) {
    wrapped[name] = (...args: unknown[]) => {
      onCall(name);
      return f(...args);
    };
  }
  return wrapped as unknown as PanelEc2Operations;
}
