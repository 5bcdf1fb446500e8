/** The read-only Image details page: every attribute grouped, actions that open the other panels. */
import type {
  BlockDeviceInfo,
  DetailAction,
  ImageDetailsInit,
  ImageDetailsToHost,
  ImageDetailsToWebview,
} from '../../src/shared/protocol/imageDetails';
import { plural } from '../../src/shared/plural';
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
    if (r.ok) return build(r.details, 'Refreshed from EC2.');
    view.result.failure('EC2 did not return the image', r.error);
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
const yesNo = (v: boolean | undefined) => (v === undefined ? undefined : v ? 'Yes' : 'No');
// The local time with its zone, then EC2's UTC value: a bare local time is ambiguous next to UTC tooltips.
const when = (iso: string | undefined) =>
  iso ? `${new Date(iso).toLocaleString(undefined, { timeZoneName: 'short' })} (${iso})` : undefined;

/** "Which public parameter points here": the name, and whether it names this image now. */
function parameterText(d: ImageDetailsInit): Node | undefined {
  const p = d.publicParameter;
  if (!p) return undefined;
  const status =
    p.namesThisImage === true
      ? ' — names this AMI now'
      : p.namesThisImage === false
        ? ` — names ${p.currentImageId ?? 'another image'} now (this is an earlier build)`
        : ` — ${p.note ?? 'SSM could not be asked'}`;
  return h('span', {}, h('code', {}, p.name), status);
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
        `Instance store volume (${b.virtualName ?? 'ephemeral'}): not kept in the image.`,
      ),
    );
  if (b.kind === 'noDevice')
    return h(
      'tr',
      {},
      h('td', { className: 'mono' }, b.deviceName),
      h('td', { attrs: { colspan: '7' } }, 'Suppressed (NoDevice).'),
    );
  const perf = [b.iops ? `${b.iops} IOPS` : '', b.throughput ? `${b.throughput} MiB/s` : ''].filter(Boolean).join(', ');
  return h(
    'tr',
    {},
    h('td', { className: 'mono' }, b.deviceName),
    h('td', {}, b.snapshotId ? h('code', {}, b.snapshotId) : '—'),
    h('td', { className: 'num' }, b.sizeGiB !== undefined ? `${b.sizeGiB} GiB` : '—'),
    h('td', {}, b.volumeType ?? '—'),
    h('td', {}, perf || '—'),
    h('td', {}, b.encrypted ? 'Yes' : 'No'),
    h('td', {}, b.kmsKeyId ? h('code', {}, b.kmsKeyId) : b.encrypted ? 'aws/ebs (default)' : '—'),
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
    { className: 'toolbar', attrs: { role: 'toolbar', 'aria-label': 'Actions' } },
    h(
      'div',
      { className: 'group' },
      available ? button('Launch…', 'rocket', open('launchInstance'), false) : null,
      available ? button('Copy AMI…', 'files', open('copyImage')) : null,
      d.ownedByMe ? button('Launch permissions…', 'shield', open('launchPermissions')) : null,
      d.ownedByMe ? button('Deregister…', 'trash', open('deregister')) : null,
    ),
    h(
      'div',
      { className: 'group' },
      button('Copy ID', 'copy', () => channel.post({ type: 'copyId', id: d.imageId })),
      button('Reveal in tree', 'list-tree', () => channel.post({ type: 'revealInTree', id: d.imageId })),
      button('Refresh', 'refresh', () => {
        const requestId = requests.begin();
        if (!requestId) return;
        setBusy(true);
        result.clear();
        progress.show('Reading the image from EC2…');
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
    h('h1', {}, 'AMI Details'),
    h('p', { className: 'subtitle' }, `${d.name ? `${d.name} · ` : ''}${d.imageId} · ${d.region}`),
    actions,
    progress.root,
    result.root,
    notice ? h('p', { className: 'muted', attrs: { role: 'status' } }, icon('check'), ` ${notice}`) : null,
    attrs('General', [
      ['Image id', code(d.imageId)],
      ['Name', d.name],
      ['Description', d.description],
      [
        'Owner',
        h('span', {}, h('code', {}, d.ownerId), d.ownerAlias ? ` (${d.ownerAlias})` : '', d.ownedByMe ? ' — you' : ''),
      ],
      ['State', state],
      ['Created', when(d.creationDate)],
      ['Last launched', when(d.lastLaunchedTime)],
      ['Architecture', d.architecture],
      ['Platform', d.platformDetails ?? d.platform],
      ['Usage operation', code(d.usageOperation)],
      ['Image type', d.imageType],
      ['Virtualization', d.virtualizationType],
      ['Hypervisor', d.hypervisor],
      ['Boot mode', d.bootMode],
      ['ENA support', yesNo(d.enaSupport)],
      ['SR-IOV', d.sriovNetSupport],
      [
        'IMDS',
        d.imdsSupport === 'v2.0'
          ? 'IMDSv2 required (v2.0)'
          : (d.imdsSupport ?? 'Not set (instances use their launch settings)'),
      ],
      ['NitroTPM', d.tpmSupport],
      ['Kernel', code(d.kernelId)],
      ['RAM disk', code(d.ramdiskId)],
      ['Image location', d.imageLocation],
      [
        'Copied from',
        d.sourceImageId
          ? h('span', {}, h('code', {}, d.sourceImageId), ` in ${d.sourceImageRegion ?? '?'}`)
          : undefined,
      ],
      ['Created from instance', code(d.sourceInstanceId)],
      [
        'Product codes',
        d.productCodes.length ? d.productCodes.map((c) => `${c.id} (${c.type})`).join(', ') : undefined,
      ],
      ['Publisher', d.trust ? h('span', {}, h('strong', {}, d.trust.label), ` — ${d.trust.explanation}`) : undefined],
      ['Public parameter', parameterText(d)],
    ]),
    usedBySection(d.usedBy, d.region, d.lastLaunchedTime, (m) => channel.post(m)),
    lineageSection(d.lineage, d.imageId, (m) => channel.post(m)),
    h(
      'section',
      { attrs: { 'aria-label': 'Storage' } },
      h('h2', {}, 'Storage'),
      h(
        'p',
        {},
        `Root device: ${d.rootDeviceType ?? '?'}${d.rootDeviceName ? ` at ${d.rootDeviceName}` : ''}. `,
        ebs.length > 0
          ? `Its ${plural(ebs.length, 'snapshot')} cost at most ${formatUsd(d.monthlyCostUsd)} a month (${formatUsd(d.snapshotPricePerGiBMonth)} per GiB-month; snapshots are incremental, so less in practice).`
          : 'No EBS snapshot: nothing is billed for storage.',
      ),
      d.blockDevices.length === 0
        ? h('p', { className: 'muted' }, 'No block device mapping.')
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
                    'Device',
                    'Snapshot',
                    'Size',
                    'Type',
                    'IOPS / throughput',
                    'Encrypted',
                    'KMS key',
                    'Delete on termination',
                  ].map((t) => h('th', { attrs: { scope: 'col' } }, t)),
                ),
              ),
              h('tbody', {}, ...d.blockDevices.map(deviceRow)),
            ),
          ),
    ),
    h(
      'section',
      { attrs: { 'aria-label': 'Permissions' } },
      h('h2', {}, 'Launch permissions'),
      h(
        'p',
        {},
        d.isPublic
          ? 'Public: every AWS account can find and launch it.'
          : 'Private: only the owner and the accounts it is shared with can launch it.',
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
                  ['Accounts', perms.permissions.accounts],
                  ['Organizations', perms.permissions.organizations],
                  ['Organizational units', perms.permissions.organizationalUnits],
                ] as [string, string[]][]
              ).map(([k, list]) =>
                h(
                  'tr',
                  {},
                  h('th', { attrs: { scope: 'row' } }, k),
                  h(
                    'td',
                    {},
                    list.length ? h('span', {}, ...list.flatMap((v, i) => [i ? ', ' : '', h('code', {}, v)])) : 'None',
                  ),
                ),
              ),
            ),
          )
        : h('div', { className: 'note' }, perms.reason),
    ),
    h(
      'section',
      { attrs: { 'aria-label': 'Tags' } },
      h('h2', {}, 'Tags'),
      d.tags.length === 0
        ? h('p', { className: 'muted' }, 'No tags.')
        : h(
            'table',
            { className: 'attrs' },
            h(
              'tbody',
              {},
              ...d.tags.map((t) =>
                h('tr', {}, h('th', { attrs: { scope: 'row' } }, t.key), h('td', {}, t.value || '(empty)')),
              ),
            ),
          ),
    ),
    attrs('Deprecation and protection', [
      [
        'Deprecation',
        d.deprecationTime
          ? `${d.deprecated ? 'Deprecated since' : 'Deprecated on'} ${when(d.deprecationTime)}`
          : 'None: not scheduled for deprecation.',
      ],
      [
        'Deregistration protection',
        d.deregistrationProtection === 'disabled' ? 'Off' : `On (${d.deregistrationProtection})`,
      ],
    ]),
  );
  return { result, idle: () => setBusy(false) };
}
