import * as l10n from '@vscode/l10n';
import type { CallLimiter } from './callLimiter';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { STSClient } from '@aws-sdk/client-sts';
import { SIMULATOR_ACCOUNTS } from '../simulator/accounts';
import { CachedClients } from './cachedClients';
import { ActionableError } from './errors';
import type {
  BackendConfig,
  Ec2CallRecord,
  ServiceClients,
  ServiceName,
  SimulatorControl,
  SimulatorEndpoint,
} from './clientFactory';
import type { BackendModules } from './sdk';
import { loadBackendModules, loadSdk, loadServiceModules } from './sdk';

/** Credentials the simulator maps to the default account; the secret is never checked. */
const SIMULATOR_SECRET = 'simulator-secret-not-checked';

interface LoadedSimulator {
  simulator: InstanceType<BackendModules['Simulator']>;
  requestHandler: unknown;
  advance?: (ms: number) => void;
}

/** The simulator's HTTP server (src/simulator/server.ts). */
type SimulatorServer = Awaited<ReturnType<BackendModules['serveSimulator']>>;

/**
 * Clients of the embedded simulator through its in-process handler. The class is also the
 * simulator's control, reached only through {@link simulator}: code that holds an `AwsClients`
 * sees the controls only when the backend is the simulator.
 */
export class SimulatorClients extends CachedClients implements SimulatorControl {
  private loaded: Promise<LoadedSimulator> | undefined;
  private accessKeyId: string;
  private server: Promise<SimulatorServer> | undefined;
  private serving: SimulatorServer | undefined;
  /** The loaded simulator, so that dispose() can hand back its state file at once. */
  private loadedSimulator: LoadedSimulator['simulator'] | undefined;
  private released = false;

  constructor(
    readonly backend: Extract<BackendConfig, { kind: 'simulator' }>,
    onEc2Call?: (call: Ec2CallRecord) => void,
    limiter?: CallLimiter,
  ) {
    super(onEc2Call, limiter);
    this.accessKeyId = accessKeyOf(backend.accountId);
  }

  get simulator(): SimulatorControl {
    return this;
  }

  /** The simulator and its in-process handler, loaded and created on first use. */
  private load(): Promise<LoadedSimulator> {
    this.loaded ??= (async () => {
      const { Simulator, SimulatorRequestHandler, ManualClock } = await loadBackendModules();
      await fs.mkdir(path.dirname(this.backend.stateFile), { recursive: true });
      const clock = this.backend.manualClock ? new ManualClock(Date.now()) : undefined;
      const delay = this.backend.pendingDelayMs;
      const simulator = simulatorOrLockError(
        () =>
          new Simulator({
            stateFile: this.backend.stateFile,
            pendingDelayMs: delay,
            // Instance transitions take a few seconds on EC2; with no delay they are instant too.
            instanceTransitionMs: Math.min(delay, 3_000),
            clock,
            largeRegionImages: this.backend.largeRegionImages,
            onWarning: this.backend.onWarning,
          }),
      );
      if (this.released) simulator.dispose();
      this.loadedSimulator = simulator;
      return {
        simulator,
        requestHandler: new SimulatorRequestHandler(simulator),
        advance: clock ? (ms: number) => clock.advance(ms) : undefined,
      };
    })();
    this.loaded.catch(() => (this.loaded = undefined));
    return this.loaded;
  }

  /**
   * Clients of another simulated account on this very simulator (another connection beside this
   * one): same state and handler, the account's credentials. They never own the simulator.
   */
  forAccount(accountId: string, onEc2Call?: (call: Ec2CallRecord) => void, limiter?: CallLimiter): CachedClients {
    return new AccountClients(this, accountId, onEc2Call, limiter);
  }

  /** @internal The SDK client config of `region`, signing as `accessKeyId` (this connection's account when absent). */
  async clientConfig(region: string, accessKeyId = this.accessKeyId) {
    const { requestHandler } = await this.load();
    return {
      region,
      credentials: { accessKeyId, secretAccessKey: SIMULATOR_SECRET },
      // The handler is an HttpHandler for the SDK; its type lives in @smithy packages we do not import.
      requestHandler: requestHandler as never,
      maxAttempts: 1,
    };
  }

  protected async createEc2(region: string): Promise<EC2Client> {
    const { EC2Client } = await loadSdk();
    return new EC2Client(await this.clientConfig(region));
  }

  protected async createSts(): Promise<STSClient> {
    const { STSClient } = await loadSdk();
    return new STSClient(await this.clientConfig('us-east-1'));
  }

  protected async createService<K extends ServiceName>(name: K, region: string): Promise<ServiceClients[K]> {
    const sdk = await loadServiceModules();
    const config = await this.clientConfig(region);
    const clients: { [N in ServiceName]: () => ServiceClients[N] } = {
      autoScaling: () => new sdk.AutoScalingClient(config),
      ssm: () => new sdk.SSMClient(config),
      rbin: () => new sdk.RbinClient(config),
    };
    return clients[name]();
  }

  async reset(): Promise<void> {
    (await this.load()).simulator.reset();
  }

  async advanceClock(ms: number): Promise<void> {
    const { advance } = await this.load();
    if (!advance) {
      throw new Error('The simulator was not created with a manual clock.');
    }
    advance(ms);
  }

  switchAccount(accountId: string): void {
    this.accessKeyId = accessKeyOf(accountId);
    // New clients sign with the new access key; the simulator (and its endpoint) stay as they are.
    this.destroyClients();
  }

  async settleNow(): Promise<number> {
    return (await this.load()).simulator.settleAllNow();
  }

  startEndpoint(port: number): Promise<SimulatorEndpoint> {
    this.server ??= (async () => {
      const { serveSimulator } = await loadBackendModules();
      const { simulator } = await this.load();
      try {
        return await serveSimulator(simulator, port);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
        return serveSimulator(simulator, 0);
      }
    })();
    this.server.catch(() => (this.server = undefined));
    return this.server.then((s) => {
      this.serving = s;
      return this.runningEndpoint()!;
    });
  }

  runningEndpoint(): SimulatorEndpoint | undefined {
    const s = this.serving;
    return s && { url: s.url, port: s.port, callerAccessKeyId: this.accessKeyId };
  }

  async stopEndpoint(): Promise<boolean> {
    const server = this.server;
    this.server = undefined;
    this.serving = undefined;
    if (!server) return false;
    await (await server).close();
    return true;
  }

  override dispose(): void {
    super.dispose();
    this.released = true;
    // At once, not after the endpoint closed: the next connection's simulator takes the state file.
    this.loadedSimulator?.dispose();
    void this.stopEndpoint().catch(() => undefined);
  }
}

/** Another simulated account's clients on a simulator that {@link SimulatorClients} owns. */
class AccountClients extends CachedClients {
  readonly backend: Extract<BackendConfig, { kind: 'simulator' }>;
  private readonly accessKeyId: string;

  constructor(
    private readonly host: SimulatorClients,
    accountId: string,
    onEc2Call?: (call: Ec2CallRecord) => void,
    limiter?: CallLimiter,
  ) {
    super(onEc2Call, limiter);
    this.backend = { ...host.backend, accountId };
    this.accessKeyId = accessKeyOf(accountId);
  }

  protected async createEc2(region: string): Promise<EC2Client> {
    const { EC2Client } = await loadSdk();
    return new EC2Client(await this.host.clientConfig(region, this.accessKeyId));
  }

  protected async createSts(): Promise<STSClient> {
    const { STSClient } = await loadSdk();
    return new STSClient(await this.host.clientConfig('us-east-1', this.accessKeyId));
  }

  protected async createService<K extends ServiceName>(name: K, region: string): Promise<ServiceClients[K]> {
    const sdk = await loadServiceModules();
    const config = await this.host.clientConfig(region, this.accessKeyId);
    const clients: { [N in ServiceName]: () => ServiceClients[N] } = {
      autoScaling: () => new sdk.AutoScalingClient(config),
      ssm: () => new sdk.SSMClient(config),
      rbin: () => new sdk.RbinClient(config),
    };
    return clients[name]();
  }
}

/** A second simulator on the same state file (another window) becomes advice the user can act on. */
function simulatorOrLockError<T>(create: () => T): T {
  try {
    return create();
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'SimulatorStateLocked') throw error;
    throw new ActionableError(
      (error as Error).message,
      l10n.t(
        'Use the simulator in the window that has it open, or close that window (or stop `npm run simulator`) and reload this one.',
      ),
    );
  }
}

function accessKeyOf(accountId: string | undefined): string {
  return (SIMULATOR_ACCOUNTS.find((a) => a.accountId === accountId) ?? SIMULATOR_ACCOUNTS[0]).accessKeyId;
}
