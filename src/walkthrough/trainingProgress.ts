/**
 * The "Learn Amazon Machine Images" walkthrough ticks a step off when the user has really done it:
 * this class watches what actually happened (EC2 calls that answered, rows expanded or selected in
 * the tree, a panel that refused to make an image public) and turns each lesson's condition into a
 * context key that the step's `completionEvents` (`onContext:…`) wait for. No `vscode` import: the
 * container passes `setContext`, and unit tests drive it directly.
 */
import type { Ec2CallRecord } from '../aws/clientFactory';

/** One context key per thing the walkthrough waits for; package.json's `completionEvents` name them. */
export const WALKTHROUGH_KEYS = {
  /** A root-device folder (EBS-backed or Instance store) of an owner group was expanded, or an image in one selected. */
  browsed: 'amiExplorer.walkthrough.browsed',
  /** An image of an "Instance store" folder was selected (its tooltip shows root device and virtualization). */
  comparedRootDevices: 'amiExplorer.walkthrough.comparedRootDevices',
  /** CreateImage answered for a request without NoReboot: the instance reboots. */
  createdWithReboot: 'amiExplorer.walkthrough.createdWithReboot',
  /** CreateImage answered for a request with NoReboot: the image is crash-consistent. */
  createdNoReboot: 'amiExplorer.walkthrough.createdNoReboot',
  /** CopyImage answered in a region other than the source's. */
  copiedToOtherRegion: 'amiExplorer.walkthrough.copiedToOtherRegion',
  /** An image the user shared with an account was listed under "Shared with me" by that account. */
  foundSharedImage: 'amiExplorer.walkthrough.foundSharedImage',
  /** Making an image public was refused (by the panel, which knows EC2's rules, or by EC2). */
  publicRefused: 'amiExplorer.walkthrough.publicRefused',
  /** After a deregistration without deleting snapshots, DescribeSnapshots listed what was left. */
  foundLeftoverSnapshots: 'amiExplorer.walkthrough.foundLeftoverSnapshots',
  /** A snapshot left behind by a deregistration (and found) was deleted. */
  deletedLeftoverSnapshots: 'amiExplorer.walkthrough.deletedLeftoverSnapshots',
} as const;

export type WalkthroughKey = keyof typeof WALKTHROUGH_KEYS;

/** At most this many owned images' snapshot lists are remembered (enough for any training account). */
const MAX_REMEMBERED_IMAGES = 2_000;

interface ImageLike {
  ImageId?: string;
  OwnerId?: string;
  BlockDeviceMappings?: { Ebs?: { SnapshotId?: string } }[];
}

interface SnapshotLike {
  SnapshotId?: string;
  Description?: string;
}

export class TrainingProgress {
  private readonly done = new Set<WalkthroughKey>();
  /** Snapshots of the caller's images, by image id, from DescribeImages answers. */
  private readonly snapshotsOfImage = new Map<string, string[]>();
  /** Images the user gave an account launch permission for. */
  private readonly sharedImages = new Set<string>();
  /** Images deregistered while keeping their snapshots, with those snapshots (`region/imageId`). */
  private readonly deregistered = new Map<string, string[]>();
  /** Snapshots left behind that a DescribeSnapshots answer has shown (`region/snapshotId`). */
  private readonly foundLeftovers = new Set<string>();

  constructor(
    private readonly setContext: (key: string, value: boolean) => void,
    /** The account the explorer acts as, once known. */
    private readonly callerAccount: () => string | undefined,
  ) {}

  /** The steps' conditions met so far in this session (the test API reads them). */
  completed(): WalkthroughKey[] {
    return [...this.done];
  }

  /** Forgets everything observed and clears the context keys (the test API starts each walk afresh). */
  reset(): void {
    for (const key of this.done) this.setContext(WALKTHROUGH_KEYS[key], false);
    this.done.clear();
    this.snapshotsOfImage.clear();
    this.sharedImages.clear();
    this.deregistered.clear();
    this.foundLeftovers.clear();
  }

  /** A tree row was expanded (its stable id, see ids.ts). */
  expanded(nodeId: string): void {
    if (/^[^/]+\/images\/[^/]+\/(ebs|instance-store)$/.test(nodeId)) this.complete('browsed');
  }

  /** Tree rows were selected. */
  selected(nodeIds: readonly string[]): void {
    // An image row lies in an owner group's root-device folder: selecting one is browsing them too
    // (the folders may have been expanded in an earlier session, with no expansion to observe now).
    if (nodeIds.some((id) => /^[^/]+\/images\/[^/]+\/(ebs|instance-store)\/ami-[0-9a-f]+$/.test(id)))
      this.complete('browsed');
    if (nodeIds.some((id) => /^[^/]+\/images\/[^/]+\/instance-store\/ami-[0-9a-f]+$/.test(id)))
      this.complete('comparedRootDevices');
  }

  /** The Launch Permissions panel refused a request to make its image public (it knows why EC2 would). */
  publicSharingRefused(): void {
    this.complete('publicRefused');
  }

  /** Every EC2 call of the extension, after it answered or failed. */
  observe(call: Ec2CallRecord): void {
    const input = (call.input ?? {}) as Record<string, unknown>;
    if (call.error !== undefined) {
      if (call.command === 'ModifyImageAttributeCommand' && addsPublic(input)) this.complete('publicRefused');
      return;
    }
    const output = (call.output ?? {}) as Record<string, unknown>;
    switch (call.command) {
      case 'CreateImageCommand':
        this.complete(input.NoReboot === true ? 'createdNoReboot' : 'createdWithReboot');
        return;
      case 'CopyImageCommand':
        if (typeof input.SourceRegion === 'string' && input.SourceRegion !== call.region)
          this.complete('copiedToOtherRegion');
        return;
      case 'ModifyImageAttributeCommand':
        if (typeof input.ImageId === 'string' && addedAccounts(input).length > 0) this.sharedImages.add(input.ImageId);
        return;
      case 'DescribeImagesCommand':
        this.sawImages(input, (output.Images ?? []) as ImageLike[]);
        return;
      case 'DeregisterImageCommand':
        this.imageDeregistered(call.region, input);
        return;
      case 'DescribeSnapshotsCommand':
        this.sawSnapshots(call.region, (output.Snapshots ?? []) as SnapshotLike[]);
        return;
      case 'DeleteSnapshotCommand':
        if (typeof input.SnapshotId === 'string' && this.foundLeftovers.has(`${call.region}/${input.SnapshotId}`)) {
          this.complete('deletedLeftoverSnapshots');
        }
        return;
    }
  }

  private sawImages(input: Record<string, unknown>, images: ImageLike[]): void {
    const caller = this.callerAccount();
    for (const image of images) {
      if (!image.ImageId || (caller !== undefined && image.OwnerId !== caller)) continue;
      const snapshots = (image.BlockDeviceMappings ?? []).flatMap((b) => (b.Ebs?.SnapshotId ? [b.Ebs.SnapshotId] : []));
      if (this.snapshotsOfImage.size >= MAX_REMEMBERED_IMAGES)
        this.snapshotsOfImage.delete(this.snapshotsOfImage.keys().next().value as string);
      this.snapshotsOfImage.set(image.ImageId, snapshots);
    }
    const sharedWithMe = Array.isArray(input.ExecutableUsers) && input.ExecutableUsers.includes('self');
    if (
      sharedWithMe &&
      images.some((i) => i.ImageId && this.sharedImages.has(i.ImageId) && caller !== undefined && i.OwnerId !== caller)
    ) {
      this.complete('foundSharedImage');
    }
  }

  private imageDeregistered(region: string, input: Record<string, unknown>): void {
    if (typeof input.ImageId !== 'string' || input.DeleteAssociatedSnapshots === true) return;
    this.deregistered.set(`${region}/${input.ImageId}`, this.snapshotsOfImage.get(input.ImageId) ?? []);
  }

  private sawSnapshots(region: string, snapshots: SnapshotLike[]): void {
    if (this.deregistered.size === 0) return;
    const leftovers = new Set<string>();
    for (const [key, ids] of this.deregistered) {
      if (key.startsWith(`${region}/`)) for (const id of ids) leftovers.add(id);
    }
    const deregisteredIds = [...this.deregistered.keys()]
      .filter((k) => k.startsWith(`${region}/`))
      .map((k) => k.slice(region.length + 1));
    for (const snapshot of snapshots) {
      if (!snapshot.SnapshotId) continue;
      // EC2 describes a snapshot made by CreateImage as "Created by CreateImage(i-…) for ami-…".
      const madeForDeregistered = deregisteredIds.some((imageId) => snapshot.Description?.includes(imageId));
      if (leftovers.has(snapshot.SnapshotId) || madeForDeregistered) {
        this.foundLeftovers.add(`${region}/${snapshot.SnapshotId}`);
        this.complete('foundLeftoverSnapshots');
      }
    }
  }

  private complete(key: WalkthroughKey): void {
    if (this.done.has(key)) return;
    this.done.add(key);
    this.setContext(WALKTHROUGH_KEYS[key], true);
  }
}

function launchPermissionAdds(input: Record<string, unknown>): Record<string, unknown>[] {
  const add = (input.LaunchPermission as { Add?: unknown } | undefined)?.Add;
  return Array.isArray(add) ? (add as Record<string, unknown>[]) : [];
}

function addsPublic(input: Record<string, unknown>): boolean {
  return launchPermissionAdds(input).some((p) => p.Group === 'all');
}

function addedAccounts(input: Record<string, unknown>): string[] {
  return launchPermissionAdds(input).flatMap((p) => (typeof p.UserId === 'string' ? [p.UserId] : []));
}
