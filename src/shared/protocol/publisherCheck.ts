/**
 * Who stands behind an image, as the Launch and Copy panels show it before acting on it
 * (issue 14 item 4). No `vscode` import: webviews bundle it too.
 */
import type { TrustLevel } from '../trust';

/** A snapshot of the image and whether anyone may restore it. */
export interface SnapshotPublicity {
  snapshotId: string;
  /** `unknown` when EC2 did not say (the call failed: `note` says why). */
  publicity: 'public' | 'notPublic' | 'unknown';
  note?: string;
}

/** What can be checked about an unknown publisher's image without launching it. */
export interface PublisherFacts {
  ownerId: string;
  ownerAlias?: string;
  creationDate?: string;
  description?: string;
  /** `id (type)`. */
  productCodes: string[];
  deprecationTime?: string;
  deprecated: boolean;
  /** `/dev/xvda: EBS 8 GiB gp3, not encrypted, snap-…`. */
  blockDevices: string[];
  snapshots: SnapshotPublicity[];
}

export interface PublisherCheck {
  level: TrustLevel;
  /** `Unknown publisher`, `Amazon`, … */
  label: string;
  explanation: string;
  /** Present for an unknown publisher only: the panel then requires an acknowledgement before submit. */
  facts?: PublisherFacts;
  /** What to verify (the unknown-publisher checklist). */
  checklist?: string[];
}
