import type { LaunchPermission } from '@aws-sdk/client-ec2';
import * as vscode from 'vscode';
import { disableImage as sendDisable, launchPermissions } from '../ec2/governance';
import type { CommandDeps } from './deps';
import { governedImage, imageChanged } from './governanceTargets';
import { confirmNotInUse } from './inUsePrecheck';
import { withProgress } from '../notifications';

function describePermission(p: LaunchPermission): string {
  if (p.Group === 'all') return vscode.l10n.t('everyone (public)');
  return p.UserId ?? p.OrganizationalUnitArn ?? p.OrganizationArn ?? '?';
}

/**
 * Disables an available AMI the user owns. EC2 removes every launch permission at the same
 * time, and re-enabling does not restore them: the confirmation says so first, naming who loses access.
 */
export async function disableImage(deps: CommandDeps, node?: unknown): Promise<void> {
  const { region, image } = await governedImage(
    deps,
    node,
    (i) =>
      i.State === 'available'
        ? undefined
        : vscode.l10n.t('is {0}: only an available AMI can be disabled', i.State ?? ''),
    vscode.l10n.t('You own no available AMI to disable'),
  );
  const imageId = image.ImageId ?? '';
  await confirmNotInUse(deps, region, imageId, 'disabling', vscode.l10n.t('Disable anyway'));
  const ec2 = await deps.model.ec2(region);
  const permissions = await launchPermissions(ec2, imageId);
  const who = permissions.length
    ? vscode.l10n.t('It is shared with {0}: they all lose access.', permissions.map(describePermission).join(', '))
    : vscode.l10n.t('It is not shared with anyone now.');
  await deps.input().confirm({
    message: vscode.l10n.t('Disable {0}? Disabling removes every launch permission.', imageId),
    detail: vscode.l10n.t(
      'Disabling removes every launch permission of the AMI: it becomes private. {0} Re-enabling does not restore them. A disabled AMI cannot launch instances and is hidden from listings; instances already running from it keep running, and you can re-enable it at any time.',
      who,
    ),
    confirmLabel: vscode.l10n.t('Disable'),
  });
  await withProgress(vscode.l10n.t('Disabling {0}…', imageId), async () => {
    await sendDisable(ec2, imageId);
    await imageChanged(deps, region, imageId);
  });
}
