import type { Image } from '@aws-sdk/client-ec2';
import * as vscode from 'vscode';
import { ActionableError } from '../aws/errors';
import { ImageNode } from '../explorer/imageNodes';
import { imageLabel } from '../explorer/presentation';
import type { CommandDeps } from './deps';
import type { ImageTarget } from './targets';
import { pickRegion } from './targets';

/**
 * The owned AMI a governance command acts on: the row it was invoked on, or one the user picks
 * from "Owned by me". `refuse` says why an image does not qualify (e.g. "is not disabled"), so a
 * stale row or a palette pick gets a clear message instead of EC2's.
 */
export async function governedImage(
  deps: CommandDeps,
  node: unknown,
  refuse: (image: Image) => string | undefined,
  noneMessage: string,
): Promise<ImageTarget> {
  const account = await deps.model.accountId();
  if (node instanceof ImageNode) {
    const image = node.image;
    if (image.OwnerId !== account) {
      throw new ActionableError(
        vscode.l10n.t('AMI {0} belongs to account {1}.', node.imageId, image.OwnerId ?? '?'),
        vscode.l10n.t('Only the owner of an AMI can change it.'),
      );
    }
    const reason = refuse(image);
    if (reason) {
      throw new ActionableError(
        vscode.l10n.t('AMI {0} {1}.', node.imageId, reason),
        vscode.l10n.t('Refresh the view if it changed elsewhere.'),
      );
    }
    return { region: node.region, image };
  }
  const region = await pickRegion(deps);
  const owned = (await deps.model.ownerGroup(region, 'self')).flatMap((p) => p.images);
  const candidates = owned.filter((i) => !refuse(i));
  if (candidates.length === 0) {
    throw new ActionableError(vscode.l10n.t('{0} in {1}.', noneMessage, region));
  }
  const image = await deps.input().pick(
    candidates.map((i) => ({ label: imageLabel(i), description: [i.ImageId, i.State].join(' · '), value: i })),
    { title: vscode.l10n.t('Owned by me in {0}', region), placeholder: vscode.l10n.t('Pick an image') },
  );
  return { region, image };
}

/** After a change: the image's row (icon, description, tooltip, menus) and the region's sums show EC2's new state. */
export async function imageChanged(deps: CommandDeps, region: string, imageId: string): Promise<void> {
  await deps.model.pollImages(region, [imageId]);
  await deps.model.costs.reload(region);
}
