import * as vscode from 'vscode';
import type { Instance } from '@aws-sdk/client-ec2';
import { createImage as sendCreateImage } from '../ami/images';
import { instanceName } from '../ami/instances';
import { ActionableError } from '../aws/errors';
import { checkAmiName, checkDescription } from '../shared/validation';
import type { CommandDeps } from './deps';
import { inform, withProgress } from './runCommand';
import { describeInstance, instanceTarget } from './targets';

function canCreateImage(instance: Instance): boolean {
  const state = instance.State?.Name;
  return instance.RootDeviceType !== 'instance-store' && (state === 'running' || state === 'stopped');
}

/** A name EC2 accepts: the instance's name and the date, e.g. `web-1 2026-11-23 1405`. */
export function suggestedImageName(instance: Instance, now: Date): string {
  const base = (instanceName(instance) ?? instance.InstanceId ?? 'image').replace(/[^A-Za-z0-9()[\]./\-'@_ ]/g, '-').slice(0, 100);
  const stamp = now.toISOString().slice(0, 16).replace('T', ' ').replace(':', '');
  return `${base} ${stamp}`;
}

/**
 * Creates an AMI from a running or stopped EBS-backed instance: name, description and the
 * reboot choice, then CreateImage; the new image is followed until it is available.
 */
export async function createImage(deps: CommandDeps, node?: unknown): Promise<void> {
  const { region, instance } = await instanceTarget(deps, node, canCreateImage, vscode.l10n.t('There is no running or stopped EBS-backed instance'));
  const who = describeInstance(instance);
  if (instance.RootDeviceType === 'instance-store') {
    throw new ActionableError(
      vscode.l10n.t('EC2 cannot create an image from {0}: it is instance-store-backed.', who),
      vscode.l10n.t('CreateImage needs an EBS root volume. Bundle the instance with the EC2 AMI tools (ec2-bundle-vol, ec2-upload-bundle, register-image) instead.'),
    );
  }
  const input = deps.input();
  const title = (step: number, of: number) => vscode.l10n.t('Create image from {0} ({1}/{2})', who, step, of);
  const running = instance.State?.Name === 'running';
  const steps = running ? 3 : 2;

  const name = await input.text({
    title: title(1, steps),
    prompt: vscode.l10n.t("AMI name: 3–128 characters; letters, digits, spaces and ( ) [ ] . / - ' @ _"),
    value: suggestedImageName(instance, new Date()),
    validate: checkAmiName,
  });
  const description = await input.text({
    title: title(2, steps),
    prompt: vscode.l10n.t('Description (optional, up to 255 characters)'),
    validate: checkDescription,
  });
  // A stopped instance has nothing in flight: the image is consistent either way.
  const noReboot = running
    ? await input.pick(
        [
          {
            label: vscode.l10n.t('Reboot the instance (recommended)'),
            detail: vscode.l10n.t('EC2 stops the instance, snapshots every volume and starts it again: the image is application-consistent, but the instance is unavailable for a few minutes.'),
            value: false,
          },
          {
            label: vscode.l10n.t('No reboot'),
            detail: vscode.l10n.t('The instance keeps running; the image is only crash-consistent: writes still in memory or in flight may be missing.'),
            value: true,
          },
        ],
        { title: title(3, steps), placeholder: vscode.l10n.t('Reboot the instance while EC2 snapshots its volumes?') },
      )
    : false;

  const imageId = await withProgress(vscode.l10n.t('Creating image "{0}" from {1}…', name, who), async () => {
    const ec2 = await deps.model.ec2(region);
    const id = await sendCreateImage(ec2, { instanceId: instance.InstanceId ?? '', name, description: description.trim(), noReboot });
    await deps.model.imageCreated(region, id);
    if (!noReboot && running) {
      deps.model.watchInstance(region, instance.InstanceId ?? '', 'running');
    }
    return id;
  });
  inform(vscode.l10n.t('Image {0} ("{1}") is pending; "Owned by me" in {2} shows it until it is available.', imageId, name, region));
}
