import { errors } from '../errors';
import { removeSnapshot } from './recycleBin';
import type { World } from '../world';
import { compileFilters, type FilterDefinitions, type FilterRequest } from './filters';
import { isAccountId } from './imageAccess';
import { checkPageRequest, describeCandidates, paginate, type PageRequest } from './paging';
import type { SnapshotRecord } from './types';

/** EBS snapshots: who may see and restore them, deleting them, and their createVolumePermission. */

const SNAPSHOT_ID = /^snap-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;

export function checkSnapshotId(id: string): void {
  if (!SNAPSHOT_ID.test(id)) throw errors.snapshotMalformed(id);
}

/** The owner, accounts it is shared with, and everyone when public may create volumes from it. */
export function canRestore(s: SnapshotRecord, accountId: string): boolean {
  if (s.ownerId === accountId) return true;
  for (const p of s.createVolumePermissions) if (p.group === 'all' || p.userId === accountId) return true;
  return false;
}

export const SNAPSHOT_FILTERS: FilterDefinitions<SnapshotRecord> = {
  exact: {
    'snapshot-id': (s) => s.snapshotId,
    'volume-id': (s) => s.volumeId,
    'volume-size': (s) => String(s.volumeSize),
    'owner-id': (s) => s.ownerId,
    'owner-alias': (s) => s.ownerAlias,
    description: (s) => s.description,
    encrypted: (s) => String(s.encrypted),
    progress: (s) => s.progress,
    status: (s) => s.state,
    'storage-tier': (s) => s.storageTier,
    'start-time': (s) => new Date(s.startTime).toISOString(),
    'tag-key': (s) => s.tags.map((t) => t.key),
  },
  prefixed: { 'tag:': (key) => (s) => s.tags.find((t) => t.key === key)?.value },
};

export interface DescribeSnapshotsRequest extends PageRequest {
  ownerIds: string[];
  restorableBy: string[];
  snapshotIds: string[];
  filters: FilterRequest[];
}

const OWNER_ALIASES = new Set(['self', 'amazon', 'aws-marketplace']);

export function validateDescribeSnapshots(r: DescribeSnapshotsRequest): void {
  for (const id of r.snapshotIds) checkSnapshotId(id);
  for (const o of r.ownerIds) {
    if (!OWNER_ALIASES.has(o) && !isAccountId(o)) throw errors.userIdMalformed(o);
  }
  for (const u of r.restorableBy) {
    if (u !== 'self' && u !== 'all' && !isAccountId(u)) throw errors.userIdMalformed(u);
  }
  checkPageRequest('snapshots', r, 5, 1000, { name: 'snapshotSet', count: r.snapshotIds.length });
  compileFilters(r.filters, SNAPSHOT_FILTERS);
}

/**
 * DescribeSnapshots. Without OwnerIds or RestorableByUserIds: every snapshot the caller owns
 * or may restore (shared with it, or public). Explicit ids the caller cannot see are NotFound.
 */
export function describeSnapshots(world: World, region: string, accountId: string, r: DescribeSnapshotsRequest) {
  validateDescribeSnapshots(r);
  const state = world.region(region);
  const filter = compileFilters(r.filters, SNAPSHOT_FILTERS);
  const owners = new Set(r.ownerIds.map((o) => (o === 'self' ? accountId : o)));
  const restorers = r.restorableBy.map((u) => (u === 'self' ? accountId : u));
  const ownerTest = (s: SnapshotRecord) =>
    owners.size === 0 || owners.has(s.ownerId) || (s.ownerAlias !== undefined && owners.has(s.ownerAlias));
  const restorableTest = (s: SnapshotRecord) =>
    restorers.length === 0 ||
    restorers.some((u) =>
      u === 'all'
        ? s.createVolumePermissions.some((p) => p.group === 'all')
        : s.ownerId === u || s.createVolumePermissions.some((p) => p.userId === u),
    );

  const candidates = describeCandidates(
    r.snapshotIds,
    state.snapshots,
    (s) => canRestore(s, accountId),
    errors.snapshotNotFound,
  );
  const matched = candidates.filter((s) => ownerTest(s) && restorableTest(s) && (!filter || filter(s)));
  return paginate('snapshots', matched, (s) => s.snapshotId, r);
}

/** The snapshot `id` as its owner sees it: others get NotFound (invisible) or AuthFailure (shared with them). */
export function requireOwnSnapshot(
  world: World,
  region: string,
  accountId: string,
  id: string | undefined,
): SnapshotRecord {
  if (id === undefined || id === '') throw errors.missingParameter('SnapshotId');
  checkSnapshotId(id);
  const snapshot = world.region(region).snapshots[id];
  if (!snapshot || !canRestore(snapshot, accountId)) throw errors.snapshotNotFound(id);
  if (snapshot.ownerId !== accountId) throw errors.notAuthorizedForSnapshot(id);
  return snapshot;
}

/** The first registered AMI (any state but deregistered) whose mapping uses the snapshot. */
export function imageUsingSnapshot(world: World, region: string, snapshotId: string): string | undefined {
  for (const image of Object.values(world.region(region).images)) {
    if (image.state === 'deregistered') continue;
    for (const m of image.blockDeviceMappings) if (m.ebs?.snapshotId === snapshotId) return image.imageId;
  }
  return undefined;
}

/** DeleteSnapshot: owner only; a snapshot a registered AMI uses cannot be deleted. */
export function deleteSnapshot(
  world: World,
  region: string,
  accountId: string,
  id: string | undefined,
  beforeChange: () => void,
): void {
  const snapshot = requireOwnSnapshot(world, region, accountId, id);
  const user = imageUsingSnapshot(world, region, snapshot.snapshotId);
  if (user) throw errors.snapshotInUse(snapshot.snapshotId, user);
  beforeChange();
  removeSnapshot(world, region, snapshot);
}

export type VolumePermission = { userId?: string; group?: 'all' };

function checkPermission(p: { userId?: string; group?: string }): VolumePermission {
  if (p.userId !== undefined && p.group !== undefined) {
    throw errors.invalidParameterCombination(
      'Each create volume permission must specify either UserId or Group, not both.',
    );
  }
  if (p.group !== undefined) {
    if (p.group !== 'all')
      throw errors.invalidParameterValue(`Value (${p.group}) for parameter group is invalid. Valid values: all`);
    return { group: 'all' };
  }
  if (p.userId === undefined) throw errors.missingParameter('UserId or Group');
  if (!isAccountId(p.userId)) throw errors.userIdMalformed(p.userId);
  return { userId: p.userId };
}

function isDefaultKey(kmsKeyId: string | undefined): boolean {
  return kmsKeyId === undefined || kmsKeyId === 'alias/aws/ebs' || kmsKeyId.endsWith(':alias/aws/ebs');
}

/**
 * ModifySnapshotAttribute (createVolumePermission): add or remove accounts or `all`.
 * Encrypted snapshots cannot be made public; those encrypted with the AWS managed key cannot be shared at all.
 */
export function modifyCreateVolumePermission(
  world: World,
  region: string,
  accountId: string,
  id: string | undefined,
  add: { userId?: string; group?: string }[],
  remove: { userId?: string; group?: string }[],
  beforeChange: () => void,
): void {
  const snapshot = requireOwnSnapshot(world, region, accountId, id);
  if (add.length === 0 && remove.length === 0) {
    throw errors.missingParameter('createVolumePermission');
  }
  const toAdd = add.map(checkPermission);
  const toRemove = remove.map(checkPermission);
  if (snapshot.encrypted && toAdd.length > 0) {
    if (toAdd.some((p) => p.group === 'all')) {
      throw errors.encryptedSnapshotPublic();
    }
    if (isDefaultKey(snapshot.kmsKeyId)) {
      throw errors.managedKeySnapshotShare();
    }
  }
  beforeChange();
  const same = (a: VolumePermission, b: VolumePermission) => a.userId === b.userId && a.group === b.group;
  let perms = snapshot.createVolumePermissions.filter((p) => !toRemove.some((r) => same(p, r)));
  for (const p of toAdd) if (!perms.some((q) => same(p, q))) perms = [...perms, p];
  snapshot.createVolumePermissions = perms;
  world.markChanged();
}
