import { createTags, deleteTags, describeTags } from '../models/tags';
import type { ActionHandler } from './context';
import { filtersParam } from './query';
import { el, esc } from './xml';

/** CreateTags / DeleteTags / DescribeTags on AMIs, snapshots, volumes and instances. */

const create: ActionHandler = (ctx) => {
  const p = ctx.params;
  const tags = p.structList('Tag').map((t) => ({ key: t.get('Key') ?? '', value: t.get('Value') ?? '' }));
  createTags(ctx.world, ctx.region, ctx.accountId, p.list('ResourceId'), tags, () => ctx.checkDryRun());
  return '<return>true</return>';
};

const remove: ActionHandler = (ctx) => {
  const p = ctx.params;
  const tags = p.structList('Tag').map((t) => ({ key: t.get('Key') ?? '', value: t.get('Value') }));
  deleteTags(ctx.world, ctx.region, ctx.accountId, p.list('ResourceId'), tags, () => ctx.checkDryRun());
  return '<return>true</return>';
};

const describe: ActionHandler = (ctx) => {
  const p = ctx.params;
  const page = { maxResults: p.int('MaxResults'), nextToken: p.get('NextToken') || undefined };
  const filters = filtersParam(p);
  // Validates filters and paging before DryRun answers.
  const result = describeTags(ctx.world, ctx.region, ctx.accountId, filters, page);
  ctx.checkDryRun();
  if (result.page.length === 0) return '<tagSet/>' + el('nextToken', result.nextToken);
  let out = '<tagSet>';
  for (const t of result.page) {
    out += `<item><resourceId>${t.resourceId}</resourceId><resourceType>${t.resourceType}</resourceType><key>${esc(t.key)}</key><value>${esc(t.value)}</value></item>`;
  }
  return out + '</tagSet>' + el('nextToken', result.nextToken);
};

export const tagActions: Record<string, ActionHandler> = {
  CreateTags: create,
  DeleteTags: remove,
  DescribeTags: describe,
};
