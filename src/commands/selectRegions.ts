import * as vscode from 'vscode';
import { listRegions } from '../ec2/regions';
import { updateSetting } from '../settings';
import type { CommandDeps } from './deps';
import { withProgress } from '../notifications';

/**
 * Picks the regions shown as roots of the tree, from the list DescribeRegions returns, or "All
 * enabled regions", which follows the account (a region enabled later appears on the next load).
 */
export async function selectRegions(deps: CommandDeps): Promise<void> {
  const settings = deps.settings();
  const current = settings.regions;
  const available = await withProgress(vscode.l10n.t('Listing regions…'), async () =>
    listRegions(await deps.clients().ec2(current[0] ?? 'us-east-1')),
  );
  const chosen = await deps.input().pickMany<string>(
    [
      {
        label: vscode.l10n.t('All enabled regions'),
        description: vscode.l10n.t('every region enabled for the account, asked of EC2 when the tree loads'),
        picked: settings.allRegions,
        value: ALL,
      },
      ...available.map((region) => ({
        label: region,
        picked: !settings.allRegions && current.includes(region),
        value: region,
      })),
    ],
    {
      title: vscode.l10n.t('Regions shown in AMI Explorer'),
      placeholder: vscode.l10n.t('AMIs are regional: pick the regions to browse'),
    },
  );
  await updateSetting('regions', chosen.includes(ALL) ? 'all' : chosen);
  deps.reconnect();
}

/** The pick that stands for every enabled region (no region is named with a space). */
const ALL = 'all regions';
