import type { CommandDeps } from './deps';
import { ownedImagesTarget } from './targets';

/**
 * Opens the Deregister panel for the selected AMIs the caller owns (snapshots, cost, the choice
 * to delete the snapshots too, and an explicit confirmation).
 */
export async function deregisterImage(deps: CommandDeps, node?: unknown, selection?: unknown): Promise<void> {
  const { region, images } = await ownedImagesTarget(deps, node, selection);
  deps.showPanel({ kind: 'deregister', region, imageIds: images.map((i) => i.ImageId ?? '') });
}
