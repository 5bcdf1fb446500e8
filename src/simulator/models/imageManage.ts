import { errors } from '../errors';
import { binImage, removeSnapshot } from './recycleBin';
import type { World } from '../world';
import { isPublic } from './imageAccess';
import type { ImageRecord, RegionState } from './types';

/**
 * What an owner does to an image after it exists: deregister (optionally with its snapshots),
 * deprecate, disable, protect. Each function validates, calls `beforeChange` (DryRun), changes.
 */

export const DAY_MS = 24 * 60 * 60 * 1000;
const YEAR_MS = 365 * DAY_MS;

export type SnapshotDeleteResult = { snapshotId: string; returnCode: 'success' | 'skipped' | 'missing-permissions' };

export function isDeregistrationProtected(image: ImageRecord, now: number): boolean {
  const p = image.deregistrationProtection;
  return !!p && (p.enabled || (p.disabledUntil !== undefined && p.disabledUntil > now));
}

/**
 * Deregisters: protected images are refused; a pending image (a copy or CreateImage in
 * progress) is cancelled and its unfinished snapshots go with it. With `deleteSnapshots`,
 * each snapshot is deleted unless another AMI still uses it (`skipped`).
 */
export function deregisterImage(
  world: World,
  regionName: string,
  image: ImageRecord,
  deleteSnapshots: boolean,
  beforeChange: () => void,
): SnapshotDeleteResult[] | undefined {
  const now = world.clock.now();
  if (isDeregistrationProtected(image, now)) {
    throw errors.operationNotPermitted(
      `Image ${image.imageId} has deregistration protection enabled. Disable deregistration protection before deregistering the image.`,
    );
  }
  beforeChange();
  const region = world.region(regionName);
  const wasPending = image.state === 'pending';
  image.state = 'deregistered';
  image.deregisteredAt = now;
  delete image.availableAt;
  const permissions = image.launchPermissions;
  image.launchPermissions = [];
  let results: SnapshotDeleteResult[] | undefined;
  if (deleteSnapshots) results = [];
  for (const m of image.blockDeviceMappings) {
    const id = m.ebs?.snapshotId;
    if (!id) continue;
    const snapshot = region.snapshots[id];
    const cancel = wasPending && snapshot?.state === 'pending';
    if (!deleteSnapshots && !cancel) continue;
    if (!snapshot || snapshot.ownerId !== image.ownerId) {
      results?.push({ snapshotId: id, returnCode: 'missing-permissions' });
    } else if (usedByAnotherImage(region, id, image.imageId)) {
      results?.push({ snapshotId: id, returnCode: 'skipped' });
    } else {
      removeSnapshot(world, regionName, snapshot);
      results?.push({ snapshotId: id, returnCode: 'success' });
    }
  }
  // A retention rule keeps it recoverable, with its launch permissions (kept: unverified).
  if (!wasPending && binImage(world, regionName, image)) image.launchPermissions = permissions;
  world.markChanged();
  return results;
}

function usedByAnotherImage(region: RegionState, snapshotId: string, except: string): boolean {
  for (const other of Object.values(region.images)) {
    if (other.imageId === except || other.state === 'deregistered') continue;
    for (const m of other.blockDeviceMappings) if (m.ebs?.snapshotId === snapshotId) return true;
  }
  return false;
}

/**
 * EnableImageDeprecation: `deprecateAt` must be in the future, at most 10 years away (2 years
 * after creation for a public image); EC2 rounds the seconds to the nearest minute.
 */
export function enableDeprecation(
  world: World,
  image: ImageRecord,
  deprecateAt: number,
  beforeChange: () => void,
): void {
  const now = world.clock.now();
  // "Amazon EC2 rounds the seconds to the nearest minute" (API reference, EnableImageDeprecation DeprecateAt).
  const at = Math.round(deprecateAt / 60_000) * 60_000;
  if (deprecateAt <= now) {
    throw errors.invalidParameterValue('The deprecation time must be in the future.');
  }
  if (at > now + 10 * YEAR_MS) {
    throw errors.invalidParameterValue('The deprecation time can be at most 10 years in the future.');
  }
  if (isPublic(image) && at > image.creationDate + 2 * YEAR_MS) {
    throw errors.invalidParameterValue(
      'The deprecation time of a public AMI can be at most 2 years after its creation date.',
    );
  }
  beforeChange();
  image.deprecationTime = at;
  world.markChanged();
}

export function disableDeprecation(world: World, image: ImageRecord, beforeChange: () => void): void {
  beforeChange();
  delete image.deprecationTime;
  world.markChanged();
}

/** DisableImage: only an available image; it loses every launch permission. */
export function disableImage(world: World, image: ImageRecord, beforeChange: () => void): void {
  requireState(image, 'available', 'an available image can be disabled');
  beforeChange();
  image.state = 'disabled';
  image.launchPermissions = [];
  world.markChanged();
}

export function enableImage(world: World, image: ImageRecord, beforeChange: () => void): void {
  requireState(image, 'disabled', 'a disabled image can be enabled');
  beforeChange();
  image.state = 'available';
  world.markChanged();
}

function requireState(image: ImageRecord, state: ImageRecord['state'], only: string): void {
  if (image.state !== state) {
    throw errors.incorrectState(`The image '${image.imageId}' is in the '${image.state}' state; only ${only}.`);
  }
}

export function enableProtection(
  world: World,
  image: ImageRecord,
  withCooldown: boolean,
  beforeChange: () => void,
): void {
  beforeChange();
  image.deregistrationProtection = { enabled: true, withCooldown };
  world.markChanged();
}

/** With a cooldown, the image stays protected for 24 hours after protection is disabled. */
export function disableProtection(world: World, image: ImageRecord, beforeChange: () => void): void {
  beforeChange();
  const p = image.deregistrationProtection;
  if (p?.enabled) {
    image.deregistrationProtection = p.withCooldown
      ? { enabled: false, withCooldown: true, disabledUntil: world.clock.now() + DAY_MS }
      : { enabled: false, withCooldown: false };
    world.markChanged();
  }
}
