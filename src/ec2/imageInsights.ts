import type { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { LineageView } from '../shared/imageLineage';
import type { UsageView } from '../shared/imageUsage';
import { ancestryOf, derivedImagesOf } from './imageLineage';
import { Listeners } from '../shared/listeners';
import { usageSummary } from '../shared/imageUsage';
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
  /**
   * Called with the images whose known use changed (first read, or another answer): their rows
   * redraw, since their tooltips show it. Reading the same answer again calls nothing, so a row
   * that reads its "Used by" when redrawn does not loop.
   */
  onUsageChanged(listener: (change: { region: string; imageIds: string[] }) => void): { dispose(): void };
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
  const usageChanged = new Listeners<{ region: string; imageIds: string[] }>();
  return {
    usage: async (region, imageIds) => {
      const views = await readUsageViews(
        { ec2: await deps.ec2(region), autoScaling: () => deps.autoScaling(region), explain: (e) => deps.explain(e) },
        imageIds,
      );
      const changed: string[] = [];
      for (const [id, view] of views) {
        const before = known.get(`${region}/${id}`);
        if (!before || shownUsage(before) !== shownUsage(view)) changed.push(id);
        known.delete(`${region}/${id}`);
        known.set(`${region}/${id}`, view);
      }
      while (known.size > KNOWN_LIMIT) known.delete(known.keys().next().value as string);
      if (changed.length > 0) usageChanged.fire({ region, imageIds: changed });
      return views;
    },
    known: (region, imageId) => known.get(`${region}/${imageId}`),
    clear: () => known.clear(),
    onUsageChanged: (listener) => usageChanged.on(listener),
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

/** What a tooltip shows of a usage: the same text means nothing to redraw. */
function shownUsage(view: UsageView): string {
  return view.available ? `in use: ${usageSummary(view.usage)}` : `unknown: ${view.reason}`;
}
