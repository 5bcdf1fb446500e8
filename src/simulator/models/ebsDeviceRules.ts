import { errors } from '../errors';
import type { BlockDeviceMapping, SnapshotRecord, VolumeType } from './types';
import { isVolumeType } from './types';
import {
  GP3_BASELINE,
  IOPS_LIMITS,
  IOPS_REQUIRED,
  limitsFor,
  THROUGHPUT_LIMITS,
  VOLUME_SIZE_LIMITS_GIB,
} from '../../shared/ebsVolumeLimits';

/**
 * EC2's rules for a NEW EBS device in a block device mapping (one the source does not have):
 * CreateImage's added devices and RegisterImage's devices share them, RunInstances the size
 * ranges. The numbers are `EbsBlockDevice`'s in the API reference
 * (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_EbsBlockDevice.html).
 */

/** What a mapping may say about a new EBS device. */
export interface NewEbsRequest {
  volumeSize?: number;
  /** As sent: not yet checked against the known types. */
  volumeType?: VolumeType;
  deleteOnTermination?: boolean;
  snapshotId?: string;
  iops?: number;
  throughput?: number;
  encrypted?: boolean;
  kmsKeyId?: string;
}

/** `BlockDeviceMapping.N.DeviceName` at most once per request. Real text: hashicorp/packer#2320 (CreateImage). */
export function checkDeviceOnce(seen: Set<string>, deviceName: string): void {
  if (seen.has(deviceName)) {
    throw errors.invalidBlockDeviceMapping(`${deviceName} is being assigned to multiple times.`);
  }
  seen.add(deviceName);
}

/** A volume type EC2 knows. */
export function checkVolumeType(volumeType: string): VolumeType {
  if (!isVolumeType(volumeType)) {
    throw errors.invalidParameterValue(`Value (${volumeType}) for parameter volumeType is invalid.`);
  }
  return volumeType as VolumeType;
}

/** VolumeSize within its type's range. Code and text unverified (no public thread shows EC2's answer). */
export function checkVolumeSize(deviceName: string, volumeType: VolumeType, size: number): void {
  const { min, max } = VOLUME_SIZE_LIMITS_GIB[volumeType];
  if (size < min || size > max) {
    throw errors.invalidParameterValue(
      `Volume size ${size} GiB for device ${deviceName} is out of range for ${volumeType} (${min}-${max} GiB).`,
    );
  }
}

/** Iops and Throughput for the type, with gp3's defaults; refusals as EC2 words them where known. */
export function checkPerformance(
  deviceName: string,
  volumeType: VolumeType,
  iops: number | undefined,
  throughput: number | undefined,
): { iops?: number; throughput?: number } {
  const iopsRange = limitsFor(IOPS_LIMITS, volumeType);
  if (iops !== undefined && !iopsRange) {
    // Real text (RunInstances mappings): boto/boto3#2474 (gp2), aws/aws-sdk#542 (st1).
    throw errors.invalidParameterCombination(`The parameter iops is not supported for ${volumeType} volumes.`);
  }
  if (iops === undefined && IOPS_REQUIRED.includes(volumeType)) {
    // Real text on CreateVolume (velero-plugin-for-aws#119); unverified for mappings.
    throw errors.invalidParameterCombination(`The parameter iops must be specified for ${volumeType} volumes.`);
  }
  if (iops !== undefined && iopsRange && (iops < iopsRange.min || iops > iopsRange.max)) {
    // Code and text unverified.
    throw errors.invalidParameterValue(
      `Iops ${iops} for device ${deviceName} is invalid for ${volumeType}: valid values are ${iopsRange.min}-${iopsRange.max}.`,
    );
  }
  const throughputRange = limitsFor(THROUGHPUT_LIMITS, volumeType);
  if (throughput !== undefined && !throughputRange) {
    // Real text (RunInstances): gardener/machine-controller-manager-provider-aws#95.
    throw errors.invalidBlockDeviceMapping(
      `throughput cannot be specified with the volumeType of device '${deviceName}'`,
    );
  }
  if (
    throughput !== undefined &&
    throughputRange &&
    (throughput < throughputRange.min || throughput > throughputRange.max)
  ) {
    // Code real (gardener/gardener-extension-provider-aws#590: "InvalidParameterValue: Volume throughput o…"); text unverified.
    throw errors.invalidParameterValue(
      `Volume throughput ${throughput} MiB/s for device ${deviceName} is invalid: valid values are ${throughputRange.min}-${throughputRange.max}.`,
    );
  }
  if (volumeType !== 'gp3') return iops === undefined ? {} : { iops };
  return { iops: iops ?? GP3_BASELINE.iops, throughput: throughput ?? GP3_BASELINE.throughputMiBs };
}

/**
 * A new EBS device of an image (CreateImage's added devices, RegisterImage's devices), fully
 * checked; undefined when it names neither a snapshot nor a size (the caller names every such
 * device in one error, as EC2 does). `snapshot` resolves a SnapshotId the caller may use.
 */
export function planNewEbsDevice(
  deviceName: string,
  ebs: NewEbsRequest,
  snapshot: (id: string) => SnapshotRecord,
): NonNullable<BlockDeviceMapping['ebs']> | undefined {
  // EbsBlockDevice.KmsKeyId: only RunInstances and Spot requests take it. Real CreateImage answer:
  // hashicorp/packer#6212, hashicorp/packer-plugin-amazon#585 (2025).
  if (ebs.kmsKeyId !== undefined) throw errors.unknownParameter('KmsKeyId');
  const volumeType = checkVolumeType(ebs.volumeType ?? 'gp2');
  if (ebs.snapshotId === undefined && ebs.volumeSize === undefined) return undefined;
  let encrypted = ebs.encrypted ?? false;
  let snapshotSize: number | undefined;
  let kmsKeyId: string | undefined;
  if (ebs.snapshotId !== undefined) {
    // EbsBlockDevice.Encrypted: with a snapshot it must be omitted. Real text: hashicorp/packer#2285.
    if (ebs.encrypted !== undefined) {
      throw errors.invalidBlockDeviceMapping(
        `the encrypted flag cannot be specified since device ${deviceName} has a snapshot specified.`,
      );
    }
    const source = snapshot(ebs.snapshotId);
    snapshotSize = source.volumeSize;
    encrypted = source.encrypted;
    kmsKeyId = source.kmsKeyId;
  }
  const size = ebs.volumeSize ?? snapshotSize ?? 0;
  // Real text (two spaces before "snapshot" as EC2 writes it): scylladb/scylladb#6999.
  if (snapshotSize !== undefined && size < snapshotSize) {
    throw errors.invalidBlockDeviceMapping(
      `Volume of size ${size}GB is smaller than  snapshot '${ebs.snapshotId}', expect size >= ${snapshotSize}GB`,
    );
  }
  checkVolumeSize(deviceName, volumeType, size);
  const performance = checkPerformance(deviceName, volumeType, ebs.iops, ebs.throughput);
  return {
    ...(ebs.snapshotId ? { snapshotId: ebs.snapshotId } : {}),
    volumeSize: size,
    volumeType,
    deleteOnTermination: ebs.deleteOnTermination ?? true,
    encrypted,
    ...(kmsKeyId ? { kmsKeyId } : {}),
    ...performance,
  };
}

/** An instance-store entry (`VirtualName=ephemeralN`); other names refused (text unverified). */
export function instanceStoreMapping(deviceName: string, virtualName: string): BlockDeviceMapping {
  if (!/^ephemeral\d+$/.test(virtualName)) {
    throw errors.invalidBlockDeviceMapping(`Invalid virtual name: ${virtualName}`);
  }
  return { deviceName, virtualName };
}

/** Real text: mitchellh/goamz#251 (every such device named, comma-separated). */
export function refuseDevicesWithoutSource(devices: readonly string[]): void {
  if (devices.length > 0) {
    throw errors.invalidBlockDeviceMapping(
      `Either snapshot ID or volume size must be provided for: ${devices.join(', ')}`,
    );
  }
}
