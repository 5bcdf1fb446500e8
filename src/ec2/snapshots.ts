import type { EC2Client, Image, Snapshot } from '@aws-sdk/client-ec2';
import { loadSdk } from '../aws/sdk';

/** The caller's snapshots and own AMIs of a region, every page (accounts have hundreds, not millions). */

export async function listOwnSnapshots(ec2: EC2Client): Promise<Snapshot[]> {
  const { DescribeSnapshotsCommand } = await loadSdk();
  const snapshots: Snapshot[] = [];
  let token: string | undefined;
  do {
    const out = await ec2.send(
      new DescribeSnapshotsCommand({ OwnerIds: ['self'], MaxResults: 1000, NextToken: token }),
    );
    snapshots.push(...(out.Snapshots ?? []));
    token = out.NextToken || undefined;
  } while (token);
  return snapshots;
}

/** Every AMI the caller owns, deprecated and disabled ones included (they still hold their snapshots). */
export async function listOwnImages(ec2: EC2Client): Promise<Image[]> {
  const { DescribeImagesCommand } = await loadSdk();
  const images: Image[] = [];
  let token: string | undefined;
  do {
    const out = await ec2.send(
      new DescribeImagesCommand({
        Owners: ['self'],
        IncludeDeprecated: true,
        IncludeDisabled: true,
        MaxResults: 1000,
        NextToken: token,
      }),
    );
    images.push(...(out.Images ?? []));
    token = out.NextToken || undefined;
  } while (token);
  return images;
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
