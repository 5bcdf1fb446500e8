/**
 * Copy AMI: to the same or another region, with a new name, optional encryption and tags.
 * Refuses Marketplace images as EC2 does; the extension watches the copy until it is available.
 */
import * as l10n from '@vscode/l10n';
import type { CopyImageCommandInput, Image } from '@aws-sdk/client-ec2';
import type { Parsed } from '../shared/messageValidation';
import { parseChecked, readCopyImageMessage } from '../shared/messageValidation';
import type {
  CopyImageArgs,
  CopyImageInit,
  CopyImageParams,
  CopyImageResult,
  CopyImageToHost,
} from '../shared/protocol/copyImage';
import type { ReadyMessage } from '../shared/protocol/envelope';
import type { PublisherCheck } from '../shared/protocol/publisherCheck';
import type { PanelServices } from './panelServices';
import { publisherCheck, publisherRefusal } from './publisherCheck';
import type { PanelController, Post } from './panelSession';

type Msg = CopyImageToHost;

export class CopyImagePanel implements PanelController<Msg, CopyImageInit, CopyImageResult, CopyImageArgs> {
  readonly kind = 'copyImage';
  readonly args: CopyImageArgs;
  readonly title: string;
  private data: CopyImageInit | undefined;
  /** Copies made by this panel: image id → region. */
  private readonly copies = new Map<string, string>();
  /** Copies made in another connection: image id → that connection's label. */
  private readonly copiesElsewhere = new Map<string, string>();

  constructor(
    private readonly region: string,
    private readonly imageId: string,
    private readonly services: PanelServices,
  ) {
    this.args = { kind: 'copyImage', region, imageId };
    this.title = l10n.t('Copy AMI: {0}', imageId);
  }

  parse(raw: unknown): Parsed<Msg> {
    return parseChecked(readCopyImageMessage, raw, (m) => {
      if (m.type !== 'ready' && m.type !== 'submit' && !this.copies.has(m.id)) {
        if (m.type === 'copyId' && this.copiesElsewhere.has(m.id)) return undefined;
        const elsewhere = this.copiesElsewhere.get(m.id);
        return elsewhere
          ? l10n.t('{0} was made in the connection "{1}": find it under that connection in the tree.', m.id, elsewhere)
          : l10n.t('{0} is not a copy made by this panel.', m.id);
      }
      if (m.type === 'submit')
        return this.data ? copyRefusal(m.params, this.data) : l10n.t('The panel has not loaded the image yet.');
      return undefined;
    });
  }

  async load(): Promise<CopyImageInit> {
    const [images, regions] = await Promise.all([
      this.services.ec2.describeImages(this.region, [this.imageId]),
      this.services.ec2.listRegions(),
    ]);
    const image = images[0];
    if (!image) throw new Error(l10n.t('{0} does not exist in {1}.', this.imageId, this.region));
    this.data = {
      ...toCopyInit(this.region, image, regions, await publisherCheck(this.services, this.region, image)),
      destinations: this.services.copyDestinations(),
    };
    return this.data;
  }

  async handle(m: Exclude<Msg, ReadyMessage>, post: Post<CopyImageInit, CopyImageResult>): Promise<void> {
    switch (m.type) {
      case 'revealInTree':
        return this.services.revealImage(this.copies.get(m.id) as string, m.id);
      case 'copyId':
        return this.services.copyText(m.id);
      case 'openDetails':
        return this.services.showPanel({
          kind: 'imageDetails',
          region: this.copies.get(m.id) as string,
          imageId: m.id,
        });
      case 'submit': {
        const p = m.params;
        post({
          type: 'progress',
          requestId: m.requestId,
          message: l10n.t('Asking EC2 in {0} to copy {1}…', p.destinationRegion, this.imageId),
        });
        const destination = this.data?.destinations?.find((d) => d.connectionId === p.destinationConnection);
        if (destination) {
          try {
            const imageId = await this.services.copyImageInConnection(
              destination.connectionId,
              p.destinationRegion,
              toCopyImageInput(this.region, this.imageId, p),
            );
            this.copiesElsewhere.set(imageId, destination.label);
            post({
              type: 'result',
              requestId: m.requestId,
              result: { ok: true, imageId, region: p.destinationRegion, connectionLabel: destination.label },
            });
          } catch (e) {
            post({
              type: 'result',
              requestId: m.requestId,
              result: { ok: false, error: this.services.explainError(e) },
            });
          }
          return;
        }
        try {
          const imageId = await this.services.ec2.copyImage(
            p.destinationRegion,
            toCopyImageInput(this.region, this.imageId, p),
          );
          this.copies.set(imageId, p.destinationRegion);
          this.services.imageCreated(p.destinationRegion, imageId);
          post({ type: 'result', requestId: m.requestId, result: { ok: true, imageId, region: p.destinationRegion } });
        } catch (e) {
          post({ type: 'result', requestId: m.requestId, result: { ok: false, error: this.services.explainError(e) } });
        }
      }
    }
  }
}

/** Why EC2 would refuse this copy, or `undefined`. Same rules as the webview. */
export function copyRefusal(p: CopyImageParams, data: CopyImageInit): string | undefined {
  if (data.isMarketplace)
    return l10n.t(
      'AWS Marketplace images cannot be copied: launch an instance from it and create an image of that instead.',
    );
  if (p.destinationConnection !== undefined) {
    const destination = data.destinations?.find((d) => d.connectionId === p.destinationConnection);
    if (!destination) return l10n.t('"{0}" is not one of your other connections.', p.destinationConnection);
    if (!destination.regions.includes(p.destinationRegion))
      return l10n.t('{0} is not one of the regions of the connection "{1}".', p.destinationRegion, destination.label);
  } else if (!data.regions.includes(p.destinationRegion))
    return l10n.t('{0} is not one of the regions you can copy to.', p.destinationRegion);
  if (data.sourceEncrypted && !p.encrypted)
    return l10n.t('The source has encrypted snapshots: its copy is encrypted too.');
  return publisherRefusal(data.publisher, p.acknowledgeUnknownPublisher);
}

export function toCopyImageInput(
  sourceRegion: string,
  sourceImageId: string,
  p: CopyImageParams,
): CopyImageCommandInput {
  return {
    SourceRegion: sourceRegion,
    SourceImageId: sourceImageId,
    Name: p.name,
    Description: p.description || undefined,
    Encrypted: p.encrypted || undefined,
    KmsKeyId: p.encrypted && p.kmsKeyId ? p.kmsKeyId : undefined,
    CopyImageTags: p.copyImageTags || undefined,
  };
}

export function toCopyInit(region: string, image: Image, regions: string[], publisher?: PublisherCheck): CopyImageInit {
  return {
    sourceRegion: region,
    sourceImageId: image.ImageId ?? '',
    sourceName: image.Name,
    sourceDescription: image.Description,
    regions: regions.includes(region) ? regions : [region, ...regions],
    isMarketplace: (image.ProductCodes ?? []).some((c) => c.ProductCodeType === 'marketplace'),
    sourceEncrypted: (image.BlockDeviceMappings ?? []).some((b) => b.Ebs?.Encrypted),
    publisher,
  };
}
