import type { Snapshot } from '@aws-sdk/client-ec2';
import type { RegionSnapshotCost, SnapshotUsage } from '../ec2/snapshotUsage';
import { formatUsd, monthlySnapshotCost } from '../shared/pricing';
import { escapeMarkdown, imageLabel } from './presentation';

/** What snapshot rows and the Snapshots folder say; free of `vscode` so it is unit-tested in Node. */

export function snapshotName(snapshot: Snapshot): string | undefined {
  return snapshot.Tags?.find((t) => t.Key === 'Name')?.Value || undefined;
}

export function snapshotLabel(snapshot: Snapshot): string {
  return snapshotName(snapshot) ?? snapshot.SnapshotId ?? '(unknown snapshot)';
}

export function snapshotMonthlyCost(snapshot: Snapshot, pricePerGbMonth: number): number {
  return monthlySnapshotCost([snapshot.VolumeSize ?? 0], pricePerGbMonth);
}

/** `snap-… · 16 GiB · ≈ $0.80/mo · unused`, or `… · used by web-server-base-v7` (the AMI's name: its id is in the tooltip). */
export function snapshotDescription(u: SnapshotUsage, pricePerGbMonth: number): string {
  const s = u.snapshot;
  return [
    snapshotName(s) ? s.SnapshotId : undefined,
    `${s.VolumeSize ?? '?'} GiB`,
    `≈ ${formatUsd(snapshotMonthlyCost(s, pricePerGbMonth))}/mo`,
    s.State && s.State !== 'completed' ? s.State : undefined,
    u.usedBy.length === 0 ? 'unused' : `used by ${u.usedBy.map(imageLabel).join(', ')}`,
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
    ['Snapshot ID', s.SnapshotId],
    ['State', s.State],
    ['Size', `${s.VolumeSize ?? '?'} GiB`],
    [
      'Storage',
      `≈ ${formatUsd(snapshotMonthlyCost(s, pricePerGbMonth))}/month at $${pricePerGbMonth} per GB-month (an upper bound: snapshots are incremental)`,
    ],
    ['Created', start?.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')],
    ['Encrypted', s.Encrypted ? 'yes' : 'no'],
    ['Tags', s.Tags?.length ? s.Tags.map((t) => `${t.Key}=${t.Value ?? ''}`).join(', ') : undefined],
  ];
  for (const [label, value] of rows) {
    if (value) {
      lines.push(`${label}: ${e(value)}  `);
    }
  }
  lines.push('');
  if (u.usedBy.length === 0) {
    lines.push(
      '**Unused**: none of your AMIs in this region uses it (typically left behind when its AMI was deregistered without deleting its snapshots). Deleting it saves its storage cost; keep it if it is a backup you made on purpose.',
    );
  } else {
    lines.push(
      `Used by ${u.usedBy.map((i) => `${e(imageLabel(i))} (${e(i.ImageId)})`).join(', ')}: EC2 refuses to delete it while an AMI uses it.`,
    );
  }
  return lines.join('\n');
}

/** `3 · 1 unused ≈ $0.80/mo` for the Snapshots folder. */
export function snapshotsFolderDescription(count: number, cost: RegionSnapshotCost): string {
  return cost.unusedCount > 0
    ? `${count} · ${cost.unusedCount} unused ≈ ${formatUsd(cost.unusedMonthly)}/mo`
    : String(count);
}
