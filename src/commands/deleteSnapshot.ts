import type { Snapshot } from '@aws-sdk/client-ec2';
import * as vscode from 'vscode';
import { deleteSnapshot as sendDelete } from '../ec2/snapshots';
import type { SnapshotUsage } from '../ec2/snapshotUsage';
import { ActionableError } from '../aws/errors';
import { imageLabel } from '../explorer/presentation';
import { SnapshotNode } from '../explorer/snapshotNodes';
import { snapshotLabel, snapshotMonthlyCost } from '../explorer/snapshotPresentation';
import { formatUsd, monthlySnapshotCost } from '../shared/pricing';
import type { CommandDeps } from './deps';
import { inform, withProgress } from '../notifications';
import { pickRegion, sameKindSelection } from './targets';
import { CancelledError } from './userInput';

/**
 * Deletes snapshots no AMI uses: the selected snapshot rows, or those picked from the palette.
 * Usage is re-read first; a snapshot an AMI still uses is refused (EC2 refuses it too), nothing
 * is deleted then. The confirmation lists the snapshots and the storage cost saved.
 */
export async function deleteSnapshot(deps: CommandDeps, node?: unknown, selection?: unknown): Promise<void> {
  const { region, snapshotIds } = await targets(deps, node, selection);
  await deps.model.costs.reload(region);
  const view = await deps.model.costs.snapshots(region);
  const chosen = snapshotIds
    .map((id) => view.usage.find((u) => u.snapshot.SnapshotId === id))
    .filter((u): u is SnapshotUsage => !!u);
  if (chosen.length === 0) {
    throw new ActionableError(
      vscode.l10n.t('The snapshot no longer exists in {0}.', region),
      vscode.l10n.t('The Snapshots folder has been refreshed.'),
    );
  }
  const used = chosen.filter((u) => u.usedBy.length > 0);
  if (used.length > 0) {
    throw new ActionableError(
      vscode.l10n.t(
        'EC2 refuses to delete a snapshot an AMI uses: {0}.',
        used
          .map((u) =>
            vscode.l10n.t(
              'the snapshot {0} is currently in use by {1}',
              u.snapshot.SnapshotId ?? '',
              u.usedBy.map((i) => `${i.ImageId} (${imageLabel(i)})`).join(', '),
            ),
          )
          .join('; '),
      ),
      vscode.l10n.t(
        'Deregister the AMI first (its Deregister panel can delete its snapshots too), or select only snapshots marked unused. Nothing was deleted.',
      ),
    );
  }
  const price = deps.model.costs.price();
  const saved = monthlySnapshotCost(
    chosen.map((u) => u.snapshot.VolumeSize ?? 0),
    price,
  );
  const list = chosen.map((u) => describe(u.snapshot, price)).join('\n');
  await deps.input().confirm({
    message:
      chosen.length === 1
        ? vscode.l10n.t('Delete the snapshot {0}? This cannot be undone.', chosen[0].snapshot.SnapshotId ?? '')
        : vscode.l10n.t('Delete {0} snapshots? This cannot be undone.', String(chosen.length)),
    detail: vscode.l10n.t(
      '{0}\n\nTheir data is lost: no volume or AMI can be made from them any more. Saves about {1} per month.',
      list,
      formatUsd(saved),
    ),
    confirmLabel: vscode.l10n.t('Delete'),
  });
  const ec2 = await deps.model.ec2(region);
  await withProgress(vscode.l10n.t('Deleting {0} snapshot(s)…', String(chosen.length)), async (): Promise<void> => {
    try {
      for (const u of chosen) {
        await sendDelete(ec2, u.snapshot.SnapshotId ?? '');
      }
    } finally {
      await deps.model.costs.reload(region);
    }
  });
  inform(
    chosen.length === 1
      ? vscode.l10n.t('Deleted 1 snapshot in {0}: about {1} per month saved.', region, formatUsd(saved))
      : vscode.l10n.t(
          'Deleted {0} snapshots in {1}: about {2} per month saved.',
          String(chosen.length),
          region,
          formatUsd(saved),
        ),
  );
}

function describe(snapshot: Snapshot, price: number): string {
  const name = snapshotLabel(snapshot) === snapshot.SnapshotId ? '' : ` "${snapshotLabel(snapshot)}"`;
  return `• ${snapshot.SnapshotId}${name}, ${snapshot.VolumeSize ?? '?'} GiB, ${formatUsd(snapshotMonthlyCost(snapshot, price))}/month`;
}

async function targets(
  deps: CommandDeps,
  node: unknown,
  selection: unknown,
): Promise<{ region: string; snapshotIds: string[] }> {
  if (node instanceof SnapshotNode) {
    const nodes = sameKindSelection(node, selection, SnapshotNode);
    return { region: node.region, snapshotIds: nodes.map((n) => n.snapshotId) };
  }
  const region = await pickRegion(deps);
  const view = await deps.model.costs.snapshots(region);
  const unused = view.usage.filter((u) => u.usedBy.length === 0);
  if (unused.length === 0) {
    throw new ActionableError(
      vscode.l10n.t('Every snapshot of yours in {0} is used by an AMI.', region),
      vscode.l10n.t('Deregister an AMI you no longer need first.'),
    );
  }
  const price = deps.model.costs.price();
  const picked = await deps.input().pickMany(
    unused.map((u) => ({
      label: snapshotLabel(u.snapshot),
      description: `${u.snapshot.VolumeSize ?? '?'} GiB · ${formatUsd(snapshotMonthlyCost(u.snapshot, price))}/mo`,
      detail: u.snapshot.Description,
      value: u.snapshot.SnapshotId ?? '',
    })),
    {
      title: vscode.l10n.t('Unused snapshots in {0}', region),
      placeholder: vscode.l10n.t('Pick the snapshots to delete'),
    },
  );
  if (picked.length === 0) {
    throw new CancelledError();
  }
  return { region, snapshotIds: picked };
}
