import { filtersFromQuery } from '../models/filters';
import { describeLaunchTemplates, describeLaunchTemplateVersions } from '../models/launchTemplateQuery';
import {
  createLaunchTemplate,
  createLaunchTemplateVersion,
  deleteLaunchTemplate,
  modifyLaunchTemplate,
  type TemplateRef,
} from '../models/launchTemplates';
import type { LaunchTemplateData } from '../models/types';
import type { ActionHandler, RequestContext } from './context';
import { tagSpecificationsFromQuery } from './imageParams';
import { renderTemplate, renderVersion } from './launchTemplateXml';
import type { QueryParams } from './query';
import { el, items, raw } from './xml';

/**
 * `LaunchTemplateData.*`: the members the simulator keeps. Any other member stays unread and is
 * refused by name (checkDryRun), so a template never silently loses a setting.
 */
function templateData(p: QueryParams): LaunchTemplateData | undefined {
  if (![...p.keys()].some((k) => k.startsWith('LaunchTemplateData.'))) return undefined;
  const d = p.sub('LaunchTemplateData');
  const data: LaunchTemplateData = {};
  const imageId = d.get('ImageId');
  const instanceType = d.get('InstanceType');
  const keyName = d.get('KeyName');
  if (imageId !== undefined) data.imageId = imageId;
  if (instanceType !== undefined) data.instanceType = instanceType;
  if (keyName !== undefined) data.keyName = keyName;
  return data;
}

function templateRef(p: QueryParams): TemplateRef {
  return {
    launchTemplateId: p.get('LaunchTemplateId') || undefined,
    launchTemplateName: p.get('LaunchTemplateName') || undefined,
  };
}

const dryRun = (ctx: RequestContext) => () => ctx.checkDryRun();

const createTemplate: ActionHandler = (ctx) => {
  const p = ctx.params;
  const template = createLaunchTemplate(
    ctx.world,
    {
      accountId: ctx.accountId,
      region: ctx.region,
      name: p.get('LaunchTemplateName'),
      versionDescription: p.get('VersionDescription'),
      data: templateData(p),
      tagSpecifications: tagSpecificationsFromQuery(p),
      clientToken: p.get('ClientToken') || undefined,
    },
    dryRun(ctx),
  );
  return raw('launchTemplate', renderTemplate(template));
};

const createVersion: ActionHandler = (ctx) => {
  const p = ctx.params;
  const row = createLaunchTemplateVersion(
    ctx.world,
    {
      accountId: ctx.accountId,
      region: ctx.region,
      ...templateRef(p),
      sourceVersion: p.get('SourceVersion'),
      versionDescription: p.get('VersionDescription'),
      data: templateData(p),
      clientToken: p.get('ClientToken') || undefined,
    },
    dryRun(ctx),
  );
  return raw('launchTemplateVersion', renderVersion(row));
};

const describeTemplates: ActionHandler = (ctx) => {
  const p = ctx.params;
  const result = describeLaunchTemplates(
    ctx.world,
    {
      accountId: ctx.accountId,
      region: ctx.region,
      ids: p.list('LaunchTemplateId'),
      names: p.list('LaunchTemplateName'),
      filters: filtersFromQuery(p),
      maxResults: p.int('MaxResults'),
      nextToken: p.get('NextToken') || undefined,
    },
    dryRun(ctx),
  );
  return items('launchTemplates', result.templates, renderTemplate) + el('nextToken', result.nextToken);
};

const describeVersions: ActionHandler = (ctx) => {
  const p = ctx.params;
  const result = describeLaunchTemplateVersions(
    ctx.world,
    {
      accountId: ctx.accountId,
      region: ctx.region,
      ...templateRef(p),
      versions: p.list('LaunchTemplateVersion'),
      minVersion: p.get('MinVersion'),
      maxVersion: p.get('MaxVersion'),
      filters: filtersFromQuery(p),
      maxResults: p.int('MaxResults'),
      nextToken: p.get('NextToken') || undefined,
    },
    dryRun(ctx),
  );
  return items('launchTemplateVersionSet', result.rows, renderVersion) + el('nextToken', result.nextToken);
};

const modifyTemplate: ActionHandler = (ctx) => {
  const p = ctx.params;
  // ModifyLaunchTemplate only sets the default version, which is idempotent by itself: the token is accepted.
  p.get('ClientToken');
  const template = modifyLaunchTemplate(
    ctx.world,
    { accountId: ctx.accountId, region: ctx.region, ...templateRef(p), defaultVersion: p.get('SetDefaultVersion') },
    dryRun(ctx),
  );
  return raw('launchTemplate', renderTemplate(template));
};

const deleteTemplate: ActionHandler = (ctx) => {
  const template = deleteLaunchTemplate(
    ctx.world,
    { accountId: ctx.accountId, region: ctx.region, ...templateRef(ctx.params) },
    dryRun(ctx),
  );
  return raw('launchTemplate', renderTemplate(template));
};

export const launchTemplateActions: Record<string, ActionHandler> = {
  CreateLaunchTemplate: createTemplate,
  CreateLaunchTemplateVersion: createVersion,
  DescribeLaunchTemplates: describeTemplates,
  DescribeLaunchTemplateVersions: describeVersions,
  ModifyLaunchTemplate: modifyTemplate,
  DeleteLaunchTemplate: deleteTemplate,
};
