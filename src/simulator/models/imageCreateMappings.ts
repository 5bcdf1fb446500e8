import { errors } from '../errors';
import {
  checkDeviceOnce,
  checkVolumeType,
  instanceStoreMapping,
  planNewEbsDevice,
  refuseDevicesWithoutSource,
  type NewEbsRequest,
} from './ebsDeviceRules';
import type { BlockDeviceMapping, InstanceRecord, RegionState, SnapshotRecord, VolumeRecord } from './types';

/** CreateImage's block device mapping: the instance's volumes as kept or dropped, plus new devices. */

/** One `BlockDeviceMapping.N` of the request. */
export interface MappingRequest {
  deviceName: string;
  noDevice?: boolean;
  virtualName?: string;
  ebs?: NewEbsRequest;
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
  snapshot: (id: string) => SnapshotRecord,
): PlannedMapping[] {
  const requested = new Map<string, MappingRequest>();
  const seen = new Set<string>();
  for (const m of mappings) {
    if (!m.deviceName) throw errors.missingParameter('BlockDeviceMapping.DeviceName');
    checkDeviceOnce(seen, m.deviceName);
    // EbsBlockDevice.KmsKeyId: CreateImage takes it on no mapping, existing or new. Real answer:
    // hashicorp/packer#6212, hashicorp/packer-plugin-amazon#585.
    if (m.ebs?.kmsKeyId !== undefined) throw errors.unknownParameter('KmsKeyId');
    if (m.ebs?.volumeType) checkVolumeType(m.ebs.volumeType);
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
  const withoutSource: string[] = [];
  for (const req of requested.values()) {
    if (req.noDevice) continue;
    if (req.virtualName) {
      planned.push({ mapping: instanceStoreMapping(req.deviceName, req.virtualName) });
      continue;
    }
    if (!req.ebs) continue;
    // A device the instance does not have: a new EBS volume, empty or from a snapshot, under
    // the same rules as RegisterImage's devices.
    const ebs = planNewEbsDevice(req.deviceName, req.ebs, snapshot);
    if (ebs) planned.push({ mapping: { deviceName: req.deviceName, ebs } });
    else withoutSource.push(req.deviceName);
  }
  refuseDevicesWithoutSource(withoutSource);
  return planned;
}
