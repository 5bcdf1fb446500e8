/** Clean Up Images: rules (from the workspace file or typed), a dry-run table, one confirmed run, per-image results. */
import type { CleanupPlan, ImageDecision } from '../../src/shared/cleanup/engine';
import type { CleanupRules, TagMatch } from '../../src/shared/cleanup/rules';
import { CLEANUP_LIMITS, checkRuleSetName } from '../../src/shared/cleanup/rules';
import { plural } from '../../src/shared/plural';
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
    else view.result.failure('The request failed', r.error);
  },
});

const numberCheck = (max: number) => (v: string) =>
  /^\d+$/.test(v.trim()) && Number(v) <= max ? undefined : `A whole number from 0 to ${max} (0: off).`;

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
    if (eq <= 0) return `"${p}" is not key=value.`;
    tags.push({ key: p.slice(0, eq).trim(), value: p.slice(eq + 1).trim() });
  }
  if (tags.length > CLEANUP_LIMITS.maxTags) return `At most ${CLEANUP_LIMITS.maxTags} tags.`;
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
    label: 'Name pattern',
    value: start.images.namePattern,
    placeholder: 'web-server-*',
    helper: '* matches any run of characters, ? one character. Empty: all your images.',
    maxLength: CLEANUP_LIMITS.maxNamePattern,
    onChange,
  });
  const tags = textField({
    label: 'Tags',
    value: tagsText(start.images.tags),
    placeholder: 'team=web, env=dev*',
    helper: 'key=value pairs every selected image carries.',
    check: (v) => {
      const t = parseTags(v);
      return typeof t === 'string' ? t : undefined;
    },
    onChange,
  });
  const newest = textField({
    label: 'Keep the newest per family',
    value: String(start.keep.newestPerFamily),
    check: numberCheck(CLEANUP_LIMITS.maxNewestPerFamily),
    onChange,
  });
  const younger = textField({
    label: 'Keep those younger than (days)',
    value: String(start.keep.youngerThanDays),
    check: numberCheck(CLEANUP_LIMITS.maxDays),
    onChange,
  });
  const launched = textField({
    label: 'Keep those launched in the last (days)',
    value: String(start.keep.launchedWithinDays),
    check: numberCheck(CLEANUP_LIMITS.maxDays),
    onChange,
  });
  const inUse = h('vscode-checkbox', {
    label: 'Keep images in use (instances, launch templates, SSM parameters, Image Builder recipes)',
    checked: start.keep.inUse,
  });
  inUse.addEventListener('change', onChange);
  const setName = textField({
    label: 'Rule set name',
    value: saved?.ruleSetName ?? rulesFile.ruleSets[0]?.name ?? '',
    check: checkRuleSetName,
    maxLength: CLEANUP_LIMITS.maxRuleSetName,
    onChange,
  });
  const fileLine = h('div', { className: 'rules-file' });
  const table = h('div', { attrs: { id: 'dry-run' } });
  const confirm = h('vscode-checkbox', {
    label: 'I understand that deregistered images and deleted snapshots cannot be restored',
  });
  const runButton = h('vscode-button', { icon: 'trash', on: { click: () => run() } }, 'Deregister');
  const runSection = h('section', { hidden: true }, confirm, h('div', { className: 'actions-row' }, runButton));
  confirm.addEventListener('change', () => updateRun());
  const dryRunButton = h('vscode-button', { icon: 'beaker', on: { click: () => dryRun() } }, 'Dry Run');
  const saveButton = h(
    'vscode-button',
    { icon: 'save', secondary: true, on: { click: () => saveRules() } },
    'Save Rules',
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
      { attrs: { 'aria-label': 'Saved rule set' } },
      h('vscode-option', { value: '' }, 'Saved rule sets…'),
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
            ? `Shared rules: ${state.location} (${plural(state.ruleSets.length, 'rule set')})`
            : `Rules cannot be saved: ${state.location}.`),
      ),
      h(
        'vscode-button',
        { icon: 'refresh', secondary: true, on: { click: () => send({ type: 'reloadRules', requestId: '' }) } },
        'Reload',
      ),
    );
    saveButton.disabled = !state.writable;
  }

  function send(message: Exclude<CleanupToHost, { type: 'ready' }>): void {
    const requestId = requests.begin();
    if (!requestId) return;
    result.clear();
    progress.show('Working…');
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
    runButton.textContent = `Deregister ${plural(n, 'image')} and delete their snapshots`;
    runButton.disabled = busy || !confirm.checked || n === 0;
  }

  function showPlan(p: CleanupPlan, owned: number, id: string, differences?: string[]): void {
    plan = p;
    planId = id;
    confirm.checked = false;
    const removed = p.removeImageIds.length;
    setChildren(
      table,
      h('h2', {}, 'Dry run'),
      differences
        ? h(
            'div',
            { className: 'warning', attrs: { role: 'alert' } },
            h('strong', {}, 'Nothing was deleted: the outcome changed since the dry run. '),
            'Review the new dry run below.',
            h('ul', {}, ...differences.map((d) => h('li', {}, d))),
          )
        : null,
      p.useUnknown
        ? h(
            'div',
            { className: 'warning' },
            h('strong', {}, '"Keep in use" cannot be evaluated everywhere: '),
            p.useUnknown,
          )
        : null,
      h(
        'div',
        { className: 'totals', attrs: { role: 'status', id: 'dry-run-totals' } },
        `${plural(p.decisions.length, 'image')} matched of ${owned} you own: ${p.decisions.length - removed} kept, ${removed} removed; ${plural(p.deleteSnapshotIds.length, 'snapshot')} deleted, saving up to ${formatUsd(p.savingUsd)} a month.`,
      ),
      p.decisions.length === 0
        ? h('p', { className: 'muted' }, 'No image matches these rules.')
        : decisionTable(p.decisions),
      h(
        'p',
        { className: 'explain' },
        `Costs use ${formatUsd(data.pricePerGiBMonth)} per GiB-month and the full volume sizes (snapshots are incremental, so the real cost is usually lower). A snapshot another image still uses is kept.`,
      ),
    );
    updateRun();
  }

  function show(r: CleanupResult): void {
    progress.hide();
    if (r.kind === 'dryRun') showPlan(r.plan, r.ownedImages, r.planId);
    else if (r.kind === 'changed') showPlan(r.plan, r.ownedImages, r.planId, r.differences);
    else if (r.kind === 'cancelled')
      result.failure('Nothing was deleted', { message: 'The confirmation was dismissed.' });
    else if (r.kind === 'rules') {
      showRulesFile(r.rulesFile);
      if (r.savedName) result.success(`Saved "${r.savedName}" in ${r.rulesFile.location}`, [], []);
    } else showRun(r.items, r.savingUsd);
  }

  function showRun(items: CleanupItemResult[], savingUsd: number): void {
    plan = undefined;
    planId = undefined;
    updateRun();
    const failed = items.filter(
      (i) => !i.deregistered || i.keptSnapshots.some((k) => !k.reason.startsWith('kept: also used')),
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
            ? h('span', {}, icon('pass'), ' Deregistered')
            : h('span', { className: 'blocked' }, icon('error'), ` ${i.error?.message ?? 'Failed'}`),
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
          ...['Image', 'Result', 'Snapshots deleted', 'Snapshots kept'].map((t) =>
            h('th', { attrs: { scope: 'col' } }, t),
          ),
        ),
      ),
      h('tbody', {}, ...rows),
    );
    const title = `Deregistered ${items.filter((i) => i.deregistered).length} of ${plural(items.length, 'image')}, deleted ${plural(
      items.reduce((a, i) => a + i.deletedSnapshotIds.length, 0),
      'snapshot',
    )}: saves up to ${formatUsd(savingUsd)} a month`;
    if (failed === 0) result.success(title, [details], []);
    else {
      result.failure(title, { message: `${failed} of ${items.length} did not go as planned: see each image below.` });
      result.root.append(details);
    }
  }

  showRulesFile(rulesFile);
  setChildren(
    app,
    h('h1', {}, 'Clean Up Images'),
    h(
      'p',
      { className: 'subtitle' },
      `Your images in ${data.region}: a dry run shows what the rules keep and remove; nothing changes until you run it.`,
    ),
    fileLine,
    h('h2', {}, 'Which images'),
    h('div', { className: 'grid' }, pattern.root, tags.root),
    h('h2', {}, 'What to keep'),
    h('div', { className: 'grid' }, newest.root, younger.root, launched.root),
    inUse,
    h(
      'p',
      { className: 'explain' },
      'Images with deregistration protection, and pending ones, are always kept. Everything else the rules select and none keeps is removed, with the snapshots no other image uses.',
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
        ...['Image', 'Family', 'Decision', 'Why', 'Snapshots', 'Saves / month'].map((t) =>
          h('th', { attrs: { scope: 'col' } }, t),
        ),
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
          h('td', {}, h('span', { className: `badge ${d.action}` }, d.action === 'remove' ? 'Removed' : 'Kept')),
          h('td', {}, h('ul', { className: 'reasons' }, ...d.reasons.map((r) => h('li', {}, r)))),
          h(
            'td',
            {},
            ...(d.snapshots.length === 0
              ? [h('span', { className: 'muted' }, 'none')]
              : d.snapshots.map((s) =>
                  h(
                    'div',
                    { className: 'snap' },
                    h('code', {}, s.snapshotId),
                    ` · ${s.sizeGiB} GiB · ${formatUsd(s.monthlyCostUsd)}`,
                    !s.deleted && d.action === 'remove'
                      ? h('span', { className: 'muted' }, ` (kept: ${s.keptBecause ?? ''})`)
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
