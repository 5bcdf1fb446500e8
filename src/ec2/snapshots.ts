import type { EC2Client, Snapshot } from '@aws-sdk/client-ec2';
import { loadSdk } from '../aws/sdk';

/** The caller's snapshots of a region, every page (accounts have hundreds, not millions). */

export async function listOwnSnapshots(ec2: EC2Client): Promise<Snapshot[]> {
  const { paginateDescribeSnapshots } = await loadSdk();
  const snapshots: Snapshot[] = [];
  for await (const out of paginateDescribeSnapshots({ client: ec2 }, { OwnerIds: ['self'], MaxResults: 1000 })) {
    snapshots.push(...(out.Snapshots ?? []));
  }
  return snapshots;
}

export async function deleteSnapshot(ec2: EC2Client, snapshotId: string): Promise<void> {
  const { DeleteSnapshotCommand } = await loadSdk();
  await ec2.send(new DeleteSnapshotCommand({ SnapshotId: snapshotId }));
}

/** Snapshots by id (for their tags); ids EC2 no longer knows are left out. */
export async function describeSnapshotsById(ec2: EC2Client, snapshotIds: readonly string[]): Promise<Snapshot[]> {
  if (snapshotIds.length === 0) {
    return [];
  }
  const { DescribeSnapshotsCommand } = await loadSdk();
  // The filter, not SnapshotIds: EC2 fails the whole call for one unknown id.
  const out = await ec2.send(
    new DescribeSnapshotsCommand({ Filters: [{ Name: 'snapshot-id', Values: [...snapshotIds] }] }),
  );
  return out.Snapshots ?? [];
}
