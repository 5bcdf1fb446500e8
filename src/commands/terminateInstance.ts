import * as vscode from 'vscode';
import type { CommandDeps } from './deps';
import { runInstanceAction } from './instanceStateChange';
import { describeInstance, instanceTarget } from './targets';

const TERMINABLE = new Set(['pending', 'running', 'stopping', 'stopped']);

/** Terminates an instance, after a confirmation that says what is lost. */
export async function terminateInstance(deps: CommandDeps, node?: unknown): Promise<void> {
  const { region, instance } = await instanceTarget(
    deps,
    node,
    (i) => TERMINABLE.has(i.State?.Name ?? ''),
    vscode.l10n.t('There is no instance to terminate'),
  );
  const who = describeInstance(instance);
  await runInstanceAction(deps, region, instance, 'terminate', vscode.l10n.t('Terminating {0}…', who), {
    message: vscode.l10n.t('Terminate {0}? This cannot be undone.', who),
    detail: vscode.l10n.t(
      'Everything on its instance-store volumes and on EBS volumes set to be deleted on termination (the root volume, usually) is lost. Only EBS volumes marked to be kept, and snapshots and AMIs, remain.',
    ),
    confirmLabel: vscode.l10n.t('Terminate'),
  });
}
