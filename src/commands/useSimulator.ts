import * as vscode from 'vscode';
import { updateSetting } from '../settings';
import type { CommandDeps } from './deps';
import { inform } from '../notifications';

/** Switches back to the embedded simulator (no AWS account needed). */
export async function useSimulator(deps: CommandDeps): Promise<void> {
  await updateSetting('backend', 'simulator');
  deps.reconnect();
  inform(vscode.l10n.t('AMI Explorer now uses the simulator: nothing you do reaches AWS.'));
}
