import type { CommandDeps } from './deps';
import { ownedImageTarget } from './targets';

/** Opens the Launch Permissions panel of an AMI the caller owns (private, accounts, organizations, public). */
export async function editLaunchPermissions(deps: CommandDeps, node?: unknown): Promise<void> {
  const { region, image } = await ownedImageTarget(deps, node);
  deps.showPanel({ kind: 'launchPermissions', region, imageId: image.ImageId ?? '' });
}
