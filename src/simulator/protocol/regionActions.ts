import { errors } from '../errors';
import { SIMULATOR_REGIONS } from '../regions';
import type { ActionHandler } from './context';
import { el, items } from './xml';

/** DescribeRegions: the simulated regions (RegionName.N narrows the list; AllRegions is accepted). */
const describeRegions: ActionHandler = (ctx) => {
  const wanted = ctx.params.list('RegionName');
  // Every simulated region is enabled by default (opt-in-not-required), so AllRegions lists the
  // same regions: there is no disabled one to add (DescribeRegionsRequest.AllRegions).
  ctx.params.bool('AllRegions');
  for (const name of wanted) {
    if (!SIMULATOR_REGIONS.includes(name)) {
      throw errors.invalidRegion(name);
    }
  }
  ctx.checkDryRun();
  const regions = wanted.length ? SIMULATOR_REGIONS.filter((r) => wanted.includes(r)) : SIMULATOR_REGIONS;
  return items(
    'regionInfo',
    regions,
    (r) =>
      el('regionName', r) + el('regionEndpoint', `ec2.${r}.amazonaws.com`) + el('optInStatus', 'opt-in-not-required'),
  );
};

export const regionActions: Record<string, ActionHandler> = { DescribeRegions: describeRegions };
