import * as fs from 'fs';
import * as path from 'path';
import type { SimState } from './models/types';

/** Result of reading the state file: the state, or why it could not be used. */
export type LoadResult =
  { kind: 'loaded'; state: SimState } | { kind: 'missing' } | { kind: 'corrupt'; movedTo: string; reason: string };

/**
 * Reads the state file. A file that cannot be parsed is never wiped: it is moved aside
 * (`<file>.corrupt-<time>`) so the user can inspect or restore it, and the caller reseeds.
 */
export function loadState(file: string, now = Date.now()): LoadResult {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw e;
  }
  let reason: string | undefined;
  try {
    const state = JSON.parse(text) as unknown;
    reason = stateShapeProblem(state);
    if (reason === undefined) return { kind: 'loaded', state: state as SimState };
  } catch (e) {
    reason = `it is not valid JSON (${(e as Error).message})`;
  }
  const base = `${file}.corrupt-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
  // Never move over an earlier corrupt copy (same clock reading, e.g. a manual clock).
  let movedTo = base;
  for (let n = 2; fs.existsSync(movedTo); n++) movedTo = `${base}-${n}`;
  fs.renameSync(file, movedTo);
  return { kind: 'corrupt', movedTo, reason };
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The arrays each kind of record must hold, so that no request trips over a malformed record. */
const RECORD_ARRAYS: Record<string, string[]> = {
  images: ['blockDeviceMappings', 'productCodes', 'launchPermissions', 'tags'],
  snapshots: ['tags', 'createVolumePermissions'],
  volumes: ['tags'],
  instances: ['tags', 'transitions', 'blockDeviceMappings'],
};

/**
 * Why a parsed file is not a usable state, or undefined when it is. Checked down to the lists
 * of each record: a file that parses but has the wrong shape would otherwise fail request after
 * request instead of being moved aside once.
 */
export function stateShapeProblem(state: unknown): string | undefined {
  if (!isObject(state) || state.version !== 1) return 'it is not a simulator state of version 1';
  if (typeof state.idCounter !== 'number' || !Number.isSafeInteger(state.idCounter))
    return 'its idCounter is not an integer';
  const seed = state.seed;
  if (!isObject(seed) || typeof seed.largeRegion !== 'string' || typeof seed.publicImagesInLargeRegion !== 'number')
    return 'its seed is malformed';
  if (!isObject(state.regions)) return 'its regions are not an object';
  for (const [name, region] of Object.entries(state.regions)) {
    if (!isObject(region)) return `region ${name} is not an object`;
    if (!isObject(region.imageBlockPublicAccess)) return `region ${name} has no imageBlockPublicAccess`;
    for (const [kind, arrays] of Object.entries(RECORD_ARRAYS)) {
      const records = region[kind];
      if (!isObject(records)) return `region ${name} has no ${kind}`;
      for (const [id, record] of Object.entries(records)) {
        if (!isObject(record)) return `${kind} ${id} in ${name} is not an object`;
        const missing = arrays.find((field) => !Array.isArray(record[field]));
        if (missing) return `${kind} ${id} in ${name} has no list ${missing}`;
      }
    }
  }
  return undefined;
}

/**
 * Removes temporary files that saves interrupted by a crash or a kill left beside the state file
 * (`<file>.<pid>.tmp`). Only the lock's owner calls this, so no save of another process is running.
 * Returns how many were removed.
 */
export function removeLeftoverTempFiles(file: string): number {
  const dir = path.dirname(file);
  const pattern = new RegExp(`^${escapeRegExp(path.basename(file))}\\.\\d+\\.tmp$`);
  let removed = 0;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    if (!pattern.test(name)) continue;
    fs.rmSync(path.join(dir, name), { force: true });
    removed++;
  }
  return removed;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Writes the state atomically: a temporary file in the same folder, flushed, then renamed over.
 * If anything fails the previous file stays as it was and no temporary file is left behind.
 */
export function saveState(file: string, state: SimState): void {
  // Serialise first: a state that cannot be written must not even create the temporary file.
  const text = JSON.stringify(state);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const fd = fs.openSync(tmp, 'w');
    try {
      fs.writeSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
