import * as vscode from 'vscode';
import { cancelDeprecation } from '../ec2/governance';
import type { CommandDeps } from './deps';
import { governedImage, imageChanged } from './governanceTargets';
import { withProgress } from '../notifications';

/** Cancels the deprecation of an owned AMI (scheduled or already in effect). */
export async function cancelImageDeprecation(deps: CommandDeps, node?: unknown): Promise<void> {
  const { region, image } = await governedImage(
    deps,
    node,
    (i) => (i.DeprecationTime ? undefined : vscode.l10n.t('has no deprecation to cancel')),
    vscode.l10n.t('You own no deprecated AMI'),
  );
  const imageId = image.ImageId ?? '';
  await withProgress(vscode.l10n.t('Cancelling the deprecation of {0}…', imageId), async () => {
    await cancelDeprecation(await deps.model.ec2(region), imageId);
    await imageChanged(deps, region, imageId);
  });
}
