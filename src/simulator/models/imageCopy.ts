import { errors } from '../errors';
import { isSimulatedRegion } from '../regions';
import type { World } from '../world';
import { requireImage } from './imageAccess';
import { settleRegion } from './lifecycle';
import { checkImageName, checkNameFree, tagsFor, type TagSpecificationRequest } from './imageRules';
import { defaultEbsKeyArn } from './imageSharing';
import type { BlockDeviceMapping, ImageRecord, SnapshotRecord } from './types';

/** CopyImage, called on the destination region: a new pending AMI with its own snapshots. */
export interface CopyImageRequest {
  accountId: string;
  /** The destination region (the region the request was sent to). */
  region: string;
  sourceRegion?: string;
  sourceImageId?: string;
  name?: string;
  description?: string;
  encrypted?: boolean;
  kmsKeyId?: string;
  copyImageTags?: boolean;
  clientToken?: string;
  tagSpecifications: TagSpecificationRequest[];
}

/** What makes two requests with one ClientToken "the same request". */
function digest(r: CopyImageRequest): string {
  return JSON.stringify([
    r.sourceRegion,
    r.sourceImageId,
    r.name,
    r.description ?? null,
    r.encrypted ?? false,
    r.kmsKeyId ?? null,
    r.copyImageTags ?? false,
    r.tagSpecifications,
  ]);
}

/**
 * Validates, answers a repeated ClientToken with the first copy (or IdempotentParameterMismatch),
 * calls `beforeChange`, then creates the copy. Images with product codes copy only within the
 * owning account; launch permissions never travel; tags only with CopyImageTags.
 */
export function copyImage(world: World, r: CopyImageRequest, beforeChange: () => void): ImageRecord {
  if (!r.sourceRegion) throw errors.missingParameter('SourceRegion');
  if (!r.sourceImageId) throw errors.missingParameter('SourceImageId');
  if (r.name === undefined || r.name === '') throw errors.missingParameter('Name');
  if (!isSimulatedRegion(r.sourceRegion))
    throw errors.invalidParameterValue(`Invalid source region: ${r.sourceRegion}`);
  checkImageName(r.name);
  if (r.kmsKeyId !== undefined && r.encrypted !== true) {
    throw errors.invalidParameterDependency(
      'The parameter KmsKeyId requires the parameter Encrypted to be set to true.',
    );
  }
  const dest = world.region(r.region);
  if (r.clientToken) {
    for (const image of Object.values(dest.images)) {
      if (image.ownerId !== r.accountId || image.clientToken?.token !== r.clientToken) continue;
      if (image.clientToken.paramsDigest !== digest(r)) {
        throw errors.idempotentParameterMismatch();
      }
      beforeChange();
      return image;
    }
  }
  settleRegion(world, r.sourceRegion);
  const source = requireImage(world, r.sourceRegion, r.sourceImageId, r.accountId, 'SourceImageId');
  // Marketplace AMIs (and AMIs made from them) copy within the owning account, not from another
  // account (awsdocs/amazon-ec2-user-guide#133; user guide "Copy an AMI"). Code unverified.
  if (source.productCodes.length > 0 && source.ownerId !== r.accountId) {
    throw errors.unsupportedOperation(
      `Images with AWS Marketplace product codes cannot be copied from another account: ${source.imageId}`,
    );
  }
  if (source.state !== 'available') {
    throw errors.incorrectState(`The image '${source.imageId}' is not in the 'available' state and cannot be copied.`);
  }
  checkNameFree(dest, r.accountId, r.name);
  const tags = tagsFor(r.tagSpecifications, ['image', 'snapshot'], 'image');
  const snapshotTags = tagsFor(r.tagSpecifications, ['image', 'snapshot'], 'snapshot');

  beforeChange();
  const now = world.clock.now();
  const imageId = world.newId('ami');
  const keyArn = r.encrypted ? (r.kmsKeyId ?? defaultEbsKeyArn(r.region, r.accountId)) : undefined;
  const sourceSnapshots = world.region(r.sourceRegion).snapshots;
  const mappings: BlockDeviceMapping[] = source.blockDeviceMappings.map((m) => {
    if (!m.ebs) return { ...m };
    const ebs = { ...m.ebs };
    const encrypted = ebs.encrypted || r.encrypted === true;
    const kmsKeyId = keyArn ?? (ebs.encrypted ? ebs.kmsKeyId : undefined);
    if (ebs.snapshotId) {
      const from = sourceSnapshots[ebs.snapshotId];
      const snapshot: SnapshotRecord = {
        snapshotId: world.newId('snap'),
        ownerId: r.accountId,
        volumeId: 'vol-ffffffff',
        volumeSize: from?.volumeSize ?? ebs.volumeSize,
        state: 'pending',
        startTime: now,
        progress: '0%',
        description: `Copied for DestinationAmi ${imageId} from SourceAmi ${source.imageId} for SourceSnapshot ${ebs.snapshotId}. Task created on ${now}.`,
        encrypted,
        storageTier: 'standard',
        tags: snapshotTags.map((t) => ({ ...t })),
        createVolumePermissions: [],
      };
      if (kmsKeyId) snapshot.kmsKeyId = kmsKeyId;
      dest.snapshots[snapshot.snapshotId] = snapshot;
      ebs.snapshotId = snapshot.snapshotId;
    }
    ebs.encrypted = encrypted;
    if (kmsKeyId) ebs.kmsKeyId = kmsKeyId;
    else delete ebs.kmsKeyId;
    return { ...m, ebs };
  });
  const copy: ImageRecord = {
    ...source,
    imageId,
    name: r.name,
    ownerId: r.accountId,
    state: 'pending',
    availableAt: now + world.options.pendingDelayMs,
    blockDeviceMappings: mappings,
    // The copy stays under the same Marketplace product (unverified: the reference is silent).
    productCodes: source.productCodes.map((c) => ({ ...c })),
    creationDate: now,
    imageLocation: `${r.accountId}/${r.name}`,
    launchPermissions: [],
    // Image.SourceImageId: set by CreateImage, CopyImage and CreateRestoreImageTask (API reference, Image).
    sourceImageId: source.imageId,
    sourceImageRegion: r.sourceRegion,
    tags: [...(r.copyImageTags ? source.tags.map((t) => ({ ...t })) : []), ...tags],
  };
  delete copy.imageOwnerAlias;
  delete copy.description;
  delete copy.deprecationTime;
  delete copy.deregistrationProtection;
  delete copy.lastLaunchedTime;
  delete copy.unreportedLaunches;
  delete copy.deregisteredAt;
  delete copy.stateReason;
  delete copy.clientToken;
  delete copy.sourceInstanceId;
  if (r.description !== undefined) copy.description = r.description;
  else if (source.description !== undefined) copy.description = source.description;
  if (r.clientToken) copy.clientToken = { token: r.clientToken, paramsDigest: digest(r) };
  dest.images[imageId] = copy;
  world.markChanged();
  return copy;
}
