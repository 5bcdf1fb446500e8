import type { EC2Client } from '@aws-sdk/client-ec2';
import type { RbinClient } from '@aws-sdk/client-rbin';
import type { SSMClient } from '@aws-sdk/client-ssm';
import type { UserError } from './aws/errors';
import type { UserInput } from './commands/userInput';
import type { Container, SimulatorOverride } from './container';
import type { ExplorerNode } from './explorer/node';
import type { AmiTreeProvider } from './explorer/treeProvider';
import type { HostMessage } from './shared/protocol/envelope';
import type { PanelArgs, PanelKind } from './panels/panelTable';
import { WALKTHROUGH_KEYS } from './walkthrough/trainingProgress';

/** An open webview panel as a test drives it: messages posted as its webview would post them. */
export interface PanelDriver {
  readonly kind: PanelKind;
  readonly args: PanelArgs;
  readonly title: string;
  /** Whether the real webview has loaded its script and said `ready`. */
  webviewLoaded(): boolean;
  /** Handles `message` exactly as if the webview had posted it; resolves with what the host posted back meanwhile. */
  post(message: unknown): Promise<HostMessage<unknown, unknown>[]>;
  /** Closes the panel. */
  close(): void;
}

/**
 * What `activate()` returns: a small surface for the integration tests and benchmarks.
 * It reads the real tree and drives real commands; it never reaches into the simulator.
 */
export interface AmiExplorerApi {
  readonly tree: AmiTreeProvider;
  /** Replaces the prompts (undefined restores VS Code's quick input). */
  setUserInput(input: UserInput | undefined): void;
  /** Restores the simulator's seed and empties every cache. */
  resetSimulator(): Promise<void>;
  /** Rebuilds the simulator with a pending delay and/or a manual clock. */
  configureSimulator(options: SimulatorOverride): void;
  /** Moves the manual simulator clock forward. */
  advanceSimulatorClock(ms: number): Promise<void>;
  /** Polls until nothing is in transition (or throws after `maxRounds`). */
  settle(maxRounds?: number): Promise<void>;
  /** How many images and instances are being followed. */
  pendingWork(): number;
  /** The errors the command boundary showed since the last call. */
  takeErrors(): { commandId: string; error: UserError }[];
  /** Finds a node by id, loading the levels above it. */
  resolve(id: string): Promise<ExplorerNode | undefined>;
  /** The rows selected in the AMIs view. */
  selection(): readonly ExplorerNode[];
  /** How long evaluating dist/extension.js and running activate() took (ms), for the benchmark. */
  readonly activationTimes: ActivationTimes;
  /** The open webview panels, oldest first. */
  panels(): PanelDriver[];
  /** Restores a panel as VS Code does after a reload, from the state its webview saved (`{ args }`). */
  restorePanel(state: unknown): void;
  /** The current backend's client of a region, so tests read EC2's state through the same API as the extension. */
  ec2(region: string): Promise<EC2Client>;
  /** The current backend's Recycle Bin client of a region (retention rules), like {@link ec2}. */
  rbin(region: string): Promise<RbinClient>;
  /** The current backend's SSM client of a region (public parameters), like {@link ec2}. */
  ssm(region: string): Promise<SSMClient>;
  /** The EC2 operations the panels started since the last call, by name (e.g. `createImage`). */
  takePanelEc2Calls(): string[];
  /** The walkthrough conditions met in this session, as context keys (those the steps' completionEvents wait for). */
  walkthroughContextKeys(): string[];
  /** Forgets what the walkthrough observed so far (VS Code keeps the steps it already ticked off). */
  resetWalkthroughProgress(): void;
  /** The connection's status bar text, e.g. `$(beaker) Simulator · 123456789012`. */
  connectionStatusText(): string;
  /** The connection's status bar tooltip: the endpoint and account in use. */
  connectionStatusTooltip(): string;
  /** The pending-work status bar text, undefined while it is hidden. */
  pendingStatusText(): string | undefined;
  /** The simulator's HTTP endpoint while it runs. */
  simulatorEndpointUrl(): string | undefined;
  /** The value last given to the `amiExplorer.simulatorEndpointRunning` context key. */
  simulatorEndpointRunningContext(): boolean;
  /** The most EC2 calls in flight at once per account since the last reset (benchmark). */
  callPeaks(): Record<string, number>;
  /** Starts counting {@link callPeaks} afresh. */
  resetCallPeaks(): void;
}

export interface ActivationTimes {
  moduleMs: number;
  activateMs: number;
}

/**
 * Whether the host asked for the test API: only the integration tests and the benchmark, whose
 * host runs with AMI_EXPLORER_TEST=1. The API can replace prompts and reset the simulator, so
 * any other host (another extension calling `activate()`'s result) gets none.
 */
export function testApiRequested(env: Readonly<Record<string, string | undefined>>): boolean {
  return env.AMI_EXPLORER_TEST === '1';
}

export function createApi(
  container: Container,
  activationTimes: ActivationTimes = { moduleMs: 0, activateMs: 0 },
): AmiExplorerApi {
  return {
    activationTimes,
    tree: container.tree,
    setUserInput: (input) => container.setUserInput(input),
    resetSimulator: async () => {
      const control = container.clients().simulator;
      if (!control) {
        throw new Error('The simulator is not the current backend.');
      }
      await control.reset();
      container.poller.clear();
      container.model.clear();
      container.tree.refresh();
    },
    configureSimulator: (options) => container.configureSimulator(options),
    advanceSimulatorClock: async (ms) => {
      const control = container.clients().simulator;
      if (!control) {
        throw new Error('The simulator is not the current backend.');
      }
      await control.advanceClock(ms);
    },
    settle: async (maxRounds = 20) => {
      for (let round = 0; container.poller.size > 0; round++) {
        if (round >= maxRounds) {
          throw new Error(`Still ${container.poller.size} item(s) in transition after ${maxRounds} polls.`);
        }
        await container.poller.tick();
      }
    },
    pendingWork: () => container.poller.size,
    takeErrors: () => container.shownErrors.splice(0),
    resolve: (id) => container.tree.resolve(id),
    selection: () => container.treeView.selection,
    panels: () =>
      container.panels.list().map((host) => ({
        // The registry only hosts controllers the panel table built.
        kind: host.controller.kind as PanelKind,
        args: host.controller.args as PanelArgs,
        title: host.controller.title,
        webviewLoaded: () => host.webviewLoaded,
        post: async (message: unknown) => {
          const posted: HostMessage<unknown, unknown>[] = [];
          const subscription = host.onDidPost.on((m) => posted.push(m));
          try {
            await host.receive(message);
          } finally {
            subscription.dispose();
          }
          return posted;
        },
        close: () => {
          host.panel.dispose();
        },
      })),
    restorePanel: (state) => container.panels.reviveForTests(state),
    ec2: (region) => container.clients().ec2(region),
    rbin: (region) => container.clients().service('rbin', region),
    ssm: (region) => container.clients().service('ssm', region),
    takePanelEc2Calls: () => container.panelEc2Calls.splice(0),
    walkthroughContextKeys: () => container.training.completed().map((key) => WALKTHROUGH_KEYS[key]),
    resetWalkthroughProgress: () => container.training.reset(),
    connectionStatusText: () => container.status.text(),
    connectionStatusTooltip: () => container.status.tooltip(),
    pendingStatusText: () => container.pendingStatus.text(),
    simulatorEndpointUrl: () => container.clients().simulator?.runningEndpoint()?.url,
    simulatorEndpointRunningContext: () => container.endpointRunning,
    callPeaks: () => container.limiters.peaks(),
    resetCallPeaks: () => container.limiters.resetPeaks(),
  };
}
