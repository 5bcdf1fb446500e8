/** Clean Up Images: rules (from the workspace file or typed), a dry-run table, one confirmed run, per-image results. */
import * as l10n from '@vscode/l10n';
import type { CleanupPlan, ImageDecision } from '../../src/shared/cleanup/engine';
import type { CleanupRules, TagMatch } from '../../src/shared/cleanup/rules';
import { CLEANUP_LIMITS, checkRuleSetName } from '../../src/shared/cleanup/rules';
import { counted } from '../../src/shared/plural';
import { formatUsd } from '../../src/shared/pricing';
import type {
  CleanupInit,
  CleanupItemResult,
  CleanupResult,
  CleanupToHost,
  CleanupToWebview,
  RulesFileState,
} from '../../src/shared/protocol/cleanup';
import { BASE_CSS, adoptStyles, h, icon, setChildren } from './lib/dom';
import { progressLine, resultBox, textField } from './lib/fields';
import { HostChannel } from './lib/host';
import { startPanel } from './lib/panel';

adoptStyles(`${BASE_CSS}
.grid { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 0 16px; }
.badge { display: inline-block; padding: 0 6px; border-radius: 2px; font-size: 0.9em; white-space: nowrap; }
.badge.remove { background: var(--vscode-inputValidation-errorBackground, transparent); border: 1px solid var(--vscode-errorForeground); }
.badge.keep { border: 1px solid var(--vscode-widget-border, var(--vscode-panel-border)); }
.totals { margin: 8px 0; font-weight: 600; }
.reasons { margin: 0; padding-left: 16px; }
.snap { white-space: nowrap; }
.blocked { color: var(--vscode-errorForeground); }
.rules-file { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
`);

type SavedForm = { rules: CleanupRules; ruleSetName: string };

const channel = new HostChannel<CleanupToHost, CleanupToWebview, SavedForm>();
const app = document.getElementById('app') as HTMLElement;
const requests = startPanel(channel, app, {
  init: (message) => build(message.data, channel.savedForm('cleanup')),
  result(view, r) {
    if (r.ok) view.show(r);
    else view.result.failure(l10n.t('The request failed'), r.error);
  },
});

const numberCheck = (max: number) => (v: string) =>
  /^\d+$/.test(v.trim()) && Number(v) <= max ? undefined : l10n.t('A whole number from 0 to {0} (0: off).', max);

const imageCount = (n: number) => counted(n, l10n.t('{0} image'), l10n.t('{0} images'));
const snapshotCount = (n: number) => counted(n, l10n.t('{0} snapshot'), l10n.t('{0} snapshots'));

function tagsText(tags: TagMatch[]): string {
  return tags.map((t) => `${t.key}=${t.value}`).join(', ');
}

function parseTags(text: string): TagMatch[] | string {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const tags: TagMatch[] = [];
  for (const p of parts) {
    const eq = p.indexOf('=');
    if (eq <= 0) return l10n.t('"{0}" is not key=value.', p);
    tags.push({ key: p.slice(0, eq).trim(), value: p.slice(eq + 1).trim() });
  }
  if (tags.length > CLEANUP_LIMITS.maxTags) return l10n.t('At most {0} tags.', CLEANUP_LIMITS.maxTags);
  return tags;
}

function build(data: CleanupInit, saved: SavedForm | undefined) {
  let rulesFile = data.rulesFile;
  let planId: string | undefined;
  let plan: CleanupPlan | undefined;
  const start = saved?.rules ?? rulesFile.ruleSets[0] ?? data.defaults;
  const progress = progressLine();
  const result = resultBox();
  const onChange = () => {
    channel.save({
      args: { kind: 'cleanup', region: data.region },
      form: { rules: values() ?? start, ruleSetName: setName.value },
    });
  };
  const pattern = textField({
    label: l10n.t('Name pattern'),
    value: start.images.namePattern,
    placeholder: l10n.t({ message: 'web-server-*', comment: ['an example AMI name pattern'] }),
    helper: l10n.t('* matches any run of characters, ? one character. Empty: all your images.'),
    maxLength: CLEANUP_LIMITS.maxNamePattern,
    onChange,
  });
  const tags = textField({
    label: l10n.t('Tags'),
    value: tagsText(start.images.tags),
    placeholder: l10n.t({ message: 'team=web, env=dev*', comment: ['example tags, key=value, comma-separated'] }),
    helper: l10n.t('key=value pairs every selected image carries.'),
    check: (v) => {
      const t = parseTags(v);
      return typeof t === 'string' ? t : undefined;
    },
    onChange,
  });
  const newest = textField({
    label: l10n.t('Keep the newest per family'),
    value: String(start.keep.newestPerFamily),
    check: numberCheck(CLEANUP_LIMITS.maxNewestPerFamily),
    onChange,
  });
  const younger = textField({
    label: l10n.t('Keep those younger than (days)'),
    value: String(start.keep.youngerThanDays),
    check: numberCheck(CLEANUP_LIMITS.maxDays),
    onChange,
  });
  const launched = textField({
    label: l10n.t('Keep those launched in the last (days)'),
    value: String(start.keep.launchedWithinDays),
    check: numberCheck(CLEANUP_LIMITS.maxDays),
    onChange,
  });
  const inUse = h('vscode-checkbox', {
    label: l10n.t('Keep images in use (instances, launch templates, SSM parameters, Image Builder recipes)'),
    checked: start.keep.inUse,
  });
  inUse.addEventListener('change', onChange);
  const setName = textField({
    label: l10n.t('Rule set name'),
    value: saved?.ruleSetName ?? rulesFile.ruleSets[0]?.name ?? '',
    check: checkRuleSetName,
    maxLength: CLEANUP_LIMITS.maxRuleSetName,
    onChange,
  });
  const fileLine = h('div', { className: 'rules-file' });
  const table = h('div', { attrs: { id: 'dry-run' } });
  const confirm = h('vscode-checkbox', {
    label: l10n.t('I understand that deregistered images and deleted snapshots cannot be restored'),
  });
  const runButton = h('vscode-button', { icon: 'trash', on: { click: () => run() } }, l10n.t('Deregister'));
  const runSection = h('section', { hidden: true }, confirm, h('div', { className: 'actions-row' }, runButton));
  confirm.addEventListener('change', () => updateRun());
  const dryRunButton = h('vscode-button', { icon: 'beaker', on: { click: () => dryRun() } }, l10n.t('Dry Run'));
  const saveButton = h(
    'vscode-button',
    { icon: 'save', secondary: true, on: { click: () => saveRules() } },
    l10n.t('Save Rules'),
  );
  const fields = [pattern, tags, newest, younger, launched];

  function values(): CleanupRules | undefined {
    const t = parseTags(tags.value);
    if (fields.some((f) => f.validate() !== undefined) || typeof t === 'string') return undefined;
    return {
      images: { namePattern: pattern.value, tags: t },
      keep: {
        newestPerFamily: Number(newest.value),
        youngerThanDays: Number(younger.value),
        launchedWithinDays: Number(launched.value),
        inUse: inUse.checked,
      },
    };
  }

  function fill(rules: CleanupRules): void {
    pattern.value = rules.images.namePattern;
    tags.value = tagsText(rules.images.tags);
    newest.value = String(rules.keep.newestPerFamily);
    younger.value = String(rules.keep.youngerThanDays);
    launched.value = String(rules.keep.launchedWithinDays);
    inUse.checked = rules.keep.inUse;
    onChange();
  }

  function showRulesFile(state: RulesFileState): void {
    rulesFile = state;
    const select = h(
      'vscode-single-select',
      { attrs: { 'aria-label': l10n.t('Saved rule set') } },
      h('vscode-option', { value: '' }, l10n.t('Saved rule sets…')),
      ...state.ruleSets.map((s) => h('vscode-option', { value: s.name }, s.name)),
    );
    select.addEventListener('change', () => {
      const set = rulesFile.ruleSets.find((s) => s.name === select.value);
      if (set) {
        setName.value = set.name;
        fill(set);
      }
    });
    setChildren(
      fileLine,
      state.ruleSets.length > 0 ? select : null,
      h(
        'span',
        { className: state.error ? 'blocked' : 'muted' },
        state.error ??
          (state.writable
            ? l10n.t(
                'Shared rules: {0} ({1})',
                state.location,
                counted(state.ruleSets.length, l10n.t('{0} rule set'), l10n.t('{0} rule sets')),
              )
            : l10n.t('Rules cannot be saved: {0}.', state.location)),
      ),
      h(
        'vscode-button',
        { icon: 'refresh', secondary: true, on: { click: () => send({ type: 'reloadRules', requestId: '' }) } },
        l10n.t('Reload'),
      ),
    );
    saveButton.disabled = !state.writable;
  }

  function send(message: Exclude<CleanupToHost, { type: 'ready' }>): void {
    const requestId = requests.begin();
    if (!requestId) return;
    result.clear();
    progress.show(l10n.t('Working…'));
    setBusy(true);
    channel.post({ ...message, requestId });
  }

  function dryRun(): void {
    const rules = values();
    if (rules) send({ type: 'dryRun', requestId: '', rules });
  }

  function saveRules(): void {
    const rules = values();
    if (rules && setName.validate() === undefined)
      send({ type: 'saveRules', requestId: '', name: setName.value, rules });
  }

  function run(): void {
    if (planId && confirm.checked) send({ type: 'submit', requestId: '', params: { planId, confirmed: true } });
  }

  function setBusy(busy: boolean): void {
    for (const b of [dryRunButton, saveButton]) b.disabled = busy;
    if (!busy) saveButton.disabled = !rulesFile.writable;
    updateRun(busy);
  }

  function updateRun(busy = requests.busy): void {
    const n = plan?.removeImageIds.length ?? 0;
    runSection.hidden = !plan || n === 0;
    runButton.textContent = l10n.t('Deregister {0} and delete their snapshots', imageCount(n));
    runButton.disabled = busy || !confirm.checked || n === 0;
  }

  function showPlan(p: CleanupPlan, owned: number, id: string, differences?: string[]): void {
    plan = p;
    planId = id;
    confirm.checked = false;
    const removed = p.removeImageIds.length;
    setChildren(
      table,
      h('h2', {}, l10n.t('Dry run')),
      differences
        ? h(
            'div',
            { className: 'warning', attrs: { role: 'alert' } },
            h('strong', {}, `${l10n.t('Nothing was deleted: the outcome changed since the dry run.')} `),
            l10n.t('Review the new dry run below.'),
            h('ul', {}, ...differences.map((d) => h('li', {}, d))),
          )
        : null,
      p.useUnknown
        ? h(
            'div',
            { className: 'warning' },
            h('strong', {}, `${l10n.t('"Keep in use" cannot be evaluated everywhere:')} `),
            p.useUnknown,
          )
        : null,
      h(
        'div',
        { className: 'totals', attrs: { role: 'status', id: 'dry-run-totals' } },
        l10n.t(
          '{0} matched of {1} you own: {2} kept, {3} removed; {4} deleted, saving up to {5} a month.',
          imageCount(p.decisions.length),
          owned,
          p.decisions.length - removed,
          removed,
          snapshotCount(p.deleteSnapshotIds.length),
          formatUsd(p.savingUsd),
        ),
      ),
      p.decisions.length === 0
        ? h('p', { className: 'muted' }, l10n.t('No image matches these rules.'))
        : decisionTable(p.decisions),
      h(
        'p',
        { className: 'explain' },
        l10n.t(
          'Costs use {0} per GiB-month and the full volume sizes (snapshots are incremental, so the real cost is usually lower). A snapshot another image still uses is kept.',
          formatUsd(data.pricePerGiBMonth),
        ),
      ),
    );
    updateRun();
  }

  function show(r: CleanupResult): void {
    progress.hide();
    if (r.kind === 'dryRun') showPlan(r.plan, r.ownedImages, r.planId);
    else if (r.kind === 'changed') showPlan(r.plan, r.ownedImages, r.planId, r.differences);
    else if (r.kind === 'cancelled')
      result.failure(l10n.t('Nothing was deleted'), { message: l10n.t('The confirmation was dismissed.') });
    else if (r.kind === 'rules') {
      showRulesFile(r.rulesFile);
      if (r.savedName) result.success(l10n.t('Saved "{0}" in {1}', r.savedName, r.rulesFile.location), [], []);
    } else showRun(r.items, r.savingUsd);
  }

  function showRun(items: CleanupItemResult[], savingUsd: number): void {
    const ran = plan;
    plan = undefined;
    planId = undefined;
    updateRun();
    // A snapshot the dry run kept because an image that stays uses it went as planned. Told from the
    // plan (kept there, and deleted with no other image), not from the reason's words, which are translated.
    const deletedInPlan = new Set(
      ran?.decisions.flatMap((d) => d.snapshots.filter((s) => s.deleted).map((s) => s.snapshotId)),
    );
    const keptAsPlanned = (imageId: string, snapshotId: string) =>
      !deletedInPlan.has(snapshotId) &&
      (ran?.decisions
        .find((d) => d.imageId === imageId)
        ?.snapshots.some((s) => s.snapshotId === snapshotId && !s.deleted) ??
        false);
    const failed = items.filter(
      (i) => !i.deregistered || i.keptSnapshots.some((k) => !keptAsPlanned(i.imageId, k.snapshotId)),
    ).length;
    const rows = items.map((i) =>
      h(
        'tr',
        {},
        h('td', {}, h('code', {}, i.imageId)),
        h(
          'td',
          {},
          i.deregistered
            ? h('span', {}, icon('pass'), ` ${l10n.t('Deregistered')}`)
            : h('span', { className: 'blocked' }, icon('error'), ` ${i.error?.message ?? l10n.t('Failed')}`),
        ),
        h('td', {}, ...i.deletedSnapshotIds.map((s) => h('div', {}, h('code', {}, s)))),
        h('td', {}, ...i.keptSnapshots.map((k) => h('div', {}, h('code', {}, k.snapshotId), ` — ${k.reason}`))),
      ),
    );
    const details = h(
      'table',
      { attrs: { id: 'run-results' } },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...[l10n.t('Image'), l10n.t('Result'), l10n.t('Snapshots deleted'), l10n.t('Snapshots kept')].map((t) =>
            h('th', { attrs: { scope: 'col' } }, t),
          ),
        ),
      ),
      h('tbody', {}, ...rows),
    );
    const title = l10n.t(
      'Deregistered {0} of {1}, deleted {2}: saves up to {3} a month',
      items.filter((i) => i.deregistered).length,
      imageCount(items.length),
      snapshotCount(items.reduce((a, i) => a + i.deletedSnapshotIds.length, 0)),
      formatUsd(savingUsd),
    );
    if (failed === 0) result.success(title, [details], []);
    else {
      result.failure(title, {
        message: l10n.t('{0} of {1} did not go as planned: see each image below.', failed, items.length),
      });
      result.root.append(details);
    }
  }

  showRulesFile(rulesFile);
  setChildren(
    app,
    h('h1', {}, l10n.t('Clean Up Images')),
    h(
      'p',
      { className: 'subtitle' },
      l10n.t(
        'Your images in {0}: a dry run shows what the rules keep and remove; nothing changes until you run it.',
        data.region,
      ),
    ),
    fileLine,
    h('h2', {}, l10n.t('Which images')),
    h('div', { className: 'grid' }, pattern.root, tags.root),
    h('h2', {}, l10n.t('What to keep')),
    h('div', { className: 'grid' }, newest.root, younger.root, launched.root),
    inUse,
    h(
      'p',
      { className: 'explain' },
      l10n.t(
        'Images with deregistration protection, and pending ones, are always kept. Everything else the rules select and none keeps is removed, with the snapshots no other image uses.',
      ),
    ),
    h('div', { className: 'grid' }, setName.root),
    h('div', { className: 'actions-row' }, dryRunButton, saveButton),
    progress.root,
    result.root,
    table,
    runSection,
  );
  onChange();
  return { progress, result, idle: () => setBusy(false), show };
}

function decisionTable(decisions: ImageDecision[]): HTMLElement {
  return h(
    'table',
    {},
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...[
          l10n.t('Image'),
          l10n.t('Family'),
          l10n.t('Decision'),
          l10n.t('Why'),
          l10n.t('Snapshots'),
          l10n.t('Saves / month'),
        ].map((t) => h('th', { attrs: { scope: 'col' } }, t)),
      ),
    ),
    h(
      'tbody',
      {},
      ...decisions.map((d) =>
        h(
          'tr',
          { attrs: { 'data-image-id': d.imageId, 'data-action': d.action } },
          h('td', {}, h('div', {}, d.name ?? ''), h('code', { className: 'muted' }, d.imageId)),
          h('td', { className: 'muted' }, d.family),
          h(
            'td',
            {},
            h('span', { className: `badge ${d.action}` }, d.action === 'remove' ? l10n.t('Removed') : l10n.t('Kept')),
          ),
          h('td', {}, h('ul', { className: 'reasons' }, ...d.reasons.map((r) => h('li', {}, r)))),
          h(
            'td',
            {},
            ...(d.snapshots.length === 0
              ? [h('span', { className: 'muted' }, l10n.t({ message: 'none', comment: ['no snapshots'] }))]
              : d.snapshots.map((s) =>
                  h(
                    'div',
                    { className: 'snap' },
                    h('code', {}, s.snapshotId),
                    ` · ${l10n.t('{0} GiB', s.sizeGiB)} · ${formatUsd(s.monthlyCostUsd)}`,
                    !s.deleted && d.action === 'remove'
                      ? h('span', { className: 'muted' }, ` ${l10n.t('(kept: {0})', s.keptBecause ?? '')}`)
                      : null,
                  ),
                )),
          ),
          h('td', { className: 'num' }, d.action === 'remove' ? formatUsd(d.savingUsd) : ''),
        ),
      ),
    ),
  );
}
