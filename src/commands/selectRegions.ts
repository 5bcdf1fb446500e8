import * as vscode from 'vscode';
import { listRegions } from '../ec2/regions';
import { updateSetting } from '../settings';
import type { CommandDeps } from './deps';
import { withProgress } from '../notifications';

/** Picks the regions shown as roots of the tree, from the list DescribeRegions returns. */
export async function selectRegions(deps: CommandDeps): Promise<void> {
  const current = deps.settings().regions;
  const available = await withProgress(vscode.l10n.t('Listing regions…'), async () =>
    listRegions(await deps.clients().ec2(current[0] ?? 'us-east-1')),
  );
  const chosen = await deps.input().pickMany(
    available.map((region) => ({ label: region, picked: current.includes(region), value: region })),
    {
      title: vscode.l10n.t('Regions shown in AMI Explorer'),
      placeholder: vscode.l10n.t('AMIs are regional: pick the regions to browse'),
    },
  );
  await updateSetting('regions', chosen);
  deps.reconnect();
}
