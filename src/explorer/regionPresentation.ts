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
    cost ? `≈ ${formatUsd(cost.amiMonthly)}/mo` : undefined,
    cost && cost.unusedCount > 0 ? `${formatUsd(cost.unusedMonthly)}/mo unused` : undefined,
    access === 'block-new-sharing' ? 'public sharing blocked' : undefined,
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
      `Snapshots of your AMIs: ${cost.amiSnapshotCount}, ${cost.amiGiB} GiB ≈ ${formatUsd(cost.amiMonthly)}/month  `,
      `Unused snapshots: ${cost.unusedCount}, ${cost.unusedGiB} GiB ≈ ${formatUsd(cost.unusedMonthly)}/month  `,
      `Estimated at $${pricePerGbMonth} per GB-month (setting amiExplorer.snapshotPricePerGbMonth), upper bounds.`,
      '',
    );
  }
  if (access === 'block-new-sharing') {
    lines.push(
      'Block public access for AMIs: **on**. EC2 refuses to make an AMI public in this region; AMIs that were already public stay public.',
    );
  } else if (access === 'unblocked') {
    lines.push('Block public access for AMIs: **off**. Your AMIs can be made public in this region.');
  } else {
    lines.push('Block public access for AMIs: not known yet (expand the region).');
  }
  return lines.join('\n');
}
