import { errors, type Ec2Error } from '../errors';

/**
 * MaxResults/NextToken as EC2's Describe* actions page: MaxResults within the action's bounds,
 * not combined with explicit ids, and a token that encodes the last id of the previous page
 * (pages follow id order, so a token stays valid while resources come and go).
 */
export interface PageRequest {
  maxResults?: number;
  nextToken?: string;
}

/** Checks MaxResults (`min`..`max`) and NextToken before DryRun is answered. */
export function checkPageRequest(
  kind: string,
  r: PageRequest,
  min: number,
  max: number,
  idsParam?: { name: string; count: number },
): void {
  if (r.maxResults !== undefined) {
    if (idsParam && idsParam.count > 0) {
      throw errors.invalidParameterCombination(
        `The parameter ${idsParam.name} cannot be used with the parameter maxResults`,
      );
    }
    if (r.maxResults < min || r.maxResults > max) {
      throw errors.invalidParameterValue(
        `Value ( ${r.maxResults} ) for parameter maxResults is invalid. Expecting a value between ${min} and ${max}.`,
      );
    }
  }
  if (r.nextToken !== undefined) decodeToken(kind, r.nextToken);
}

/** One page of `items` (any order in; id order out when paging). */
export function paginate<T>(
  kind: string,
  items: T[],
  idOf: (item: T) => string,
  r: PageRequest,
  defaultMax = 1000,
): { page: T[]; nextToken?: string } {
  if (r.maxResults === undefined && r.nextToken === undefined) return { page: items };
  let sorted = [...items].sort((a, b) => compare(idOf(a), idOf(b)));
  if (r.nextToken !== undefined) {
    const after = decodeToken(kind, r.nextToken);
    sorted = sorted.filter((item) => idOf(item) > after);
  }
  const size = r.maxResults ?? defaultMax;
  if (sorted.length <= size) return { page: sorted };
  const page = sorted.slice(0, size);
  return { page, nextToken: Buffer.from(`${kind}:${idOf(page[page.length - 1])}`, 'utf8').toString('base64') };
}

/**
 * The records a Describe* action starts from: those named by `ids`, once each (the first one
 * missing or not visible to the caller is `notFound`), or every visible record when no id is given.
 */
export function describeCandidates<T>(
  ids: string[],
  records: Record<string, T>,
  visible: (record: T) => boolean,
  notFound: (id: string) => Ec2Error,
): T[] {
  if (ids.length === 0) return Object.values(records).filter(visible);
  const missing = ids.find((id) => !records[id] || !visible(records[id]));
  if (missing !== undefined) throw notFound(missing);
  return [...new Set(ids)].map((id) => records[id]);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function decodeToken(kind: string, token: string): string {
  const text = Buffer.from(token, 'base64').toString('utf8');
  if (!text.startsWith(`${kind}:`) || text.length === kind.length + 1) {
    throw errors.invalidNextToken(token);
  }
  return text.slice(kind.length + 1);
}
