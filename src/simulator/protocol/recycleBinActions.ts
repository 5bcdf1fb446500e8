import { errors } from '../errors';
import { checkImageId } from '../models/imageAccess';
import { checkPageRequest, paginate } from '../models/paging';
import { imagesInBin, restoreImage, restoreSnapshot, snapshotsInBin } from '../models/recycleBin';
import { checkSnapshotId } from '../models/snapshots';
import type { ActionHandler, RequestContext } from './context';
import { el, isoTime, items } from './xml';

/** EC2's side of the Recycle Bin: list and restore the AMIs and snapshots retention rules keep. */

/** "You can specify up to 20 IDs in a single request" (ListImagesInRecycleBin ImageIds). */
const MAX_IMAGE_IDS = 20;

function page(ctx: RequestContext, kind: string, ids: string[]) {
  const r = { maxResults: ctx.params.int('MaxResults'), nextToken: ctx.params.get('NextToken') || undefined };
  // The bounds 1-1000 are unverified (the reference documents none for these operations).
  checkPageRequest(kind, r, 1, 1000, {
    name: kind === 'recycle-bin-images' ? 'ImageId' : 'SnapshotId',
    count: ids.length,
  });
  return r;
}

const listImages: ActionHandler = (ctx) => {
  const ids = ctx.params.list('ImageId');
  if (ids.length > MAX_IMAGE_IDS) {
    throw errors.invalidParameterValue(`At most ${MAX_IMAGE_IDS} image IDs can be specified in one request.`);
  }
  for (const id of ids) checkImageId(id);
  const r = page(ctx, 'recycle-bin-images', ids);
  ctx.checkDryRun();
  const found = imagesInBin(ctx.world, ctx.region, ctx.accountId, ids);
  const { page: shown, nextToken } = paginate('recycle-bin-images', found, (e) => e.image.imageId, r);
  return (
    items(
      'imageSet',
      shown,
      (e) =>
        el('imageId', e.image.imageId) +
        el('name', e.image.name) +
        el('description', e.image.description) +
        el('recycleBinEnterTime', isoTime(e.enterTime)) +
        el('recycleBinExitTime', isoTime(e.exitTime)),
    ) + el('nextToken', nextToken)
  );
};

const listSnapshots: ActionHandler = (ctx) => {
  const ids = ctx.params.list('SnapshotId');
  for (const id of ids) checkSnapshotId(id);
  const r = page(ctx, 'recycle-bin-snapshots', ids);
  ctx.checkDryRun();
  const found = snapshotsInBin(ctx.world, ctx.region, ctx.accountId, ids);
  const { page: shown, nextToken } = paginate('recycle-bin-snapshots', found, (e) => e.snapshot.snapshotId, r);
  return (
    items(
      'snapshotSet',
      shown,
      (e) =>
        el('snapshotId', e.snapshot.snapshotId) +
        el('recycleBinEnterTime', isoTime(e.enterTime)) +
        el('recycleBinExitTime', isoTime(e.exitTime)) +
        el('description', e.snapshot.description) +
        el('volumeId', e.snapshot.volumeId),
    ) + el('nextToken', nextToken)
  );
};

const restoreImageAction: ActionHandler = (ctx) => {
  const id = ctx.params.required('ImageId');
  checkImageId(id);
  restoreImage(ctx.world, ctx.region, ctx.accountId, id, () => ctx.checkDryRun());
  return '<return>true</return>';
};

const restoreSnapshotAction: ActionHandler = (ctx) => {
  const id = ctx.params.required('SnapshotId');
  checkSnapshotId(id);
  const s = restoreSnapshot(ctx.world, ctx.region, ctx.accountId, id, () => ctx.checkDryRun());
  return (
    el('snapshotId', s.snapshotId) +
    el('description', s.description) +
    el('encrypted', s.encrypted) +
    el('ownerId', s.ownerId) +
    el('progress', s.progress) +
    el('startTime', isoTime(s.startTime)) +
    el('status', s.state) +
    el('volumeId', s.volumeId) +
    el('volumeSize', s.volumeSize)
  );
};

export const recycleBinActions: Record<string, ActionHandler> = {
  ListImagesInRecycleBin: listImages,
  ListSnapshotsInRecycleBin: listSnapshots,
  RestoreImageFromRecycleBin: restoreImageAction,
  RestoreSnapshotFromRecycleBin: restoreSnapshotAction,
};
