/**
 * "Used by" and lineage as the details and deregister panels show them: lists with links that
 * ask the host to reveal an instance or an image in the tree, or copy an id. The host accepts
 * only ids it sent (see src/panels/relatedResources.ts).
 */
import * as l10n from '@vscode/l10n';
import type { AncestryEntryView, LineageView } from '../../../src/shared/imageLineage';
import { MAX_DERIVED_DEPTH, MAX_DERIVED_IMAGES } from '../../../src/shared/imageLineage';
import type { ImageUsage, UsageView } from '../../../src/shared/imageUsage';
import { launchTemplateText, usageSummary } from '../../../src/shared/imageUsage';
import type { RelatedMessage } from '../../../src/shared/protocol/usedBy';
import { fillIn, h, icon } from './dom';

export const USED_BY_CSS = `
ul.related { margin: 4px 0 8px; padding-left: 20px; }
ul.related li { margin: 2px 0; }
a.link { cursor: pointer; color: var(--vscode-textLink-foreground); text-decoration: underline; }
a.link:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
.derived li { list-style: none; }
`;

type Post = (m: RelatedMessage) => void;

/** A link that is a button for assistive technology and the keyboard (Enter and Space). */
function link(text: string, label: string, run: () => void): HTMLElement {
  const a = h('a', { className: 'link', attrs: { role: 'button', tabindex: '0', 'aria-label': label } }, text);
  a.addEventListener('click', run);
  a.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      run();
    }
  });
  return a;
}

const copyLink = (id: string, post: Post) =>
  link(l10n.t('copy id'), l10n.t('Copy {0}', id), () => post({ type: 'copyRelatedId', id }));

/** The lists of one usage: instances (revealable), launch templates (name, id, versions; copy id), groups, others. */
export function usageLists(u: ImageUsage, region: string, post: Post): HTMLElement {
  const items: HTMLElement[] = [
    ...u.instances.map((id) =>
      h(
        'li',
        {},
        icon('vm'),
        ' ',
        ...fillIn(
          l10n.t('Instance {0}'),
          link(id, l10n.t('Reveal instance {0} in the tree', id), () =>
            post({ type: 'revealRelated', kind: 'instance', id, region }),
          ),
        ),
        ' · ',
        copyLink(id, post),
      ),
    ),
    ...u.launchTemplates.map((t) =>
      h(
        'li',
        {},
        icon('file-code'),
        ' ',
        ...fillIn(l10n.t('Launch template {0} {1}'), launchTemplateText(t), h('code', {}, t.launchTemplateId)),
        ' · ',
        copyLink(t.launchTemplateId, post),
      ),
    ),
    ...u.autoScalingGroups.map((g) =>
      h(
        'li',
        {},
        icon('layers'),
        ` ${l10n.t('Auto Scaling group {0}', g.name)}`,
        h(
          'span',
          { className: 'muted' },
          ` ${l10n.t('(launch template {0}, {1})', g.launchTemplateId, g.launchTemplateVersion ?? '$Default')}`,
        ),
      ),
    ),
    ...u.others.map((o) => h('li', {}, icon('symbol-reference'), ` ${o.resourceType} `, h('code', {}, o.arn))),
  ];
  return h('ul', { className: 'related', attrs: { 'aria-label': l10n.t('Used by') } }, ...items);
}

/** The "Used by" section of the details panel. */
export function usedBySection(
  view: UsageView | undefined,
  region: string,
  lastLaunched: string | undefined,
  post: Post,
) {
  const body: (HTMLElement | string)[] = [];
  if (!view) body.push(h('p', { className: 'muted' }, l10n.t('Not read.')));
  else if (!view.available) body.push(h('div', { className: 'note', attrs: { role: 'status' } }, view.reason));
  else {
    body.push(h('p', {}, usageSummary(view.usage) + '.'));
    body.push(usageLists(view.usage, region, post));
    for (const n of view.usage.notices) body.push(h('div', { className: 'note' }, n));
  }
  body.push(
    h(
      'p',
      { className: 'muted' },
      lastLaunched !== undefined
        ? l10n.t('Last launched: {0}.', lastLaunched)
        : l10n.t('Last launched: never, or not recorded by EC2.'),
    ),
  );
  return h('section', { attrs: { 'aria-label': l10n.t('Used by') } }, h('h2', {}, l10n.t('Used by')), ...body);
}

/** A list item indented by generation (set through the CSSOM: the CSP forbids style attributes). */
function indent(depth: number, ...children: (Node | string | null)[]): HTMLElement {
  const li = h('li', { attrs: { 'data-depth': String(depth) } }, ...children);
  li.style.paddingLeft = `${(depth - 1) * 18}px`;
  return li;
}

function entryText(e: AncestryEntryView): string {
  return [e.ownerAlias, e.region, e.creationDate?.slice(0, 10)].filter(Boolean).join(' · ');
}

/** The "Lineage" section: the chain to the root, then the images built from this one. */
export function lineageSection(lineage: LineageView | undefined, imageId: string, post: Post): HTMLElement {
  const reveal = (id: string, region: string) =>
    link(id, l10n.t('Reveal {0} in the tree', id), () => post({ type: 'revealRelated', kind: 'image', id, region }));
  const ancestry = !lineage
    ? h('p', { className: 'muted' }, l10n.t('Not read.'))
    : !lineage.ancestry.available
      ? h('div', { className: 'note' }, lineage.ancestry.reason)
      : lineage.ancestry.items.length <= 1
        ? h(
            'p',
            { className: 'muted' },
            l10n.t('No recorded source: it was not created or copied from another AMI EC2 knows.'),
          )
        : h(
            'ol',
            { className: 'related', attrs: { 'aria-label': l10n.t('Built from, this image first') } },
            ...lineage.ancestry.items.map((e, i, all) =>
              h(
                'li',
                {},
                e.imageId === imageId ? h('code', {}, e.imageId) : reveal(e.imageId, e.region),
                ` · ${entryText(e)}`,
                i === 0 ? h('span', { className: 'muted' }, ` ${l10n.t('(this image)')}`) : null,
                i === all.length - 1 && i > 0
                  ? h(
                      'span',
                      { className: 'muted' },
                      ` ${l10n.t({ message: '(root)', comment: ['the first image of a lineage'] })}`,
                    )
                  : null,
              ),
            ),
          );
  const derived = !lineage
    ? null
    : !lineage.derived.available
      ? h('div', { className: 'note' }, lineage.derived.reason)
      : lineage.derived.items.length === 0
        ? h('p', { className: 'muted' }, l10n.t('None of your images in this region was built from it.'))
        : h(
            'ul',
            { className: 'related derived', attrs: { 'aria-label': l10n.t('Images built from this one') } },
            ...lineage.derived.items.map((d) =>
              indent(
                d.depth,
                icon(d.depth === 1 ? 'arrow-small-right' : 'indent'),
                ' ',
                reveal(d.imageId, d.region),
                ` ${d.name ?? ''}`,
                d.deprecated
                  ? h('span', { className: 'badge' }, l10n.t({ message: 'deprecated', comment: ['badge of an image'] }))
                  : null,
                d.depth > 1 ? h('span', { className: 'muted' }, ` ${l10n.t('(from {0})', d.sourceImageId)}`) : null,
              ),
            ),
          );
  return h(
    'section',
    { attrs: { 'aria-label': l10n.t('Lineage') } },
    h('h2', {}, l10n.t('Lineage')),
    h('h3', {}, l10n.t('Built from')),
    ancestry,
    h('h3', {}, l10n.t('Images built from this one')),
    derived,
    lineage?.derivedTruncated
      ? h(
          'p',
          { className: 'muted' },
          l10n.t('Only the first {0} generations (or {1} images) are shown.', MAX_DERIVED_DEPTH, MAX_DERIVED_IMAGES),
        )
      : null,
  );
}
