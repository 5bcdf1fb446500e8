import * as vscode from 'vscode';
import { getBlockPublicAccess, setBlockPublicAccess } from '../ec2/governance';
import { RegionNode } from '../explorer/regionNodes';
import type { CommandDeps } from './deps';
import { withProgress } from '../notifications';
import { pickRegion } from './targets';

/**
 * Switches the account's "block public access for AMIs" in a region (a region row, or a region
 * picked from the palette). The pick shows the current state and what each choice means.
 */
export async function setImageBlockPublicAccess(deps: CommandDeps, node?: unknown): Promise<void> {
  const region = node instanceof RegionNode ? node.region : await pickRegion(deps);
  const ec2 = await deps.model.ec2(region);
  const current = await getBlockPublicAccess(ec2);
  const currentText = vscode.l10n.t('(current)');
  const block = await deps.input().pick(
    [
      {
        label: vscode.l10n.t('Block new public sharing'),
        description: current === 'block-new-sharing' ? currentText : undefined,
        detail: vscode.l10n.t(
          'EC2 refuses to make any of your AMIs public in {0}. AMIs that are already public stay public until you make them private.',
          region,
        ),
        value: true,
      },
      {
        label: vscode.l10n.t('Allow public sharing'),
        description: current === 'unblocked' ? currentText : undefined,
        detail: vscode.l10n.t(
          'Your AMIs can be made public again in {0} (on AWS this can take up to 10 minutes to apply).',
          region,
        ),
        value: false,
      },
    ],
    {
      title: vscode.l10n.t('Block public access for AMIs in {0}', region),
      placeholder: vscode.l10n.t('An account setting per region'),
    },
  );
  if (block === (current === 'block-new-sharing')) {
    return;
  }
  await withProgress(
    block
      ? vscode.l10n.t('Blocking public sharing of AMIs in {0}…', region)
      : vscode.l10n.t('Allowing public sharing of AMIs in {0}…', region),
    async () => {
      await setBlockPublicAccess(ec2, block);
      await deps.model.costs.reload(region);
    },
  );
}
