import { OwnerGroupNode } from '../explorer/imageNodes';
import { ImagesFolderNode, RegionNode } from '../explorer/regionNodes';
import type { CommandDeps } from './deps';
import { pickRegion } from './targets';

/**
 * Opens the Clean Up Images panel of a region (a region row, its Images folder or its "Owned by
 * me" group, or a region picked from the palette): rules, a dry run, then one confirmed run.
 */
export async function cleanUpImages(deps: CommandDeps, node?: unknown): Promise<void> {
  const region =
    node instanceof RegionNode || node instanceof OwnerGroupNode || node instanceof ImagesFolderNode
      ? node.region
      : await pickRegion(deps);
  deps.showPanel({ kind: 'cleanup', region });
}
