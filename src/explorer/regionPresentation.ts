import * as l10n from '@vscode/l10n';
import type { BlockPublicAccessState } from '../ec2/governance';
import type { RegionSnapshotCost } from '../ec2/snapshotUsage';
import { formatUsd } from '../shared/pricing';
import { escapeMarkdown } from './presentation';

/** What a region row says: its snapshot costs and its block-public-access state; free of `vscode`. */

/** What the region row says: the snapshot cost of its AMIs, and whether public sharing is blocked. */
export function regionDescription(
  cost: RegionSnapshotCost | undefined,
  access: BlockPublicAccessState | undefined,
): string | undefined {
  // Short enough for the default side bar width: the amounts first, what they are in the tooltip.
  const parts = [
    cost ? l10n.t('≈ {0}/mo', formatUsd(cost.amiMonthly)) : undefined,
    cost && cost.unusedCount > 0 ? l10n.t('{0}/mo unused', formatUsd(cost.unusedMonthly)) : undefined,
    access === 'block-new-sharing' ? l10n.t('public sharing blocked') : undefined,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : undefined;
}

export function regionTooltip(
  region: string,
  cost: RegionSnapshotCost | undefined,
  access: BlockPublicAccessState | undefined,
  pricePerGbMonth: number,
): string {
  const lines = [`**${escapeMarkdown(region)}**`, ''];
  if (cost) {
    lines.push(
      l10n.t(
        'Snapshots of your AMIs: {0}, {1} GiB ≈ {2}/month',
        cost.amiSnapshotCount,
        cost.amiGiB,
        formatUsd(cost.amiMonthly),
      ) + '  ',
      l10n.t(
        'Unused snapshots: {0}, {1} GiB ≈ {2}/month',
        cost.unusedCount,
        cost.unusedGiB,
        formatUsd(cost.unusedMonthly),
      ) + '  ',
      l10n.t(
        'Estimated at ${0} per GB-month (setting amiExplorer.snapshotPricePerGbMonth), upper bounds.',
        pricePerGbMonth,
      ),
      '',
    );
  }
  if (access === 'block-new-sharing') {
    lines.push(
      l10n.t(
        'Block public access for AMIs: **on**. EC2 refuses to make an AMI public in this region; AMIs that were already public stay public.',
      ),
    );
  } else if (access === 'unblocked') {
    lines.push(l10n.t('Block public access for AMIs: **off**. Your AMIs can be made public in this region.'));
  } else {
    lines.push(l10n.t('Block public access for AMIs: not known yet (expand the region).'));
  }
  return lines.join('\n');
}
