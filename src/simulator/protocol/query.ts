import { Ec2Error, errors } from '../errors';
import { filtersFromQuery, type FilterRequest } from '../models/filters';
import type { PageRequest } from '../models/paging';
import { REQUEST_LIMITS } from './limits';
import { esc, hasNonXmlCharacter } from './xml';

/**
 * The parameters of one EC2 Query request (`Action=…&ImageId.1=…&Filter.1.Name=…`),
 * with typed accessors that raise EC2's own errors for missing or malformed values.
 */
export class QueryParams {
  /**
   * @param read the full names of the parameters a handler has read, shared by the nested
   *   views `structList` and `sub` hand out (`prefix` is the view's place in the request)
   */
  constructor(
    private readonly map: ReadonlyMap<string, string>,
    private readonly read = new Set<string>(),
    private readonly prefix = '',
  ) {}

  /**
   * Parses a Query body. A name or value holding a character XML cannot carry is refused here,
   * once for every action: such a value could never be stored (it would break every later
   * answer that shows it) nor echoed.
   */
  static parse(body: string): QueryParams {
    const map = new Map<string, string>();
    for (const [name, value] of new URLSearchParams(body)) {
      if (hasNonXmlCharacter(name) || hasNonXmlCharacter(value)) throw errors.invalidCharacter(esc(name));
      map.set(name, value);
    }
    return new QueryParams(map);
  }

  has(name: string): boolean {
    this.read.add(this.prefix + name);
    return this.map.has(name);
  }

  get(name: string): string | undefined {
    this.read.add(this.prefix + name);
    return this.map.get(name);
  }

  /**
   * The parameters of the request no handler read, in request order, leaving out the envelope
   * (`Action`, `Version`, a presigned URL's `X-Amz-*`). EC2 acts on every parameter it accepts,
   * so an unread one is a parameter the simulator does not implement.
   */
  unread(): string[] {
    return [...this.map.keys()].filter(
      (key) => !this.read.has(this.prefix + key) && key !== 'Action' && key !== 'Version' && !key.startsWith('X-Amz-'),
    );
  }

  /** Refuses the first parameter no handler read, rather than ignoring it silently. */
  refuseUnread(): void {
    const [first] = this.unread();
    if (first !== undefined) throw errors.unsupportedParameter(first);
  }

  keys(): IterableIterator<string> {
    return this.map.keys();
  }

  required(name: string): string {
    const value = this.get(name);
    if (value === undefined || value === '') throw errors.missingParameter(name);
    return value;
  }

  bool(name: string): boolean | undefined {
    const value = this.get(name);
    if (value === undefined) return undefined;
    const lower = value.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    throw errors.invalidParameterValue(
      `Value (${value}) for parameter ${name} is invalid. Expected: 'true' or 'false'.`,
    );
  }

  int(name: string): number | undefined {
    const value = this.get(name);
    if (value === undefined) return undefined;
    if (!/^-?\d+$/.test(value)) {
      throw errors.invalidParameterValue(`Value (${value}) for parameter ${name} is invalid. Expected: 'Integer'.`);
    }
    return Number(value);
  }

  /** `Name.1`, `Name.2`, … in index order (EC2 accepts gaps). */
  list(prefix: string): string[] {
    const values = this.indexed(prefix)
      .filter(([, rest]) => rest === '')
      .map(([, , value, key]) => {
        this.read.add(this.prefix + key);
        return value;
      });
    if (values.length > REQUEST_LIMITS.listEntries) throw errors.tooManyValues(prefix, REQUEST_LIMITS.listEntries);
    return values;
  }

  /** `Name.1.Field`, `Name.2.Field`, … as one QueryParams per index, in index order. */
  structList(prefix: string): QueryParams[] {
    const groups = new Map<number, Map<string, string>>();
    const prefixOf = new Map<number, string>();
    for (const [index, rest, value, key] of this.indexed(prefix)) {
      if (!rest.startsWith('.')) continue;
      let group = groups.get(index);
      if (!group) groups.set(index, (group = new Map<string, string>()));
      prefixOf.set(index, key.slice(0, key.length - rest.length + 1));
      group.set(rest.slice(1), value);
    }
    if (groups.size > REQUEST_LIMITS.listEntries) throw errors.tooManyValues(prefix, REQUEST_LIMITS.listEntries);
    return [...groups.keys()]
      .sort((a, b) => a - b)
      .map((i) => new QueryParams(groups.get(i)!, this.read, this.prefix + prefixOf.get(i)!));
  }

  /** A nested structure `Prefix.Field…` as its own QueryParams (for `LaunchPermission.Add.1.UserId`). */
  sub(prefix: string): QueryParams {
    const out = new Map<string, string>();
    const head = prefix + '.';
    for (const [key, value] of this.map) if (key.startsWith(head)) out.set(key.slice(head.length), value);
    return new QueryParams(out, this.read, this.prefix + head);
  }

  /** `[index, rest after the index, value, full key]` of every `prefix.N…` parameter. */
  private indexed(prefix: string): [number, string, string, string][] {
    const head = prefix + '.';
    const out: [number, string, string, string][] = [];
    for (const [key, value] of this.map) {
      if (!key.startsWith(head)) continue;
      const match = /^(\d+)(.*)$/.exec(key.slice(head.length));
      if (!match) continue;
      out.push([Number(match[1]), match[2], value, key]);
    }
    return out.sort((a, b) => a[0] - b[0]);
  }
}

/** Filter.N, MaxResults and NextToken: the parameters every paged Describe* action reads. */
export function describeParams(params: QueryParams): PageRequest & { filters: FilterRequest[] } {
  return {
    filters: filtersParam(params),
    maxResults: params.int('MaxResults'),
    nextToken: params.get('NextToken') || undefined,
  };
}

/** `Filter.N.Name` / `Filter.N.Value.M`, within EC2's limits on how many values and how long. */
export function filtersParam(params: QueryParams): FilterRequest[] {
  const filters = filtersFromQuery(params);
  let count = 0;
  for (const filter of filters) {
    count += filter.values.length;
    if (filter.values.some((v) => v.length > REQUEST_LIMITS.filterValueLength)) {
      throw errors.filterLimitExceeded(
        `The maximum length for a filter value is ${REQUEST_LIMITS.filterValueLength} characters`,
      );
    }
  }
  if (count > REQUEST_LIMITS.filterValues) {
    throw errors.filterLimitExceeded(
      `The maximum number of filter values specified on a single call is ${REQUEST_LIMITS.filterValues}`,
    );
  }
  return filters;
}

/** An optional description, at most as long as EC2 allows. */
export function descriptionParam(params: QueryParams, name: string): string | undefined {
  const value = params.get(name);
  if (value !== undefined && value.length > REQUEST_LIMITS.descriptionLength) throw errors.descriptionTooLong();
  return value;
}

export function isEc2Error(e: unknown): e is Ec2Error {
  return e instanceof Ec2Error;
}
