/** The regions the simulator models; each is an independent store, as AMIs are regional. */
export const SIMULATOR_REGIONS: readonly string[] = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'eu-west-1',
  'eu-central-1',
  'ap-southeast-1',
  'ap-northeast-1',
  'sa-east-1',
];

export const DEFAULT_REGION = 'us-east-1';

export function isSimulatedRegion(region: string): boolean {
  return SIMULATOR_REGIONS.includes(region);
}
