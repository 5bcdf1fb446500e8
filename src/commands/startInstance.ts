import * as vscode from 'vscode';
import type { CommandDeps } from './deps';
import { isEbsBacked, runInstanceAction } from './instanceStateChange';
import { describeInstance, instanceTarget } from './targets';

/** Starts a stopped EBS-backed instance. */
export async function startInstance(deps: CommandDeps, node?: unknown): Promise<void> {
  const { region, instance } = await instanceTarget(
    deps,
    node,
    (i) => i.State?.Name === 'stopped' && isEbsBacked(i),
    vscode.l10n.t('There is no stopped instance'),
  );
  await runInstanceAction(deps, region, instance, 'start', vscode.l10n.t('Starting {0}…', describeInstance(instance)));
}
