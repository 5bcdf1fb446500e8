import type { CommandDeps } from './deps';
import { imageTarget } from './targets';

/** Opens the Copy AMI panel (same or another region; EC2 refuses Marketplace images, the panel says so). */
export async function copyImage(deps: CommandDeps, node?: unknown): Promise<void> {
  const { region, image } = await imageTarget(deps, node);
  deps.showPanel({ kind: 'copyImage', region, imageId: image.ImageId ?? '' });
}
