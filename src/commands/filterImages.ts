import * as vscode from 'vscode';
import type { BadgeFilterKey } from '../ec2/imageBadgeRules';
import { BADGE_FILTERS, BADGE_FILTER_KEYS } from '../ec2/imageBadgeRules';
import type { ImageFilter } from '../ec2/imageFilter';
import { ownerGroupLabel } from '../ec2/ownerGroups';
import { nodeIds } from '../explorer/ids';
import type { CommandDeps } from './deps';
import { ownerGroupTarget } from './targets';

/**
 * Narrows an owner group: name pattern, architecture, platform, deprecated images, and badges
 * (free tier through EC2's `free-tier-eligible` filter; deprecation and last-launch times, which
 * EC2 cannot filter on, on the client). "In use" is no filter: it costs DescribeImageReferences
 * calls per image, so it is read per image ("Used by") instead.
 */
export async function filterImages(deps: CommandDeps, node?: unknown): Promise<void> {
  const { region, group } = await ownerGroupTarget(deps, node);
  const current = deps.model.filterOf(region, group) ?? {};
  const title = (step: number) => vscode.l10n.t('Filter {0} in {1} ({2}/5)', ownerGroupLabel(group), region, step);
  const input = deps.input();

  const namePattern = await input.text({
    title: title(1),
    prompt: vscode.l10n.t(
      'Image name: * and ? are wildcards, a plain word matches anywhere in the name. Leave empty for any name.',
    ),
    value: current.namePattern ?? '',
    placeholder: 'ubuntu*24.04*',
    validate: (v) => (v.length > 128 ? vscode.l10n.t('A name pattern has at most 128 characters.') : undefined),
  });
  const architecture = await input.pick<ImageFilter['architecture']>(
    [
      { label: vscode.l10n.t('Any architecture'), value: undefined, picked: !current.architecture },
      { label: 'x86_64', value: 'x86_64' },
      { label: 'arm64', description: 'Graviton', value: 'arm64' },
      { label: 'i386', value: 'i386' },
    ],
    { title: title(2), placeholder: vscode.l10n.t('Architecture') },
  );
  const platform = await input.pick<ImageFilter['platform']>(
    [
      { label: vscode.l10n.t('Any platform'), value: undefined },
      { label: 'Linux/UNIX', value: 'linux' },
      { label: 'Windows', value: 'windows' },
    ],
    { title: title(3), placeholder: vscode.l10n.t('Platform') },
  );
  const includeDeprecated = await input.pick(
    [
      { label: vscode.l10n.t('Hide deprecated images'), description: vscode.l10n.t("EC2's default"), value: false },
      { label: vscode.l10n.t('Include deprecated images'), value: true },
    ],
    { title: title(4), placeholder: vscode.l10n.t('Deprecated images') },
  );

  const badges = await input.pickMany<BadgeFilterKey>(
    BADGE_FILTER_KEYS.map((key) => ({
      label: BADGE_FILTERS[key].label(),
      description: 'ec2' in BADGE_FILTERS[key] ? vscode.l10n.t('EC2 filter') : undefined,
      value: key,
      picked: current.badges?.includes(key),
    })),
    { title: title(5), placeholder: vscode.l10n.t('Badges every image must have (none: any)') },
  );

  deps.model.setFilter(region, group, {
    namePattern: namePattern.trim() || undefined,
    architecture,
    platform,
    includeDeprecated,
    badges: badges.length ? badges : undefined,
  });
  const groupNode = deps.tree.nodeById(nodeIds.ownerGroup(region, group));
  if (groupNode) {
    deps.tree.refresh(groupNode);
  }
}
