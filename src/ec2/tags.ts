import type { EC2Client } from '@aws-sdk/client-ec2';
import { loadSdk } from '../aws/sdk';

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
