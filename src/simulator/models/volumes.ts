import { errors } from '../errors';
import type { World } from '../world';
import { compileFilters, type FilterDefinitions, type FilterRequest } from './filters';
import { checkPageRequest, describeCandidates, paginate, type PageRequest } from './paging';
import type { VolumeRecord } from './types';

/** EBS volumes of the caller: DescribeVolumes with EC2's filters and paging. */

const VOLUME_ID = /^vol-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;

export function checkVolumeId(id: string): void {
  if (!VOLUME_ID.test(id)) throw errors.volumeMalformed(id);
}

const VOLUME_FILTERS: FilterDefinitions<VolumeRecord> = {
  exact: {
    'volume-id': (v) => v.volumeId,
    'volume-type': (v) => v.volumeType,
    size: (v) => String(v.size),
    status: (v) => v.state,
    'snapshot-id': (v) => v.snapshotId,
    'availability-zone': (v) => v.availabilityZone,
    encrypted: (v) => String(v.encrypted),
    'create-time': (v) => new Date(v.createTime).toISOString(),
    'attachment.instance-id': (v) => v.attachment?.instanceId,
    'attachment.device': (v) => v.attachment?.device,
    'attachment.status': (v) => (v.attachment ? 'attached' : undefined),
    'attachment.delete-on-termination': (v) => (v.attachment ? String(v.attachment.deleteOnTermination) : undefined),
    'attachment.attach-time': (v) => (v.attachment ? new Date(v.attachment.attachTime).toISOString() : undefined),
    'tag-key': (v) => v.tags.map((t) => t.key),
    'tag-value': (v) => v.tags.map((t) => t.value),
  },
  prefixed: { 'tag:': (key) => (v) => v.tags.find((t) => t.key === key)?.value },
};

export interface DescribeVolumesRequest extends PageRequest {
  volumeIds: string[];
  filters: FilterRequest[];
}

export function validateDescribeVolumes(r: DescribeVolumesRequest): void {
  for (const id of r.volumeIds) checkVolumeId(id);
  checkPageRequest('volumes', r, 5, 500, { name: 'volumeIds', count: r.volumeIds.length });
  compileFilters(r.filters, VOLUME_FILTERS);
}

export function describeVolumes(world: World, region: string, accountId: string, r: DescribeVolumesRequest) {
  validateDescribeVolumes(r);
  const state = world.region(region);
  const filter = compileFilters(r.filters, VOLUME_FILTERS);
  const candidates = describeCandidates(
    r.volumeIds,
    state.volumes,
    (v) => v.ownerId === accountId,
    errors.volumeNotFound,
  );
  return paginate(
    'volumes',
    candidates.filter((v) => !filter || filter(v)),
    (v) => v.volumeId,
    r,
    500,
  );
}
