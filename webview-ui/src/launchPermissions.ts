/** The Launch permissions form: public switch, accounts, organizations, OUs, copy from another AMI. */
import * as l10n from '@vscode/l10n';
import type {
  LaunchPermissionsInit,
  LaunchPermissionsToHost,
  LaunchPermissionsToWebview,
  PermissionSet,
} from '../../src/shared/protocol/launchPermissions';
import { counted } from '../../src/shared/plural';
import type { Check } from '../../src/shared/validation';
import { checkAccountId, checkOrganizationArn, checkOrganizationalUnitArn } from '../../src/shared/validation';
import { BASE_CSS, adoptStyles, h, setChildren } from './lib/dom';
import { progressLine, resultBox } from './lib/fields';
import { HostChannel } from './lib/host';
import { startPanel } from './lib/panel';

/* The list and the add field share one width; entries are plain text rows, not field-like chips
   (which read as disabled inputs). The Apply row sticks to the bottom: a long form never hides it. */
adoptStyles(`${BASE_CSS}
.entries, .add-row { max-width: 600px; }
.entries { margin: 4px 0; }
.totals { font-weight: 600; align-self: center; flex: 1; }
.entry { display: flex; align-items: center; gap: 8px; padding: 3px 0; border-bottom: 1px solid var(--vscode-widget-border, var(--vscode-panel-border)); }
.entry .value { flex: 1; font-family: var(--vscode-editor-font-family); overflow-wrap: anywhere; }
.add-row { display: flex; gap: 8px; align-items: flex-start; }
.add-row vscode-textfield { flex: 1; }
.actions-row.sticky { position: sticky; bottom: 0; background: var(--vscode-editor-background); padding: 8px 0; margin-top: 8px;
  border-top: 1px solid var(--vscode-widget-border, var(--vscode-panel-border)); }
.copy-row { display: flex; gap: 8px; align-items: center; }
.copy-row vscode-single-select { width: 360px; }
ul.blockers { margin: 4px 0; padding-left: 20px; }
`);

const channel = new HostChannel<LaunchPermissionsToHost, LaunchPermissionsToWebview, PermissionSet>();
const app = document.getElementById('app') as HTMLElement;
const requests = startPanel(channel, app, {
  init: (message) => build(message.data, channel.savedForm('launchPermissions')),
  result(view, r) {
    if (!r.ok) view.result.failure(l10n.t('EC2 did not change the permissions'), r.error);
    else if (r.kind === 'loaded') view.loaded(r.imageId, r.permissions);
    else view.applied(r.permissions);
  },
});

function entryList(opts: {
  title: string;
  explain: string;
  label: string;
  placeholder: string;
  /** A full example under the field, when the placeholder has to be shortened to fit. */
  example?: string;
  check: Check;
  onChange: () => void;
}) {
  let values: string[] = [];
  const list = h('div', { className: 'entries', attrs: { role: 'list', 'aria-label': opts.title } });
  const error = h('div', { className: 'error-text', attrs: { role: 'status' } });
  const input = h('vscode-textfield', { label: opts.label, placeholder: opts.placeholder });
  const add = h(
    'vscode-button',
    { secondary: true, icon: 'add', on: { click: () => tryAdd() } },
    l10n.t({ message: 'Add', comment: ['adds the typed entry to the list'] }),
  );
  input.addEventListener('input', () => {
    error.textContent = input.value ? (opts.check(input.value.trim()) ?? '') : '';
    input.invalid = error.textContent !== '';
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') tryAdd();
  });
  const controls: { disabled: boolean }[] = [input, add];

  function tryAdd(): void {
    const v = input.value.trim();
    const problem = opts.check(v) ?? (values.includes(v) ? l10n.t('{0} is already in the list.', v) : undefined);
    error.textContent = problem ?? '';
    input.invalid = problem !== undefined;
    if (problem) return;
    set([...values, v]);
    input.value = '';
    opts.onChange();
  }
  function set(next: string[]): void {
    values = next;
    setChildren(
      list,
      ...(values.length === 0
        ? [h('div', { className: 'muted' }, l10n.t('None.'))]
        : values.map((v) =>
            h(
              'div',
              { className: 'entry', attrs: { role: 'listitem' } },
              h('span', { className: 'value' }, v),
              h(
                'vscode-button',
                {
                  secondary: true,
                  icon: 'close',
                  attrs: { 'aria-label': l10n.t('Remove {0}', v) },
                  on: {
                    click: () => {
                      set(values.filter((x) => x !== v));
                      opts.onChange();
                    },
                  },
                },
                l10n.t('Remove'),
              ),
            ),
          )),
    );
  }
  set([]);
  return {
    root: h(
      'section',
      {},
      h('h2', {}, opts.title),
      h('p', { className: 'explain' }, opts.explain),
      list,
      h('div', { className: 'add-row' }, input, add),
      opts.example ? h('vscode-form-helper', {}, l10n.t('For example {0}', opts.example)) : null,
      error,
    ),
    get value() {
      return values;
    },
    set value(v: string[]) {
      set([...v]);
    },
    setDisabled(d: boolean) {
      for (const c of controls) c.disabled = d;
      list.querySelectorAll('vscode-button').forEach((b) => {
        b.disabled = d;
      });
    },
  };
}

function build(data: LaunchPermissionsInit, saved: PermissionSet | undefined) {
  const progress = progressLine();
  const result = resultBox();
  let current = data.current;
  const save = () => {
    channel.save({ args: { kind: 'launchPermissions', region: data.region, imageId: data.imageId }, form: values() });
    update();
  };
  const canGoPublic = data.publicBlockers.length === 0;

  const isPublic = h('vscode-checkbox', {
    toggle: true,
    label: l10n.t('Public: every AWS account can find and launch this image'),
  });
  isPublic.addEventListener('change', save);
  const publicWarning = h(
    'div',
    { className: 'warning', attrs: { role: 'alert' } },
    h('strong', {}, `${l10n.t('Before you make an AMI public.')} `),
    l10n.t(
      'Anyone can launch it and read everything on its volumes. Remove credentials, AWS access keys, SSH authorized_keys and private keys, shell history, logs and any secret; disable password login for root.',
    ),
    ' ',
    l10n.t('You keep paying for its snapshots; public AMIs are listed in the catalog of the region.'),
  );
  const blockers = canGoPublic
    ? null
    : h(
        'div',
        { className: 'note' },
        h('strong', {}, l10n.t('This image cannot be made public:')),
        h('ul', { className: 'blockers' }, ...data.publicBlockers.map((b) => h('li', {}, b))),
      );

  const accounts = entryList({
    title: l10n.t('AWS accounts'),
    explain: l10n.t('Specific accounts that may launch the image; it stays private to everyone else.'),
    label: l10n.t('Account id to add'),
    // Not the simulator's own 123456789012: an image is never shared with its owner.
    placeholder: l10n.t('12 digits, e.g. {0}', '111122223333'),
    check: checkAccountId,
    onChange: save,
  });
  const orgs = entryList({
    title: l10n.t('Organizations'),
    explain: l10n.t('Every account of an AWS Organizations organization.'),
    label: l10n.t('Organization ARN to add'),
    placeholder: 'arn:aws:organizations::…:organization/o-…',
    example: 'arn:aws:organizations::111122223333:organization/o-exampleorgid',
    check: checkOrganizationArn,
    onChange: save,
  });
  const ous = entryList({
    title: l10n.t('Organizational units'),
    explain: l10n.t('Every account of an organizational unit (and its child OUs).'),
    label: l10n.t('OU ARN to add'),
    placeholder: 'arn:aws:organizations::…:ou/o-…/ou-…',
    example: 'arn:aws:organizations::111122223333:ou/o-exampleorgid/ou-abcd-exampleou',
    check: checkOrganizationalUnitArn,
    onChange: save,
  });

  const copyFrom = h('vscode-single-select', { label: l10n.t('Copy permissions from another of my AMIs') });
  for (const i of data.otherOwnedImages)
    copyFrom.append(h('vscode-option', { value: i.imageId }, i.name ? `${i.name} (${i.imageId})` : i.imageId));
  const loadButton = h(
    'vscode-button',
    { secondary: true, icon: 'copy', on: { click: () => send('loadFrom') } },
    l10n.t('Copy permissions'),
  );

  const changes = h('div', { className: 'totals', attrs: { role: 'status' } });
  const apply = h('vscode-button', { icon: 'check', on: { click: () => send('submit') } }, l10n.t('Apply'));

  function values(): PermissionSet {
    return {
      isPublic: isPublic.checked,
      accounts: accounts.value,
      organizations: orgs.value,
      organizationalUnits: ous.value,
    };
  }
  function fill(p: PermissionSet, keepPublic = false): void {
    if (!keepPublic) isPublic.checked = p.isPublic;
    accounts.value = p.accounts;
    orgs.value = p.organizations;
    ous.value = p.organizationalUnits;
  }
  function update(): void {
    const v = values();
    publicWarning.hidden = !(v.isPublic && !current.isPublic);
    isPublic.disabled = requests.busy || (!canGoPublic && !current.isPublic && !v.isPublic);
    const count = (a: string[], b: string[]) => a.filter((x) => !b.includes(x)).length;
    const added =
      count(v.accounts, current.accounts) +
      count(v.organizations, current.organizations) +
      count(v.organizationalUnits, current.organizationalUnits) +
      (v.isPublic && !current.isPublic ? 1 : 0);
    const removed =
      count(current.accounts, v.accounts) +
      count(current.organizations, v.organizations) +
      count(current.organizationalUnits, v.organizationalUnits) +
      (!v.isPublic && current.isPublic ? 1 : 0);
    changes.textContent =
      added + removed === 0 ? l10n.t('No changes.') : l10n.t('{0} to add, {1} to remove.', added, removed);
    apply.disabled = requests.busy || added + removed === 0;
  }
  function send(kind: 'submit' | 'loadFrom'): void {
    if (kind === 'loadFrom' && !copyFrom.value) return;
    const requestId = requests.begin();
    if (!requestId) return;
    if (kind === 'loadFrom') channel.post({ type: 'loadFrom', requestId, imageId: copyFrom.value });
    else channel.post({ type: 'submit', requestId, params: values() });
    result.clear();
    setBusy(true);
    progress.show(
      kind === 'loadFrom' ? l10n.t('Reading the permissions of the other image…') : l10n.t('Sending the request…'),
    );
  }
  function setBusy(busy: boolean): void {
    for (const l of [accounts, orgs, ous]) l.setDisabled(busy);
    copyFrom.disabled = loadButton.disabled = busy;
    if (!busy) progress.hide();
    update();
  }

  setChildren(
    app,
    h('h1', {}, l10n.t('Launch Permissions')),
    h('p', { className: 'subtitle' }, `${data.name ? `${data.name} · ` : ''}${data.imageId} · ${data.region}`),
    result.root,
    sharingChecklist(data),
    h('h2', {}, l10n.t('Visibility')),
    isPublic,
    blockers,
    publicWarning,
    accounts.root,
    connectionSuggestions(data, (accountId) => {
      if (!accounts.value.includes(accountId)) accounts.value = [...accounts.value, accountId];
      save();
    }),
    orgs.root,
    ous.root,
    data.otherOwnedImages.length > 0
      ? h(
          'section',
          {},
          h('h2', {}, l10n.t('Copy from another AMI')),
          h(
            'p',
            { className: 'explain' },
            l10n.t('Replaces the lists above with the accounts, organizations and OUs of another image you own.'),
          ),
          h('div', { className: 'copy-row' }, copyFrom, loadButton),
        )
      : null,
    h('div', { className: 'actions-row sticky' }, changes, apply),
    progress.root,
  );
  fill(saved ?? current);
  if (saved && !canGoPublic && !current.isPublic) isPublic.checked = false;
  update();

  return {
    progress,
    result,
    idle: () => setBusy(false),
    loaded(imageId: string, p: PermissionSet) {
      fill(p, true);
      save();
      result.success(
        l10n.t('Copied the lists of {0}', imageId),
        [l10n.t('Review them, then Apply. Public access was not copied.')],
        [],
      );
    },
    applied(p: PermissionSet) {
      current = p;
      fill(p);
      save();
      const who = [
        p.isPublic
          ? l10n.t({ message: 'public', comment: ['an image every account can launch'] })
          : l10n.t({ message: 'private', comment: ['an image only its owner and the listed accounts can launch'] }),
        counted(p.accounts.length, l10n.t('{0} account'), l10n.t('{0} accounts')),
        counted(p.organizations.length, l10n.t('{0} organization'), l10n.t('{0} organizations')),
        counted(p.organizationalUnits.length, l10n.t('{0} OU'), l10n.t('{0} OUs')),
      ];
      result.success(
        l10n.t('Permissions applied'),
        [l10n.t('EC2 now reports: {0}. The form shows what EC2 read back.', who.join(', '))],
        [],
      );
    },
  };
}

/** Before sharing: what the publisher should have removed from the image, and what EC2 knows about it. */
function sharingChecklist(data: LaunchPermissionsInit): HTMLElement | null {
  const c = data.sharingChecklist;
  if (!c) return null;
  return h(
    'details',
    { className: 'note', open: !data.current.isPublic && data.current.accounts.length === 0 },
    h('summary', {}, l10n.t('Before you share it: anyone you share with gets a copy of its disks')),
    h('ul', {}, ...c.checklist.map((item) => h('li', {}, item))),
    h('p', { className: 'explain' }, l10n.t('What EC2 knows about it:')),
    h('ul', {}, ...c.facts.map((fact) => h('li', {}, fact))),
  );
}

/** One click shares with the account of another of the user's connections (the tree shows them side by side). */
function connectionSuggestions(data: LaunchPermissionsInit, add: (accountId: string) => void): HTMLElement | null {
  const accounts = data.connectionAccounts ?? [];
  if (accounts.length === 0) return null;
  return h(
    'div',
    { className: 'connection-suggestions' },
    h('span', { className: 'explain' }, `${l10n.t('Your other connections:')} `),
    ...accounts.map((a) =>
      h(
        'vscode-button',
        {
          secondary: true,
          icon: 'add',
          attrs: { 'aria-label': l10n.t('Add account {0} of connection {1}', a.accountId, a.label) },
          on: { click: () => add(a.accountId) },
        },
        `${a.label} (${a.accountId})`,
      ),
    ),
  );
}
