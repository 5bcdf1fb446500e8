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
    const state = JSON.parse(text) as SimState;
    if (state && state.version === 1 && typeof state.regions === 'object' && typeof state.idCounter === 'number') {
      return { kind: 'loaded', state };
    }
    reason = 'it is not a simulator state of version 1';
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
