/** The Allowed AMIs panel's messages (the envelope is in `envelope.ts`). No `vscode` import. */
import type { AllowedCriterion, AllowedImagesState, Verdict } from '../allowedImages';
import type { HostMessage, PanelError, WebviewMessage } from './envelope';

/** What an Allowed AMIs panel is about: one region's setting. */
export interface AllowedImagesArgs {
  kind: 'allowedImages';
  region: string;
}

export interface AllowedImagesInit {
  region: string;
  accountId: string;
  state: AllowedImagesState;
  managedBy: 'account' | 'declarative-policy';
  criteria: AllowedCriterion[];
  /** Why the criteria cannot be changed here (declarative policy, endpoint without the operation), or undefined. */
  readOnlyReason?: string;
  /** Criteria members EC2 returned that the prediction does not evaluate (watermarks, scan results). */
  unsupportedConditions: string[];
  /** Images of the tree's loaded groups in the region. */
  imageCount: number;
  /** Instances that are not terminated. */
  instanceCount: number;
  /** DescribeInstanceImageMetadata failed: why (the prediction then covers images only). */
  instancesError?: PanelError;
}

/** Preview a change, or apply it. */
export interface AllowedImagesParams {
  action: 'preview' | 'apply';
  criteria: AllowedCriterion[];
  state: AllowedImagesState;
  /** Apply only: the user confirmed the summary of the change. */
  confirmed: boolean;
}

/** An image or instance whose verdict the change affects. */
export interface AffectedItem {
  kind: 'image' | 'instance';
  id: string;
  /** For an instance: its AMI. */
  imageId?: string;
  name?: string;
  owner?: string;
  /** The verdict under the current criteria and under the edited ones. */
  before: Verdict;
  after: Verdict;
}

export interface AllowedImagesPreview {
  /** Under the edited criteria: not allowed (or undecidable), images and running instances. */
  notAllowed: AffectedItem[];
  /** How many of the loaded images and instances stay or become allowed. */
  allowedCount: number;
  /** What applying would do, as sentences ("Replace 1 criterion with 2", "Set audit mode"). */
  changes: string[];
}

export type AllowedImagesResult =
  | ({ action: 'preview' } & AllowedImagesPreview)
  | { action: 'apply'; state: AllowedImagesState; criteria: AllowedCriterion[]; changes: string[] };

export type AllowedImagesToHost = WebviewMessage<AllowedImagesParams>;
export type AllowedImagesToWebview = HostMessage<AllowedImagesInit, AllowedImagesResult>;
