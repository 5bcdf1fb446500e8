import type { World } from '../world';
import { imageAllowedFor } from './allowedImages';
import { compileFilters, type FilterDefinitions, type FilterRequest } from './filters';
import { isInstanceVisible, requireInstanceIdFormat, requireInstances } from './instanceAccess';
import { checkPageRequest, paginate, type PageRequest } from './paging';
import type { ImageRecord, InstanceRecord } from './types';

/**
 * DescribeInstanceImageMetadata: the AMI each of the caller's instances was launched from,
 * "even if the AMI is deprecated, deregistered, made private …, or not allowed" (API reference),
 * with the caller's Allowed AMIs verdict, so users find instances running not-allowed AMIs.
 */

export interface InstanceImageMetadata {
  instance: InstanceRecord;
  /** Absent once the simulator no longer has the image at all: only its id is known then. */
  image?: ImageRecord;
  /** Absent with the image (unverified what EC2 answers for an image it no longer has). */
  imageAllowed?: boolean;
}

export interface DescribeInstanceImageMetadataRequest extends PageRequest {
  instanceIds: string[];
  filters: FilterRequest[];
}

/** The filters the API reference lists for DescribeInstanceImageMetadata. */
export const INSTANCE_IMAGE_METADATA_FILTERS: FilterDefinitions<InstanceImageMetadata> = {
  exact: {
    'availability-zone': (m) => m.instance.availabilityZone,
    'instance-id': (m) => m.instance.instanceId,
    'image-allowed': (m) => (m.imageAllowed === undefined ? undefined : String(m.imageAllowed)),
    'instance-state-name': (m) => m.instance.state,
    'instance-type': (m) => m.instance.instanceType,
    'launch-time': (m) => new Date(m.instance.launchTime).toISOString(),
    'owner-alias': (m) => m.image?.imageOwnerAlias,
    // The reference pairs it with owner-alias and the Owner parameter: the AMI's owner (unverified).
    'owner-id': (m) => m.image?.ownerId,
    'tag-key': (m) => m.instance.tags.map((t) => t.key),
  },
  prefixed: {
    'tag:': (key) => (m) => m.instance.tags.find((t) => t.key === key)?.value,
  },
};

export function validateInstanceImageMetadata(r: DescribeInstanceImageMetadataRequest): void {
  for (const id of r.instanceIds) requireInstanceIdFormat(id);
  // Bounds: the reference gives only the default (1000); the minimum of 1 is unverified.
  checkPageRequest('instance-image-metadata', r, 1, 1000);
  compileFilters(r.filters, INSTANCE_IMAGE_METADATA_FILTERS);
}

export function describeInstanceImageMetadata(
  world: World,
  region: string,
  accountId: string,
  r: DescribeInstanceImageMetadataRequest,
) {
  validateInstanceImageMetadata(r);
  const now = world.clock.now();
  const instances =
    r.instanceIds.length > 0
      ? requireInstances(world, region, accountId, r.instanceIds)
      : Object.values(world.region(region).instances).filter((i) => isInstanceVisible(i, accountId, now));
  const allowed = imageAllowedFor(world, region, accountId);
  const filter = compileFilters(r.filters, INSTANCE_IMAGE_METADATA_FILTERS);
  const rows: InstanceImageMetadata[] = [];
  for (const instance of instances) {
    const image = world.findImage(region, instance.imageId);
    const row = { instance, image, imageAllowed: image ? allowed(image) : undefined };
    if (!filter || filter(row)) rows.push(row);
  }
  return paginate('instance-image-metadata', rows, (m) => m.instance.instanceId, r);
}
