import { errors } from '../errors';
import type { World } from '../world';
import type { InstanceRecord } from './types';

/** Which instances a caller sees, and how instance ids are looked up (with EC2's errors). */

const INSTANCE_ID = /^i-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;

/** How long a terminated instance stays visible in DescribeInstances. */
export const TERMINATED_VISIBLE_MS = 60 * 60 * 1000;

/** Raises `InvalidInstanceID.Malformed` unless `id` looks like `i-` + 8 or 17 hex digits. */
export function requireInstanceIdFormat(id: string): void {
  if (!INSTANCE_ID.test(id)) throw errors.instanceMalformed(id);
}

/** Has the terminated instance `i` passed the hour during which EC2 still lists it? */
export function isForgotten(i: InstanceRecord, now: number): boolean {
  return i.state === 'terminated' && (i.terminatedAt ?? 0) + TERMINATED_VISIBLE_MS <= now;
}

/** The caller sees its own instances; terminated ones only for an hour after they terminated. */
export function isInstanceVisible(i: InstanceRecord, accountId: string, now: number): boolean {
  return i.ownerId === accountId && !isForgotten(i, now);
}

/** The instances `ids` as the caller owns them (Malformed, then NotFound listing every unknown id). */
export function requireInstances(world: World, region: string, accountId: string, ids: string[]): InstanceRecord[] {
  if (ids.length === 0) throw errors.missingParameter('InstanceId');
  for (const id of ids) requireInstanceIdFormat(id);
  const state = world.region(region);
  const now = world.clock.now();
  const missing = ids.filter((id) => !state.instances[id] || !isInstanceVisible(state.instances[id], accountId, now));
  if (missing.length > 0) throw errors.instancesNotFound(missing);
  return [...new Set(ids)].map((id) => state.instances[id]);
}

/** One instance of the caller that is not terminated (CreateImage refuses terminated ones as unknown). */
export function requireOwnInstance(world: World, region: string, id: string, accountId: string): InstanceRecord {
  requireInstanceIdFormat(id);
  const instance = world.region(region).instances[id];
  if (!instance || instance.ownerId !== accountId || instance.state === 'terminated') {
    throw errors.instancesNotFound([id]);
  }
  return instance;
}
