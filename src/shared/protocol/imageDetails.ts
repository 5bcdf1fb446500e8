/** The Image details panel's messages (the envelope is in `envelope.ts`). No `vscode` import: webviews bundle it too. */
import type { CopyIdMessage, HostMessage, ReadyMessage, RevealInTreeMessage, TagInput } from './envelope';
import type { PermissionSet } from './launchPermissions';
import type { LineageView } from '../imageLineage';
import type { UsageView } from '../imageUsage';
import type { RelatedMessage } from './usedBy';

/** What an Image details panel is about (see `SavedPanelArgs`). */
export interface ImageDetailsArgs {
  kind: 'imageDetails';
  region: string;
  imageId: string;
}

/** One entry of an image's block device mapping. */
export interface BlockDeviceInfo {
  /** E.g. `/dev/xvda`. */
  deviceName: string;
  /** `ebs`: a volume made from a snapshot; `ephemeral`: an instance store volume; `noDevice`: suppressed. */
  kind: 'ebs' | 'ephemeral' | 'noDevice';
  /** For `ephemeral`: `ephemeral0`, … */
  virtualName?: string;
  snapshotId?: string;
  sizeGiB?: number;
  volumeType?: string;
  iops?: number;
  /** MiB/s, gp3 only. */
  throughput?: number;
  encrypted?: boolean;
  kmsKeyId?: string;
  deleteOnTermination?: boolean;
}

/** Who may launch the image: read with DescribeImageAttribute, which only the owner may call. */
export type PermissionsView =
  { readable: true; permissions: PermissionSet } | { readable: false; /** Why they cannot be shown. */ reason: string };

/** Every attribute of one AMI, as DescribeImages (and DescribeImageAttribute for its owner) report it. */
export interface ImageDetailsInit {
  region: string;
  imageId: string;
  name?: string;
  description?: string;
  ownerId: string;
  /** `amazon`, `aws-marketplace`, … */
  ownerAlias?: string;
  /** The caller owns it: permissions are readable and Launch permissions / Deregister are offered. */
  ownedByMe: boolean;
  state: string;
  /** Why it is `failed` (or other states), as EC2 says. */
  stateReason?: string;
  creationDate?: string;
  architecture?: string;
  /** `windows` for Windows images, otherwise absent. */
  platform?: string;
  platformDetails?: string;
  usageOperation?: string;
  imageType?: string;
  virtualizationType?: string;
  hypervisor?: string;
  bootMode?: string;
  enaSupport?: boolean;
  sriovNetSupport?: string;
  imdsSupport?: string;
  tpmSupport?: string;
  kernelId?: string;
  ramdiskId?: string;
  imageLocation?: string;
  /** For copies: the image and region it was copied from. */
  sourceImageId?: string;
  sourceImageRegion?: string;
  /** For images created from an instance. */
  sourceInstanceId?: string;
  productCodes: { id: string; type: string }[];
  /** `DescribeImages` says it is public. */
  isPublic: boolean;
  rootDeviceType?: string;
  rootDeviceName?: string;
  blockDevices: BlockDeviceInfo[];
  /** Upper bound of the monthly storage cost of its EBS snapshots, in USD. */
  monthlyCostUsd: number;
  /** Price used for the estimate, USD per GiB-month of standard snapshot storage. */
  snapshotPricePerGiBMonth: number;
  permissions: PermissionsView;
  tags: TagInput[];
  /** ISO time at which the image is (or was) deprecated; absent when none is set. */
  deprecationTime?: string;
  /** The deprecation time has passed. */
  deprecated: boolean;
  /** `disabled`, `enabled`, `enabled-with-cooldown`, `disabled-until …`. */
  deregistrationProtection: string;
  lastLaunchedTime?: string;
  /** Who still uses it (absent until read). */
  usedBy?: UsageView;
  /** Where it comes from and what was built from it (absent until read). */
  lineage?: LineageView;
  /** Who stands behind it (`Amazon`, `Unknown publisher`, …) and why (issue 14 item 4). */
  trust?: { label: string; explanation: string };
  /** The public SSM parameter EC2 associates with it (PublicSsmParameterName), and whether it names this image now. */
  publicParameter?: PublicParameterView;
}

/** "Which public parameter points here": `namesThisImage` undefined when SSM could not be asked (`note` says why). */
export interface PublicParameterView {
  name: string;
  namesThisImage?: boolean;
  /** What the parameter names now, when it is another image. */
  currentImageId?: string;
  note?: string;
}

/** The panels the details panel can open for its image. */
export const DETAIL_ACTIONS = ['copyImage', 'launchInstance', 'launchPermissions', 'deregister'] as const;
export type DetailAction = (typeof DETAIL_ACTIONS)[number];

/** Asks the host to open another panel for this panel's image. */
export interface OpenPanelMessage {
  type: 'openPanel';
  /** Launch permissions and Deregister only for an image the caller owns; Copy and Launch only when available. */
  panel: DetailAction;
}

/** Asks the host to read the image again; answered by a `result` with the details. */
export interface RefreshMessage {
  type: 'refresh';
  requestId: string;
}

export type ImageDetailsResult = { details: ImageDetailsInit };

export type ImageDetailsToHost =
  ReadyMessage | RevealInTreeMessage | CopyIdMessage | OpenPanelMessage | RefreshMessage | RelatedMessage;
export type ImageDetailsToWebview = HostMessage<ImageDetailsInit, ImageDetailsResult>;
