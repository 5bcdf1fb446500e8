/**
 * The "Used by" and lineage links of a panel: which reveal and copy requests the host accepts
 * (only ids it sent in the panel's data: the webview is untrusted), and how it runs them.
 */
import * as l10n from '@vscode/l10n';
import type { LineageView } from '../shared/imageLineage';
import type { UsageView } from '../shared/imageUsage';
import type { RelatedMessage } from '../shared/protocol/usedBy';
import type { PanelServices } from './panelServices';

/** What a panel showed: usages of images of `region`, and lineages. */
export interface RelatedData {
  region: string;
  usage: (UsageView | undefined)[];
  lineage?: LineageView;
}

/** Why the panel must not act on `m`, or `undefined`. */
export function relatedRefusal(m: RelatedMessage, data: RelatedData | undefined): string | undefined {
  if (!data) return l10n.t('The panel has not loaded yet.');
  const revealable = new Set<string>();
  const copyable = new Set<string>();
  for (const view of data.usage) {
    if (!view?.available) continue;
    for (const id of view.usage.instances) {
      revealable.add(`instance ${data.region} ${id}`);
      copyable.add(id);
    }
    for (const t of view.usage.launchTemplates) copyable.add(t.launchTemplateId);
  }
  const lineage = data.lineage;
  const images = [
    ...(lineage?.ancestry.available ? lineage.ancestry.items : []),
    ...(lineage?.derived.available ? lineage.derived.items : []),
  ];
  for (const i of images) {
    revealable.add(`image ${i.region} ${i.imageId}`);
    copyable.add(i.imageId);
  }
  if (m.type === 'copyRelatedId')
    return copyable.has(m.id) ? undefined : l10n.t('{0} is not shown in this panel.', m.id);
  return revealable.has(`${m.kind} ${m.region} ${m.id}`) ? undefined : l10n.t('{0} is not shown in this panel.', m.id);
}

/** Runs an accepted reveal or copy. */
export function runRelated(m: RelatedMessage, services: PanelServices): Promise<void> {
  if (m.type === 'copyRelatedId') return services.copyText(m.id);
  return m.kind === 'instance' ? services.revealInstance(m.region, m.id) : services.revealImage(m.region, m.id);
}
