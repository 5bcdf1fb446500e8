import { PUBLIC_OWNERS } from '../accounts';
import type { ImageRecord, RegionState, SimState } from '../models/types';
import { SIMULATOR_REGIONS } from '../regions';
import { seedReferences } from './referenceSeed';
import { AccountSeeder, type CatalogPicks } from './accountState';
import { instanceFamilySpecs, publicCatalog } from './catalog';
import { buildImage, type ImageSpec } from './imageBuilder';
import type { RegionCatalog } from './regionCatalog';

/** What the seed depends on besides the regions: the benchmark's scaled-up catalog. */
export interface SeedOptions {
  /** The region whose public catalog is scaled for benchmarks. */
  largeRegion: string;
  /** 0: every region gets its standard catalog; N > 0: the large region's catalog has N images. */
  publicImagesInLargeRegion: number;
}

/** Regions where the simulated accounts own images, snapshots, volumes and instances. */
export const SEEDED_ACCOUNT_REGIONS: readonly string[] = ['us-east-1', 'eu-west-1', 'ap-southeast-1'];

/**
 * The first id counter of a fresh state. Seed ids are derived from string keys, not from
 * the counter, so they cannot collide with the ids `World.newId` hands out from here on.
 */
const FIRST_ID_COUNTER = 1000;

/**
 * The public catalog of one region (read-only, regenerated at every start, never persisted).
 * Deterministic: the same images, ids, names and dates on every run; `now` is not used so
 * that an image keeps its identity across restarts.
 */
export function createRegionCatalog(region: string, options: SeedOptions, _now: number): RegionCatalog {
  const size = region === options.largeRegion ? options.publicImagesInLargeRegion : 0;
  return publicCatalog(region, size);
}

/** Every image of {@link createRegionCatalog}, in catalog order. */
export function createPublicCatalog(region: string, options: SeedOptions, now: number): readonly ImageRecord[] {
  return createRegionCatalog(region, options, now).all();
}

/** A region where no simulated account owns anything yet. */
export function emptyRegionState(): RegionState {
  return {
    images: {},
    snapshots: {},
    volumes: {},
    instances: {},
    imageBlockPublicAccess: { '123456789012': 'unblocked', '210987654321': 'unblocked' },
    launchTemplates: {},
    autoScalingGroups: {},
  };
}

/** A fresh simulated world: every region present, the accounts' own resources in a few of them. */
export function createSeedState(options: SeedOptions, now: number): SimState {
  const regions: Record<string, RegionState> = {};
  for (const region of SIMULATOR_REGIONS) {
    const state = emptyRegionState();
    if (SEEDED_ACCOUNT_REGIONS.includes(region)) {
      const picks = pickCatalogImages(region);
      const seeder = new AccountSeeder(region, state, now, picks);
      seeder.seed();
      seedReferences(seeder, region, state, picks);
    }
    regions[region] = state;
  }
  return {
    version: 1,
    seed: { largeRegion: options.largeRegion, publicImagesInLargeRegion: options.publicImagesInLargeRegion },
    idCounter: FIRST_ID_COUNTER,
    regions,
  };
}

/** What tells the image each seeded instance runs: the newest public image that matches. */
interface PickTarget {
  name: string;
  arch: string;
  ownerId: string;
}

/** Which catalog images the seeded instances run (the newest one each test accepts). */
export const INSTANCE_IMAGE_PICKS: Record<keyof CatalogPicks, (i: PickTarget) => boolean> = {
  al2023: (i) => i.name.startsWith('al2023-ami-2023') && i.arch === 'x86_64',
  al2023Arm: (i) => i.name.startsWith('al2023-ami-2023') && i.arch === 'arm64',
  windows2022: (i) =>
    i.ownerId === PUBLIC_OWNERS.amazonWindows && i.name.startsWith('Windows_Server-2022-English-Full-Base'),
  ubuntu2404: (i) => i.ownerId === PUBLIC_OWNERS.canonical && i.name.includes('noble') && i.arch === 'x86_64',
};

/**
 * The images the seeded instances run, built from the catalog's first families' specs only
 * (the same records the full catalog has): seeding builds no region's catalog, which start-up
 * cannot afford, and the region's catalog later carries on from these specs.
 */
export function pickCatalogImages(region: string): CatalogPicks {
  const specs = instanceFamilySpecs(region);
  const newest = (test: (i: PickTarget) => boolean): ImageRecord => {
    let found: ImageSpec | undefined;
    for (const spec of specs) if (test(spec) && (!found || spec.created > found.created)) found = spec;
    if (!found) throw new Error(`seed: no catalog image for an instance in ${region}`);
    return buildImage(found);
  };
  return {
    al2023: newest(INSTANCE_IMAGE_PICKS.al2023),
    al2023Arm: newest(INSTANCE_IMAGE_PICKS.al2023Arm),
    windows2022: newest(INSTANCE_IMAGE_PICKS.windows2022),
    ubuntu2404: newest(INSTANCE_IMAGE_PICKS.ubuntu2404),
  };
}
