import { errors } from '../errors';
import type { World } from '../world';
import { checkPerformance, checkVolumeSize, checkVolumeType } from './ebsDeviceRules';
import { isBlockedByAllowedImages } from './allowedImages';
import { requireImage } from './imageAccess';
import { RESOLVE_SSM_PREFIX, resolveSsmImageId } from './publicParameters';
import { tagsFor, type TagSpecificationRequest } from './imageRules';
import { checkTag } from './tags';
import { instanceTypeArchitecture } from './instances';
import { type ImageRecord, type InstanceRecord, type Tag, type VolumeRecord, type VolumeType } from './types';

/** RunInstances: a plan checked against EC2's rules, then applied (so a refusal changes nothing). */

/** EC2 refuses to launch more at once without a limit increase. */
export const MAX_INSTANCES_PER_LAUNCH = 20;

const INSTANCE_TYPE = /^[a-z][a-z0-9-]*\.(?:nano|micro|small|medium|large|metal|\d*xlarge)$/;

/** One `BlockDeviceMapping.N` of RunInstances. */
export interface LaunchMappingRequest {
  deviceName: string;
  noDevice?: boolean;
  ebs?: {
    volumeSize?: number;
    volumeType?: VolumeType;
    deleteOnTermination?: boolean;
    encrypted?: boolean;
    iops?: number;
  };
}

export interface RunInstancesRequest {
  imageId?: string;
  instanceType?: string;
  minCount?: number;
  maxCount?: number;
  keyName?: string;
  availabilityZone?: string;
  mappings: LaunchMappingRequest[];
  tagSpecifications: TagSpecificationRequest[];
}

/** One EBS volume each launched instance gets. */
interface PlannedVolume {
  device: string;
  size: number;
  volumeType: VolumeType;
  snapshotId?: string;
  encrypted: boolean;
  kmsKeyId?: string;
  deleteOnTermination: boolean;
  iops?: number;
}

/** Everything RunInstances will create, decided before anything changes. */
interface LaunchPlan {
  image: ImageRecord;
  instanceType: string;
  availabilityZone: string;
  count: number;
  keyName?: string;
  volumes: PlannedVolume[];
  instanceTags: Tag[];
  volumeTags: Tag[];
}

/**
 * RunInstances: validates everything, calls `beforeChange` (DryRun answers there), then
 * launches MaxCount instances (at most 20) in one reservation, each with one EBS volume per
 * EBS entry of the image's block device mapping (as overridden by the request).
 */
export function runInstances(
  world: World,
  region: string,
  accountId: string,
  r: RunInstancesRequest,
  beforeChange: () => void,
) {
  const plan = planLaunch(world, region, accountId, r);
  beforeChange();
  return applyLaunch(world, region, accountId, plan);
}

/**
 * `resolve:ssm:<public parameter>` as ImageId: "The Systems Manager parameter will resolve to
 * an AMI ID on launch" (the EC2 model's ImageId of launch template data, models_1.d.ts; the
 * user guide documents it for RunInstances too). Only the public parameters are simulated; an
 * unknown one's error code and text are unverified.
 */
export function resolveImageId(world: World, region: string, imageId: string | undefined): string | undefined {
  if (!imageId?.startsWith(RESOLVE_SSM_PREFIX)) return imageId;
  const resolved = resolveSsmImageId(world, region, imageId);
  if (!resolved) throw errors.ssmParameterUnresolved(imageId);
  return resolved;
}

function planLaunch(world: World, region: string, accountId: string, r: RunInstancesRequest): LaunchPlan {
  if (r.minCount === undefined) throw errors.missingParameter('MinCount');
  if (r.maxCount === undefined) throw errors.missingParameter('MaxCount');
  const image = requireImage(world, region, resolveImageId(world, region, r.imageId), accountId);
  // Allowed AMIs `enabled`: not allowed AMIs can't be used to launch (audit mode launches them).
  if (isBlockedByAllowedImages(world, region, accountId, image)) throw errors.amiNotAllowed(image.imageId);
  if (image.state !== 'available') throw errors.amiNotAvailable(image.imageId, image.state);
  if (r.minCount < 1)
    throw errors.invalidParameterValue(
      `Value (${r.minCount}) for parameter minCount is invalid. Expected a positive integer.`,
    );
  if (r.maxCount < r.minCount) {
    throw errors.invalidParameterValue(
      `Value (${r.maxCount}) for parameter maxCount is invalid. Must be greater than or equal to minCount.`,
    );
  }
  if (r.minCount > MAX_INSTANCES_PER_LAUNCH) throw errors.instanceLimitExceeded(r.minCount, MAX_INSTANCES_PER_LAUNCH);
  const instanceType = r.instanceType ?? 'm1.small';
  if (!INSTANCE_TYPE.test(instanceType)) {
    throw errors.invalidParameterValue(`Invalid value '${instanceType}' for InstanceType.`);
  }
  const typeArch = instanceTypeArchitecture(instanceType);
  const imageArch = image.architecture === 'i386' ? 'x86_64' : image.architecture;
  if (typeArch !== imageArch) {
    throw errors.invalidParameterValue(
      `The architecture '${typeArch}' of the specified instance type does not match the architecture '${image.architecture}' of the specified AMI. Specify an instance type and an AMI that have matching architectures, and try again. You can use 'describe-instance-types' or 'describe-images' to discover the architecture of the instance type or AMI.`,
    );
  }
  const az = r.availabilityZone ?? `${region}a`;
  if (!new RegExp(`^${region}[a-f]$`).test(az)) {
    throw errors.invalidParameterValue(`Invalid availability zone: [${az}]`);
  }
  const instanceTags = tagsFor(r.tagSpecifications, ['instance', 'volume', 'network-interface'], 'instance');
  const volumeTags = tagsFor(r.tagSpecifications, ['instance', 'volume', 'network-interface'], 'volume');
  for (const t of [...instanceTags, ...volumeTags]) checkTag(t);
  return {
    image,
    instanceType,
    availabilityZone: az,
    count: Math.min(r.maxCount, MAX_INSTANCES_PER_LAUNCH),
    keyName: r.keyName,
    volumes: planVolumes(image, r.mappings),
    instanceTags,
    volumeTags,
  };
}

/** The volumes from the image's mapping and the request's overrides. */
function planVolumes(image: ImageRecord, mappings: LaunchMappingRequest[]): PlannedVolume[] {
  const overrides = new Map(mappings.map((m) => [m.deviceName, m]));
  const planned: PlannedVolume[] = [];
  for (const m of image.blockDeviceMappings) {
    if (!m.ebs || m.noDevice) continue;
    const o = overrides.get(m.deviceName);
    overrides.delete(m.deviceName);
    if (o?.noDevice) continue;
    const size = o?.ebs?.volumeSize ?? m.ebs.volumeSize;
    if (size < m.ebs.volumeSize) {
      throw errors.invalidBlockDeviceMapping(
        `Volume of size ${size}GB is smaller than snapshot '${m.ebs.snapshotId}', expect size >= ${m.ebs.volumeSize}GB`,
      );
    }
    const volumeType = checkVolumeType(o?.ebs?.volumeType ?? m.ebs.volumeType);
    planned.push({
      device: m.deviceName,
      size,
      volumeType,
      snapshotId: m.ebs.snapshotId,
      encrypted: m.ebs.encrypted || o?.ebs?.encrypted === true,
      kmsKeyId: m.ebs.kmsKeyId,
      deleteOnTermination: o?.ebs?.deleteOnTermination ?? m.ebs.deleteOnTermination,
      iops:
        o?.ebs?.iops === undefined
          ? m.ebs.iops
          : checkPerformance(m.deviceName, volumeType, o.ebs.iops, undefined).iops,
    });
  }
  for (const o of overrides.values()) {
    if (o.noDevice || !o.ebs) continue;
    if (o.ebs.volumeSize === undefined) {
      throw errors.invalidBlockDeviceMapping(`The device '${o.deviceName}' needs a volume size or a snapshot id.`);
    }
    const volumeType = checkVolumeType(o.ebs.volumeType ?? 'gp2');
    planned.push({
      device: o.deviceName,
      size: o.ebs.volumeSize,
      volumeType,
      encrypted: o.ebs.encrypted === true,
      deleteOnTermination: o.ebs.deleteOnTermination ?? true,
      // A new device: Iops under the same per-type rules as an image's new devices.
      iops: checkPerformance(o.deviceName, volumeType, o.ebs.iops, undefined).iops,
    });
  }
  for (const p of planned) {
    // EbsBlockDevice.VolumeSize: per-type ranges, shared with CreateImage and RegisterImage.
    checkVolumeSize(p.device, p.volumeType, p.size);
  }
  return planned;
}

function applyLaunch(world: World, region: string, accountId: string, plan: LaunchPlan) {
  const { image } = plan;
  const state = world.region(region);
  const now = world.clock.now();
  const reservationId = world.newId('r');
  const launched: InstanceRecord[] = [];
  for (let n = 0; n < plan.count; n++) {
    const instanceId = world.newId('i');
    const mappings: InstanceRecord['blockDeviceMappings'] = [];
    for (const p of plan.volumes) {
      const volume: VolumeRecord = {
        volumeId: world.newId('vol'),
        ownerId: accountId,
        availabilityZone: plan.availabilityZone,
        size: p.size,
        volumeType: p.volumeType,
        state: 'in-use',
        encrypted: p.encrypted,
        createTime: now,
        attachment: { instanceId, device: p.device, deleteOnTermination: p.deleteOnTermination, attachTime: now },
        tags: plan.volumeTags.map((t) => ({ ...t })),
      };
      if (p.snapshotId) volume.snapshotId = p.snapshotId;
      if (p.kmsKeyId) volume.kmsKeyId = p.kmsKeyId;
      state.volumes[volume.volumeId] = volume;
      mappings.push({
        deviceName: p.device,
        volumeId: volume.volumeId,
        deleteOnTermination: p.deleteOnTermination,
        attachTime: now,
      });
    }
    const instance: InstanceRecord = {
      instanceId,
      ownerId: accountId,
      reservationId,
      imageId: image.imageId,
      instanceType: plan.instanceType,
      state: 'pending',
      transitions: [{ to: 'running', at: now + world.options.instanceTransitionMs }],
      stateTransitionReason: '',
      launchTime: now,
      availabilityZone: plan.availabilityZone,
      architecture: image.architecture,
      platformDetails: image.platformDetails,
      rootDeviceType: image.rootDeviceType,
      rootDeviceName: image.rootDeviceName,
      virtualizationType: image.virtualizationType,
      hypervisor: 'xen',
      blockDeviceMappings: mappings,
      privateIpAddress: `172.31.${(world.state.idCounter >> 8) & 255}.${world.state.idCounter & 255}`,
      tags: plan.instanceTags.map((t) => ({ ...t })),
    };
    if (image.platform) instance.platform = image.platform;
    if (plan.keyName) instance.keyName = plan.keyName;
    if (image.kernelId) instance.kernelId = image.kernelId;
    instance.amiLaunchIndex = n;
    state.instances[instanceId] = instance;
    launched.push(instance);
  }
  // EC2 records when an AMI was last launched, 24 hours later (settleRegion reports it); only the
  // accounts' own images, as the catalog is read-only.
  if (state.images[image.imageId]) image.unreportedLaunches = [...(image.unreportedLaunches ?? []), now];
  world.markChanged();
  return { reservationId, ownerId: accountId, instances: launched };
}
