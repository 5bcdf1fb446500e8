import * as vscode from 'vscode';
import { ActionableError } from '../aws/errors';
import { leaveSharedImage as sendLeave } from '../ec2/governance';
import { nodeIds } from '../explorer/ids';
import { ImageNode } from '../explorer/imageNodes';
import { imageLabel } from '../explorer/presentation';
import { withProgress } from '../notifications';
import type { CommandDeps } from './deps';
import { pickRegion } from './targets';

/**
 * Leaves an AMI another account shared with this one (CancelImageLaunchPermission), after a
 * modal confirmation: the image leaves "Shared with me" and only its owner can share it again.
 */
export async function leaveSharedImage(deps: CommandDeps, node?: unknown): Promise<void> {
  const { region, imageId, label, ownerId } = await target(deps, node);
  await deps.input().confirm({
    message: vscode.l10n.t('Leave the shared AMI {0}?', imageId),
    detail: vscode.l10n.t(
      '{0} disappears from Shared with me and this account can no longer launch it. Only its owner ({1}) can share it again. Instances already launched from it keep running.',
      label,
      ownerId,
    ),
    confirmLabel: vscode.l10n.t('Leave'),
  });
  const ec2 = await deps.model.ec2(region);
  await withProgress(vscode.l10n.t('Leaving {0}…', imageId), () => sendLeave(ec2, imageId));
  const id = nodeIds.ownerGroup(region, 'shared');
  const group = deps.tree.nodeById(id);
  if (group) deps.tree.refresh(group);
  else deps.model.invalidate(id);
}

interface Target {
  region: string;
  imageId: string;
  label: string;
  ownerId: string;
}

async function target(deps: CommandDeps, node: unknown): Promise<Target> {
  const account = await deps.model.accountId();
  const describe = (region: string, i: { ImageId?: string; OwnerId?: string; Name?: string }): Target => ({
    region,
    imageId: i.ImageId ?? '',
    label: `"${imageLabel(i)}" (${i.ImageId ?? ''})`,
    ownerId: i.OwnerId ?? '?',
  });
  if (node instanceof ImageNode) {
    if (node.image.OwnerId === account) {
      throw new ActionableError(
        vscode.l10n.t('AMI {0} is yours: nothing was shared with you.', node.imageId),
        vscode.l10n.t('To stop sharing it with others, use Edit Launch Permissions….'),
      );
    }
    return describe(node.region, node.image);
  }
  const region = await pickRegion(deps);
  const shared = (await deps.model.ownerGroup(region, 'shared')).flatMap((p) => p.images).filter((i) => !i.Public);
  if (shared.length === 0) {
    throw new ActionableError(vscode.l10n.t('No AMI is shared with this account in {0}.', region));
  }
  const image = await deps.input().pick(
    shared.map((i) => ({ label: imageLabel(i), description: `${i.ImageId} · ${i.OwnerId}`, value: i })),
    { title: vscode.l10n.t('Shared with me in {0}', region), placeholder: vscode.l10n.t('Pick the AMI to leave') },
  );
  return describe(region, image);
}
