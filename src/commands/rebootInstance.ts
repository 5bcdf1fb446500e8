import * as vscode from 'vscode';
import type { CommandDeps } from './deps';
import { runInstanceAction } from './instanceStateChange';
import { describeInstance, instanceTarget } from './targets';

/** Reboots a running instance. */
export async function rebootInstance(deps: CommandDeps, node?: unknown): Promise<void> {
  const { region, instance } = await instanceTarget(
    deps,
    node,
    (i) => i.State?.Name === 'running',
    vscode.l10n.t('There is no running instance'),
  );
  const who = describeInstance(instance);
  await runInstanceAction(deps, region, instance, 'reboot', vscode.l10n.t('Rebooting {0}…', who), {
    message: vscode.l10n.t('Reboot {0}?', who),
    detail: vscode.l10n.t('Running programs are interrupted; every volume, including instance store, keeps its data.'),
    confirmLabel: vscode.l10n.t('Reboot'),
  });
}
