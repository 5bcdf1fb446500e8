import * as vscode from 'vscode';
import type { Instance } from '@aws-sdk/client-ec2';
import { ActionableError } from '../aws/errors';
import type { CommandDeps } from './deps';
import { describeInstance, instanceTarget } from './targets';

function canCreateImage(instance: Instance): boolean {
  const state = instance.State?.Name;
  return instance.RootDeviceType !== 'instance-store' && (state === 'running' || state === 'stopped');
}

/**
 * Opens the Create Image panel for a running or stopped EBS-backed instance (name, description,
 * no-reboot, volumes, tags). An instance-store-backed instance is refused here with the reason.
 */
export async function createImage(deps: CommandDeps, node?: unknown): Promise<void> {
  const { region, instance } = await instanceTarget(
    deps,
    node,
    canCreateImage,
    vscode.l10n.t('There is no running or stopped EBS-backed instance'),
  );
  if (instance.RootDeviceType === 'instance-store') {
    throw new ActionableError(
      vscode.l10n.t('EC2 cannot create an image from {0}: it is instance-store-backed.', describeInstance(instance)),
      vscode.l10n.t(
        'CreateImage needs an EBS root volume. Bundle the instance with the EC2 AMI tools (ec2-bundle-vol, ec2-upload-bundle, register-image) instead.',
      ),
    );
  }
  deps.showPanel({ kind: 'createImage', region, instanceId: instance.InstanceId ?? '' });
}
