/** The Allowed AMIs panel: the region's setting and criteria, a what-if preview, then apply with a confirmation. */
import type { AllowedCriterion, AllowedImagesState } from '../../src/shared/allowedImages';
import {
  ALLOWED_LIMITS,
  checkCriterion,
  checkCriterionName,
  checkProductCode,
  checkProvider,
} from '../../src/shared/allowedImages';
import { plural } from '../../src/shared/plural';
import type {
  AffectedItem,
  AllowedImagesInit,
  AllowedImagesParams,
  AllowedImagesToHost,
  AllowedImagesToWebview,
} from '../../src/shared/protocol/allowedImages';
import { BASE_CSS, adoptStyles, h, setChildren } from './lib/dom';
import { progressLine, resultBox, textField, type TextField } from './lib/fields';
import { HostChannel } from './lib/host';
import { startPanel } from './lib/panel';
import { refuseIfInvalid } from './lib/refuse';

adoptStyles(`${BASE_CSS}
.criterion { border: 1px solid var(--vscode-widget-border, var(--vscode-panel-border)); padding: 4px 12px 8px; margin: 8px 0; }
.criterion h3 { font-size: 1em; margin: 8px 0 0; display: flex; justify-content: space-between; align-items: center; }
.days { display: flex; gap: 16px; flex-wrap: wrap; }
.verdict-notAllowed { color: var(--vscode-errorForeground); }
.verdict-unknown { color: var(--vscode-editorWarning-foreground); }
ul.changes { margin: 4px 0; padding-left: 20px; }
`);

type SavedForm = { criteria: AllowedCriterion[]; state: AllowedImagesState };

const channel = new HostChannel<AllowedImagesToHost, AllowedImagesToWebview, SavedForm>();
const app = document.getElementById('app') as HTMLElement;
const requests = startPanel(channel, app, {
  init: (message) => build(message.data, channel.savedForm('allowedImages')),
  result(view, r) {
    if (!r.ok) view.result.failure('EC2 refused the change', r.error);
    else if (r.action === 'preview') view.showPreview(r.notAllowed, r.allowedCount, r.changes);
    else view.applied(r.state, r.criteria, r.changes);
  },
});

const STATE_LABELS: Record<AllowedImagesState, string> = {
  disabled: 'Disabled: every AMI is allowed',
  'audit-mode': 'Audit mode: every AMI is allowed, each is reported allowed or not',
  enabled: 'Enabled: only AMIs meeting the criteria (and your own) can be found and launched',
};

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
const each = (check: (v: string) => string | undefined) => (text: string) =>
  list(text)
    .map(check)
    .find((p) => p);
const dayCheck = (text: string) =>
  text.trim() === '' || (/^\d+$/.test(text.trim()) && Number(text) <= ALLOWED_LIMITS.maxDays)
    ? undefined
    : `Empty, or a whole number of days from 0 to ${ALLOWED_LIMITS.maxDays}.`;
const days = (text: string) => (text.trim() === '' ? undefined : Number(text.trim()));

interface CriterionEditor {
  root: HTMLElement;
  fields: TextField[];
  value(): AllowedCriterion;
}

function build(data: AllowedImagesInit, saved: SavedForm | undefined) {
  const readOnly = data.readOnlyReason !== undefined;
  const progress = progressLine();
  const result = resultBox();
  const preview = h('section', { attrs: { 'aria-label': 'What-if' } });
  const container = h('div');
  let editors: CriterionEditor[] = [];
  let current = { state: data.state, criteria: data.criteria };

  const state = h(
    'vscode-single-select',
    { disabled: readOnly, attrs: { 'aria-label': 'Setting after applying' } },
    ...(Object.keys(STATE_LABELS) as AllowedImagesState[]).map((s) =>
      h('vscode-option', { value: s, selected: s === (saved?.state ?? data.state) }, STATE_LABELS[s]),
    ),
  );
  state.addEventListener('change', () => edited());

  function criterionEditor(c: AllowedCriterion, index: number): CriterionEditor {
    const field = (label: string, value: string, check: (v: string) => string | undefined, helper: string) =>
      textField({ label, value, check, helper, onChange: () => edited() });
    const providers = field(
      'Providers',
      c.imageProviders.join(', '),
      each(checkProvider),
      'amazon, aws-marketplace, aws-backup-vault, 12-digit account ids, or none (your own AMIs only); comma-separated',
    );
    const names = field(
      'Names',
      c.imageNames.join(', '),
      each(checkCriterionName),
      'Patterns with * and ?, e.g. al2023-ami-*',
    );
    const codes = field(
      'Marketplace product codes',
      c.marketplaceProductCodes.join(', '),
      each(checkProductCode),
      '1-25 letters and digits each',
    );
    const created = field(
      'At most N days since creation',
      c.maximumDaysSinceCreated?.toString() ?? '',
      dayCheck,
      'Empty: no age limit',
    );
    const deprecated = field(
      'At most N days since deprecation',
      c.maximumDaysSinceDeprecated?.toString() ?? '',
      dayCheck,
      '0 excludes every deprecated AMI; empty: no limit',
    );
    const fields = [providers, names, codes, created, deprecated];
    for (const f of fields) f.input.disabled = readOnly;
    const remove = h(
      'vscode-button',
      { secondary: true, icon: 'trash', disabled: readOnly, on: { click: () => removeCriterion(index) } },
      'Remove',
    );
    const root = h(
      'div',
      { className: 'criterion', attrs: { role: 'group', 'aria-label': `Criterion ${index + 1}` } },
      h('h3', {}, `Criterion ${index + 1} — an AMI meeting every condition set here is allowed`, remove),
      providers.root,
      names.root,
      codes.root,
      h('div', { className: 'days' }, created.root, deprecated.root),
    );
    return {
      root,
      fields,
      value: () => ({
        imageProviders: list(providers.value),
        imageNames: list(names.value),
        marketplaceProductCodes: list(codes.value),
        maximumDaysSinceCreated: days(created.value),
        maximumDaysSinceDeprecated: days(deprecated.value),
      }),
    };
  }

  function render(criteria: AllowedCriterion[]): void {
    editors = criteria.map(criterionEditor);
    setChildren(
      container,
      ...(editors.length > 0
        ? editors.map((e) => e.root)
        : [h('p', { className: 'muted' }, 'No criteria: only your own AMIs meet them.')]),
    );
    add.disabled = readOnly || editors.length >= ALLOWED_LIMITS.criteria;
  }

  function removeCriterion(index: number): void {
    const values = editors.map((e) => e.value());
    values.splice(index, 1);
    render(values);
    edited();
  }

  const add = h(
    'vscode-button',
    {
      secondary: true,
      icon: 'add',
      on: {
        click: () => {
          render([
            ...editors.map((e) => e.value()),
            { imageProviders: [], imageNames: [], marketplaceProductCodes: [] },
          ]);
          edited();
        },
      },
    },
    'Add criterion',
  );

  const confirm = h('vscode-checkbox', { label: 'Apply exactly these changes', disabled: true });
  confirm.addEventListener('change', () => (apply.disabled = !confirm.checked || requests.busy));
  const previewButton = h('vscode-button', { icon: 'eye', on: { click: () => send('preview') } }, 'Preview');
  const apply = h('vscode-button', { icon: 'check', disabled: true, on: { click: () => send('apply') } }, 'Apply…');
  const changes = h('div', { className: 'note', hidden: true, attrs: { id: 'changes' } });

  function values(): SavedForm {
    return { criteria: editors.map((e) => e.value()), state: state.value as AllowedImagesState };
  }

  /** Any edit invalidates the last preview: only a previewed change can be applied. */
  function edited(): void {
    confirm.checked = false;
    confirm.disabled = true;
    apply.disabled = true;
    changes.hidden = true;
    setChildren(preview);
    channel.save({ args: { kind: 'allowedImages', region: data.region }, form: values() });
  }

  function send(action: AllowedImagesParams['action']): void {
    const problems = editors.flatMap((e) => e.fields.map((f) => f.validate()));
    if (refuseIfInvalid(problems)) return;
    const form = values();
    const invalid = form.criteria.map(checkCriterion).find((p) => p);
    if (invalid) {
      result.failure('Not sent', { message: invalid });
      return;
    }
    if (action === 'apply' && !confirm.checked) return;
    const requestId = requests.begin();
    if (!requestId) return;
    result.clear();
    previewButton.disabled = apply.disabled = true;
    progress.show(action === 'preview' ? 'Computing the what-if…' : 'Applying…');
    channel.post({
      type: 'submit',
      requestId,
      params: { action, criteria: form.criteria.map(toJson), state: form.state, confirmed: confirm.checked },
    });
  }

  function showPreview(items: AffectedItem[], allowedCount: number, lines: string[]): void {
    const rows = items.map((i) =>
      h(
        'tr',
        {},
        h('td', {}, i.kind === 'image' ? 'AMI' : 'Instance'),
        h('td', { className: 'mono' }, i.id),
        h('td', {}, i.name ?? '', i.imageId ? h('div', { className: 'muted' }, i.imageId) : null),
        h('td', {}, i.owner ?? ''),
        h('td', { className: `verdict-${i.before}` }, verdictText(i.before)),
        h('td', { className: `verdict-${i.after}` }, verdictText(i.after)),
        h(
          'td',
          {},
          h(
            'vscode-button',
            {
              secondary: true,
              icon: 'list-tree',
              attrs: { 'aria-label': `Reveal ${i.id} in the tree` },
              on: { click: () => channel.post({ type: 'revealInTree', id: i.id }) },
            },
            'Reveal',
          ),
        ),
      ),
    );
    setChildren(
      preview,
      h('h2', {}, 'What-if'),
      h(
        'p',
        { attrs: { role: 'status', id: 'what-if-summary' } },
        `${plural(items.length, 'loaded image or instance', 'loaded images or instances')} would not be allowed; ${allowedCount} would.`,
      ),
      items.length === 0
        ? h('p', { className: 'muted' }, 'Every loaded image and every instance stays allowed.')
        : h(
            'table',
            {},
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ...['', 'Id', 'Name / AMI', 'Owner', 'Now', 'After', ''].map((t) =>
                  h('th', { attrs: { scope: 'col' } }, t),
                ),
              ),
            ),
            h('tbody', {}, ...rows),
          ),
    );
    setChildren(
      changes,
      h('strong', {}, 'Applying will:'),
      h('ul', { className: 'changes' }, ...lines.map((l) => h('li', {}, l))),
    );
    changes.hidden = false;
    confirm.disabled = readOnly;
  }

  function applied(s: AllowedImagesState, criteria: AllowedCriterion[], lines: string[]): void {
    current = { state: s, criteria };
    result.success('Applied', [h('ul', { className: 'changes' }, ...lines.map((l) => h('li', {}, l)))], []);
    confirm.checked = false;
    confirm.disabled = true;
    status.textContent = statusText();
  }

  const statusText = () =>
    `Now: ${STATE_LABELS[current.state]} · ${plural(current.criteria.length, 'criterion', 'criteria')} · managed by ${data.managedBy === 'declarative-policy' ? 'a declarative policy' : 'this account'}`;
  const status = h('p', { className: 'subtitle', attrs: { id: 'allowed-status' } }, statusText());

  render(saved?.criteria ?? data.criteria);
  setChildren(
    app,
    h('h1', {}, 'Allowed AMIs'),
    h('p', { className: 'subtitle' }, data.region),
    status,
    data.readOnlyReason ? h('div', { className: 'warning', attrs: { id: 'read-only' } }, data.readOnlyReason) : null,
    data.unsupportedConditions.length > 0
      ? h(
          'div',
          { className: 'warning' },
          `EC2 returned conditions this panel does not evaluate (${data.unsupportedConditions.join(', ')}): the what-if ignores them, and applying replaces them.`,
        )
      : null,
    h(
      'p',
      { className: 'explain' },
      `An AMI is allowed when it meets any criterion; it meets a criterion when it meets every condition the criterion sets. Your own AMIs are always allowed. The what-if covers the ${plural(data.imageCount, 'image')} loaded in the tree and ${plural(data.instanceCount, 'instance')}; "unknown": only EC2 knows whether the owner is a verified provider (provider amazon).`,
    ),
    data.instancesError
      ? h('div', { className: 'warning' }, `Instances are not covered: ${data.instancesError.message}`)
      : null,
    h('h2', {}, 'Criteria'),
    container,
    add,
    h('h2', {}, 'Setting'),
    state,
    h('div', { className: 'actions-row' }, previewButton),
    progress.root,
    preview,
    changes,
    confirm,
    h('div', { className: 'actions-row' }, apply),
    result.root,
  );
  return {
    progress,
    result,
    idle() {
      progress.hide();
      previewButton.disabled = false;
      apply.disabled = !confirm.checked;
    },
    showPreview,
    applied,
  };
}

function verdictText(v: AffectedItem['before']): string {
  return v === 'allowed' ? 'allowed' : v === 'notAllowed' ? 'not allowed' : 'unknown';
}

/** JSON has no undefined: absent days travel as null (the host's reader expects every key). */
function toJson(c: AllowedCriterion): AllowedCriterion {
  return {
    ...c,
    maximumDaysSinceCreated: c.maximumDaysSinceCreated ?? null,
    maximumDaysSinceDeprecated: c.maximumDaysSinceDeprecated ?? null,
  } as unknown as AllowedCriterion;
}
