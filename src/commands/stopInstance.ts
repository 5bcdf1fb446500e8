import * as vscode from 'vscode';
import { ActionableError } from '../aws/errors';
import type { CommandDeps } from './deps';
import { isEbsBacked, runInstanceAction } from './instanceStateChange';
import { describeInstance, instanceTarget } from './targets';

/** Stops a running EBS-backed instance, after a confirmation that says what is lost. */
export async function stopInstance(deps: CommandDeps, node?: unknown): Promise<void> {
  const { region, instance } = await instanceTarget(
    deps,
    node,
    (i) => i.State?.Name === 'running' && isEbsBacked(i),
    vscode.l10n.t('There is no running EBS-backed instance'),
  );
  const who = describeInstance(instance);
  if (!isEbsBacked(instance)) {
    throw new ActionableError(
      vscode.l10n.t('{0} is instance-store-backed: EC2 cannot stop it.', who),
      vscode.l10n.t('It can only be rebooted or terminated.'),
    );
  }
  await runInstanceAction(deps, region, instance, 'stop', vscode.l10n.t('Stopping {0}…', who), {
    message: vscode.l10n.t('Stop {0}?', who),
    detail: vscode.l10n.t(
      'Data on its instance-store volumes, if any, is lost; EBS volumes are kept. Its public IPv4 address is released unless it is an Elastic IP. A stopped instance costs nothing for compute, only for its EBS volumes.',
    ),
    confirmLabel: vscode.l10n.t('Stop'),
  });
}
