import { errors } from '../errors';
import type { World } from '../world';
import { compileFilters, type FilterRequest } from './filters';
import { checkImageId, isAccountId, isDeprecated, isVisibleTo } from './imageAccess';
import { imageFilters } from './imageFilters';
import { recentlyDeregistered } from './lifecycle';
import { allowedImagesSettings, imageAllowedFor } from './allowedImages';
import type { ImageRecord } from './types';
import { NO_IMAGES, type CatalogOwners, type IdOrderedImages } from '../seed/regionCatalog';

/** DescribeImages: which images one caller sees, selected and paginated as EC2 does. */
export interface ImageQuery {
  accountId: string;
  region: string;
  owners: string[];
  executableUsers: string[];
  imageIds: string[];
  filters: FilterRequest[];
  includeDeprecated?: boolean;
  includeDisabled?: boolean;
  maxResults?: number;
  nextToken?: string;
}

export interface ImagePage {
  images: ImageRecord[];
  nextToken?: string;
}

const OWNER_ALIASES = new Set(['self', 'amazon', 'aws-marketplace', 'aws-backup-vault']);

/** Checks the request's parameters (before DryRun is answered). */
export function validateImageQuery(q: ImageQuery): void {
  for (const id of q.imageIds) checkImageId(id);
  for (const owner of q.owners) {
    if (!OWNER_ALIASES.has(owner) && !isAccountId(owner)) {
      throw errors.userIdMalformed(owner);
    }
  }
  for (const user of q.executableUsers) {
    if (user !== 'self' && user !== 'all' && !isAccountId(user)) {
      throw errors.userIdMalformed(user);
    }
  }
  if (q.maxResults !== undefined) {
    if (q.imageIds.length > 0) {
      throw errors.invalidParameterCombination(
        'The parameter imageIdsSet cannot be used with the parameter maxResults',
      );
    }
    if (q.maxResults < 5 || q.maxResults > 1000) {
      throw errors.invalidParameterValue(
        `Value ( ${q.maxResults} ) for parameter maxResults is invalid. Expecting a value between 5 and 1000.`,
      );
    }
  }
  if (q.nextToken !== undefined) decodeToken(q.nextToken);
}

/**
 * Runs the query. Deprecated images are hidden unless IncludeDeprecated, explicit ImageIds,
 * or the caller owns them; disabled images only show to their owner with IncludeDisabled;
 * deregistered images never show. Unknown explicit ids answer `InvalidAMIID.NotFound`.
 */
export function queryImages(world: World, q: ImageQuery): ImagePage {
  validateImageQuery(q);
  const now = world.clock.now();
  const me = q.accountId;
  const allowed = imageAllowedFor(world, q.region, me);
  const filter = compileFilters(q.filters, imageFilters(allowed));
  // "When Allowed AMIs is set to enabled, only allowed images are returned" (DescribeImages reference).
  const enforced = allowedImagesSettings(world, q.region, me).state === 'enabled';
  const owners = ownerSelection(q.owners, me);
  const ownerTest =
    owners &&
    ((i: ImageRecord) =>
      owners.ownerIds.has(i.ownerId) || (i.imageOwnerAlias !== undefined && owners.aliases.has(i.imageOwnerAlias)));
  const execTest = compileExecutableUsers(q.executableUsers, me);
  const byId = q.imageIds.length > 0;
  const includeDeprecated = q.includeDeprecated === true || byId;

  // The request's own selectors first: they reject most of a 100,000-image catalog cheaply.
  const accept = (image: ImageRecord): boolean => {
    if (ownerTest && !ownerTest(image)) return false;
    if (filter && !filter(image)) return false;
    if (execTest && !execTest(image)) return false;
    if (image.state === 'deregistered' && !(byId && recentlyDeregistered(image, now))) return false;
    if (image.state === 'disabled' && !(q.includeDisabled && image.ownerId === me)) return false;
    if (!includeDeprecated && image.ownerId !== me && isDeprecated(image, now)) return false;
    if (enforced && !allowed(image)) return false;
    return isVisibleTo(image, me);
  };

  const matched: ImageRecord[] = [];
  if (byId) {
    const unique = [...new Set(q.imageIds)];
    // EC2 names every unknown id of the call (moto test_ami_describe_non_existent, aws_verified).
    const missing = unique.filter((id) => {
      const image = world.findImage(q.region, id);
      return !image || (!isVisibleTo(image, me) && image.state !== 'deregistered');
    });
    if (missing.length > 0) throw errors.amiNotFound(missing);
    for (const id of unique) {
      const image = world.findImage(q.region, id)!;
      // "Recently deregistered images appear in the returned results for a short interval and then
      // return empty results" (API reference, DescribeImages).
      if (accept(image)) matched.push(image);
    }
    return { images: matched };
  }
  const own = ownImages(world, world.region(q.region).images);
  // Only the named owners' part of the catalog: the rest could never pass the owner test.
  if (q.maxResults === undefined && q.nextToken === undefined) {
    const catalog = owners
      ? world.catalogOwnedBy(q.region, owners.ownerIds, owners.aliases)
      : world.catalogOf(q.region);
    for (const image of own) if (accept(image)) matched.push(image);
    for (const image of catalog) if (accept(image)) matched.push(image);
    return { images: matched };
  }
  const catalog = world.catalogInIdOrder(q.region, owners) ?? NO_IMAGES;
  return pageInIdOrder(own, catalog, accept, q);
}

/**
 * The region's own images as a list, listed again only after a change: Object.values of a
 * 10,000-key record costs more than the rest of a page, and a listing asks for eleven pages. Every
 * change of the state is marked (World.markChanged), which settleRegion relies on the same way.
 */
const ownLists = new WeakMap<Record<string, ImageRecord>, { world: World; changes: number; list: ImageRecord[] }>();
function ownImages(world: World, images: Record<string, ImageRecord>): readonly ImageRecord[] {
  const cached = ownLists.get(images);
  if (cached && cached.world === world && cached.changes === world.changeCount) return cached.list;
  const list = Object.values(images);
  ownLists.set(images, { world, changes: world.changeCount, list });
  return list;
}

/**
 * The `count` accepted images with the smallest ids, in id order: one pass that keeps the best
 * `count` so far sorted (binary insertion), instead of sorting every accepted image.
 */
export function smallestById(
  images: readonly ImageRecord[],
  accept: (image: ImageRecord) => boolean,
  count: number,
): ImageRecord[] {
  const best: ImageRecord[] = [];
  for (const image of images) {
    const id = image.imageId;
    if (best.length === count && id >= best[count - 1].imageId) continue;
    if (!accept(image)) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (best[mid].imageId < id) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, image);
    if (best.length > count) best.pop();
  }
  return best;
}

/**
 * One page in image id order (so a token, the last id returned, stays valid while images come
 * and go): merges the caller's matching own images with the matching catalog images after the token.
 * Of the own images only the page's worth after the token is sorted, not all of them for every
 * page (listing 10,000 own images in pages of 1,000 sorted all 10,000 eleven times).
 */
function pageInIdOrder(
  allOwn: readonly ImageRecord[],
  catalog: IdOrderedImages,
  accept: (image: ImageRecord) => boolean,
  q: ImageQuery,
): ImagePage {
  const after = q.nextToken !== undefined ? decodeToken(q.nextToken) : undefined;
  const size = q.maxResults ?? 1000;
  // One more than a page: enough to tell whether another page follows.
  const own = smallestById(
    after === undefined ? allOwn : allOwn.filter((image) => image.imageId > after),
    accept,
    size + 1,
  );
  let i = 0;
  let j = 0;
  if (after !== undefined) {
    let lo = 0;
    let hi = catalog.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (catalog.idAt(mid) <= after) lo = mid + 1;
      else hi = mid;
    }
    j = lo;
  }
  const page: ImageRecord[] = [];
  let more = false;
  while (i < own.length || j < catalog.length) {
    let next: ImageRecord;
    if (j >= catalog.length || (i < own.length && own[i].imageId < catalog.idAt(j))) {
      next = own[i++];
    } else {
      next = catalog.at(j++);
      if (!accept(next)) continue;
    }
    if (page.length === size) {
      more = true;
      break;
    }
    page.push(next);
  }
  return more ? { images: page, nextToken: encodeToken(page[page.length - 1].imageId) } : { images: page };
}

/** The accounts and aliases `Owners` names (`self` is the caller), or undefined when it names none. */
function ownerSelection(owners: string[], me: string): CatalogOwners | undefined {
  if (owners.length === 0) return undefined;
  const ids = new Set<string>();
  const aliases = new Set<string>();
  for (const o of owners) {
    if (o === 'self') ids.add(me);
    else if (isAccountId(o)) ids.add(o);
    else aliases.add(o);
  }
  return { ownerIds: ids, aliases };
}

/**
 * `self` (or the caller's id): images the caller may launch through an explicit permission,
 * plus its own; another account id: images shared with that account explicitly; `all`: public.
 */
function compileExecutableUsers(users: string[], me: string): ((i: ImageRecord) => boolean) | undefined {
  if (users.length === 0) return undefined;
  const accounts = new Set(users.filter((u) => u !== 'all').map((u) => (u === 'self' ? me : u)));
  const all = users.includes('all');
  return (i) => {
    if (accounts.has(me) && i.ownerId === me) return true;
    for (const p of i.launchPermissions) {
      if (all && p.group === 'all') return true;
      if (p.userId !== undefined && accounts.has(p.userId)) return true;
    }
    return false;
  };
}

const TOKEN_PREFIX = 'amiexp1:';

function encodeToken(lastImageId: string): string {
  return Buffer.from(TOKEN_PREFIX + lastImageId, 'utf8').toString('base64');
}

function decodeToken(token: string): string {
  const text = Buffer.from(token, 'base64').toString('utf8');
  if (!text.startsWith(TOKEN_PREFIX) || !/^ami-[0-9a-f]+$/.test(text.slice(TOKEN_PREFIX.length))) {
    throw errors.invalidNextToken(token);
  }
  return text.slice(TOKEN_PREFIX.length);
}
