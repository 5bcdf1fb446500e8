import * as vscode from 'vscode';
import { ActionableError } from '../aws/errors';
import type { CommandDeps } from './deps';
import { inform, withProgress } from '../notifications';

/** Restores the simulator's seed catalog, instances and images. */
export async function resetSimulator(deps: CommandDeps): Promise<void> {
  const clients = deps.clients();
  if (!clients.resetSimulator) {
    throw new ActionableError(
      vscode.l10n.t('The simulator is not in use.'),
      vscode.l10n.t('Run "AMI Explorer: Use Simulator" first.'),
    );
  }
  await deps.input().confirm({
    message: vscode.l10n.t('Reset the simulator?'),
    detail: vscode.l10n.t(
      'Every image, instance and change you made in the simulator is lost, and its seed is restored. Real AWS is not affected.',
    ),
    confirmLabel: vscode.l10n.t('Reset'),
  });
  await withProgress(vscode.l10n.t('Resetting the simulator…'), () => clients.resetSimulator!());
  deps.poller.clear();
  deps.tree.refresh();
  inform(vscode.l10n.t('The simulator was reset to its seed.'));
}
