import { Listeners } from '../shared/listeners';
import { DEFAULT_SIMULATOR_ACCOUNT } from '../simulator/accounts';
import type { CallLimiter } from './callLimiter';
import { sharedConfigFiles } from './awsConfig';
import type { AwsClients, BackendConfig, Ec2CallRecord } from './clientFactory';
import { createAwsClients } from './clientFactory';
import type { ConnectionContext } from './errors';

/** What a reconnect changed: everything shown before belongs to another backend or another account. */
export type ConnectionChange =
  { kind: 'backend'; clients: AwsClients } | { kind: 'account'; clients: AwsClients; accountId: string | undefined };

/**
 * The backend the extension talks to right now (simulator, an AWS profile or a custom endpoint):
 * owns that backend's clients, replaces them when the settings name another backend, disposes
 * the old ones, and tells listeners (the tree, the status bar) through {@link onDidChange}.
 * It reads the backend through `backendConfig` each time, so it knows nothing of VS Code settings.
 */
export class Connection {
  /** Fired after the clients were replaced or the simulator acts as another account. */
  readonly onDidChange = new Listeners<ConnectionChange>();
  private currentClients: AwsClients;
  private backendKey: string;
  /** The simulated account in use: the clients keep their first one after a switch. */
  private accountId: string | undefined;

  constructor(
    private readonly backendConfig: () => BackendConfig,
    private readonly onEc2Call?: (call: Ec2CallRecord) => void,
    /** The bound on calls in flight of the backend's account (none: unbounded). */
    private readonly limiterFor?: (backend: BackendConfig) => CallLimiter,
  ) {
    const backend = backendConfig();
    this.backendKey = backendKeyOf(backend);
    this.accountId = accountOf(backend);
    this.currentClients = createAwsClients(backend, onEc2Call, limiterFor?.(backend));
  }

  clients(): AwsClients {
    return this.currentClients;
  }

  /** Who the calls go to, for the text of errors. */
  context(): ConnectionContext {
    return connectionContextOf(this.currentClients);
  }

  /**
   * Re-reads the backend: another backend gets new clients (the old ones are disposed), another
   * simulated account on the same simulator switches the caller. Returns (and fires) what changed;
   * undefined when nothing did. `force` rebuilds the clients even for the same backend (tests).
   */
  reconnect(force = false): ConnectionChange | undefined {
    const backend = this.backendConfig();
    const key = backendKeyOf(backend);
    const accountId = accountOf(backend);
    let change: ConnectionChange | undefined;
    if (force || key !== this.backendKey) {
      this.backendKey = key;
      this.currentClients.dispose();
      this.currentClients = createAwsClients(backend, this.onEc2Call, this.limiterFor?.(backend));
      change = { kind: 'backend', clients: this.currentClients };
    } else if (backend.kind === 'simulator' && accountId !== this.accountId) {
      // Same simulator (and endpoint), another caller.
      this.currentClients.simulator?.switchAccount(accountId ?? '');
      change = { kind: 'account', clients: this.currentClients, accountId };
    }
    this.accountId = accountId;
    if (change) this.onDidChange.fire(change);
    return change;
  }

  dispose(): void {
    this.currentClients.dispose();
  }
}

/** Who the calls of `clients` go to, for the text of errors. */
export function connectionContextOf(clients: AwsClients): ConnectionContext {
  const backend = clients.backend;
  return backend.kind === 'aws'
    ? {
        backend: 'aws',
        profile: backend.profile,
        endpoint: clients.lastEndpointTried?.(),
        configFiles: sharedConfigFiles(),
      }
    : { backend: 'simulator' };
}

/**
 * Which account a backend's calls count against, for the per-account bound on calls in flight:
 * the simulated account, or the credentials' source (a profile, or an endpoint and its key).
 */
export function accountKeyOf(backend: BackendConfig): string {
  return backend.kind === 'simulator'
    ? `simulator|${backend.accountId || DEFAULT_SIMULATOR_ACCOUNT.accountId}`
    : `aws|${backend.profile ?? ''}|${backend.endpointUrl ?? ''}|${backend.accessKey ? 'keys' : ''}`;
}

function accountOf(backend: BackendConfig): string | undefined {
  return backend.kind === 'simulator' ? backend.accountId || undefined : undefined;
}

/** What identifies a backend: settings that leave it equal keep the clients (and their caches). */
function backendKeyOf(backend: BackendConfig): string {
  return backend.kind === 'aws'
    ? `aws|${backend.profile ?? ''}|${backend.stsRegion}|${backend.endpointUrl ?? ''}|${backend.accessKey ? 'keys' : ''}|${backend.httpProxy ?? ''}`
    : `simulator|${backend.stateFile}|${backend.pendingDelayMs}|${backend.manualClock ? 'manual' : 'system'}|${backend.largeRegionImages ?? 0}`;
}
