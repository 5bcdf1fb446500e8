import * as vscode from 'vscode';
import type { ConnectionSettings } from './aws/connectionSettings';
import { readConnections } from './aws/connectionSettings';
import { SNAPSHOT_USD_PER_GB_MONTH } from './shared/pricing';

/** The `amiExplorer.*` settings, read in one place. */
export interface AmiExplorerSettings {
  backend: 'simulator' | 'aws' | 'endpoint';
  /** Empty: the SDK's default credential chain. */
  profile: string;
  /** The regions shown; with {@link allRegions}, the enabled regions once EC2 was asked (see ShownRegions). */
  regions: string[];
  /** `amiExplorer.regions` is `"all"`: every region enabled for the account. */
  allRegions: boolean;
  pageSize: number;
  pendingDelaySeconds: number;
  /** The simulated account the explorer acts as (`amiExplorer.simulator.account`). */
  simulatorAccount: string;
  /** USD per GB-month of EBS snapshot storage, for cost estimates. */
  snapshotPricePerGbMonth: number;
  /** The custom endpoint (`amiExplorer.endpoint.*`) used when `backend` is `endpoint`. */
  endpoint: CustomEndpointSettings;
  /** Connections shown beside the one `backend` names (`amiExplorer.connections`). */
  connections: ConnectionSettings[];
}

/** An EC2 endpoint other than AWS's (LocalStack, moto, a shared ami-explorer-simulator). */
export interface CustomEndpointSettings {
  url: string;
  region: string;
  /** A profile whose credentials sign the calls; empty: {@link accessKeyId} and the secret kept in VS Code's secret storage. */
  profile: string;
  accessKeyId: string;
}

/** Where the custom endpoint's secret access key is kept (VS Code's SecretStorage, never the settings). */
export const ENDPOINT_SECRET_KEY = 'amiExplorer.endpoint.secretAccessKey';

export const SECTION = 'amiExplorer';

export function readSettings(): AmiExplorerSettings {
  const config = vscode.workspace.getConfiguration(SECTION);
  const regions = config.get<unknown>('regions');
  return {
    backend: backendOf(config.get<string>('backend')),
    profile: config.get<string>('profile') ?? '',
    regions: Array.isArray(regions)
      ? [...new Set(regions.filter((r): r is string => typeof r === 'string' && r.length > 0))]
      : [],
    allRegions: regions === 'all',
    pageSize: config.get<number>('pageSize') ?? 50,
    pendingDelaySeconds: Math.max(0, config.get<number>('simulator.pendingDelaySeconds') ?? 5),
    simulatorAccount: config.get<string>('simulator.account') ?? '',
    snapshotPricePerGbMonth: validPrice(config.get<unknown>('snapshotPricePerGbMonth')),
    endpoint: {
      url: config.get<string>('endpoint.url') ?? '',
      region: config.get<string>('endpoint.region') || 'us-east-1',
      profile: config.get<string>('endpoint.profile') ?? '',
      accessKeyId: config.get<string>('endpoint.accessKeyId') ?? '',
    },
    connections: readConnections(config.get<unknown>('connections')),
  };
}

function backendOf(value: string | undefined): AmiExplorerSettings['backend'] {
  return value === 'aws' || value === 'endpoint' ? value : 'simulator';
}

/** Writes a setting to the user settings (the connection is a per-user choice, not a workspace one). */
export async function updateSetting(
  key:
    | 'backend'
    | 'profile'
    | 'regions'
    | 'simulator.account'
    | 'endpoint.url'
    | 'endpoint.region'
    | 'endpoint.profile'
    | 'endpoint.accessKeyId'
    | 'connections',
  value: unknown,
): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update(key, value, vscode.ConfigurationTarget.Global);
}

/** A usable price, or pricing.ts's default (the one source of the default; package.json repeats it and a unit test checks they agree). */
function validPrice(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : SNAPSHOT_USD_PER_GB_MONTH;
}
