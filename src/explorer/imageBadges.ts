import type { Image } from '@aws-sdk/client-ec2';
import type { UsageView } from '../shared/imageUsage';
import { isInUse, usageSummary } from '../shared/imageUsage';
import { daysSinceLaunch, isDeprecatedSoon } from '../ec2/imageBadgeRules';
import { escapeMarkdown } from './presentation';

/**
 * The badges a user decides by (issue 13): free tier, last launched, in use, deprecated soon,
 * platform and billing. Plain text for the tooltip, kept free of `vscode` so it is unit-tested.
 */

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
