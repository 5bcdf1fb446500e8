import * as vscode from 'vscode';
import { ActionableError } from '../aws/errors';
import { UsedByRowNode } from '../explorer/usedByNodes';
import type { CommandDeps } from './deps';

/** Copies the id (instance, launch template), name (Auto Scaling group) or ARN of a "Used by" row. */
export async function copyUsedById(_deps: CommandDeps, node?: unknown): Promise<void> {
  if (!(node instanceof UsedByRowNode) || node.kind === 'notice') {
    throw new ActionableError(vscode.l10n.t('Pick a resource under an image\'s "Used by" section.'));
  }
  await vscode.env.clipboard.writeText(node.resourceId);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', node.resourceId), 3000);
}
