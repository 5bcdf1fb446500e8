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

/** Compiles one filter value into a string test. */
export function compileWildcard(pattern: string): (value: string) => boolean {
  if (!/[*?\\]/.test(pattern)) return (value) => value === pattern;
  let source = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) source += escapeRegex(pattern[++i]);
    else if (c === '*') source += '[\\s\\S]*';
    else if (c === '?') source += '[\\s\\S]';
    else source += escapeRegex(c);
  }
  const regex = new RegExp(source + '$');
  // The literal head before the first wildcard rejects most values without the regex.
  const head = /^[^*?\\]*/.exec(pattern)![0];
  if (head.length === 0) return (value) => regex.test(value);
  return (value) => value.startsWith(head) && regex.test(value);
}

function escapeRegex(c: string): string {
  return /[.*+?^${}()|[\]\\/-]/.test(c) ? '\\' + c : c;
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
