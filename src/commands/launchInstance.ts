import * as vscode from 'vscode';
import { ActionableError } from '../aws/errors';
import type { CommandDeps } from './deps';
import { imageTarget } from './targets';

/** Opens the Launch Instance panel of an available AMI. */
export async function launchInstance(deps: CommandDeps, node?: unknown): Promise<void> {
  const { region, image } = await imageTarget(deps, node);
  if (image.State !== 'available') {
    throw new ActionableError(
      vscode.l10n.t(
        'AMI {0} is {1}: EC2 launches instances only from available images.',
        image.ImageId ?? '',
        image.State ?? 'unknown',
      ),
      image.State === 'pending' ? vscode.l10n.t('Wait until it is available.') : undefined,
    );
  }
  deps.showPanel({ kind: 'launchInstance', region, imageId: image.ImageId ?? '' });
}
