import { errors } from '../errors';
import { requireImage } from '../models/imageAccess';
import type { MappingRequest } from '../models/imageCreateMappings';
import type { TagSpecificationRequest } from '../models/imageRules';
import type { ImageRecord, VolumeType } from '../models/types';
import type { RequestContext } from './context';
import type { QueryParams } from './query';

/** Query parameters of the image actions that are structures, read into model requests. */

/** `TagSpecification.N.ResourceType` and `TagSpecification.N.Tag.M.Key`/`.Value`. */
export function tagSpecificationsFromQuery(p: QueryParams): TagSpecificationRequest[] {
  return p.structList('TagSpecification').map((spec) => ({
    resourceType: spec.required('ResourceType'),
    tags: spec.structList('Tag').map((t) => ({ key: t.get('Key') ?? '', value: t.get('Value') ?? '' })),
  }));
}

/** `BlockDeviceMapping.N.DeviceName`, `.NoDevice`, `.VirtualName`, `.Ebs.*`. */
export function mappingsFromQuery(p: QueryParams): MappingRequest[] {
  return p.structList('BlockDeviceMapping').map((m) => {
    const out: MappingRequest = { deviceName: m.get('DeviceName') ?? '' };
    if (m.has('NoDevice')) out.noDevice = true;
    const virtualName = m.get('VirtualName');
    if (virtualName) out.virtualName = virtualName;
    const ebs = m.sub('Ebs');
    if ([...ebs.keys()].length > 0) {
      out.ebs = {
        volumeSize: ebs.int('VolumeSize'),
        volumeType: ebs.get('VolumeType') as VolumeType | undefined,
        deleteOnTermination: ebs.bool('DeleteOnTermination'),
        snapshotId: ebs.get('SnapshotId'),
        iops: ebs.int('Iops'),
        throughput: ebs.int('Throughput'),
        encrypted: ebs.bool('Encrypted'),
        kmsKeyId: ebs.get('KmsKeyId'),
      };
    }
    return out;
  });
}

/**
 * The caller's own image named by `param`: others' images answer AuthFailure (or
 * UnauthorizedOperation under DryRun, which checks permissions without acting).
 */
export function ownImage(ctx: RequestContext, param = 'ImageId'): ImageRecord {
  const image = requireImage(ctx.world, ctx.region, ctx.params.get(param), ctx.accountId, param);
  if (image.ownerId !== ctx.accountId) {
    if (ctx.params.bool('DryRun')) throw errors.unauthorized();
    throw errors.notAuthorizedForImage(image.imageId);
  }
  return image;
}
