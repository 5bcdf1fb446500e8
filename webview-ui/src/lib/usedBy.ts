/**
 * "Used by" and lineage as the details and deregister panels show them: lists with links that
 * ask the host to reveal an instance or an image in the tree, or copy an id. The host accepts
 * only ids it sent (see src/panels/relatedResources.ts).
 */
import type { AncestryEntryView, LineageView } from '../../../src/shared/imageLineage';
import { MAX_DERIVED_DEPTH } from '../../../src/shared/imageLineage';
import type { ImageUsage, UsageView } from '../../../src/shared/imageUsage';
import { launchTemplateText, usageSummary } from '../../../src/shared/imageUsage';
import type { RelatedMessage } from '../../../src/shared/protocol/usedBy';
import { h, icon } from './dom';

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

const copyLink = (id: string, post: Post) => link('copy id', `Copy ${id}`, () => post({ type: 'copyRelatedId', id }));

/** The lists of one usage: instances (revealable), launch templates (name, id, versions; copy id), groups, others. */
export function usageLists(u: ImageUsage, region: string, post: Post): HTMLElement {
  const items: HTMLElement[] = [
    ...u.instances.map((id) =>
      h(
        'li',
        {},
        icon('vm'),
        ' Instance ',
        link(id, `Reveal instance ${id} in the tree`, () =>
          post({ type: 'revealRelated', kind: 'instance', id, region }),
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
        ` Launch template ${launchTemplateText(t)} `,
        h('code', {}, t.launchTemplateId),
        ' · ',
        copyLink(t.launchTemplateId, post),
      ),
    ),
    ...u.autoScalingGroups.map((g) =>
      h(
        'li',
        {},
        icon('layers'),
        ` Auto Scaling group ${g.name}`,
        h(
          'span',
          { className: 'muted' },
          ` (launch template ${g.launchTemplateId}, ${g.launchTemplateVersion ?? '$Default'})`,
        ),
      ),
    ),
    ...u.others.map((o) => h('li', {}, icon('symbol-reference'), ` ${o.resourceType} `, h('code', {}, o.arn))),
  ];
  return h('ul', { className: 'related', attrs: { 'aria-label': 'Used by' } }, ...items);
}

/** The "Used by" section of the details panel. */
export function usedBySection(
  view: UsageView | undefined,
  region: string,
  lastLaunched: string | undefined,
  post: Post,
) {
  const body: (HTMLElement | string)[] = [];
  if (!view) body.push(h('p', { className: 'muted' }, 'Not read.'));
  else if (!view.available) body.push(h('div', { className: 'note', attrs: { role: 'status' } }, view.reason));
  else {
    body.push(h('p', {}, usageSummary(view.usage) + '.'));
    body.push(usageLists(view.usage, region, post));
    for (const n of view.usage.notices) body.push(h('div', { className: 'note' }, n));
  }
  body.push(h('p', { className: 'muted' }, `Last launched: ${lastLaunched ?? 'never, or not recorded by EC2'}.`));
  return h('section', { attrs: { 'aria-label': 'Used by' } }, h('h2', {}, 'Used by'), ...body);
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
    link(id, `Reveal ${id} in the tree`, () => post({ type: 'revealRelated', kind: 'image', id, region }));
  const ancestry = !lineage
    ? h('p', { className: 'muted' }, 'Not read.')
    : !lineage.ancestry.available
      ? h('div', { className: 'note' }, lineage.ancestry.reason)
      : lineage.ancestry.items.length <= 1
        ? h('p', { className: 'muted' }, 'No recorded source: it was not created or copied from another AMI EC2 knows.')
        : h(
            'ol',
            { className: 'related', attrs: { 'aria-label': 'Built from, this image first' } },
            ...lineage.ancestry.items.map((e, i, all) =>
              h(
                'li',
                {},
                e.imageId === imageId ? h('code', {}, e.imageId) : reveal(e.imageId, e.region),
                ` · ${entryText(e)}`,
                i === 0 ? h('span', { className: 'muted' }, ' (this image)') : null,
                i === all.length - 1 && i > 0 ? h('span', { className: 'muted' }, ' (root)') : null,
              ),
            ),
          );
  const derived = !lineage
    ? null
    : !lineage.derived.available
      ? h('div', { className: 'note' }, lineage.derived.reason)
      : lineage.derived.items.length === 0
        ? h('p', { className: 'muted' }, 'None of your images in this region was built from it.')
        : h(
            'ul',
            { className: 'related derived', attrs: { 'aria-label': 'Images built from this one' } },
            ...lineage.derived.items.map((d) =>
              indent(
                d.depth,
                icon(d.depth === 1 ? 'arrow-small-right' : 'indent'),
                ' ',
                reveal(d.imageId, d.region),
                ` ${d.name ?? ''}`,
                d.deprecated ? h('span', { className: 'badge' }, 'deprecated') : null,
                d.depth > 1 ? h('span', { className: 'muted' }, ` (from ${d.sourceImageId})`) : null,
              ),
            ),
          );
  return h(
    'section',
    { attrs: { 'aria-label': 'Lineage' } },
    h('h2', {}, 'Lineage'),
    h('h3', {}, 'Built from'),
    ancestry,
    h('h3', {}, 'Images built from this one'),
    derived,
    lineage?.derivedTruncated
      ? h('p', { className: 'muted' }, `Only the first ${MAX_DERIVED_DEPTH} generations (or 500 images) are shown.`)
      : null,
  );
}
