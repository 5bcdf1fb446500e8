import type { Instance } from '@aws-sdk/client-ec2';
import type { InstanceAction } from '../ec2/instances';
import { changeInstanceState } from '../ec2/instances';
import type { CommandDeps } from './deps';
import { withProgress } from '../notifications';
import type { ConfirmOptions } from './userInput';

/** Sends a state change under progress, then follows the instance until it settles. */
export async function runInstanceAction(
  deps: CommandDeps,
  region: string,
  instance: Instance,
  action: InstanceAction,
  progressTitle: string,
  confirm?: ConfirmOptions,
): Promise<void> {
  if (confirm) {
    await deps.input().confirm(confirm);
  }
  const instanceId = instance.InstanceId ?? '';
  await withProgress(progressTitle, async () => {
    await changeInstanceState(await deps.model.ec2(region), action, instanceId);
    const moving = await deps.model.pollInstances(region, [instanceId]);
    if (moving.length > 0) {
      deps.model.watchInstance(region, instanceId);
    }
  });
}

export function isEbsBacked(instance: Instance): boolean {
  return instance.RootDeviceType !== 'instance-store';
}
