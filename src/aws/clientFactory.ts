import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { STSClient } from '@aws-sdk/client-sts';
import { SIMULATOR_ACCOUNTS } from '../simulator/accounts';
import { ActionableError } from './errors';
import type { BackendModules } from './sdk';
import { loadBackendModules, loadSdk } from './sdk';

/** Which EC2 the extension talks to. Both are used through the same `EC2Client` commands. */
export type BackendConfig =
  | {
      kind: 'simulator';
      /** Where the simulator keeps its state between sessions. */
      stateFile: string;
      /** How long pending images and instance transitions take (0 = instant). */
      pendingDelayMs: number;
      /** Tests: the simulator's time only moves through {@link AwsClients.advanceSimulatorClock}. */
      manualClock?: boolean;
      /** The simulated account the extension acts as (see {@link SIMULATOR_ACCOUNT_CHOICES}); the default account when absent. */
      accountId?: string;
      /** Benchmarks: scale us-east-1's public catalog to this many images. */
      largeRegionImages?: number;
      /** Told about things the user should know, e.g. a corrupt state file moved aside. */
      onWarning?: (message: string) => void;
    }
  | {
      kind: 'aws';
      /** A profile of the shared config/credentials files; undefined = the SDK's default chain. */
      profile?: string;
      /** Region used for STS GetCallerIdentity. */
      stsRegion: string;
    };

/** The caller as STS reports it. */
export interface CallerIdentity {
  account: string;
  arn?: string;
}

/**
 * The SDK clients of one backend, created on first use and cached per region.
 * This is the only module that knows the simulator exists: everything else gets an `EC2Client`.
 */
export interface AwsClients {
  readonly backend: BackendConfig;
  ec2(region: string): Promise<EC2Client>;
  /** The caller's account (cached after the first successful call). */
  identity(): Promise<CallerIdentity>;
  /** Restores the simulator's seed; absent on real AWS. */
  resetSimulator?(): Promise<void>;
  /** Moves a manual simulator clock forward (tests); absent otherwise. */
  advanceSimulatorClock?(ms: number): Promise<void>;
  /** Simulator: acts as another simulated account from now on (same simulator, other credentials). */
  switchSimulatorAccount?(accountId: string): void;
  /** Simulator: finishes every pending image and instance transition now; resolves with how many were moving. */
  settleSimulatorNow?(): Promise<number>;
  /**
   * Simulator: serves this very simulator over HTTP on 127.0.0.1 (`port`, or any free port when it
   * is taken), or returns the endpoint already running. It stops when these clients are disposed.
   */
  startSimulatorEndpoint?(port: number): Promise<SimulatorEndpoint>;
  /** Simulator: stops the HTTP endpoint; resolves false when none was running. */
  stopSimulatorEndpoint?(): Promise<boolean>;
  /** Simulator: the HTTP endpoint while it runs. */
  runningSimulatorEndpoint?(): SimulatorEndpoint | undefined;
  dispose(): void;
}

/** A simulated account, as the extension shows it (the simulator never checks the secret). */
export interface SimulatorAccountInfo {
  accountId: string;
  accessKeyId: string;
  label: string;
}

/** The simulator's accounts: the default one and a partner to share images with. */
export const SIMULATOR_ACCOUNT_CHOICES: readonly SimulatorAccountInfo[] = SIMULATOR_ACCOUNTS.map(
  ({ accountId, accessKeyId, label }) => ({
    accountId,
    accessKeyId,
    label,
  }),
);

/** The simulator served over HTTP, for the AWS CLI or any SDK. */
export interface SimulatorEndpoint {
  /** `http://127.0.0.1:PORT` */
  url: string;
  port: number;
  /** The access key id of the account the extension acts as (the tree shows this account). */
  callerAccessKeyId: string;
}

/** One EC2 call the extension made, as the walkthrough observes it: the command's input and output, or its error. */
export interface Ec2CallRecord {
  region: string;
  /** The SDK command's name, e.g. `CreateImageCommand`. */
  command: string;
  input: unknown;
  output?: unknown;
  error?: unknown;
}

/**
 * Creates the client set for a backend. Cheap: nothing is loaded until the first call.
 * `onEc2Call` is told about every EC2 call through these clients, after it answered.
 */
export function createAwsClients(backend: BackendConfig, onEc2Call?: (call: Ec2CallRecord) => void): AwsClients {
  return backend.kind === 'simulator'
    ? new SimulatorClients(backend, onEc2Call)
    : new RealAwsClients(backend, onEc2Call);
}

abstract class CachedClients implements AwsClients {
  private readonly clients = new Map<string, Promise<EC2Client>>();
  private identityPromise: Promise<CallerIdentity> | undefined;
  private disposed = false;

  abstract readonly backend: BackendConfig;

  constructor(private readonly onEc2Call: ((call: Ec2CallRecord) => void) | undefined) {}

  protected abstract createEc2(region: string): Promise<EC2Client>;
  protected abstract createSts(): Promise<STSClient>;

  ec2(region: string): Promise<EC2Client> {
    if (this.disposed) {
      return Promise.reject(new Error('The AWS connection was replaced; refresh the view.'));
    }
    let client = this.clients.get(region);
    if (!client) {
      client = this.createEc2(region).then((c) => this.observed(c, region));
      this.clients.set(region, client);
      client.catch(() => this.clients.delete(region));
    }
    return client;
  }

  /** Tells `onEc2Call` about every command sent through `client` once it answered (never its credentials). */
  private observed(client: EC2Client, region: string): EC2Client {
    const report = this.onEc2Call;
    if (report) {
      client.middlewareStack.add(
        (next, context) => async (args) => {
          const command = String(context.commandName ?? 'unknown');
          try {
            const out = await next(args);
            report({ region, command, input: args.input, output: out.output });
            return out;
          } catch (error) {
            report({ region, command, input: args.input, error });
            throw error;
          }
        },
        { step: 'initialize', name: 'amiExplorerCallObserver' },
      );
    }
    return client;
  }

  identity(): Promise<CallerIdentity> {
    this.identityPromise ??= this.fetchIdentity();
    // A failure (expired credentials, say) must not stick: the next call tries again.
    this.identityPromise.catch(() => (this.identityPromise = undefined));
    return this.identityPromise;
  }

  private async fetchIdentity(): Promise<CallerIdentity> {
    const { GetCallerIdentityCommand } = await loadSdk();
    const sts = await this.createSts();
    try {
      const out = await sts.send(new GetCallerIdentityCommand({}));
      if (!out.Account) {
        throw new Error('STS GetCallerIdentity returned no account id.');
      }
      return { account: out.Account, arn: out.Arn };
    } finally {
      sts.destroy();
    }
  }

  protected destroyClients(): void {
    for (const client of this.clients.values()) {
      client.then((c) => c.destroy()).catch(() => undefined);
    }
    this.clients.clear();
    this.identityPromise = undefined;
  }

  dispose(): void {
    this.disposed = true;
    this.destroyClients();
  }
}

class RealAwsClients extends CachedClients {
  constructor(
    readonly backend: Extract<BackendConfig, { kind: 'aws' }>,
    onEc2Call?: (call: Ec2CallRecord) => void,
  ) {
    super(onEc2Call);
  }

  protected async createEc2(region: string): Promise<EC2Client> {
    const { EC2Client } = await loadSdk();
    // `profile` makes the SDK's Node provider chain read that profile, SSO included.
    return new EC2Client({ region, profile: this.backend.profile, retryMode: 'adaptive', maxAttempts: 6 });
  }

  protected async createSts(): Promise<STSClient> {
    const { STSClient } = await loadSdk();
    return new STSClient({ region: this.backend.stsRegion, profile: this.backend.profile, maxAttempts: 3 });
  }
}

/** Credentials the simulator maps to the default account; the secret is never checked. */
const SIMULATOR_SECRET = 'simulator-secret-not-checked';

interface LoadedSimulator {
  simulator: InstanceType<BackendModules['Simulator']>;
  requestHandler: unknown;
  advance?: (ms: number) => void;
}

/** The simulator's HTTP server (src/simulator/server.ts). */
type SimulatorServer = Awaited<ReturnType<BackendModules['serveSimulator']>>;

class SimulatorClients extends CachedClients {
  private loaded: Promise<LoadedSimulator> | undefined;
  private accessKeyId: string;
  private server: Promise<SimulatorServer> | undefined;
  private serving: SimulatorServer | undefined;
  /** The loaded simulator, so that dispose() can hand back its state file at once. */
  private simulator: LoadedSimulator['simulator'] | undefined;
  private released = false;

  constructor(
    readonly backend: Extract<BackendConfig, { kind: 'simulator' }>,
    onEc2Call?: (call: Ec2CallRecord) => void,
  ) {
    super(onEc2Call);
    this.accessKeyId = accessKeyOf(backend.accountId);
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
      this.simulator = simulator;
      return {
        simulator,
        requestHandler: new SimulatorRequestHandler(simulator),
        advance: clock ? (ms: number) => clock.advance(ms) : undefined,
      };
    })();
    this.loaded.catch(() => (this.loaded = undefined));
    return this.loaded;
  }

  private async clientConfig(region: string) {
    const { requestHandler } = await this.load();
    return {
      region,
      credentials: { accessKeyId: this.accessKeyId, secretAccessKey: SIMULATOR_SECRET },
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

  async resetSimulator(): Promise<void> {
    (await this.load()).simulator.reset();
  }

  async advanceSimulatorClock(ms: number): Promise<void> {
    const { advance } = await this.load();
    if (!advance) {
      throw new Error('The simulator was not created with a manual clock.');
    }
    advance(ms);
  }

  switchSimulatorAccount(accountId: string): void {
    this.accessKeyId = accessKeyOf(accountId);
    // New clients sign with the new access key; the simulator (and its endpoint) stay as they are.
    this.destroyClients();
  }

  async settleSimulatorNow(): Promise<number> {
    return (await this.load()).simulator.settleAllNow();
  }

  startSimulatorEndpoint(port: number): Promise<SimulatorEndpoint> {
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
      return this.runningSimulatorEndpoint()!;
    });
  }

  runningSimulatorEndpoint(): SimulatorEndpoint | undefined {
    const s = this.serving;
    return s && { url: s.url, port: s.port, callerAccessKeyId: this.accessKeyId };
  }

  async stopSimulatorEndpoint(): Promise<boolean> {
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
    this.simulator?.dispose();
    void this.stopSimulatorEndpoint().catch(() => undefined);
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
      'Use the simulator in the window that has it open, or close that window (or stop `npm run simulator`) and reload this one.',
    );
  }
}

function accessKeyOf(accountId: string | undefined): string {
  return (SIMULATOR_ACCOUNTS.find((a) => a.accountId === accountId) ?? SIMULATOR_ACCOUNTS[0]).accessKeyId;
}
