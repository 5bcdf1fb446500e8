import type { ImageRecord } from '../models/types';
import { buildImage, type ImageSpec } from './imageBuilder';

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
    const key = `${[...ownerIds].sort().join(',')}|${[...aliases].sort().join(',')}`;
    let images = this.selections.get(key);
    if (images) return images;
    const selected: ImageRecord[] = [];
    const wanted = (s: { ownerId: string; alias?: string }) =>
      ownerIds.has(s.ownerId) || (s.alias !== undefined && aliases.has(s.alias));
    this.walk(
      (spec, index) => {
        if (wanted(spec)) selected.push(this.record(index, spec));
      },
      (section) => mayOwn(section, ownerIds, aliases),
    );
    images = selected;
    if (this.selections.size >= MAX_REMEMBERED_SELECTIONS) this.selections.clear();
    this.selections.set(key, images);
    return images;
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
