import type { Image, Snapshot } from '@aws-sdk/client-ec2';
import { monthlySnapshotCost } from '../shared/pricing';

/**
 * Cost hygiene, without I/O: which of the caller's snapshots its own AMIs still use, and what
 * their storage costs. Sizes are the snapshots' volume sizes, so costs are upper bounds
 * (snapshots are incremental), as in pricing.ts.
 */

/** Images that are gone no longer hold their snapshots. */
function holdsSnapshots(image: Image): boolean {
  return image.State !== 'deregistered';
}

/** The EBS snapshots an image uses, with the size of each (GiB) from its block device mapping. */
export function imageSnapshots(image: Image): { snapshotId: string; sizeGiB: number }[] {
  const seen = new Map<string, number>();
  for (const mapping of image.BlockDeviceMappings ?? []) {
    const id = mapping.Ebs?.SnapshotId;
    if (id) {
      seen.set(id, Math.max(seen.get(id) ?? 0, mapping.Ebs?.VolumeSize ?? 0));
    }
  }
  return [...seen].map(([snapshotId, sizeGiB]) => ({ snapshotId, sizeGiB }));
}

/** Snapshot id → the images (of those given) whose block device mappings use it. */
export function snapshotUsers(images: readonly Image[]): Map<string, Image[]> {
  const users = new Map<string, Image[]>();
  for (const image of images.filter(holdsSnapshots)) {
    for (const { snapshotId } of imageSnapshots(image)) {
      users.set(snapshotId, [...(users.get(snapshotId) ?? []), image]);
    }
  }
  return users;
}

/** A snapshot of the caller, and the AMIs of the caller that use it (none: it is unused). */
export interface SnapshotUsage {
  snapshot: Snapshot;
  usedBy: Image[];
}

/** Each snapshot with its users; unused ones first, then the largest first. */
export function classifySnapshots(snapshots: readonly Snapshot[], ownImages: readonly Image[]): SnapshotUsage[] {
  const users = snapshotUsers(ownImages);
  return snapshots
    .map((snapshot) => ({ snapshot, usedBy: users.get(snapshot.SnapshotId ?? '') ?? [] }))
    .sort(
      (a, b) =>
        Number(a.usedBy.length > 0) - Number(b.usedBy.length > 0) ||
        (b.snapshot.VolumeSize ?? 0) - (a.snapshot.VolumeSize ?? 0) ||
        (a.snapshot.SnapshotId ?? '').localeCompare(b.snapshot.SnapshotId ?? ''),
    );
}

/** Monthly storage of one image's snapshots (USD). */
export function imageMonthlyCost(image: Image, pricePerGbMonth: number): number {
  return monthlySnapshotCost(
    imageSnapshots(image).map((s) => s.sizeGiB),
    pricePerGbMonth,
  );
}

/** What a region's snapshots cost per month: those the caller's AMIs use (each counted once) and the unused ones. */
export interface RegionSnapshotCost {
  amiSnapshotCount: number;
  amiGiB: number;
  amiMonthly: number;
  unusedCount: number;
  unusedGiB: number;
  unusedMonthly: number;
}

export function regionSnapshotCost(
  usage: readonly SnapshotUsage[],
  ownImages: readonly Image[],
  pricePerGbMonth: number,
): RegionSnapshotCost {
  const amiSizes = new Map<string, number>();
  for (const image of ownImages.filter(holdsSnapshots)) {
    for (const { snapshotId, sizeGiB } of imageSnapshots(image)) {
      amiSizes.set(snapshotId, Math.max(amiSizes.get(snapshotId) ?? 0, sizeGiB));
    }
  }
  const unused = usage.filter((u) => u.usedBy.length === 0).map((u) => u.snapshot.VolumeSize ?? 0);
  const sum = (sizes: number[]) => sizes.reduce((a, b) => a + b, 0);
  return {
    amiSnapshotCount: amiSizes.size,
    amiGiB: sum([...amiSizes.values()]),
    amiMonthly: monthlySnapshotCost([...amiSizes.values()], pricePerGbMonth),
    unusedCount: unused.length,
    unusedGiB: sum(unused),
    unusedMonthly: monthlySnapshotCost(unused, pricePerGbMonth),
  };
}
