/**
 * What the Allowed AMIs panel and the Deregister panel's Recycle Bin column need (issue 14): the
 * calls go through the gateway in `src/ec2/`, the loaded images come from the explorer's cache.
 */
import type { Image, InstanceImageMetadata } from '@aws-sdk/client-ec2';
import type { AwsClients } from '../aws/clientFactory';
import type { AllowedImagesSettings } from '../ec2/allowedImages';
import {
  getAllowedImagesSettings,
  listInstanceImageMetadata,
  replaceImageCriteria,
  setAllowedImagesState,
} from '../ec2/allowedImages';
import { OWNER_GROUPS, ROOT_DEVICE_TYPES } from '../ec2/ownerGroups';
import type { RetentionRule } from '../ec2/recycleBin';
import { listRetentionRules } from '../ec2/recycleBin';
import { describeSnapshotsById } from '../ec2/snapshots';
import type { ExplorerModel } from '../explorer/explorerModel';
import type { AllowedCriterion, AllowedImagesState } from '../shared/allowedImages';

export interface GuardrailServices {
  getAllowedImagesSettings(region: string): Promise<AllowedImagesSettings>;
  /** ReplaceImageCriteriaInAllowedImagesSettings, then Enable (audit-mode / enabled) or Disable. */
  applyAllowedImages(region: string, criteria: AllowedCriterion[], state: AllowedImagesState): Promise<void>;
  listInstanceImageMetadata(region: string): Promise<InstanceImageMetadata[]>;
  /** The images the tree has loaded in the region (every owner group, every loaded page). */
  loadedImages(region: string): Image[];
  /** The account's Recycle Bin retention rules in the region (the rbin service). */
  retentionRules(region: string): Promise<RetentionRule[]>;
  /** The tags of snapshots, by id (unknown ids are left out). */
  snapshotTags(region: string, snapshotIds: string[]): Promise<Map<string, { Key?: string; Value?: string }[]>>;
  /** The setting changed: the Allowed AMIs row and the image groups reload. */
  allowedImagesChanged(region: string): void;
}

export interface GuardrailServicesDeps {
  clients(): AwsClients;
  model: ExplorerModel;
  /** Reloads a folder of the tree by id (or forgets its cache when it is not shown). */
  refreshFolder(id: string): void;
}

export function createGuardrailServices(deps: GuardrailServicesDeps): GuardrailServices {
  const ec2 = (region: string) => deps.clients().ec2(region);
  return {
    getAllowedImagesSettings: async (region) => getAllowedImagesSettings(await ec2(region)),
    applyAllowedImages: async (region, criteria, state) => {
      const client = await ec2(region);
      await replaceImageCriteria(client, criteria);
      await setAllowedImagesState(client, state);
    },
    listInstanceImageMetadata: async (region) => listInstanceImageMetadata(await ec2(region)),
    loadedImages: (region) => {
      const seen = new Map<string, Image>();
      for (const group of OWNER_GROUPS) {
        for (const rootType of ROOT_DEVICE_TYPES) {
          for (const image of deps.model.peekGroup(region, group, rootType)?.images ?? []) {
            if (image.ImageId) seen.set(image.ImageId, image);
          }
        }
      }
      return [...seen.values()];
    },
    retentionRules: async (region) => listRetentionRules(await deps.clients().service('rbin', region)),
    snapshotTags: async (region, ids) =>
      new Map((await describeSnapshotsById(await ec2(region), ids)).map((s) => [s.SnapshotId ?? '', s.Tags ?? []])),
    allowedImagesChanged: (region) => {
      deps.model.guardrails.invalidate(`${region}/allowed-images`);
      void deps.model.guardrails.allowedImages(region);
      deps.refreshFolder(`${region}/images`);
    },
  };
}
