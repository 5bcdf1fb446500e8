import { errors } from '../errors';
import type { World } from '../world';
import type { MappingRequest } from './imageCreateMappings';
import { checkImageName, checkNameFree, tagsFor, type TagSpecificationRequest } from './imageRules';
import { requireOwnSnapshot } from './snapshots';
import type { Architecture, BlockDeviceMapping, ImageRecord, VirtualizationType } from './types';
import { checkDeviceOnce, instanceStoreMapping, planNewEbsDevice, refuseDevicesWithoutSource } from './ebsDeviceRules';

/**
 * RegisterImage: an EBS-backed AMI from snapshots the caller owns, or an instance-store AMI from
 * an S3 manifest (the end of the bundling workflow). Rules: API reference, RegisterImage
 * (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RegisterImage.html).
 */

export interface RegisterImageRequest {
  accountId: string;
  region: string;
  name?: string;
  description?: string;
  imageLocation?: string;
  rootDeviceName?: string;
  architecture?: string;
  virtualizationType?: string;
  bootMode?: string;
  enaSupport?: boolean;
  sriovNetSupport?: string;
  tpmSupport?: string;
  imdsSupport?: string;
  mappings: MappingRequest[];
  tagSpecifications: TagSpecificationRequest[];
}

const ARCHITECTURES: readonly Architecture[] = ['i386', 'x86_64', 'arm64'];
const BOOT_MODES = ['legacy-bios', 'uefi', 'uefi-preferred'] as const;

/** `bucket/path.manifest.xml`: the S3 path of a bundle's manifest (ImageLocation). */
const MANIFEST_PATH = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/(?:[^/]+\/)*[^/]+\.manifest\.xml$/;

/** A value from a fixed list, or InvalidParameterValue naming the parameter (message wording unverified). */
function oneOf<T extends string>(param: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw errors.invalidParameterValue(`Value (${value}) for parameter ${param} is invalid.`);
  }
  return value as T;
}

/** Validates everything, calls `beforeChange` (DryRun answers there), then adds the pending image. */
export function registerImage(world: World, r: RegisterImageRequest, beforeChange: () => void): ImageRecord {
  if (r.name === undefined || r.name === '') throw errors.missingParameter('Name');
  checkImageName(r.name);
  const architecture = oneOf('architecture', r.architecture, ARCHITECTURES) ?? 'i386';
  const virtualizationType: VirtualizationType =
    oneOf('virtualizationType', r.virtualizationType, ['hvm', 'paravirtual'] as const) ?? 'paravirtual';
  const bootMode = oneOf('bootMode', r.bootMode, BOOT_MODES);
  const sriovNetSupport = oneOf('sriovNetSupport', r.sriovNetSupport, ['simple'] as const);
  const tpmSupport = oneOf('tpmSupport', r.tpmSupport, ['v2.0'] as const);
  const imdsSupport = oneOf('imdsSupport', r.imdsSupport, ['v2.0'] as const);
  const region = world.region(r.region);
  const instanceStore = r.imageLocation !== undefined;
  if (instanceStore && !MANIFEST_PATH.test(r.imageLocation ?? '')) {
    // Code and text unverified: the reference only says the value is the manifest's full S3 path.
    throw errors.invalidParameterValue(
      `Value (${r.imageLocation}) for parameter imageLocation is invalid. Expected the S3 path of a bundle manifest: bucket/path.manifest.xml.`,
    );
  }
  const mappings = planRegisterMappings(world, r.region, r.accountId, r.mappings);
  // Instance-store AMIs bundled with ec2-bundle-vol boot from /dev/sda1 unless told otherwise (unverified default).
  const rootDeviceName = r.rootDeviceName ?? (instanceStore ? '/dev/sda1' : undefined);
  if (!instanceStore) checkEbsRoot(rootDeviceName, mappings);
  checkNameFree(region, r.accountId, r.name);
  const tags = tagsFor(r.tagSpecifications, ['image'], 'image');

  beforeChange();
  const now = world.clock.now();
  const image: ImageRecord = {
    imageId: world.newId('ami'),
    name: r.name,
    ownerId: r.accountId,
    state: 'pending',
    availableAt: now + world.options.pendingDelayMs,
    architecture,
    imageType: 'machine',
    platformDetails: 'Linux/UNIX',
    usageOperation: 'RunInstances',
    rootDeviceType: instanceStore ? 'instance-store' : 'ebs',
    rootDeviceName: rootDeviceName ?? '',
    virtualizationType,
    hypervisor: 'xen',
    blockDeviceMappings: mappings,
    productCodes: [],
    creationDate: now,
    enaSupport: r.enaSupport ?? false,
    imageLocation: r.imageLocation ?? `${r.accountId}/${r.name}`,
    launchPermissions: [],
    tags,
  };
  if (r.description !== undefined) image.description = r.description;
  if (bootMode) image.bootMode = bootMode;
  if (sriovNetSupport) image.sriovNetSupport = sriovNetSupport;
  if (tpmSupport) image.tpmSupport = tpmSupport;
  if (imdsSupport) image.imdsSupport = imdsSupport;
  region.images[image.imageId] = image;
  world.markChanged();
  return image;
}

/** An EBS-backed AMI needs RootDeviceName, naming one of its mappings, backed by a snapshot. */
function checkEbsRoot(rootDeviceName: string | undefined, mappings: readonly BlockDeviceMapping[]): void {
  if (!rootDeviceName) throw errors.missingParameter('RootDeviceName');
  const root = mappings.find((m) => m.deviceName === rootDeviceName);
  // Codes and texts unverified: EC2 needs the root device among the mappings and backed by a snapshot.
  if (!root) {
    throw errors.invalidBlockDeviceMapping(
      `The root device name '${rootDeviceName}' does not match any device in the block device mapping.`,
    );
  }
  if (!root.ebs?.snapshotId) {
    throw errors.invalidBlockDeviceMapping(
      `The root device '${rootDeviceName}' must be an EBS volume from a snapshot.`,
    );
  }
}

/** The image's mappings, each validated; refusals first, so nothing changes when one applies. */
function planRegisterMappings(
  world: World,
  regionName: string,
  accountId: string,
  requests: readonly MappingRequest[],
): BlockDeviceMapping[] {
  const seen = new Set<string>();
  const withoutSource: string[] = [];
  const out: BlockDeviceMapping[] = [];
  for (const m of requests) {
    if (!m.deviceName) throw errors.missingParameter('BlockDeviceMapping.DeviceName');
    checkDeviceOnce(seen, m.deviceName);
    if (m.noDevice) continue;
    if (m.virtualName) {
      out.push(instanceStoreMapping(m.deviceName, m.virtualName));
      continue;
    }
    // A device with neither an EBS volume nor an instance-store name gets the same answer as an
    // EBS one without a size or snapshot (goamz#251: mappings that only named devices).
    const ebs = planNewEbsDevice(m.deviceName, m.ebs ?? {}, (id) =>
      requireOwnSnapshot(world, regionName, accountId, id),
    );
    if (ebs) out.push({ deviceName: m.deviceName, ebs });
    else withoutSource.push(m.deviceName);
  }
  refuseDevicesWithoutSource(withoutSource);
  return out;
}
