import { errors } from '../errors';
import { compileFilters, type FilterDefinitions } from '../models/filters';
import { OPT_IN_REGIONS, SIMULATOR_REGIONS } from '../regions';
import type { ActionHandler } from './context';
import { filtersParam } from './query';
import { el, items } from './xml';

interface RegionRow {
  name: string;
  endpoint: string;
  optInStatus: 'opt-in-not-required' | 'not-opted-in';
}

const ALL_REGIONS: readonly RegionRow[] = [
  ...SIMULATOR_REGIONS.map((name) => row(name, 'opt-in-not-required')),
  ...OPT_IN_REGIONS.map((name) => row(name, 'not-opted-in')),
].sort((a, b) => a.name.localeCompare(b.name));

function row(name: string, optInStatus: RegionRow['optInStatus']): RegionRow {
  return { name, endpoint: `ec2.${name}.amazonaws.com`, optInStatus };
}

/** DescribeRegionsRequest.Filters: endpoint, opt-in-status, region-name. */
const REGION_FILTERS: FilterDefinitions<RegionRow> = {
  exact: {
    endpoint: (r) => r.endpoint,
    'opt-in-status': (r) => r.optInStatus,
    'region-name': (r) => r.name,
  },
};

/**
 * DescribeRegions: the regions enabled for the account; `AllRegions` adds the disabled ones
 * (DescribeRegionsRequest.AllRegions). Named regions are listed "whether they are enabled and
 * disabled for your account" (DescribeRegionsRequest.RegionNames); a name that is no region is refused.
 */
const describeRegions: ActionHandler = (ctx) => {
  const wanted = ctx.params.list('RegionName');
  const all = ctx.params.bool('AllRegions') === true;
  const match = compileFilters(filtersParam(ctx.params), REGION_FILTERS);
  for (const name of wanted) {
    if (!ALL_REGIONS.some((r) => r.name === name)) throw errors.invalidRegion(name);
  }
  ctx.checkDryRun();
  const listed = wanted.length
    ? ALL_REGIONS.filter((r) => wanted.includes(r.name))
    : ALL_REGIONS.filter((r) => all || r.optInStatus !== 'not-opted-in');
  return items(
    'regionInfo',
    match ? listed.filter(match) : listed,
    (r) => el('regionName', r.name) + el('regionEndpoint', r.endpoint) + el('optInStatus', r.optInStatus),
  );
};

export const regionActions: Record<string, ActionHandler> = { DescribeRegions: describeRegions };
