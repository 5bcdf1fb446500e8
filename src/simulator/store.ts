import * as fs from 'fs';
import * as path from 'path';
import type { SimState } from './models/types';

/** Result of reading the state file: the state, or why it could not be used. */
export type LoadResult =
  | { kind: 'loaded'; state: SimState }
  | { kind: 'missing' }
  | { kind: 'corrupt'; movedTo: string; reason: string };

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
  const movedTo = `${file}.corrupt-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
  fs.renameSync(file, movedTo);
  return { kind: 'corrupt', movedTo, reason };
}

/** Writes the state atomically: a temporary file in the same folder, flushed, then renamed over. */
export function saveState(file: string, state: SimState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, JSON.stringify(state));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}
