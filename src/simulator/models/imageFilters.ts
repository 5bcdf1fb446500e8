import type { FieldGetter, FilterDefinitions } from './filters';
import { isPublic } from './imageAccess';
import type { BlockDeviceMapping, ImageRecord } from './types';

/**
 * The DescribeImages filters EC2 documents (the API reference's list for `Filters`), reading the
 * record the way the XML renders it; the conformance test lists those the simulator lacks.
 */

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
const bool = (b: boolean | undefined) => (b === undefined ? undefined : b ? 'true' : 'false');

function mappings(read: (m: BlockDeviceMapping) => string | undefined): FieldGetter<ImageRecord> {
  return (image) => {
    const out: string[] = [];
    for (const m of image.blockDeviceMappings) {
      const v = read(m);
      if (v !== undefined) out.push(v);
    }
    return out;
  };
}

/**
 * The filters for one caller: `image-allowed` reads its Allowed AMIs verdict (allowedImages.ts),
 * which depends on the account, the region and the time.
 */
export function imageFilters(allowed: (image: ImageRecord) => boolean): FilterDefinitions<ImageRecord> {
  return {
    exact: { ...IMAGE_FILTERS.exact, 'image-allowed': (i) => bool(allowed(i)) },
    prefixed: IMAGE_FILTERS.prefixed,
  };
}

/** The filter names and getters; `image-allowed` here answers as if Allowed AMIs were disabled. */
export const IMAGE_FILTERS: FilterDefinitions<ImageRecord> = {
  exact: {
    architecture: (i) => i.architecture,
    'block-device-mapping.delete-on-termination': mappings((m) => bool(m.ebs?.deleteOnTermination)),
    'block-device-mapping.device-name': mappings((m) => m.deviceName),
    'block-device-mapping.snapshot-id': mappings((m) => m.ebs?.snapshotId),
    'block-device-mapping.volume-size': mappings((m) => (m.ebs ? String(m.ebs.volumeSize) : undefined)),
    'block-device-mapping.volume-type': mappings((m) => m.ebs?.volumeType),
    'block-device-mapping.encrypted': mappings((m) => bool(m.ebs?.encrypted)),
    'boot-mode': (i) => i.bootMode,
    'creation-date': (i) => iso(i.creationDate),
    description: (i) => i.description,
    'ena-support': (i) => bool(i.enaSupport),
    'free-tier-eligible': (i) => bool(i.freeTierEligible === true),
    hypervisor: (i) => i.hypervisor,
    'image-allowed': () => 'true',
    'image-id': (i) => i.imageId,
    'image-type': (i) => i.imageType,
    'is-public': (i) => bool(isPublic(i)),
    'kernel-id': (i) => i.kernelId,
    'manifest-location': (i) => i.imageLocation,
    name: (i) => i.name,
    'owner-alias': (i) => i.imageOwnerAlias,
    'owner-id': (i) => i.ownerId,
    platform: (i) => i.platform,
    'product-code': (i) => i.productCodes.map((p) => p.productCodeId),
    'product-code.type': (i) => i.productCodes.map((p) => p.productCodeType),
    'public-ssm-parameter-name': (i) => i.publicSsmParameterName,
    'ramdisk-id': (i) => i.ramdiskId,
    'root-device-name': (i) => i.rootDeviceName,
    'root-device-type': (i) => i.rootDeviceType,
    'source-image-id': (i) => i.sourceImageId,
    'source-image-region': (i) => i.sourceImageRegion,
    'source-instance-id': (i) => i.sourceInstanceId,
    'sriov-net-support': (i) => i.sriovNetSupport,
    state: (i) => i.state,
    'state-reason-code': (i) => i.stateReason?.code,
    'state-reason-message': (i) => i.stateReason?.message,
    'tag-key': (i) => i.tags.map((t) => t.key),
    'virtualization-type': (i) => i.virtualizationType,
  },
  prefixed: {
    'tag:': (key) => (i) => {
      for (const t of i.tags) if (t.key === key) return t.value;
      return undefined;
    },
  },
};
