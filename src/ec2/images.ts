import type { DescribeImagesCommandInput, EC2Client, Image } from '@aws-sdk/client-ec2';
import { loadSdk } from '../aws/sdk';
import type { ImageFilter } from './imageFilter';
import { matchesClientSide, toEc2Filters } from './imageFilter';
import type { OwnerGroup, RootDeviceType } from './ownerGroups';
import { belongsToGroup, groupSelection } from './ownerGroups';

/** One group of the tree: an owner group narrowed to one root-device type and an optional filter. */
export interface ImageQuery {
  group: OwnerGroup;
  rootDeviceType: RootDeviceType;
  filter?: ImageFilter;
  /** Images per page (EC2 accepts MaxResults 5–1000). */
  pageSize: number;
  /** The caller's account, for the client-side part of the group selection. */
  accountId: string;
}

export interface ImagePage {
  images: Image[];
  /** Present when EC2 has more: pass it back to get the next page. */
  nextToken?: string;
}

/** When client-side filtering drops most of a page, at most this many requests fill one page. */
const MAX_REQUESTS_PER_PAGE = 5;

export function clampPageSize(size: number): number {
  return Math.min(1000, Math.max(5, Math.floor(Number.isFinite(size) ? size : 50)));
}

/** The DescribeImages request for one page of a group: the whole selection happens server-side where EC2 allows. */
export function describeImagesInput(query: ImageQuery, nextToken?: string): DescribeImagesCommandInput {
  const selection = groupSelection(query.group);
  return {
    ...selection,
    Filters: [
      ...(selection.Filters ?? []),
      { Name: 'root-device-type', Values: [query.rootDeviceType] },
      ...toEc2Filters(query.filter),
    ],
    IncludeDeprecated: query.filter?.includeDeprecated ? true : undefined,
    // EC2 lists a disabled AMI only to its owner and only when asked: "Owned by me" must show it, or it could never be re-enabled.
    IncludeDisabled: query.group === 'self' ? true : undefined,
    MaxResults: clampPageSize(query.pageSize),
    NextToken: nextToken,
  };
}

/** One page of a group, sorted by name. Never lists a catalog unpaged. */
export async function listImagePage(ec2: EC2Client, query: ImageQuery, nextToken?: string): Promise<ImagePage> {
  const { DescribeImagesCommand } = await loadSdk();
  const images: Image[] = [];
  let token = nextToken;
  for (let request = 0; request < MAX_REQUESTS_PER_PAGE; request++) {
    const out = await ec2.send(new DescribeImagesCommand(describeImagesInput(query, token)));
    for (const image of out.Images ?? []) {
      if (belongsToGroup(query.group, image, query.accountId) && matchesClientSide(query.filter, image)) {
        images.push(image);
      }
    }
    token = out.NextToken || undefined;
    if (!token || images.length >= clampPageSize(query.pageSize)) {
      break;
    }
  }
  images.sort(compareImages);
  return { images, nextToken: token };
}

export function compareImages(a: Image, b: Image): number {
  const byName = (a.Name ?? a.ImageId ?? '').localeCompare(b.Name ?? b.ImageId ?? '', undefined, {
    sensitivity: 'base',
  });
  return byName !== 0 ? byName : (a.ImageId ?? '').localeCompare(b.ImageId ?? '');
}

/**
 * Images by id, deprecated and disabled ones included. Uses the `image-id` filter rather than
 * `ImageIds`, because EC2 fails the whole call for one unknown id; a missing entry means gone.
 */
export async function describeImagesById(ec2: EC2Client, imageIds: readonly string[]): Promise<Map<string, Image>> {
  const { DescribeImagesCommand } = await loadSdk();
  const found = new Map<string, Image>();
  const unique = [...new Set(imageIds)];
  for (let i = 0; i < unique.length; i += 100) {
    const chunk = unique.slice(i, i + 100);
    let token: string | undefined;
    do {
      const out = await ec2.send(
        new DescribeImagesCommand({
          Filters: [{ Name: 'image-id', Values: chunk }],
          IncludeDeprecated: true,
          IncludeDisabled: true,
          NextToken: token,
        }),
      );
      for (const image of out.Images ?? []) {
        if (image.ImageId) {
          found.set(image.ImageId, image);
        }
      }
      token = out.NextToken || undefined;
    } while (token);
  }
  return found;
}

/** What "Create Image" asks for. */
export interface CreateImageRequest {
  instanceId: string;
  name: string;
  description?: string;
  /** True: the instance keeps running and the image is only crash-consistent. */
  noReboot: boolean;
}

/** Starts CreateImage; the image is `pending` until EC2 has snapshotted every volume. */
export async function createImage(ec2: EC2Client, request: CreateImageRequest): Promise<string> {
  const { CreateImageCommand } = await loadSdk();
  const out = await ec2.send(
    new CreateImageCommand({
      InstanceId: request.instanceId,
      Name: request.name,
      Description: request.description || undefined,
      NoReboot: request.noReboot,
    }),
  );
  if (!out.ImageId) {
    throw new Error('EC2 accepted CreateImage but returned no image id.');
  }
  return out.ImageId;
}

/** States a polled image can leave by itself. */
export function isImageSettled(image: Image | undefined): boolean {
  return image?.State !== 'pending';
}
