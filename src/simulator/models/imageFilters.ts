import type { FieldGetter, FilterDefinitions } from './filters';
import { isPublic } from './imageAccess';
import type { BlockDeviceMapping, ImageRecord } from './types';

/** Every DescribeImages filter EC2 documents, reading the record the way the XML renders it. */

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
    'deprecation-time': (i) => iso(i.deprecationTime),
    description: (i) => i.description,
    'ena-support': (i) => bool(i.enaSupport),
    hypervisor: (i) => i.hypervisor,
    'image-id': (i) => i.imageId,
    'image-type': (i) => i.imageType,
    'imds-support': (i) => i.imdsSupport,
    'is-public': (i) => bool(isPublic(i)),
    'kernel-id': (i) => i.kernelId,
    'manifest-location': (i) => i.imageLocation,
    name: (i) => i.name,
    'owner-alias': (i) => i.imageOwnerAlias,
    'owner-id': (i) => i.ownerId,
    platform: (i) => i.platform,
    'platform-details': (i) => i.platformDetails,
    'product-code': (i) => i.productCodes.map((p) => p.productCodeId),
    'product-code.type': (i) => i.productCodes.map((p) => p.productCodeType),
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
    'tpm-support': (i) => i.tpmSupport,
    'usage-operation': (i) => i.usageOperation,
    'virtualization-type': (i) => i.virtualizationType,
  },
  prefixed: {
    'tag:': (key) => (i) => {
      for (const t of i.tags) if (t.key === key) return t.value;
      return undefined;
    },
  },
};
