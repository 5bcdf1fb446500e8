import * as l10n from '@vscode/l10n';
import type { Filter, Image } from '@aws-sdk/client-ec2';

/**
 * The badge rules (issue 13) the tooltip shows and the owner-group filter narrows by. Free tier
 * and Allowed AMIs are EC2 filters (`free-tier-eligible`, `image-allowed`, DescribeImages API
 * reference); EC2 has no filter on deprecation or last-launch times, so those are matched on the client.
 */

/** An image whose deprecation time is within this many days is "deprecated soon". */
export const DEPRECATED_SOON_DAYS = 30;
/** "Launched recently": within this many days; "not launched recently": not within {@link STALE_DAYS}. */
export const RECENT_LAUNCH_DAYS = 30;
export const STALE_DAYS = 90;
const DAY_MS = 86_400_000;

/** True when the image is not deprecated yet but will be within {@link DEPRECATED_SOON_DAYS}. */
export function isDeprecatedSoon(image: Pick<Image, 'DeprecationTime'>, now: number): boolean {
  const at = image.DeprecationTime ? Date.parse(image.DeprecationTime) : NaN;
  return Number.isFinite(at) && at > now && at - now <= DEPRECATED_SOON_DAYS * DAY_MS;
}

/** The days since EC2 last launched an instance from it, or `undefined` when it never recorded one. */
export function daysSinceLaunch(image: Pick<Image, 'LastLaunchedTime'>, now: number): number | undefined {
  const at = image.LastLaunchedTime ? Date.parse(image.LastLaunchedTime) : NaN;
  return Number.isFinite(at) ? Math.max(0, Math.floor((now - at) / DAY_MS)) : undefined;
}

interface BadgeFilter {
  /** Translated when called: the table is built at load time, before the bundle is. */
  label: () => string;
  /** The EC2 filter, when EC2 has one. */
  ec2?: Filter;
  /** Otherwise the client-side test. */
  matches?: (image: Image, now: number) => boolean;
}

/** The badge choices of "Filter Images…", one table for the filter, its summary and the picker. */
export const BADGE_FILTERS = {
  freeTier: { label: () => l10n.t('Free tier eligible'), ec2: { Name: 'free-tier-eligible', Values: ['true'] } },
  deprecatedSoon: {
    label: () => l10n.t('Deprecated within {0} days', DEPRECATED_SOON_DAYS),
    matches: (i, now) => isDeprecatedSoon(i, now),
  },
  launchedRecently: {
    label: () => l10n.t('Launched in the last {0} days', RECENT_LAUNCH_DAYS),
    matches: (i, now) => (daysSinceLaunch(i, now) ?? Infinity) <= RECENT_LAUNCH_DAYS,
  },
  notLaunchedRecently: {
    label: () => l10n.t('Not launched in {0} days', STALE_DAYS),
    matches: (i, now) => (daysSinceLaunch(i, now) ?? Infinity) > STALE_DAYS,
  },
  // Issue 14: the `image-allowed` filter (DescribeImages API reference) finds, in audit mode, the
  // images enabling the criteria would block; `enabled` hides them, so the group is then empty.
  notAllowed: {
    label: () => l10n.t('Not allowed by Allowed AMIs'),
    ec2: { Name: 'image-allowed', Values: ['false'] },
  },
} as const satisfies Record<string, BadgeFilter>;

export type BadgeFilterKey = keyof typeof BADGE_FILTERS;
export const BADGE_FILTER_KEYS = Object.keys(BADGE_FILTERS) as BadgeFilterKey[];
