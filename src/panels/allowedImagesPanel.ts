/**
 * Allowed AMIs of one region: the setting and its criteria, a what-if of edited criteria on the
 * loaded images and the instances (computed on the host), and applying them after a confirmation
 * that says what changes. Read-only, with the reason, when a declarative policy manages it.
 */
import * as l10n from '@vscode/l10n';
import type { Image, InstanceImageMetadata } from '@aws-sdk/client-ec2';
import type { AllowedCriterion } from '../shared/allowedImages';
import { readAllowedImagesMessage } from '../shared/allowedImagesMessages';
import type { Parsed } from '../shared/messageValidation';
import { parseChecked } from '../shared/messageValidation';
import type {
  AllowedImagesArgs,
  AllowedImagesInit,
  AllowedImagesParams,
  AllowedImagesResult,
  AllowedImagesToHost,
} from '../shared/protocol/allowedImages';
import type { ReadyMessage } from '../shared/protocol/envelope';
import { instanceImageFacts, whatIf } from './allowedImagesWhatIf';
import type { GuardrailServices } from './guardrailServices';
import type { PanelServices } from './panelServices';
import type { PanelController, Post } from './panelSession';

type Msg = AllowedImagesToHost;

export class AllowedImagesPanel implements PanelController<
  Msg,
  AllowedImagesInit,
  AllowedImagesResult,
  AllowedImagesArgs
> {
  readonly kind = 'allowedImages';
  readonly args: AllowedImagesArgs;
  readonly title: string;
  private data: AllowedImagesInit | undefined;
  private instances: { metadata: InstanceImageMetadata; facts: ReturnType<typeof instanceImageFacts> }[] = [];
  /** The last previewed change: only that one can be applied (its summary is what the user confirmed). */
  private previewed: string | undefined;
  /** Ids the last preview returned: the only ones the webview may ask to reveal. */
  private shownIds = new Set<string>();

  constructor(
    private readonly region: string,
    private readonly services: PanelServices,
  ) {
    this.args = { kind: 'allowedImages', region };
    this.title = l10n.t('Allowed AMIs: {0}', region);
  }

  private get guardrails(): GuardrailServices {
    if (!this.services.guardrails) throw new Error(l10n.t('The Allowed AMIs panel needs the guardrail services.'));
    return this.services.guardrails;
  }

  parse(raw: unknown): Parsed<Msg> {
    return parseChecked(readAllowedImagesMessage, raw, (m) => {
      if (m.type === 'revealInTree' || m.type === 'copyId') {
        return this.shownIds.has(m.id) ? undefined : l10n.t('{0} is not in the last preview of this panel.', m.id);
      }
      if (m.type !== 'submit') return undefined;
      if (!this.data) return l10n.t('The panel has not loaded the setting yet.');
      if (m.params.action === 'preview') return undefined;
      if (this.data.readOnlyReason) return this.data.readOnlyReason;
      if (!m.params.confirmed) return l10n.t('Applying needs the explicit confirmation.');
      if (this.previewed !== key(m.params))
        return l10n.t('Preview this change before applying it: the confirmation must describe it.');
      return undefined;
    });
  }

  async load(): Promise<AllowedImagesInit> {
    const accountId = await this.services.callerAccountId();
    const images = this.guardrails.loadedImages(this.region);
    let init: AllowedImagesInit;
    try {
      const s = await this.guardrails.getAllowedImagesSettings(this.region);
      init = {
        region: this.region,
        accountId,
        state: s.state,
        managedBy: s.managedBy,
        criteria: s.criteria,
        unsupportedConditions: s.unsupportedConditions,
        readOnlyReason:
          s.managedBy === 'declarative-policy'
            ? "An AWS Organizations declarative policy manages this setting: the account can't change it (GetAllowedImagesSettings ManagedBy = declarative-policy). Change the policy in the management account instead."
            : undefined,
        imageCount: images.length,
        instanceCount: 0,
      };
    } catch (e) {
      const error = this.services.explainError(e);
      init = {
        region: this.region,
        accountId,
        state: 'disabled',
        managedBy: 'account',
        criteria: [],
        unsupportedConditions: [],
        readOnlyReason: l10n.t(
          'Allowed AMIs are not available here: {0}',
          error.fix ? `${error.message} ${error.fix}` : error.message,
        ),
        imageCount: images.length,
        instanceCount: 0,
      };
    }
    try {
      const metadata = await this.guardrails.listInstanceImageMetadata(this.region);
      const amiIds = [...new Set(metadata.map((m) => m.ImageMetadata?.ImageId).filter((id): id is string => !!id))];
      const amis: Image[] = amiIds.length > 0 ? await this.services.ec2.describeImages(this.region, amiIds) : [];
      this.instances = metadata.map((m) => ({
        metadata: m,
        facts: instanceImageFacts(
          m,
          amis.find((i) => i.ImageId === m.ImageMetadata?.ImageId),
        ),
      }));
      init.instanceCount = this.instances.length;
    } catch (e) {
      this.instances = [];
      init.instancesError = this.services.explainError(e);
    }
    this.data = init;
    return init;
  }

  async handle(m: Exclude<Msg, ReadyMessage>, post: Post<AllowedImagesInit, AllowedImagesResult>): Promise<void> {
    if (m.type === 'revealInTree') {
      if (m.id.startsWith('i-')) await this.services.revealInstance(this.region, m.id);
      else await this.services.revealImage(this.region, m.id);
      return;
    }
    if (m.type === 'copyId') return this.services.copyText(m.id);
    if (m.type !== 'submit') return;
    const data = this.data as AllowedImagesInit; // parse() refuses a submit before load()
    const preview = whatIf({
      accountId: data.accountId,
      now: this.services.now().getTime(),
      current: { state: data.state, criteria: data.criteria },
      next: { state: m.params.state, criteria: m.params.criteria },
      images: this.guardrails.loadedImages(this.region),
      instances: this.instances,
    });
    if (m.params.action === 'preview') {
      this.previewed = key(m.params);
      this.shownIds = new Set(preview.notAllowed.flatMap((i) => (i.imageId ? [i.id, i.imageId] : [i.id])));
      post({ type: 'result', requestId: m.requestId, result: { ok: true, action: 'preview', ...preview } });
      return;
    }
    post({
      type: 'progress',
      requestId: m.requestId,
      message: l10n.t('Replacing the criteria, then setting the state…'),
    });
    try {
      await this.guardrails.applyAllowedImages(this.region, m.params.criteria, m.params.state);
    } catch (e) {
      post({ type: 'result', requestId: m.requestId, result: { ok: false, error: this.services.explainError(e) } });
      return;
    }
    this.data = { ...data, state: m.params.state, criteria: m.params.criteria };
    this.previewed = undefined;
    this.guardrails.allowedImagesChanged(this.region);
    post({
      type: 'result',
      requestId: m.requestId,
      result: {
        ok: true,
        action: 'apply',
        state: m.params.state,
        criteria: m.params.criteria,
        changes: preview.changes,
      },
    });
  }
}

function key(p: Pick<AllowedImagesParams, 'criteria' | 'state'>): string {
  return JSON.stringify({ criteria: p.criteria.map(normalise), state: p.state });
}

function normalise(c: AllowedCriterion): AllowedCriterion {
  return {
    imageProviders: c.imageProviders,
    imageNames: c.imageNames,
    marketplaceProductCodes: c.marketplaceProductCodes,
    maximumDaysSinceCreated: c.maximumDaysSinceCreated,
    maximumDaysSinceDeprecated: c.maximumDaysSinceDeprecated,
  };
}
