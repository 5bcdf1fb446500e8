import { PUBLIC_OWNERS } from '../accounts';
import { errors } from '../errors';
import type { World } from '../world';
import { compileWildcard } from './filters';
import { isDeprecated } from './imageAccess';
import type { ImageRecord } from './types';

/**
 * Allowed AMIs: an account's criteria, per region, for which AMIs its users can discover and
 * launch (API reference: EnableAllowedImagesSettings, ImageCriterionRequest; user guide
 * "Control the discovery and use of AMIs in Amazon EC2 with Allowed AMIs").
 * - `disabled`: every AMI is allowed. `audit-mode`: every AMI still is, but `imageAllowed`
 *   reports the criteria's verdict. `enabled`: only AMIs meeting the criteria are discoverable
 *   and launchable.
 * - The account's own AMIs are always allowed, whatever the criteria.
 * - An AMI meets the criteria when it meets ANY criterion; it meets a criterion when it meets
 *   EVERY condition that criterion sets (user guide, "How Allowed AMIs works").
 */

export type AllowedImagesState = 'disabled' | 'audit-mode' | 'enabled';
export const ENABLED_STATES = ['enabled', 'audit-mode'] as const;

/** One ImageCriterion: the conditions it sets (absent: not a condition). */
export interface ImageCriterion {
  imageProviders?: string[];
  marketplaceProductCodes?: string[];
  imageNames?: string[];
  maximumDaysSinceCreated?: number;
  maximumDaysSinceDeprecated?: number;
}

export interface AllowedImagesSettings {
  state: AllowedImagesState;
  criteria: ImageCriterion[];
  /** `declarative-policy` when an organization's declarative policy sets it: the account can't change it. */
  managedBy: 'account' | 'declarative-policy';
}

const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * Provider `amazon` allows "AMIs created by Amazon or verified providers" (ImageCriterionRequest).
 * Which catalog publishers count as verified (the console's "Verified provider" badge) is the
 * simulator's choice: the Linux distributions' own accounts.
 */
const VERIFIED_PROVIDERS: readonly string[] = [
  PUBLIC_OWNERS.canonical,
  PUBLIC_OWNERS.debian,
  PUBLIC_OWNERS.redhat,
  PUBLIC_OWNERS.suse,
];
const PROVIDER_ALIASES = ['amazon', 'aws-marketplace', 'aws-backup-vault'];
/** The documented limits of ImageCriterionRequest. */
export const CRITERIA_LIMITS = { criteria: 10, providers: 200, names: 50, productCodes: 50 } as const;
const IMAGE_NAME = /^[A-Za-z0-9()[\]./\-'@_*? ]{1,128}$/;
const PRODUCT_CODE = /^[A-Za-z0-9]{1,25}$/;

export function allowedImagesSettings(world: World, region: string, accountId: string): AllowedImagesSettings {
  return world.region(region).allowedImages?.[accountId] ?? { state: 'disabled', criteria: [], managedBy: 'account' };
}

function update(world: World, region: string, accountId: string, change: (s: AllowedImagesSettings) => void): void {
  const current = allowedImagesSettings(world, region, accountId);
  // A declarative policy's settings "can't be modified by the account" (GetAllowedImagesSettings ManagedBy).
  if (current.managedBy === 'declarative-policy') throw errors.allowedImagesManagedByPolicy();
  const next = { ...current, criteria: [...current.criteria] };
  change(next);
  const regionState = world.region(region);
  regionState.allowedImages = { ...regionState.allowedImages, [accountId]: next };
  world.markChanged();
}

export function setAllowedImagesState(
  world: World,
  region: string,
  accountId: string,
  state: AllowedImagesState,
): void {
  update(world, region, accountId, (s) => (s.state = state));
}

/** ReplaceImageCriteriaInAllowedImagesSettings: the whole list at once (validate first with checkCriteria). */
export function replaceImageCriteria(world: World, region: string, accountId: string, criteria: ImageCriterion[]) {
  update(world, region, accountId, (s) => (s.criteria = criteria));
}

/**
 * The documented limits: at most 10 criteria; per criterion at most 200 providers (amazon,
 * aws-marketplace, aws-backup-vault, 12-digit account ids, or `none` alone), 50 names (1-128
 * characters of the listed set, at least 3 with `?`), 50 product codes (1-25 letters and
 * digits). The error codes and messages for breaking them are unverified.
 */
export function checkCriteria(criteria: readonly ImageCriterion[]): void {
  if (criteria.length > CRITERIA_LIMITS.criteria) {
    throw errors.invalidParameterValue(`At most ${CRITERIA_LIMITS.criteria} image criteria can be specified.`);
  }
  for (const c of criteria) {
    const providers = c.imageProviders ?? [];
    if (providers.length > CRITERIA_LIMITS.providers) throw tooMany('ImageProviders', CRITERIA_LIMITS.providers);
    for (const p of providers) {
      if (p !== 'none' && !PROVIDER_ALIASES.includes(p) && !/^\d{12}$/.test(p)) throw badValue('ImageProvider', p);
    }
    if (providers.includes('none') && providers.length > 1) {
      throw errors.invalidParameterCombination('When ImageProviders is none, no other values can be specified.');
    }
    const names = c.imageNames ?? [];
    if (names.length > CRITERIA_LIMITS.names) throw tooMany('ImageNames', CRITERIA_LIMITS.names);
    for (const n of names) {
      if (!IMAGE_NAME.test(n) || (n.includes('?') && n.length < 3)) throw badValue('ImageName', n);
    }
    const codes = c.marketplaceProductCodes ?? [];
    if (codes.length > CRITERIA_LIMITS.productCodes) {
      throw tooMany('MarketplaceProductCodes', CRITERIA_LIMITS.productCodes);
    }
    for (const code of codes) if (!PRODUCT_CODE.test(code)) throw badValue('MarketplaceProductCode', code);
    for (const [name, days] of [
      ['MaximumDaysSinceCreated', c.maximumDaysSinceCreated],
      ['MaximumDaysSinceDeprecated', c.maximumDaysSinceDeprecated],
    ] as const) {
      if (days !== undefined && (!Number.isInteger(days) || days < 0)) throw badValue(name, String(days));
    }
  }
}

const tooMany = (name: string, max: number) =>
  errors.invalidParameterValue(`At most ${max} values can be specified for ${name} in one image criterion.`);
const badValue = (name: string, value: string) =>
  errors.invalidParameterValue(`Value (${value}) for parameter ${name} is invalid.`);

/** Does `image` meet the criteria (ignoring the state)? The caller's own images always do. */
export function meetsCriteria(
  image: ImageRecord,
  criteria: readonly ImageCriterion[],
  accountId: string,
  now: number,
): boolean {
  if (image.ownerId === accountId) return true;
  return criteria.some((c) => meetsCriterion(image, c, now));
}

function meetsCriterion(image: ImageRecord, c: ImageCriterion, now: number): boolean {
  if (c.imageProviders && c.imageProviders.length > 0) {
    const alias = image.imageOwnerAlias;
    const provided = c.imageProviders.some(
      (p) =>
        p === image.ownerId ||
        (alias !== undefined && p === alias) ||
        (p === 'amazon' && VERIFIED_PROVIDERS.includes(image.ownerId)),
    );
    if (!provided) return false;
  }
  if (c.imageNames && c.imageNames.length > 0) {
    if (!c.imageNames.some((n) => compileWildcard(n)(image.name))) return false;
  }
  if (c.marketplaceProductCodes && c.marketplaceProductCodes.length > 0) {
    const codes = c.marketplaceProductCodes;
    if (!image.productCodes.some((p) => codes.includes(p.productCodeId))) return false;
  }
  if (c.maximumDaysSinceCreated !== undefined && now - image.creationDate > c.maximumDaysSinceCreated * DAY_MS) {
    return false;
  }
  if (c.maximumDaysSinceDeprecated !== undefined && isDeprecated(image, now)) {
    // "Set to 0 to exclude all deprecated images" (DeprecationTimeConditionRequest).
    if (now - image.deprecationTime! >= c.maximumDaysSinceDeprecated * DAY_MS) return false;
  }
  return true;
}

/**
 * The `imageAllowed` verdict for the caller in the region: true for every image while the
 * setting is disabled (the simulator's choice, unverified: the reference only defines it for
 * the two enabled states), the criteria's verdict otherwise.
 */
export function imageAllowedFor(world: World, region: string, accountId: string): (image: ImageRecord) => boolean {
  const settings = allowedImagesSettings(world, region, accountId);
  if (settings.state === 'disabled') return () => true;
  const now = world.clock.now();
  return (image) => meetsCriteria(image, settings.criteria, accountId, now);
}

/** In `enabled` mode, is the image hidden from (and unusable by) the caller? */
export function isBlockedByAllowedImages(world: World, region: string, accountId: string, image: ImageRecord) {
  const settings = allowedImagesSettings(world, region, accountId);
  return settings.state === 'enabled' && !meetsCriteria(image, settings.criteria, accountId, world.clock.now());
}
