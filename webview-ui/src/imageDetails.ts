/** The read-only Image details page: every attribute grouped, actions that open the other panels. */
import * as l10n from '@vscode/l10n';
import type {
  BlockDeviceInfo,
  DetailAction,
  ImageDetailsInit,
  ImageDetailsToHost,
  ImageDetailsToWebview,
} from '../../src/shared/protocol/imageDetails';
import { counted } from '../../src/shared/plural';
import { formatUsd } from '../../src/shared/pricing';
import { BASE_CSS, adoptStyles, h, icon, setChildren } from './lib/dom';
import { progressLine, resultBox } from './lib/fields';
import { HostChannel } from './lib/host';
import { startPanel } from './lib/panel';
import { USED_BY_CSS, lineageSection, usedBySection } from './lib/usedBy';

adoptStyles(`${BASE_CSS}${USED_BY_CSS}
body { max-width: 1040px; }
/* Two groups that wrap as wholes: a narrow panel never leaves Refresh alone on a line. */
.toolbar { display: flex; flex-wrap: wrap; gap: 8px 16px; margin: 8px 0 4px; }
.toolbar .group { display: flex; flex-wrap: wrap; gap: 8px; }
table.attrs th { width: 220px; white-space: nowrap; }
table.attrs td { overflow-wrap: anywhere; }
.badge { display: inline-block; padding: 0 6px; border-radius: 2px; border: 1px solid var(--vscode-contrastBorder, transparent);
  background: var(--vscode-badge-background); color: var(--vscode-badge-foreground); font-size: 0.9em; }
table.devices td, table.devices th { white-space: nowrap; padding-right: 14px; }
.scroll { overflow-x: auto; }
`);

const channel = new HostChannel<ImageDetailsToHost, ImageDetailsToWebview, null>();
const app = document.getElementById('app') as HTMLElement;
const requests = startPanel(channel, app, {
  init(message) {
    channel.save({ args: message.args, form: null });
    return build(message.data);
  },
  result(view, r) {
    if (r.ok) return build(r.details, l10n.t('Refreshed from EC2.'));
    view.result.failure(l10n.t('EC2 did not return the image'), r.error);
  },
});

type Row = [string, Node | string | undefined | null | false];

function attrs(label: string, rows: Row[]): HTMLElement {
  const shown = rows.filter(
    (r): r is [string, Node | string] => r[1] !== undefined && r[1] !== null && r[1] !== false && r[1] !== '',
  );
  return h(
    'section',
    { attrs: { 'aria-label': label } },
    h('h2', {}, label),
    h(
      'table',
      { className: 'attrs' },
      h('tbody', {}, ...shown.map(([k, v]) => h('tr', {}, h('th', { attrs: { scope: 'row' } }, k), h('td', {}, v)))),
    ),
  );
}

const code = (v: string | undefined) => (v ? h('code', {}, v) : undefined);
const yesNo = (v: boolean | undefined) => (v === undefined ? undefined : v ? l10n.t('Yes') : l10n.t('No'));
// The local time with its zone, then EC2's UTC value: a bare local time is ambiguous next to UTC tooltips.
const when = (iso: string | undefined) =>
  iso ? `${new Date(iso).toLocaleString(undefined, { timeZoneName: 'short' })} (${iso})` : undefined;

/** "Which public parameter points here": the name, and whether it names this image now. */
function parameterText(d: ImageDetailsInit): Node | undefined {
  const p = d.publicParameter;
  if (!p) return undefined;
  const status =
    p.namesThisImage === true
      ? l10n.t('names this AMI now')
      : p.namesThisImage === false
        ? p.currentImageId
          ? l10n.t('names {0} now (this is an earlier build)', p.currentImageId)
          : l10n.t('names another image now (this is an earlier build)')
        : (p.note ?? l10n.t('SSM could not be asked'));
  return h('span', {}, h('code', {}, p.name), ` — ${status}`);
}

function deviceRow(b: BlockDeviceInfo): HTMLElement {
  if (b.kind === 'ephemeral')
    return h(
      'tr',
      {},
      h('td', { className: 'mono' }, b.deviceName),
      h(
        'td',
        { attrs: { colspan: '7' } },
        l10n.t('Instance store volume ({0}): not kept in the image.', b.virtualName ?? 'ephemeral'),
      ),
    );
  if (b.kind === 'noDevice')
    return h(
      'tr',
      {},
      h('td', { className: 'mono' }, b.deviceName),
      h(
        'td',
        { attrs: { colspan: '7' } },
        l10n.t({
          message: 'Suppressed ({0}).',
          args: ['NoDevice'],
          comment: ['{0} is the block device mapping field NoDevice, which removes a device of the image'],
        }),
      ),
    );
  const perf = [b.iops ? l10n.t('{0} IOPS', b.iops) : '', b.throughput ? l10n.t('{0} MiB/s', b.throughput) : '']
    .filter(Boolean)
    .join(', ');
  return h(
    'tr',
    {},
    h('td', { className: 'mono' }, b.deviceName),
    h('td', {}, b.snapshotId ? h('code', {}, b.snapshotId) : '—'),
    h('td', { className: 'num' }, b.sizeGiB !== undefined ? l10n.t('{0} GiB', b.sizeGiB) : '—'),
    h('td', {}, b.volumeType ?? '—'),
    h('td', {}, perf || '—'),
    h('td', {}, b.encrypted ? l10n.t('Yes') : l10n.t('No')),
    h(
      'td',
      {},
      b.kmsKeyId
        ? h('code', {}, b.kmsKeyId)
        : b.encrypted
          ? l10n.t({ message: '{0} (default)', args: ['aws/ebs'], comment: ['{0} is the default KMS key alias'] })
          : '—',
    ),
    h('td', {}, yesNo(b.deleteOnTermination) ?? '—'),
  );
}

function build(d: ImageDetailsInit, notice?: string) {
  const progress = progressLine();
  const result = resultBox();
  const buttons: HTMLElementTagNameMap['vscode-button'][] = [];
  const button = (label: string, iconName: string, run: () => void, secondary = true) => {
    const b = h('vscode-button', { icon: iconName, secondary, on: { click: run } }, label);
    buttons.push(b);
    return b;
  };
  const open = (panel: DetailAction) => () => channel.post({ type: 'openPanel', panel });
  const available = d.state === 'available';
  const actions = h(
    'div',
    { className: 'toolbar', attrs: { role: 'toolbar', 'aria-label': l10n.t('Actions') } },
    h(
      'div',
      { className: 'group' },
      available ? button(l10n.t('Launch…'), 'rocket', open('launchInstance'), false) : null,
      available ? button(l10n.t('Copy AMI…'), 'files', open('copyImage')) : null,
      d.ownedByMe ? button(l10n.t('Launch permissions…'), 'shield', open('launchPermissions')) : null,
      d.ownedByMe ? button(l10n.t('Deregister…'), 'trash', open('deregister')) : null,
    ),
    h(
      'div',
      { className: 'group' },
      button(l10n.t('Copy ID'), 'copy', () => channel.post({ type: 'copyId', id: d.imageId })),
      button(l10n.t('Reveal in tree'), 'list-tree', () => channel.post({ type: 'revealInTree', id: d.imageId })),
      button(l10n.t('Refresh'), 'refresh', () => {
        const requestId = requests.begin();
        if (!requestId) return;
        setBusy(true);
        result.clear();
        progress.show(l10n.t('Reading the image from EC2…'));
        channel.post({ type: 'refresh', requestId });
      }),
    ),
  );
  function setBusy(busy: boolean): void {
    for (const b of buttons) b.disabled = busy;
    if (!busy) progress.hide();
  }

  const ebs = d.blockDevices.filter((b) => b.kind === 'ebs' && b.snapshotId);
  const perms = d.permissions;
  const state = h('span', {}, h('span', { className: 'badge' }, d.state), d.stateReason ? ` ${d.stateReason}` : '');
  setChildren(
    app,
    h('h1', {}, l10n.t('AMI Details')),
    h('p', { className: 'subtitle' }, `${d.name ? `${d.name} · ` : ''}${d.imageId} · ${d.region}`),
    actions,
    progress.root,
    result.root,
    notice ? h('p', { className: 'muted', attrs: { role: 'status' } }, icon('check'), ` ${notice}`) : null,
    attrs(l10n.t('General'), [
      [l10n.t('Image id'), code(d.imageId)],
      [l10n.t('Name'), d.name],
      [l10n.t('Description'), d.description],
      [
        l10n.t('Owner'),
        h(
          'span',
          {},
          h('code', {}, d.ownerId),
          d.ownerAlias ? ` (${d.ownerAlias})` : '',
          d.ownedByMe ? ` — ${l10n.t({ message: 'you', comment: ['the owner is the account signed in'] })}` : '',
        ),
      ],
      [l10n.t('State'), state],
      [l10n.t('Created'), when(d.creationDate)],
      [l10n.t('Last launched'), when(d.lastLaunchedTime)],
      [l10n.t('Architecture'), d.architecture],
      [l10n.t('Platform'), d.platformDetails ?? d.platform],
      [l10n.t('Usage operation'), code(d.usageOperation)],
      [l10n.t('Image type'), d.imageType],
      [l10n.t('Virtualization'), d.virtualizationType],
      [l10n.t('Hypervisor'), d.hypervisor],
      [l10n.t('Boot mode'), d.bootMode],
      [l10n.t('ENA support'), yesNo(d.enaSupport)],
      [l10n.t('SR-IOV'), d.sriovNetSupport],
      [
        l10n.t('IMDS'),
        d.imdsSupport === 'v2.0'
          ? l10n.t('IMDSv2 required ({0})', 'v2.0')
          : (d.imdsSupport ?? l10n.t('Not set (instances use their launch settings)')),
      ],
      [l10n.t('NitroTPM'), d.tpmSupport],
      [l10n.t('Kernel'), code(d.kernelId)],
      [l10n.t('RAM disk'), code(d.ramdiskId)],
      [l10n.t('Image location'), d.imageLocation],
      [
        l10n.t('Copied from'),
        d.sourceImageId
          ? h('span', {}, h('code', {}, d.sourceImageId), ` ${l10n.t('in {0}', d.sourceImageRegion ?? '?')}`)
          : undefined,
      ],
      [l10n.t('Created from instance'), code(d.sourceInstanceId)],
      [
        l10n.t('Product codes'),
        d.productCodes.length ? d.productCodes.map((c) => `${c.id} (${c.type})`).join(', ') : undefined,
      ],
      [
        l10n.t('Publisher'),
        d.trust ? h('span', {}, h('strong', {}, d.trust.label), ` — ${d.trust.explanation}`) : undefined,
      ],
      [l10n.t('Public parameter'), parameterText(d)],
    ]),
    usedBySection(d.usedBy, d.region, d.lastLaunchedTime, (m) => channel.post(m)),
    lineageSection(d.lineage, d.imageId, (m) => channel.post(m)),
    h(
      'section',
      { attrs: { 'aria-label': l10n.t('Storage') } },
      h('h2', {}, l10n.t('Storage')),
      h(
        'p',
        {},
        d.rootDeviceName
          ? l10n.t('Root device: {0} at {1}.', d.rootDeviceType ?? '?', d.rootDeviceName)
          : l10n.t('Root device: {0}.', d.rootDeviceType ?? '?'),
        ' ',
        ebs.length > 0
          ? counted(
              ebs.length,
              // Named: counted() fills {0}, the count.
              l10n.t(
                'Its {0} snapshot cost at most {cost} a month ({price} per GiB-month; snapshots are incremental, so less in practice).',
                { cost: formatUsd(d.monthlyCostUsd), price: formatUsd(d.snapshotPricePerGiBMonth) },
              ),
              l10n.t(
                'Its {0} snapshots cost at most {cost} a month ({price} per GiB-month; snapshots are incremental, so less in practice).',
                { cost: formatUsd(d.monthlyCostUsd), price: formatUsd(d.snapshotPricePerGiBMonth) },
              ),
            )
          : l10n.t('No EBS snapshot: nothing is billed for storage.'),
      ),
      d.blockDevices.length === 0
        ? h('p', { className: 'muted' }, l10n.t('No block device mapping.'))
        : h(
            'div',
            { className: 'scroll' },
            h(
              'table',
              { className: 'devices' },
              h(
                'thead',
                {},
                h(
                  'tr',
                  {},
                  ...[
                    l10n.t('Device'),
                    l10n.t('Snapshot'),
                    l10n.t('Size'),
                    l10n.t('Type'),
                    l10n.t('IOPS / throughput'),
                    l10n.t('Encrypted'),
                    l10n.t('KMS key'),
                    l10n.t('Delete on termination'),
                  ].map((t) => h('th', { attrs: { scope: 'col' } }, t)),
                ),
              ),
              h('tbody', {}, ...d.blockDevices.map(deviceRow)),
            ),
          ),
    ),
    h(
      'section',
      { attrs: { 'aria-label': l10n.t('Permissions') } },
      h('h2', {}, l10n.t('Launch permissions')),
      h(
        'p',
        {},
        d.isPublic
          ? l10n.t('Public: every AWS account can find and launch it.')
          : l10n.t('Private: only the owner and the accounts it is shared with can launch it.'),
      ),
      perms.readable
        ? h(
            'table',
            { className: 'attrs' },
            h(
              'tbody',
              {},
              ...(
                [
                  [l10n.t('Accounts'), perms.permissions.accounts],
                  [l10n.t('Organizations'), perms.permissions.organizations],
                  [l10n.t('Organizational units'), perms.permissions.organizationalUnits],
                ] as [string, string[]][]
              ).map(([k, list]) =>
                h(
                  'tr',
                  {},
                  h('th', { attrs: { scope: 'row' } }, k),
                  h(
                    'td',
                    {},
                    list.length
                      ? h('span', {}, ...list.flatMap((v, i) => [i ? ', ' : '', h('code', {}, v)]))
                      : l10n.t({ message: 'None', comment: ['no account, organization or unit is shared with'] }),
                  ),
                ),
              ),
            ),
          )
        : h('div', { className: 'note' }, perms.reason),
    ),
    h(
      'section',
      { attrs: { 'aria-label': l10n.t('Tags') } },
      h('h2', {}, l10n.t('Tags')),
      d.tags.length === 0
        ? h('p', { className: 'muted' }, l10n.t('No tags.'))
        : h(
            'table',
            { className: 'attrs' },
            h(
              'tbody',
              {},
              ...d.tags.map((t) =>
                h('tr', {}, h('th', { attrs: { scope: 'row' } }, t.key), h('td', {}, t.value || l10n.t('(empty)'))),
              ),
            ),
          ),
    ),
    attrs(l10n.t('Deprecation and protection'), [
      [
        l10n.t('Deprecation'),
        d.deprecationTime
          ? d.deprecated
            ? l10n.t('Deprecated since {0}', when(d.deprecationTime) ?? '')
            : l10n.t('Deprecated on {0}', when(d.deprecationTime) ?? '')
          : l10n.t('None: not scheduled for deprecation.'),
      ],
      [
        l10n.t('Deregistration protection'),
        d.deregistrationProtection === 'disabled'
          ? l10n.t({ message: 'Off', comment: ['deregistration protection is off'] })
          : l10n.t({
              message: 'On ({0})',
              args: [d.deregistrationProtection],
              comment: ['deregistration protection is on; {0} is its EC2 value'],
            }),
      ],
    ]),
  );
  return { result, idle: () => setBusy(false) };
}
