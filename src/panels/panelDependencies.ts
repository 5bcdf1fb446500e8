/**
 * `PanelServices` on top of the container: the panels' EC2 calls go through the current backend's
 * clients, and what they change is shown in the tree (follow-ups, refreshes, reveals).
 */
import type { CopyImageCommandInput } from '@aws-sdk/client-ec2';
import * as vscode from 'vscode';
import { listRegions } from '../ec2/regions';
import { resolveParameter } from '../ec2/publicParameters';
import type { AwsClients } from '../aws/clientFactory';
import type { ConnectionContext } from '../aws/errors';
import { ActionableError, describeError } from '../aws/errors';
import { describeSsmError } from '../aws/ssmErrors';
import { withProgress } from '../notifications';
import type { ExplorerModel, Watch } from '../explorer/explorerModel';
import { nodeIds } from '../explorer/ids';
import type { ExplorerNode } from '../explorer/node';
import type { Poller } from '../explorer/poller';
import { isCancellation } from '../commands/userInput';
import type { UserInput } from '../commands/userInput';
import type { ConnectionSummary } from '../commands/deps';
import { workspaceRulesStore } from './cleanupRulesStore';
import { createImageInsights } from '../ec2/imageInsights';
import type { TreeAccess } from '../explorer/treeProvider';
import { createPanelEc2Operations } from './ec2PanelOperations';
import { createGuardrailServices } from './guardrailServices';
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
  /** The user's other connections (not this panel's), for "share with" suggestions and trust. */
  otherConnections(): readonly ConnectionSummary[];
  /** CopyImage in another connection (its panel services make and watch the copy). */
  copyInto(connectionId: string, destinationRegion: string, input: CopyImageCommandInput): Promise<string>;
  /** Opens a panel (the registry is built after the services, so this is late-bound). */
  showPanel(args: PanelArgs): void;
  /** The current prompts (tests script them): the cleanup run's modal confirmation. */
  input(): UserInput;
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

  const insights = createImageInsights({
    ec2: (region) => deps.clients().ec2(region),
    autoScaling: (region) => deps.clients().service('autoScaling', region),
    explain: (error) => describeError(error, deps.connection()).message,
    now: () => Date.now(),
  });

  return {
    ec2,
    insights,
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
      // A deregistration a retention rule covers puts the image (and its snapshots) in the bin.
      refreshFolder(nodeIds.recycleBin(region));
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
    ownAccountIds: async () => {
      await deps.model.accountId();
      const others = deps.otherConnections().map((c) => c.accountId);
      return new Set([...deps.model.ownAccountIds(), ...others.filter((a): a is string => !!a)]);
    },
    connectionAccounts: () => connectionAccounts(deps.otherConnections()),
    copyDestinations: () =>
      deps
        .otherConnections()
        .filter((c) => c.accountId && c.regions.length > 0)
        .map((c) => ({ connectionId: c.id, label: c.label, accountId: c.accountId ?? '', regions: [...c.regions] })),
    copyImageInConnection: (connectionId, region, input) => deps.copyInto(connectionId, region, input),
    resolvePublicParameter: async (region, name) => {
      try {
        return await resolveParameter(await deps.clients().service('ssm', region), name);
      } catch (error) {
        // Worded per feature: "This endpoint does not support SSM GetParameter."
        const u = describeSsmError(error, 'GetParameter', deps.connection());
        throw new ActionableError(u.message, u.fix);
      }
    },
    now: () => new Date(),
    guardrails: createGuardrailServices({ clients: () => deps.clients(), model: deps.model, refreshFolder }),
    cleanup: {
      pricePerGiBMonth: () => deps.model.costs.price(),
      confirm: async (options) => {
        try {
          await deps.input().confirm(options);
          return true;
        } catch (e) {
          if (isCancellation(e)) return false;
          throw e;
        }
      },
      rulesFile: workspaceRulesStore(),
    },
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

/** One entry per account among the connections whose account is known (the first label wins). */
function connectionAccounts(connections: readonly ConnectionSummary[]): { accountId: string; label: string }[] {
  const byAccount = new Map<string, string>();
  for (const c of connections) if (c.accountId && !byAccount.has(c.accountId)) byAccount.set(c.accountId, c.label);
  return [...byAccount].map(([accountId, label]) => ({ accountId, label }));
}
