/** The Allowed AMIs panel: the region's setting and criteria, a what-if preview, then apply with a confirmation. */
import * as l10n from '@vscode/l10n';
import type { AllowedCriterion, AllowedImagesState } from '../../src/shared/allowedImages';
import {
  ALLOWED_LIMITS,
  checkCriterion,
  checkCriterionName,
  checkProductCode,
  checkProvider,
} from '../../src/shared/allowedImages';
import { counted } from '../../src/shared/plural';
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
    if (!r.ok) view.result.failure(l10n.t('EC2 refused the change'), r.error);
    else if (r.action === 'preview') view.showPreview(r.notAllowed, r.allowedCount, r.changes);
    else view.applied(r.state, r.criteria, r.changes);
  },
});

/** The settings in EC2's order, each with its label (a function: translations load after this module runs). */
const STATE_LABELS: Record<AllowedImagesState, () => string> = {
  disabled: () => l10n.t('Disabled: every AMI is allowed'),
  'audit-mode': () => l10n.t('Audit mode: every AMI is allowed, each is reported allowed or not'),
  enabled: () => l10n.t('Enabled: only AMIs meeting the criteria (and your own) can be found and launched'),
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
    : l10n.t('Empty, or a whole number of days from 0 to {0}.', ALLOWED_LIMITS.maxDays);
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
  const preview = h('section', { attrs: { 'aria-label': l10n.t('What-if') } });
  const container = h('div');
  let editors: CriterionEditor[] = [];
  let current = { state: data.state, criteria: data.criteria };

  const state = h(
    'vscode-single-select',
    { disabled: readOnly, attrs: { 'aria-label': l10n.t('Setting after applying') } },
    ...(Object.keys(STATE_LABELS) as AllowedImagesState[]).map((s) =>
      h('vscode-option', { value: s, selected: s === (saved?.state ?? data.state) }, STATE_LABELS[s]()),
    ),
  );
  state.addEventListener('change', () => edited());

  function criterionEditor(c: AllowedCriterion, index: number): CriterionEditor {
    const field = (label: string, value: string, check: (v: string) => string | undefined, helper: string) =>
      textField({ label, value, check, helper, onChange: () => edited() });
    const providers = field(
      l10n.t('Providers'),
      c.imageProviders.join(', '),
      each(checkProvider),
      l10n.t({
        message: '{0}, {1}, {2}, 12-digit account ids, or {3} (your own AMIs only); comma-separated',
        args: ['amazon', 'aws-marketplace', 'aws-backup-vault', 'none'],
        comment: ['{0} to {3} are the values EC2 accepts as image providers, typed as they are'],
      }),
    );
    const names = field(
      l10n.t({ message: 'Names', comment: ['the AMI name patterns of an Allowed AMIs criterion'] }),
      c.imageNames.join(', '),
      each(checkCriterionName),
      l10n.t('Patterns with * and ?, e.g. {0}', 'al2023-ami-*'),
    );
    const codes = field(
      l10n.t('Marketplace product codes'),
      c.marketplaceProductCodes.join(', '),
      each(checkProductCode),
      l10n.t('1-25 letters and digits each'),
    );
    const created = field(
      l10n.t('At most N days since creation'),
      c.maximumDaysSinceCreated?.toString() ?? '',
      dayCheck,
      l10n.t('Empty: no age limit'),
    );
    const deprecated = field(
      l10n.t('At most N days since deprecation'),
      c.maximumDaysSinceDeprecated?.toString() ?? '',
      dayCheck,
      l10n.t('0 excludes every deprecated AMI; empty: no limit'),
    );
    const fields = [providers, names, codes, created, deprecated];
    for (const f of fields) f.input.disabled = readOnly;
    const remove = h(
      'vscode-button',
      { secondary: true, icon: 'trash', disabled: readOnly, on: { click: () => removeCriterion(index) } },
      l10n.t('Remove'),
    );
    const root = h(
      'div',
      { className: 'criterion', attrs: { role: 'group', 'aria-label': l10n.t('Criterion {0}', index + 1) } },
      h('h3', {}, l10n.t('Criterion {0} — an AMI meeting every condition set here is allowed', index + 1), remove),
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
        : [h('p', { className: 'muted' }, l10n.t('No criteria: only your own AMIs meet them.'))]),
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
    l10n.t('Add criterion'),
  );

  const confirm = h('vscode-checkbox', { label: l10n.t('Apply exactly these changes'), disabled: true });
  confirm.addEventListener('change', () => (apply.disabled = !confirm.checked || requests.busy));
  const previewButton = h('vscode-button', { icon: 'eye', on: { click: () => send('preview') } }, l10n.t('Preview'));
  const apply = h(
    'vscode-button',
    { icon: 'check', disabled: true, on: { click: () => send('apply') } },
    l10n.t('Apply…'),
  );
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
      result.failure(l10n.t('Not sent'), { message: invalid });
      return;
    }
    if (action === 'apply' && !confirm.checked) return;
    const requestId = requests.begin();
    if (!requestId) return;
    result.clear();
    previewButton.disabled = apply.disabled = true;
    progress.show(action === 'preview' ? l10n.t('Computing the what-if…') : l10n.t('Applying…'));
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
        h('td', {}, i.kind === 'image' ? l10n.t('AMI') : l10n.t('Instance')),
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
              attrs: { 'aria-label': l10n.t('Reveal {0} in the tree', i.id) },
              on: { click: () => channel.post({ type: 'revealInTree', id: i.id }) },
            },
            l10n.t('Reveal'),
          ),
        ),
      ),
    );
    setChildren(
      preview,
      h('h2', {}, l10n.t('What-if')),
      h(
        'p',
        { attrs: { role: 'status', id: 'what-if-summary' } },
        // Named: counted() fills {0}, the count.
        counted(
          items.length,
          l10n.t('{0} loaded image or instance would not be allowed; {allowed} would.', { allowed: allowedCount }),
          l10n.t('{0} loaded images or instances would not be allowed; {allowed} would.', { allowed: allowedCount }),
        ),
      ),
      items.length === 0
        ? h('p', { className: 'muted' }, l10n.t('Every loaded image and every instance stays allowed.'))
        : h(
            'table',
            {},
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ...[
                  '',
                  l10n.t('Id'),
                  l10n.t('Name / AMI'),
                  l10n.t('Owner'),
                  l10n.t({ message: 'Now', comment: ['whether it is allowed now'] }),
                  l10n.t({ message: 'After', comment: ['whether it is allowed after applying'] }),
                  '',
                ].map((t) => h('th', { attrs: { scope: 'col' } }, t)),
              ),
            ),
            h('tbody', {}, ...rows),
          ),
    );
    setChildren(
      changes,
      h('strong', {}, l10n.t('Applying will:')),
      h('ul', { className: 'changes' }, ...lines.map((l) => h('li', {}, l))),
    );
    changes.hidden = false;
    confirm.disabled = readOnly;
  }

  function applied(s: AllowedImagesState, criteria: AllowedCriterion[], lines: string[]): void {
    current = { state: s, criteria };
    result.success(l10n.t('Applied'), [h('ul', { className: 'changes' }, ...lines.map((l) => h('li', {}, l)))], []);
    confirm.checked = false;
    confirm.disabled = true;
    status.textContent = statusText();
  }

  const statusText = () => {
    const criteria = counted(current.criteria.length, l10n.t('{0} criterion'), l10n.t('{0} criteria'));
    return data.managedBy === 'declarative-policy'
      ? l10n.t('Now: {0} · {1} · managed by a declarative policy', STATE_LABELS[current.state](), criteria)
      : l10n.t('Now: {0} · {1} · managed by this account', STATE_LABELS[current.state](), criteria);
  };
  const status = h('p', { className: 'subtitle', attrs: { id: 'allowed-status' } }, statusText());

  render(saved?.criteria ?? data.criteria);
  setChildren(
    app,
    h('h1', {}, l10n.t('Allowed AMIs')),
    h('p', { className: 'subtitle' }, data.region),
    status,
    data.readOnlyReason ? h('div', { className: 'warning', attrs: { id: 'read-only' } }, data.readOnlyReason) : null,
    data.unsupportedConditions.length > 0
      ? h(
          'div',
          { className: 'warning' },
          l10n.t(
            'EC2 returned conditions this panel does not evaluate ({0}): the what-if ignores them, and applying replaces them.',
            data.unsupportedConditions.join(', '),
          ),
        )
      : null,
    h(
      'p',
      { className: 'explain' },
      l10n.t({
        message:
          'An AMI is allowed when it meets any criterion; it meets a criterion when it meets every condition the criterion sets. Your own AMIs are always allowed. The what-if covers the {0} loaded in the tree and {1}; "unknown": only EC2 knows whether the owner is a verified provider (provider amazon).',
        args: [
          counted(data.imageCount, l10n.t('{0} image'), l10n.t('{0} images')),
          counted(data.instanceCount, l10n.t('{0} instance'), l10n.t('{0} instances')),
        ],
        comment: ['"unknown" is the verdict shown in the what-if table; "provider amazon" is an EC2 value'],
      }),
    ),
    data.instancesError
      ? h('div', { className: 'warning' }, l10n.t('Instances are not covered: {0}', data.instancesError.message))
      : null,
    h('h2', {}, l10n.t('Criteria')),
    container,
    add,
    h('h2', {}, l10n.t({ message: 'Setting', comment: ['the Allowed AMIs setting: disabled, audit mode or enabled'] })),
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
  return v === 'allowed'
    ? l10n.t({ message: 'allowed', comment: ['the Allowed AMIs verdict of an image or instance'] })
    : v === 'notAllowed'
      ? l10n.t({ message: 'not allowed', comment: ['the Allowed AMIs verdict of an image or instance'] })
      : l10n.t({ message: 'unknown', comment: ['the Allowed AMIs verdict of an image or instance'] });
}

/** JSON has no undefined: absent days travel as null (the host's reader expects every key). */
function toJson(c: AllowedCriterion): AllowedCriterion {
  return {
    ...c,
    maximumDaysSinceCreated: c.maximumDaysSinceCreated ?? null,
    maximumDaysSinceDeprecated: c.maximumDaysSinceDeprecated ?? null,
  } as unknown as AllowedCriterion;
}
