/**
 * Deterministic randomness for the seed: a small PRNG and string-keyed ids, so the seed
 * (and the public catalog, which is regenerated at every start) is the same on every run.
 */

export const DAY_MS = 86_400_000;

/** mulberry32: tiny, fast, and good enough to vary a catalog. */
export class Prng {
  private s: number;

  constructor(seed: number) {
    this.s = seed >>> 0;
  }

  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.next() * values.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A generator that continues from here on its own: drawing from one does not move the other. */
  fork(): Prng {
    const copy = new Prng(0);
    copy.s = this.s;
    return copy;
  }

  /** Moves past `n` draws without making them: the state only counts draws (mulberry32). */
  skip(n: number): void {
    this.s = (this.s + Math.imul(n, 0x6d2b79f5)) >>> 0;
  }
}

/** FNV-1a over the UTF-16 code units of `text`. */
export function hash32(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function avalanche(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** `digits` lowercase hex digits derived from a string key. */
export function keyHex(key: string, digits: number): string {
  let h1 = hash32(key);
  let h2 = hash32(key, 0x2f6b1d3c);
  let out = '';
  while (out.length < digits) {
    h1 = avalanche(h1 + 0x9e3779b9);
    h2 = avalanche(h2 ^ h1);
    out += h2.toString(16).padStart(8, '0');
  }
  return out.slice(0, digits);
}

/**
 * A seed resource id: `prefix-0` + 16 hex digits (17 in all, with the leading 0 that
 * current EC2 ids have). Derived from a string key, not from the state's id counter, so
 * seed ids never collide with the ids `World.newId` hands out later. One pass over the key
 * (the 100,000-image catalog derives 200,000 ids).
 */
export function seedId(prefix: string, key: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x2f6b1d3c;
  for (let i = 0; i < prefix.length; i++) {
    h1 = Math.imul(h1 ^ prefix.charCodeAt(i), 0x01000193);
    h2 = Math.imul(h2 ^ prefix.charCodeAt(i), 0x01000193);
  }
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  const a = avalanche(h1 ^ 0x9e3779b9);
  const b = avalanche(h2 + a);
  return `${prefix}-0${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
}

/** A lowercase alphanumeric code of `length` characters (Marketplace product codes). */
export function keyCode(key: string, length: number): string {
  const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';
  let h = hash32(key);
  let out = '';
  for (let i = 0; i < length; i++) {
    h = avalanche(h + i + 1);
    out += alphabet[h % 36];
  }
  return out;
}

const ymdCache = new Map<number, string>();

/** `20250218` for a UTC time (cached per day: the large catalog formats 100,000 dates). */
export function ymd(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let text = ymdCache.get(day);
  if (text === undefined) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10).replace(/-/g, '');
    ymdCache.set(day, text);
  }
  return text;
}

/** A deterministic UUID-shaped string (KMS key ids). */
export function keyUuid(key: string): string {
  const h = keyHex(key, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
