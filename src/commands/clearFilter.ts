import { nodeIds } from '../explorer/ids';
import type { CommandDeps } from './deps';
import { ownerGroupTarget } from './targets';

/** Removes an owner group's filter and reloads the group. */
export async function clearFilter(deps: CommandDeps, node?: unknown): Promise<void> {
  const { region, group } = await ownerGroupTarget(deps, node);
  deps.model.setFilter(region, group, undefined);
  const groupNode = deps.tree.nodeById(nodeIds.ownerGroup(region, group));
  if (groupNode) {
    deps.tree.refresh(groupNode);
  }
}
