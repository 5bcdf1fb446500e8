import { errors } from '../errors';
import {
  deleteSnapshot,
  describeSnapshots,
  modifyCreateVolumePermission,
  requireOwnSnapshot,
  validateDescribeSnapshots,
  type DescribeSnapshotsRequest,
} from '../models/snapshots';
import type { SnapshotRecord, VolumeRecord } from '../models/types';
import { describeVolumes, validateDescribeVolumes, type DescribeVolumesRequest } from '../models/volumes';
import type { ActionHandler } from './context';
import { describeParams } from './query';
import { renderTags } from './imageXml';
import { el, isoTime, items, raw } from './xml';

/** Snapshots (DescribeSnapshots, DeleteSnapshot, Describe/ModifySnapshotAttribute) and volumes (DescribeVolumes). */

function renderSnapshot(s: SnapshotRecord): string {
  return (
    '<item>' +
    el('snapshotId', s.snapshotId) +
    el('volumeId', s.volumeId) +
    el('status', s.state) +
    el('startTime', isoTime(s.startTime)) +
    el('progress', s.progress) +
    el('ownerId', s.ownerId) +
    el('ownerAlias', s.ownerAlias) +
    el('volumeSize', s.volumeSize) +
    el('description', s.description) +
    el('encrypted', s.encrypted) +
    el('kmsKeyId', s.kmsKeyId) +
    el('storageTier', s.storageTier) +
    renderTags(s.tags) +
    '</item>'
  );
}

const describeSnapshotsAction: ActionHandler = (ctx) => {
  const p = ctx.params;
  const r: DescribeSnapshotsRequest = {
    ownerIds: p.list('Owner'),
    restorableBy: p.list('RestorableBy'),
    snapshotIds: p.list('SnapshotId'),
    ...describeParams(p),
  };
  validateDescribeSnapshots(r);
  ctx.checkDryRun();
  const { page, nextToken } = describeSnapshots(ctx.world, ctx.region, ctx.accountId, r);
  let set = '<snapshotSet>';
  for (const s of page) set += renderSnapshot(s);
  return (page.length ? set + '</snapshotSet>' : '<snapshotSet/>') + el('nextToken', nextToken);
};

const deleteSnapshotAction: ActionHandler = (ctx) => {
  deleteSnapshot(ctx.world, ctx.region, ctx.accountId, ctx.params.get('SnapshotId'), () => ctx.checkDryRun());
  return '<return>true</return>';
};

const SNAPSHOT_ATTRIBUTES = ['createVolumePermission', 'productCodes'];

function requireAttribute(value: string | undefined): string {
  if (value === undefined || value === '') throw errors.missingParameter('Attribute');
  if (!SNAPSHOT_ATTRIBUTES.includes(value)) {
    throw errors.invalidParameterValue(`Value (${value}) for parameter attribute is invalid. Unknown attribute.`);
  }
  return value;
}

const describeSnapshotAttribute: ActionHandler = (ctx) => {
  const snapshot = requireOwnSnapshot(ctx.world, ctx.region, ctx.accountId, ctx.params.get('SnapshotId'));
  const attribute = requireAttribute(ctx.params.get('Attribute'));
  ctx.checkDryRun();
  const body =
    attribute === 'createVolumePermission'
      ? items(
          'createVolumePermission',
          snapshot.createVolumePermissions,
          (p) => el('group', p.group) + el('userId', p.userId),
        )
      : '<productCodes/>';
  return el('snapshotId', snapshot.snapshotId) + body;
};

/**
 * ModifySnapshotAttribute in both of EC2's forms: `CreateVolumePermission.Add/Remove.N.UserId|Group`,
 * or `OperationType` with `UserId.N` and `UserGroup.N`.
 */
const modifySnapshotAttribute: ActionHandler = (ctx) => {
  const p = ctx.params;
  const attribute = p.get('Attribute');
  if (attribute !== undefined && attribute !== 'createVolumePermission') {
    if (attribute === 'productCodes')
      throw errors.invalidParameterValue('The productCodes attribute of a snapshot cannot be modified.');
    requireAttribute(attribute);
  }
  const entries = (prefix: string) =>
    p.structList(prefix).map((e) => ({ userId: e.get('UserId'), group: e.get('Group') }));
  let add = entries('CreateVolumePermission.Add');
  let remove = entries('CreateVolumePermission.Remove');
  const operation = p.get('OperationType');
  if (operation !== undefined) {
    if (operation !== 'add' && operation !== 'remove') {
      throw errors.invalidParameterValue(
        `Value (${operation}) for parameter operationType is invalid. Valid values: add, remove`,
      );
    }
    const listed = [
      ...p.list('UserId').map((userId) => ({ userId, group: undefined })),
      ...p.list('UserGroup').map((group) => ({ userId: undefined, group })),
    ];
    if (operation === 'add') add = [...add, ...listed];
    else remove = [...remove, ...listed];
  }
  modifyCreateVolumePermission(ctx.world, ctx.region, ctx.accountId, p.get('SnapshotId'), add, remove, () =>
    ctx.checkDryRun(),
  );
  return '<return>true</return>';
};

function renderVolume(v: VolumeRecord): string {
  const attachments = v.attachment
    ? '<attachmentSet><item>' +
      el('volumeId', v.volumeId) +
      el('instanceId', v.attachment.instanceId) +
      el('device', v.attachment.device) +
      '<status>attached</status>' +
      el('attachTime', isoTime(v.attachment.attachTime)) +
      el('deleteOnTermination', v.attachment.deleteOnTermination) +
      '</item></attachmentSet>'
    : '<attachmentSet/>';
  return (
    '<item>' +
    el('volumeId', v.volumeId) +
    el('size', v.size) +
    el('snapshotId', v.snapshotId ?? '') +
    el('availabilityZone', v.availabilityZone) +
    el('status', v.state) +
    el('createTime', isoTime(v.createTime)) +
    attachments +
    renderTags(v.tags) +
    el('volumeType', v.volumeType) +
    (v.volumeType === 'gp3'
      ? el('iops', 3000) + el('throughput', 125)
      : v.volumeType === 'gp2'
        ? el('iops', Math.min(16000, Math.max(100, v.size * 3)))
        : '') +
    el('encrypted', v.encrypted) +
    el('kmsKeyId', v.kmsKeyId) +
    el('multiAttachEnabled', false) +
    '</item>'
  );
}

const describeVolumesAction: ActionHandler = (ctx) => {
  const r: DescribeVolumesRequest = {
    volumeIds: ctx.params.list('VolumeId'),
    ...describeParams(ctx.params),
  };
  validateDescribeVolumes(r);
  ctx.checkDryRun();
  const { page, nextToken } = describeVolumes(ctx.world, ctx.region, ctx.accountId, r);
  return (
    (page.length ? raw('volumeSet', page.map(renderVolume).join('')) : '<volumeSet/>') + el('nextToken', nextToken)
  );
};

export const snapshotActions: Record<string, ActionHandler> = {
  DescribeSnapshots: describeSnapshotsAction,
  DeleteSnapshot: deleteSnapshotAction,
  DescribeSnapshotAttribute: describeSnapshotAttribute,
  ModifySnapshotAttribute: modifySnapshotAttribute,
  DescribeVolumes: describeVolumesAction,
};
