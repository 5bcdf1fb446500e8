import type { CopyImageCommandInput } from '@aws-sdk/client-ec2';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CallLimiters } from './aws/callLimiter';
import type { AwsClients, BackendConfig } from './aws/clientFactory';
import type { ConnectionChange } from './aws/connection';
import { accountKeyOf, Connection } from './aws/connection';
import { endpointBackend } from './aws/endpointBackend';
import { depsOnConnection } from './commands/connectionScope';
import type { ConnectionSummary } from './commands/deps';
import { SideConnections } from './connections';
import type { ExplorerConnection } from './explorer/explorerConnection';
import { PRIMARY_CONNECTION_ID } from './explorer/ids';
import { PrimaryConnection } from './explorer/primaryConnection';
import { ShownRegions } from './explorer/shownRegions';
import type { ConnectionContext, UserError } from './aws/errors';
import { describeError } from './aws/errors';
import type { CommandDeps } from './commands/deps';
import type { UserInput } from './commands/userInput';
import { VscodeUserInput } from './commands/vscodeUserInput';
import type { ImageInsights } from './ec2/imageInsights';
import { createImageInsights } from './ec2/imageInsights';
import { ENDPOINT_RUNNING_CONTEXT } from './commands/startSimulatorEndpoint';
import { ConnectionStatus } from './explorer/connectionStatus';
import { ExplorerModel } from './explorer/explorerModel';
import { PendingWorkStatus } from './explorer/pendingWorkStatus';
import type { ExplorerNode } from './explorer/node';
import { Poller, realScheduler } from './explorer/poller';
import { AmiTreeProvider } from './explorer/treeProvider';
import { createPanelController } from './panels/panelTable';
import { ConnectionRemovedPanel } from './panels/connectionRemovedPanel';
import { createPanelServices } from './panels/panelDependencies';
import type { PanelServices } from './panels/panelServices';
import { PanelRegistry } from './panels/webviewPanelHost';
import type { PanelArgs } from './panels/panelTable';
import type { AmiExplorerSettings } from './settings';
import { ENDPOINT_SECRET_KEY, readSettings, SECTION } from './settings';
import { observePublicRefusals } from './walkthrough/observePanel';
import { TrainingProgress } from './walkthrough/trainingProgress';

/** How often things in transition are re-read. */
const POLL_INTERVAL_MS = 2_000;

export interface ContainerOptions {
  /** Set by the test harness (AMI_EXPLORER_TEST=1): the simulator has no pending delay unless a test asks for one. */
  testMode: boolean;
}

/** Simulator options a test may impose (see the test API). */
export interface SimulatorOverride {
  pendingDelayMs?: number;
  manualClock?: boolean;
  /** Benchmarks: scale us-east-1's public catalog (e.g. to 100,000 images). */
  largeRegionImages?: number;
}

/**
 * The composition root: builds every service once and hands dependencies to constructors.
 * Nothing here loads the AWS SDK or the simulator: clients are created on first use.
 */
export class Container implements CommandDeps, vscode.Disposable {
  readonly log: vscode.LogOutputChannel;
  readonly model: ExplorerModel;
  readonly insights: ImageInsights;
  /** The primary connection's panel services (a copy made in it from another connection's panel uses them). */
  private readonly primaryPanelServices: PanelServices;
  /** The main connection's regions (`amiExplorer.regions`: a list, or every enabled region). */
  private primaryRegions!: ShownRegions;
  readonly poller: Poller;
  readonly tree: AmiTreeProvider;
  readonly treeView: vscode.TreeView<ExplorerNode>;
  readonly panels: PanelRegistry;
  /** What the user really did, for the walkthrough's steps. */
  readonly training: TrainingProgress;
  readonly pendingStatus: PendingWorkStatus;
  readonly status: ConnectionStatus;
  readonly secrets: vscode.SecretStorage;
  private readonly disposables: vscode.Disposable[] = [];
  /** The backend in use and its clients, which it replaces when the settings name another backend. */
  private readonly backendConnection: Connection;
  private current: AmiExplorerSettings;
  private userInput: UserInput = new VscodeUserInput();
  private simulatorOverride: SimulatorOverride = {};
  /** The bound on EC2 calls in flight, per account (every connection's clients count in it). */
  readonly limiters = new CallLimiters();
  /** The connections of `amiExplorer.connections`, shown beside the primary one. */
  readonly sideConnections: SideConnections;
  /** The primary connection as the tree shows it when there are several. */
  readonly primary: ExplorerConnection;
  /** Panel services per side connection, built when a panel first needs them. */
  private readonly sidePanelServices = new Map<string, ReturnType<typeof createPanelServices>>();
  /** Errors shown by the command boundary, for the test API. */
  readonly shownErrors: { commandId: string; error: UserError }[] = [];
  /** The value last given to the "simulator endpoint running" context key, for the test API. */
  endpointRunning = false;
  /** The EC2 operations panels started, by name, for the test API. */
  readonly panelEc2Calls: string[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly options: ContainerOptions,
  ) {
    this.log = vscode.window.createOutputChannel('AMI Explorer', { log: true });
    this.secrets = context.secrets;
    this.current = readSettings();
    this.resetPrimaryRegions();
    this.training = new TrainingProgress(
      (key, value) => void vscode.commands.executeCommand('setContext', key, value),
      () => this.model.knownAccountId,
    );
    this.backendConnection = new Connection(
      () => this.backendConfig(),
      (call) => this.training.observe(call),
      (backend) => this.limiters.forKey(accountKeyOf(backend)),
    );
    this.model = new ExplorerModel({
      clients: () => this.backendConnection.clients(),
      pageSize: () => this.current.pageSize,
      snapshotPricePerGbMonth: () => this.current.snapshotPricePerGbMonth,
      now: () => Date.now(),
    });
    this.insights = createImageInsights({
      ec2: (region) => this.backendConnection.clients().ec2(region),
      autoScaling: (region) => this.backendConnection.clients().service('autoScaling', region),
      explain: (error) => describeError(error, this.connection()).message,
      now: () => Date.now(),
    });
    this.poller = new Poller(this.model, POLL_INTERVAL_MS, realScheduler, (error) =>
      this.log.warn(`Polling failed, retrying: ${error instanceof Error ? error.message : String(error)}`),
    );
    const nodeContext = {
      model: this.model,
      now: () => Date.now(),
      connection: () => this.connection(),
      insights: this.insights,
    };
    this.tree = new AmiTreeProvider(nodeContext, () => this.primaryRegions.regions());
    this.primary = new PrimaryConnection(nodeContext, this.model, this.poller, {
      clients: () => this.backendConnection.clients(),
      settings: () => this.current,
      regions: () => this.primaryRegions,
    });
    this.sideConnections = new SideConnections({
      primaryClients: () => this.backendConnection.clients(),
      simulatorBackend: () => this.simulatorConfig(),
      awsShared: () => this.awsShared(),
      secrets: context.secrets,
      limiters: this.limiters,
      connection: {
        pageSize: () => this.current.pageSize,
        now: () => Date.now(),
        snapshotPricePerGbMonth: () => this.current.snapshotPricePerGbMonth,
        pollIntervalMs: POLL_INTERVAL_MS,
        scheduler: realScheduler,
        onPollError: (error) =>
          this.log.warn(`Polling failed, retrying: ${error instanceof Error ? error.message : String(error)}`),
      },
    });
    this.showConnections(false);
    this.treeView = vscode.window.createTreeView('amiExplorer.amis', {
      treeDataProvider: this.tree,
      showCollapseAll: true,
      canSelectMany: true,
    });
    this.status = new ConnectionStatus(this.treeView);
    this.status.show(this.backendConnection.clients());
    const panelServices = (this.primaryPanelServices = createPanelServices({
      model: this.model,
      tree: this.tree,
      selectInTree: (node) => this.selectInTree(node),
      poller: this.poller,
      clients: () => this.backendConnection.clients(),
      connection: () => this.connection(),
      onEc2Call: (name) => {
        // Only the test API reads these; keep the record small in a long session.
        if (this.panelEc2Calls.push(name) > 1000) this.panelEc2Calls.splice(0, 500);
      },
      showPanel: (args) => this.panels.show(args),
      input: () => this.userInput,
      otherConnections: () => this.otherConnections().filter((c) => c.id !== PRIMARY_CONNECTION_ID),
      copyInto: (id, region, input) => this.copyInto(id, region, input),
    }));
    this.panels = new PanelRegistry(
      context.extensionUri,
      (args) =>
        // A panel VS Code restores after a reload may name a connection removed since.
        args.connection !== undefined && !this.sideConnections.byId(args.connection)
          ? new ConnectionRemovedPanel(args, args.connection)
          : observePublicRefusals(
              createPanelController(args, args.connection ? this.panelServicesOf(args.connection) : panelServices),
              () => this.training.publicSharingRefused(),
            ),
      this.log,
    );
    const unsettled = this.model.onUnsettled.on((watch) => this.poller.watch(watch));
    const account = this.model.onDidLearnAccount.on((id) => {
      this.status.showAccount(id);
      // The SDK is loaded by now (STS answered): resolving the endpoint costs nothing at activation.
      const clients = this.backendConnection.clients();
      if (clients.backend.kind === 'aws' && clients.endpointOf) {
        clients
          .endpointOf(clients.backend.stsRegion)
          .then((url) => clients === this.backendConnection.clients() && this.status.showEndpoint(url))
          .catch(() => undefined);
      }
    });
    this.pendingStatus = new PendingWorkStatus(
      () => this.poller.size,
      () => this.backendConnection.clients().backend.kind === 'simulator',
    );
    const connectionChanged = this.backendConnection.onDidChange.on((change) => this.connectionChanged(change));
    const pendingStarted = this.model.onUnsettled.on(() => this.pendingStatus.update());
    const pendingSettled = this.poller.onDidSettle.on(() => this.pendingStatus.update());
    this.disposables.push(
      this.log,
      this.panels,
      ...this.panels.registerSerializers(),
      this.tree,
      this.treeView,
      this.status,
      this.poller,
      { dispose: () => unsettled.dispose() },
      { dispose: () => account.dispose() },
      this.pendingStatus,
      { dispose: () => pendingStarted.dispose() },
      { dispose: () => pendingSettled.dispose() },
      this.treeView.onDidExpandElement((e) => this.training.expanded(e.element.id)),
      this.treeView.onDidCollapseElement((e) => this.tree.collapsed(e.element)),
      this.sideConnections,
      this.treeView.onDidChangeSelection((e) => this.training.selected(e.selection.map((n) => n.id))),
      this.insights.onUsageChanged(({ region, imageIds }) => this.tree.rerenderImages(region, imageIds)),
      this.backendConnection,
      { dispose: () => connectionChanged.dispose() },
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SECTION) || e.affectsConfiguration('http.proxy')) {
          this.reconnect();
        }
      }),
    );
  }

  async selectInTree(node: ExplorerNode): Promise<void> {
    await this.treeView.reveal(node, { select: true, focus: true, expand: true });
    // VS Code's selection event carries no row when the row was reloaded during the reveal (its
    // handle is resolved when the event fires), so the walkthrough is told what was selected here too.
    this.training.selected([node.id]);
  }

  input(): UserInput {
    return this.userInput;
  }

  /** Tests replace the prompts with a scripted implementation; undefined restores VS Code's. */
  setUserInput(input: UserInput | undefined): void {
    this.userInput = input ?? new VscodeUserInput();
  }

  showPanel(args: PanelArgs): void {
    this.panels.show(args);
  }

  /** The settings, with the regions shown now (with "all", the enabled ones once EC2 was asked). */
  settings(): AmiExplorerSettings {
    return this.current.allRegions ? { ...this.current, regions: this.primaryRegions.knownRegions } : this.current;
  }

  /** A new region choice or backend asks EC2 for "all enabled regions" again. */
  private resetPrimaryRegions(): void {
    const s = this.current;
    this.primaryRegions = ShownRegions.of(
      s.allRegions ? 'all' : s.regions,
      () => this.backendConnection.clients(),
      s.backend === 'endpoint' ? s.endpoint.region : undefined,
    );
  }

  clients(): AwsClients {
    return this.backendConnection.clients();
  }

  connection(): ConnectionContext {
    return this.backendConnection.context();
  }

  setEndpointRunning(running: boolean): void {
    this.endpointRunning = running;
    void vscode.commands.executeCommand('setContext', ENDPOINT_RUNNING_CONTEXT, running);
  }

  forNode(node: unknown): CommandDeps {
    const connection = this.tree.connectionOf(node);
    const side = connection && this.sideConnections.byId(connection.id);
    return side ? depsOnConnection(this, side, this.tree.scopedTo(side.id)) : this;
  }

  otherConnections(): readonly ConnectionSummary[] {
    return this.tree.connections().map((c) => ({
      id: c.id,
      label: c.label,
      accountId: c.model.knownAccountId,
      regions:
        c.id === PRIMARY_CONNECTION_ID
          ? this.primaryRegions.knownRegions
          : (this.sideConnections.byId(c.id)?.knownRegions ?? []),
    }));
  }

  /** CopyImage made in another connection's account, then watched and shown in that connection's tree. */
  private async copyInto(connectionId: string, region: string, input: CopyImageCommandInput): Promise<string> {
    const target =
      connectionId === PRIMARY_CONNECTION_ID ? this.primaryPanelServices : this.panelServicesOf(connectionId);
    const imageId = await target.ec2.copyImage(region, input);
    target.imageCreated(region, imageId);
    return imageId;
  }

  /** The panel services of a side connection (its model, clients, tree ids). */
  private panelServicesOf(connectionId: string): ReturnType<typeof createPanelServices> {
    const side = this.sideConnections.byId(connectionId);
    if (!side) {
      throw new Error(vscode.l10n.t('The connection "{0}" is no longer in amiExplorer.connections.', connectionId));
    }
    let services = this.sidePanelServices.get(connectionId);
    if (!services) {
      services = createPanelServices({
        model: side.model,
        tree: this.tree.scopedTo(side.id),
        selectInTree: (node) => this.selectInTree(node),
        poller: side.poller,
        clients: () => side.clients(),
        connection: () => side.ctx.connection(),
        onEc2Call: (name) => {
          if (this.panelEc2Calls.push(name) > 1000) this.panelEc2Calls.splice(0, 500);
        },
        showPanel: (args) => this.panels.show({ ...args, connection: connectionId }),
        input: () => this.userInput,
        otherConnections: () => this.otherConnections().filter((c) => c.id !== connectionId),
        copyInto: (id, region, input) => this.copyInto(id, region, input),
      });
      this.sidePanelServices.set(connectionId, services);
    }
    return services;
  }

  /** Shows the connections of the settings beside the primary one (rebuilt when they changed, or with `force`). */
  private showConnections(force: boolean): boolean {
    if (!this.sideConnections.apply(this.current.connections, force)) return false;
    this.sidePanelServices.clear();
    this.tree.setConnections(this.primary, this.sideConnections.all());
    return true;
  }

  /** Side connections were rebuilt: their open panels get the new ones' services (or say they were removed). */
  private showConnectionsAndPanels(force: boolean): void {
    if (this.showConnections(force)) this.panels.rebuild((args) => args.connection !== undefined);
  }

  reportError(commandId: string, error: UserError): void {
    this.shownErrors.push({ commandId, error });
  }

  /** Applies changed settings: a new backend or account empties the cache (see {@link connectionChanged}); new regions or page size reload the tree. */
  reconnect(): void {
    this.applySettings(false);
  }

  /** Tests: rebuild the simulator with a pending delay and/or a manual clock. */
  configureSimulator(override: SimulatorOverride): void {
    this.simulatorOverride = { ...override };
    this.applySettings(true);
  }

  /** `force` rebuilds the clients even when the backend is the same. */
  private applySettings(force: boolean): void {
    const previous = this.current;
    this.current = readSettings();
    const regionsChanged =
      previous.allRegions !== this.current.allRegions || previous.regions.join() !== this.current.regions.join();
    if (regionsChanged) this.resetPrimaryRegions();
    if (this.backendConnection.reconnect(force)) return;
    this.showConnectionsAndPanels(false);
    if (
      previous.pageSize !== this.current.pageSize ||
      regionsChanged ||
      previous.snapshotPricePerGbMonth !== this.current.snapshotPricePerGbMonth
    ) {
      this.tree.refresh();
    }
  }

  /** Everything shown belonged to the previous backend or account. */
  private connectionChanged(change: ConnectionChange): void {
    // The old backend's clients are disposed, and its endpoint with them: the menu offers Start again.
    if (change.kind === 'backend' && this.endpointRunning) this.setEndpointRunning(false);
    // Another backend or account may have other regions enabled.
    this.resetPrimaryRegions();
    this.poller.clear();
    this.model.clear();
    this.insights.clear();
    this.status.show(change.clients);
    // Simulator accounts beside the primary run on the primary's simulator: rebuilt on the new one.
    this.showConnectionsAndPanels(change.kind === 'backend');
    const backend = change.clients.backend;
    this.log.info(
      change.kind === 'account'
        ? `Acting as simulator account ${change.accountId || 'default'}.`
        : `Connected to ${backend.kind === 'simulator' ? 'the simulator' : `AWS (${backend.profile || 'default credential chain'})`}.`,
    );
    this.tree.refresh();
  }

  /** What every AWS backend shares: VS Code's proxy and the MFA prompt. */
  private awsShared(): Pick<Extract<BackendConfig, { kind: 'aws' }>, 'httpProxy' | 'mfaCode'> {
    return {
      httpProxy: vscode.workspace.getConfiguration('http').get<string>('proxy') || undefined,
      mfaCode: (serial: string) =>
        this.userInput.text({
          title: vscode.l10n.t('MFA code for {0}', serial),
          prompt: vscode.l10n.t('The profile assumes a role that requires the code of this MFA device.'),
          password: true,
          validate: (v) => (/^\d{6}$/.test(v) ? undefined : vscode.l10n.t('Six digits.')),
        }),
    };
  }

  private backendConfig(): BackendConfig {
    const s = this.current;
    const shared = this.awsShared();
    if (s.backend === 'aws') {
      return { kind: 'aws', profile: s.profile || undefined, stsRegion: s.regions[0] ?? 'us-east-1', ...shared };
    }
    if (s.backend === 'endpoint') {
      return endpointBackend(s.endpoint, () => this.context.secrets.get(ENDPOINT_SECRET_KEY), shared);
    }
    return this.simulatorConfig();
  }

  private simulatorConfig(): Extract<BackendConfig, { kind: 'simulator' }> {
    const s = this.current;
    return {
      kind: 'simulator',
      stateFile: path.join(this.context.globalStorageUri.fsPath, 'simulator-state.json'),
      pendingDelayMs:
        this.simulatorOverride.pendingDelayMs ?? (this.options.testMode ? 0 : s.pendingDelaySeconds * 1000),
      manualClock: this.simulatorOverride.manualClock,
      accountId: s.simulatorAccount || undefined,
      largeRegionImages: this.simulatorOverride.largeRegionImages,
      onWarning: (message) => {
        this.log.warn(message);
        void vscode.window.showWarningMessage(message);
      },
    };
  }

  dispose(): void {
    for (const d of this.disposables.reverse()) {
      d.dispose();
    }
  }
}
