/**
 * Who stands behind the image (the trust level), and for an unknown publisher the checklist and
 * the facts checkable without launching, with the acknowledgement the host requires before it
 * launches or copies (issue 14 item 4). The host enforces it; this only shows it.
 */
import * as l10n from '@vscode/l10n';
import type { PublisherCheck } from '../../../src/shared/protocol/publisherCheck';
import { h } from './dom';

export interface PublisherSection {
  root: HTMLElement;
  /** The acknowledgement, for an unknown publisher only. */
  ack?: HTMLElement & { checked: boolean; disabled: boolean };
  /** True when nothing needs acknowledging or the user acknowledged. */
  acknowledged(): boolean;
}

/** How public a snapshot is, as the facts table says it (a function: translated when called). */
function publicity(key: string): string {
  switch (key) {
    case 'public':
      return l10n.t('public: anyone can create a volume from it');
    case 'notPublic':
      return l10n.t({ message: 'not public', comment: ['a snapshot of the image'] });
    default:
      return l10n.t({ message: 'unknown', comment: ['whether a snapshot of the image is public'] });
  }
}

/** The acknowledgement's sentence for `action` ('copy' or 'launch'), whole in each form. */
function ackLabel(action: string): string {
  switch (action) {
    case 'copy':
      return l10n.t("I checked the list above and want to copy this unknown publisher's image");
    case 'launch':
      return l10n.t("I checked the list above and want to launch this unknown publisher's image");
    default:
      return l10n.t("I checked the list above and want to use this unknown publisher's image");
  }
}

export function publisherSection(check: PublisherCheck | undefined, action: string): PublisherSection {
  if (!check) return { root: h('span'), acknowledged: () => true };
  const badge = h(
    'p',
    { className: 'explain' },
    h('strong', {}, `${l10n.t('Publisher: {0}.', check.label)} `),
    check.explanation,
  );
  if (!check.facts) return { root: badge, acknowledged: () => true };
  const f = check.facts;
  const row = (label: string, value: string | undefined) =>
    h('tr', {}, h('th', { attrs: { scope: 'row' } }, label), h('td', {}, value || '—'));
  const none = () => l10n.t({ message: 'none', comment: ['no product codes, deprecation or snapshots'] });
  const facts = h(
    'table',
    { attrs: { 'aria-label': l10n.t('What can be checked without launching') } },
    row(l10n.t('Owner'), f.ownerId + (f.ownerAlias ? ` (${f.ownerAlias})` : '')),
    row(l10n.t('Created'), f.creationDate),
    row(l10n.t('Description'), f.description),
    row(l10n.t('Product codes'), f.productCodes.join(', ') || none()),
    row(
      l10n.t('Deprecation'),
      !f.deprecationTime
        ? none()
        : f.deprecated
          ? l10n.t('{0} — deprecated', f.deprecationTime)
          : l10n.t('{0} — scheduled', f.deprecationTime),
    ),
    row(l10n.t('Block devices'), f.blockDevices.join('; ')),
    row(
      l10n.t('Snapshots'),
      f.snapshots.map((s) => `${s.snapshotId}: ${publicity(s.publicity)}${s.note ? ` (${s.note})` : ''}`).join('; ') ||
        none(),
    ),
  );
  const ack = h('vscode-checkbox', { label: ackLabel(action) });
  const root = h(
    'section',
    { attrs: { 'aria-label': l10n.t('Unknown publisher') } },
    h(
      'div',
      { className: 'warning', attrs: { role: 'alert' } },
      h('strong', {}, `${l10n.t('Unknown publisher.')} `),
      check.explanation,
    ),
    h('h2', {}, l10n.t('Before you use it')),
    h('ul', {}, ...(check.checklist ?? []).map((item) => h('li', {}, item))),
    h('h2', {}, l10n.t('What EC2 tells about it')),
    facts,
    ack,
  );
  return { root, ack, acknowledged: () => ack.checked };
}
