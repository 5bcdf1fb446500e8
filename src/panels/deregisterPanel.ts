/**
 * Deregister: one or several AMIs the caller owns, what each keeps paying for (its snapshots),
 * and optionally deleting those snapshots too. Refuses foreign and protected images.
 */
import * as l10n from '@vscode/l10n';
import type { Image } from '@aws-sdk/client-ec2';
import type { Parsed } from '../shared/messageValidation';
import { parseChecked, readDeregisterMessage } from '../shared/messageValidation';
import { SNAPSHOT_USD_PER_GB_MONTH, monthlySnapshotCost } from '../shared/pricing';
import type {
  DeregisterArgs,
  DeregisterImageInfo,
  DeregisterInit,
  DeregisterItemResult,
  DeregisterParams,
  DeregisterResult,
  DeregisterToHost,
} from '../shared/protocol/deregister';
import type { ReadyMessage } from '../shared/protocol/envelope';
import { inUseWarning } from '../shared/imageUsage';
import type { PanelServices } from './panelServices';
import { relatedRefusal, runRelated } from './relatedResources';
import type { PanelController, Post } from './panelSession';
import { recycleBinNotes } from './recycleBinOutlook';

type Msg = DeregisterToHost;

export class DeregisterPanel implements PanelController<Msg, DeregisterInit, DeregisterResult, DeregisterArgs> {
  readonly kind = 'deregister';
  readonly args: DeregisterArgs;
  readonly title: string;
  private data: DeregisterInit | undefined;
  private readonly done = new Set<string>();

  constructor(
    private readonly region: string,
    private readonly imageIds: readonly string[],
    private readonly services: PanelServices,
  ) {
    this.args = { kind: 'deregister', region, imageIds: [...imageIds] };
    this.title =
      imageIds.length === 1
        ? l10n.t('Deregister AMI: {0}', imageIds[0])
        : l10n.t('Deregister AMIs: {0}', imageIds.length);
  }

  parse(raw: unknown): Parsed<Msg> {
    return parseChecked(readDeregisterMessage, raw, (m) => {
      if (m.type === 'revealInTree' || m.type === 'copyId')
        return l10n.t('deregistered images cannot be revealed or copied.');
      if (m.type === 'revealRelated' || m.type === 'copyRelatedId')
        return relatedRefusal(m, this.data && { region: this.region, usage: this.data.images.map((i) => i.usedBy) });
      if (m.type === 'submit') {
        return this.data
          ? refusalFor(m.params, this.data, this.done)
          : l10n.t('The panel has not loaded the images yet.');
      }
      return undefined;
    });
  }

  async load(): Promise<DeregisterInit> {
    const [images, account] = await Promise.all([
      this.services.ec2.describeImages(this.region, [...this.imageIds]),
      this.services.callerAccountId(),
    ]);
    const guardrails = this.services.guardrails;
    const notes = guardrails
      ? await recycleBinNotes(guardrails, this.region, images, (e) => this.services.explainError(e))
      : undefined;
    const infos = this.imageIds.map((id) => {
      const info = toInfo(
        id,
        images.find((i) => i.ImageId === id),
        account,
        this.done.has(id),
      );
      const note = notes?.get(id);
      return note && info.state !== 'not found' ? { ...info, recycleBin: note } : info;
    });
    // The pre-check: who still launches the images this panel may deregister.
    const candidates = infos.filter((i) => !blockedReason(i)).map((i) => i.imageId);
    if (candidates.length > 0) {
      const usage = await this.services.insights.usage(this.region, candidates);
      for (const info of infos) info.usedBy = usage.get(info.imageId);
    }
    this.data = { region: this.region, snapshotPricePerGiBMonth: SNAPSHOT_USD_PER_GB_MONTH, images: infos };
    return this.data;
  }

  async handle(m: Exclude<Msg, ReadyMessage>, post: Post<DeregisterInit, DeregisterResult>): Promise<void> {
    if (m.type === 'revealRelated' || m.type === 'copyRelatedId') return runRelated(m, this.services);
    if (m.type !== 'submit') return;
    const data = this.data as DeregisterInit; // parse() refuses a submit before load()
    const { imageIds, deleteSnapshots } = m.params;
    const items = new Map<string, DeregisterItemResult>();
    for (const [i, imageId] of imageIds.entries()) {
      post({
        type: 'progress',
        requestId: m.requestId,
        message: l10n.t('Deregistering {0} ({1} of {2})…', imageId, i + 1, imageIds.length),
        fraction: i / imageIds.length,
      });
      try {
        await this.services.ec2.deregisterImage(this.region, imageId);
        this.done.add(imageId);
        items.set(imageId, { imageId, ok: true, deletedSnapshotIds: [], keptSnapshots: [] });
      } catch (e) {
        items.set(imageId, {
          imageId,
          ok: false,
          deletedSnapshotIds: [],
          keptSnapshots: [],
          error: this.services.explainError(e),
        });
      }
    }
    // Snapshots go only after every image is deregistered: two selected images may share one.
    if (deleteSnapshots) {
      for (const item of items.values()) {
        if (!item.ok) continue;
        const info = data.images.find((i) => i.imageId === item.imageId) as DeregisterImageInfo;
        for (const snap of info.snapshots) {
          post({
            type: 'progress',
            requestId: m.requestId,
            message: l10n.t('Deleting {0} of {1}…', snap.snapshotId, item.imageId),
          });
          try {
            await this.services.ec2.deleteSnapshot(this.region, snap.snapshotId);
            item.deletedSnapshotIds.push(snap.snapshotId);
          } catch (e) {
            item.keptSnapshots.push({ snapshotId: snap.snapshotId, reason: this.services.explainError(e).message });
          }
        }
      }
    }
    if (this.done.size > 0) this.services.imagesChanged(this.region);
    post({
      type: 'result',
      requestId: m.requestId,
      result: { ok: true, items: imageIds.map((id) => items.get(id) as DeregisterItemResult) },
    });
  }
}

/** Why this deregistration must not be sent, or `undefined`. Same rules as the webview shows. */
export function refusalFor(p: DeregisterParams, data: DeregisterInit, done: ReadonlySet<string>): string | undefined {
  for (const id of p.imageIds) {
    const info = data.images.find((i) => i.imageId === id);
    if (!info) return l10n.t('{0} is not one of the images of this panel.', id);
    if (done.has(id)) return l10n.t('{0} is already deregistered.', id);
    const why = blockedReason(info);
    if (why) return why;
    const inUse = info.usedBy?.available ? inUseWarning(info.usedBy.usage, 'deregistration') : undefined;
    if (inUse && !p.confirmedInUse) {
      return l10n.t('{0}: {1} Acknowledge it in the panel to deregister it anyway.', id, inUse);
    }
  }
  return undefined;
}

/** Why an image cannot be deregistered from this panel, or `undefined`. */
export function blockedReason(info: DeregisterImageInfo): string | undefined {
  if (info.state === 'not found') return l10n.t('{0} no longer exists.', info.imageId);
  if (!info.ownedByMe) return l10n.t('{0} belongs to another account: only its owner can deregister it.', info.imageId);
  if (info.deregistrationProtection) {
    return l10n.t(
      '{0} is protected from deregistration: turn protection off first (DisableImageDeregistrationProtection).',
      info.imageId,
    );
  }
  return undefined;
}

export function toInfo(
  imageId: string,
  image: Image | undefined,
  account: string,
  alreadyDone: boolean,
): DeregisterImageInfo {
  if (!image || alreadyDone) {
    return {
      imageId,
      state: 'not found',
      ownedByMe: false,
      deregistrationProtection: false,
      snapshots: [],
      monthlyCostUsd: 0,
    };
  }
  const snapshots = (image.BlockDeviceMappings ?? []).flatMap((b) =>
    b.Ebs?.SnapshotId
      ? [{ snapshotId: b.Ebs.SnapshotId, sizeGiB: b.Ebs.VolumeSize ?? 0, deviceName: b.DeviceName ?? '' }]
      : [],
  );
  const protection = image.DeregistrationProtection ?? 'disabled';
  return {
    imageId,
    name: image.Name,
    state: image.State ?? 'unknown',
    ownedByMe: image.OwnerId === account,
    // "enabled", "enabled-with-cooldown" and "disabled-until …" (cooldown running) all block deregistration.
    deregistrationProtection: protection !== 'disabled' && protection !== '',
    snapshots,
    monthlyCostUsd: monthlySnapshotCost(snapshots.map((s) => s.sizeGiB)),
  };
}
