import type { EC2Client, Image } from '@aws-sdk/client-ec2';
import { loadSdk } from '../aws/sdk';
import type { AncestryEntryView, DerivedImageView } from '../shared/imageLineage';
import { MAX_DERIVED_DEPTH, MAX_DERIVED_IMAGES } from '../shared/imageLineage';
import { imageAncestry } from './imageReferences';

/** The chain from an image to its root, each entry with the region it lives in. */
export async function ancestryOf(ec2: EC2Client, region: string, imageId: string): Promise<AncestryEntryView[]> {
  const entries = await imageAncestry(ec2, imageId);
  let at = region;
  return entries.map((e) => {
    const view: AncestryEntryView = {
      imageId: e.ImageId ?? '',
      region: at,
      ownerAlias: e.ImageOwnerAlias || undefined,
      creationDate: e.CreationDate instanceof Date ? e.CreationDate.toISOString() : e.CreationDate,
    };
    at = e.SourceImageRegion ?? at;
    return view;
  });
}

/** Source image ids per `source-image-id` filter (EC2's filter-value limit is 200). */
const SOURCES_PER_CALL = 100;

/**
 * The caller's images in this region built from `imageId`, then those built from them, and so on,
 * breadth first (DescribeImages, Owners self, filter `source-image-id`, deprecated and disabled
 * ones included): at most `maxDepth` generations and `maxImages` images.
 */
export async function derivedImagesOf(
  ec2: EC2Client,
  region: string,
  imageId: string,
  now: number,
  maxDepth = MAX_DERIVED_DEPTH,
  maxImages = MAX_DERIVED_IMAGES,
): Promise<{ images: DerivedImageView[]; truncated: boolean }> {
  const { paginateDescribeImages } = await loadSdk();
  const out: DerivedImageView[] = [];
  const seen = new Set([imageId]);
  let generation = [imageId];
  for (let depth = 1; generation.length > 0; depth++) {
    if (depth > maxDepth) return { images: out, truncated: true };
    const next: string[] = [];
    for (let i = 0; i < generation.length; i += SOURCES_PER_CALL) {
      const input = {
        Owners: ['self'],
        IncludeDeprecated: true,
        IncludeDisabled: true,
        Filters: [
          { Name: 'source-image-id', Values: generation.slice(i, i + SOURCES_PER_CALL) },
          { Name: 'source-image-region', Values: [region] },
        ],
      };
      for await (const page of paginateDescribeImages({ client: ec2 }, input)) {
        for (const image of page.Images ?? []) {
          if (!image.ImageId || seen.has(image.ImageId)) continue;
          if (out.length >= maxImages) return { images: out, truncated: true };
          seen.add(image.ImageId);
          next.push(image.ImageId);
          out.push(derivedView(image, region, depth, now));
        }
      }
    }
    generation = next;
  }
  return { images: out, truncated: false };
}

function derivedView(image: Image, region: string, depth: number, now: number): DerivedImageView {
  const deprecationAt = image.DeprecationTime ? Date.parse(image.DeprecationTime) : NaN;
  return {
    imageId: image.ImageId ?? '',
    name: image.Name,
    region,
    sourceImageId: image.SourceImageId ?? '',
    depth,
    deprecated: Number.isFinite(deprecationAt) && deprecationAt <= now,
  };
}
