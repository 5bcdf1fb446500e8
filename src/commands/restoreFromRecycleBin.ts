import * as vscode from 'vscode';
import { ActionableError } from '../aws/errors';
import type { BinEntry } from '../ec2/recycleBin';
import { restoreImageFromRecycleBin, restoreSnapshotFromRecycleBin } from '../ec2/recycleBin';
import { RecycleBinEntryNode } from '../explorer/guardrailNodes';
import { nodeIds } from '../explorer/ids';
import { inform, withProgress } from '../notifications';
import { counted } from '../shared/plural';
import type { CommandDeps } from './deps';
import { pickRegion } from './targets';

/**
 * Restores an AMI or snapshot from the Recycle Bin. An AMI comes back with the snapshots of its
 * that are in the bin too, restored first (EC2 restores an AMI only once its snapshots exist).
 * Its snapshots are recognised by EC2's description of image snapshots ("Created by
 * CreateImage(i-…) for ami-…", "Copied for DestinationAmi ami-…"), which names the AMI.
 */
export async function restoreFromRecycleBin(deps: CommandDeps, node?: unknown): Promise<void> {
  const { region, entry } = await target(deps, node);
  const bin = await deps.model.guardrails.recycleBin(region);
  const ec2 = await deps.clients().ec2(region);
  const snapshots =
    entry.kind === 'image'
      ? bin.filter((e) => e.kind === 'snapshot' && new RegExp(`\\b${entry.id}\\b`).test(e.description ?? ''))
      : [];
  await withProgress(vscode.l10n.t('Restoring {0} from the Recycle Bin…', entry.id), async () => {
    for (const s of snapshots) await restoreSnapshotFromRecycleBin(ec2, s.id);
    if (entry.kind === 'image') await restoreImageFromRecycleBin(ec2, entry.id);
    else await restoreSnapshotFromRecycleBin(ec2, entry.id);
  });
  const folder = deps.tree.nodeById(nodeIds.recycleBin(region));
  if (folder) deps.tree.refresh(folder);
  else deps.model.invalidate(nodeIds.recycleBin(region));
  void deps.model.costs.reload(region).catch(() => undefined);
  if (entry.kind === 'image') {
    deps.model.invalidate(nodeIds.imagesFolder(region));
    const images = deps.tree.nodeById(nodeIds.imagesFolder(region));
    if (images) deps.tree.refresh(images);
    const located = await deps.model.locateImage(region, entry.id);
    const row = located && (await deps.tree.resolve(nodeIds.image(region, located.group, located.rootType, entry.id)));
    if (row) await deps.selectInTree(row);
  }
  inform(
    snapshots.length > 0
      ? vscode.l10n.t(
          'Restored {0} with {1}.',
          entry.id,
          counted(snapshots.length, vscode.l10n.t('{0} snapshot'), vscode.l10n.t('{0} snapshots')),
        )
      : vscode.l10n.t('Restored {0}.', entry.id),
  );
}

async function target(deps: CommandDeps, node: unknown): Promise<{ region: string; entry: BinEntry }> {
  if (node instanceof RecycleBinEntryNode) return { region: node.region, entry: node.entry };
  const region = await pickRegion(deps);
  const bin = await deps.model.guardrails.recycleBin(region);
  if (bin.length === 0) {
    throw new ActionableError(
      vscode.l10n.t('The Recycle Bin of {0} is empty.', region),
      vscode.l10n.t('Only AMIs and snapshots covered by a retention rule go there when deleted.'),
    );
  }
  const entry = await deps.input().pick(
    bin.map((e) => ({ label: e.kind === 'image' ? (e.name ?? e.id) : e.id, description: e.id, value: e })),
    { title: vscode.l10n.t('Restore from the Recycle Bin'), placeholder: vscode.l10n.t('Pick an AMI or snapshot') },
  );
  return { region, entry };
}
