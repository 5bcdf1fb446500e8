import * as vscode from 'vscode';
import { inUseWarning, launchTemplateText } from '../shared/imageUsage';
import { nodeIds } from '../explorer/ids';
import { CancelledError } from './userInput';
import type { CommandDeps } from './deps';

type Choice = { kind: 'proceed' } | { kind: 'reveal'; instanceId: string } | { kind: 'copy'; id: string };

/**
 * The "Used by" pre-check of a command that stops an AMI from launching (Disable): when launch
 * templates, Auto Scaling groups or other resources still launch it, the user must pick
 * "… anyway" in a list that names each of them (picking an instance reveals it, a template copies
 * its id, and both stop the command). An endpoint that cannot tell does not block; the log says so.
 */
export async function confirmNotInUse(
  deps: CommandDeps,
  region: string,
  imageId: string,
  action: 'disabling',
  proceedLabel: string,
): Promise<void> {
  const view = (await deps.insights.usage(region, [imageId])).get(imageId);
  if (!view?.available) {
    if (view) deps.log.warn(`Could not check who uses ${imageId}: ${view.reason}`);
    return;
  }
  const u = view.usage;
  const warning = inUseWarning(u, action);
  if (!warning) return;
  const choice = await deps.input().pick<Choice>(
    [
      { label: `$(warning) ${proceedLabel}`, detail: warning, value: { kind: 'proceed' } },
      ...u.launchTemplates.map((t) => ({
        label: `$(file-code) ${launchTemplateText(t)}`,
        description: t.launchTemplateId,
        detail: vscode.l10n.t('Launch template: pick to copy its id'),
        value: { kind: 'copy' as const, id: t.launchTemplateId },
      })),
      ...u.autoScalingGroups.map((g) => ({
        label: `$(layers) ${g.name}`,
        description: `${g.launchTemplateId} ${g.launchTemplateVersion ?? '$Default'}`,
        detail: vscode.l10n.t('Auto Scaling group'),
        value: { kind: 'copy' as const, id: g.launchTemplateId },
      })),
      ...u.instances.map((id) => ({
        label: `$(vm) ${id}`,
        detail: vscode.l10n.t('Instance launched from it: pick to reveal it'),
        value: { kind: 'reveal' as const, instanceId: id },
      })),
    ],
    { title: warning, placeholder: vscode.l10n.t('Pick "{0}" to go on, or a resource to see it', proceedLabel) },
  );
  if (choice.kind === 'proceed') return;
  if (choice.kind === 'copy') await vscode.env.clipboard.writeText(choice.id);
  else {
    const node = await deps.tree.resolve(nodeIds.instance(region, choice.instanceId));
    if (node) await deps.selectInTree(node);
  }
  throw new CancelledError();
}
