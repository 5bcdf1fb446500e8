/**
 * Create Image: an AMI from a running or stopped EBS-backed instance, with the no-reboot
 * trade-off, the volumes as they go into the image, and tags for the image and its snapshots.
 */
import * as l10n from '@vscode/l10n';
import type { BlockDeviceMapping, CreateImageCommandInput, Instance, Tag, Volume } from '@aws-sdk/client-ec2';
import type { Parsed } from '../shared/messageValidation';
import { parseChecked, readCreateImageMessage } from '../shared/messageValidation';
import type {
  CreateImageArgs,
  CreateImageInit,
  CreateImageParams,
  CreateImageResult,
  CreateImageToHost,
  VolumeInfo,
  VolumeType,
} from '../shared/protocol/createImage';
import type { ReadyMessage, TagInput } from '../shared/protocol/envelope';
import { LIMITS } from '../shared/protocol/envelope';
import { VOLUME_TYPES } from '../shared/protocol/createImage';
import { checkNewDeviceName } from '../shared/validation';
import type { PanelServices } from './panelServices';
import type { PanelController, Post } from './panelSession';

type Msg = CreateImageToHost;

export class CreateImagePanel implements PanelController<Msg, CreateImageInit, CreateImageResult, CreateImageArgs> {
  readonly kind = 'createImage';
  readonly args: CreateImageArgs;
  readonly title: string;
  private data: CreateImageInit | undefined;
  private readonly created = new Set<string>();

  constructor(
    private readonly region: string,
    private readonly instanceId: string,
    private readonly services: PanelServices,
  ) {
    this.args = { kind: 'createImage', region, instanceId };
    this.title = l10n.t('Create Image: {0}', instanceId);
  }

  parse(raw: unknown): Parsed<Msg> {
    return parseChecked(readCreateImageMessage, raw, (m) => {
      if (m.type !== 'ready' && m.type !== 'submit' && !this.created.has(m.id)) {
        return l10n.t('{0} is not an image this panel created.', m.id);
      }
      if (m.type === 'submit') {
        return this.data
          ? checkAgainstInstance(m.params, this.data)
          : l10n.t('The panel has not loaded the instance yet.');
      }
      return undefined;
    });
  }

  async load(): Promise<CreateImageInit> {
    const instance = await this.services.ec2.describeInstance(this.region, this.instanceId);
    if (!instance) throw new Error(l10n.t('EC2 does not know the instance {0} in {1}.', this.instanceId, this.region));
    const volumeIds = (instance.BlockDeviceMappings ?? []).flatMap((b) => (b.Ebs?.VolumeId ? [b.Ebs.VolumeId] : []));
    const volumes = volumeIds.length > 0 ? await this.services.ec2.describeVolumes(this.region, volumeIds) : [];
    this.data = toInit(this.region, instance, volumes, this.services.now());
    return this.data;
  }

  async handle(m: Exclude<Msg, ReadyMessage>, post: Post<CreateImageInit, CreateImageResult>): Promise<void> {
    switch (m.type) {
      case 'revealInTree':
        return this.services.revealImage(this.region, m.id);
      case 'copyId':
        return this.services.copyText(m.id);
      case 'openDetails':
        return this.services.showPanel({ kind: 'imageDetails', region: this.region, imageId: m.id });
      case 'submit': {
        const data = this.data as CreateImageInit; // parse() refuses a submit before load()
        post({ type: 'progress', requestId: m.requestId, message: progressText(m.params.noReboot) });
        try {
          const imageId = await this.services.ec2.createImage(this.region, toCreateImageInput(data, m.params));
          this.created.add(imageId);
          this.services.imageCreated(this.region, imageId);
          post({ type: 'result', requestId: m.requestId, result: { ok: true, imageId } });
        } catch (e) {
          post({ type: 'result', requestId: m.requestId, result: { ok: false, error: this.services.explainError(e) } });
        }
      }
    }
  }
}

function progressText(noReboot: boolean): string {
  return noReboot
    ? l10n.t('Asking EC2 to create the image; the instance keeps running.')
    : l10n.t('Asking EC2 to create the image; EC2 stops the instance, snapshots its volumes and reboots it.');
}

/** Why EC2 would refuse this form for this instance, or `undefined`. Same rules as the webview. */
export function checkAgainstInstance(p: CreateImageParams, data: CreateImageInit): string | undefined {
  if (data.rootDeviceType !== 'ebs') {
    return l10n.t('EC2 creates images only from EBS-backed instances; this one is instance-store-backed.');
  }
  if (data.instanceState !== 'running' && data.instanceState !== 'stopped') {
    return l10n.t('EC2 creates images only from running or stopped instances; this one is {0}.', data.instanceState);
  }
  const devices = data.volumes.map((v) => v.deviceName).sort();
  const sent = p.volumes.map((v) => v.deviceName).sort();
  if (JSON.stringify(devices) !== JSON.stringify(sent)) {
    return l10n.t('The volumes must be exactly the instance’s volumes, each once.');
  }
  for (const mapping of p.volumes) {
    const volume = data.volumes.find((v) => v.deviceName === mapping.deviceName) as VolumeInfo;
    if (volume.isRoot && !mapping.include)
      return l10n.t('The root volume {0} is always part of the image.', volume.deviceName);
  }
  const added = p.addedVolumes ?? [];
  if (devices.length + added.length > LIMITS.maxVolumes) {
    return l10n.t(
      'An image can map at most {0} volumes; this form has {1}.',
      LIMITS.maxVolumes,
      devices.length + added.length,
    );
  }
  // Against every device of the instance, left out or not: each name appears once in the mapping.
  for (const n of added) {
    const problem = checkNewDeviceName(n.deviceName, devices);
    if (problem) return l10n.t('The new volume {0} cannot be added: {1}', n.deviceName, problem);
  }
  return undefined;
}

/** The CreateImage request: only the mappings that differ from the instance are sent, then the new volumes. */
export function toCreateImageInput(data: CreateImageInit, p: CreateImageParams): CreateImageCommandInput {
  const mappings: BlockDeviceMapping[] = [];
  for (const m of p.volumes) {
    const volume = data.volumes.find((v) => v.deviceName === m.deviceName) as VolumeInfo;
    if (!m.include) {
      mappings.push({ DeviceName: m.deviceName, NoDevice: '' });
    } else if (m.deleteOnTermination !== volume.deleteOnTermination) {
      // The only setting CreateImage can change on an existing volume (API reference, CreateImage).
      mappings.push({ DeviceName: m.deviceName, Ebs: { DeleteOnTermination: m.deleteOnTermination } });
    }
  }
  for (const n of p.addedVolumes ?? []) {
    // Without a SnapshotId EC2 records an empty volume, created when an instance is launched from
    // the image. With one, Encrypted must be left out (EbsBlockDevice.Encrypted): the snapshot's applies.
    mappings.push({
      DeviceName: n.deviceName,
      Ebs: {
        VolumeSize: n.sizeGiB,
        VolumeType: n.volumeType,
        DeleteOnTermination: n.deleteOnTermination,
        ...(n.snapshotId === undefined ? { Encrypted: n.encrypted } : { SnapshotId: n.snapshotId }),
        ...(n.iops === undefined ? {} : { Iops: n.iops }),
        ...(n.throughputMiBs === undefined ? {} : { Throughput: n.throughputMiBs }),
      },
    });
  }
  const tagSpec = (type: 'image' | 'snapshot', tags: TagInput[]) =>
    tags.length > 0 ? [{ ResourceType: type, Tags: tags.map((t): Tag => ({ Key: t.key, Value: t.value })) }] : [];
  const tagSpecifications = [...tagSpec('image', p.imageTags), ...tagSpec('snapshot', p.snapshotTags)];
  return {
    InstanceId: data.instanceId,
    Name: p.name,
    Description: p.description || undefined,
    NoReboot: p.noReboot,
    BlockDeviceMappings: mappings.length > 0 ? mappings : undefined,
    TagSpecifications: tagSpecifications.length > 0 ? tagSpecifications : undefined,
  };
}

export function toInit(region: string, instance: Instance, volumes: Volume[], now: Date): CreateImageInit {
  const instanceId = instance.InstanceId ?? '';
  const name = instance.Tags?.find((t) => t.Key === 'Name')?.Value || undefined;
  const infos: VolumeInfo[] = (instance.BlockDeviceMappings ?? []).flatMap((b) => {
    const volume = volumes.find((v) => v.VolumeId === b.Ebs?.VolumeId);
    if (!b.DeviceName || !b.Ebs) return [];
    const type = (VOLUME_TYPES as readonly string[]).includes(volume?.VolumeType ?? '')
      ? (volume?.VolumeType as VolumeType)
      : 'gp2';
    return [
      {
        deviceName: b.DeviceName,
        volumeId: b.Ebs.VolumeId,
        sizeGiB: volume?.Size ?? 8,
        volumeType: type,
        iops: volume?.Iops,
        deleteOnTermination: b.Ebs.DeleteOnTermination ?? false,
        encrypted: volume?.Encrypted ?? false,
        isRoot: b.DeviceName === instance.RootDeviceName,
      },
    ];
  });
  return {
    region,
    instanceId,
    instanceName: name,
    instanceState: instance.State?.Name ?? 'unknown',
    rootDeviceType: instance.RootDeviceType === 'instance-store' ? 'instance-store' : 'ebs',
    volumes: infos,
    suggestedName: suggestName(name ?? instanceId, now),
  };
}

/** `<name> 2026-11-23 1438`, with characters EC2 does not allow in names replaced by `-`. */
export function suggestName(base: string, now: Date): string {
  const stamp = now.toISOString().slice(0, 16).replace('T', ' ').replace(':', '');
  const clean = base.replace(/[^A-Za-z0-9()[\]./\-'@_ ]/g, '-').slice(0, 100);
  return `${clean} ${stamp}`;
}
