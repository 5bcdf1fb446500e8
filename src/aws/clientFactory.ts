import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { STSClient } from '@aws-sdk/client-sts';
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
  dispose(): void;
}

/** Creates the client set for a backend. Cheap: nothing is loaded until the first call. */
export function createAwsClients(backend: BackendConfig): AwsClients {
  return backend.kind === 'simulator' ? new SimulatorClients(backend) : new RealAwsClients(backend);
}

abstract class CachedClients implements AwsClients {
  private readonly clients = new Map<string, Promise<EC2Client>>();
  private identityPromise: Promise<CallerIdentity> | undefined;
  private disposed = false;

  abstract readonly backend: BackendConfig;
  protected abstract createEc2(region: string): Promise<EC2Client>;
  protected abstract createSts(): Promise<STSClient>;

  ec2(region: string): Promise<EC2Client> {
    if (this.disposed) {
      return Promise.reject(new Error('The AWS connection was replaced; refresh the view.'));
    }
    let client = this.clients.get(region);
    if (!client) {
      client = this.createEc2(region);
      this.clients.set(region, client);
      client.catch(() => this.clients.delete(region));
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
  constructor(readonly backend: Extract<BackendConfig, { kind: 'aws' }>) {
    super();
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
  accessKeyId: string;
  advance?: (ms: number) => void;
}

class SimulatorClients extends CachedClients {
  private loaded: Promise<LoadedSimulator> | undefined;

  constructor(readonly backend: Extract<BackendConfig, { kind: 'simulator' }>) {
    super();
  }

  /** The simulator and its in-process handler, loaded and created on first use. */
  private load(): Promise<LoadedSimulator> {
    this.loaded ??= (async () => {
      const { Simulator, SimulatorRequestHandler, DEFAULT_SIMULATOR_ACCOUNT, ManualClock } = await loadBackendModules();
      await fs.mkdir(path.dirname(this.backend.stateFile), { recursive: true });
      const clock = this.backend.manualClock ? new ManualClock(Date.now()) : undefined;
      const delay = this.backend.pendingDelayMs;
      const simulator = new Simulator({
        stateFile: this.backend.stateFile,
        pendingDelayMs: delay,
        // Instance transitions take a few seconds on EC2; with no delay they are instant too.
        instanceTransitionMs: Math.min(delay, 3_000),
        clock,
        onWarning: this.backend.onWarning,
      });
      return {
        simulator,
        requestHandler: new SimulatorRequestHandler(simulator),
        accessKeyId: DEFAULT_SIMULATOR_ACCOUNT.accessKeyId,
        advance: clock ? (ms: number) => clock.advance(ms) : undefined,
      };
    })();
    this.loaded.catch(() => (this.loaded = undefined));
    return this.loaded;
  }

  private async clientConfig(region: string) {
    const { requestHandler, accessKeyId } = await this.load();
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
}
