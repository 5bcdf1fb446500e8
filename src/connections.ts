import type * as vscode from 'vscode';
import type { CallLimiters } from './aws/callLimiter';
import type { AwsClients, BackendConfig } from './aws/clientFactory';
import { createAwsClients } from './aws/clientFactory';
import { accountKeyOf } from './aws/connection';
import type { ConnectionSettings } from './aws/connectionSettings';
import { connectionSecretKey } from './aws/connectionSettings';
import { endpointBackend } from './aws/endpointBackend';
import { SimulatorClients } from './aws/simulatorClients';
import type { SideConnectionDeps } from './explorer/sideConnection';
import { SideConnection } from './explorer/sideConnection';

type SimulatorBackend = Extract<BackendConfig, { kind: 'simulator' }>;
type AwsBackend = Extract<BackendConfig, { kind: 'aws' }>;

export interface SideConnectionsDeps {
  /** The primary connection's clients: simulator accounts share its simulator when it is one. */
  primaryClients(): AwsClients;
  /** The simulator to start when the primary connection is not the simulator. */
  simulatorBackend(): SimulatorBackend;
  /** What every AWS backend shares (the proxy, the MFA prompt). */
  awsShared(): Pick<AwsBackend, 'httpProxy' | 'mfaCode'>;
  readonly secrets: vscode.SecretStorage;
  readonly limiters: CallLimiters;
  readonly connection: SideConnectionDeps;
}

/**
 * The connections of `amiExplorer.connections`, beside the primary one. Each has its own clients,
 * model and poller; simulator accounts run on the one embedded simulator (the primary's when the
 * primary is the simulator: a state file has one owner). Rebuilt when the setting changes.
 */
export class SideConnections implements vscode.Disposable {
  private list: SideConnection[] = [];
  private appliedKey = '';
  /** A simulator started for side connections while the primary connection is not the simulator. */
  private ownSimulator: SimulatorClients | undefined;

  constructor(private readonly deps: SideConnectionsDeps) {}

  all(): readonly SideConnection[] {
    return this.list;
  }

  byId(id: string): SideConnection | undefined {
    return this.list.find((c) => c.id === id);
  }

  /**
   * Builds the connections `settings` name; unchanged settings keep them (and their caches)
   * unless `force` (the primary connection changed: the simulator they share may be another).
   * Returns true when the connections were rebuilt.
   */
  apply(settings: readonly ConnectionSettings[], force = false): boolean {
    const key = JSON.stringify(settings);
    if (!force && key === this.appliedKey) return false;
    this.appliedKey = key;
    this.disposeAll();
    this.list = settings.map((s) => new SideConnection(s, this.clientsFor(s), this.deps.connection));
    return true;
  }

  private clientsFor(s: ConnectionSettings): AwsClients {
    if (s.kind === 'simulator') {
      const primary = this.deps.primaryClients();
      const host =
        primary instanceof SimulatorClients
          ? primary
          : (this.ownSimulator ??= new SimulatorClients(this.deps.simulatorBackend()));
      const accountId = s.account || undefined;
      const limiter = this.deps.limiters.forKey(accountKeyOf({ ...host.backend, accountId }));
      return host.forAccount(accountId ?? '', undefined, limiter);
    }
    const backend: AwsBackend =
      s.kind === 'profile'
        ? {
            kind: 'aws',
            profile: s.profile || undefined,
            stsRegion: s.regions === 'all' ? 'us-east-1' : (s.regions[0] ?? 'us-east-1'),
            ...this.deps.awsShared(),
          }
        : endpointBackend(
            { url: s.endpointUrl, region: s.region, profile: s.profile, accessKeyId: s.accessKeyId },
            () => this.deps.secrets.get(connectionSecretKey(s.id)),
            this.deps.awsShared(),
          );
    return createAwsClients(backend, undefined, this.deps.limiters.forKey(accountKeyOf(backend)));
  }

  private disposeAll(): void {
    for (const c of this.list) c.dispose();
    this.list = [];
    // Side connections of the old primary's simulator were just disposed; its own simulator (if
    // any) gives back the state file, which a primary simulator may now need.
    this.ownSimulator?.dispose();
    this.ownSimulator = undefined;
  }

  dispose(): void {
    this.disposeAll();
  }
}
