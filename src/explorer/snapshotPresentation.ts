import * as l10n from '@vscode/l10n';
import type { Snapshot } from '@aws-sdk/client-ec2';
import type { RegionSnapshotCost, SnapshotUsage } from '../ec2/snapshotUsage';
import { formatUsd, monthlySnapshotCost } from '../shared/pricing';
import { escapeMarkdown, imageLabel } from './presentation';

/** What snapshot rows and the Snapshots folder say; free of `vscode` so it is unit-tested in Node. */

export function snapshotName(snapshot: Snapshot): string | undefined {
  return snapshot.Tags?.find((t) => t.Key === 'Name')?.Value || undefined;
}

export function snapshotLabel(snapshot: Snapshot): string {
  return snapshotName(snapshot) ?? snapshot.SnapshotId ?? l10n.t('(unknown snapshot)');
}

export function snapshotMonthlyCost(snapshot: Snapshot, pricePerGbMonth: number): number {
  return monthlySnapshotCost([snapshot.VolumeSize ?? 0], pricePerGbMonth);
}

/** `snap-… · 16 GiB · ≈ $0.80/mo · unused`, or `… · used by web-server-base-v7` (the AMI's name: its id is in the tooltip). */
export function snapshotDescription(u: SnapshotUsage, pricePerGbMonth: number): string {
  const s = u.snapshot;
  return [
    snapshotName(s) ? s.SnapshotId : undefined,
    l10n.t('{0} GiB', s.VolumeSize ?? '?'),
    l10n.t('≈ {0}/mo', formatUsd(snapshotMonthlyCost(s, pricePerGbMonth))),
    s.State && s.State !== 'completed' ? s.State : undefined,
    u.usedBy.length === 0 ? l10n.t('unused') : l10n.t('used by {0}', u.usedBy.map(imageLabel).join(', ')),
  ]
    .filter(Boolean)
    .join(' · ');
}

export function snapshotTooltip(u: SnapshotUsage, pricePerGbMonth: number): string {
  const s = u.snapshot;
  const e = (t: string | undefined) => escapeMarkdown(t ?? '—');
  const lines = [`**${e(snapshotLabel(s))}**`, ''];
  if (s.Description) {
    lines.push(e(s.Description), '');
  }
  const start = s.StartTime instanceof Date ? s.StartTime.toISOString() : (s.StartTime as string | undefined);
  const rows: [string, string | undefined][] = [
    [l10n.t('Snapshot ID'), s.SnapshotId],
    [l10n.t('State'), s.State],
    [l10n.t('Size'), l10n.t('{0} GiB', s.VolumeSize ?? '?')],
    [
      l10n.t('Storage'),
      l10n.t(
        '≈ {0}/month at ${1} per GB-month (an upper bound: snapshots are incremental)',
        formatUsd(snapshotMonthlyCost(s, pricePerGbMonth)),
        pricePerGbMonth,
      ),
    ],
    [l10n.t('Created'), start?.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')],
    [l10n.t('Encrypted'), s.Encrypted ? l10n.t('yes') : l10n.t('no')],
    [l10n.t('Tags'), s.Tags?.length ? s.Tags.map((t) => `${t.Key}=${t.Value ?? ''}`).join(', ') : undefined],
  ];
  for (const [label, value] of rows) {
    if (value) {
      lines.push(`${label}: ${e(value)}  `);
    }
  }
  lines.push('');
  if (u.usedBy.length === 0) {
    lines.push(
      l10n.t(
        '**Unused**: none of your AMIs in this region uses it (typically left behind when its AMI was deregistered without deleting its snapshots). Deleting it saves its storage cost; keep it if it is a backup you made on purpose.',
      ),
    );
  } else {
    lines.push(
      l10n.t(
        'Used by {0}: EC2 refuses to delete it while an AMI uses it.',
        u.usedBy.map((i) => `${e(imageLabel(i))} (${e(i.ImageId)})`).join(', '),
      ),
    );
  }
  return lines.join('\n');
}

/** `3 · 1 unused ≈ $0.80/mo` for the Snapshots folder. */
export function snapshotsFolderDescription(count: number, cost: RegionSnapshotCost): string {
  return cost.unusedCount > 0
    ? l10n.t('{0} · {1} unused ≈ {2}/mo', count, cost.unusedCount, formatUsd(cost.unusedMonthly))
    : String(count);
}
