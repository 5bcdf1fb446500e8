/** The Clean Up Images panel's messages (the envelope is in `envelope.ts`). No `vscode` import: webviews bundle it too. */
import type { CleanupPlan } from '../cleanup/engine';
import type { CleanupRules, NamedRules } from '../cleanup/rules';
import type { HostMessage, PanelError, ReadyMessage, SubmitMessage } from './envelope';

/** What a Clean Up panel is about: one region (see `SavedPanelArgs`). */
export interface CleanupArgs {
  kind: 'cleanup';
  region: string;
}

/** The workspace rules file as the host last read it. */
export interface RulesFileState {
  /** Where it is (workspace-relative), or why there is none (no folder open). */
  location: string;
  /** False when no folder is open: rules cannot be saved. */
  writable: boolean;
  /** Its rule sets; empty when the file does not exist or is invalid. */
  ruleSets: NamedRules[];
  /** What is wrong with the file (line and field), when it could not be read. */
  error?: string;
}

export interface CleanupInit {
  region: string;
  defaults: CleanupRules;
  rulesFile: RulesFileState;
  /** USD per GiB-month used for the costs (the `snapshotPricePerGbMonth` setting). */
  pricePerGiBMonth: number;
}

/** Asks for a dry run of these rules: nothing changes in EC2. */
export interface DryRunMessage {
  type: 'dryRun';
  requestId: string;
  rules: CleanupRules;
}

/** Saves the rules under a name in the workspace rules file (replacing a set of the same name). */
export interface SaveRulesMessage {
  type: 'saveRules';
  requestId: string;
  name: string;
  rules: CleanupRules;
}

/** Reads the workspace rules file again. */
export interface ReloadRulesMessage {
  type: 'reloadRules';
  requestId: string;
}

/** Runs the last dry run: the host re-evaluates it and refuses when the outcome changed. */
export interface CleanupRunParams {
  /** The `planId` of the dry run the user looked at. */
  planId: string;
  /** Must be true; the host then asks again in a modal dialog naming the count and the saving. */
  confirmed: boolean;
}

/** What happened to one removed image. */
export interface CleanupItemResult {
  imageId: string;
  deregistered: boolean;
  error?: PanelError;
  deletedSnapshotIds: string[];
  /** Snapshots left in place, each with why (its image failed, EC2 refused the deletion, …). */
  keptSnapshots: { snapshotId: string; reason: string }[];
}

export type CleanupResult =
  | { kind: 'dryRun'; planId: string; plan: CleanupPlan; ownedImages: number }
  /** The run did not start: the outcome of the rules changed since the dry run (shown as a new dry run). */
  | { kind: 'changed'; differences: string[]; planId: string; plan: CleanupPlan; ownedImages: number }
  | { kind: 'cancelled' }
  | { kind: 'run'; items: CleanupItemResult[]; savingUsd: number }
  | { kind: 'rules'; rulesFile: RulesFileState; savedName?: string };

export type CleanupToHost =
  ReadyMessage | SubmitMessage<CleanupRunParams> | DryRunMessage | SaveRulesMessage | ReloadRulesMessage;
export type CleanupToWebview = HostMessage<CleanupInit, CleanupResult>;
