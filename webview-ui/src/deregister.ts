/** The Deregister form: the selected AMIs, what they keep paying for, snapshots, confirmation, per-image result. */
import { plural } from '../../src/shared/plural';
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
    else view.result.failure('EC2 did not deregister the images', r.error);
  },
});

/** The button says exactly what it does: "Deregister 1 AMI and delete 2 snapshots". */
function deregisterLabel(images: number, snapshots: number): string {
  if (images === 0) return 'Deregister';
  const amis = `Deregister ${plural(images, 'AMI')}`;
  return snapshots > 0 ? `${amis} and delete ${plural(snapshots, 'snapshot')}` : amis;
}

function blockedReason(info: DeregisterImageInfo): string | undefined {
  if (info.state === 'not found') return 'No longer exists.';
  if (!info.ownedByMe) return 'Owned by another account: only its owner can deregister it.';
  if (info.deregistrationProtection) return 'Protected from deregistration: turn protection off first.';
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
      attrs: { 'aria-label': `Deregister ${info.name ?? info.imageId}` },
    });
    select.addEventListener('change', () => {
      update();
      save();
    });
    const snaps =
      info.snapshots.length === 0
        ? h('span', { className: 'muted' }, 'none')
        : h(
            'div',
            {},
            ...info.snapshots.map((s) =>
              h('div', { className: 'snap' }, h('code', {}, s.snapshotId), ` · ${s.sizeGiB} GiB`),
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
        blocked ?? 'Can be deregistered',
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
    label: 'Also delete the snapshots these images use',
    checked: saved?.deleteSnapshots ?? true,
  });
  deleteSnapshots.addEventListener('change', () => {
    update();
    save();
  });
  // Says what the checkbox does in its current state, and lists what would be deleted.
  const snapshotNote = h('div', { className: 'explain', attrs: { id: 'snapshot-note' } });
  const warning = h('div', { className: 'warning', attrs: { id: 'deregister-warning' } });
  const confirm = h('vscode-checkbox', { label: 'I understand that this cannot be undone' });
  confirm.addEventListener('change', () => update());
  // The pre-check: what still launches the selected images, and the extra acknowledgement it needs.
  const inUseBox = h('div', { className: 'warning', attrs: { id: 'in-use-warning', role: 'alert' } });
  const confirmInUse = h('vscode-checkbox', {
    label: 'Deregister anyway: I will update or delete what still launches these AMIs',
    attrs: { id: 'confirm-in-use' },
  });
  confirmInUse.addEventListener('change', () => update());
  const post = (m: RelatedMessage) => channel.post(m);
  const usageNotes = h('div', { attrs: { id: 'usage-notes' } });
  const totals = h('div', { className: 'totals', attrs: { role: 'status' } });
  const submit = h('vscode-button', { icon: 'trash', on: { click: () => send() } }, 'Deregister');

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
    totals.textContent =
      chosen.length === 0
        ? 'No image selected.'
        : `${plural(chosen.length, 'image')} selected, using ${plural(snapshots.length, 'snapshot')} (${gib} GiB): up to ${formatUsd(cost)} a month of snapshot storage.`;
    deleteSnapshots.hidden = snapshots.length === 0;
    if (snapshots.length === 0) setChildren(snapshotNote, 'The selected images use no EBS snapshots.');
    else if (deleteSnapshots.checked)
      setChildren(
        snapshotNote,
        `After deregistering, these snapshots are deleted permanently, which saves up to ${formatUsd(cost)} a month. A snapshot still used by another AMI is kept and reported.`,
      );
    else
      setChildren(
        snapshotNote,
        `The snapshots are kept: they stay in your account and keep costing up to ${formatUsd(cost)} a month. Keep them only to restore volumes or register the image again.`,
      );
    setChildren(
      warning,
      // A retention rule keeps them in the Recycle Bin for a while: then "permanently" would be untrue.
      h(
        'strong',
        {},
        chosen.length > 0 && chosen.every((i) => i.recycleBin?.recoverable)
          ? 'Until the Recycle Bin expiry (see each image above): '
          : 'Permanently: ',
      ),
      chosen.length === 0
        ? 'nothing is selected.'
        : `${plural(chosen.length, 'AMI')} ${chosen.length === 1 ? 'is' : 'are'} deregistered (${chosen.map((i) => i.name ?? i.imageId).join(', ')}): nobody can launch new instances from ${chosen.length === 1 ? 'it' : 'them'}. Instances already running from ${chosen.length === 1 ? 'it' : 'them'} are not affected.`,
      deleting
        ? h(
            'div',
            {},
            `${plural(snapshots.length, 'snapshot')} ${snapshots.length === 1 ? 'is' : 'are'} deleted, with ${snapshots.length === 1 ? 'its' : 'their'} data (a deleted snapshot cannot be restored):`,
            h(
              'ul',
              { className: 'doomed' },
              ...snapshots.map((sn) => h('li', {}, h('code', {}, sn.snapshotId), ` · ${sn.sizeGiB} GiB`)),
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
          ? [h('div', { className: 'note' }, `${i.imageId}: who still uses it is unknown. ${i.usedBy.reason}`)]
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
    progress.show('Sending the request…');
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
        row.blocked = 'Deregistered.';
        row.select.checked = false;
        row.select.disabled = true;
        (row.row.lastElementChild as HTMLElement).textContent = 'Deregistered';
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
          ...['Image', 'Result', 'Snapshots deleted', 'Snapshots kept'].map((t) =>
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
                ? h('span', {}, icon('pass'), ' Deregistered')
                : h('span', { className: 'blocked' }, icon('error'), ` ${i.error?.message ?? 'Failed'}`),
              !i.ok && i.error?.fix ? h('div', { className: 'muted' }, i.error.fix) : null,
            ),
            h('td', {}, ...i.deletedSnapshotIds.map((s) => h('div', {}, h('code', {}, s)))),
            h('td', {}, ...i.keptSnapshots.map((s) => h('div', {}, h('code', {}, s.snapshotId), ` — ${s.reason}`))),
          ),
        ),
      ),
    );
    if (failed === 0) result.success(`Deregistered ${plural(res.items.length, 'AMI')}`, [table], []);
    else {
      result.failure(`${failed} of ${res.items.length} could not be deregistered`, {
        message: 'See each image below.',
      });
      result.root.append(table);
    }
  }

  setChildren(
    app,
    h('h1', {}, data.images.length === 1 ? 'Deregister AMI' : 'Deregister AMIs'),
    h('p', { className: 'subtitle' }, `${plural(data.images.length, 'image')} in ${data.region}`),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['', 'Image', 'State', 'Snapshots', 'Per month', 'Status'].map((t) =>
            h('th', { attrs: { scope: 'col' } }, t),
          ),
        ),
      ),
      h('tbody', {}, ...rows.map((r) => r.row)),
    ),
    h(
      'p',
      { className: 'explain' },
      `Estimates use ${formatUsd(data.snapshotPricePerGiBMonth)} per GiB-month (standard snapshot storage) and the full volume sizes; snapshots are incremental, so the real cost is usually lower.`,
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
