import type { CommandDeps } from './deps';
import { instanceTarget } from './targets';
import * as vscode from 'vscode';

/**
 * "Why Can't I Create an Image?" on an instance-store-backed instance, where the user looks for
 * the missing Create Image: opens the Create Image panel, which for such an instance explains why
 * EC2 cannot snapshot it and the workarounds (bundle to S3 and register, or move to EBS).
 */
export async function explainNoCreateImage(deps: CommandDeps, node?: unknown): Promise<void> {
  const { region, instance } = await instanceTarget(
    deps,
    node,
    (i) => i.RootDeviceType === 'instance-store',
    vscode.l10n.t('There is no instance-store-backed instance'),
  );
  deps.showPanel({ kind: 'createImage', region, instanceId: instance.InstanceId ?? '' });
}
