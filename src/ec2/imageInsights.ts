import type { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { LineageView } from '../shared/imageLineage';
import type { UsageView } from '../shared/imageUsage';
import { ancestryOf, derivedImagesOf } from './imageLineage';
import { readUsageViews } from './imageUsage';

/**
 * "Used by" and lineage for the panels, the tree and the commands, on the current connection's
 * clients. Neither throws for an endpoint that lacks an operation: each part says why it is missing.
 */
export interface ImageInsights {
  /** Who uses each image (one region), or why that cannot be read. */
  usage(region: string, imageIds: readonly string[]): Promise<Map<string, UsageView>>;
  /** The chain to the root and the caller's images built from this one. */
  lineage(region: string, imageId: string): Promise<LineageView>;
}

export interface ImageInsightsDeps {
  ec2(region: string): Promise<EC2Client>;
  autoScaling(region: string): Promise<AutoScalingClient>;
  /** One sentence about an error (`describeError(…).message`). */
  explain(error: unknown): string;
  now(): number;
}

export function createImageInsights(deps: ImageInsightsDeps): ImageInsights {
  return {
    usage: async (region, imageIds) =>
      readUsageViews(
        { ec2: await deps.ec2(region), autoScaling: () => deps.autoScaling(region), explain: (e) => deps.explain(e) },
        imageIds,
      ),
    lineage: async (region, imageId) => {
      const ec2 = await deps.ec2(region);
      const [ancestry, derived] = await Promise.allSettled([
        ancestryOf(ec2, region, imageId),
        derivedImagesOf(ec2, region, imageId, deps.now()),
      ]);
      return {
        ancestry:
          ancestry.status === 'fulfilled'
            ? { available: true, items: ancestry.value }
            : { available: false, reason: deps.explain(ancestry.reason) },
        derived:
          derived.status === 'fulfilled'
            ? { available: true, items: derived.value.images }
            : { available: false, reason: deps.explain(derived.reason) },
        derivedTruncated: derived.status === 'fulfilled' && derived.value.truncated,
      };
    },
  };
}
