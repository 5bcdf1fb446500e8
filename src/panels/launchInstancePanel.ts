/**
 * Launch instance from AMI: instance type, Name tag, count. On real AWS the form says that this
 * costs money and the host refuses a launch the user did not acknowledge.
 */
import * as l10n from '@vscode/l10n';
import type { Image, RunInstancesCommandInput } from '@aws-sdk/client-ec2';
import type { Parsed } from '../shared/messageValidation';
import { parseChecked, readLaunchInstanceMessage } from '../shared/messageValidation';
import type {
  LaunchInstanceArgs,
  LaunchInstanceInit,
  LaunchInstanceParams,
  LaunchInstanceResult,
  LaunchInstanceToHost,
} from '../shared/protocol/launchInstance';
import type { ReadyMessage } from '../shared/protocol/envelope';
import type { PublisherCheck } from '../shared/protocol/publisherCheck';
import type { PanelServices } from './panelServices';
import { publisherCheck, publisherRefusal } from './publisherCheck';
import type { PanelController, Post } from './panelSession';

type Msg = LaunchInstanceToHost;

/** Small, common types per architecture; the first is the default. */
export const INSTANCE_TYPES: Readonly<Record<string, readonly string[]>> = {
  x86_64: ['t3.micro', 't3.small', 't3.medium', 'm6i.large', 'c6i.large', 'r6i.large'],
  arm64: ['t4g.micro', 't4g.small', 't4g.medium', 'm7g.large', 'c7g.large', 'r7g.large'],
  i386: ['t2.micro', 't2.small'],
};

export class LaunchInstancePanel implements PanelController<
  Msg,
  LaunchInstanceInit,
  LaunchInstanceResult,
  LaunchInstanceArgs
> {
  readonly kind = 'launchInstance';
  readonly args: LaunchInstanceArgs;
  readonly title: string;
  private data: LaunchInstanceInit | undefined;
  private readonly launched = new Set<string>();

  constructor(
    private readonly region: string,
    private readonly imageId: string,
    private readonly services: PanelServices,
  ) {
    this.args = { kind: 'launchInstance', region, imageId };
    this.title = l10n.t('Launch Instance: {0}', imageId);
  }

  parse(raw: unknown): Parsed<Msg> {
    return parseChecked(readLaunchInstanceMessage, raw, (m) => {
      if ((m.type === 'revealInTree' || m.type === 'copyId') && !this.launched.has(m.id))
        return l10n.t('{0} is not an instance this panel launched.', m.id);
      if (m.type === 'submit')
        return this.data ? launchRefusal(m.params, this.data) : l10n.t('The panel has not loaded the image yet.');
      return undefined;
    });
  }

  async load(): Promise<LaunchInstanceInit> {
    const [image] = await this.services.ec2.describeImages(this.region, [this.imageId]);
    if (!image) throw new Error(l10n.t('{0} does not exist in {1}.', this.imageId, this.region));
    const publisher = await publisherCheck(this.services, this.region, image);
    this.data = toLaunchInit(this.region, image, this.services.backend, publisher);
    return this.data;
  }

  async handle(m: Exclude<Msg, ReadyMessage>, post: Post<LaunchInstanceInit, LaunchInstanceResult>): Promise<void> {
    switch (m.type) {
      case 'revealInTree':
        return this.services.revealInstance(this.region, m.id);
      case 'copyId':
        return this.services.copyText(m.id);
      case 'submit':
        post({
          type: 'progress',
          requestId: m.requestId,
          message: l10n.t('Launching {0} × {1}…', m.params.count, m.params.instanceType),
        });
        try {
          const instanceIds = await this.services.ec2.runInstances(
            this.region,
            toRunInstancesInput(this.imageId, m.params),
          );
          for (const id of instanceIds) this.launched.add(id);
          this.services.instancesLaunched(this.region, instanceIds);
          post({ type: 'result', requestId: m.requestId, result: { ok: true, instanceIds } });
        } catch (e) {
          post({ type: 'result', requestId: m.requestId, result: { ok: false, error: this.services.explainError(e) } });
        }
    }
  }
}

export function launchRefusal(p: LaunchInstanceParams, data: LaunchInstanceInit): string | undefined {
  if (data.state !== 'available') return l10n.t('EC2 launches only available images; this one is {0}.', data.state);
  if (!data.instanceTypes.includes(p.instanceType))
    return l10n.t('{0} is not offered for a {1} image.', p.instanceType, data.architecture);
  if (data.backend === 'aws' && !p.acknowledgeCost)
    return l10n.t('On AWS a launch costs money: the cost must be acknowledged.');
  return publisherRefusal(data.publisher, p.acknowledgeUnknownPublisher);
}

export function toRunInstancesInput(imageId: string, p: LaunchInstanceParams): RunInstancesCommandInput {
  return {
    ImageId: imageId,
    InstanceType: p.instanceType as RunInstancesCommandInput['InstanceType'],
    MinCount: p.count,
    MaxCount: p.count,
    TagSpecifications: p.nameTag
      ? [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: p.nameTag }] }]
      : undefined,
  };
}

export function toLaunchInit(
  region: string,
  image: Image,
  backend: 'simulator' | 'aws',
  publisher?: PublisherCheck,
): LaunchInstanceInit {
  const architecture = image.Architecture ?? 'x86_64';
  return {
    region,
    imageId: image.ImageId ?? '',
    name: image.Name,
    architecture,
    state: image.State ?? 'unknown',
    backend,
    instanceTypes: [...(INSTANCE_TYPES[architecture] ?? INSTANCE_TYPES.x86_64)],
    publisher,
    ...(image.ImageAllowed === false ? { notAllowed: true } : {}),
  };
}
