import type { EC2Client, Image, Instance } from '@aws-sdk/client-ec2';
import type { ImageFilter } from '../ec2/imageFilter';
import { isEmptyFilter } from '../ec2/imageFilter';
import { describeImagesById, isImageSettled, listImagePage } from '../ec2/images';
import { describeInstancesById, isInstanceSettled, listInstances } from '../ec2/instances';
import type { OwnerGroup, RootDeviceType } from '../ec2/ownerGroups';
import { ownerGroupOf, ROOT_DEVICE_TYPES, rootDeviceTypeOf } from '../ec2/ownerGroups';
import type { AwsClients } from '../aws/clientFactory';
import { SNAPSHOT_USD_PER_GB_MONTH } from '../shared/pricing';
import { isDeprecated } from './contextValues';
import { CostModel } from './costModel';
import { LatestAmiModel } from './latestAmiModel';
import { GuardrailsModel } from './guardrailsModel';
import { isInSubtree, nodeIds } from './ids';
import { deleteSubtree, once } from './loadCache';
import { withAbortSignal } from '../aws/callLimiter';
import { Listeners } from '../shared/listeners';

/** A loaded part of a group: the images so far and the token of the next page. */
export interface GroupPage {
  images: Image[];
  nextToken?: string;
}

/** What an instance row says about the AMI it was launched from. */
export type AmiStatus = 'available' | 'pending' | 'failed' | 'deprecated' | 'disabled' | 'deregistered';

export interface InstancesView {
  instances: Instance[];
  amiStatus: ReadonlyMap<string, AmiStatus>;
}

/** Something in transition that the poller follows until it settles. */
export interface Watch {
  region: string;
  kind: 'image' | 'instance';
  id: string;
}

export interface ExplorerModelDeps {
  /** The current backend's clients (they change when the user switches backend). */
  clients(): AwsClients;
  pageSize(): number;
  now(): number;
  /** Snapshot storage price (USD per GB-month) for cost estimates; pricing.ts's default when absent. */
  snapshotPricePerGbMonth?(): number;
}

/**
 * The explorer's data: what has been loaded per node id, loaded on demand and kept until refresh.
 * Knows nothing of VS Code: the tree provider turns {@link onDidChange} into row refreshes.
 */
export class ExplorerModel {
  private readonly pending = new Map<string, Promise<unknown>>();
  private readonly pages = new Map<string, GroupPage>();
  private readonly instanceViews = new Map<string, InstancesView>();
  private readonly filters = new Map<string, ImageFilter>();
  /** Instances followed until they reach a given state (`region/instanceId` → state). */
  private readonly instanceTargets = new Map<string, string>();
  /** The loads running now, by cache key: invalidating or collapsing their folder aborts them. */
  private readonly aborts = new Map<string, AbortController>();
  /** Bumped by every invalidation, so an answer that arrives afterwards is not cached as current. */
  private generation = 0;
  /** Ids of nodes whose rows changed (a row's description, icon, or its children). */
  readonly onDidChange = new Listeners<string[]>();
  /** Pending images and instances in transition, for the poller. */
  readonly onUnsettled = new Listeners<Watch>();

  /** Snapshots, their cost and the region's block-public-access state (the governance rows). */
  readonly costs: CostModel;
  /** Allowed AMIs and the Recycle Bin of each region (issue 14). */
  readonly guardrails: GuardrailsModel;

  /** The public SSM parameters of the "Latest AMIs" folders. */
  readonly latest: LatestAmiModel;

  constructor(private readonly deps: ExplorerModelDeps) {
    this.costs = new CostModel({
      ec2: (region) => this.ec2(region),
      pricePerGbMonth: () => deps.snapshotPricePerGbMonth?.() ?? SNAPSHOT_USD_PER_GB_MONTH,
      changed: (ids) => this.changed(...ids),
    });
    this.latest = new LatestAmiModel({
      ssm: (region) => deps.clients().service('ssm', region),
      ec2: (region) => this.ec2(region),
    });
    this.guardrails = new GuardrailsModel({
      ec2: (region) => this.ec2(region),
      rbin: (region) => this.deps.clients().service('rbin', region),
      changed: (ids) => this.changed(...ids),
    });
  }

  /**
   * The accounts of the user's own connections (an image they own is trusted): today the
   * current connection's account once known; a set so that more connections can join it.
   */
  ownAccountIds(): ReadonlySet<string> {
    return new Set(this.knownAccountId ? [this.knownAccountId] : []);
  }

  /** The caller's account once known (images load only after it is). */
  knownAccountId: string | undefined;

  /** Fired when the caller's account becomes known (for the status bar). */
  readonly onDidLearnAccount = new Listeners<string>();

  async accountId(): Promise<string> {
    const account = (await this.deps.clients().identity()).account;
    if (this.knownAccountId !== account) {
      this.knownAccountId = account;
      this.onDidLearnAccount.fire(account);
    }
    return account;
  }

  ec2(region: string): Promise<EC2Client> {
    return this.deps.clients().ec2(region);
  }

  /** The first page of a group, loaded once and then served from the cache. */
  imageGroup(region: string, group: OwnerGroup, rootType: RootDeviceType): Promise<GroupPage> {
    const id = nodeIds.rootType(region, group, rootType);
    const loaded = this.pages.get(id);
    return loaded
      ? Promise.resolve(loaded)
      : once(this.pending, id, () =>
          this.abortable(id, (signal) => this.fetchPage(region, group, rootType, undefined, signal)),
        );
  }

  /** Runs a load that {@link abandon} can abort (its EC2 calls carry the signal). */
  private async abortable<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    this.aborts.set(key, controller);
    try {
      return await load(controller.signal);
    } finally {
      if (this.aborts.get(key) === controller) this.aborts.delete(key);
    }
  }

  /** Aborts the loads running under `id` (everything with no id); true when there were any. */
  private abortUnder(id: string | undefined): boolean {
    let aborted = false;
    for (const [key, controller] of [...this.aborts]) {
      if (id === undefined || isInSubtree(key.split('#')[0], id)) {
        controller.abort();
        this.aborts.delete(key);
        aborted = true;
      }
    }
    return aborted;
  }

  /**
   * The user collapsed or refreshed a folder: its loads still running are abandoned (their queued EC2 calls are
   * dropped, answers discarded) and start again on the next expansion. Loaded data stays cached.
   * Returns true when something was abandoned (the folder must then reload when expanded again).
   */
  abandon(id: string | undefined): boolean {
    if (!this.abortUnder(id)) return false;
    this.generation++;
    deleteSubtree([this.pending], id);
    return true;
  }

  /** Both root-device types of an owner group, loaded together so the group can show its count. */
  async ownerGroup(region: string, group: OwnerGroup): Promise<GroupPage[]> {
    return Promise.all(ROOT_DEVICE_TYPES.map((rt) => this.imageGroup(region, group, rt)));
  }

  /** A loaded page without loading anything (undefined until the group was expanded). */
  peekGroup(region: string, group: OwnerGroup, rootType: RootDeviceType): GroupPage | undefined {
    return this.pages.get(nodeIds.rootType(region, group, rootType));
  }

  /** Appends the next page of a group. */
  async loadMore(region: string, group: OwnerGroup, rootType: RootDeviceType): Promise<void> {
    const id = nodeIds.rootType(region, group, rootType);
    const current = this.pages.get(id);
    if (!current?.nextToken) {
      return;
    }
    const token = current.nextToken;
    await once(this.pending, `${id}#more`, () =>
      this.abortable(`${id}#more`, async (signal) => {
        const next = await this.fetchPage(region, group, rootType, token, signal);
        const seen = new Set(current.images.map((i) => i.ImageId));
        this.pages.set(id, {
          images: [...current.images, ...next.images.filter((i) => !seen.has(i.ImageId))],
          nextToken: next.nextToken,
        });
        this.changed(id, nodeIds.ownerGroup(region, group));
        return next;
      }),
    );
  }

  private async fetchPage(
    region: string,
    group: OwnerGroup,
    rootType: RootDeviceType,
    token?: string,
    signal?: AbortSignal,
  ): Promise<GroupPage> {
    const generation = this.generation;
    const [client, accountId] = await Promise.all([this.ec2(region), this.accountId()]);
    const ec2 = signal ? withAbortSignal(client, signal) : client;
    const query = {
      group,
      rootDeviceType: rootType,
      filter: this.filterOf(region, group),
      pageSize: this.deps.pageSize(),
      accountId,
    };
    const page = await listImagePage(ec2, query, token);
    if (!token && generation === this.generation) {
      this.pages.set(nodeIds.rootType(region, group, rootType), page);
      // The owner group's row shows the sum of both root-device types once they are known.
      this.changed(nodeIds.ownerGroup(region, group));
    }
    for (const image of page.images) {
      if (!isImageSettled(image) && image.ImageId) {
        this.onUnsettled.fire({ region, kind: 'image', id: image.ImageId });
      }
    }
    return page;
  }

  filterOf(region: string, group: OwnerGroup): ImageFilter | undefined {
    return this.filters.get(nodeIds.ownerGroup(region, group));
  }

  /** Narrows (or, with undefined, clears) an owner group's filter and drops what it had loaded. */
  setFilter(region: string, group: OwnerGroup, filter: ImageFilter | undefined): void {
    const id = nodeIds.ownerGroup(region, group);
    if (isEmptyFilter(filter)) {
      this.filters.delete(id);
    } else {
      this.filters.set(id, { ...filter });
    }
    this.invalidate(id);
  }

  /** The region's instances and the state of the AMIs they were launched from. */
  instances(region: string): Promise<InstancesView> {
    const id = nodeIds.instancesFolder(region);
    const loaded = this.instanceViews.get(id);
    return loaded
      ? Promise.resolve(loaded)
      : once(this.pending, id, () => this.abortable(id, (signal) => this.fetchInstances(region, signal)));
  }

  peekInstances(region: string): InstancesView | undefined {
    return this.instanceViews.get(nodeIds.instancesFolder(region));
  }

  private async fetchInstances(region: string, signal: AbortSignal): Promise<InstancesView> {
    const generation = this.generation;
    const ec2 = withAbortSignal(await this.ec2(region), signal);
    const instances = await listInstances(ec2);
    const amiIds = instances.map((i) => i.ImageId).filter((id): id is string => !!id);
    const images = await describeImagesById(ec2, amiIds);
    const amiStatus = new Map<string, AmiStatus>();
    for (const amiId of amiIds) {
      amiStatus.set(amiId, this.amiStatusOf(images.get(amiId)));
    }
    const view = { instances, amiStatus };
    if (generation !== this.generation) {
      return view;
    }
    this.instanceViews.set(nodeIds.instancesFolder(region), view);
    for (const instance of instances) {
      if (!isInstanceSettled(instance) && instance.InstanceId) {
        this.onUnsettled.fire({ region, kind: 'instance', id: instance.InstanceId });
      }
    }
    return view;
  }

  private amiStatusOf(image: Image | undefined): AmiStatus {
    if (!image || image.State === 'deregistered') {
      return 'deregistered';
    }
    if (image.State === 'disabled' || image.State === 'pending' || image.State === 'failed') {
      return image.State;
    }
    return isDeprecated(image, this.deps.now()) ? 'deprecated' : 'available';
  }

  /** Drops what was loaded under a node (everything with no id), so the next expansion reloads it. */
  invalidate(id?: string): void {
    this.generation++;
    this.costs.invalidate(id);
    this.latest.invalidate(id);
    this.guardrails.invalidate(id);
    deleteSubtree([this.pages, this.instanceViews, this.pending], id);
  }

  /** Forgets filters too: used when the backend changes. */
  clear(): void {
    this.knownAccountId = undefined;
    this.instanceTargets.clear();
    this.filters.clear();
    this.invalidate();
  }

  /**
   * Re-reads images in transition. Updates them where they are cached (dropping deregistered ones)
   * and returns the ids still pending.
   */
  async pollImages(region: string, imageIds: readonly string[]): Promise<string[]> {
    const images = await describeImagesById(await this.ec2(region), imageIds);
    const stillPending: string[] = [];
    for (const imageId of imageIds) {
      const image = images.get(imageId);
      this.replaceImage(region, imageId, image);
      if (image && !isImageSettled(image)) {
        stillPending.push(imageId);
      }
    }
    return stillPending;
  }

  private replaceImage(region: string, imageId: string, image: Image | undefined): void {
    for (const [key, page] of this.pages) {
      if (!key.startsWith(`${region}/`)) {
        continue;
      }
      const index = page.images.findIndex((i) => i.ImageId === imageId);
      if (index < 0) {
        continue;
      }
      const images = [...page.images];
      if (image && image.State !== 'deregistered') {
        images[index] = image;
        this.pages.set(key, { ...page, images });
        this.changed(`${key}/${imageId}`);
      } else {
        images.splice(index, 1);
        this.pages.set(key, { ...page, images });
        this.changed(key, key.split('/').slice(0, 3).join('/'));
        // A deregistration may leave its snapshots behind: the Snapshots folder and the region's sums re-read them.
        if (this.costs.peekSnapshots(region)) {
          void this.costs.reload(region).catch(() => undefined);
        }
      }
    }
  }

  /** Re-reads instances (after an action or while they are in transition); returns those still moving. */
  async pollInstances(region: string, instanceIds: readonly string[]): Promise<string[]> {
    const fresh = await describeInstancesById(await this.ec2(region), instanceIds);
    const folderId = nodeIds.instancesFolder(region);
    const view = this.instanceViews.get(folderId);
    if (view) {
      const instances = view.instances.map((i) => fresh.find((f) => f.InstanceId === i.InstanceId) ?? i);
      this.instanceViews.set(folderId, { ...view, instances });
      this.changed(...fresh.map((i) => nodeIds.instance(region, i.InstanceId ?? '')));
    }
    return fresh.filter((i) => this.stillMoving(region, i)).map((i) => i.InstanceId ?? '');
  }

  private stillMoving(region: string, instance: Instance): boolean {
    const key = `${region}/${instance.InstanceId}`;
    const target = this.instanceTargets.get(key);
    const state = instance.State?.Name;
    if (target && state !== target && state !== 'terminated' && state !== 'shutting-down') {
      return true;
    }
    this.instanceTargets.delete(key);
    return !isInstanceSettled(instance);
  }

  /**
   * Follows an instance after an action until it settles, or until it reaches `until`: creating an
   * image with a reboot takes it through `stopped` and back to `running`, and `stopped` is no end there.
   */
  watchInstance(region: string, instanceId: string, until?: 'running' | 'stopped'): void {
    if (until) {
      this.instanceTargets.set(`${region}/${instanceId}`, until);
    }
    this.onUnsettled.fire({ region, kind: 'instance', id: instanceId });
  }

  /**
   * A new image of the caller: "Owned by me" reloads with the image in it (even when it sorts
   * beyond the first page), and the image is followed until it is available.
   */
  async imageCreated(region: string, imageId: string): Promise<void> {
    this.invalidate(nodeIds.ownerGroup(region, 'self'));
    this.onUnsettled.fire({ region, kind: 'image', id: imageId });
    await this.locateImage(region, imageId);
    this.changed(nodeIds.ownerGroup(region, 'self'));
  }

  /**
   * Where an image is (or would be) listed. A catalog group shows only its loaded pages, so
   * the image is added to the loaded page if missing: revealing it must be possible.
   */
  async locateImage(
    region: string,
    imageId: string,
  ): Promise<{ group: OwnerGroup; rootType: RootDeviceType; image: Image } | undefined> {
    const [ec2, accountId] = await Promise.all([this.ec2(region), this.accountId()]);
    const image = (await describeImagesById(ec2, [imageId])).get(imageId);
    if (!image || image.State === 'deregistered') {
      return undefined;
    }
    const group = ownerGroupOf(image, accountId);
    const rootType = rootDeviceTypeOf(image);
    const page = await this.imageGroup(region, group, rootType);
    if (!page.images.some((i) => i.ImageId === imageId)) {
      const id = nodeIds.rootType(region, group, rootType);
      this.pages.set(id, { ...page, images: [...page.images, image] });
      this.changed(id, nodeIds.ownerGroup(region, group));
    }
    return { group, rootType, image };
  }

  /** The cached version of an image row's image (updated by polling). */
  currentImage(region: string, group: OwnerGroup, rootType: RootDeviceType, imageId: string): Image | undefined {
    const page = this.peekGroup(region, group, rootType);
    if (!page) {
      return undefined;
    }
    // Every row asks this when it renders: an index per page object (pages are replaced, never
    // mutated) keeps rendering a group of 10,000 AMIs linear instead of quadratic.
    let index = this.pageIndexes.get(page);
    if (!index) {
      index = new Map(page.images.map((i) => [i.ImageId ?? '', i]));
      this.pageIndexes.set(page, index);
    }
    return index.get(imageId);
  }

  private readonly pageIndexes = new WeakMap<GroupPage, Map<string, Image>>();

  currentInstance(region: string, instanceId: string): Instance | undefined {
    return this.peekInstances(region)?.instances.find((i) => i.InstanceId === instanceId);
  }

  private changed(...ids: string[]): void {
    this.onDidChange.fire(ids);
  }
}
