import { errors } from '../errors';

/**
 * EC2's `Filter.N.Name` / `Filter.N.Value.M` semantics: values of one filter are ORed,
 * filters are ANDed, values match case-sensitively with `*` (any run) and `?` (one
 * character) wildcards, `\` escapes them. Filters compile once per request into predicates
 * so a query over 100,000 records stays a tight loop.
 */

/** One requested filter, as parsed from the Query parameters. */
export interface FilterRequest {
  name: string;
  values: string[];
}

/** What a filter reads from a record: one value, several (lists), or none. */
export type FieldGetter<T> = (record: T) => string | readonly string[] | undefined;

/** A filter's definition: how to read a record, given the filter name (for `tag:Key`). */
export type FilterDefinitions<T> = {
  exact: Record<string, FieldGetter<T>>;
  /** Filters whose name has a variable part, e.g. `tag:` + key. */
  prefixed?: Record<string, (suffix: string) => FieldGetter<T>>;
};

export type Predicate<T> = (record: T) => boolean;

/**
 * Compiles one filter value into a string test, without a regex: the pattern splits at `*`
 * into segments; the first must match at the start, the last at the end, and each middle one
 * at its leftmost place after the previous (leftmost is always right for `*`, so nothing is
 * ever retried). A value is scanned once per segment: no pattern can stall a request the way
 * `*?*?*?*?*?*~` stalled the backtracking regex this replaces.
 */
export function compileWildcard(pattern: string): (value: string) => boolean {
  if (!/[*?\\]/.test(pattern)) return (value) => value === pattern;
  const segments = splitAtStars(pattern);
  if (segments.length === 1) {
    const only = segments[0];
    return (value) => value.length === only.length && matchesAt(only, value, 0);
  }
  const first = segments[0];
  const last = segments[segments.length - 1];
  const middle = segments.slice(1, -1);
  const minLength = segments.reduce((sum, s) => sum + s.length, 0);
  return (value) => {
    if (value.length < minLength || !matchesAt(first, value, 0)) return false;
    let from = first.length;
    const end = value.length - last.length;
    for (const segment of middle) {
      const at = findSegment(segment, value, from, end);
      if (at < 0) return false;
      from = at + segment.length;
    }
    return from <= end && matchesAt(last, value, end);
  };
}

/** A run of the pattern between stars: literal text, with `?` positions marked. */
interface Segment {
  text: string;
  length: number;
  /** Which positions of `text` are `?` (any one character); undefined when none are. */
  any?: boolean[];
}

function splitAtStars(pattern: string): Segment[] {
  const segments: Segment[] = [];
  let text = '';
  let any: boolean[] | undefined;
  const close = () => {
    segments.push({ text, length: text.length, any });
    text = '';
    any = undefined;
  };
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) text += pattern[++i];
    else if (c === '*') close();
    else if (c === '?') {
      any ??= [];
      any[text.length] = true;
      text += '?';
    } else text += c;
  }
  close();
  return segments;
}

function matchesAt(segment: Segment, value: string, at: number): boolean {
  if (!segment.any) return value.startsWith(segment.text, at);
  for (let i = 0; i < segment.length; i++) {
    if (!segment.any[i] && value.charCodeAt(at + i) !== segment.text.charCodeAt(i)) return false;
  }
  return at + segment.length <= value.length;
}

/** The leftmost place in `value[from, end)` where the segment matches whole, or -1. */
function findSegment(segment: Segment, value: string, from: number, end: number): number {
  if (!segment.any) {
    const at = value.indexOf(segment.text, from);
    return at >= 0 && at + segment.length <= end ? at : -1;
  }
  for (let at = from; at + segment.length <= end; at++) if (matchesAt(segment, value, at)) return at;
  return -1;
}

/**
 * Compiles the filters into one predicate. An unknown filter name is refused as EC2 refuses
 * it (`InvalidParameterValue`), a filter without values too.
 */
export function compileFilters<T>(
  filters: readonly FilterRequest[],
  defs: FilterDefinitions<T>,
): Predicate<T> | undefined {
  if (filters.length === 0) return undefined;
  const parts: Predicate<T>[] = filters.map((filter) => {
    const getter = lookup(filter.name, defs);
    if (!getter) throw errors.invalidParameterValue(`The filter '${filter.name}' is invalid`);
    if (filter.values.length === 0) {
      throw errors.invalidParameterValue(`The filter '${filter.name}' requires at least one value`);
    }
    const tests = filter.values.map(compileWildcard);
    const matchOne = tests.length === 1 ? tests[0] : (v: string) => tests.some((t) => t(v));
    return (record: T) => {
      const value = getter(record);
      if (value === undefined) return false;
      if (typeof value === 'string') return matchOne(value);
      for (const v of value) if (matchOne(v)) return true;
      return false;
    };
  });
  if (parts.length === 1) return parts[0];
  return (record) => {
    for (const part of parts) if (!part(record)) return false;
    return true;
  };
}

function lookup<T>(name: string, defs: FilterDefinitions<T>): FieldGetter<T> | undefined {
  if (Object.prototype.hasOwnProperty.call(defs.exact, name)) return defs.exact[name];
  for (const [prefix, make] of Object.entries(defs.prefixed ?? {})) {
    if (name.startsWith(prefix) && name.length > prefix.length) return make(name.slice(prefix.length));
  }
  return undefined;
}

/** The part of QueryParams that filter parsing needs (models do not import the protocol layer). */
interface FilterSource {
  structList(prefix: string): { get(name: string): string | undefined; list(prefix: string): string[] }[];
}

/** Reads `Filter.N.Name` and `Filter.N.Value.M` (a filter without a name is MissingParameter). */
export function filtersFromQuery(params: FilterSource): FilterRequest[] {
  return params.structList('Filter').map((f, i) => {
    const name = f.get('Name');
    if (!name) throw errors.missingParameter(`Filter.${i + 1}.Name`);
    return { name, values: f.list('Value') };
  });
}
