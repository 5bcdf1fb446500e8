import * as vscode from 'vscode';
import { SIMULATOR_ACCOUNT_CHOICES } from '../aws/clientFactory';
import { updateSetting } from '../settings';
import type { CommandDeps } from './deps';
import { inform } from '../notifications';
import { simulatorMethod } from './simulatorOnly';

/**
 * Picks the simulated account the explorer acts as (the default developer account or the partner
 * one, to see an image shared with it). Stored in `amiExplorer.simulator.account`; the tree reloads.
 */
export async function switchSimulatorAccount(deps: CommandDeps): Promise<void> {
  simulatorMethod(deps.clients(), 'switchSimulatorAccount');
  const current = deps.settings().simulatorAccount || SIMULATOR_ACCOUNT_CHOICES[0].accountId;
  const accountId = await deps.input().pick(
    SIMULATOR_ACCOUNT_CHOICES.map((a) => ({
      label: a.label,
      description: a.accountId === current ? vscode.l10n.t('{0} · current', a.accountId) : a.accountId,
      detail: vscode.l10n.t('Access key id {0}', a.accessKeyId),
      value: a.accountId,
      picked: a.accountId === current,
    })),
    {
      title: vscode.l10n.t('Switch Simulator Account'),
      placeholder: vscode.l10n.t('The simulated AWS account AMI Explorer acts as'),
    },
  );
  if (accountId === current) {
    return;
  }
  await updateSetting('simulator.account', accountId);
  deps.reconnect();
  inform(
    vscode.l10n.t(
      'AMI Explorer now acts as simulator account {0}. Images other accounts shared with it are under "Shared with me".',
      accountId,
    ),
  );
}
