/**
 * Messages the panels that show "Used by" and lineage share (details, deregister). No `vscode`
 * import: webviews bundle it too. The host acts only on ids it sent in the panel's data.
 */

/** Reveals an instance of "Used by", or an image of the lineage, in the tree. */
export interface RevealRelatedMessage {
  type: 'revealRelated';
  kind: 'instance' | 'image';
  /** An instance or AMI id from the panel's data. */
  id: string;
  /** Its region (lineage entries may live in another region). */
  region: string;
}

/** Copies an id from the panel's "Used by" or lineage (instance, launch template, AMI). */
export interface CopyRelatedIdMessage {
  type: 'copyRelatedId';
  id: string;
}

export type RelatedMessage = RevealRelatedMessage | CopyRelatedIdMessage;
