/**
 * Who stands behind the image (the trust level), and for an unknown publisher the checklist and
 * the facts checkable without launching, with the acknowledgement the host requires before it
 * launches or copies (issue 14 item 4). The host enforces it; this only shows it.
 */
import type { PublisherCheck } from '../../../src/shared/protocol/publisherCheck';
import { h } from './dom';

export interface PublisherSection {
  root: HTMLElement;
  /** The acknowledgement, for an unknown publisher only. */
  ack?: HTMLElement & { checked: boolean; disabled: boolean };
  /** True when nothing needs acknowledging or the user acknowledged. */
  acknowledged(): boolean;
}

const PUBLICITY: Record<string, string> = {
  public: 'public: anyone can create a volume from it',
  notPublic: 'not public',
  unknown: 'unknown',
};

export function publisherSection(check: PublisherCheck | undefined, action: string): PublisherSection {
  if (!check) return { root: h('span'), acknowledged: () => true };
  const badge = h('p', { className: 'explain' }, h('strong', {}, `Publisher: ${check.label}. `), check.explanation);
  if (!check.facts) return { root: badge, acknowledged: () => true };
  const f = check.facts;
  const row = (label: string, value: string | undefined) =>
    h('tr', {}, h('th', { attrs: { scope: 'row' } }, label), h('td', {}, value || '—'));
  const facts = h(
    'table',
    { attrs: { 'aria-label': 'What can be checked without launching' } },
    row('Owner', f.ownerId + (f.ownerAlias ? ` (${f.ownerAlias})` : '')),
    row('Created', f.creationDate),
    row('Description', f.description),
    row('Product codes', f.productCodes.join(', ') || 'none'),
    row(
      'Deprecation',
      f.deprecationTime ? `${f.deprecationTime}${f.deprecated ? ' — deprecated' : ' — scheduled'}` : 'none',
    ),
    row('Block devices', f.blockDevices.join('; ')),
    row(
      'Snapshots',
      f.snapshots.map((s) => `${s.snapshotId}: ${PUBLICITY[s.publicity]}${s.note ? ` (${s.note})` : ''}`).join('; ') ||
        'none',
    ),
  );
  const ack = h('vscode-checkbox', {
    label: `I checked the list above and want to ${action} this unknown publisher's image`,
  });
  const root = h(
    'section',
    { attrs: { 'aria-label': 'Unknown publisher' } },
    h(
      'div',
      { className: 'warning', attrs: { role: 'alert' } },
      h('strong', {}, 'Unknown publisher. '),
      check.explanation,
    ),
    h('h2', {}, 'Before you use it'),
    h('ul', {}, ...(check.checklist ?? []).map((item) => h('li', {}, item))),
    h('h2', {}, 'What EC2 tells about it'),
    facts,
    ack,
  );
  return { root, ack, acknowledged: () => ack.checked };
}
