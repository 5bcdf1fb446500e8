import { errors } from '../errors';
import { requireImage } from '../models/imageAccess';
import {
  applyLaunchPermissions,
  cancelLaunchPermission,
  checkCanAdd,
  checkLaunchPermission,
} from '../models/imageSharing';
import type { ImageRecord, LaunchPermission } from '../models/types';
import type { ActionHandler } from './context';
import { ownImage } from './imageParams';
import { REQUEST_LIMITS } from './limits';
import { descriptionParam, type QueryParams } from './query';
import { deregistrationProtectionValue, renderLaunchPermissions, renderProductCodes } from './imageXml';
import { el, isoTime, raw } from './xml';

/** DescribeImageAttribute, ModifyImageAttribute, ResetImageAttribute. */

const value = (name: string, v: string | undefined) => (v === undefined ? `<${name}/>` : raw(name, el('value', v)));

/**
 * Each attribute: whether only the owner may read it, whether EC2 refuses it (the reference:
 * blockDeviceMapping is deprecated and "returns the Client.AuthFailure error"; use DescribeImages),
 * and its XML. https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeImageAttribute.html
 */
const ATTRIBUTES: Record<
  string,
  { ownerOnly?: boolean; refused?: boolean; render: (i: ImageRecord, now: number) => string }
> = {
  description: { render: (i) => value('description', i.description) },
  kernel: { render: (i) => value('kernel', i.kernelId) },
  ramdisk: { render: (i) => value('ramdisk', i.ramdiskId) },
  launchPermission: { ownerOnly: true, render: (i) => renderLaunchPermissions(i.launchPermissions) },
  productCodes: { render: (i) => renderProductCodes(i.productCodes) },
  blockDeviceMapping: { refused: true, render: () => '' },
  sriovNetSupport: { render: (i) => value('sriovNetSupport', i.sriovNetSupport) },
  bootMode: { render: (i) => value('bootMode', i.bootMode) },
  tpmSupport: { render: (i) => value('tpmSupport', i.tpmSupport) },
  uefiData: { ownerOnly: true, render: () => '<uefiData/>' },
  lastLaunchedTime: { ownerOnly: true, render: (i) => value('lastLaunchedTime', isoTime(i.lastLaunchedTime)) },
  imdsSupport: { render: (i) => value('imdsSupport', i.imdsSupport) },
  deregistrationProtection: {
    render: (i, now) => value('deregistrationProtection', deregistrationProtectionValue(i, now)),
  },
};

const describeImageAttribute: ActionHandler = (ctx) => {
  const attribute = ctx.params.required('Attribute');
  const image = requireImage(ctx.world, ctx.region, ctx.params.get('ImageId'), ctx.accountId);
  const spec = Object.prototype.hasOwnProperty.call(ATTRIBUTES, attribute) ? ATTRIBUTES[attribute] : undefined;
  // Not one of ImageAttributeName's values (case matters): EC2 answers InvalidRequest (aws/aws-cli#7351).
  if (!spec) throw errors.invalidRequest();
  if (spec.refused) throw errors.restrictedResource();
  if (spec.ownerOnly && image.ownerId !== ctx.accountId) {
    if (ctx.params.bool('DryRun')) throw errors.unauthorized();
    throw errors.notAuthorizedForImage(image.imageId);
  }
  ctx.checkDryRun();
  return el('imageId', image.imageId) + spec.render(image, ctx.world.clock.now());
};

function permissionList(p: QueryParams, prefix: string): LaunchPermission[] {
  return p.structList(prefix).map((s) => {
    const out: LaunchPermission = {};
    const userId = s.get('UserId');
    const group = s.get('Group');
    const org = s.get('OrganizationArn');
    const ou = s.get('OrganizationalUnitArn');
    if (userId !== undefined) out.userId = userId;
    if (group !== undefined) out.group = group as 'all';
    if (org !== undefined) out.organizationArn = org;
    if (ou !== undefined) out.organizationalUnitArn = ou;
    return out;
  });
}

/** The legacy form the AWS CLI can send: `OperationType=add&UserId.1=…&UserGroup.1=all`. */
function legacyPermissions(p: QueryParams): LaunchPermission[] {
  return [
    ...p.list('UserId').map((userId) => ({ userId })),
    ...p.list('UserGroup').map((group) => ({ group: group as 'all' })),
    ...p.list('OrganizationArn').map((organizationArn) => ({ organizationArn })),
    ...p.list('OrganizationalUnitArn').map((organizationalUnitArn) => ({ organizationalUnitArn })),
  ];
}

const MODIFIABLE = ['launchPermission', 'description', 'productCodes', 'imdsSupport'];

const modifyImageAttribute: ActionHandler = (ctx) => {
  const p = ctx.params;
  const attribute = p.get('Attribute');
  if (attribute !== undefined && !MODIFIABLE.includes(attribute)) {
    throw errors.invalidParameterValue(
      `Value (${attribute}) for parameter attribute is invalid. The attribute cannot be modified.`,
    );
  }
  const image = ownImage(ctx);

  const add = permissionList(p, 'LaunchPermission.Add');
  const remove = permissionList(p, 'LaunchPermission.Remove');
  const legacy = legacyPermissions(p);
  if (legacy.length > 0) {
    const op = p.get('OperationType');
    if (op === 'add') add.push(...legacy);
    else if (op === 'remove') remove.push(...legacy);
    else if (op === undefined) throw errors.missingParameter('OperationType');
    else
      throw errors.invalidParameterValue(
        `Value (${op}) for parameter operationType is invalid. Expected: 'add' or 'remove'.`,
      );
  }
  const description =
    descriptionParam(p, 'Description.Value') ??
    (attribute === 'description' ? descriptionParam(p, 'Value') : undefined);
  const imds = p.get('ImdsSupport.Value') ?? (attribute === 'imdsSupport' ? p.get('Value') : undefined);
  const productCodes = p.list('ProductCode');

  if (productCodes.length > 0 || attribute === 'productCodes') {
    throw errors.invalidParameter(
      'Product codes can only be associated with an AMI by AWS Marketplace; they cannot be added with ModifyImageAttribute.',
    );
  }
  if (add.length === 0 && remove.length === 0 && description === undefined && imds === undefined) {
    throw errors.missingParameter(attribute === 'launchPermission' ? 'LaunchPermission' : 'Attribute');
  }
  if (add.length + remove.length > REQUEST_LIMITS.launchPermissionChanges) {
    throw errors.tooManyValues('LaunchPermission', REQUEST_LIMITS.launchPermissionChanges);
  }
  for (const perm of [...add, ...remove]) checkLaunchPermission(perm);
  if (imds !== undefined && imds !== 'v2.0') {
    throw errors.invalidParameterValue(`Value (${imds}) for parameter imdsSupport is invalid. Expected: 'v2.0'.`);
  }
  if (add.length > 0 && image.state === 'disabled') {
    throw errors.incorrectState(
      `The image '${image.imageId}' is disabled and cannot be shared. Enable the image first.`,
    );
  }
  checkCanAdd(ctx.world, ctx.region, image, add);
  ctx.checkDryRun();
  if (add.length > 0 || remove.length > 0) applyLaunchPermissions(image, add, remove);
  if (description !== undefined) image.description = description;
  if (imds !== undefined) image.imdsSupport = 'v2.0';
  ctx.world.markChanged();
  return '<return>true</return>';
};

/** ResetImageAttribute: only `launchPermission` can be reset (the image becomes private). */
const resetImageAttribute: ActionHandler = (ctx) => {
  const attribute = ctx.params.required('Attribute');
  if (attribute !== 'launchPermission') {
    throw errors.invalidParameterValue(
      `Value (${attribute}) for parameter attribute is invalid. Only 'launchPermission' can be reset.`,
    );
  }
  const image = ownImage(ctx);
  ctx.checkDryRun();
  image.launchPermissions = [];
  ctx.world.markChanged();
  return '<return>true</return>';
};

/** CancelImageLaunchPermission: ImageId → the caller's account leaves the AMI's launch permissions. */
const cancelImageLaunchPermission: ActionHandler = (ctx) => {
  cancelLaunchPermission(ctx.world, ctx.region, ctx.params.get('ImageId'), ctx.accountId, () => ctx.checkDryRun());
  return '<return>true</return>';
};

export const imageAttributeActions: Record<string, ActionHandler> = {
  CancelImageLaunchPermission: cancelImageLaunchPermission,
  DescribeImageAttribute: describeImageAttribute,
  ModifyImageAttribute: modifyImageAttribute,
  ResetImageAttribute: resetImageAttribute,
};
