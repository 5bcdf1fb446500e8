import { errors } from '../errors';
import type { World } from '../world';
import { compileFilters, type FilterDefinitions, type FilterRequest } from './filters';
import { checkImageId, isVisibleTo } from './imageAccess';
import { isInstanceVisible, requireInstanceIdFormat } from './instanceAccess';
import { checkPageRequest, paginate, type PageRequest } from './paging';
import { requireOwnSnapshot } from './snapshots';
import type { Tag } from './types';
import { checkVolumeId } from './volumes';

/** Tags on AMIs, snapshots, volumes and instances: EC2's limits and its CreateTags/DeleteTags/DescribeTags. */

export const MAX_TAGS_PER_RESOURCE = 50;

export type TaggableType = 'image' | 'snapshot' | 'volume' | 'instance';

/** A resource the caller may tag: its type and the record holding `tags`. */
export interface Taggable {
  id: string;
  type: TaggableType;
  record: { tags: Tag[] };
}

/** Checks one tag against EC2's rules (key 1–128, value ≤ 256, no `aws:` prefix). */
export function checkTag(tag: Tag): void {
  if (tag.key.length === 0) throw errors.invalidParameterValue('Tag key cannot be empty');
  if (tag.key.length > 128) throw errors.invalidParameterValue('Tag key exceeds the maximum length of 128 characters');
  if (tag.value.length > 256)
    throw errors.invalidParameterValue('Tag value exceeds the maximum length of 256 characters');
  if (tag.key.toLowerCase().startsWith('aws:')) throw errors.reservedTagKey();
}

/** `tags` with `add` applied (a key already present gets the new value); refuses more than 50. */
export function mergeTags(tags: readonly Tag[], add: readonly Tag[]): Tag[] {
  const out = tags.map((t) => ({ key: t.key, value: t.value }));
  for (const t of add) {
    const existing = out.find((o) => o.key === t.key);
    if (existing) existing.value = t.value;
    else out.push({ key: t.key, value: t.value });
  }
  if (out.length > MAX_TAGS_PER_RESOURCE) throw errors.tagLimitExceeded();
  return out;
}

/**
 * The resource `id` as its owner sees it, by id prefix. Malformed ids of a known type answer
 * that type's Malformed error; other ids `InvalidID`; unknown ones the type's NotFound; AMIs
 * and snapshots of other accounts (public or shared) `AuthFailure`: only the owner tags them.
 */
export function requireTaggable(world: World, region: string, accountId: string, id: string): Taggable {
  const state = world.region(region);
  if (id.startsWith('ami-')) {
    checkImageId(id);
    const image = world.findImage(region, id);
    if (!image || image.state === 'deregistered' || !isVisibleTo(image, accountId)) throw errors.amiNotFound(id);
    if (image.ownerId !== accountId) throw errors.notAuthorizedForImage(id);
    return { id, type: 'image', record: image };
  }
  if (id.startsWith('snap-')) {
    return { id, type: 'snapshot', record: requireOwnSnapshot(world, region, accountId, id) };
  }
  if (id.startsWith('vol-')) {
    checkVolumeId(id);
    const volume = state.volumes[id];
    if (!volume || volume.ownerId !== accountId) throw errors.volumeNotFound(id);
    return { id, type: 'volume', record: volume };
  }
  if (id.startsWith('i-')) {
    requireInstanceIdFormat(id);
    const instance = state.instances[id];
    if (!instance || !isInstanceVisible(instance, accountId, world.clock.now())) throw errors.instancesNotFound([id]);
    return { id, type: 'instance', record: instance };
  }
  throw errors.invalidId(id);
}

/** CreateTags: validates every resource and tag first, then tags all (all or nothing). */
export function createTags(
  world: World,
  region: string,
  accountId: string,
  resourceIds: string[],
  tags: Tag[],
  beforeChange: () => void,
): void {
  if (resourceIds.length === 0) throw errors.missingParameter('ResourceId');
  if (tags.length === 0) throw errors.missingParameter('Tag');
  for (const t of tags) checkTag(t);
  const targets = resourceIds.map((id) => requireTaggable(world, region, accountId, id));
  const merged = targets.map((t) => mergeTags(t.record.tags, tags));
  beforeChange();
  targets.forEach((t, i) => (t.record.tags = merged[i]));
  world.markChanged();
}

/** DeleteTags: without tags removes all; a tag with a value removes it only when the value matches. */
export function deleteTags(
  world: World,
  region: string,
  accountId: string,
  resourceIds: string[],
  tags: { key: string; value?: string }[],
  beforeChange: () => void,
): void {
  if (resourceIds.length === 0) throw errors.missingParameter('ResourceId');
  for (const t of tags) if (t.key.toLowerCase().startsWith('aws:')) throw errors.reservedTagKey();
  const targets = resourceIds.map((id) => requireTaggable(world, region, accountId, id));
  beforeChange();
  for (const target of targets) {
    target.record.tags =
      tags.length === 0
        ? []
        : target.record.tags.filter(
            (t) => !tags.some((d) => d.key === t.key && (d.value === undefined || d.value === t.value)),
          );
  }
  world.markChanged();
}

/** One row of DescribeTags. */
export interface TagDescription {
  resourceId: string;
  resourceType: TaggableType;
  key: string;
  value: string;
}

const TAG_FILTERS: FilterDefinitions<TagDescription> = {
  exact: {
    key: (t) => t.key,
    value: (t) => t.value,
    'resource-id': (t) => t.resourceId,
    'resource-type': (t) => t.resourceType,
  },
  prefixed: {
    'tag:': (key) => (t) => (t.key === key ? t.value : undefined),
  },
};

/** DescribeTags over the caller's AMIs, snapshots, volumes and instances in the region. */
export function describeTags(
  world: World,
  region: string,
  accountId: string,
  filters: FilterRequest[],
  page: PageRequest,
) {
  checkPageRequest('tags', page, 5, 1000);
  const filter = compileFilters(filters, TAG_FILTERS);
  const state = world.region(region);
  const now = world.clock.now();
  const rows: TagDescription[] = [];
  const add = (resourceId: string, resourceType: TaggableType, tags: readonly Tag[]) => {
    for (const t of tags) {
      const row = { resourceId, resourceType, key: t.key, value: t.value };
      if (!filter || filter(row)) rows.push(row);
    }
  };
  for (const i of Object.values(state.images))
    if (i.ownerId === accountId && i.state !== 'deregistered') add(i.imageId, 'image', i.tags);
  for (const s of Object.values(state.snapshots)) if (s.ownerId === accountId) add(s.snapshotId, 'snapshot', s.tags);
  for (const v of Object.values(state.volumes)) if (v.ownerId === accountId) add(v.volumeId, 'volume', v.tags);
  for (const i of Object.values(state.instances))
    if (isInstanceVisible(i, accountId, now)) add(i.instanceId, 'instance', i.tags);
  // One resource's tags stay together; pages follow resource id then key.
  return paginate('tags', rows, (r) => `${r.resourceId}\u0000${r.key}`, page);
}
