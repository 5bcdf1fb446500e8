/**
 * The trust level of the image a panel acts on and, for an unknown publisher, what can be checked
 * without launching it. The host keeps the result and refuses a submit that did not acknowledge it.
 */
import * as l10n from '@vscode/l10n';
import type { Image } from '@aws-sdk/client-ec2';
import type { PublisherCheck, SnapshotPublicity } from '../shared/protocol/publisherCheck';
import { trustLabel, unknownPublisherChecklist, trustExplanation, trustLevelOf } from '../shared/trust';
import type { PanelServices } from './panelServices';

export async function publisherCheck(services: PanelServices, region: string, image: Image): Promise<PublisherCheck> {
  const level = trustLevelOf(image, await services.ownAccountIds());
  const check: PublisherCheck = { level, label: trustLabel(level), explanation: trustExplanation(level, image) };
  if (level !== 'unknown') return check;
  const devices = image.BlockDeviceMappings ?? [];
  const snapshotIds = devices.map((d) => d.Ebs?.SnapshotId).filter((s): s is string => !!s);
  let snapshots: SnapshotPublicity[];
  try {
    const open = await services.ec2.publicSnapshotIds(region, snapshotIds);
    snapshots = snapshotIds.map((id) => ({ snapshotId: id, publicity: open.has(id) ? 'public' : 'notPublic' }));
  } catch (e) {
    const why = services.explainError(e).message;
    snapshots = snapshotIds.map((id) => ({ snapshotId: id, publicity: 'unknown', note: why }));
  }
  const deprecationAt = image.DeprecationTime ? Date.parse(image.DeprecationTime) : NaN;
  return {
    ...check,
    checklist: unknownPublisherChecklist(),
    facts: {
      ownerId: image.OwnerId ?? '',
      ownerAlias: image.ImageOwnerAlias,
      creationDate: image.CreationDate,
      description: image.Description,
      productCodes: (image.ProductCodes ?? []).map((c) => `${c.ProductCodeId} (${c.ProductCodeType})`),
      deprecationTime: image.DeprecationTime,
      deprecated: Number.isFinite(deprecationAt) && deprecationAt <= services.now().getTime(),
      blockDevices: devices.map(describeDevice),
      snapshots,
    },
  };
}

/** The refusal of a submit that did not acknowledge an unknown publisher's checklist. */
export function publisherRefusal(check: PublisherCheck | undefined, acknowledged: boolean): string | undefined {
  return check?.level === 'unknown' && !acknowledged
    ? l10n.t('This AMI comes from an unknown publisher: the checklist must be acknowledged first.')
    : undefined;
}

function describeDevice(d: NonNullable<Image['BlockDeviceMappings']>[number]): string {
  const what = d.Ebs
    ? [
        `EBS ${d.Ebs.VolumeSize ?? '?'} GiB`,
        d.Ebs.VolumeType,
        d.Ebs.Encrypted ? 'encrypted' : l10n.t('not encrypted'),
        d.Ebs.SnapshotId,
      ]
        .filter(Boolean)
        .join(', ')
    : d.VirtualName
      ? l10n.t('instance store ({0})', d.VirtualName)
      : l10n.t('no device');
  return `${d.DeviceName ?? '?'}: ${what}`;
}
