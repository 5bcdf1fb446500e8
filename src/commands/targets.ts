import type { Image, Instance } from '@aws-sdk/client-ec2';
import * as vscode from 'vscode';
import type { OwnerGroup } from '../ec2/ownerGroups';
import { ownerGroupLabel, OWNER_GROUPS } from '../ec2/ownerGroups';
import { instanceName } from '../ec2/instances';
import { ActionableError } from '../aws/errors';
import { ImageNode, OwnerGroupNode } from '../explorer/imageNodes';
import { InstanceNode } from '../explorer/instanceNodes';
import { imageLabel } from '../explorer/presentation';
import type { CommandDeps } from './deps';
import { CancelledError } from './userInput';

/**
 * The resource a command acts on: the node it was invoked on, or (from the palette) what the
 * user picks. Commands accept only the node kinds they are meant for.
 */
export interface InstanceTarget {
  region: string;
  instance: Instance;
}

export interface ImageTarget {
  region: string;
  image: Image;
}

export interface OwnerGroupTarget {
  region: string;
  group: OwnerGroup;
}

export async function pickRegion(deps: CommandDeps): Promise<string> {
  const regions = deps.settings().regions;
  if (regions.length === 0) {
    throw new ActionableError(
      vscode.l10n.t('No region is selected.'),
      vscode.l10n.t('Run "AMI Explorer: Select Regions…" first.'),
    );
  }
  if (regions.length === 1) {
    return regions[0];
  }
  return deps.input().pick(
    regions.map((r) => ({ label: r, value: r })),
    { title: vscode.l10n.t('Region'), placeholder: vscode.l10n.t('Pick a region') },
  );
}

/** The instance of a node, or one the user picks among those `accept` allows. */
export async function instanceTarget(
  deps: CommandDeps,
  node: unknown,
  accept: (instance: Instance) => boolean,
  noneMessage: string,
): Promise<InstanceTarget> {
  if (node instanceof InstanceNode) {
    return { region: node.region, instance: node.instance };
  }
  const region = await pickRegion(deps);
  const { instances } = await deps.model.instances(region);
  const candidates = instances.filter(accept);
  if (candidates.length === 0) {
    throw new ActionableError(vscode.l10n.t('{0} in {1}.', noneMessage, region));
  }
  const instance = await deps.input().pick(
    candidates.map((i) => ({
      label: instanceName(i) ?? i.InstanceId ?? '',
      description: [instanceName(i) ? i.InstanceId : undefined, i.State?.Name, i.InstanceType]
        .filter(Boolean)
        .join(' · '),
      value: i,
    })),
    { title: vscode.l10n.t('Instance in {0}', region), placeholder: vscode.l10n.t('Pick an instance') },
  );
  return { region, instance };
}

export async function ownerGroupTarget(deps: CommandDeps, node: unknown): Promise<OwnerGroupTarget> {
  if (node instanceof OwnerGroupNode) {
    return { region: node.region, group: node.group };
  }
  const region = await pickRegion(deps);
  const group = await deps.input().pick(
    OWNER_GROUPS.map((g) => ({ label: ownerGroupLabel(g), value: g })),
    { title: vscode.l10n.t('Images in {0}', region), placeholder: vscode.l10n.t('Pick an owner group') },
  );
  return { region, group };
}

/** The image of a node, or one the user picks from the loaded first pages of a group. */
export async function imageTarget(deps: CommandDeps, node: unknown): Promise<ImageTarget> {
  if (node instanceof ImageNode) {
    return { region: node.region, image: node.image };
  }
  const { region, group } = await ownerGroupTarget(deps, undefined);
  const pages = await deps.model.ownerGroup(region, group);
  const images = pages.flatMap((p) => p.images);
  if (images.length === 0) {
    throw new ActionableError(vscode.l10n.t('{0} has no images in {1}.', ownerGroupLabel(group), region));
  }
  const image = await deps.input().pick(
    images.map((i) => ({
      label: imageLabel(i),
      description: [i.ImageId, i.Architecture, i.State].join(' · '),
      value: i,
    })),
    {
      title: vscode.l10n.t('{0} in {1}', ownerGroupLabel(group), region),
      placeholder: vscode.l10n.t('Pick an image'),
    },
  );
  return { region, image };
}

/** How a command names an instance to the user: `"web-1" (i-0abc…)` or the id alone. */
export function describeInstance(instance: Instance): string {
  const name = instanceName(instance);
  return name ? `"${name}" (${instance.InstanceId})` : (instance.InstanceId ?? '');
}

/** The caller's images in a region, from the loaded pages of "Owned by me". */
async function ownedImagesIn(deps: CommandDeps, region: string): Promise<Image[]> {
  const images = (await deps.model.ownerGroup(region, 'self')).flatMap((p) => p.images);
  if (images.length === 0) {
    throw new ActionableError(
      vscode.l10n.t('You own no AMI in {0}.', region),
      vscode.l10n.t('Create one from an instance with "Create Image…".'),
    );
  }
  return images;
}

function pickImageItem(image: Image) {
  return {
    label: imageLabel(image),
    description: [image.ImageId, image.Architecture, image.State].join(' · '),
    value: image,
  };
}

async function ensureOwned(deps: CommandDeps, node: ImageNode): Promise<void> {
  if (node.image.OwnerId !== (await deps.model.accountId())) {
    throw new ActionableError(
      vscode.l10n.t('AMI {0} belongs to account {1}.', node.imageId, node.image.OwnerId ?? '?'),
      vscode.l10n.t('Only the owner of an AMI can change or deregister it.'),
    );
  }
}

/** An image the caller owns: the node's, or one the user picks among "Owned by me". */
export async function ownedImageTarget(deps: CommandDeps, node: unknown): Promise<ImageTarget> {
  if (node instanceof ImageNode) {
    await ensureOwned(deps, node);
    return { region: node.region, image: node.image };
  }
  const region = await pickRegion(deps);
  const images = await ownedImagesIn(deps, region);
  const image = await deps.input().pick(images.map(pickImageItem), {
    title: vscode.l10n.t('Owned by me in {0}', region),
    placeholder: vscode.l10n.t('Pick an image'),
  });
  return { region, image };
}

/**
 * Images the caller owns in one region: the rows selected in the tree (when the command was
 * invoked on one of them), the node alone, or those the user picks among "Owned by me".
 */
export async function ownedImagesTarget(
  deps: CommandDeps,
  node: unknown,
  selection: unknown,
): Promise<{ region: string; images: Image[] }> {
  if (node instanceof ImageNode) {
    const nodes = sameKindSelection(node, selection, ImageNode);
    for (const n of nodes) {
      await ensureOwned(deps, n);
    }
    return { region: node.region, images: nodes.map((n) => n.image) };
  }
  const region = await pickRegion(deps);
  const images = await ownedImagesIn(deps, region);
  const picked = await deps.input().pickMany(images.map(pickImageItem), {
    title: vscode.l10n.t('Owned by me in {0}', region),
    placeholder: vscode.l10n.t('Pick the images'),
  });
  if (picked.length === 0) {
    throw new CancelledError();
  }
  return { region, images: picked };
}

/**
 * The rows a command acts on when it was invoked on `node`: the tree's selection when `node` is
 * part of it, keeping only rows of the node's kind and region; otherwise the node alone.
 */
export function sameKindSelection<N extends { readonly region: string }>(
  node: N,
  selection: unknown,
  kind: abstract new (...args: never[]) => N,
): N[] {
  const selected: unknown[] = Array.isArray(selection) && selection.includes(node) ? selection : [node];
  return selected.filter((n): n is N => n instanceof kind && n.region === node.region);
}
