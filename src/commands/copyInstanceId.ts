import * as vscode from 'vscode';
import type { CommandDeps } from './deps';
import { instanceTarget } from './targets';

/** Copies an instance's id to the clipboard. */
export async function copyInstanceId(deps: CommandDeps, node?: unknown): Promise<void> {
  const { instance } = await instanceTarget(deps, node, () => true, vscode.l10n.t('There are no instances'));
  const id = instance.InstanceId ?? '';
  await vscode.env.clipboard.writeText(id);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', id), 3000);
}
