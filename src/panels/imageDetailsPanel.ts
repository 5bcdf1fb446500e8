/**
 * Image details: every attribute of one AMI, grouped, read-only. Its actions open the other
 * panels for the same image; the host decides which are allowed (owned, available).
 */
import * as l10n from '@vscode/l10n';
import type { BlockDeviceMapping, Image } from '@aws-sdk/client-ec2';
import type { Parsed } from '../shared/messageValidation';
import { parseChecked, readImageDetailsMessage } from '../shared/messageValidation';
import { SNAPSHOT_USD_PER_GB_MONTH, monthlySnapshotCost } from '../shared/pricing';
import type {
  BlockDeviceInfo,
  DetailAction,
  ImageDetailsArgs,
  ImageDetailsInit,
  ImageDetailsResult,
  ImageDetailsToHost,
  PermissionsView,
} from '../shared/protocol/imageDetails';
import type { ReadyMessage } from '../shared/protocol/envelope';
import { toPermissionSet } from './launchPermissionsPanel';
import { trustAndParameter } from './imageTrust';
import { relatedRefusal, runRelated } from './relatedResources';
import type { PanelServices } from './panelServices';
import type { PanelController, Post } from './panelSession';

type Msg = ImageDetailsToHost;

export class ImageDetailsPanel implements PanelController<Msg, ImageDetailsInit, ImageDetailsResult, ImageDetailsArgs> {
  readonly kind = 'imageDetails';
  readonly args: ImageDetailsArgs;
  readonly title: string;
  private data: ImageDetailsInit | undefined;

  constructor(
    private readonly region: string,
    private readonly imageId: string,
    private readonly services: PanelServices,
  ) {
    this.args = { kind: 'imageDetails', region, imageId };
    this.title = l10n.t('AMI Details: {0}', imageId);
  }

  parse(raw: unknown): Parsed<Msg> {
    return parseChecked(readImageDetailsMessage, raw, (m) => {
      if ((m.type === 'revealInTree' || m.type === 'copyId') && m.id !== this.imageId)
        return l10n.t('{0} is not the image of this panel.', m.id);
      if (m.type === 'openPanel')
        return this.data ? actionRefusal(m.panel, this.data) : l10n.t('The panel has not loaded the image yet.');
      if (m.type === 'revealRelated' || m.type === 'copyRelatedId')
        return relatedRefusal(
          m,
          this.data && { region: this.region, usage: [this.data.usedBy], lineage: this.data.lineage },
        );
      return undefined;
    });
  }

  async load(): Promise<ImageDetailsInit> {
    // "Used by" and lineage never throw (each says why it is missing), so they load alongside.
    const [images, account, usage, lineage] = await Promise.all([
      this.services.ec2.describeImages(this.region, [this.imageId]),
      this.services.callerAccountId(),
      this.services.insights.usage(this.region, [this.imageId]),
      this.services.insights.lineage(this.region, this.imageId),
    ]);
    const image = images[0];
    if (!image)
      throw new Error(l10n.t('{0} does not exist in {1} (or is no longer visible to you).', this.imageId, this.region));
    const owned = image.OwnerId === account;
    let permissions: PermissionsView;
    if (!owned) {
      permissions = {
        readable: false,
        reason: l10n.t(
          'Only the owner (account {0}) can read who may launch this image: EC2 answers DescribeImageAttribute with AuthFailure for anyone else.',
          image.OwnerId ?? '?',
        ),
      };
    } else {
      try {
        permissions = {
          readable: true,
          permissions: toPermissionSet(await this.services.ec2.getLaunchPermissions(this.region, this.imageId)),
        };
      } catch (e) {
        const error = this.services.explainError(e);
        permissions = {
          readable: false,
          reason: l10n.t(
            'EC2 did not return the launch permissions: {0}',
            error.fix ? `${error.message} ${error.fix}` : error.message,
          ),
        };
      }
    }
    this.data = {
      ...toDetails(this.region, image, owned, permissions, this.services.now()),
      usedBy: usage.get(this.imageId),
      lineage,
      ...(await trustAndParameter(this.services, this.region, image)),
    };
    return this.data;
  }

  async handle(m: Exclude<Msg, ReadyMessage>, post: Post<ImageDetailsInit, ImageDetailsResult>): Promise<void> {
    switch (m.type) {
      case 'revealInTree':
        return this.services.revealImage(this.region, m.id);
      case 'copyId':
        return this.services.copyText(m.id);
      case 'revealRelated':
      case 'copyRelatedId':
        return runRelated(m, this.services);
      case 'openPanel':
        return this.services.showPanel(
          m.panel === 'deregister'
            ? { kind: 'deregister', region: this.region, imageIds: [this.imageId] }
            : { kind: m.panel, region: this.region, imageId: this.imageId },
        );
      case 'refresh':
        try {
          post({ type: 'result', requestId: m.requestId, result: { ok: true, details: await this.load() } });
        } catch (e) {
          post({ type: 'result', requestId: m.requestId, result: { ok: false, error: this.services.explainError(e) } });
        }
    }
  }
}

/** Why this panel must not open `action` for its image, or `undefined`. The webview shows the same. */
export function actionRefusal(action: DetailAction, data: ImageDetailsInit): string | undefined {
  switch (action) {
    case 'launchPermissions':
    case 'deregister':
      return data.ownedByMe
        ? undefined
        : l10n.t(
            '{0} belongs to account {1}: only its owner can change or deregister it.',
            data.imageId,
            data.ownerId ?? '',
          );
    case 'copyImage':
    case 'launchInstance':
      return data.state === 'available'
        ? undefined
        : l10n.t('{0} is {1}: EC2 copies and launches only available images.', data.imageId, data.state);
  }
}

export function toBlockDevice(b: BlockDeviceMapping): BlockDeviceInfo {
  const deviceName = b.DeviceName ?? '';
  if (b.Ebs) {
    return {
      deviceName,
      kind: 'ebs',
      snapshotId: b.Ebs.SnapshotId,
      sizeGiB: b.Ebs.VolumeSize,
      volumeType: b.Ebs.VolumeType,
      iops: b.Ebs.Iops,
      throughput: b.Ebs.Throughput,
      encrypted: b.Ebs.Encrypted ?? false,
      kmsKeyId: b.Ebs.KmsKeyId,
      deleteOnTermination: b.Ebs.DeleteOnTermination,
    };
  }
  if (b.VirtualName) return { deviceName, kind: 'ephemeral', virtualName: b.VirtualName };
  return { deviceName, kind: 'noDevice' };
}

export function toDetails(
  region: string,
  image: Image,
  ownedByMe: boolean,
  permissions: PermissionsView,
  now: Date,
): ImageDetailsInit {
  const blockDevices = (image.BlockDeviceMappings ?? []).map(toBlockDevice);
  const deprecationAt = image.DeprecationTime ? Date.parse(image.DeprecationTime) : NaN;
  return {
    region,
    imageId: image.ImageId ?? '',
    name: image.Name,
    description: image.Description,
    ownerId: image.OwnerId ?? '',
    ownerAlias: image.ImageOwnerAlias,
    ownedByMe,
    state: image.State ?? 'unknown',
    stateReason: image.StateReason?.Message || image.StateReason?.Code || undefined,
    creationDate: image.CreationDate,
    architecture: image.Architecture,
    platform: image.Platform,
    platformDetails: image.PlatformDetails,
    usageOperation: image.UsageOperation,
    imageType: image.ImageType,
    virtualizationType: image.VirtualizationType,
    hypervisor: image.Hypervisor,
    bootMode: image.BootMode,
    enaSupport: image.EnaSupport,
    sriovNetSupport: image.SriovNetSupport,
    imdsSupport: image.ImdsSupport,
    tpmSupport: image.TpmSupport,
    kernelId: image.KernelId,
    ramdiskId: image.RamdiskId,
    imageLocation: image.ImageLocation,
    sourceImageId: image.SourceImageId,
    sourceImageRegion: image.SourceImageRegion,
    sourceInstanceId: image.SourceInstanceId,
    productCodes: (image.ProductCodes ?? []).map((c) => ({ id: c.ProductCodeId ?? '', type: c.ProductCodeType ?? '' })),
    isPublic: image.Public ?? false,
    rootDeviceType: image.RootDeviceType,
    rootDeviceName: image.RootDeviceName,
    blockDevices,
    monthlyCostUsd: monthlySnapshotCost(
      blockDevices.flatMap((b) => (b.kind === 'ebs' && b.snapshotId ? [b.sizeGiB ?? 0] : [])),
    ),
    snapshotPricePerGiBMonth: SNAPSHOT_USD_PER_GB_MONTH,
    permissions,
    tags: (image.Tags ?? [])
      .map((t) => ({ key: t.Key ?? '', value: t.Value ?? '' }))
      .sort((a, b) => a.key.localeCompare(b.key)),
    deprecationTime: image.DeprecationTime || undefined,
    deprecated: Number.isFinite(deprecationAt) && deprecationAt <= now.getTime(),
    deregistrationProtection: image.DeregistrationProtection || 'disabled',
    lastLaunchedTime: image.LastLaunchedTime || undefined,
  };
}
