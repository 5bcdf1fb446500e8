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
  /**
   * The last "Used by" read for this image, if any (tooltips show "in use" only when known: reading
   * it costs several requests per image, so it is never read for every row).
   */
  known(region: string, imageId: string): UsageView | undefined;
  /** Forgets what was read (another backend or account). */
  clear(): void;
}

export interface ImageInsightsDeps {
  ec2(region: string): Promise<EC2Client>;
  autoScaling(region: string): Promise<AutoScalingClient>;
  /** One sentence about an error (`describeError(…).message`). */
  explain(error: unknown): string;
  now(): number;
}

/** At most this many usages are remembered for tooltips. */
const KNOWN_LIMIT = 2000;

export function createImageInsights(deps: ImageInsightsDeps): ImageInsights {
  const known = new Map<string, UsageView>();
  return {
    usage: async (region, imageIds) => {
      const views = await readUsageViews(
        { ec2: await deps.ec2(region), autoScaling: () => deps.autoScaling(region), explain: (e) => deps.explain(e) },
        imageIds,
      );
      for (const [id, view] of views) {
        known.delete(`${region}/${id}`);
        known.set(`${region}/${id}`, view);
      }
      while (known.size > KNOWN_LIMIT) known.delete(known.keys().next().value as string);
      return views;
    },
    known: (region, imageId) => known.get(`${region}/${imageId}`),
    clear: () => known.clear(),
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
