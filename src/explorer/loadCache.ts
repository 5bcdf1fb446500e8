/**
 * What the explorer's models share to cache loads keyed by node id: one running load per key, and
 * dropping a subtree's entries when it is invalidated.
 */
import { isInSubtree } from './ids';

/** Runs `load` once per key at a time: callers asking while it runs get the same promise. */
export function once<T>(running: Map<string, Promise<unknown>>, key: string, load: () => Promise<T>): Promise<T> {
  const current = running.get(key) as Promise<T> | undefined;
  if (current) {
    return current;
  }
  const promise = load().finally(() => {
    if (running.get(key) === promise) {
      running.delete(key);
    }
  });
  running.set(key, promise);
  return promise;
}

/** Deletes the entries of `id`'s subtree (a key `id#suffix` belongs to `id`), or every entry with no id. */
export function deleteSubtree(maps: Map<string, unknown>[], id: string | undefined): void {
  for (const map of maps) {
    for (const key of [...map.keys()]) {
      if (id === undefined || isInSubtree(key.split('#')[0], id)) {
        map.delete(key);
      }
    }
  }
}
