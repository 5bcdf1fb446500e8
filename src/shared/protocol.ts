/**
 * The one message protocol between the extension host and the AMI Explorer webviews.
 *
 * Every panel speaks the same envelope:
 * - webview → host: `ready` (handshake: the host sends nothing before it), `submit` with a
 *   request id, and small panel-specific requests (`revealInTree`, `copyId`, `loadFrom`);
 * - host → webview: `init` (the panel's data, sent in answer to `ready`), `progress` and
 *   `result` answering a request id, and `refused` when the host rejected a message.
 *
 * The host treats everything coming from a webview as untrusted input: see `messageValidation.ts`.
 * No `vscode` import: this file is bundled into the webviews too.
 */

/** The panels, also the names of their webview bundles (`dist/webview/<kind>.js`). */
export type PanelKind =
  'createImage' | 'deregister' | 'launchPermissions' | 'copyImage' | 'launchInstance' | 'imageDetails';

export const PANEL_KINDS: readonly PanelKind[] = [
  'createImage',
  'deregister',
  'launchPermissions',
  'copyImage',
  'launchInstance',
  'imageDetails',
];

/** A tag as EC2 stores it. */
export interface TagInput {
  /** 1–128 characters, not starting with `aws:`. */
  key: string;
  /** 0–256 characters. */
  value: string;
}

/** What went wrong, in the words of `src/aws/errors.ts`. */
export interface PanelError {
  /** What happened; for EC2 errors, EC2's own message. */
  message: string;
  /** What the user can do about it, when known. */
  fix?: string;
  /** EC2's error code, e.g. `InvalidAMIName.Duplicate`. */
  code?: string;
}

/** The answer to one request: what the panel asked for, or why it failed. */
export type Outcome<T> = ({ ok: true } & T) | { ok: false; error: PanelError };

// ---------------------------------------------------------------------------------------------
// Envelope shared by every panel

/** Sent once by the webview when its script has loaded and it can receive messages. */
export interface ReadyMessage {
  type: 'ready';
}

/** Asks the host to reveal a resource the host itself returned in a result (never any other id). */
export interface RevealInTreeMessage {
  type: 'revealInTree';
  /** An id from a successful result of this panel: an AMI id (an instance id for Launch). */
  id: string;
}

/** Asks the host to copy an id the host itself returned in a result to the clipboard. */
export interface CopyIdMessage {
  type: 'copyId';
  /** An id from a successful result of this panel: an AMI id (an instance id for Launch). */
  id: string;
}

/** Asks the host to open the details panel of an image the host itself returned in a result. */
export interface OpenDetailsMessage {
  type: 'openDetails';
  /** An AMI id from a successful result of this panel. */
  id: string;
}

/** A form submission. The host answers it with `progress` messages and exactly one `result`. */
export interface SubmitMessage<TParams> {
  type: 'submit';
  /** Chosen by the webview (1–64 letters, digits, `-`); echoed by the host's replies. */
  requestId: string;
  /** The form's values. */
  params: TParams;
}

/** Everything webviews send to the host, for a panel whose form sends `TParams`. */
export type WebviewMessage<TParams, TExtra = never> =
  ReadyMessage | SubmitMessage<TParams> | RevealInTreeMessage | CopyIdMessage | TExtra;

/**
 * What a panel is about: enough to open it again. The webview keeps it with `setState` so that
 * VS Code can restore the panel after a reload (the host validates it again then).
 */
export type PanelArgs =
  | { kind: 'createImage'; region: string; instanceId: string }
  | { kind: 'deregister'; region: string; imageIds: string[] }
  | { kind: 'launchPermissions'; region: string; imageId: string }
  | { kind: 'copyImage'; region: string; imageId: string }
  | { kind: 'launchInstance'; region: string; imageId: string }
  | { kind: 'imageDetails'; region: string; imageId: string };

/** The panel's data, sent by the host in answer to `ready` (again after a reload). */
export interface InitMessage<TInit> {
  type: 'init';
  /** What the panel is about, for the webview's saved state. */
  args: PanelArgs;
  data: TInit;
}

/** A step of a long request, for the progress line under the form. */
export interface ProgressMessage {
  type: 'progress';
  /** The request this progress belongs to. */
  requestId: string;
  /** What is happening now, e.g. "Deregistering ami-0123… (2 of 3)". */
  message: string;
  /** Completed fraction from 0 to 1, when known. */
  fraction?: number;
}

/** The single answer to a request. */
export interface ResultMessage<TResult> {
  type: 'result';
  /** The request this answers. */
  requestId: string;
  result: Outcome<TResult>;
}

/** The host refused a message (invalid, or not allowed now); nothing was sent to EC2. */
export interface RefusedMessage {
  type: 'refused';
  /** Why, for the user. */
  message: string;
  /** The request id of the refused message, when it had a readable one. */
  requestId?: string;
}

/** Everything the host sends to a panel's webview. */
export type HostMessage<TInit, TResult> =
  InitMessage<TInit> | ProgressMessage | ResultMessage<TResult> | RefusedMessage;

// ---------------------------------------------------------------------------------------------
// Create Image

/** EBS volume types a user may pick for an image's block device mapping. */
export const VOLUME_TYPES = ['gp3', 'gp2', 'io1', 'io2', 'st1', 'sc1', 'standard'] as const;
export type VolumeType = (typeof VOLUME_TYPES)[number];

/** One EBS volume attached to the instance. */
export interface VolumeInfo {
  /** As attached, e.g. `/dev/xvda`. */
  deviceName: string;
  /** The volume, when EC2 reported it. */
  volumeId?: string;
  /** Size in GiB. */
  sizeGiB: number;
  volumeType: VolumeType;
  /** Provisioned IOPS, for io1/io2/gp3. */
  iops?: number;
  deleteOnTermination: boolean;
  encrypted: boolean;
  /** True for the root volume: it is always part of the image. */
  isRoot: boolean;
}

/** The data of the Create Image panel. */
export interface CreateImageInit {
  region: string;
  instanceId: string;
  /** The instance's `Name` tag. */
  instanceName?: string;
  /** `running`, `stopped`, … */
  instanceState: string;
  /** EC2 creates images only from EBS-backed instances. */
  rootDeviceType: 'ebs' | 'instance-store';
  volumes: VolumeInfo[];
  /** A name to start from, e.g. `web-1 2026-11-23`. */
  suggestedName: string;
}

/** How one of the instance's volumes goes into the image. */
export interface VolumeMapping {
  /** One of the instance's device names. */
  deviceName: string;
  /** False leaves the volume out of the image (not allowed for the root volume). */
  include: boolean;
  /** GiB, at least the volume's current size (EC2 cannot shrink a snapshot). */
  sizeGiB: number;
  volumeType: VolumeType;
  deleteOnTermination: boolean;
}

/** Volume types offered for a new volume: io1/io2 need provisioned IOPS, which the form does not ask for. */
export const NEW_VOLUME_TYPES = ['gp3', 'gp2', 'st1', 'sc1', 'standard'] as const satisfies readonly VolumeType[];
export type NewVolumeType = (typeof NEW_VOLUME_TYPES)[number];

/** A new, empty EBS volume added to the image's block device mapping (no snapshot). */
export interface NewVolume {
  /** `/dev/sd[b-z]` or `/dev/xvd[b-z]` style, used by no other volume of the form. */
  deviceName: string;
  /** GiB, within EC2's limits for the type (`VOLUME_SIZE_LIMITS_GIB`). */
  sizeGiB: number;
  volumeType: NewVolumeType;
  deleteOnTermination: boolean;
  /** Encrypted with the account's default EBS key. */
  encrypted: boolean;
}

/** The Create Image form. */
export interface CreateImageParams {
  /** EC2's AMI name rules (3–128 characters of its allowed set). */
  name: string;
  /** Up to 255 characters; empty for none. */
  description: string;
  /** True: no reboot, the image is crash-consistent only. */
  noReboot: boolean;
  /** Exactly one entry per volume of the instance. */
  volumes: VolumeMapping[];
  /**
   * New empty volumes (at most `LIMITS.maxAddedVolumes`). Optional: absent means none, as in
   * forms saved before this field existed.
   */
  addedVolumes?: NewVolume[];
  /** Tags of the new image (at most 50). */
  imageTags: TagInput[];
  /** Tags of the snapshots EC2 takes (at most 50). */
  snapshotTags: TagInput[];
}

export interface CreateImageResult {
  /** The new AMI, `pending` until EC2 has snapshotted every volume. */
  imageId: string;
}

export type CreateImageToHost = WebviewMessage<CreateImageParams, OpenDetailsMessage>;
export type CreateImageToWebview = HostMessage<CreateImageInit, CreateImageResult>;

// ---------------------------------------------------------------------------------------------
// Deregister

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

export type DeregisterToHost = WebviewMessage<DeregisterParams>;
export type DeregisterToWebview = HostMessage<DeregisterInit, DeregisterResult>;

// ---------------------------------------------------------------------------------------------
// Launch permissions

/** Who may launch an image besides its owner. */
export interface PermissionSet {
  /** Launch permission for group `all`. */
  isPublic: boolean;
  /** 12-digit account ids. */
  accounts: string[];
  /** Organization ARNs. */
  organizations: string[];
  /** Organizational unit ARNs. */
  organizationalUnits: string[];
}

export interface LaunchPermissionsInit {
  region: string;
  imageId: string;
  name?: string;
  /** As read with DescribeImageAttribute. */
  current: PermissionSet;
  /** Why the image cannot be made public (empty when it can), known before the user tries. */
  publicBlockers: string[];
  /** Other images the caller owns in this region, to copy permissions from. */
  otherOwnedImages: { imageId: string; name?: string }[];
}

/** Asks for the launch permissions of another image the caller owns. */
export interface LoadPermissionsMessage {
  type: 'loadFrom';
  requestId: string;
  /** One of `otherOwnedImages`. */
  imageId: string;
}

/** The permissions wanted: the host applies the difference with the current ones. */
export type LaunchPermissionsParams = PermissionSet;

export type LaunchPermissionsResult =
  /** Applied; `permissions` is read back from EC2. */
  | { kind: 'applied'; permissions: PermissionSet }
  /** The permissions of another image, answering `loadFrom`. */
  | { kind: 'loaded'; imageId: string; permissions: PermissionSet };

export type LaunchPermissionsToHost = WebviewMessage<LaunchPermissionsParams, LoadPermissionsMessage>;
export type LaunchPermissionsToWebview = HostMessage<LaunchPermissionsInit, LaunchPermissionsResult>;

// ---------------------------------------------------------------------------------------------
// Copy AMI

export interface CopyImageInit {
  sourceRegion: string;
  sourceImageId: string;
  sourceName?: string;
  sourceDescription?: string;
  /** Regions the user may copy to (the source region included). */
  regions: string[];
  /** Marketplace images (product codes) cannot be copied. */
  isMarketplace: boolean;
  /** Whether the source's snapshots are already encrypted (copies then stay encrypted). */
  sourceEncrypted: boolean;
}

export interface CopyImageParams {
  /** One of `regions`. */
  destinationRegion: string;
  name: string;
  /** Empty for none. */
  description: string;
  encrypted: boolean;
  /** KMS key id, alias or ARN; empty for the default `aws/ebs` key. Only with `encrypted`. */
  kmsKeyId: string;
  copyImageTags: boolean;
}

export interface CopyImageResult {
  imageId: string;
  region: string;
}

export type CopyImageToHost = WebviewMessage<CopyImageParams, OpenDetailsMessage>;
export type CopyImageToWebview = HostMessage<CopyImageInit, CopyImageResult>;

// ---------------------------------------------------------------------------------------------
// Launch instance

export interface LaunchInstanceInit {
  region: string;
  imageId: string;
  name?: string;
  /** `x86_64`, `arm64`, … */
  architecture: string;
  /** `available` is the only state EC2 launches from. */
  state: string;
  /** On real AWS a launch costs money; the form says so and asks for an acknowledgement. */
  backend: 'simulator' | 'aws';
  /** Instance types offered for the image's architecture. */
  instanceTypes: string[];
}

export interface LaunchInstanceParams {
  /** One of `instanceTypes`. */
  instanceType: string;
  /** The `Name` tag; empty for none. */
  nameTag: string;
  /** 1–10 instances. */
  count: number;
  /** The user acknowledged the cost (required on real AWS). */
  acknowledgeCost: boolean;
}

export interface LaunchInstanceResult {
  instanceIds: string[];
}

export type LaunchInstanceToHost = WebviewMessage<LaunchInstanceParams>;
export type LaunchInstanceToWebview = HostMessage<LaunchInstanceInit, LaunchInstanceResult>;

// ---------------------------------------------------------------------------------------------
// Image details (read-only)

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

export type ImageDetailsToHost = ReadyMessage | RevealInTreeMessage | CopyIdMessage | OpenPanelMessage | RefreshMessage;
export type ImageDetailsToWebview = HostMessage<ImageDetailsInit, ImageDetailsResult>;

/** Limits the host enforces on every inbound message. */
export const LIMITS = {
  maxTags: 50,
  maxImagesPerDeregister: 50,
  maxPermissionEntries: 100,
  maxVolumes: 40,
  maxAddedVolumes: 20,
  maxVolumeSizeGiB: 65536,
  maxLaunchCount: 10,
  requestIdPattern: /^[A-Za-z0-9-]{1,64}$/,
} as const;
