import * as vscode from 'vscode';
import { ActionableError } from '../aws/errors';
import { registerImageFromSnapshot } from '../ec2/images';
import { nodeIds } from '../explorer/ids';
import { SnapshotNode } from '../explorer/snapshotNodes';
import { snapshotLabel } from '../explorer/snapshotPresentation';
import { withProgress } from '../notifications';
import { checkAmiName } from '../shared/validation';
import type { CommandDeps } from './deps';
import { pickRegion } from './targets';

/** The root device of the registered image: the usual name for an HVM Linux root volume. */
export const REGISTERED_ROOT_DEVICE = '/dev/xvda';

type Architecture = 'x86_64' | 'arm64' | 'i386';

/**
 * Registers an EBS-backed HVM AMI whose root volume is the chosen snapshot (RegisterImage), after
 * asking its name and architecture; then reloads the region and selects the new image.
 */
export async function createImageFromSnapshot(deps: CommandDeps, node?: unknown): Promise<void> {
  const { region, snapshotId } = await target(deps, node);
  const name = await deps.input().text({
    title: vscode.l10n.t('Create Image from {0}', snapshotId),
    prompt: vscode.l10n.t('Name of the new AMI (3–128 characters, unique among your AMIs in {0})', region),
    value: `from-${snapshotId}`,
    validate: checkAmiName,
  });
  const architecture = await deps.input().pick<Architecture>(
    [
      { label: 'x86_64', description: vscode.l10n.t('64-bit Intel and AMD'), value: 'x86_64' },
      { label: 'arm64', description: vscode.l10n.t('64-bit ARM (Graviton)'), value: 'arm64' },
      { label: 'i386', description: vscode.l10n.t('32-bit x86'), value: 'i386' },
    ],
    {
      title: vscode.l10n.t('Architecture of the operating system on {0}', snapshotId),
      placeholder: vscode.l10n.t('EC2 cannot detect it: pick the one the snapshot was made on'),
    },
  );
  const ec2 = await deps.model.ec2(region);
  const imageId = await withProgress(vscode.l10n.t('Registering an AMI from {0}…', snapshotId), () =>
    registerImageFromSnapshot(ec2, { name, architecture, snapshotId, rootDeviceName: REGISTERED_ROOT_DEVICE }),
  );
  // The snapshot is now used by an AMI and the region's sums move: reload the whole region.
  const regionNode = deps.tree.nodeById(nodeIds.region(region));
  if (regionNode) deps.tree.refresh(regionNode);
  else deps.model.invalidate(nodeIds.region(region));
  await deps.model.imageCreated(region, imageId);
  const located = await deps.model.locateImage(region, imageId);
  const row = located && (await deps.tree.resolve(nodeIds.image(region, located.group, located.rootType, imageId)));
  if (row) await deps.selectInTree(row);
}

async function target(deps: CommandDeps, node: unknown): Promise<{ region: string; snapshotId: string }> {
  if (node instanceof SnapshotNode) return { region: node.region, snapshotId: node.snapshotId };
  const region = await pickRegion(deps);
  const view = await deps.model.costs.snapshots(region);
  const completed = view.usage.filter((u) => u.snapshot.State === 'completed');
  if (completed.length === 0) {
    throw new ActionableError(vscode.l10n.t('You have no completed snapshot in {0}.', region));
  }
  const snapshotId = await deps.input().pick(
    completed.map((u) => ({
      label: snapshotLabel(u.snapshot),
      description: `${u.snapshot.SnapshotId} · ${u.snapshot.VolumeSize ?? '?'} GiB`,
      detail: u.snapshot.Description,
      value: u.snapshot.SnapshotId ?? '',
    })),
    { title: vscode.l10n.t('Snapshots in {0}', region), placeholder: vscode.l10n.t('Pick the root volume snapshot') },
  );
  return { region, snapshotId };
}
