import type { Image } from '@aws-sdk/client-ec2';

/**
 * Image families: the versions of one image series (al2023-ami-2023.9.20260901.0-kernel-6.1-x86_64,
 * …-2023.9.20261001.0-…) under one row, so that a public catalog of thousands of images reads as
 * a list of products. The family is the name with its version or date replaced by `*`, the
 * wildcard EC2's `name` filter takes, so the pattern can be pasted into Filter Images.
 * Free of `vscode`: unit-tested in Node.
 */

/** A number run that is a version or a build date, not part of what the image is (24.04, 6.1, 2022). */
function isVersion(core: string): boolean {
  return (
    /^v\d+(\.\d+)*$/i.test(core) || // v7, v1.2
    /(^|\D)20\d{6}(\D|$)/.test(core) || // a yyyymmdd date stamp, alone or inside 2023.9.20260901.0
    /^(19|20)\d\d\.\d/.test(core) // 2026.09.10, 2024.08
  );
}

// A run of digits and dots (or v + digits) between separators, with an optional "-NNNN" build suffix.
const NUMBER_RUN = /(?<![A-Za-z0-9])(v?\d[\d.]*)(-\d{1,6})?(?![A-Za-z0-9])/g;

/** The family pattern of an image name, or undefined when the name has no version in it. */
export function familyKey(name: string | undefined): string | undefined {
  if (!name) return undefined;
  let versioned = false;
  const key = name.replace(NUMBER_RUN, (whole: string, core: string) => {
    if (!isVersion(core.replace(/\.$/, ''))) return whole;
    versioned = true;
    return '*';
  });
  return versioned ? key : undefined;
}

export interface ImageFamily {
  /** The pattern, e.g. `ubuntu/images/hvm-ssd/ubuntu-noble-24.04-amd64-server-*`. */
  key: string;
  /** Newest first. */
  images: Image[];
}

/** A row of an image list: a family of two or more versions, or one image on its own. */
export type ImageListEntry = { kind: 'family'; family: ImageFamily } | { kind: 'image'; image: Image };

const created = (i: Image) => Date.parse(i.CreationDate ?? '') || 0;

/**
 * Groups a page of images into families (two or more versions), in the order of each family's
 * first image; a family of one is shown as the image itself.
 */
export function groupIntoFamilies(images: readonly Image[]): ImageListEntry[] {
  const byKey = new Map<string, Image[]>();
  for (const image of images) {
    const key = familyKey(image.Name);
    if (key !== undefined) byKey.set(key, [...(byKey.get(key) ?? []), image]);
  }
  const entries: ImageListEntry[] = [];
  const placed = new Set<string>();
  for (const image of images) {
    const key = familyKey(image.Name);
    const members = key === undefined ? undefined : byKey.get(key);
    if (key === undefined || !members || members.length < 2) {
      entries.push({ kind: 'image', image });
    } else if (!placed.has(key)) {
      placed.add(key);
      entries.push({ kind: 'family', family: { key, images: [...members].sort((a, b) => created(b) - created(a)) } });
    }
  }
  return entries;
}

/** `3 versions · newest 2026-09-01 · x86_64, arm64`. */
export function familyDescription(family: ImageFamily): string {
  const newest = family.images[0]?.CreationDate?.slice(0, 10);
  const architectures = [...new Set(family.images.map((i) => i.Architecture).filter(Boolean))];
  return [
    `${family.images.length} versions`,
    newest ? `newest ${newest}` : undefined,
    architectures.length > 0 ? architectures.join(', ') : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}
