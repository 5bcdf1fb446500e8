import type { EC2Client } from '@aws-sdk/client-ec2';
import type { RbinClient } from '@aws-sdk/client-rbin';
import type { AllowedImagesSettings } from '../ec2/allowedImages';
import { getAllowedImagesSettings } from '../ec2/allowedImages';
import type { BinEntry } from '../ec2/recycleBin';
import { listImagesInRecycleBin, listSnapshotsInRecycleBin } from '../ec2/recycleBin';
import { nodeIds } from './ids';
import { deleteSubtree, once } from './loadCache';

export interface GuardrailsModelDeps {
  ec2(region: string): Promise<EC2Client>;
  rbin(region: string): Promise<RbinClient>;
  /** Rows whose data changed (ids, see ids.ts). */
  changed(ids: string[]): void;
}

/** A load that may fail on its own (an endpoint without the operation): the row shows why. */
export type Loaded<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * The guardrails of a region (issue 14): its Allowed AMIs setting and what its Recycle Bin
 * holds, loaded on demand and kept until refresh. Knows nothing of VS Code.
 */
export class GuardrailsModel {
  private readonly settings = new Map<string, Loaded<AllowedImagesSettings>>();
  private readonly bins = new Map<string, BinEntry[]>();
  private readonly pending = new Map<string, Promise<unknown>>();
  private generation = 0;

  constructor(private readonly deps: GuardrailsModelDeps) {}

  /** The region's Allowed AMIs setting; a failure is kept as the row's content, not thrown. */
  allowedImages(region: string): Promise<Loaded<AllowedImagesSettings>> {
    const id = nodeIds.allowedImages(region);
    const loaded = this.settings.get(id);
    if (loaded) return Promise.resolve(loaded);
    return once(this.pending, id, async () => {
      const generation = this.generation;
      let result: Loaded<AllowedImagesSettings>;
      try {
        result = { ok: true, value: await getAllowedImagesSettings(await this.deps.ec2(region)) };
      } catch (error) {
        result = { ok: false, error };
      }
      if (generation === this.generation) {
        this.settings.set(id, result);
        this.deps.changed([id]);
      }
      return result;
    });
  }

  peekAllowedImages(region: string): Loaded<AllowedImagesSettings> | undefined {
    return this.settings.get(nodeIds.allowedImages(region));
  }

  /** The AMIs and snapshots in the region's Recycle Bin, soonest expiry first. */
  recycleBin(region: string): Promise<BinEntry[]> {
    const id = nodeIds.recycleBin(region);
    const loaded = this.bins.get(id);
    if (loaded) return Promise.resolve(loaded);
    return once(this.pending, id, async () => {
      const generation = this.generation;
      const ec2 = await this.deps.ec2(region);
      const [images, snapshots] = await Promise.all([listImagesInRecycleBin(ec2), listSnapshotsInRecycleBin(ec2)]);
      const entries = [...images, ...snapshots].sort(
        (a, b) => (a.exitTime?.getTime() ?? Infinity) - (b.exitTime?.getTime() ?? Infinity),
      );
      if (generation === this.generation) this.bins.set(id, entries);
      return entries;
    });
  }

  peekRecycleBin(region: string): BinEntry[] | undefined {
    return this.bins.get(nodeIds.recycleBin(region));
  }

  rbin(region: string): Promise<RbinClient> {
    return this.deps.rbin(region);
  }

  invalidate(id?: string): void {
    this.generation++;
    deleteSubtree([this.settings, this.bins, this.pending], id);
  }
}
