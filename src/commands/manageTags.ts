import type { Tag } from '@aws-sdk/client-ec2';
import * as vscode from 'vscode';
import { putTags, removeTag } from '../ec2/tags';
import { describeSnapshotsById } from '../ec2/snapshots';
import { imageSnapshots } from '../ec2/snapshotUsage';
import { ActionableError } from '../aws/errors';
import { SnapshotNode } from '../explorer/snapshotNodes';
import { checkTagKey, checkTagValue } from '../shared/validation';
import type { CommandDeps } from './deps';
import { governedImage, imageChanged } from './governanceTargets';
import { withProgress } from '../notifications';

/** EC2 allows at most 50 tags per resource. */
const MAX_TAGS = 50;

/** What is tagged: resource ids, a name for prompts, and the tags shown (the first resource's). */
interface Tagged {
  region: string;
  resourceIds: string[];
  name: string;
  tags: Tag[];
  /** The AMI whose row shows the tags, if any. */
  imageId?: string;
}

type TagAction = { kind: 'add' } | { kind: 'edit'; tag: Tag } | { kind: 'remove'; tag: Tag };

/**
 * Adds, edits or removes one tag on an owned AMI, on one of the snapshots it uses, on both at
 * once, or on a snapshot row of the Snapshots folder. EC2's tag rules are checked as the user types.
 */
export async function manageTags(deps: CommandDeps, node?: unknown): Promise<void> {
  const target = node instanceof SnapshotNode ? snapshotTarget(node) : await imageTarget(deps, node);
  const action = await deps.input().pick<TagAction>(
    [
      {
        label: vscode.l10n.t('$(add) Add a tag…'),
        description: vscode.l10n.t('{0} of {1} tags used', String(target.tags.length), String(MAX_TAGS)),
        value: { kind: 'add' },
      },
      ...target.tags.flatMap((tag) => [
        {
          label: vscode.l10n.t('$(edit) Edit "{0}"', tag.Key ?? ''),
          description: tag.Value ?? '',
          value: { kind: 'edit', tag } satisfies TagAction,
        },
        {
          label: vscode.l10n.t('$(trash) Remove "{0}"', tag.Key ?? ''),
          description: tag.Value ?? '',
          value: { kind: 'remove', tag } satisfies TagAction,
        },
      ]),
    ],
    {
      title: vscode.l10n.t('Tags of {0}', target.name),
      placeholder: target.tags.length
        ? vscode.l10n.t('Add, edit or remove a tag')
        : vscode.l10n.t('No tags yet: add one'),
    },
  );
  const ec2 = await deps.model.ec2(target.region);
  if (action.kind === 'remove') {
    const key = action.tag.Key ?? '';
    await deps.input().confirm({
      message: vscode.l10n.t('Remove the tag "{0}" from {1}?', key, target.name),
      detail: vscode.l10n.t(
        'Its value "{0}" is lost. Policies, cost allocation and automation that select resources by this tag no longer see it.',
        action.tag.Value ?? '',
      ),
      confirmLabel: vscode.l10n.t('Remove'),
    });
    await withProgress(vscode.l10n.t('Removing the tag "{0}"…', key), async () => {
      await removeTag(ec2, target.resourceIds, key);
      await afterChange(deps, target);
    });
    return;
  }
  let key = action.kind === 'edit' ? (action.tag.Key ?? '') : '';
  if (action.kind === 'add') {
    if (target.tags.length >= MAX_TAGS) {
      throw new ActionableError(
        vscode.l10n.t('{0} already has {1} tags, the most EC2 allows.', target.name, String(MAX_TAGS)),
        vscode.l10n.t('Remove a tag first.'),
      );
    }
    const existing = new Set(target.tags.map((t) => t.Key));
    key = await deps.input().text({
      title: vscode.l10n.t('New tag on {0}: key', target.name),
      prompt: vscode.l10n.t('1–128 characters; keys starting with "aws:" are reserved. Keys are case-sensitive.'),
      placeholder: 'CostCenter',
      validate: (v) =>
        checkTagKey(v) ??
        (existing.has(v) ? vscode.l10n.t('"{0}" is already set: pick "Edit" to change its value.', v) : undefined),
    });
  }
  const value = await deps.input().text({
    title: vscode.l10n.t('Tag "{0}" on {1}: value', key, target.name),
    prompt: vscode.l10n.t('At most 256 characters; may be empty.'),
    value: action.kind === 'edit' ? (action.tag.Value ?? '') : '',
    validate: checkTagValue,
  });
  await withProgress(vscode.l10n.t('Tagging {0}…', target.name), async () => {
    await putTags(ec2, target.resourceIds, [{ key, value }]);
    await afterChange(deps, target);
  });
}

function snapshotTarget(node: SnapshotNode): Tagged {
  return { region: node.region, resourceIds: [node.snapshotId], name: node.snapshotId, tags: node.snapshot.Tags ?? [] };
}

async function imageTarget(deps: CommandDeps, node: unknown): Promise<Tagged> {
  const { region, image } = await governedImage(deps, node, () => undefined, vscode.l10n.t('You own no AMI'));
  const imageId = image.ImageId ?? '';
  const snapshotIds = imageSnapshots(image).map((s) => s.snapshotId);
  if (snapshotIds.length === 0) {
    return { region, resourceIds: [imageId], name: imageId, tags: image.Tags ?? [], imageId };
  }
  const snapshots = await describeSnapshotsById(await deps.model.ec2(region), snapshotIds);
  const choices: { label: string; description?: string; value: Tagged }[] = [
    {
      label: vscode.l10n.t('The AMI {0}', imageId),
      description: tagSummary(image.Tags),
      value: { region, resourceIds: [imageId], name: imageId, tags: image.Tags ?? [], imageId },
    },
    ...snapshots.map((s) => ({
      label: vscode.l10n.t('Its snapshot {0}', s.SnapshotId ?? ''),
      description: `${s.VolumeSize ?? '?'} GiB · ${tagSummary(s.Tags)}`,
      value: { region, resourceIds: [s.SnapshotId ?? ''], name: s.SnapshotId ?? '', tags: s.Tags ?? [], imageId },
    })),
    {
      label:
        snapshots.length === 1
          ? vscode.l10n.t('The AMI and its snapshot')
          : vscode.l10n.t('The AMI and its {0} snapshots', String(snapshots.length)),
      description: vscode.l10n.t("adds, edits or removes the tag on all of them (the AMI's tags are listed)"),
      value: {
        region,
        resourceIds: [imageId, ...snapshots.map((s) => s.SnapshotId ?? '')],
        name: vscode.l10n.t('{0} and its snapshots', imageId),
        tags: image.Tags ?? [],
        imageId,
      },
    },
  ];
  return deps.input().pick(choices, {
    title: vscode.l10n.t('Manage tags of {0}', imageId),
    placeholder: vscode.l10n.t('Which resource?'),
  });
}

function tagSummary(tags: Tag[] | undefined): string {
  return tags?.length ? tags.map((t) => `${t.Key}=${t.Value ?? ''}`).join(', ') : vscode.l10n.t('no tags');
}

async function afterChange(deps: CommandDeps, target: Tagged): Promise<void> {
  if (target.imageId) {
    await imageChanged(deps, target.region, target.imageId);
  } else {
    await deps.model.costs.reload(target.region);
  }
}
