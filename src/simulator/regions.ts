/**
 * The regions enabled in every AWS account without opting in (`opt-in-not-required`), the 17 that
 * `aws ec2 describe-regions` lists for a new account. The simulator models each as an independent
 * store, as AMIs are regional.
 */
export const SIMULATOR_REGIONS: readonly string[] = [
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ca-central-1',
  'eu-central-1',
  'eu-north-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'sa-east-1',
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
];

/**
 * Regions an account must opt in to (launched after March 2019). The simulated accounts have
 * opted in to none: DescribeRegions lists them only with `AllRegions` (status `not-opted-in`), and a
 * request signed for one fails with AuthFailure, as EC2's does (DescribeRegionsRequest.AllRegions;
 * AuthFailure in a disabled region: turbot/steampipe-plugin-aws#75, cloud-custodian PR #4006).
 */
export const OPT_IN_REGIONS: readonly string[] = [
  'af-south-1',
  'ap-east-1',
  'ap-south-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ca-west-1',
  'eu-central-2',
  'eu-south-1',
  'eu-south-2',
  'il-central-1',
  'me-central-1',
  'me-south-1',
];

export const DEFAULT_REGION = 'us-east-1';

/** A region the simulated accounts can use (enabled by default). */
export function isSimulatedRegion(region: string): boolean {
  return SIMULATOR_REGIONS.includes(region);
}

/** A real region the simulated accounts have not opted in to. */
export function isNotOptedInRegion(region: string): boolean {
  return OPT_IN_REGIONS.includes(region);
}
