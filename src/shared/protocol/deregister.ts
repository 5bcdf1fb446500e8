/** The Deregister panel's messages (the envelope is in `envelope.ts`). No `vscode` import: webviews bundle it too. */
import type { UsageView } from '../imageUsage';
import type { HostMessage, PanelError, WebviewMessage } from './envelope';
import type { RelatedMessage } from './usedBy';

/** What a Deregister panel is about (see `SavedPanelArgs`). */
export interface DeregisterArgs {
  kind: 'deregister';
  region: string;
  imageIds: string[];
}

/** One snapshot an image's block device mapping refers to. */
export interface SnapshotInfo {
  snapshotId: string;
  /** The volume size recorded in the mapping (GiB): an upper bound of what the snapshot stores. */
  sizeGiB: number;
  deviceName: string;
}

/** One image selected for deregistration. */
export interface DeregisterImageInfo {
  imageId: string;
  name?: string;
  state: string;
  /** Only the caller's own images can be deregistered. */
  ownedByMe: boolean;
  /** EC2 refuses to deregister an image with deregistration protection on. */
  deregistrationProtection: boolean;
  snapshots: SnapshotInfo[];
  /** Upper bound of the monthly storage cost of its snapshots, in USD. */
  monthlyCostUsd: number;
  /** What the Recycle Bin's retention rules keep of it (issue 14); absent when not known. */
  recycleBin?: {
    recoverable: boolean;
    text: string;
    /** Deleting its snapshots puts every one of them in the Recycle Bin (a snapshot rule covers each). */
    snapshotsRecoverable?: boolean;
  };
  /** Who still uses it: the pre-check (absent for images that cannot be deregistered here). */
  usedBy?: UsageView;
}

export interface DeregisterInit {
  region: string;
  images: DeregisterImageInfo[];
  /** Price used for the estimate, USD per GiB-month of standard snapshot storage. */
  snapshotPricePerGiBMonth: number;
}

export interface DeregisterParams {
  /** A subset of the panel's images, none protected, none foreign. */
  imageIds: string[];
  /** Also delete the snapshots each image used. */
  deleteSnapshots: boolean;
  /** The user ticked the explicit confirmation. Must be true. */
  confirmed: boolean;
  /**
   * The user acknowledged that launch templates, Auto Scaling groups or other resources still
   * launch a selected image. Required (true) when one does; absent counts as false.
   */
  confirmedInUse?: boolean;
}

/** What happened to one image. */
export interface DeregisterItemResult {
  imageId: string;
  ok: boolean;
  /** Snapshots deleted after the image was deregistered. */
  deletedSnapshotIds: string[];
  /** Snapshots that could not be deleted, with EC2's reason (e.g. used by another AMI). */
  keptSnapshots: { snapshotId: string; reason: string }[];
  error?: PanelError;
}

export interface DeregisterResult {
  items: DeregisterItemResult[];
}

export type DeregisterToHost = WebviewMessage<DeregisterParams, RelatedMessage>;
export type DeregisterToWebview = HostMessage<DeregisterInit, DeregisterResult>;
