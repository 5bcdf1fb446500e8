import * as vscode from 'vscode';
import type { Image } from '@aws-sdk/client-ec2';
import type { OwnerGroup, RootDeviceType } from '../ec2/ownerGroups';
import { ownerGroupLabel, OWNER_GROUPS, ROOT_DEVICE_TYPES } from '../ec2/ownerGroups';
import { ActionableError } from '../aws/errors';
import { nodeIds } from '../explorer/ids';
import { imageDescription, imageLabel } from '../explorer/presentation';
import type { CommandDeps } from './deps';

interface Found {
  region: string;
  group: OwnerGroup;
  rootType: RootDeviceType;
  image: Image;
}

/**
 * "Find AMI…": a quick pick over every image the tree has loaded, filtered as the user types (by
 * name, id, date or architecture), that reveals the chosen one in the tree. Finding among images
 * not loaded yet is Filter Images… on an owner group (a server-side name filter).
 */
export async function findImage(deps: CommandDeps): Promise<void> {
  const found: Found[] = [];
  for (const region of deps.settings().regions)
    for (const group of OWNER_GROUPS)
      for (const rootType of ROOT_DEVICE_TYPES)
        for (const image of deps.model.peekGroup(region, group, rootType)?.images ?? [])
          found.push({ region, group, rootType, image });
  if (found.length === 0) {
    throw new ActionableError(
      vscode.l10n.t('No images are loaded yet.'),
      vscode.l10n.t('Expand an owner group in the AMIs view, or use Filter Images… on it to search EC2 by name.'),
    );
  }
  const now = Date.now();
  const chosen = await deps.input().pick(
    found.map((f) => ({
      label: imageLabel(f.image),
      description: imageDescription(f.image, now),
      detail: `${f.region} · ${ownerGroupLabel(f.group)}`,
      value: f,
    })),
    {
      title: vscode.l10n.t('Find AMI ({0} loaded)', found.length),
      placeholder: vscode.l10n.t('Type part of a name, an id, a date or an architecture'),
    },
  );
  const target = await deps.tree.resolve(
    nodeIds.image(chosen.region, chosen.group, chosen.rootType, chosen.image.ImageId ?? ''),
  );
  if (target) await deps.selectInTree(target);
}
