import type { ExplorerNode } from '../explorer/node';
import type { CommandDeps } from './deps';

function isExplorerNode(value: unknown): value is ExplorerNode {
  return typeof value === 'object' && value !== null && 'id' in value && 'getTreeItem' in value;
}

/** Reloads a node's subtree (inline action, error rows) or, from the view title or palette, everything. */
export async function refresh(deps: CommandDeps, node?: unknown): Promise<void> {
  const target = isExplorerNode(node) ? node : undefined;
  // What was still loading there is abandoned (its queued EC2 calls dropped), not waited for.
  deps.tree.abandon(target);
  deps.tree.refresh(target);
}
