import type { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { RbinClient } from '@aws-sdk/client-rbin';
import type { SSMClient } from '@aws-sdk/client-ssm';
import { SIMULATOR_ACCOUNTS } from '../simulator/accounts';
import type { CallLimiter } from './callLimiter';
import { RealAwsClients } from './realAwsClients';
import { SimulatorClients } from './simulatorClients';

/** Which EC2 the extension talks to. Both are used through the same `EC2Client` commands. */
export type BackendConfig =
  | {
      kind: 'simulator';
      /** Where the simulator keeps its state between sessions. */
      stateFile: string;
      /** How long pending images and instance transitions take (0 = instant). */
      pendingDelayMs: number;
      /** Tests: the simulator's time only moves through {@link SimulatorControl.advanceClock}. */
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
      /** A custom endpoint (LocalStack, moto, a shared simulator) that overrides any configured one. */
      endpointUrl?: string;
      /** The keys of a custom endpoint (read when first needed); otherwise the profile's credentials. */
      accessKey?: () => Promise<{ accessKeyId: string; secretAccessKey: string }>;
      /** VS Code's `http.proxy`, which wins over HTTPS_PROXY. */
      httpProxy?: string;
      /** Asks the user for the code of an MFA device (a profile with `mfa_serial`). */
      mfaCode?: (serial: string) => Promise<string>;
    };

/** The clients of the services other than EC2 and STS, by the name `AwsClients.service()` takes. */
export interface ServiceClients {
  autoScaling: AutoScalingClient;
  ssm: SSMClient;
  rbin: RbinClient;
}

export type ServiceName = keyof ServiceClients;

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
  /**
   * Another service's client of a region, on the same endpoint, credentials and request handler
   * as EC2's (a custom endpoint or the simulator serves every service at one URL).
   */
  service<K extends ServiceName>(name: K, region: string): Promise<ServiceClients[K]>;
  /** The caller's account (cached after the first successful call). */
  identity(): Promise<CallerIdentity>;
  /** The EC2 endpoint of a region, for display (real AWS or a configured endpoint); absent for the embedded simulator. */
  endpointOf?(region: string): Promise<string>;
  /** The endpoint the latest EC2 client dials, for error messages; absent for the embedded simulator. */
  lastEndpointTried?(): string | undefined;
  /**
   * The region of calls that name none (STS, DescribeRegions for "all enabled regions"): a
   * profile's own region, so a China or GovCloud profile asks its partition; absent for the simulator.
   */
  homeRegion?(): Promise<string>;
  /** The embedded simulator's controls: present only when the backend is the simulator. */
  readonly simulator?: SimulatorControl;
  dispose(): void;
}

/** What only the embedded simulator can do; real AWS clients have none of it. */
export interface SimulatorControl {
  /** Restores the simulator's seed. */
  reset(): Promise<void>;
  /** Moves a manual simulator clock forward (tests). */
  advanceClock(ms: number): Promise<void>;
  /** Acts as another simulated account from now on (same simulator, other credentials). */
  switchAccount(accountId: string): void;
  /** Finishes every pending image and instance transition now; resolves with how many were moving. */
  settleNow(): Promise<number>;
  /**
   * Serves this very simulator over HTTP on 127.0.0.1 (`port`, or any free port when it
   * is taken), or returns the endpoint already running. It stops when the clients are disposed.
   */
  startEndpoint(port: number): Promise<SimulatorEndpoint>;
  /** Stops the HTTP endpoint; resolves false when none was running. */
  stopEndpoint(): Promise<boolean>;
  /** The HTTP endpoint while it runs. */
  runningEndpoint(): SimulatorEndpoint | undefined;
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
export function createAwsClients(
  backend: BackendConfig,
  onEc2Call?: (call: Ec2CallRecord) => void,
  limiter?: CallLimiter,
): AwsClients {
  return backend.kind === 'simulator'
    ? new SimulatorClients(backend, onEc2Call, limiter)
    : new RealAwsClients(backend, onEc2Call, limiter);
}
