import { errors } from '../errors';
import type { World } from '../world';
import type { ImageRecord } from './types';

/** Who may see and change an image, and how an image id is looked up (with EC2's errors). */

const IMAGE_ID = /^ami-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;
const ACCOUNT_ID = /^\d{12}$/;

export function isImageId(id: string): boolean {
  return IMAGE_ID.test(id);
}

export function isAccountId(id: string): boolean {
  return ACCOUNT_ID.test(id);
}

/** Raises `InvalidAMIID.Malformed` unless `id` looks like `ami-` + 8 or 17 hex digits. */
export function checkImageId(id: string): void {
  if (!IMAGE_ID.test(id)) throw errors.amiMalformed(id);
}

export function isPublic(image: ImageRecord): boolean {
  for (const p of image.launchPermissions) if (p.group === 'all') return true;
  return false;
}

/** A caller sees public images, its own, and those shared with its account id. */
export function isVisibleTo(image: ImageRecord, accountId: string): boolean {
  if (image.ownerId === accountId) return true;
  for (const p of image.launchPermissions) if (p.group === 'all' || p.userId === accountId) return true;
  return false;
}

/**
 * The image `id` as `accountId` may use it: malformed → Malformed, unknown or invisible →
 * NotFound, deregistered a moment ago → Unavailable.
 */
export function requireImage(
  world: World,
  region: string,
  id: string | undefined,
  accountId: string,
  param = 'ImageId',
): ImageRecord {
  if (id === undefined || id === '') throw errors.missingParameter(param);
  checkImageId(id);
  const image = world.findImage(region, id);
  if (!image || !isVisibleTo(image, accountId)) {
    if (image && image.state === 'deregistered' && image.ownerId === accountId) throw errors.amiUnavailable(id);
    throw errors.amiNotFound(id);
  }
  if (image.state === 'deregistered') throw errors.amiUnavailable(id);
  return image;
}

/** Like {@link requireImage}, but only the owner passes: others get `AuthFailure`, as EC2 answers. */
export function requireOwnImage(world: World, region: string, id: string | undefined, accountId: string): ImageRecord {
  const image = requireImage(world, region, id, accountId);
  if (image.ownerId !== accountId) throw errors.notAuthorizedForImage(image.imageId);
  return image;
}

/** Is the image deprecated at `now`? */
export function isDeprecated(image: ImageRecord, now: number): boolean {
  return image.deprecationTime !== undefined && image.deprecationTime <= now;
}
