import * as vscode from 'vscode';
import { enableImage as sendEnable } from '../ec2/governance';
import type { CommandDeps } from './deps';
import { governedImage, imageChanged } from './governanceTargets';
import { inform, withProgress } from '../notifications';

/** Re-enables a disabled AMI the user owns; its former launch permissions are not restored. */
export async function enableImage(deps: CommandDeps, node?: unknown): Promise<void> {
  const { region, image } = await governedImage(
    deps,
    node,
    (i) => (i.State === 'disabled' ? undefined : vscode.l10n.t('is not disabled')),
    vscode.l10n.t('You own no disabled AMI'),
  );
  const imageId = image.ImageId ?? '';
  await withProgress(vscode.l10n.t('Re-enabling {0}…', imageId), async () => {
    await sendEnable(await deps.model.ec2(region), imageId);
    await imageChanged(deps, region, imageId);
  });
  inform(
    vscode.l10n.t(
      '{0} is available again and private: share it again with "Edit Launch Permissions…" if needed.',
      imageId,
    ),
  );
}
