import * as vscode from 'vscode';
import { SNAPSHOT_USD_PER_GB_MONTH } from './shared/pricing';

/** The `amiExplorer.*` settings, read in one place. */
export interface AmiExplorerSettings {
  backend: 'simulator' | 'aws';
  /** Empty: the SDK's default credential chain. */
  profile: string;
  regions: string[];
  pageSize: number;
  pendingDelaySeconds: number;
  /** The simulated account the explorer acts as (`amiExplorer.simulator.account`). */
  simulatorAccount: string;
  /** USD per GB-month of EBS snapshot storage, for cost estimates. */
  snapshotPricePerGbMonth: number;
}

export const SECTION = 'amiExplorer';

export function readSettings(): AmiExplorerSettings {
  const config = vscode.workspace.getConfiguration(SECTION);
  const regions = config.get<unknown>('regions');
  return {
    backend: config.get<string>('backend') === 'aws' ? 'aws' : 'simulator',
    profile: config.get<string>('profile') ?? '',
    regions: Array.isArray(regions)
      ? [...new Set(regions.filter((r): r is string => typeof r === 'string' && r.length > 0))]
      : [],
    pageSize: config.get<number>('pageSize') ?? 50,
    pendingDelaySeconds: Math.max(0, config.get<number>('simulator.pendingDelaySeconds') ?? 5),
    simulatorAccount: config.get<string>('simulator.account') ?? '',
    snapshotPricePerGbMonth: validPrice(config.get<unknown>('snapshotPricePerGbMonth')),
  };
}

/** Writes a setting to the user settings (the connection is a per-user choice, not a workspace one). */
export async function updateSetting(
  key: 'backend' | 'profile' | 'regions' | 'simulator.account',
  value: unknown,
): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update(key, value, vscode.ConfigurationTarget.Global);
}

/** A usable price, or pricing.ts's default (the one source of the default; package.json repeats it and a unit test checks they agree). */
function validPrice(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : SNAPSHOT_USD_PER_GB_MONTH;
}
