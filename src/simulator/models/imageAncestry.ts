import type { World } from '../world';
import { isVisibleTo, requireImage } from './imageAccess';
import type { ImageRecord } from './types';

/**
 * GetImageAncestry: the chain from an AMI to its root, following SourceImageId/SourceImageRegion
 * (recorded by CreateImage and CopyImage). The chain stops at the first source the caller cannot
 * see (another account's private AMI, a deregistered one, or one the simulator never had): that
 * last entry still names its source. What EC2 does there is not documented in the reference
 * (unverified); the depth cap is the simulator's guard, not a documented EC2 limit (unverified).
 */
export const MAX_ANCESTRY_DEPTH = 50;

export interface AncestryEntry {
  creationDate: number;
  imageId: string;
  imageOwnerAlias?: string;
  sourceImageId?: string;
  sourceImageRegion?: string;
}

export function getImageAncestry(
  world: World,
  r: { accountId: string; region: string; imageId?: string },
  dryRun: () => void,
): AncestryEntry[] {
  const start = requireImage(world, r.region, r.imageId, r.accountId);
  dryRun();
  const out: AncestryEntry[] = [];
  const seen = new Set<string>();
  let image: ImageRecord | undefined = start;
  while (image && out.length < MAX_ANCESTRY_DEPTH && !seen.has(image.imageId)) {
    seen.add(image.imageId);
    out.push(entry(image));
    image = parentOf(world, image, r.accountId);
  }
  return out;
}

function parentOf(world: World, image: ImageRecord, accountId: string): ImageRecord | undefined {
  if (!image.sourceImageId || !image.sourceImageRegion) return undefined;
  if (!world.state.regions[image.sourceImageRegion]) return undefined;
  const parent = world.findImage(image.sourceImageRegion, image.sourceImageId);
  if (!parent || parent.state === 'deregistered' || !isVisibleTo(parent, accountId)) return undefined;
  return parent;
}

function entry(image: ImageRecord): AncestryEntry {
  const e: AncestryEntry = { creationDate: image.creationDate, imageId: image.imageId };
  if (image.imageOwnerAlias) e.imageOwnerAlias = image.imageOwnerAlias;
  if (image.sourceImageId) e.sourceImageId = image.sourceImageId;
  if (image.sourceImageRegion) e.sourceImageRegion = image.sourceImageRegion;
  return e;
}
