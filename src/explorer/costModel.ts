import type { EC2Client, Image } from '@aws-sdk/client-ec2';
import type { BlockPublicAccessState } from '../ec2/governance';
import { getBlockPublicAccess } from '../ec2/governance';
import type { RegionSnapshotCost, SnapshotUsage } from '../ec2/snapshotUsage';
import { classifySnapshots, regionSnapshotCost } from '../ec2/snapshotUsage';
import { listOwnImages } from '../ec2/images';
import { listOwnSnapshots } from '../ec2/snapshots';
import { nodeIds } from './ids';
import { deleteSubtree, once } from './loadCache';

/** A region's snapshots with their users, and the caller's own AMIs they were compared with. */
export interface SnapshotsView {
  usage: SnapshotUsage[];
  ownImages: Image[];
}

export interface CostModelDeps {
  ec2(region: string): Promise<EC2Client>;
  pricePerGbMonth(): number;
  /** Rows whose data changed (ids, see ids.ts). */
  changed(ids: string[]): void;
}

/**
 * The governance and cost data of a region, loaded on demand and kept until refresh, as the
 * explorer model does for images: the Snapshots folder, and what the region row shows
 * (the snapshot cost sum, the account's block-public-access state). Knows nothing of VS Code.
 */
export class CostModel {
  private readonly views = new Map<string, SnapshotsView>();
  private readonly access = new Map<string, BlockPublicAccessState>();
  private readonly pending = new Map<string, Promise<unknown>>();
  private generation = 0;

  constructor(private readonly deps: CostModelDeps) {}

  price(): number {
    return this.deps.pricePerGbMonth();
  }

  snapshots(region: string): Promise<SnapshotsView> {
    const id = nodeIds.snapshotsFolder(region);
    const loaded = this.views.get(id);
    return loaded ? Promise.resolve(loaded) : once(this.pending, id, () => this.fetchSnapshots(region));
  }

  peekSnapshots(region: string): SnapshotsView | undefined {
    return this.views.get(nodeIds.snapshotsFolder(region));
  }

  /** The sums the region row shows, once the snapshots are loaded. */
  peekCost(region: string): RegionSnapshotCost | undefined {
    const view = this.peekSnapshots(region);
    return view && regionSnapshotCost(view.usage, view.ownImages, this.price());
  }

  blockPublicAccess(region: string): Promise<BlockPublicAccessState> {
    const id = accessKey(region);
    const loaded = this.access.get(id);
    return loaded ? Promise.resolve(loaded) : once(this.pending, id, () => this.fetchAccess(region, id));
  }

  peekBlockPublicAccess(region: string): BlockPublicAccessState | undefined {
    return this.access.get(accessKey(region));
  }

  /** Drops what was loaded under a node id (everything with none). */
  invalidate(id?: string): void {
    this.generation++;
    deleteSubtree([this.views, this.access, this.pending], id);
  }

  /** After a change in a region: reloads its snapshots and block-public-access state and re-renders their rows. */
  async reload(region: string): Promise<void> {
    this.generation++;
    for (const key of [nodeIds.snapshotsFolder(region), accessKey(region)]) {
      this.views.delete(key);
      this.access.delete(key);
      this.pending.delete(key);
    }
    await Promise.all([this.snapshots(region), this.blockPublicAccess(region)]);
    this.deps.changed([nodeIds.snapshotsFolder(region), nodeIds.region(region)]);
  }

  private async fetchSnapshots(region: string): Promise<SnapshotsView> {
    const generation = this.generation;
    const ec2 = await this.deps.ec2(region);
    const [snapshots, ownImages] = await Promise.all([
      listOwnSnapshots(ec2),
      listOwnImages(ec2, { includeDisabled: true }),
    ]);
    const view = { usage: classifySnapshots(snapshots, ownImages), ownImages };
    if (generation === this.generation) {
      this.views.set(nodeIds.snapshotsFolder(region), view);
      this.deps.changed([nodeIds.region(region)]);
    }
    return view;
  }

  private async fetchAccess(region: string, id: string): Promise<BlockPublicAccessState> {
    const generation = this.generation;
    const state = await getBlockPublicAccess(await this.deps.ec2(region));
    if (generation === this.generation) {
      this.access.set(id, state);
      this.deps.changed([nodeIds.region(region)]);
    }
    return state;
  }
}

function accessKey(region: string): string {
  return `${nodeIds.region(region)}#blockPublicAccess`;
}
