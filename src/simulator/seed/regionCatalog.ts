import type { ImageRecord } from '../models/types';
import { buildImage, imageIdOf, type ImageSpec } from './imageBuilder';

/** Who can own a catalog's images: DescribeImages for anyone else never generates it. */
export interface CatalogOwners {
  readonly ownerIds: ReadonlySet<string>;
  readonly aliases: ReadonlySet<string>;
}

/**
 * A run of consecutive catalog images whose specs may be generated only when first needed,
 * and who can own them, known before they are generated: a query for other owners skips it.
 */
export interface CatalogSection extends CatalogOwners {
  readonly count: number;
  /** The section's specs, in catalog order (at least `count`). */
  specs(): readonly ImageSpec[];
}

/** A section whose specs are already generated. */
export function sectionOf(specs: readonly ImageSpec[]): CatalogSection {
  return {
    count: specs.length,
    ownerIds: new Set(specs.map((s) => s.ownerId)),
    aliases: new Set(specs.flatMap((s) => (s.alias === undefined ? [] : [s.alias]))),
    specs: () => specs,
  };
}

/** The first `count` images of `section`. */
export function truncated(section: CatalogSection, count: number): CatalogSection {
  return count >= section.count ? section : { ...section, count, specs: () => section.specs() };
}

/** Catalog images in image id order (how DescribeImages pages), each record built when first read. */
export interface IdOrderedImages {
  readonly length: number;
  idAt(position: number): string;
  at(position: number): ImageRecord;
}

/** An empty selection. */
export const NO_IMAGES: IdOrderedImages = {
  length: 0,
  idAt: () => {
    throw new RangeError('no images');
  },
  at: () => {
    throw new RangeError('no images');
  },
};

/** Distinct owner selections a catalog remembers (a query can name any account). */
const MAX_REMEMBERED_SELECTIONS = 32;

/**
 * One region's read-only public catalog. Building an image's record costs most of the catalog's
 * start-up, and the first rows a user asks for are one owner's (Amazon's, or the caller's own,
 * which the catalog never has): the catalog is generated on first need, its records built on
 * first use, each once, and a query that names owners builds and walks only theirs. Every answer
 * is the one the whole catalog gives.
 */
export class RegionCatalog {
  private generated: { sections: readonly CatalogSection[]; records: (ImageRecord | undefined)[] } | undefined;
  private everything: readonly ImageRecord[] | undefined;
  private readonly selections = new Map<string, readonly ImageRecord[]>();
  private readonly idOrders = new Map<string, IdOrderedImages>();

  constructor(
    private readonly generate: () => readonly CatalogSection[],
    private readonly owners: CatalogOwners,
  ) {}

  /** How many image records were built so far (for tests: start-up cost is counted, not timed). */
  get built(): number {
    // reduce skips the holes, the records not built yet.
    return this.generated?.records.reduce((n) => n + 1, 0) ?? 0;
  }

  /** Every image, in catalog order (the same array on every call). */
  all(): readonly ImageRecord[] {
    if (!this.everything) {
      const images: ImageRecord[] = [];
      this.walk((spec, index) => images.push(this.record(index, spec)));
      this.everything = images;
    }
    return this.everything;
  }

  /**
   * The images owned by one of `ownerIds` or carrying one of `aliases`, in catalog order: exactly
   * those of {@link all} that DescribeImages' `Owners` selects. The same array for the same owners.
   */
  ownedBy(ownerIds: ReadonlySet<string>, aliases: ReadonlySet<string>): readonly ImageRecord[] {
    if (!mayOwn(this.owners, ownerIds, aliases)) return [];
    const key = selectionKey(ownerIds, aliases);
    let images = this.selections.get(key);
    if (images) return images;
    const selected: ImageRecord[] = [];
    this.walk(
      (spec, index) => {
        if (owns({ ownerIds, aliases }, spec)) selected.push(this.record(index, spec));
      },
      (section) => mayOwn(section, ownerIds, aliases),
    );
    images = selected;
    if (this.selections.size >= MAX_REMEMBERED_SELECTIONS) this.selections.clear();
    this.selections.set(key, images);
    return images;
  }

  /**
   * The images {@link ownedBy} selects (every image without owners), sorted by image id once:
   * a page then costs a scan, and builds only the records it reads (the first page of Amazon's
   * images reads about a page, of their 1,100).
   */
  inIdOrder(owners?: CatalogOwners): IdOrderedImages {
    if (owners && !mayOwn(this.owners, owners.ownerIds, owners.aliases)) return NO_IMAGES;
    const key = owners ? selectionKey(owners.ownerIds, owners.aliases) : '*';
    let view = this.idOrders.get(key);
    if (view) return view;
    const indexes: number[] = [];
    const specs: ImageSpec[] = [];
    this.walk(
      (spec, index) => {
        if (!owners || owns(owners, spec)) {
          indexes.push(index);
          specs.push(spec);
        }
      },
      (section) => !owners || mayOwn(section, owners.ownerIds, owners.aliases),
    );
    const ids = specs.map(imageIdOf);
    const order = ids.map((_, i) => i).sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
    view = {
      length: order.length,
      idAt: (position) => ids[order[position]],
      at: (position) => this.record(indexes[order[position]], specs[order[position]]),
    };
    if (this.idOrders.size >= MAX_REMEMBERED_SELECTIONS) this.idOrders.clear();
    this.idOrders.set(key, view);
    return view;
  }

  /** Calls `visit` for each image in catalog order, skipping the sections `include` rejects unseen. */
  private walk(
    visit: (spec: ImageSpec, index: number) => void,
    include: (section: CatalogSection) => boolean = () => true,
  ): void {
    let offset = 0;
    for (const section of this.sectionsAndRecords().sections) {
      if (include(section)) {
        const specs = section.specs();
        for (let i = 0; i < section.count; i++) visit(specs[i], offset + i);
      }
      offset += section.count;
    }
  }

  private record(index: number, spec: ImageSpec): ImageRecord {
    return (this.sectionsAndRecords().records[index] ??= buildImage(spec));
  }

  private sectionsAndRecords(): { sections: readonly CatalogSection[]; records: (ImageRecord | undefined)[] } {
    if (!this.generated) {
      const sections = this.generate();
      const count = sections.reduce((n, s) => n + s.count, 0);
      this.generated = { sections, records: new Array<ImageRecord | undefined>(count) };
    }
    return this.generated;
  }
}

/** Whether an image of `owners` can be owned by one of `ownerIds` or carry one of `aliases`. */
function mayOwn(owners: CatalogOwners, ownerIds: ReadonlySet<string>, aliases: ReadonlySet<string>): boolean {
  for (const id of owners.ownerIds) if (ownerIds.has(id)) return true;
  for (const alias of owners.aliases) if (aliases.has(alias)) return true;
  return false;
}

/** Whether `spec`'s image is owned by one of `owners` (DescribeImages' Owners test). */
function owns(owners: CatalogOwners, spec: ImageSpec): boolean {
  return owners.ownerIds.has(spec.ownerId) || (spec.alias !== undefined && owners.aliases.has(spec.alias));
}

function selectionKey(ownerIds: ReadonlySet<string>, aliases: ReadonlySet<string>): string {
  return `${[...ownerIds].sort().join(',')}|${[...aliases].sort().join(',')}`;
}
