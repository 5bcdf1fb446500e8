/** The Deregister form: the selected AMIs, what they keep paying for, snapshots, confirmation, per-image result. */
import * as l10n from '@vscode/l10n';
import { counted } from '../../src/shared/plural';
import { formatUsd, monthlySnapshotCost } from '../../src/shared/pricing';
import type {
  DeregisterImageInfo,
  DeregisterInit,
  DeregisterParams,
  DeregisterResult,
  DeregisterToHost,
  DeregisterToWebview,
} from '../../src/shared/protocol/deregister';
import { BASE_CSS, adoptStyles, h, icon, setChildren } from './lib/dom';
import { progressLine, resultBox } from './lib/fields';
import { HostChannel } from './lib/host';
import { startPanel } from './lib/panel';
import { USED_BY_CSS, usageLists } from './lib/usedBy';
import { inUseWarning } from '../../src/shared/imageUsage';
import type { RelatedMessage } from '../../src/shared/protocol/usedBy';

adoptStyles(`${BASE_CSS}${USED_BY_CSS}
.blocked { color: var(--vscode-errorForeground); }
.snap { white-space: nowrap; }
.totals { margin: 8px 0 12px; font-weight: 600; }
td.select { width: 28px; }
ul.doomed { margin: 4px 0 0; padding-left: 20px; }
`);

/** What is kept across reloads: the selection and the snapshot choice, never the confirmations. */
type SavedForm = Omit<DeregisterParams, 'confirmed' | 'confirmedInUse'>;

const channel = new HostChannel<DeregisterToHost, DeregisterToWebview, SavedForm>();
const app = document.getElementById('app') as HTMLElement;
const requests = startPanel(channel, app, {
  init: (message) => build(message.data, channel.savedForm('deregister')),
  result(view, r) {
    if (r.ok) view.showItems(r);
    else view.result.failure(l10n.t('EC2 did not deregister the images'), r.error);
  },
});

/** The button says exactly what it does: "Deregister 1 AMI and delete 2 snapshots". */
function deregisterLabel(images: number, snapshots: number): string {
  if (images === 0) return l10n.t('Deregister');
  const amis = amiCount(images);
  return snapshots > 0
    ? l10n.t('Deregister {0} and delete {1}', amis, snapshotCount(snapshots))
    : l10n.t('Deregister {0}', amis);
}

const amiCount = (n: number) => counted(n, l10n.t('{0} AMI'), l10n.t('{0} AMIs'));
const imageCount = (n: number) => counted(n, l10n.t('{0} image'), l10n.t('{0} images'));
const snapshotCount = (n: number) => counted(n, l10n.t('{0} snapshot'), l10n.t('{0} snapshots'));

/** The warning's main sentence: what deregistering the chosen images means. */
function deregisteredText(chosen: DeregisterImageInfo[]): string {
  const names = chosen.map((i) => i.name ?? i.imageId).join(', ');
  // Not counted(): the names are free text and could hold a "{0}" that it would replace.
  return chosen.length === 1
    ? l10n.t(
        '1 AMI is deregistered ({0}): nobody can launch new instances from it. Instances already running from it are not affected.',
        names,
      )
    : l10n.t(
        '{0} AMIs are deregistered ({1}): nobody can launch new instances from them. Instances already running from them are not affected.',
        chosen.length.toLocaleString('en-US'),
        names,
      );
}

function blockedReason(info: DeregisterImageInfo): string | undefined {
  if (info.state === 'not found') return l10n.t('No longer exists.');
  if (!info.ownedByMe) return l10n.t('Owned by another account: only its owner can deregister it.');
  if (info.deregistrationProtection) return l10n.t('Protected from deregistration: turn protection off first.');
  return undefined;
}

function build(data: DeregisterInit, saved: SavedForm | undefined) {
  const progress = progressLine();
  const result = resultBox();
  const save = () =>
    channel.save({
      args: { kind: 'deregister', region: data.region, imageIds: data.images.map((i) => i.imageId) },
      form: values(),
    });
  const rows = data.images.map((info) => {
    const blocked = blockedReason(info);
    const select = h('vscode-checkbox', {
      checked: !blocked && (saved ? saved.imageIds.includes(info.imageId) : true),
      disabled: blocked !== undefined,
      attrs: { 'aria-label': l10n.t('Deregister {0}', info.name ?? info.imageId) },
    });
    select.addEventListener('change', () => {
      update();
      save();
    });
    const snaps =
      info.snapshots.length === 0
        ? h('span', { className: 'muted' }, l10n.t({ message: 'none', comment: ['no snapshots'] }))
        : h(
            'div',
            {},
            ...info.snapshots.map((s) =>
              h('div', { className: 'snap' }, h('code', {}, s.snapshotId), ` · ${l10n.t('{0} GiB', s.sizeGiB)}`),
            ),
          );
    const row = h(
      'tr',
      {},
      h('td', { className: 'select' }, select),
      h('td', {}, h('div', {}, info.name ?? ''), h('code', { className: 'muted' }, info.imageId)),
      h('td', {}, info.state),
      h('td', {}, snaps),
      h('td', { className: 'num' }, formatUsd(info.monthlyCostUsd)),
      h(
        'td',
        { className: blocked ? 'blocked' : 'muted' },
        blocked ?? l10n.t('Can be deregistered'),
        info.recycleBin
          ? h(
              'div',
              { className: 'recycle-bin', attrs: { 'data-recoverable': String(info.recycleBin.recoverable) } },
              info.recycleBin.text,
            )
          : null,
      ),
    );
    return { info, select, row, blocked };
  });
  const selected = () => rows.filter((r) => !r.blocked && r.select.checked).map((r) => r.info);

  const deleteSnapshots = h('vscode-checkbox', {
    label: l10n.t('Also delete the snapshots these images use'),
    checked: saved?.deleteSnapshots ?? true,
  });
  deleteSnapshots.addEventListener('change', () => {
    update();
    save();
  });
  // Says what the checkbox does in its current state, and lists what would be deleted.
  const snapshotNote = h('div', { className: 'explain', attrs: { id: 'snapshot-note' } });
  const warning = h('div', { className: 'warning', attrs: { id: 'deregister-warning' } });
  const confirm = h('vscode-checkbox', { label: l10n.t('I understand that this cannot be undone') });
  confirm.addEventListener('change', () => update());
  // The pre-check: what still launches the selected images, and the extra acknowledgement it needs.
  const inUseBox = h('div', { className: 'warning', attrs: { id: 'in-use-warning', role: 'alert' } });
  const confirmInUse = h('vscode-checkbox', {
    label: l10n.t('Deregister anyway: I will update or delete what still launches these AMIs'),
    attrs: { id: 'confirm-in-use' },
  });
  confirmInUse.addEventListener('change', () => update());
  const post = (m: RelatedMessage) => channel.post(m);
  const usageNotes = h('div', { attrs: { id: 'usage-notes' } });
  const totals = h('div', { className: 'totals', attrs: { role: 'status' } });
  const submit = h('vscode-button', { icon: 'trash', on: { click: () => send() } }, l10n.t('Deregister'));

  function values(): SavedForm {
    return { imageIds: selected().map((i) => i.imageId), deleteSnapshots: deleteSnapshots.checked };
  }

  function update(): void {
    const chosen = selected();
    // Two selected images may share a snapshot: count and list it once.
    const snapshots = [...new Map(chosen.flatMap((i) => i.snapshots).map((sn) => [sn.snapshotId, sn])).values()];
    const gib = snapshots.reduce((a, sn) => a + sn.sizeGiB, 0);
    const cost = monthlySnapshotCost(
      snapshots.map((sn) => sn.sizeGiB),
      data.snapshotPricePerGiBMonth,
    );
    const deleting = deleteSnapshots.checked && snapshots.length > 0;
    // Retention rules (issue 14): what the Recycle Bin keeps, so no sentence says "permanently" untruly.
    const binKeepsImages = chosen.length > 0 && chosen.every((i) => i.recycleBin?.recoverable);
    const binKeepsSnapshots = chosen.length > 0 && chosen.every((i) => i.recycleBin?.snapshotsRecoverable);
    confirm.label =
      binKeepsImages && (!deleting || binKeepsSnapshots)
        ? l10n.t('I understand that only the Recycle Bin can undo this, until its expiry')
        : l10n.t('I understand that this cannot be undone');
    totals.textContent =
      chosen.length === 0
        ? l10n.t('No image selected.')
        : l10n.t(
            '{0} selected, using {1} ({2} GiB): up to {3} a month of snapshot storage.',
            imageCount(chosen.length),
            snapshotCount(snapshots.length),
            gib,
            formatUsd(cost),
          );
    deleteSnapshots.hidden = snapshots.length === 0;
    if (snapshots.length === 0) setChildren(snapshotNote, l10n.t('The selected images use no EBS snapshots.'));
    else if (deleteSnapshots.checked && binKeepsSnapshots)
      setChildren(
        snapshotNote,
        l10n.t(
          'After deregistering, these snapshots are deleted into the Recycle Bin: recoverable until its expiry (see each image above), then gone for good. A snapshot still used by another AMI is kept and reported.',
        ),
      );
    else if (deleteSnapshots.checked)
      setChildren(
        snapshotNote,
        l10n.t(
          'After deregistering, these snapshots are deleted permanently, which saves up to {0} a month. A snapshot still used by another AMI is kept and reported.',
          formatUsd(cost),
        ),
      );
    else
      setChildren(
        snapshotNote,
        l10n.t(
          'The snapshots are kept: they stay in your account and keep costing up to {0} a month. Keep them only to restore volumes or register the image again.',
          formatUsd(cost),
        ),
      );
    setChildren(
      warning,
      // A retention rule keeps them in the Recycle Bin for a while: then "permanently" would be untrue.
      h(
        'strong',
        {},
        chosen.length > 0 && chosen.every((i) => i.recycleBin?.recoverable)
          ? `${l10n.t('Until the Recycle Bin expiry (see each image above):')} `
          : `${l10n.t('Permanently:')} `,
      ),
      chosen.length === 0 ? l10n.t('nothing is selected.') : deregisteredText(chosen),
      deleting
        ? h(
            'div',
            {},
            binKeepsSnapshots
              ? counted(
                  snapshots.length,
                  l10n.t('{0} snapshot is deleted into the Recycle Bin (restorable until its expiry):'),
                  l10n.t('{0} snapshots are deleted into the Recycle Bin (restorable until their expiry):'),
                )
              : counted(
                  snapshots.length,
                  l10n.t('{0} snapshot is deleted, with its data (a deleted snapshot cannot be restored):'),
                  l10n.t('{0} snapshots are deleted, with their data (a deleted snapshot cannot be restored):'),
                ),
            h(
              'ul',
              { className: 'doomed' },
              ...snapshots.map((sn) =>
                h('li', {}, h('code', {}, sn.snapshotId), ` · ${l10n.t('{0} GiB', sn.sizeGiB)}`),
              ),
            ),
          )
        : null,
    );
    const inUse = chosen.flatMap((i) => {
      const why = i.usedBy?.available ? inUseWarning(i.usedBy.usage, 'deregistration') : undefined;
      return why && i.usedBy?.available ? [{ info: i, why, usage: i.usedBy.usage }] : [];
    });
    inUseBox.hidden = confirmInUse.hidden = inUse.length === 0;
    setChildren(
      inUseBox,
      ...inUse.map((x) =>
        h(
          'div',
          {},
          h('strong', {}, `${x.info.name ?? x.info.imageId}: `),
          x.why,
          usageLists(x.usage, data.region, post),
        ),
      ),
    );
    setChildren(
      usageNotes,
      ...chosen.flatMap((i) =>
        i.usedBy && !i.usedBy.available
          ? [
              h(
                'div',
                { className: 'note' },
                l10n.t('{0}: who still uses it is unknown. {1}', i.imageId, i.usedBy.reason),
              ),
            ]
          : (i.usedBy?.usage.notices ?? []).map((n) => h('div', { className: 'note' }, `${i.imageId}: ${n}`)),
      ),
    );
    submit.textContent = deregisterLabel(chosen.length, deleting ? snapshots.length : 0);
    submit.disabled =
      chosen.length === 0 || !confirm.checked || (inUse.length > 0 && !confirmInUse.checked) || requests.busy;
  }

  function send(): void {
    const params: DeregisterParams = {
      ...values(),
      confirmed: confirm.checked,
      confirmedInUse: !confirmInUse.hidden && confirmInUse.checked,
    };
    if (params.imageIds.length === 0 || !params.confirmed) return;
    const requestId = requests.begin();
    if (!requestId) return;
    result.clear();
    for (const c of [submit, deleteSnapshots, confirm, confirmInUse, ...rows.map((r) => r.select)]) c.disabled = true;
    progress.show(l10n.t('Sending the request…'));
    channel.post({ type: 'submit', requestId, params });
  }

  function finish(): void {
    progress.hide();
    confirm.checked = confirmInUse.checked = false;
    deleteSnapshots.disabled = confirm.disabled = confirmInUse.disabled = false;
    for (const r of rows) r.select.disabled = r.blocked !== undefined;
    update();
  }

  function showItems(res: DeregisterResult): void {
    for (const item of res.items) {
      const row = rows.find((r) => r.info.imageId === item.imageId);
      if (row && item.ok) {
        row.blocked = l10n.t('Deregistered.');
        row.select.checked = false;
        row.select.disabled = true;
        (row.row.lastElementChild as HTMLElement).textContent = l10n.t('Deregistered');
      }
    }
    update();
    const failed = res.items.filter((i) => !i.ok).length;
    const table = h(
      'table',
      {},
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
      h(
        'tbody',
        {},
        ...res.items.map((i) =>
          h(
            'tr',
            {},
            h('td', {}, h('code', {}, i.imageId)),
            h(
              'td',
              {},
              i.ok
                ? h('span', {}, icon('pass'), ` ${l10n.t('Deregistered')}`)
                : h('span', { className: 'blocked' }, icon('error'), ` ${i.error?.message ?? l10n.t('Failed')}`),
              !i.ok && i.error?.fix ? h('div', { className: 'muted' }, i.error.fix) : null,
            ),
            h('td', {}, ...i.deletedSnapshotIds.map((s) => h('div', {}, h('code', {}, s)))),
            h('td', {}, ...i.keptSnapshots.map((s) => h('div', {}, h('code', {}, s.snapshotId), ` — ${s.reason}`))),
          ),
        ),
      ),
    );
    if (failed === 0) result.success(l10n.t('Deregistered {0}', amiCount(res.items.length)), [table], []);
    else {
      result.failure(l10n.t('{0} of {1} could not be deregistered', failed, res.items.length), {
        message: l10n.t('See each image below.'),
      });
      result.root.append(table);
    }
  }

  setChildren(
    app,
    h('h1', {}, data.images.length === 1 ? l10n.t('Deregister AMI') : l10n.t('Deregister AMIs')),
    h(
      'p',
      { className: 'subtitle' },
      l10n.t({
        message: '{0} in {1}',
        args: [imageCount(data.images.length), data.region],
        comment: ['{0} is a number of images ("2 images"), {1} the region'],
      }),
    ),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['', l10n.t('Image'), l10n.t('State'), l10n.t('Snapshots'), l10n.t('Per month'), l10n.t('Status')].map(
            (t) => h('th', { attrs: { scope: 'col' } }, t),
          ),
        ),
      ),
      h('tbody', {}, ...rows.map((r) => r.row)),
    ),
    h(
      'p',
      { className: 'explain' },
      l10n.t(
        'Estimates use {0} per GiB-month (standard snapshot storage) and the full volume sizes; snapshots are incremental, so the real cost is usually lower.',
        formatUsd(data.snapshotPricePerGiBMonth),
      ),
    ),
    totals,
    deleteSnapshots,
    snapshotNote,
    usageNotes,
    inUseBox,
    warning,
    confirmInUse,
    confirm,
    h('div', { className: 'actions-row' }, submit),
    progress.root,
    result.root,
  );
  update();
  save();
  return { progress, result, idle: finish, showItems };
}
