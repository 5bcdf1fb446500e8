import type { Clock } from './clock';
import { errors } from './errors';
import type { ImageRecord, RegionState, SimState } from './models/types';
import type { CatalogOwners, IdOrderedImages, RegionCatalog } from './seed/regionCatalog';

export interface WorldOptions {
  /** How long CreateImage/CopyImage images stay `pending` (ms). 0 = available on the next request. */
  pendingDelayMs: number;
  /** How long an instance spends in each transitional state (stopping, pending, shutting-down). */
  instanceTransitionMs: number;
}

/**
 * The simulated world: the persisted state of every account in every region, plus the
 * read-only public catalog (images of Amazon, Marketplace and community owners, which no
 * simulated account can change) that is regenerated from the seed and never persisted.
 */
export class World {
  private dirty = false;
  private changes = 0;

  constructor(
    public state: SimState,
    /** Per region, the read-only public catalog. */
    public catalog: Map<string, RegionCatalog>,
    readonly clock: Clock,
    readonly options: WorldOptions,
  ) {}

  region(name: string): RegionState {
    const region = this.state.regions[name];
    if (!region) throw errors.invalidRegion(name);
    return region;
  }

  catalogOf(region: string): readonly ImageRecord[] {
    return this.catalog.get(region)?.all() ?? [];
  }

  /**
   * The catalog images owned by one of `ownerIds` or carrying one of `aliases` (DescribeImages'
   * `Owners`), in catalog order: a query for Amazon's images builds only theirs.
   */
  catalogOwnedBy(region: string, ownerIds: ReadonlySet<string>, aliases: ReadonlySet<string>): readonly ImageRecord[] {
    return this.catalog.get(region)?.ownedBy(ownerIds, aliases) ?? [];
  }

  /** The catalog images of `owners` (all without), in image id order, built as they are read. */
  catalogInIdOrder(region: string, owners?: CatalogOwners): IdOrderedImages | undefined {
    return this.catalog.get(region)?.inIdOrder(owners);
  }

  /** Finds an image by id in the region, in the mutable state first, then the catalog. */
  findImage(region: string, imageId: string): ImageRecord | undefined {
    const own = this.region(region).images[imageId];
    if (own) return own;
    return this.catalogIndex(region).get(imageId);
  }

  /**
   * A new resource id: the prefix and 17 hex digits (8 for reservation-less legacy ids is
   * not used). Deterministic: a counter in the state, mixed so ids do not look sequential.
   */
  newId(prefix: string): string {
    const n = ++this.state.idCounter;
    return `${prefix}-${mixHex(n, 17)}`;
  }

  markChanged(): void {
    this.dirty = true;
    this.changes++;
  }

  /** How many changes were marked so far (never reset): settleRegion skips regions nothing changed in. */
  get changeCount(): number {
    return this.changes;
  }

  /** True once since the last call if anything changed: the store persists then. */
  takeChanged(): boolean {
    const was = this.dirty;
    this.dirty = false;
    return was;
  }

  private indexes = new Map<string, Map<string, ImageRecord>>();
  private catalogIndex(region: string): Map<string, ImageRecord> {
    let index = this.indexes.get(region);
    if (!index) {
      index = new Map(this.catalogOf(region).map((i) => [i.imageId, i]));
      this.indexes.set(region, index);
    }
    return index;
  }
}

/** A 64-bit-ish mix of n rendered as `digits` lowercase hex digits. */
export function mixHex(n: number, digits: number): string {
  let h1 = (0x9e3779b9 ^ n) >>> 0;
  let h2 = (0x85ebca6b ^ (n * 31)) >>> 0;
  let out = '';
  while (out.length < digits) {
    h1 = Math.imul(h1 ^ (h1 >>> 16), 0x45d9f3b) >>> 0;
    h2 = Math.imul(h2 ^ (h2 >>> 13), 0x119de1f3) >>> 0;
    out += ((h1 ^ h2) >>> 0).toString(16).padStart(8, '0');
  }
  return out.slice(0, digits);
}
