import { errors } from '../errors';
import type { World } from '../world';
import { checkImageName, checkNameFree, tagsFor, type TagSpecificationRequest } from './imageRules';
import { requireOwnInstance } from './instanceAccess';
import { planMappings, type MappingRequest } from './imageCreateMappings';
import { requireOwnSnapshot } from './snapshots';
import type { ImageRecord, SnapshotRecord } from './types';

/** CreateImage: an EBS-backed AMI from a running or stopped EBS-backed instance. */

export interface CreateImageRequest {
  accountId: string;
  region: string;
  instanceId?: string;
  name?: string;
  description?: string;
  noReboot?: boolean;
  mappings: MappingRequest[];
  tagSpecifications: TagSpecificationRequest[];
}

/**
 * Validates everything, calls `beforeChange` (DryRun answers there), then creates the pending
 * image and one pending snapshot per kept EBS volume; without NoReboot a running instance goes
 * through stopping → stopped → pending → running.
 */
export function createImage(world: World, r: CreateImageRequest, beforeChange: () => void): ImageRecord {
  if (!r.instanceId) throw errors.missingParameter('InstanceId');
  if (r.name === undefined || r.name === '') throw errors.missingParameter('Name');
  const region = world.region(r.region);
  const instance = requireOwnInstance(world, r.region, r.instanceId, r.accountId);
  checkImageName(r.name);
  if (r.description !== undefined && r.description.length > 255) {
    throw errors.invalidParameterValue('The description must be at most 255 characters long');
  }
  if (instance.rootDeviceType !== 'ebs') {
    throw errors.unsupportedOperation(
      `The instance '${instance.instanceId}' has an instance-store root device. CreateImage only supports EBS-backed instances; bundle instance-store instances to S3 and register the bundle instead.`,
    );
  }
  if (instance.state !== 'running' && instance.state !== 'stopped') {
    throw errors.incorrectInstanceState(
      `The instance '${instance.instanceId}' is not in the 'running' or 'stopped' state.`,
    );
  }
  checkNameFree(region, r.accountId, r.name);
  const imageTags = tagsFor(r.tagSpecifications, ['image', 'snapshot'], 'image');
  const snapshotTags = tagsFor(r.tagSpecifications, ['image', 'snapshot'], 'snapshot');
  const planned = planMappings(region, instance, r.mappings, (id) =>
    requireOwnSnapshot(world, r.region, r.accountId, id),
  );

  beforeChange();
  const now = world.clock.now();
  const source = world.findImage(r.region, instance.imageId);
  const imageId = world.newId('ami');
  for (const p of planned) {
    if (!p.volumeId || !p.mapping.ebs) continue;
    const volume = region.volumes[p.volumeId];
    const snapshot: SnapshotRecord = {
      snapshotId: world.newId('snap'),
      ownerId: r.accountId,
      volumeId: volume.volumeId,
      volumeSize: volume.size,
      state: 'pending',
      startTime: now,
      progress: '0%',
      description: `Created by CreateImage(${instance.instanceId}) for ${imageId}`,
      encrypted: volume.encrypted,
      storageTier: 'standard',
      tags: snapshotTags.map((t) => ({ ...t })),
      createVolumePermissions: [],
    };
    if (volume.kmsKeyId) snapshot.kmsKeyId = volume.kmsKeyId;
    region.snapshots[snapshot.snapshotId] = snapshot;
    p.mapping.ebs.snapshotId = snapshot.snapshotId;
  }
  const image: ImageRecord = {
    imageId,
    name: r.name,
    ownerId: r.accountId,
    state: 'pending',
    availableAt: now + world.options.pendingDelayMs,
    architecture: instance.architecture,
    imageType: 'machine',
    platformDetails: instance.platformDetails,
    usageOperation: source?.usageOperation ?? (instance.platform === 'windows' ? 'RunInstances:0002' : 'RunInstances'),
    rootDeviceType: 'ebs',
    rootDeviceName: instance.rootDeviceName,
    virtualizationType: instance.virtualizationType,
    hypervisor: 'xen',
    blockDeviceMappings: planned.map((p) => p.mapping),
    productCodes: (source?.productCodes ?? []).map((c) => ({ ...c })),
    creationDate: now,
    enaSupport: source?.enaSupport ?? true,
    imageLocation: `${r.accountId}/${r.name}`,
    launchPermissions: [],
    sourceInstanceId: instance.instanceId,
    // Image.SourceImageId: the AMI the instance was launched from (API reference, Image; user guide "AMI ancestry").
    sourceImageId: instance.imageId,
    sourceImageRegion: r.region,
    tags: imageTags,
  };
  if (r.description !== undefined) image.description = r.description;
  if (instance.platform) image.platform = instance.platform;
  if (source?.kernelId) image.kernelId = source.kernelId;
  if (source?.ramdiskId) image.ramdiskId = source.ramdiskId;
  if (source?.bootMode) image.bootMode = source.bootMode;
  if (source?.sriovNetSupport) image.sriovNetSupport = source.sriovNetSupport;
  if (source?.imdsSupport) image.imdsSupport = source.imdsSupport;
  if (source?.tpmSupport) image.tpmSupport = source.tpmSupport;
  region.images[imageId] = image;

  if (!r.noReboot && instance.state === 'running') {
    const step = world.options.instanceTransitionMs;
    instance.state = 'stopping';
    instance.transitions = [
      { to: 'stopped', at: now + step },
      { to: 'pending', at: now + 2 * step },
      { to: 'running', at: now + 3 * step },
    ];
  }
  world.markChanged();
  return image;
}
