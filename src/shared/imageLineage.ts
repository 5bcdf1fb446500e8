/**
 * Lineage: where an AMI comes from (GetImageAncestry, the image first, the root last) and the
 * caller's images built from it, transitively. Plain data for the details panel and its webview.
 */

/** One AMI of the chain to the root. */
export interface AncestryEntryView {
  imageId: string;
  /** The region it lives in: the panel's for the first entry, then each entry's SourceImageRegion. */
  region: string;
  /** `amazon`, `aws-marketplace`, `aws-backup-vault`, or absent. */
  ownerAlias?: string;
  /** ISO date-time. */
  creationDate?: string;
}

/** One of the caller's images built (created or copied) from the image, directly or not. */
export interface DerivedImageView {
  imageId: string;
  name?: string;
  region: string;
  /** The image it was built from: the panel's image at depth 1, a derived one below. */
  sourceImageId: string;
  /** 1 for an image built from this one, 2 for one built from that, … */
  depth: number;
  /** Its deprecation time has passed. */
  deprecated: boolean;
}

/** A part of the lineage, or why the endpoint could not answer it. */
export type LineagePart<T> = { available: true; items: T[] } | { available: false; reason: string };

export interface LineageView {
  /** The chain to the root, this image first. */
  ancestry: LineagePart<AncestryEntryView>;
  /** Derived images, breadth first, at most {@link MAX_DERIVED_DEPTH} generations. */
  derived: LineagePart<DerivedImageView>;
  /** More generations or images exist than were followed. */
  derivedTruncated: boolean;
}

/** How many generations of derived images the panel follows. */
export const MAX_DERIVED_DEPTH = 10;
/** How many derived images the panel lists at most. */
export const MAX_DERIVED_IMAGES = 500;
