import * as l10n from '@vscode/l10n';
import type { DescribeImagesCommandInput, Image } from '@aws-sdk/client-ec2';

/** The owner groups of the Images folder, in display order. */
export type OwnerGroup = 'self' | 'shared' | 'amazon' | 'marketplace' | 'public';
export type RootDeviceType = 'ebs' | 'instance-store';

export const OWNER_GROUPS: readonly OwnerGroup[] = ['self', 'shared', 'amazon', 'marketplace', 'public'];
export const ROOT_DEVICE_TYPES: readonly RootDeviceType[] = ['ebs', 'instance-store'];

/** A group's label as the tree and the pickers show it (ids and keys use the group, never this). */
export function ownerGroupLabel(group: OwnerGroup): string {
  switch (group) {
    case 'self':
      return l10n.t('Owned by me');
    case 'shared':
      return l10n.t('Shared with me');
    case 'amazon':
      return l10n.t({ message: 'Amazon', comment: ['owner group: AMIs owned by Amazon'] });
    case 'marketplace':
      return l10n.t('AWS Marketplace');
    case 'public':
      return l10n.t('Other public');
  }
}

/** A root device type's folder label. */
export function rootDeviceLabel(type: RootDeviceType): string {
  return type === 'ebs' ? l10n.t('EBS-backed') : l10n.t('Instance store');
}

/**
 * How each group is selected server-side. EC2 has no filter for "owner alias absent", so
 * "Other public" asks for every public image and {@link belongsToGroup} drops Amazon's,
 * the Marketplace's and the caller's own on the client; "Shared with me" asks for images the
 * caller has explicit launch permission for and drops those it owns.
 */
export function groupSelection(
  group: OwnerGroup,
): Pick<DescribeImagesCommandInput, 'Owners' | 'ExecutableUsers' | 'Filters'> {
  switch (group) {
    case 'self':
      return { Owners: ['self'] };
    case 'shared':
      return { ExecutableUsers: ['self'] };
    case 'amazon':
      return { Owners: ['amazon'] };
    case 'marketplace':
      return { Owners: ['aws-marketplace'] };
    case 'public':
      return { Filters: [{ Name: 'is-public', Values: ['true'] }] };
  }
}

/** The client-side half of a group's selection (see {@link groupSelection}). */
export function belongsToGroup(group: OwnerGroup, image: Image, accountId: string): boolean {
  switch (group) {
    case 'shared':
      return image.OwnerId !== accountId;
    case 'public':
      return (
        image.OwnerId !== accountId && image.ImageOwnerAlias !== 'amazon' && image.ImageOwnerAlias !== 'aws-marketplace'
      );
    default:
      return true;
  }
}

/** The group an image is listed under, from the caller's point of view. */
export function ownerGroupOf(image: Image, accountId: string): OwnerGroup {
  if (image.OwnerId === accountId) {
    return 'self';
  }
  if (image.ImageOwnerAlias === 'amazon') {
    return 'amazon';
  }
  if (image.ImageOwnerAlias === 'aws-marketplace') {
    return 'marketplace';
  }
  return image.Public ? 'public' : 'shared';
}

export function rootDeviceTypeOf(image: { RootDeviceType?: string }): RootDeviceType {
  return image.RootDeviceType === 'instance-store' ? 'instance-store' : 'ebs';
}
