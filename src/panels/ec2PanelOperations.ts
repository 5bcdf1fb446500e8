/**
 * `PanelEc2Operations` on the EC2 gateway (`src/ec2/`): each operation takes the region's
 * `EC2Client` and calls the one function that sends that command, the same for real AWS and the
 * simulator. Nothing here sends a command itself.
 */
import type { EC2Client } from '@aws-sdk/client-ec2';
import { getBlockPublicAccess, launchPermissions, modifyLaunchPermissions } from '../ec2/governance';
import { copyImage, createImage, deregisterImage, describeImagesById, listOwnImages } from '../ec2/images';
import { describeInstance, runInstances } from '../ec2/instances';
import { deleteSnapshot } from '../ec2/snapshots';
import { publicSnapshotIds } from '../ec2/snapshotPublicity';
import { describeVolumes } from '../ec2/volumes';
import { describeImageReferences } from '../ec2/imageReferences';
import type { PanelEc2Operations } from './panelServices';

/** The launch-permissions panel offers at most this many of the caller's images to copy from. */
const MAX_OWNED_IMAGES = 5000;

export interface PanelEc2Deps {
  /** The region's client (cached by the client factory). */
  client(region: string): Promise<EC2Client>;
  /** Regions offered as copy destinations. */
  listRegions(): Promise<string[]>;
}

export function createPanelEc2Operations(deps: PanelEc2Deps): PanelEc2Operations {
  return {
    describeInstance: async (region, instanceId) => describeInstance(await deps.client(region), instanceId),
    describeVolumes: async (region, volumeIds) => describeVolumes(await deps.client(region), volumeIds),
    describeImages: async (region, imageIds) => [
      ...(await describeImagesById(await deps.client(region), imageIds)).values(),
    ],
    listOwnedImages: async (region) =>
      listOwnImages(await deps.client(region), { includeDisabled: false, atMost: MAX_OWNED_IMAGES }),
    createImage: async (region, input) => createImage(await deps.client(region), input),
    deregisterImage: async (region, imageId) => deregisterImage(await deps.client(region), imageId),
    deleteSnapshot: async (region, snapshotId) => deleteSnapshot(await deps.client(region), snapshotId),
    getLaunchPermissions: async (region, imageId) => launchPermissions(await deps.client(region), imageId),
    modifyLaunchPermissions: async (region, imageId, add, remove) =>
      modifyLaunchPermissions(await deps.client(region), imageId, add, remove),
    getImageBlockPublicAccessState: async (region) => getBlockPublicAccess(await deps.client(region)),
    copyImage: async (destinationRegion, input) => copyImage(await deps.client(destinationRegion), input),
    runInstances: async (region, input) => runInstances(await deps.client(region), input),
    listRegions: () => deps.listRegions(),
    publicSnapshotIds: async (region, ids) => publicSnapshotIds(await deps.client(region), ids),
    listAllOwnedImages: async (region) => listOwnImages(await deps.client(region), { includeDisabled: true }),
    imageReferences: async (region, imageIds) => describeImageReferences(await deps.client(region), imageIds),
  };
}
