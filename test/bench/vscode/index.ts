// Benchmarks that need the real extension host: activation, time to the first AMI rows of a
// region, and loading 1,000 / 10,000 AMIs into a group of the 100,000-image region. Run by
// test/bench/bench.ts through scripts/run-integration.mjs; prints one `BENCH_RESULT {json}` line.
import * as vscode from 'vscode';
import type { AmiExplorerApi } from '../../../src/api';
import type { ExplorerNode } from '../../../src/explorer/node';
import { SIMULATOR_REGIONS } from '../../../src/simulator/regions';

const EXTENSION_ID = 'ami-explorer.ami-explorer';

function labelOf(node: ExplorerNode): string {
  const l = node.getTreeItem().label;
  return typeof l === 'string' ? l : (l?.label ?? '');
}

async function child(api: AmiExplorerApi, parent: ExplorerNode | undefined, label: string): Promise<ExplorerNode> {
  const rows = (await api.tree.getChildren(parent)) ?? [];
  const found = rows.find((n) => labelOf(n) === label);
  if (!found) throw new Error(`no "${label}" row; rows: ${rows.map(labelOf).join(' | ')}`);
  return found;
}

/** Rows of a group that are AMIs (not "Load more…" or info rows). */
async function amiRows(api: AmiExplorerApi, group: ExplorerNode): Promise<ExplorerNode[]> {
  const rows = (await api.tree.getChildren(group)) ?? [];
  return rows.filter((n) => (n.getTreeItem().contextValue ?? '').startsWith('image'));
}

async function loadMoreRow(api: AmiExplorerApi, group: ExplorerNode): Promise<ExplorerNode | undefined> {
  const rows = (await api.tree.getChildren(group)) ?? [];
  return rows.find((n) => labelOf(n).startsWith('Load more'));
}

async function setting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('amiExplorer').update(key, value, vscode.ConfigurationTarget.Global);
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const value = await fn();
  return [performance.now() - t, value];
}

export async function run(): Promise<void> {
  const ext = vscode.extensions.getExtension<AmiExplorerApi>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed`);
  const activatedBefore = ext.isActive;
  // The host activates built-in extensions right after start; let that settle so it does not
  // count as ours.
  await new Promise((resolve) => setTimeout(resolve, 5000));
  // What VS Code counts as activation: loading dist/extension.js and running activate().
  const [activationMs, api] = await timed(async () => ext.activate());
  if (!api) throw new Error('No test API: the benchmark host must run with AMI_EXPLORER_TEST=1.');
  await setting('regions', ['us-east-1']);
  await setting('pageSize', 50);
  const firstRows = async () => {
    const region = await child(api, undefined, 'us-east-1');
    const images = await child(api, region, 'Images');
    const amazon = await child(api, images, 'Amazon');
    const ebs = await child(api, amazon, 'EBS-backed');
    return (await amiRows(api, ebs)).length;
  };
  // Cold: the first use loads dist/backend.js (the SDK) and dist/simulator.js, and seeds the simulator.
  // CPU time as well: on a shared machine the wall time also counts other processes' turns.
  const cpuBefore = process.cpuUsage();
  const [firstRowsColdMs, firstRowsCount] = await timed(firstRows);
  const cpuCold = process.cpuUsage(cpuBefore);
  await vscode.commands.executeCommand('amiExplorer.refresh');
  const [firstRowsWarmMs] = await timed(firstRows);

  const [largeSimulatorMs] = await timed(async () => {
    api.configureSimulator({ largeRegionImages: 100_000, pendingDelayMs: 0 });
    await firstRows();
  });
  await setting('pageSize', 1000);
  const otherEbs = async () => {
    const region = await child(api, undefined, 'us-east-1');
    const images = await child(api, region, 'Images');
    const other = await child(api, images, 'Other public');
    return child(api, other, 'EBS-backed');
  };
  const [load1000Ms, rows1000] = await timed(async () => amiRows(api, await otherEbs()));
  const [load10000Ms, rows10000] = await timed(async () => {
    const group = await otherEbs();
    for (let i = 0; i < 9; i++) {
      const more = await loadMoreRow(api, group);
      if (!more) break;
      await vscode.commands.executeCommand('amiExplorer.loadMore', more);
    }
    return amiRows(api, group);
  });
  const connections = await severalConnections(api);
  const result = {
    ...connections,
    activatedBefore,
    activationMs,
    activationModuleMs: api.activationTimes.moduleMs,
    activationActivateMs: api.activationTimes.activateMs,
    firstRowsColdMs,
    firstRowsColdCpuMs: (cpuCold.user + cpuCold.system) / 1000,
    firstRowsWarmMs,
    firstRowsCount,
    largeSimulatorMs,
    load1000Ms: load1000Ms,
    rows1000: rows1000.length,
    load10000Ms: load1000Ms + load10000Ms,
    rows10000: rows10000.length,
  };
  console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
  api.configureSimulator({});
  await setting('pageSize', undefined);
  await setting('regions', undefined);
}

/**
 * 5 connections (the primary simulator and 4 simulator accounts) × every simulated region, loaded
 * together: the time until every region shows its first AMI rows (Images › Amazon › EBS-backed),
 * the peak number of EC2 calls in flight per account, and the heap after expanding everything.
 */
async function severalConnections(api: AmiExplorerApi): Promise<Record<string, number>> {
  api.configureSimulator({ pendingDelayMs: 0 });
  await setting('pageSize', 50);
  const accounts = ['210987654321', '123456789012', '210987654321', '123456789012'];
  await setting(
    'connections',
    accounts.map((account, i) => ({
      id: `bench${i}`,
      label: `Bench ${i}`,
      kind: 'simulator',
      account,
      regions: 'all',
    })),
  );
  // Every region enabled by default (17), as the connections' "all" lists them.
  const allRegions = [...SIMULATOR_REGIONS];
  await setting('regions', allRegions);
  // Wait until the roots are the 5 connection rows.
  for (let i = 0; i < 100 && ((await api.tree.getChildren()) ?? []).length !== 5; i++) {
    await new Promise((r) => setTimeout(r, 50));
  }
  api.resetCallPeaks();
  const rowsOf = async (node: ExplorerNode) => (await api.tree.getChildren(node)) ?? [];
  const [firstRowsAllMs, regionCount] = await timed(async () => {
    const roots = await rowsOf(undefined as unknown as ExplorerNode);
    const perRegion = await Promise.all(
      roots.map(async (conn) =>
        Promise.all(
          (await rowsOf(conn)).map(async (region) => {
            const images = await child(api, region, 'Images');
            const amazon = await child(api, images, 'Amazon');
            const ebs = await child(api, amazon, 'EBS-backed');
            return (await amiRows(api, ebs)).length;
          }),
        ),
      ),
    );
    return perRegion.flat().filter((n) => n > 0).length;
  });
  // Expand everything else: every owner group and root type, the instances and snapshots folders.
  const expandAll = async (node: ExplorerNode, depth: number): Promise<void> => {
    if (depth > 5) return;
    const rows = await rowsOf(node);
    await Promise.all(rows.map((r) => (r.getChildren ? expandAll(r, depth + 1) : Promise.resolve())));
  };
  const [expandAllMs] = await timed(async () => {
    for (const conn of await rowsOf(undefined as unknown as ExplorerNode)) await expandAll(conn, 0);
  });
  const peaks = Object.values(api.callPeaks());
  const memory = process.memoryUsage();
  await setting('connections', undefined);
  return {
    connectionsCount: 5,
    connectionsRegions: allRegions.length,
    connectionsFirstRowsMs: firstRowsAllMs,
    connectionsRegionsWithRows: regionCount,
    connectionsPeakInFlight: Math.max(...peaks),
    connectionsAccounts: peaks.length,
    connectionsExpandAllMs: expandAllMs,
    connectionsHeapMb: memory.heapUsed / 1024 / 1024,
    connectionsRssMb: memory.rss / 1024 / 1024,
  };
}
