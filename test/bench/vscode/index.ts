// Benchmarks that need the real extension host: activation, time to the first AMI rows of a
// region, and loading 1,000 / 10,000 AMIs into a group of the 100,000-image region. Run by
// test/bench/bench.ts through scripts/run-integration.mjs; prints one `BENCH_RESULT {json}` line.
import * as vscode from 'vscode';
import type { AmiExplorerApi } from '../../../src/api';
import type { ExplorerNode } from '../../../src/explorer/node';

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
  // Cold: the first use loads dist/backend.js (SDK + simulator) and seeds the simulator.
  const [firstRowsColdMs, firstRowsCount] = await timed(firstRows);
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
  const result = {
    activatedBefore,
    activationMs,
    activationModuleMs: api.activationTimes.moduleMs,
    activationActivateMs: api.activationTimes.activateMs,
    firstRowsColdMs,
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
