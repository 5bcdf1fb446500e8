import type { ExplorerNode } from '../explorer/node';
import type { CommandDeps } from './deps';

function isExplorerNode(value: unknown): value is ExplorerNode {
  return typeof value === 'object' && value !== null && 'id' in value && 'getTreeItem' in value;
}

/** Reloads a node's subtree (inline action, error rows) or, from the view title or palette, everything. */
export async function refresh(deps: CommandDeps, node?: unknown): Promise<void> {
  deps.tree.refresh(isExplorerNode(node) ? node : undefined);
}
