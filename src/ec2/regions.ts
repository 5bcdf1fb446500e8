import type { EC2Client } from '@aws-sdk/client-ec2';
import { loadSdk } from '../aws/sdk';

/** The regions enabled for the account, sorted by name. */
export async function listRegions(ec2: EC2Client): Promise<string[]> {
  const { DescribeRegionsCommand } = await loadSdk();
  const out = await ec2.send(new DescribeRegionsCommand({}));
  return (out.Regions ?? [])
    .map((r) => r.RegionName)
    .filter((name): name is string => !!name)
    .sort();
}

/**
 * Every region enabled for the account: DescribeRegions with `AllRegions` lists the disabled ones
 * too, with `OptInStatus` `opt-in-not-required` (on by default), `opted-in` or `not-opted-in`
 * (DescribeRegionsRequest.AllRegions / Region.OptInStatus in the EC2 API reference).
 */
export async function listEnabledRegions(ec2: EC2Client): Promise<string[]> {
  const { DescribeRegionsCommand } = await loadSdk();
  const out = await ec2.send(new DescribeRegionsCommand({ AllRegions: true }));
  return (out.Regions ?? [])
    .filter(
      (r) => r.OptInStatus === undefined || r.OptInStatus === 'opt-in-not-required' || r.OptInStatus === 'opted-in',
    )
    .map((r) => r.RegionName)
    .filter((name): name is string => !!name)
    .sort();
}
