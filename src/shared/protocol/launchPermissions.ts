/** The Launch permissions panel's messages (the envelope is in `envelope.ts`). No `vscode` import: webviews bundle it too. */
import type { HostMessage, WebviewMessage } from './envelope';

/** What a Launch permissions panel is about (see `SavedPanelArgs`). */
export interface LaunchPermissionsArgs {
  kind: 'launchPermissions';
  region: string;
  imageId: string;
}

/** Who may launch an image besides its owner. */
export interface PermissionSet {
  /** Launch permission for group `all`. */
  isPublic: boolean;
  /** 12-digit account ids. */
  accounts: string[];
  /** Organization ARNs. */
  organizations: string[];
  /** Organizational unit ARNs. */
  organizationalUnits: string[];
}

export interface LaunchPermissionsInit {
  region: string;
  imageId: string;
  name?: string;
  /** As read with DescribeImageAttribute. */
  current: PermissionSet;
  /** Why the image cannot be made public (empty when it can), known before the user tries. */
  publicBlockers: string[];
  /** Other images the caller owns in this region, to copy permissions from. */
  otherOwnedImages: { imageId: string; name?: string }[];
  /** The accounts of the user's other connections, offered as one-click "share with" (none: absent or empty). */
  connectionAccounts?: { accountId: string; label: string }[];
  /** Before sharing: what the publisher should have removed, and the facts EC2 knows (issue 14 item 4). */
  sharingChecklist?: { checklist: string[]; facts: string[] };
}

/** Asks for the launch permissions of another image the caller owns. */
export interface LoadPermissionsMessage {
  type: 'loadFrom';
  requestId: string;
  /** One of `otherOwnedImages`. */
  imageId: string;
}

/** The permissions wanted: the host applies the difference with the current ones. */
export type LaunchPermissionsParams = PermissionSet;

export type LaunchPermissionsResult =
  /** Applied; `permissions` is read back from EC2. */
  | { kind: 'applied'; permissions: PermissionSet }
  /** The permissions of another image, answering `loadFrom`. */
  | { kind: 'loaded'; imageId: string; permissions: PermissionSet };

export type LaunchPermissionsToHost = WebviewMessage<LaunchPermissionsParams, LoadPermissionsMessage>;
export type LaunchPermissionsToWebview = HostMessage<LaunchPermissionsInit, LaunchPermissionsResult>;
