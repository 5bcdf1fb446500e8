import type { EC2Client } from '@aws-sdk/client-ec2';
import { loadSdk } from '../aws/sdk';

/**
 * Which of `snapshotIds` are public. DescribeSnapshotAttribute (createVolumePermission) answers
 * only the snapshot's owner (others get AuthFailure or NotFound), so this asks DescribeSnapshots
 * for the snapshots restorable by `all`, which any account may call: the ids it returns are public,
 * the others are not (or not visible to the caller at all, which also means not public).
 */
export async function publicSnapshotIds(ec2: EC2Client, snapshotIds: readonly string[]): Promise<Set<string>> {
  const { paginateDescribeSnapshots } = await loadSdk();
  const found = new Set<string>();
  if (snapshotIds.length === 0) return found;
  const input = {
    RestorableByUserIds: ['all'],
    Filters: [{ Name: 'snapshot-id', Values: [...new Set(snapshotIds)] }],
  };
  for await (const page of paginateDescribeSnapshots({ client: ec2 }, input)) {
    for (const s of page.Snapshots ?? []) if (s.SnapshotId) found.add(s.SnapshotId);
  }
  return found;
}
