import { getImageAncestry } from '../models/imageAncestry';
import { describeImageReferences } from '../models/imageReferences';
import type { ActionHandler } from './context';
import { el, isoTime, items } from './xml';

/** DescribeImageReferences and GetImageAncestry: who uses an AMI, and what it was built from. */

const describeReferences: ActionHandler = (ctx) => {
  const p = ctx.params;
  const result = describeImageReferences(
    ctx.world,
    {
      accountId: ctx.accountId,
      region: ctx.region,
      imageIds: p.list('ImageId'),
      includeAll: p.bool('IncludeAllResourceTypes'),
      resourceTypes: p.structList('ResourceType').map((t) => ({
        resourceType: t.get('ResourceType'),
        options: t
          .structList('ResourceTypeOption')
          .map((o) => ({ name: o.get('OptionName'), values: o.list('OptionValue') })),
      })),
      maxResults: p.int('MaxResults'),
      nextToken: p.get('NextToken') || undefined,
    },
    () => ctx.checkDryRun(),
  );
  return (
    items(
      'imageReferenceSet',
      result.references,
      (r) => el('imageId', r.imageId) + el('resourceType', r.resourceType) + el('arn', r.arn),
    ) + el('nextToken', result.nextToken)
  );
};

const getAncestry: ActionHandler = (ctx) => {
  const entries = getImageAncestry(
    ctx.world,
    { accountId: ctx.accountId, region: ctx.region, imageId: ctx.params.get('ImageId') },
    () => ctx.checkDryRun(),
  );
  return items(
    'imageAncestryEntrySet',
    entries,
    (e) =>
      el('creationDate', isoTime(e.creationDate)) +
      el('imageId', e.imageId) +
      el('imageOwnerAlias', e.imageOwnerAlias) +
      el('sourceImageId', e.sourceImageId) +
      el('sourceImageRegion', e.sourceImageRegion),
  );
};

export const lineageActions: Record<string, ActionHandler> = {
  DescribeImageReferences: describeReferences,
  GetImageAncestry: getAncestry,
};
