/** The Copy AMI panel's messages (the envelope is in `envelope.ts`). No `vscode` import: webviews bundle it too. */
import type { HostMessage, OpenDetailsMessage, WebviewMessage } from './envelope';
import type { PublisherCheck } from './publisherCheck';

/** What a Copy AMI panel is about (see `SavedPanelArgs`). */
export interface CopyImageArgs {
  kind: 'copyImage';
  region: string;
  imageId: string;
}

export interface CopyImageInit {
  sourceRegion: string;
  sourceImageId: string;
  sourceName?: string;
  sourceDescription?: string;
  /** Regions the user may copy to (the source region included). */
  regions: string[];
  /** Marketplace images (product codes) cannot be copied. */
  isMarketplace: boolean;
  /** Whether the source's snapshots are already encrypted (copies then stay encrypted). */
  sourceEncrypted: boolean;
  /** Who stands behind the source; an unknown publisher's needs `acknowledgeUnknownPublisher`. */
  publisher?: PublisherCheck;
  /**
   * The user's other connections whose account is known, to copy into: CopyImage then runs in
   * that account (EC2 copies into the caller's account), which must be able to see the image.
   */
  destinations?: CopyDestination[];
}

/** Another connection a copy can be made in. */
export interface CopyDestination {
  connectionId: string;
  label: string;
  accountId: string;
  regions: string[];
}

export interface CopyImageParams {
  /** One of `regions`, or of the chosen destination connection's regions. */
  destinationRegion: string;
  /** One of `destinations` (absent: this connection). */
  destinationConnection?: string;
  name: string;
  /** Empty for none. */
  description: string;
  encrypted: boolean;
  /** KMS key id, alias or ARN; empty for the default `aws/ebs` key. Only with `encrypted`. */
  kmsKeyId: string;
  copyImageTags: boolean;
  /** The user went through the unknown publisher's checklist (required for such an image). */
  acknowledgeUnknownPublisher: boolean;
}

export interface CopyImageResult {
  imageId: string;
  region: string;
  /** The connection the copy was made in, when not this one (its label). */
  connectionLabel?: string;
}

export type CopyImageToHost = WebviewMessage<CopyImageParams, OpenDetailsMessage>;
export type CopyImageToWebview = HostMessage<CopyImageInit, CopyImageResult>;
