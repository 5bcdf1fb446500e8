import * as vscode from 'vscode';
import { ImageNode } from '../explorer/imageNodes';
import { checkImageId } from '../shared/validation';
import type { CommandDeps } from './deps';
import { pickRegion } from './targets';

/**
 * Opens the read-only Image details panel: of the row it was invoked on, or (from the palette)
 * of any image id in a region, also one that is not in the loaded pages of the tree.
 */
export async function showImageDetails(deps: CommandDeps, node?: unknown): Promise<void> {
  if (node instanceof ImageNode) {
    deps.showPanel({ kind: 'imageDetails', region: node.region, imageId: node.imageId });
    return;
  }
  const region = await pickRegion(deps);
  const imageId = await deps.input().text({
    title: vscode.l10n.t('AMI in {0}', region),
    prompt: vscode.l10n.t('The id of the image to show'),
    placeholder: 'ami-0123456789abcdef0',
    validate: (v) => checkImageId(v.trim()),
  });
  deps.showPanel({ kind: 'imageDetails', region, imageId: imageId.trim() });
}
