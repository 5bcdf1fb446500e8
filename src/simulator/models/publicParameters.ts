import type { World } from '../world';
import type { ImageRecord } from './types';

/**
 * The public Systems Manager parameters under `/aws/service/` that name the latest AMI of a
 * series (Amazon Linux, Ubuntu, Windows, Debian, Bottlerocket, ECS- and EKS-optimized).
 * One source of truth: the catalog images carry `publicSsmParameterName` (every build of the
 * series, as EC2's `public-ssm-parameter-name` filter finds them all); the parameter's value is
 * the newest of them in the region, its version the number of builds it has named.
 */

export interface PublicParameter {
  name: string;
  /** The AMI id it resolves to. */
  value: string;
  version: number;
  lastModified: number;
  image: ImageRecord;
}

const tables = new WeakMap<readonly ImageRecord[], Map<string, PublicParameter>>();

/** Every public parameter of the region, by name. */
export function publicParameters(world: World, region: string): Map<string, PublicParameter> {
  const catalog = world.catalogOf(region);
  let table = tables.get(catalog);
  if (table) return table;
  const series = new Map<string, ImageRecord[]>();
  for (const image of catalog) {
    const name = image.publicSsmParameterName;
    if (!name) continue;
    let list = series.get(name);
    if (!list) series.set(name, (list = []));
    list.push(image);
  }
  table = new Map();
  for (const [name, images] of series) {
    const newest = images.reduce((a, b) =>
      b.creationDate > a.creationDate || (b.creationDate === a.creationDate && b.imageId > a.imageId) ? b : a,
    );
    table.set(name, {
      name,
      value: newest.imageId,
      version: images.length,
      lastModified: newest.creationDate,
      image: newest,
    });
  }
  tables.set(catalog, table);
  return table;
}

/** `resolve:ssm:<name>` (RunInstances ImageId, launch templates): the AMI id, or undefined if unknown. */
export function resolveSsmImageId(world: World, region: string, imageId: string): string | undefined {
  const name = imageId.slice('resolve:ssm:'.length);
  return publicParameters(world, region).get(name)?.value;
}

export const RESOLVE_SSM_PREFIX = 'resolve:ssm:';
