import { errors } from '../errors';
import { imageAllowedFor } from '../models/allowedImages';
import { copyImage } from '../models/imageCopy';
import { createImage } from '../models/imageCreate';
import { registerImage } from '../models/imageRegister';
import {
  deregisterImage,
  disableDeprecation,
  disableImage,
  disableProtection,
  enableDeprecation,
  enableImage,
  enableProtection,
} from '../models/imageManage';
import { queryImages, validateImageQuery, type ImageQuery } from '../models/imageQuery';
import { imageAttributeActions } from './imageAttributeActions';
import type { ImageRecord } from '../models/types';
import type { ActionHandler, RequestContext } from './context';
import { mappingsFromQuery, ownImage, tagSpecificationsFromQuery } from './imageParams';
import { descriptionParam, filtersParam } from './query';
import { deregistrationProtectionValue, renderImages } from './imageXml';
import { el, items } from './xml';

/** DescribeImages: Owner.N, ExecutableBy.N, ImageId.N, Filter.N, IncludeDeprecated/Disabled, MaxResults/NextToken. */
const describeImages: ActionHandler = (ctx) => {
  const p = ctx.params;
  const query: ImageQuery = {
    accountId: ctx.accountId,
    region: ctx.region,
    owners: p.list('Owner'),
    executableUsers: p.list('ExecutableBy'),
    imageIds: p.list('ImageId'),
    filters: filtersParam(p),
    includeDeprecated: p.bool('IncludeDeprecated'),
    includeDisabled: p.bool('IncludeDisabled'),
    maxResults: p.int('MaxResults'),
    nextToken: p.get('NextToken') || undefined,
  };
  validateImageQuery(query);
  ctx.checkDryRun();
  const page = queryImages(ctx.world, query);
  // Records not in the mutable state are the read-only catalog's.
  const own = ctx.world.region(ctx.region).images;
  const readOnly = (image: ImageRecord) => own[image.imageId] !== image;
  const allowed = imageAllowedFor(ctx.world, ctx.region, ctx.accountId);
  return renderImages(page.images, ctx.world.clock.now(), readOnly, allowed) + el('nextToken', page.nextToken);
};

const RETURN_TRUE = '<return>true</return>';
const dryRun = (ctx: RequestContext) => () => ctx.checkDryRun();

const createImageAction: ActionHandler = (ctx) => {
  const p = ctx.params;
  const image = createImage(
    ctx.world,
    {
      accountId: ctx.accountId,
      region: ctx.region,
      instanceId: p.get('InstanceId'),
      name: p.get('Name'),
      description: p.get('Description'),
      noReboot: p.bool('NoReboot'),
      mappings: mappingsFromQuery(p),
      tagSpecifications: tagSpecificationsFromQuery(p),
    },
    dryRun(ctx),
  );
  return el('imageId', image.imageId);
};

/** RegisterImage: KernelId, RamdiskId, BillingProduct.N and UefiData stay unread, so they are refused. */
const registerImageAction: ActionHandler = (ctx) => {
  const p = ctx.params;
  const image = registerImage(
    ctx.world,
    {
      accountId: ctx.accountId,
      region: ctx.region,
      name: p.get('Name'),
      description: descriptionParam(p, 'Description'),
      imageLocation: p.get('ImageLocation'),
      rootDeviceName: p.get('RootDeviceName'),
      architecture: p.get('Architecture'),
      virtualizationType: p.get('VirtualizationType'),
      bootMode: p.get('BootMode'),
      enaSupport: p.bool('EnaSupport'),
      sriovNetSupport: p.get('SriovNetSupport'),
      tpmSupport: p.get('TpmSupport'),
      imdsSupport: p.get('ImdsSupport'),
      mappings: mappingsFromQuery(p),
      tagSpecifications: tagSpecificationsFromQuery(p),
    },
    dryRun(ctx),
  );
  return el('imageId', image.imageId);
};

const copyImageAction: ActionHandler = (ctx) => {
  const p = ctx.params;
  const image = copyImage(
    ctx.world,
    {
      accountId: ctx.accountId,
      region: ctx.region,
      sourceRegion: p.get('SourceRegion'),
      sourceImageId: p.get('SourceImageId'),
      name: p.get('Name'),
      description: descriptionParam(p, 'Description'),
      encrypted: p.bool('Encrypted'),
      kmsKeyId: p.get('KmsKeyId'),
      copyImageTags: p.bool('CopyImageTags'),
      clientToken: p.get('ClientToken'),
      tagSpecifications: tagSpecificationsFromQuery(p),
    },
    dryRun(ctx),
  );
  return el('imageId', image.imageId);
};

const deregisterImageAction: ActionHandler = (ctx) => {
  const deleteSnapshots = ctx.params.bool('DeleteAssociatedSnapshots') === true;
  const image = ownImage(ctx);
  const results = deregisterImage(ctx.world, ctx.region, image, deleteSnapshots, dryRun(ctx));
  if (!results) return RETURN_TRUE;
  return (
    RETURN_TRUE +
    items('deleteSnapshotResultSet', results, (r) => el('snapshotId', r.snapshotId) + el('returnCode', r.returnCode))
  );
};

const enableImageDeprecationAction: ActionHandler = (ctx) => {
  const raw = ctx.params.required('DeprecateAt');
  const at = Date.parse(raw);
  if (Number.isNaN(at))
    throw errors.invalidParameterValue(`Value (${raw}) for parameter DeprecateAt is invalid. Expected: a timestamp.`);
  const image = ownImage(ctx);
  enableDeprecation(ctx.world, image, at, dryRun(ctx));
  return RETURN_TRUE;
};

const simple =
  (change: (ctx: RequestContext, image: ImageRecord) => void): ActionHandler =>
  (ctx) => {
    change(ctx, ownImage(ctx));
    return RETURN_TRUE;
  };

const enableProtectionAction: ActionHandler = (ctx) => {
  const withCooldown = ctx.params.bool('WithCooldown') === true;
  const image = ownImage(ctx);
  enableProtection(ctx.world, image, withCooldown, dryRun(ctx));
  return el('return', deregistrationProtectionValue(image, ctx.world.clock.now()));
};

const disableProtectionAction: ActionHandler = (ctx) => {
  const image = ownImage(ctx);
  disableProtection(ctx.world, image, dryRun(ctx));
  return el('return', deregistrationProtectionValue(image, ctx.world.clock.now()));
};

/** Block public access for AMIs: per account and region. */
const getBlockPublicAccess: ActionHandler = (ctx) => {
  ctx.checkDryRun();
  const state = ctx.world.region(ctx.region).imageBlockPublicAccess[ctx.accountId] ?? 'unblocked';
  return el('imageBlockPublicAccessState', state) + el('managedBy', 'account');
};

const enableBlockPublicAccess: ActionHandler = (ctx) => {
  const state = ctx.params.required('ImageBlockPublicAccessState');
  if (state !== 'block-new-sharing') {
    throw errors.invalidParameterValue(
      `Value (${state}) for parameter ImageBlockPublicAccessState is invalid. Expected: 'block-new-sharing'.`,
    );
  }
  ctx.checkDryRun();
  ctx.world.region(ctx.region).imageBlockPublicAccess[ctx.accountId] = 'block-new-sharing';
  ctx.world.markChanged();
  return el('imageBlockPublicAccessState', 'block-new-sharing');
};

const disableBlockPublicAccess: ActionHandler = (ctx) => {
  ctx.checkDryRun();
  ctx.world.region(ctx.region).imageBlockPublicAccess[ctx.accountId] = 'unblocked';
  ctx.world.markChanged();
  return el('imageBlockPublicAccessState', 'unblocked');
};

export const imageActions: Record<string, ActionHandler> = {
  DescribeImages: describeImages,
  ...imageAttributeActions,
  CreateImage: createImageAction,
  CopyImage: copyImageAction,
  RegisterImage: registerImageAction,
  DeregisterImage: deregisterImageAction,
  EnableImageDeprecation: enableImageDeprecationAction,
  DisableImageDeprecation: simple((ctx, image) => disableDeprecation(ctx.world, image, dryRun(ctx))),
  EnableImage: simple((ctx, image) => enableImage(ctx.world, image, dryRun(ctx))),
  DisableImage: simple((ctx, image) => disableImage(ctx.world, image, dryRun(ctx))),
  EnableImageDeregistrationProtection: enableProtectionAction,
  DisableImageDeregistrationProtection: disableProtectionAction,
  GetImageBlockPublicAccessState: getBlockPublicAccess,
  EnableImageBlockPublicAccess: enableBlockPublicAccess,
  DisableImageBlockPublicAccess: disableBlockPublicAccess,
};
