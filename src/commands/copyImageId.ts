import * as vscode from 'vscode';
import type { CommandDeps } from './deps';
import { imageTarget } from './targets';

/** Copies an AMI's id to the clipboard. */
export async function copyImageId(deps: CommandDeps, node?: unknown): Promise<void> {
  const { image } = await imageTarget(deps, node);
  const id = image.ImageId ?? '';
  await vscode.env.clipboard.writeText(id);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', id), 3000);
}
