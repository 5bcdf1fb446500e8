/**
 * The simulator's state: plain JSON-serialisable records, one store per region.
 * Field names follow EC2's API shapes (camelCase of the XML element names) so that
 * rendering is a direct mapping. Times are epoch milliseconds.
 */
import type { AllowedImagesSettings } from './allowedImages';
import type { RecycleBinState } from './recycleBin';

export type ImageState = 'pending' | 'available' | 'failed' | 'deregistered' | 'disabled';
export type Architecture = 'i386' | 'x86_64' | 'arm64';
export type RootDeviceType = 'ebs' | 'instance-store';
export type VirtualizationType = 'hvm' | 'paravirtual';
/** EBS volume types EC2 accepts in a block device mapping (`VolumeType` in the EC2 API model). */
export const VOLUME_TYPES = ['gp2', 'gp3', 'io1', 'io2', 'st1', 'sc1', 'standard'] as const;
export type VolumeType = (typeof VOLUME_TYPES)[number];

export function isVolumeType(value: string): boolean {
  return (VOLUME_TYPES as readonly string[]).includes(value);
}

export type InstanceStateName = 'pending' | 'running' | 'stopping' | 'stopped' | 'shutting-down' | 'terminated';

export interface Tag {
  key: string;
  value: string;
}

/** One entry of an image's or instance's block device mapping. */
export interface BlockDeviceMapping {
  deviceName: string;
  /** Instance-store entries: `ephemeral0`…; absent for EBS entries. */
  virtualName?: string;
  ebs?: {
    snapshotId?: string;
    volumeSize: number;
    volumeType: VolumeType;
    deleteOnTermination: boolean;
    encrypted: boolean;
    kmsKeyId?: string;
    iops?: number;
    throughput?: number;
  };
  /** `NoDevice` suppresses a device of the source mapping. */
  noDevice?: boolean;
}

export interface LaunchPermission {
  userId?: string;
  group?: 'all';
  organizationArn?: string;
  organizationalUnitArn?: string;
}

export interface ProductCode {
  productCodeId: string;
  productCodeType: 'marketplace' | 'devpay';
}

export interface ImageRecord {
  imageId: string;
  name: string;
  description?: string;
  ownerId: string;
  /** `amazon`, `aws-marketplace`, or absent. */
  imageOwnerAlias?: string;
  state: ImageState;
  /** When the state became `deregistered` (EC2 answers InvalidAMIID.Unavailable for a while). */
  deregisteredAt?: number;
  /** When a pending image becomes available (epoch ms). */
  availableAt?: number;
  stateReason?: { code: string; message: string };
  architecture: Architecture;
  imageType: 'machine' | 'kernel' | 'ramdisk';
  /** `windows` or absent (Linux/UNIX). */
  platform?: 'windows';
  platformDetails: string;
  usageOperation: string;
  rootDeviceType: RootDeviceType;
  rootDeviceName: string;
  virtualizationType: VirtualizationType;
  kernelId?: string;
  ramdiskId?: string;
  hypervisor: 'xen' | 'ovm';
  blockDeviceMappings: BlockDeviceMapping[];
  productCodes: ProductCode[];
  creationDate: number;
  deprecationTime?: number;
  bootMode?: 'legacy-bios' | 'uefi' | 'uefi-preferred';
  enaSupport: boolean;
  sriovNetSupport?: 'simple';
  imdsSupport?: 'v2.0';
  tpmSupport?: 'v2.0';
  imageLocation: string;
  launchPermissions: LaunchPermission[];
  deregistrationProtection?: { enabled: boolean; withCooldown: boolean; disabledUntil?: number };
  lastLaunchedTime?: number;
  /** Launches not yet reported in lastLaunchedTime (EC2 reports them 24 hours later), oldest first. */
  unreportedLaunches?: number[];
  sourceImageId?: string;
  sourceImageRegion?: string;
  /** Whether the image can be used under the Free Tier (absent: false). */
  freeTierEligible?: boolean;
  /** The public Systems Manager parameter (under `/aws/service/`) that resolves, or resolved, to this image. */
  publicSsmParameterName?: string;
  sourceInstanceId?: string;
  tags: Tag[];
  /** CopyImage idempotency: the ClientToken and a digest of the parameters it was used with. */
  clientToken?: { token: string; paramsDigest: string };
}

export interface SnapshotRecord {
  snapshotId: string;
  ownerId: string;
  ownerAlias?: string;
  volumeId: string;
  volumeSize: number;
  state: 'pending' | 'completed' | 'error';
  startTime: number;
  progress: string;
  description: string;
  encrypted: boolean;
  kmsKeyId?: string;
  storageTier: 'standard' | 'archive';
  tags: Tag[];
  createVolumePermissions: { userId?: string; group?: 'all' }[];
}

export interface VolumeRecord {
  volumeId: string;
  ownerId: string;
  availabilityZone: string;
  size: number;
  volumeType: VolumeType;
  snapshotId?: string;
  state: 'creating' | 'available' | 'in-use' | 'deleting' | 'deleted';
  encrypted: boolean;
  kmsKeyId?: string;
  createTime: number;
  attachment?: { instanceId: string; device: string; deleteOnTermination: boolean; attachTime: number };
  tags: Tag[];
}

export interface InstanceRecord {
  instanceId: string;
  ownerId: string;
  reservationId: string;
  imageId: string;
  instanceType: string;
  state: InstanceStateName;
  /** The states the instance goes through next, each with when it is reached (epoch ms); empty when settled. */
  transitions: { to: InstanceStateName; at: number }[];
  stateTransitionReason?: string;
  launchTime: number;
  availabilityZone: string;
  architecture: Architecture;
  platform?: 'windows';
  platformDetails: string;
  rootDeviceType: RootDeviceType;
  rootDeviceName: string;
  virtualizationType: VirtualizationType;
  hypervisor: 'xen';
  /** EBS volumes attached (by volume id) and instance-store entries. */
  blockDeviceMappings: { deviceName: string; volumeId: string; deleteOnTermination: boolean; attachTime: number }[];
  privateIpAddress: string;
  publicIpAddress?: string;
  keyName?: string;
  tags: Tag[];
  /** Why the instance last stopped or terminated (EC2's `stateReason`). */
  stateReason?: { code: string; message: string };
  /** When it reached (or will reach) `terminated`: it stays visible for an hour after. */
  terminatedAt?: number;
  /** The kernel of a paravirtual instance (from its AMI). */
  kernelId?: string;
  /** Position within its launch (RunInstances with MaxCount > 1). */
  amiLaunchIndex?: number;
  /** The RunInstances ClientToken that launched it: a retry with the same token launches nothing new. */
  clientToken?: string;
}

/** What a launch template version holds (the simulator keeps the members it implements). */
export interface LaunchTemplateData {
  /** An AMI id, or `resolve:ssm:<parameter>` stored as given (EC2 resolves it at launch). */
  imageId?: string;
  instanceType?: string;
  keyName?: string;
}

export interface LaunchTemplateVersionRecord {
  versionNumber: number;
  versionDescription?: string;
  createTime: number;
  createdBy: string;
  data: LaunchTemplateData;
  /** The ClientToken it was created with: a retry with the same token returns this version. */
  clientToken?: string;
}

export interface LaunchTemplateRecord {
  launchTemplateId: string;
  launchTemplateName: string;
  ownerId: string;
  createTime: number;
  /** The ARN of the creator (`arn:aws:iam::<account>:user/simulator` for simulated accounts). */
  createdBy: string;
  defaultVersionNumber: number;
  latestVersionNumber: number;
  versions: LaunchTemplateVersionRecord[];
  tags: Tag[];
  /** The ClientToken it was created with: a retry with the same token returns this template. */
  clientToken?: string;
}

/** A minimal Auto Scaling group: recorded with its launch template, never scales (no activities). */
export interface AutoScalingGroupRecord {
  autoScalingGroupName: string;
  ownerId: string;
  launchTemplate: { launchTemplateId: string; launchTemplateName: string; version: string };
  autoScalingGroupArn: string;
  /** Subnet ids as given (the simulator has no VPCs: stored, not checked). */
  vpcZoneIdentifier?: string;
  minSize: number;
  maxSize: number;
  desiredCapacity: number;
  availabilityZones: string[];
  createdTime: number;
  tags: { key: string; value: string; propagateAtLaunch: boolean }[];
}

/** One account's resources in one region. AMIs, snapshots and instances are regional. */
export interface RegionState {
  images: Record<string, ImageRecord>;
  snapshots: Record<string, SnapshotRecord>;
  volumes: Record<string, VolumeRecord>;
  instances: Record<string, InstanceRecord>;
  /** Per account: is "block public access for AMIs" on in this region? */
  imageBlockPublicAccess: Record<string, 'block-new-sharing' | 'unblocked'>;
  /** Launch templates by id (absent in state files written before they existed). */
  launchTemplates?: Record<string, LaunchTemplateRecord>;
  /** Auto Scaling groups by `<account>/<name>` (names are unique per account and region). */
  autoScalingGroups?: Record<string, AutoScalingGroupRecord>;
  /** Per account: its Allowed AMIs settings in this region (absent: disabled, no criteria). */
  allowedImages?: Record<string, AllowedImagesSettings>;
  /** Recycle Bin retention rules and the images and snapshots they keep (absent: none). */
  recycleBin?: RecycleBinState;
}

/** The whole simulated world, which is what the state file holds. */
export interface SimState {
  version: 1;
  /** Seed options this state was generated from (reset restores them). */
  seed: { publicImagesInLargeRegion: number; largeRegion: string };
  /** A counter that makes new ids deterministic across restarts. */
  idCounter: number;
  regions: Record<string, RegionState>;
}
