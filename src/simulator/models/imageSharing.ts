import { errors } from '../errors';
import type { World } from '../world';
import { isAccountId, isPublic, requireImage } from './imageAccess';
import type { ImageRecord, LaunchPermission } from './types';

/** Launch permissions: who may launch an image, and the rules EC2 applies when they change. */

/** The key alias of the AWS managed EBS key; snapshots encrypted with it cannot be shared at all. */
export const DEFAULT_EBS_KEY_ALIAS = 'alias/aws/ebs';

const ORG_ARN = /^arn:aws[a-z-]*:organizations::\d{12}:organization\/o-[a-z0-9]{10,32}$/;
const OU_ARN = /^arn:aws[a-z-]*:organizations::\d{12}:ou\/o-[a-z0-9]{10,32}\/ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}$/;

/** The ARN of an account's AWS managed EBS key in a region (what `alias/aws/ebs` resolves to). */
export function defaultEbsKeyArn(region: string, accountId: string): string {
  return `arn:aws:kms:${region}:${accountId}:alias/aws/ebs`;
}

function isDefaultKey(kmsKeyId: string | undefined): boolean {
  return kmsKeyId === undefined || kmsKeyId === DEFAULT_EBS_KEY_ALIAS || kmsKeyId.endsWith(':alias/aws/ebs');
}

/** Checks one permission as EC2 does (`InvalidAMIAttributeItemValue`). */
export function checkLaunchPermission(p: LaunchPermission): void {
  const fields = [p.userId, p.group, p.organizationArn, p.organizationalUnitArn].filter((v) => v !== undefined);
  if (fields.length !== 1) {
    throw errors.invalidParameterCombination(
      'Each launch permission must specify exactly one of UserId, Group, OrganizationArn or OrganizationalUnitArn.',
    );
  }
  if (p.userId !== undefined && !isAccountId(p.userId)) throw itemValue(p.userId, 'userId');
  if (p.group !== undefined && p.group !== 'all') throw itemValue(p.group, 'group');
  if (p.organizationArn !== undefined && !ORG_ARN.test(p.organizationArn))
    throw itemValue(p.organizationArn, 'organizationArn');
  if (p.organizationalUnitArn !== undefined && !OU_ARN.test(p.organizationalUnitArn)) {
    throw itemValue(p.organizationalUnitArn, 'organizationalUnitArn');
  }
}

function itemValue(value: string, type: string) {
  return errors.amiAttributeItemValue(value, type);
}

/**
 * Refuses additions EC2 refuses: making public an image that has product codes or encrypted
 * snapshots, or while block public access is on; sharing snapshots encrypted with the AWS
 * managed key.
 */
export function checkCanAdd(world: World, region: string, image: ImageRecord, add: readonly LaunchPermission[]): void {
  if (add.length === 0) return;
  const encrypted = image.blockDeviceMappings.filter((m) => m.ebs?.encrypted);
  if (add.some((p) => p.group === 'all') && !isPublic(image)) {
    if (world.region(region).imageBlockPublicAccess[image.ownerId] === 'block-new-sharing') {
      throw errors.operationNotPermitted(
        "You can't publicly share this image because block public access for AMIs is enabled for this account. To publicly share the image, you must call the DisableImageBlockPublicAccess API.",
      );
    }
    if (image.productCodes.length > 0) {
      throw errors.invalidParameter(`Image ${image.imageId} has product codes and cannot be made public.`);
    }
    if (encrypted.length > 0) {
      throw errors.encryptedSnapshotPublic();
    }
  }
  if (encrypted.some((m) => isDefaultKey(m.ebs?.kmsKeyId))) {
    throw errors.managedKeySnapshotShare();
  }
}

function samePermission(a: LaunchPermission, b: LaunchPermission): boolean {
  return (
    a.userId === b.userId &&
    a.group === b.group &&
    a.organizationArn === b.organizationArn &&
    a.organizationalUnitArn === b.organizationalUnitArn
  );
}

/** Applies additions and removals (removals of absent entries are ignored, as in EC2). */
export function applyLaunchPermissions(
  image: ImageRecord,
  add: readonly LaunchPermission[],
  remove: readonly LaunchPermission[],
): void {
  let perms = image.launchPermissions.filter((p) => !remove.some((r) => samePermission(p, r)));
  for (const p of add) if (!perms.some((q) => samePermission(p, q))) perms = [...perms, clean(p)];
  image.launchPermissions = perms;
}

function clean(p: LaunchPermission): LaunchPermission {
  const out: LaunchPermission = {};
  if (p.userId !== undefined) out.userId = p.userId;
  if (p.group !== undefined) out.group = p.group;
  if (p.organizationArn !== undefined) out.organizationArn = p.organizationArn;
  if (p.organizationalUnitArn !== undefined) out.organizationalUnitArn = p.organizationalUnitArn;
  return out;
}

/**
 * CancelImageLaunchPermission: the caller leaves an AMI that was shared with its account
 * ("Removes your Amazon Web Services account from the launch permissions for the specified AMI",
 * API reference). Refusing an AMI the caller owns, or one not shared with it by account id, is the
 * simulator's choice: the reference names no error for those (code unverified).
 */
export function cancelLaunchPermission(
  world: World,
  region: string,
  imageId: string | undefined,
  accountId: string,
  beforeChange: () => void,
): void {
  const image = requireImage(world, region, imageId, accountId);
  if (image.ownerId === accountId) {
    throw errors.invalidParameter(`The image ${image.imageId} is yours: remove its launch permissions instead.`);
  }
  if (!image.launchPermissions.some((p) => p.userId === accountId)) {
    throw errors.invalidParameter(`The image ${image.imageId} is not shared with your account by its account id.`);
  }
  beforeChange();
  image.launchPermissions = image.launchPermissions.filter((p) => p.userId !== accountId);
  world.markChanged();
}
