import { Ec2Error } from '../errors';
import type { World } from '../world';
import { compileFilters, type FilterDefinitions, type FilterRequest } from './filters';
import { requireImage } from './imageAccess';
import { tagsFor, type TagSpecificationRequest } from './imageRules';
import { checkPageRequest, paginate, type PageRequest } from './paging';
import { checkTag } from './tags';
import type { Architecture, InstanceRecord, InstanceStateName, VolumeRecord, VolumeType } from './types';

/** Instances: their life cycle (pending → running ⇄ stopped → terminated) with EC2's rules. */

/** EC2's numeric state codes. */
export const STATE_CODES: Record<InstanceStateName, number> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
};

/** How long a terminated instance stays visible in DescribeInstances. */
export const TERMINATED_VISIBLE_MS = 60 * 60 * 1000;

/** EC2 refuses to launch more at once without a limit increase. */
export const MAX_INSTANCES_PER_LAUNCH = 20;

const INSTANCE_ID = /^i-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;
const INSTANCE_TYPE = /^[a-z][a-z0-9-]*\.(?:nano|micro|small|medium|large|metal|\d*xlarge)$/;

export function requireInstanceIdFormat(id: string): void {
  if (!INSTANCE_ID.test(id))
    throw new Ec2Error('InvalidInstanceID.Malformed', `Invalid id: "${id}" (expecting "i-...")`);
}

function instancesNotFound(ids: string[]): Ec2Error {
  return new Ec2Error(
    'InvalidInstanceID.NotFound',
    ids.length === 1
      ? `The instance ID '${ids[0]}' does not exist`
      : `The instance IDs '${ids.join(', ')}' do not exist`,
  );
}

/** The caller sees its own instances; terminated ones only for an hour after they terminated. */
export function isInstanceVisible(i: InstanceRecord, accountId: string, now: number): boolean {
  if (i.ownerId !== accountId) return false;
  return !(i.state === 'terminated' && (i.terminatedAt ?? 0) + TERMINATED_VISIBLE_MS <= now);
}

/** The instances `ids` as the caller owns them (Malformed, then NotFound listing every unknown id). */
export function requireInstances(world: World, region: string, accountId: string, ids: string[]): InstanceRecord[] {
  if (ids.length === 0) throw new Ec2Error('MissingParameter', 'The request must contain the parameter InstanceId');
  for (const id of ids) requireInstanceIdFormat(id);
  const state = world.region(region);
  const now = world.clock.now();
  const missing = ids.filter((id) => !state.instances[id] || !isInstanceVisible(state.instances[id], accountId, now));
  if (missing.length > 0) throw instancesNotFound(missing);
  return [...new Set(ids)].map((id) => state.instances[id]);
}

/** The architecture of an instance type: Graviton families (`t4g`, `m7g`, `a1`, …) are arm64. */
export function instanceTypeArchitecture(instanceType: string): Architecture {
  const family = instanceType.split('.')[0];
  return family === 'a1' || /^[a-z]+\d+[a-z]*g[a-z]*$/.test(family) ? 'arm64' : 'x86_64';
}

export const INSTANCE_FILTERS: FilterDefinitions<InstanceRecord> = {
  exact: {
    'instance-id': (i) => i.instanceId,
    'image-id': (i) => i.imageId,
    'instance-type': (i) => i.instanceType,
    'instance-state-name': (i) => i.state,
    'instance-state-code': (i) => String(STATE_CODES[i.state]),
    'root-device-type': (i) => i.rootDeviceType,
    'root-device-name': (i) => i.rootDeviceName,
    architecture: (i) => i.architecture,
    'availability-zone': (i) => i.availabilityZone,
    'virtualization-type': (i) => i.virtualizationType,
    hypervisor: (i) => i.hypervisor,
    platform: (i) => i.platform,
    'platform-details': (i) => i.platformDetails,
    'key-name': (i) => i.keyName,
    'reservation-id': (i) => i.reservationId,
    'owner-id': (i) => i.ownerId,
    'private-ip-address': (i) => i.privateIpAddress,
    'ip-address': (i) => i.publicIpAddress,
    'launch-time': (i) => new Date(i.launchTime).toISOString(),
    'block-device-mapping.volume-id': (i) => i.blockDeviceMappings.map((m) => m.volumeId),
    'block-device-mapping.device-name': (i) => i.blockDeviceMappings.map((m) => m.deviceName),
    'block-device-mapping.attach-time': (i) => i.blockDeviceMappings.map((m) => new Date(m.attachTime).toISOString()),
    'block-device-mapping.delete-on-termination': (i) =>
      i.blockDeviceMappings.map((m) => String(m.deleteOnTermination)),
    // Every listed volume is attached: a detached one leaves the instance's mapping.
    'block-device-mapping.status': (i) => i.blockDeviceMappings.map(() => 'attached'),
    'client-token': (i) => i.clientToken ?? '',
    reason: (i) => i.stateTransitionReason ?? '',
    'state-reason-code': (i) => i.stateReason?.code,
    'state-reason-message': (i) => i.stateReason?.message,
    'launch-index': (i) => String(i.amiLaunchIndex ?? 0),
    'kernel-id': (i) => i.kernelId,
    // Fixed in the simulator's rendering: default tenancy, basic monitoring, not EBS-optimized.
    tenancy: () => 'default',
    'monitoring-state': () => 'disabled',
    'ebs-optimized': () => 'false',
    'ena-support': (i) => String(i.virtualizationType === 'hvm'),
    'tag-key': (i) => i.tags.map((t) => t.key),
  },
  prefixed: {
    'tag:': (key) => (i) => i.tags.find((t) => t.key === key)?.value,
  },
};

export interface DescribeInstancesRequest extends PageRequest {
  instanceIds: string[];
  filters: FilterRequest[];
}

/** Checks the request before DryRun: ids, page bounds, filter names. */
export function validateDescribeInstances(r: DescribeInstancesRequest): void {
  for (const id of r.instanceIds) requireInstanceIdFormat(id);
  checkPageRequest('instances', r, 5, 1000, { name: 'instancesSet', count: r.instanceIds.length });
  compileFilters(r.filters, INSTANCE_FILTERS);
}

/** DescribeInstances: the caller's instances, filtered and paged (terminated ones vanish after an hour). */
export function describeInstances(world: World, region: string, accountId: string, r: DescribeInstancesRequest) {
  validateDescribeInstances(r);
  forgetExpiredInstances(world, region);
  const filter = compileFilters(r.filters, INSTANCE_FILTERS);
  const selected =
    r.instanceIds.length > 0
      ? requireInstances(world, region, accountId, r.instanceIds)
      : Object.values(world.region(region).instances).filter((i) => i.ownerId === accountId);
  const matched = selected.filter((i) => !filter || filter(i));
  return paginate('instances', matched, (i) => i.instanceId, r);
}

/** Terminated instances are forgotten an hour after they terminated, as EC2 does. */
function forgetExpiredInstances(world: World, region: string): void {
  const state = world.region(region);
  const now = world.clock.now();
  for (const i of Object.values(state.instances)) {
    if (i.state === 'terminated' && (i.terminatedAt ?? 0) + TERMINATED_VISIBLE_MS <= now) {
      delete state.instances[i.instanceId];
      world.markChanged();
    }
  }
}

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

const VOLUME_TYPES: readonly string[] = ['gp2', 'gp3', 'io1', 'io2', 'st1', 'sc1', 'standard'];

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
  if (r.minCount === undefined)
    throw new Ec2Error('MissingParameter', 'The request must contain the parameter MinCount');
  if (r.maxCount === undefined)
    throw new Ec2Error('MissingParameter', 'The request must contain the parameter MaxCount');
  const image = requireImage(world, region, r.imageId, accountId);
  if (image.state !== 'available') {
    throw new Ec2Error(
      'InvalidAMIID.Unavailable',
      `The image id '[${image.imageId}]' is not available: its state is ${image.state}`,
    );
  }
  if (r.minCount < 1)
    throw new Ec2Error(
      'InvalidParameterValue',
      `Value (${r.minCount}) for parameter minCount is invalid. Expected a positive integer.`,
    );
  if (r.maxCount < r.minCount) {
    throw new Ec2Error(
      'InvalidParameterValue',
      `Value (${r.maxCount}) for parameter maxCount is invalid. Must be greater than or equal to minCount.`,
    );
  }
  if (r.minCount > MAX_INSTANCES_PER_LAUNCH) {
    throw new Ec2Error(
      'InstanceLimitExceeded',
      `You have requested more instances (${r.minCount}) than your current instance limit of ${MAX_INSTANCES_PER_LAUNCH} allows for the specified instance type. Please visit http://aws.amazon.com/contact-us/ec2-request to request an adjustment to this limit.`,
    );
  }
  const instanceType = r.instanceType ?? 'm1.small';
  if (!INSTANCE_TYPE.test(instanceType)) {
    throw new Ec2Error('InvalidParameterValue', `Invalid value '${instanceType}' for InstanceType.`);
  }
  const typeArch = instanceTypeArchitecture(instanceType);
  const imageArch = image.architecture === 'i386' ? 'x86_64' : image.architecture;
  if (typeArch !== imageArch) {
    throw new Ec2Error(
      'InvalidParameterValue',
      `The architecture '${typeArch}' of the specified instance type does not match the architecture '${image.architecture}' of the specified AMI. Specify an instance type and an AMI that have matching architectures, and try again. You can use 'describe-instance-types' or 'describe-images' to discover the architecture of the instance type or AMI.`,
    );
  }
  const az = r.availabilityZone ?? `${region}a`;
  if (!new RegExp(`^${region}[a-f]$`).test(az)) {
    throw new Ec2Error('InvalidParameterValue', `Invalid availability zone: [${az}]`);
  }
  const instanceTags = tagsFor(r.tagSpecifications, ['instance', 'volume', 'network-interface'], 'instance');
  const volumeTags = tagsFor(r.tagSpecifications, ['instance', 'volume', 'network-interface'], 'volume');
  for (const t of [...instanceTags, ...volumeTags]) checkTag(t);

  // Plan the volumes from the image's mapping and the request's overrides.
  const overrides = new Map(r.mappings.map((m) => [m.deviceName, m]));
  type PlannedVolume = {
    device: string;
    size: number;
    volumeType: VolumeType;
    snapshotId?: string;
    encrypted: boolean;
    kmsKeyId?: string;
    deleteOnTermination: boolean;
    iops?: number;
  };
  const planned: PlannedVolume[] = [];
  for (const m of image.blockDeviceMappings) {
    if (!m.ebs || m.noDevice) continue;
    const o = overrides.get(m.deviceName);
    overrides.delete(m.deviceName);
    if (o?.noDevice) continue;
    const size = o?.ebs?.volumeSize ?? m.ebs.volumeSize;
    if (size < m.ebs.volumeSize) {
      throw new Ec2Error(
        'InvalidBlockDeviceMapping',
        `Volume of size ${size}GB is smaller than snapshot '${m.ebs.snapshotId}', expect size >= ${m.ebs.volumeSize}GB`,
      );
    }
    planned.push({
      device: m.deviceName,
      size,
      volumeType: o?.ebs?.volumeType ?? m.ebs.volumeType,
      snapshotId: m.ebs.snapshotId,
      encrypted: m.ebs.encrypted || o?.ebs?.encrypted === true,
      kmsKeyId: m.ebs.kmsKeyId,
      deleteOnTermination: o?.ebs?.deleteOnTermination ?? m.ebs.deleteOnTermination,
      iops: m.ebs.iops,
    });
  }
  for (const o of overrides.values()) {
    if (o.noDevice || !o.ebs) continue;
    if (o.ebs.volumeSize === undefined) {
      throw new Ec2Error(
        'InvalidBlockDeviceMapping',
        `The device '${o.deviceName}' needs a volume size or a snapshot id.`,
      );
    }
    planned.push({
      device: o.deviceName,
      size: o.ebs.volumeSize,
      volumeType: o.ebs.volumeType ?? 'gp2',
      encrypted: o.ebs.encrypted === true,
      deleteOnTermination: o.ebs.deleteOnTermination ?? true,
    });
  }
  for (const p of planned) {
    if (!VOLUME_TYPES.includes(p.volumeType))
      throw new Ec2Error('InvalidParameterValue', `Value (${p.volumeType}) for parameter volumeType is invalid.`);
    if (p.size < 1 || p.size > 16384) {
      throw new Ec2Error(
        'InvalidParameterValue',
        `Volume size ${p.size} for device ${p.device} is invalid. Valid sizes are between 1 and 16384 GiB.`,
      );
    }
  }

  beforeChange();
  const state = world.region(region);
  const now = world.clock.now();
  const reservationId = world.newId('r');
  const launched: InstanceRecord[] = [];
  const count = Math.min(r.maxCount, MAX_INSTANCES_PER_LAUNCH);
  for (let n = 0; n < count; n++) {
    const instanceId = world.newId('i');
    const mappings: InstanceRecord['blockDeviceMappings'] = [];
    for (const p of planned) {
      const volume: VolumeRecord = {
        volumeId: world.newId('vol'),
        ownerId: accountId,
        availabilityZone: az,
        size: p.size,
        volumeType: p.volumeType,
        state: 'in-use',
        encrypted: p.encrypted,
        createTime: now,
        attachment: { instanceId, device: p.device, deleteOnTermination: p.deleteOnTermination, attachTime: now },
        tags: volumeTags.map((t) => ({ ...t })),
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
      instanceType,
      state: 'pending',
      transitions: [{ to: 'running', at: now + world.options.instanceTransitionMs }],
      stateTransitionReason: '',
      launchTime: now,
      availabilityZone: az,
      architecture: image.architecture,
      platformDetails: image.platformDetails,
      rootDeviceType: image.rootDeviceType,
      rootDeviceName: image.rootDeviceName,
      virtualizationType: image.virtualizationType,
      hypervisor: 'xen',
      blockDeviceMappings: mappings,
      privateIpAddress: `172.31.${(world.state.idCounter >> 8) & 255}.${world.state.idCounter & 255}`,
      tags: instanceTags.map((t) => ({ ...t })),
    };
    if (image.platform) instance.platform = image.platform;
    if (r.keyName) instance.keyName = r.keyName;
    if (image.kernelId) instance.kernelId = image.kernelId;
    instance.amiLaunchIndex = n;
    state.instances[instanceId] = instance;
    launched.push(instance);
  }
  // EC2 records when an AMI was last launched (the accounts' own images; the catalog is read-only).
  if (state.images[image.imageId]) image.lastLaunchedTime = now;
  world.markChanged();
  return { reservationId, ownerId: accountId, instances: launched };
}

/** One entry of a Start/Stop/Terminate response. */
export interface StateChange {
  instanceId: string;
  previous: InstanceStateName;
  current: InstanceStateName;
}

function incorrectState(id: string, verb: string): Ec2Error {
  return new Ec2Error('IncorrectInstanceState', `The instance '${id}' is not in a state from which it can be ${verb}.`);
}

/** Schedules `steps` (states reached one transition period apart) from now. */
function schedule(world: World, instance: InstanceRecord, first: InstanceStateName, next: InstanceStateName[]): void {
  const now = world.clock.now();
  const step = world.options.instanceTransitionMs;
  instance.state = first;
  instance.transitions = next.map((to, k) => ({ to, at: now + (k + 1) * step }));
}

/** Applies `change` to each instance and reports its state before and after. */
function changeStates(world: World, instances: InstanceRecord[], change: (i: InstanceRecord) => void): StateChange[] {
  const changes = instances.map((i) => {
    const previous = i.state;
    change(i);
    return { instanceId: i.instanceId, previous, current: i.state };
  });
  world.markChanged();
  return changes;
}

/** What EC2 records when the user stops or terminates an instance. */
function userShutdown(i: InstanceRecord, now: number): void {
  i.stateTransitionReason = `User initiated (${gmt(now)})`;
  i.stateReason = {
    code: 'Client.UserInitiatedShutdown',
    message: 'Client.UserInitiatedShutdown: User initiated shutdown',
  };
  delete i.publicIpAddress;
}

/** StartInstances: stopped → pending → running; running or pending ones are left as they are. */
export function startInstances(
  world: World,
  region: string,
  accountId: string,
  ids: string[],
  beforeChange: () => void,
): StateChange[] {
  const instances = requireInstances(world, region, accountId, ids);
  for (const i of instances) {
    if (i.state !== 'stopped' && i.state !== 'running' && i.state !== 'pending')
      throw incorrectState(i.instanceId, 'started');
  }
  beforeChange();
  return changeStates(world, instances, (i) => {
    if (i.state === 'stopped') {
      schedule(world, i, 'pending', ['running']);
      i.stateTransitionReason = '';
      delete i.stateReason;
      i.publicIpAddress = publicIp(i.instanceId);
    }
  });
}

/**
 * StopInstances: running → stopping → stopped. Instance-store-backed instances cannot be
 * stopped; stopping or stopped ones are left as they are (Force on a stopping one stops it now).
 */
export function stopInstances(
  world: World,
  region: string,
  accountId: string,
  ids: string[],
  force: boolean,
  beforeChange: () => void,
): StateChange[] {
  const instances = requireInstances(world, region, accountId, ids);
  for (const i of instances) {
    if (i.rootDeviceType !== 'ebs') {
      throw new Ec2Error(
        'UnsupportedOperation',
        `The instance '${i.instanceId}' does not have an 'ebs' root device type and cannot be stopped.`,
      );
    }
    if (i.state !== 'running' && i.state !== 'stopping' && i.state !== 'stopped')
      throw incorrectState(i.instanceId, 'stopped');
  }
  beforeChange();
  const now = world.clock.now();
  return changeStates(world, instances, (i) => {
    if (i.state === 'running' || (i.state === 'stopping' && force)) {
      schedule(world, i, 'stopping', ['stopped']);
      if (force) i.transitions = [{ to: 'stopped', at: now }];
      userShutdown(i, now);
    }
  });
}

/** RebootInstances: only running instances (the reboot itself is instant here). */
export function rebootInstances(
  world: World,
  region: string,
  accountId: string,
  ids: string[],
  beforeChange: () => void,
): void {
  const instances = requireInstances(world, region, accountId, ids);
  for (const i of instances)
    if (i.state !== 'running' && i.state !== 'pending') throw incorrectState(i.instanceId, 'rebooted');
  beforeChange();
}

/**
 * TerminateInstances: → shutting-down → terminated. Volumes marked delete-on-termination are
 * deleted, the others are detached and become available. Terminated ones are left as they are.
 */
export function terminateInstances(
  world: World,
  region: string,
  accountId: string,
  ids: string[],
  beforeChange: () => void,
): StateChange[] {
  const instances = requireInstances(world, region, accountId, ids);
  beforeChange();
  const state = world.region(region);
  const now = world.clock.now();
  return changeStates(world, instances, (i) => {
    if (i.state !== 'terminated' && i.state !== 'shutting-down') {
      schedule(world, i, 'shutting-down', ['terminated']);
      i.terminatedAt = now + world.options.instanceTransitionMs;
      userShutdown(i, now);
      for (const m of i.blockDeviceMappings) {
        const volume = state.volumes[m.volumeId];
        if (!volume) continue;
        if (m.deleteOnTermination) delete state.volumes[m.volumeId];
        else {
          volume.state = 'available';
          delete volume.attachment;
        }
      }
      i.blockDeviceMappings = [];
    }
  });
}

function publicIp(instanceId: string): string {
  const h = parseInt(instanceId.slice(-6), 16);
  return `3.${80 + (h % 150)}.${(h >> 8) & 255}.${h & 255}`;
}

/** `2026-11-01 10:00:00 GMT`, as EC2 writes times into stateTransitionReason. */
export function gmt(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' GMT');
}
