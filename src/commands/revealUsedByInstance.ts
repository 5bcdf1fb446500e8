import * as vscode from 'vscode';
import { ActionableError } from '../aws/errors';
import { nodeIds } from '../explorer/ids';
import { UsedByRowNode } from '../explorer/usedByNodes';
import type { CommandDeps } from './deps';

/** Selects, in the tree, an instance listed under an image's "Used by". */
export async function revealUsedByInstance(deps: CommandDeps, node?: unknown): Promise<void> {
  if (!(node instanceof UsedByRowNode) || node.kind !== 'instance') {
    throw new ActionableError(vscode.l10n.t('Pick an instance under an image\'s "Used by" section.'));
  }
  const target = await deps.tree.resolve(nodeIds.instance(node.region, node.resourceId));
  if (!target) {
    throw new ActionableError(
      vscode.l10n.t('Instance {0} is not in the tree.', node.resourceId),
      vscode.l10n.t('It may have been terminated: refresh the instances of {0}.', node.region),
    );
  }
  await deps.selectInTree(target);
}
