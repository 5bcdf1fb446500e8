import * as l10n from '@vscode/l10n';
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
    const { name, imageId, region } = c.parent;
    const source = name ? `${name} (${imageId})` : imageId;
    rows.push([l10n.t('Built from'), region ? l10n.t('{0} in {1}', source, region) : source]);
  }
  rows.push(['Free tier', image.FreeTierEligible ? l10n.t('eligible') : undefined]);
  const days = daysSinceLaunch(image, c.now);
  rows.push([
    l10n.t('Last launched'),
    days === undefined
      ? undefined
      : days === 0
        ? l10n.t('{0} (today)', image.LastLaunchedTime?.slice(0, 10) ?? '')
        : l10n.t('{0} ({1} days ago)', image.LastLaunchedTime?.slice(0, 10) ?? '', days),
  ]);
  if (c.usage) {
    rows.push([
      l10n.t('In use'),
      c.usage.available
        ? isInUse(c.usage.usage)
          ? l10n.t('yes: {0}', usageSummary(c.usage.usage))
          : l10n.t('no: {0}', usageSummary(c.usage.usage))
        : l10n.t('unknown: {0}', c.usage.reason),
    ]);
  }
  rows.push([
    l10n.t('Deprecated soon'),
    isDeprecatedSoon(image, c.now) ? l10n.t('on {0}', image.DeprecationTime?.slice(0, 10) ?? '') : undefined,
  ]);
  rows.push([
    l10n.t('Billing'),
    image.UsageOperation ? `${image.PlatformDetails ?? 'Linux/UNIX'} (${image.UsageOperation})` : undefined,
  ]);
  return rows.filter((r): r is [string, string] => !!r[1]).map(([k, v]) => `${k}: ${e(v)}  `);
}
