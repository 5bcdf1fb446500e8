import type { EC2Client, LaunchPermission } from '@aws-sdk/client-ec2';
import { loadSdk } from '../aws/sdk';

/**
 * What an owner changes on an AMI after it exists (deprecation, disabling, protection, launch
 * permissions), and the account's block-public-access state: one SDK call each, the same on AWS
 * and on the simulator.
 */

export async function deprecateImage(ec2: EC2Client, imageId: string, at: Date): Promise<void> {
  const { EnableImageDeprecationCommand } = await loadSdk();
  await ec2.send(new EnableImageDeprecationCommand({ ImageId: imageId, DeprecateAt: at }));
}

export async function cancelDeprecation(ec2: EC2Client, imageId: string): Promise<void> {
  const { DisableImageDeprecationCommand } = await loadSdk();
  await ec2.send(new DisableImageDeprecationCommand({ ImageId: imageId }));
}

export async function disableImage(ec2: EC2Client, imageId: string): Promise<void> {
  const { DisableImageCommand } = await loadSdk();
  await ec2.send(new DisableImageCommand({ ImageId: imageId }));
}

export async function enableImage(ec2: EC2Client, imageId: string): Promise<void> {
  const { EnableImageCommand } = await loadSdk();
  await ec2.send(new EnableImageCommand({ ImageId: imageId }));
}

/** Turns deregistration protection on; with the cooldown, turning it off later leaves it protected 24 more hours. */
export async function protectImage(ec2: EC2Client, imageId: string, withCooldown: boolean): Promise<void> {
  const { EnableImageDeregistrationProtectionCommand } = await loadSdk();
  await ec2.send(new EnableImageDeregistrationProtectionCommand({ ImageId: imageId, WithCooldown: withCooldown }));
}

/** Turns deregistration protection off; returns EC2's new state (e.g. `disabled-until …` during a cooldown). */
export async function unprotectImage(ec2: EC2Client, imageId: string): Promise<string | undefined> {
  const { DisableImageDeregistrationProtectionCommand } = await loadSdk();
  return (await ec2.send(new DisableImageDeregistrationProtectionCommand({ ImageId: imageId }))).Return;
}

/** Who can launch an image now (owner only). */
export async function launchPermissions(ec2: EC2Client, imageId: string): Promise<LaunchPermission[]> {
  const { DescribeImageAttributeCommand } = await loadSdk();
  const out = await ec2.send(new DescribeImageAttributeCommand({ ImageId: imageId, Attribute: 'launchPermission' }));
  return out.LaunchPermissions ?? [];
}

/** ModifyImageAttribute `LaunchPermission`: adds and removes in one call (an empty list is left out). */
export async function modifyLaunchPermissions(
  ec2: EC2Client,
  imageId: string,
  add: LaunchPermission[],
  remove: LaunchPermission[],
): Promise<void> {
  const { ModifyImageAttributeCommand } = await loadSdk();
  await ec2.send(
    new ModifyImageAttributeCommand({
      ImageId: imageId,
      LaunchPermission: { Add: add.length > 0 ? add : undefined, Remove: remove.length > 0 ? remove : undefined },
    }),
  );
}

/** CancelImageLaunchPermission: the caller's account leaves an AMI someone shared with it. */
export async function leaveSharedImage(ec2: EC2Client, imageId: string): Promise<void> {
  const { CancelImageLaunchPermissionCommand } = await loadSdk();
  await ec2.send(new CancelImageLaunchPermissionCommand({ ImageId: imageId }));
}

/** The account's "block public access for AMIs" state in a region: `block-new-sharing` or `unblocked`. */
export type BlockPublicAccessState = 'block-new-sharing' | 'unblocked';

export async function getBlockPublicAccess(ec2: EC2Client): Promise<BlockPublicAccessState> {
  const { GetImageBlockPublicAccessStateCommand } = await loadSdk();
  const out = await ec2.send(new GetImageBlockPublicAccessStateCommand({}));
  return out.ImageBlockPublicAccessState === 'block-new-sharing' ? 'block-new-sharing' : 'unblocked';
}

export async function setBlockPublicAccess(ec2: EC2Client, block: boolean): Promise<void> {
  const { EnableImageBlockPublicAccessCommand, DisableImageBlockPublicAccessCommand } = await loadSdk();
  if (block) {
    await ec2.send(new EnableImageBlockPublicAccessCommand({ ImageBlockPublicAccessState: 'block-new-sharing' }));
  } else {
    await ec2.send(new DisableImageBlockPublicAccessCommand({}));
  }
}
