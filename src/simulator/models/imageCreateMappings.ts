import { errors } from '../errors';
import type { BlockDeviceMapping, InstanceRecord, RegionState, VolumeRecord, VolumeType } from './types';
import { isVolumeType } from './types';

/** CreateImage's block device mapping: the instance's volumes as kept or dropped, plus new devices. */

/** One `BlockDeviceMapping.N` of the request. */
export interface MappingRequest {
  deviceName: string;
  noDevice?: boolean;
  virtualName?: string;
  ebs?: {
    volumeSize?: number;
    volumeType?: VolumeType;
    deleteOnTermination?: boolean;
    snapshotId?: string;
    iops?: number;
    throughput?: number;
    encrypted?: boolean;
    kmsKeyId?: string;
  };
}

/** A mapping of the new image; `volumeId` when a snapshot of that volume backs it. */
export interface PlannedMapping {
  mapping: BlockDeviceMapping;
  volumeId?: string;
}

type EbsRequest = NonNullable<MappingRequest['ebs']>;

/**
 * What a mapping may not change on a volume the instance already has, each with the volume's
 * current value (undefined: any value is a change). API reference, CreateImage BlockDeviceMappings:
 * "the only option that can be changed for existing mappings or snapshots is DeleteOnTermination"
 * (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateImage.html).
 */
const FIXED_ON_EXISTING: {
  param: string;
  requested: (e: EbsRequest) => unknown;
  current: (v: VolumeRecord) => unknown;
}[] = [
  { param: 'VolumeSize', requested: (e) => e.volumeSize, current: (v) => v.size },
  { param: 'VolumeType', requested: (e) => e.volumeType, current: (v) => v.volumeType },
  { param: 'Iops', requested: (e) => e.iops, current: () => undefined },
  { param: 'Throughput', requested: (e) => e.throughput, current: () => undefined },
  { param: 'KmsKeyId', requested: (e) => e.kmsKeyId, current: (v) => v.kmsKeyId },
  { param: 'SnapshotId', requested: (e) => e.snapshotId, current: () => undefined },
];

/** Refuses a change CreateImage cannot make to the existing volume on `device`. */
function checkExistingUnchanged(device: string, volume: VolumeRecord, ebs: EbsRequest): void {
  for (const f of FIXED_ON_EXISTING) {
    const requested = f.requested(ebs);
    if (requested !== undefined && requested !== f.current(volume)) {
      // Code unverified: no public thread shows EC2's answer to this change; InvalidBlockDeviceMapping
      // is the code EC2 uses for its other CreateImage mapping refusals (packer#6889, packer#2320).
      throw errors.invalidBlockDeviceMapping(
        `The ${f.param} of the existing volume ${volume.volumeId} on device '${device}' cannot be changed when creating an image; only DeleteOnTermination can.`,
      );
    }
  }
  // EbsBlockDevice.Encrypted: an unencrypted existing volume may say false, never true; an
  // encrypted one may say either (false is ignored). Real message: hashicorp/packer#6889.
  if (ebs.encrypted === true && !volume.encrypted) {
    throw errors.invalidBlockDeviceMapping(
      `the encrypted flag cannot be specified since device ${device} has a conflicting encryption setting`,
    );
  }
}

/** The image's mapping: refusals first, so nothing changes when one applies. */
export function planMappings(
  region: RegionState,
  instance: InstanceRecord,
  mappings: readonly MappingRequest[],
): PlannedMapping[] {
  const requested = new Map<string, MappingRequest>();
  for (const m of mappings) {
    if (!m.deviceName) throw errors.missingParameter('BlockDeviceMapping.DeviceName');
    if (m.ebs?.volumeType && !isVolumeType(m.ebs.volumeType)) {
      throw errors.invalidParameterValue(`Value (${m.ebs.volumeType}) for parameter volumeType is invalid.`);
    }
    requested.set(m.deviceName, m);
  }
  const planned: PlannedMapping[] = [];
  for (const attached of instance.blockDeviceMappings) {
    const volume = region.volumes[attached.volumeId];
    if (!volume) continue;
    const req = requested.get(attached.deviceName);
    requested.delete(attached.deviceName);
    if (req?.noDevice) {
      if (attached.deviceName === instance.rootDeviceName) {
        throw errors.invalidBlockDeviceMapping(
          `The device '${attached.deviceName}' is the root device and cannot be suppressed.`,
        );
      }
      continue;
    }
    if (req?.ebs) checkExistingUnchanged(attached.deviceName, volume, req.ebs);
    planned.push({
      volumeId: volume.volumeId,
      mapping: {
        deviceName: attached.deviceName,
        ebs: {
          volumeSize: volume.size,
          volumeType: volume.volumeType,
          deleteOnTermination: req?.ebs?.deleteOnTermination ?? attached.deleteOnTermination,
          encrypted: volume.encrypted,
          ...(volume.kmsKeyId ? { kmsKeyId: volume.kmsKeyId } : {}),
        },
      },
    });
  }
  for (const req of requested.values()) {
    const added = newMapping(req);
    if (added) planned.push(added);
  }
  return planned;
}

/** A device the instance does not have: an instance-store volume or a new empty EBS volume. */
function newMapping(req: MappingRequest): PlannedMapping | undefined {
  if (req.noDevice) return undefined;
  if (req.virtualName) {
    if (!/^ephemeral\d+$/.test(req.virtualName)) {
      throw errors.invalidBlockDeviceMapping(`Invalid virtual name: ${req.virtualName}`);
    }
    return { mapping: { deviceName: req.deviceName, virtualName: req.virtualName } };
  }
  if (!req.ebs) return undefined;
  if (req.ebs.volumeSize === undefined) {
    throw errors.invalidBlockDeviceMapping(`The device '${req.deviceName}' needs a volume size or a snapshot id.`);
  }
  return {
    mapping: {
      deviceName: req.deviceName,
      ebs: {
        volumeSize: req.ebs.volumeSize,
        volumeType: req.ebs.volumeType ?? 'gp2',
        deleteOnTermination: req.ebs.deleteOnTermination ?? true,
        encrypted: req.ebs.encrypted ?? false,
      },
    },
  };
}
