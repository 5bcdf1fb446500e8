import type { EC2Client, LaunchPermission } from '@aws-sdk/client-ec2';
import { loadSdk } from '../aws/sdk';

/**
 * What an owner changes on an AMI after it exists, and the account's block-public-access state:
 * one SDK call each, the same on AWS and on the simulator.
 */

/** Adds tags to (or overwrites their values on) every resource given: AMIs and snapshots alike. */
export async function putTags(
  ec2: EC2Client,
  resourceIds: readonly string[],
  tags: { key: string; value: string }[],
): Promise<void> {
  const { CreateTagsCommand } = await loadSdk();
  await ec2.send(
    new CreateTagsCommand({ Resources: [...resourceIds], Tags: tags.map((t) => ({ Key: t.key, Value: t.value })) }),
  );
}

/** Removes a tag key, whatever its value, from every resource given. */
export async function removeTag(ec2: EC2Client, resourceIds: readonly string[], key: string): Promise<void> {
  const { DeleteTagsCommand } = await loadSdk();
  await ec2.send(new DeleteTagsCommand({ Resources: [...resourceIds], Tags: [{ Key: key }] }));
}

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
