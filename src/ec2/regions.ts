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
