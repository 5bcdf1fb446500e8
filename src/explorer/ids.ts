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
