import type { OwnerGroup, RootDeviceType } from '../ec2/ownerGroups';

/**
 * Stable, path-like tree ids built from raw keys (never labels), e.g.
 * `us-east-1/images/self/ebs/ami-0123…` or `us-east-1/instances/i-0abc…`.
 * The explorer's cache is keyed by the same ids, so refreshing a node drops exactly its subtree.
 */
export const nodeIds = {
  region: (region: string) => region,
  imagesFolder: (region: string) => `${region}/images`,
  instancesFolder: (region: string) => `${region}/instances`,
  ownerGroup: (region: string, group: OwnerGroup) => `${region}/images/${group}`,
  rootType: (region: string, group: OwnerGroup, rootType: RootDeviceType) => `${region}/images/${group}/${rootType}`,
  image: (region: string, group: OwnerGroup, rootType: RootDeviceType, imageId: string) =>
    `${region}/images/${group}/${rootType}/${imageId}`,
  /** A family row; its images keep their `image` ids (a family comes and goes with its second version). */
  imageFamily: (region: string, group: OwnerGroup, rootType: RootDeviceType, key: string) =>
    `${region}/images/${group}/${rootType}/family/${encodeURIComponent(key)}`,
  instance: (region: string, instanceId: string) => `${region}/instances/${instanceId}`,
  snapshotsFolder: (region: string) => `${region}/snapshots`,
  snapshot: (region: string, snapshotId: string) => `${region}/snapshots/${snapshotId}`,
  /** The "Latest AMIs" folder, its public namespaces and their parameters (issue 14). */
  latestFolder: (region: string) => `${region}/latest`,
  latestNamespace: (region: string, key: string) => `${region}/latest/${key}`,
  latestParameter: (region: string, key: string, name: string) => `${region}/latest/${key}/${encodeURIComponent(name)}`,
  /** The region's Allowed AMIs row (issue 14). */
  allowedImages: (region: string) => `${region}/allowed-images`,
  /** The region's Recycle Bin folder and its AMIs and snapshots (issue 14). */
  recycleBin: (region: string) => `${region}/recycle-bin`,
  recycleBinEntry: (region: string, id: string) => `${region}/recycle-bin/${id}`,
  /** The "Used by" section of an owned image row, and its rows (a kind and the resource's own key). */
  usedBy: (imageNodeId: string) => `${imageNodeId}/used-by`,
  usedByRow: (usedById: string, kind: string, key: string) => `${usedById}/${kind}/${encodeURIComponent(key)}`,
  loadMore: (parentId: string) => `${parentId}/load-more`,
  error: (parentId: string) => `${parentId}/error`,
  empty: (parentId: string) => `${parentId}/empty`,
} as const;

/** True when `id` is `ancestorId` itself or lies in its subtree. */
export function isInSubtree(id: string, ancestorId: string): boolean {
  return id === ancestorId || id.startsWith(`${ancestorId}/`);
}

/** The connection whose rows keep today's ids (no prefix): the one `amiExplorer.backend` names. */
export const PRIMARY_CONNECTION_ID = 'primary';

/** A connection row's id (only shown when several connections are). */
export function connectionRowId(connectionId: string): string {
  return `conn/${connectionId}`;
}

/**
 * The one place where a connection's rows get their tree-wide id: the primary connection's rows
 * keep their ids, another connection's get `conn/<connectionId>/` in front (an id already in that
 * subtree is kept). Nodes, the model and its cache use the ids without prefix, as today.
 */
export function scopedId(connectionId: string | undefined, id: string): string {
  if (connectionId === undefined || connectionId === PRIMARY_CONNECTION_ID) return id;
  const row = connectionRowId(connectionId);
  return isInSubtree(id, row) ? id : `${row}/${id}`;
}

/** The inverse of {@link scopedId}: which connection a tree-wide id belongs to, and its id there. */
export function unscopedId(id: string): { connectionId: string; id: string } {
  const match = /^conn\/([^/]+)(?:\/(.*))?$/.exec(id);
  if (!match) return { connectionId: PRIMARY_CONNECTION_ID, id };
  return { connectionId: match[1], id: match[2] ?? '' };
}
