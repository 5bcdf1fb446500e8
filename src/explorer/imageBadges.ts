import type { Image } from '@aws-sdk/client-ec2';
import type { UsageView } from '../shared/imageUsage';
import { isInUse, usageSummary } from '../shared/imageUsage';
import { isDeprecated } from './contextValues';
import { escapeMarkdown } from './presentation';

/**
 * The badges a user decides by (issue 13): free tier, last launched, in use, deprecated soon,
 * platform and billing. Plain text for the tooltip, kept free of `vscode` so it is unit-tested.
 */

/** An image whose deprecation time is within this many days is "deprecated soon". */
export const DEPRECATED_SOON_DAYS = 30;
const DAY_MS = 86_400_000;

/** True when the image is not deprecated yet but will be within {@link DEPRECATED_SOON_DAYS}. */
export function isDeprecatedSoon(image: Pick<Image, 'DeprecationTime'>, now: number): boolean {
  const at = image.DeprecationTime ? Date.parse(image.DeprecationTime) : NaN;
  return Number.isFinite(at) && !isDeprecated(image, now) && at - now <= DEPRECATED_SOON_DAYS * DAY_MS;
}

/** The days since EC2 last launched an instance from it, or `undefined` when it never recorded one. */
export function daysSinceLaunch(image: Pick<Image, 'LastLaunchedTime'>, now: number): number | undefined {
  const at = image.LastLaunchedTime ? Date.parse(image.LastLaunchedTime) : NaN;
  return Number.isFinite(at) ? Math.max(0, Math.floor((now - at) / DAY_MS)) : undefined;
}

export interface BadgeContext {
  now: number;
  /** "Used by", when it was read for this image (never read per row: see ImageInsights.known). */
  usage?: UsageView;
  /** The image it was built from: its name when the tree has it loaded. */
  parent?: { imageId: string; region?: string; name?: string };
}

/** Markdown lines (escaped) for the tooltip, each `Label: value  `. */
export function badgeLines(image: Image, c: BadgeContext): string[] {
  const e = escapeMarkdown;
  const rows: [string, string | undefined][] = [];
  if (c.parent) {
    const where = c.parent.region ? ` in ${c.parent.region}` : '';
    rows.push([
      'Built from',
      c.parent.name ? `${c.parent.name} (${c.parent.imageId})${where}` : `${c.parent.imageId}${where}`,
    ]);
  }
  rows.push(['Free tier', image.FreeTierEligible ? 'eligible' : undefined]);
  const days = daysSinceLaunch(image, c.now);
  rows.push([
    'Last launched',
    days === undefined
      ? undefined
      : `${image.LastLaunchedTime?.slice(0, 10)} (${days === 0 ? 'today' : `${days} days ago`})`,
  ]);
  if (c.usage) {
    rows.push([
      'In use',
      c.usage.available
        ? `${isInUse(c.usage.usage) ? 'yes' : 'no'}: ${usageSummary(c.usage.usage)}`
        : `unknown: ${c.usage.reason}`,
    ]);
  }
  rows.push([
    'Deprecated soon',
    isDeprecatedSoon(image, c.now) ? `on ${image.DeprecationTime?.slice(0, 10)}` : undefined,
  ]);
  rows.push([
    'Billing',
    image.UsageOperation ? `${image.PlatformDetails ?? 'Linux/UNIX'} (${image.UsageOperation})` : undefined,
  ]);
  return rows.filter((r): r is [string, string] => !!r[1]).map(([k, v]) => `${k}: ${e(v)}  `);
}
