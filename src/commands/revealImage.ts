import * as vscode from 'vscode';
import { ActionableError } from '../aws/errors';
import { nodeIds } from '../explorer/ids';
import type { CommandDeps } from './deps';
import { instanceTarget } from './targets';

/** Selects, in the tree, the AMI an instance was launched from. */
export async function revealImage(deps: CommandDeps, node?: unknown): Promise<void> {
  const { region, instance } = await instanceTarget(
    deps,
    node,
    (i) => !!i.ImageId,
    vscode.l10n.t('There are no instances'),
  );
  const imageId = instance.ImageId ?? '';
  const located = await deps.model.locateImage(region, imageId);
  if (!located) {
    throw new ActionableError(
      vscode.l10n.t('AMI {0} no longer exists or is not visible to this account.', imageId),
      vscode.l10n.t(
        'It was deregistered or is no longer shared with you: the instance keeps running, but no new instance can be launched from it.',
      ),
    );
  }
  const target = await deps.tree.resolve(nodeIds.image(region, located.group, located.rootType, imageId));
  if (!target) {
    throw new ActionableError(
      vscode.l10n.t('AMI {0} is not in the tree.', imageId),
      vscode.l10n.t('Add region {0} with "AMI Explorer: Select Regions…".', region),
    );
  }
  await deps.selectInTree(target);
}
