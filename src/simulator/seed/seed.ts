import { PUBLIC_OWNERS } from '../accounts';
import type { ImageRecord, RegionState, SimState } from '../models/types';
import { SIMULATOR_REGIONS } from '../regions';
import { AccountSeeder, type CatalogPicks } from './accountState';
import { publicCatalog, standardImages } from './catalog';

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
export function createPublicCatalog(region: string, options: SeedOptions, _now: number): ImageRecord[] {
  const size = region === options.largeRegion ? options.publicImagesInLargeRegion : 0;
  return publicCatalog(region, size);
}

/** A fresh simulated world: every region present, the accounts' own resources in a few of them. */
export function createSeedState(options: SeedOptions, now: number): SimState {
  const regions: Record<string, RegionState> = {};
  for (const region of SIMULATOR_REGIONS) {
    const state: RegionState = {
      images: {},
      snapshots: {},
      volumes: {},
      instances: {},
      imageBlockPublicAccess: { '123456789012': 'unblocked', '210987654321': 'unblocked' },
    };
    if (SEEDED_ACCOUNT_REGIONS.includes(region)) {
      new AccountSeeder(region, state, now, pickCatalogImages(region)).seed();
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

/** The newest standard-catalog images the seeded instances run. */
function pickCatalogImages(region: string): CatalogPicks {
  const images = standardImages(region);
  const newest = (test: (i: ImageRecord) => boolean): ImageRecord => {
    const found = images.filter(test).sort((a, b) => b.creationDate - a.creationDate)[0];
    if (!found) throw new Error(`seed: no catalog image for an instance in ${region}`);
    return found;
  };
  return {
    al2023: newest((i) => i.name.startsWith('al2023-ami-2023') && i.architecture === 'x86_64'),
    al2023Arm: newest((i) => i.name.startsWith('al2023-ami-2023') && i.architecture === 'arm64'),
    windows2022: newest(
      (i) => i.ownerId === PUBLIC_OWNERS.amazonWindows && i.name.startsWith('Windows_Server-2022-English-Full-Base'),
    ),
    ubuntu2404: newest(
      (i) => i.ownerId === PUBLIC_OWNERS.canonical && i.name.includes('noble') && i.architecture === 'x86_64',
    ),
  };
}
