import * as l10n from '@vscode/l10n';
import type {
  CopyImageCommandInput,
  CreateImageCommandInput,
  DescribeImagesCommandInput,
  EC2Client,
  Image,
} from '@aws-sdk/client-ec2';
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
  const { paginateDescribeImages } = await loadSdk();
  const images: Image[] = [];
  let token = nextToken;
  let requests = 0;
  for await (const out of paginateDescribeImages({ client: ec2 }, describeImagesInput(query, nextToken))) {
    for (const image of out.Images ?? []) {
      if (belongsToGroup(query.group, image, query.accountId) && matchesClientSide(query.filter, image)) {
        images.push(image);
      }
    }
    token = out.NextToken || undefined;
    if (++requests >= MAX_REQUESTS_PER_PAGE || images.length >= clampPageSize(query.pageSize)) {
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
  const { paginateDescribeImages } = await loadSdk();
  const found = new Map<string, Image>();
  const unique = [...new Set(imageIds)];
  for (let i = 0; i < unique.length; i += 100) {
    const input = {
      Filters: [{ Name: 'image-id', Values: unique.slice(i, i + 100) }],
      IncludeDeprecated: true,
      IncludeDisabled: true,
    };
    for await (const out of paginateDescribeImages({ client: ec2 }, input)) {
      for (const image of out.Images ?? []) {
        if (image.ImageId) {
          found.set(image.ImageId, image);
        }
      }
    }
  }
  return found;
}

/**
 * Every AMI the caller owns (deprecated ones always: EC2 lists them to their owner). Disabled ones
 * only when asked: they still hold their snapshots, but cannot be shared. Stops after `atMost`.
 */
export async function listOwnImages(
  ec2: EC2Client,
  options: { includeDisabled: boolean; atMost?: number },
): Promise<Image[]> {
  const { paginateDescribeImages } = await loadSdk();
  const input: DescribeImagesCommandInput = { Owners: ['self'], MaxResults: 1000 };
  if (options.includeDisabled) {
    Object.assign(input, { IncludeDeprecated: true, IncludeDisabled: true });
  }
  const images: Image[] = [];
  for await (const out of paginateDescribeImages({ client: ec2 }, input)) {
    images.push(...(out.Images ?? []));
    if (options.atMost !== undefined && images.length >= options.atMost) {
      break;
    }
  }
  return images;
}

/** CreateImage; the new image is `pending` until EC2 has snapshotted every volume. */
export async function createImage(ec2: EC2Client, input: CreateImageCommandInput): Promise<string> {
  const { CreateImageCommand } = await loadSdk();
  return newImageId(await ec2.send(new CreateImageCommand(input)), 'CreateImage');
}

/** CopyImage, sent to the destination region's client; resolves with the new image id. */
export async function copyImage(ec2: EC2Client, input: CopyImageCommandInput): Promise<string> {
  const { CopyImageCommand } = await loadSdk();
  return newImageId(await ec2.send(new CopyImageCommand(input)), 'CopyImage');
}

/**
 * RegisterImage of an EBS-backed HVM image whose root volume (`rootDeviceName`) comes from a
 * snapshot the caller owns. Architecture and virtualization are always sent: EC2's defaults
 * (i386, paravirtual) are not what a modern root volume needs.
 */
export async function registerImageFromSnapshot(
  ec2: EC2Client,
  input: { name: string; architecture: 'x86_64' | 'arm64' | 'i386'; snapshotId: string; rootDeviceName: string },
): Promise<string> {
  const { RegisterImageCommand } = await loadSdk();
  const out = await ec2.send(
    new RegisterImageCommand({
      Name: input.name,
      Architecture: input.architecture,
      VirtualizationType: 'hvm',
      EnaSupport: true,
      RootDeviceName: input.rootDeviceName,
      BlockDeviceMappings: [{ DeviceName: input.rootDeviceName, Ebs: { SnapshotId: input.snapshotId } }],
    }),
  );
  return newImageId(out, 'RegisterImage');
}

/** The id of the image an action created; EC2 always returns one when the call succeeds. */
function newImageId(out: { ImageId?: string }, action: string): string {
  if (!out.ImageId) {
    throw new Error(l10n.t('EC2 accepted {0} but returned no image id.', action));
  }
  return out.ImageId;
}

export async function deregisterImage(ec2: EC2Client, imageId: string): Promise<void> {
  const { DeregisterImageCommand } = await loadSdk();
  await ec2.send(new DeregisterImageCommand({ ImageId: imageId }));
}

/** States a polled image can leave by itself. */
export function isImageSettled(image: Image | undefined): boolean {
  return image?.State !== 'pending';
}
