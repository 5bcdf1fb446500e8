import * as vscode from 'vscode';
import { protectionState } from '../ec2/deprecation';
import { unprotectImage as sendUnprotect } from '../ec2/governance';
import type { CommandDeps } from './deps';
import { governedImage, imageChanged } from './governanceTargets';
import { inform, withProgress } from '../notifications';

/** Turns deregistration protection off; with a cooldown the AMI stays protected 24 more hours, and the user is told. */
export async function unprotectImage(deps: CommandDeps, node?: unknown): Promise<void> {
  const { region, image } = await governedImage(
    deps,
    node,
    (i) =>
      protectionState(i) === 'on' || protectionState(i) === 'onWithCooldown'
        ? undefined
        : vscode.l10n.t('is not protected'),
    vscode.l10n.t('You own no protected AMI'),
  );
  const imageId = image.ImageId ?? '';
  const cooldown = protectionState(image) === 'onWithCooldown';
  await withProgress(vscode.l10n.t('Turning off the protection of {0}…', imageId), async () => {
    await sendUnprotect(await deps.model.ec2(region), imageId);
    await imageChanged(deps, region, imageId);
  });
  inform(
    cooldown
      ? vscode.l10n.t(
          'Protection of {0} is off, but its 24-hour cooldown keeps it protected until tomorrow at this time.',
          imageId,
        )
      : vscode.l10n.t('Protection of {0} is off: it can be deregistered now.', imageId),
  );
}
