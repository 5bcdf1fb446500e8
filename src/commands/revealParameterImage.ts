import * as vscode from 'vscode';
import { ActionableError } from '../aws/errors';
import { nodeIds } from '../explorer/ids';
import { LatestParameterNode } from '../explorer/latestAmiNodes';
import type { CommandDeps } from './deps';

/** "Reveal AMI" on a public parameter row: selects the image it names in the Images folder. */
export async function revealParameterImage(deps: CommandDeps, node?: unknown): Promise<void> {
  if (!(node instanceof LatestParameterNode)) {
    throw new ActionableError(
      vscode.l10n.t('Pick a public parameter under "Latest AMIs" first.'),
      vscode.l10n.t('Expand a region\'s "Latest AMIs" folder and use "Reveal AMI" on a parameter.'),
    );
  }
  const { region, imageId } = node;
  const located = await deps.model.locateImage(region, imageId);
  if (!located) {
    throw new ActionableError(
      vscode.l10n.t('{0} names {1}, which is not visible to this account.', node.parameterName, imageId),
      vscode.l10n.t('The endpoint does not share that AMI with you, or it was deregistered.'),
    );
  }
  const target = await deps.tree.resolve(nodeIds.image(region, located.group, located.rootType, imageId));
  if (!target) {
    throw new ActionableError(vscode.l10n.t('AMI {0} is not in the tree.', imageId));
  }
  await deps.selectInTree(target);
}
