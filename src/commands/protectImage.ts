import * as vscode from 'vscode';
import { protectionState } from '../ec2/deprecation';
import { protectImage as sendProtect } from '../ec2/governance';
import type { CommandDeps } from './deps';
import { governedImage, imageChanged } from './governanceTargets';
import { withProgress } from '../notifications';

/** Turns deregistration protection on, with or without EC2's 24-hour cooldown (explained in the pick). */
export async function protectImage(deps: CommandDeps, node?: unknown): Promise<void> {
  const { region, image } = await governedImage(
    deps,
    node,
    (i) =>
      protectionState(i) === 'on' || protectionState(i) === 'onWithCooldown'
        ? vscode.l10n.t('is already protected')
        : i.State === 'pending' || i.State === 'failed'
          ? vscode.l10n.t('is {0}', i.State ?? '')
          : undefined,
    vscode.l10n.t('You own no unprotected AMI'),
  );
  const imageId = image.ImageId ?? '';
  const withCooldown = await deps.input().pick(
    [
      {
        label: vscode.l10n.t('With 24-hour cooldown'),
        detail: vscode.l10n.t(
          'After protection is turned off, the AMI stays protected for 24 more hours: time to notice a mistake, or a compromised account, before it can be deregistered.',
        ),
        value: true,
      },
      {
        label: vscode.l10n.t('Without cooldown'),
        detail: vscode.l10n.t('Turning protection off allows deregistration at once.'),
        value: false,
      },
    ],
    {
      title: vscode.l10n.t('Protect {0} from deregistration', imageId),
      placeholder: vscode.l10n.t('While protected, EC2 refuses to deregister the AMI, whoever asks'),
    },
  );
  await withProgress(vscode.l10n.t('Protecting {0}…', imageId), async () => {
    await sendProtect(await deps.model.ec2(region), imageId, withCooldown);
    await imageChanged(deps, region, imageId);
  });
}
