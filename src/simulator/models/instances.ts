import { gmt } from '../clock';
import { errors } from '../errors';
import type { World } from '../world';
import { compileFilters, type FilterDefinitions, type FilterRequest } from './filters';
import { isForgotten, requireInstanceIdFormat, requireInstances } from './instanceAccess';
import { checkPageRequest, paginate, type PageRequest } from './paging';
import type { Architecture, InstanceRecord, InstanceStateName } from './types';

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
    if (isForgotten(i, now)) {
      delete state.instances[i.instanceId];
      world.markChanged();
    }
  }
}

/** One entry of a Start/Stop/Terminate response. */
export interface StateChange {
  instanceId: string;
  previous: InstanceStateName;
  current: InstanceStateName;
}

function incorrectState(id: string, verb: string) {
  return errors.incorrectInstanceState(`The instance '${id}' is not in a state from which it can be ${verb}.`);
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
      throw errors.unsupportedOperation(
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
