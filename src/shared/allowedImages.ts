/**
 * Allowed AMIs on the host and in the webview: the criteria as the editor holds them, their
 * documented limits, and a pure matcher that predicts EC2's verdict for an image before the
 * criteria are applied. No `vscode` import.
 *
 * The rules the matcher follows:
 * - The caller's own AMIs are always allowed, whatever the criteria (API reference,
 *   ReplaceImageCriteriaInAllowedImagesSettings, note: verified).
 * - An AMI is allowed when it meets ANY criterion, and meets a criterion when it meets EVERY
 *   condition that criterion sets; within one list (providers, names, product codes) one
 *   matching value is enough. (User guide "How Allowed AMIs works", as cited by the simulator's
 *   model; the excerpts read for this file did not spell it out: treat as unverified.)
 * - No criteria at all: nothing but the caller's own AMIs is allowed (unverified; the simulator does the same).
 * - Providers: `amazon` = Amazon or verified providers, `aws-marketplace` = verified Marketplace
 *   providers, `aws-backup-vault`, a 12-digit owner id, or `none` alone = own account only
 *   (ImageCriterionRequest: verified). DescribeImages does not say who is a verified provider,
 *   so an image that could match only through `amazon` without the alias `amazon` is `unknown`.
 * - Names: `*` and `?` wildcards, case-sensitive like EC2's filters (unverified for criteria).
 * - MaximumDaysSinceCreated: allowed while the AMI is at most that many days old;
 *   MaximumDaysSinceDeprecated: a deprecated AMI is allowed for that many days after its
 *   deprecation time, 0 excludes every deprecated AMI (DeprecationTimeConditionRequest: verified).
 */

import * as l10n from '@vscode/l10n';

/** One criterion as the editor holds it; an empty list or undefined number sets no condition. */
export interface AllowedCriterion {
  imageProviders: string[];
  imageNames: string[];
  marketplaceProductCodes: string[];
  maximumDaysSinceCreated?: number;
  maximumDaysSinceDeprecated?: number;
}

export type AllowedImagesState = 'disabled' | 'audit-mode' | 'enabled';
export const ALLOWED_IMAGES_STATES: readonly AllowedImagesState[] = ['disabled', 'audit-mode', 'enabled'];

/** The documented limits of ImageCriterionRequest (EC2 API reference). */
export const ALLOWED_LIMITS = {
  criteria: 10,
  providers: 200,
  names: 50,
  productCodes: 50,
  nameLength: 128,
  productCodeLength: 25,
  /** Not documented; a bound so a number field stays a number (about 27 years). */
  maxDays: 10_000,
} as const;

const PROVIDER_ALIASES = ['amazon', 'aws-marketplace', 'aws-backup-vault'];
const IMAGE_NAME = /^[A-Za-z0-9()[\]./\-'@_*? ]{1,128}$/;
const PRODUCT_CODE = /^[A-Za-z0-9]{1,25}$/;

/** Why a provider value is invalid, or undefined. */
export function checkProvider(p: string): string | undefined {
  if (p === 'none' || PROVIDER_ALIASES.includes(p) || /^\d{12}$/.test(p)) return undefined;
  return l10n.t(
    '"{0}" is not a provider: use amazon, aws-marketplace, aws-backup-vault, a 12-digit account id, or none.',
    p,
  );
}

export function checkCriterionName(n: string): string | undefined {
  if (!IMAGE_NAME.test(n)) {
    return l10n.t('"{0}" is not a valid name pattern: 1-128 letters, digits, spaces and ( ) [ ] . / - \' @ _ * ?', n);
  }
  if (n.includes('?') && n.length < 3) return l10n.t('"{0}": a pattern with ? needs at least 3 characters.', n);
  return undefined;
}

export function checkProductCode(c: string): string | undefined {
  return PRODUCT_CODE.test(c) ? undefined : l10n.t('"{0}" is not a product code: 1-25 letters and digits.', c);
}

/** Why a criterion breaks a documented limit, or undefined. */
export function checkCriterion(c: AllowedCriterion): string | undefined {
  if (c.imageProviders.length > ALLOWED_LIMITS.providers)
    return l10n.t('At most {0} providers.', ALLOWED_LIMITS.providers);
  if (c.imageNames.length > ALLOWED_LIMITS.names) return l10n.t('At most {0} names.', ALLOWED_LIMITS.names);
  if (c.marketplaceProductCodes.length > ALLOWED_LIMITS.productCodes) {
    return l10n.t('At most {0} product codes.', ALLOWED_LIMITS.productCodes);
  }
  if (c.imageProviders.includes('none') && c.imageProviders.length > 1) {
    return l10n.t('Provider "none" (your own AMIs only) cannot be combined with other providers.');
  }
  const problem =
    c.imageProviders.map(checkProvider).find((p) => p) ??
    c.imageNames.map(checkCriterionName).find((p) => p) ??
    c.marketplaceProductCodes.map(checkProductCode).find((p) => p);
  if (problem) return problem;
  for (const days of [c.maximumDaysSinceCreated, c.maximumDaysSinceDeprecated]) {
    if (days !== undefined && (!Number.isInteger(days) || days < 0 || days > ALLOWED_LIMITS.maxDays)) {
      return l10n.t('Days must be a whole number from 0 to {0}.', ALLOWED_LIMITS.maxDays);
    }
  }
  if (isEmptyCriterion(c)) return l10n.t('A criterion needs at least one condition.');
  return undefined;
}

export function isEmptyCriterion(c: AllowedCriterion): boolean {
  return (
    c.imageProviders.length === 0 &&
    c.imageNames.length === 0 &&
    c.marketplaceProductCodes.length === 0 &&
    c.maximumDaysSinceCreated === undefined &&
    c.maximumDaysSinceDeprecated === undefined
  );
}

/** What the matcher needs to know of an image (from DescribeImages or DescribeInstanceImageMetadata). */
export interface ImageFacts {
  ownerId?: string;
  ownerAlias?: string;
  name?: string;
  productCodes: string[];
  /** DescribeInstanceImageMetadata names no product codes: a criterion that needs them can't be decided. */
  productCodesUnknown?: boolean;
  /** ISO times, as EC2 returns them. */
  creationDate?: string;
  deprecationTime?: string;
}

/** `unknown`: only the `amazon` provider could match, and only EC2 knows whether the owner is a verified provider. */
export type Verdict = 'allowed' | 'notAllowed' | 'unknown';

const DAY_MS = 24 * 60 * 60 * 1000;

/** EC2's verdict for `image` under `criteria`, for the account `accountId`, at `now` (ms). */
export function allowedVerdict(
  image: ImageFacts,
  criteria: readonly AllowedCriterion[],
  accountId: string,
  now: number,
): Verdict {
  if (image.ownerId !== undefined && image.ownerId === accountId) return 'allowed';
  let unknown = false;
  for (const c of criteria) {
    const v = criterionVerdict(image, c, now);
    if (v === 'allowed') return 'allowed';
    if (v === 'unknown') unknown = true;
  }
  return unknown ? 'unknown' : 'notAllowed';
}

function criterionVerdict(image: ImageFacts, c: AllowedCriterion, now: number): Verdict {
  if (isEmptyCriterion(c)) return 'notAllowed';
  if (c.imageNames.length > 0 && !c.imageNames.some((n) => wildcard(n)(image.name ?? ''))) return 'notAllowed';
  let unknown = false;
  if (c.marketplaceProductCodes.length > 0) {
    if (image.productCodesUnknown) unknown = true;
    else if (!image.productCodes.some((p) => c.marketplaceProductCodes.includes(p))) return 'notAllowed';
  }
  const created = image.creationDate ? Date.parse(image.creationDate) : NaN;
  if (c.maximumDaysSinceCreated !== undefined && Number.isFinite(created)) {
    if (now - created > c.maximumDaysSinceCreated * DAY_MS) return 'notAllowed';
  }
  const deprecated = image.deprecationTime ? Date.parse(image.deprecationTime) : NaN;
  if (c.maximumDaysSinceDeprecated !== undefined && Number.isFinite(deprecated) && deprecated <= now) {
    if (now - deprecated >= c.maximumDaysSinceDeprecated * DAY_MS) return 'notAllowed';
  }
  const provider = providerVerdict(image, c.imageProviders);
  return provider === 'allowed' && unknown ? 'unknown' : provider;
}

function providerVerdict(image: ImageFacts, providers: readonly string[]): Verdict {
  if (providers.length === 0) return 'allowed';
  const alias = image.ownerAlias;
  if (providers.some((p) => p === image.ownerId || (alias !== undefined && p === alias))) return 'allowed';
  // `amazon` also allows verified providers, which DescribeImages does not name.
  return providers.includes('amazon') && alias === undefined ? 'unknown' : 'notAllowed';
}

/** `*` any run of characters, `?` one character, everything else literal and case-sensitive. */
export function wildcard(pattern: string): (value: string) => boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\*?]/g, (ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : `\\${ch}`));
  const re = new RegExp(`^${source}$`, 's');
  return (value) => re.test(value);
}

/** The criteria as the SDK's ImageCriterionRequest list. */
export function toCriterionRequests(criteria: readonly AllowedCriterion[]) {
  return criteria.map((c) => ({
    ImageProviders: c.imageProviders.length > 0 ? [...c.imageProviders] : undefined,
    ImageNames: c.imageNames.length > 0 ? [...c.imageNames] : undefined,
    MarketplaceProductCodes: c.marketplaceProductCodes.length > 0 ? [...c.marketplaceProductCodes] : undefined,
    CreationDateCondition:
      c.maximumDaysSinceCreated !== undefined ? { MaximumDaysSinceCreated: c.maximumDaysSinceCreated } : undefined,
    DeprecationTimeCondition:
      c.maximumDaysSinceDeprecated !== undefined
        ? { MaximumDaysSinceDeprecated: c.maximumDaysSinceDeprecated }
        : undefined,
  }));
}
