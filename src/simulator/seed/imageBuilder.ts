import type {
  Architecture,
  BlockDeviceMapping,
  ImageRecord,
  LaunchPermission,
  ProductCode,
  Tag,
  VolumeType,
} from '../models/types';
import { DAY_MS, seedId } from './random';

/** Public images grant launch to everyone; catalog records are read-only, so they share these. */
export const PUBLIC_LAUNCH: LaunchPermission[] = Object.freeze([
  Object.freeze({ group: 'all' as const }),
]) as LaunchPermission[];
export const NO_TAGS: Tag[] = Object.freeze([]) as unknown as Tag[];
export const NO_PRODUCT_CODES: ProductCode[] = Object.freeze([]) as unknown as ProductCode[];

/** EC2 gives every public AMI a deprecation time two years after its creation by default. */
export const DEFAULT_DEPRECATION_MS = 730 * DAY_MS;

/** What differs between catalog images; everything else gets a realistic default. */
export interface ImageSpec {
  /** Unique within the region: the id is derived from it. */
  key: string;
  region: string;
  name: string;
  description?: string;
  ownerId: string;
  alias?: string;
  arch: Architecture;
  created: number;
  platform?: 'windows';
  platformDetails?: string;
  usageOperation?: string;
  instanceStore?: boolean;
  rootDeviceName?: string;
  paravirtual?: boolean;
  volumeSize?: number;
  volumeType?: VolumeType;
  /** Number of `ephemeralN` instance-store entries in the mapping. */
  ephemeral?: number;
  bootMode?: ImageRecord['bootMode'];
  ena?: boolean;
  imds?: boolean;
  tpm?: boolean;
  productCodes?: ProductCode[];
  /** Absent: the default two years after creation; null: never deprecated. */
  deprecationTime?: number | null;
  imageLocation?: string;
  launchPermissions?: LaunchPermission[];
  tags?: Tag[];
  encrypted?: boolean;
  kmsKeyId?: string;
  freeTier?: boolean;
  /** The public SSM parameter of the image's series (every version keeps it: the filter finds them all). */
  ssmParameter?: string;
  /** Extra EBS data volumes (device, size). */
  dataVolumes?: { deviceName: string; size: number; snapshotKey?: string }[];
}

/** The image id of the record {@link buildImage} builds from `s`, without building it. */
export function imageIdOf(s: ImageSpec): string {
  return seedId('ami', `${s.region}/${s.key}`);
}

/** Builds one independent ImageRecord (shared arrays are the frozen constants above). */
export function buildImage(s: ImageSpec): ImageRecord {
  const instanceStore = s.instanceStore === true;
  const paravirtual = s.paravirtual === true;
  const rootDeviceName = s.rootDeviceName ?? (paravirtual || instanceStore ? '/dev/sda1' : '/dev/xvda');
  const mappings: BlockDeviceMapping[] = [];
  if (!instanceStore) {
    mappings.push(ebsMapping(rootDeviceName, seedId('snap', `${s.region}/${s.key}`), s));
    for (const data of s.dataVolumes ?? []) {
      mappings.push(
        ebsMapping(data.deviceName, seedId('snap', `${s.region}/${s.key}/${data.snapshotKey ?? data.deviceName}`), {
          ...s,
          volumeSize: data.size,
        }),
      );
    }
  }
  const ephemeral = s.ephemeral ?? (instanceStore ? 1 : 0);
  for (let i = 0; i < ephemeral; i++) {
    mappings.push({ deviceName: `/dev/sd${String.fromCharCode(98 + i)}`, virtualName: `ephemeral${i}` });
  }
  const deprecationTime =
    s.deprecationTime === null ? undefined : (s.deprecationTime ?? s.created + DEFAULT_DEPRECATION_MS);
  const image: ImageRecord = {
    imageId: imageIdOf(s),
    name: s.name,
    ownerId: s.ownerId,
    state: 'available',
    architecture: s.arch,
    imageType: 'machine',
    platformDetails: s.platformDetails ?? (s.platform === 'windows' ? 'Windows' : 'Linux/UNIX'),
    usageOperation: s.usageOperation ?? (s.platform === 'windows' ? 'RunInstances:0002' : 'RunInstances'),
    rootDeviceType: instanceStore ? 'instance-store' : 'ebs',
    rootDeviceName,
    virtualizationType: paravirtual ? 'paravirtual' : 'hvm',
    hypervisor: 'xen',
    blockDeviceMappings: mappings,
    productCodes: s.productCodes ?? NO_PRODUCT_CODES,
    creationDate: s.created,
    enaSupport: s.ena ?? !paravirtual,
    imageLocation: s.imageLocation ?? `${s.alias ?? s.ownerId}/${s.name}`,
    launchPermissions: s.launchPermissions ?? PUBLIC_LAUNCH,
    tags: s.tags ?? NO_TAGS,
  };
  // Optional fields only when present, so records stay small and JSON stays clean.
  if (s.description !== undefined) image.description = s.description;
  if (s.alias !== undefined) image.imageOwnerAlias = s.alias;
  if (s.platform) image.platform = s.platform;
  if (deprecationTime !== undefined) image.deprecationTime = deprecationTime;
  if (paravirtual) image.kernelId = seedId('aki', `${s.region}/${s.arch}/pv-grub`).slice(0, 12);
  if (!paravirtual) image.sriovNetSupport = 'simple';
  if (s.bootMode) image.bootMode = s.bootMode;
  if (s.imds) image.imdsSupport = 'v2.0';
  if (s.tpm) image.tpmSupport = 'v2.0';
  if (s.freeTier) image.freeTierEligible = true;
  if (s.ssmParameter) image.publicSsmParameterName = s.ssmParameter;
  return image;
}

function ebsMapping(deviceName: string, snapshotId: string, s: ImageSpec): BlockDeviceMapping {
  const volumeType = s.volumeType ?? (s.paravirtual ? 'standard' : 'gp2');
  const ebs: NonNullable<BlockDeviceMapping['ebs']> = {
    snapshotId,
    volumeSize: s.volumeSize ?? 8,
    volumeType,
    deleteOnTermination: true,
    encrypted: s.encrypted === true,
  };
  if (s.encrypted && s.kmsKeyId) ebs.kmsKeyId = s.kmsKeyId;
  if (volumeType === 'gp3') {
    ebs.iops = 3000;
    ebs.throughput = 125;
  }
  return { deviceName, ebs };
}
