/** The Create Image panel's messages (the envelope is in `envelope.ts`). No `vscode` import: webviews bundle it too. */
import type { HostMessage, OpenDetailsMessage, TagInput, WebviewMessage } from './envelope';

/** What a Create Image panel is about (see `SavedPanelArgs`). */
export interface CreateImageArgs {
  kind: 'createImage';
  region: string;
  instanceId: string;
}

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

/**
 * How one of the instance's volumes goes into the image. Its size and type are the volume's:
 * CreateImage can change only DeleteOnTermination of an existing volume (API reference, CreateImage).
 */
export interface VolumeMapping {
  /** One of the instance's device names. */
  deviceName: string;
  /** False leaves the volume out of the image (NoDevice; not allowed for the root volume). */
  include: boolean;
  deleteOnTermination: boolean;
}

/** Volume types offered for a new volume: all of them (io1/io2 with the IOPS they require). */
export const NEW_VOLUME_TYPES = VOLUME_TYPES;
export type NewVolumeType = (typeof NEW_VOLUME_TYPES)[number];

/** A new EBS volume added to the image's block device mapping: empty, or from a snapshot. */
export interface NewVolume {
  /** `/dev/sd[b-z]` or `/dev/xvd[b-z]` style, used by no other volume of the form. */
  deviceName: string;
  /** GiB, within EC2's limits for the type (`VOLUME_SIZE_LIMITS_GIB`); with a snapshot, at least its size (EC2 checks). */
  sizeGiB: number;
  volumeType: NewVolumeType;
  deleteOnTermination: boolean;
  /** Encrypted with the account's default EBS key (CreateImage takes no KMS key id). Never with a snapshot. */
  encrypted: boolean;
  /** Provisioned IOPS: gp3, io1 and io2 only; required for io1/io2 (`IOPS_LIMITS`). Absent: none / gp3's default. */
  iops?: number;
  /** MiB/s, gp3 only (`THROUGHPUT_LIMITS`). Absent: gp3's default. */
  throughputMiBs?: number;
  /** The volume is made from this snapshot (its encryption applies). Absent: an empty volume. */
  snapshotId?: string;
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
