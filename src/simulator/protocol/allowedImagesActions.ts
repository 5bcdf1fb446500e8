import { errors } from '../errors';
import {
  allowedImagesSettings,
  checkCriteria,
  ENABLED_STATES,
  replaceImageCriteria,
  setAllowedImagesState,
  type AllowedImagesState,
  type ImageCriterion,
} from '../models/allowedImages';
import { isPublic } from '../models/imageAccess';
import { STATE_CODES } from '../models/instances';
import { describeInstanceImageMetadata, validateInstanceImageMetadata } from '../models/instanceImageMetadata';
import type { ActionHandler } from './context';
import { renderTags } from './imageXml';
import { describeParams, type QueryParams } from './query';
import { el, esc, isoTime, items, raw } from './xml';

/** Allowed AMIs: the account's settings per region, and which AMI each instance runs. */

const getSettings: ActionHandler = (ctx) => {
  ctx.checkDryRun();
  const s = allowedImagesSettings(ctx.world, ctx.region, ctx.accountId);
  return el('state', s.state) + items('imageCriterionSet', s.criteria, renderCriterion) + el('managedBy', s.managedBy);
};

function renderCriterion(c: ImageCriterion): string {
  const list = (name: string, values: string[] | undefined) =>
    values && values.length > 0 ? items(name, values, esc) : '';
  let out = list('imageProviderSet', c.imageProviders);
  out += list('marketplaceProductCodeSet', c.marketplaceProductCodes);
  out += list('imageNameSet', c.imageNames);
  if (c.maximumDaysSinceDeprecated !== undefined) {
    out += raw('deprecationTimeCondition', el('maximumDaysSinceDeprecated', c.maximumDaysSinceDeprecated));
  }
  if (c.maximumDaysSinceCreated !== undefined) {
    out += raw('creationDateCondition', el('maximumDaysSinceCreated', c.maximumDaysSinceCreated));
  }
  return out;
}

const enableSettings: ActionHandler = (ctx) => {
  const state = ctx.params.get('AllowedImagesSettingsState');
  if (!state) throw errors.missingParameter('AllowedImagesSettingsState');
  if (!(ENABLED_STATES as readonly string[]).includes(state)) {
    throw errors.invalidParameterValue(`Value (${state}) for parameter AllowedImagesSettingsState is invalid.`);
  }
  ctx.checkDryRun();
  setAllowedImagesState(ctx.world, ctx.region, ctx.accountId, state as AllowedImagesState);
  return el('allowedImagesSettingsState', state);
};

const disableSettings: ActionHandler = (ctx) => {
  ctx.checkDryRun();
  setAllowedImagesState(ctx.world, ctx.region, ctx.accountId, 'disabled');
  return el('allowedImagesSettingsState', 'disabled');
};

/** `ImageCriterion.N.ImageProvider.M`, `.ImageName.M`, `.MarketplaceProductCode.M`, the two conditions. */
function criteriaFromQuery(p: QueryParams): ImageCriterion[] {
  return p.structList('ImageCriterion').map((c) => {
    const out: ImageCriterion = {};
    const providers = c.list('ImageProvider');
    if (providers.length > 0) out.imageProviders = providers;
    const codes = c.list('MarketplaceProductCode');
    if (codes.length > 0) out.marketplaceProductCodes = codes;
    const names = c.list('ImageName');
    if (names.length > 0) out.imageNames = names;
    const deprecated = c.sub('DeprecationTimeCondition').int('MaximumDaysSinceDeprecated');
    if (deprecated !== undefined) out.maximumDaysSinceDeprecated = deprecated;
    const created = c.sub('CreationDateCondition').int('MaximumDaysSinceCreated');
    if (created !== undefined) out.maximumDaysSinceCreated = created;
    return out;
  });
}

const replaceCriteria: ActionHandler = (ctx) => {
  const criteria = criteriaFromQuery(ctx.params);
  checkCriteria(criteria);
  ctx.checkDryRun();
  replaceImageCriteria(ctx.world, ctx.region, ctx.accountId, criteria);
  return '<return>true</return>';
};

const describeMetadata: ActionHandler = (ctx) => {
  const r = { instanceIds: ctx.params.list('InstanceId'), ...describeParams(ctx.params) };
  validateInstanceImageMetadata(r);
  ctx.checkDryRun();
  const { page, nextToken } = describeInstanceImageMetadata(ctx.world, ctx.region, ctx.accountId, r);
  const rendered = items('instanceImageMetadataSet', page, ({ instance: i, image, imageAllowed }) => {
    let meta = el('imageId', i.imageId);
    if (image) {
      meta +=
        el('name', image.name) +
        el('imageOwnerId', image.ownerId) +
        el('imageState', image.state) +
        el('imageOwnerAlias', image.imageOwnerAlias) +
        el('creationDate', isoTime(image.creationDate)) +
        el('deprecationTime', isoTime(image.deprecationTime)) +
        el('imageAllowed', imageAllowed) +
        el('isPublic', isPublic(image));
    }
    return (
      el('instanceId', i.instanceId) +
      el('instanceType', i.instanceType) +
      el('launchTime', isoTime(i.launchTime)) +
      el('availabilityZone', i.availabilityZone) +
      raw('instanceState', el('code', STATE_CODES[i.state]) + el('name', i.state)) +
      el('instanceOwnerId', i.ownerId) +
      (i.tags.length > 0 ? renderTags(i.tags) : '') +
      raw('imageMetadata', meta)
    );
  });
  return rendered + el('nextToken', nextToken);
};

export const allowedImagesActions: Record<string, ActionHandler> = {
  GetAllowedImagesSettings: getSettings,
  EnableAllowedImagesSettings: enableSettings,
  DisableAllowedImagesSettings: disableSettings,
  ReplaceImageCriteriaInAllowedImagesSettings: replaceCriteria,
  DescribeInstanceImageMetadata: describeMetadata,
};
