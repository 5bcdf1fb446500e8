import { AllowedImagesNode } from '../explorer/guardrailNodes';
import type { CommandDeps } from './deps';
import { pickRegion } from './targets';

/** Opens the Allowed AMIs panel of a region: its setting, its criteria, and the what-if editor. */
export async function editAllowedImages(deps: CommandDeps, node?: unknown): Promise<void> {
  const region = node instanceof AllowedImagesNode ? node.region : await pickRegion(deps);
  deps.showPanel({ kind: 'allowedImages', region });
}
