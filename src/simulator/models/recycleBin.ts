import { errors } from '../errors';
import type { World } from '../world';
import type { ImageRecord, RegionState, SnapshotRecord, Tag } from './types';

/**
 * The Recycle Bin: retention rules (the `rbin` service) and the EC2 resources they keep.
 * Sources: Recycle Bin API reference (CreateRule, ResourceTag…) and the user guide
 * "Recover deleted Amazon EBS snapshots and EBS-backed AMIs with Recycle Bin":
 * - A rule covers one resource type (EC2_IMAGE or EBS_SNAPSHOT). Without ResourceTags it is a
 *   Region-level rule: it covers every such resource of the account in the Region except those
 *   carrying one of its ExcludeResourceTags; with ResourceTags it covers resources carrying
 *   at least one of them (a tag without value matches any value: unverified).
 * - A resource covered by several rules is kept for the longest retention period.
 * - A deregistered AMI goes to the bin alone: its snapshots go only when they are deleted and a
 *   snapshot rule covers them; an AMI whose snapshots are gone can't be restored until they are. While in the bin the AMI and snapshots are listed only by the
 *   ListImagesInRecycleBin / ListSnapshotsInRecycleBin operations; at RecycleBinExitTime they
 *   are deleted for good.
 */

export type RuleResourceType = 'EC2_IMAGE' | 'EBS_SNAPSHOT';
/** The model's ResourceType enum; EBS_VOLUME is refused (volumes in the bin are not simulated). */
export const RULE_RESOURCE_TYPES = ['EBS_SNAPSHOT', 'EC2_IMAGE', 'EBS_VOLUME'] as const;

export interface ResourceTagMatch {
  key: string;
  value?: string;
}

export interface RetentionRule {
  identifier: string;
  accountId: string;
  description?: string;
  resourceType: RuleResourceType;
  retentionDays: number;
  resourceTags: ResourceTagMatch[];
  excludeResourceTags: ResourceTagMatch[];
  tags: Tag[];
  createdAt: number;
}

/** One account's bin in one Region. */
export interface RecycleBinState {
  rules: Record<string, RetentionRule>;
  images: Record<string, { image: ImageRecord; enterTime: number; exitTime: number }>;
  snapshots: Record<string, { snapshot: SnapshotRecord; enterTime: number; exitTime: number }>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function binOf(region: RegionState): RecycleBinState {
  if (!region.recycleBin) region.recycleBin = { rules: {}, images: {}, snapshots: {} };
  return region.recycleBin;
}

function tagMatches(tags: readonly Tag[], match: ResourceTagMatch): boolean {
  return tags.some((t) => t.key === match.key && (match.value === undefined || t.value === match.value));
}

/** The rule that keeps a resource of `type` owned by `accountId` with `tags`: the longest retention. */
export function ruleFor(
  region: RegionState,
  accountId: string,
  type: RuleResourceType,
  tags: readonly Tag[],
): RetentionRule | undefined {
  let best: RetentionRule | undefined;
  for (const rule of Object.values(region.recycleBin?.rules ?? {})) {
    if (rule.accountId !== accountId || rule.resourceType !== type) continue;
    const covers =
      rule.resourceTags.length > 0
        ? rule.resourceTags.some((m) => tagMatches(tags, m))
        : !rule.excludeResourceTags.some((m) => tagMatches(tags, m));
    if (covers && (!best || rule.retentionDays > best.retentionDays)) best = rule;
  }
  return best;
}

/** Moves a deregistered image into the bin when a rule keeps it; true if it did. */
export function binImage(world: World, regionName: string, image: ImageRecord): boolean {
  const region = world.region(regionName);
  const rule = ruleFor(region, image.ownerId, 'EC2_IMAGE', image.tags);
  if (!rule) return false;
  const now = world.clock.now();
  delete region.images[image.imageId];
  binOf(region).images[image.imageId] = { image, enterTime: now, exitTime: now + rule.retentionDays * DAY_MS };
  world.markChanged();
  return true;
}

/** Removes a snapshot that is being deleted: into the bin when a rule keeps it, else for good. */
export function removeSnapshot(world: World, regionName: string, snapshot: SnapshotRecord): void {
  const region = world.region(regionName);
  delete region.snapshots[snapshot.snapshotId];
  const rule = ruleFor(region, snapshot.ownerId, 'EBS_SNAPSHOT', snapshot.tags);
  if (rule) {
    const now = world.clock.now();
    binOf(region).snapshots[snapshot.snapshotId] = {
      snapshot,
      enterTime: now,
      exitTime: now + rule.retentionDays * DAY_MS,
    };
  }
  world.markChanged();
}

/** Deletes for good what stayed past its RecycleBinExitTime (called before every request). */
export function expireRecycleBin(world: World, regionName: string): void {
  const bin = world.region(regionName).recycleBin;
  if (!bin) return;
  const now = world.clock.now();
  for (const [id, entry] of Object.entries(bin.images)) {
    if (entry.exitTime <= now) {
      delete bin.images[id];
      world.markChanged();
    }
  }
  for (const [id, entry] of Object.entries(bin.snapshots)) {
    if (entry.exitTime <= now) {
      delete bin.snapshots[id];
      world.markChanged();
    }
  }
}

/** ListImagesInRecycleBin: the caller's images in the bin (unknown ids are simply not listed: unverified). */
export function imagesInBin(world: World, regionName: string, accountId: string, ids: readonly string[]) {
  const bin = world.region(regionName).recycleBin;
  return Object.values(bin?.images ?? {}).filter(
    (e) => e.image.ownerId === accountId && (ids.length === 0 || ids.includes(e.image.imageId)),
  );
}

export function snapshotsInBin(world: World, regionName: string, accountId: string, ids: readonly string[]) {
  const bin = world.region(regionName).recycleBin;
  return Object.values(bin?.snapshots ?? {}).filter(
    (e) => e.snapshot.ownerId === accountId && (ids.length === 0 || ids.includes(e.snapshot.snapshotId)),
  );
}

/** RestoreImageFromRecycleBin: back to `available` under the same id (launch permissions kept: unverified). */
export function restoreImage(
  world: World,
  regionName: string,
  accountId: string,
  imageId: string,
  beforeChange: () => void,
) {
  const region = world.region(regionName);
  const entry = region.recycleBin?.images[imageId];
  if (!entry || entry.image.ownerId !== accountId) throw errors.amiNotFound(imageId);
  // Its snapshots are separate resources: deleted ones must be restored first (user guide: restore
  // the snapshots before the AMI). The error code is unverified.
  const missing = entry.image.blockDeviceMappings
    .map((m) => m.ebs?.snapshotId)
    .filter((id): id is string => id !== undefined && !region.snapshots[id]);
  if (missing.length > 0) throw errors.imageSnapshotsMissing(imageId, missing);
  beforeChange();
  delete region.recycleBin!.images[imageId];
  const image = entry.image;
  image.state = 'available';
  delete image.deregisteredAt;
  region.images[imageId] = image;
  world.markChanged();
  return image;
}

export function restoreSnapshot(
  world: World,
  regionName: string,
  accountId: string,
  snapshotId: string,
  beforeChange: () => void,
) {
  const region = world.region(regionName);
  const entry = region.recycleBin?.snapshots[snapshotId];
  if (!entry || entry.snapshot.ownerId !== accountId) throw errors.snapshotNotFound(snapshotId);
  beforeChange();
  delete region.recycleBin!.snapshots[snapshotId];
  region.snapshots[snapshotId] = entry.snapshot;
  world.markChanged();
  return entry.snapshot;
}
