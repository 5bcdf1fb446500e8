/**
 * New EBS volumes added to the image (Create Image): rows of the volume table with a device
 * name, an optional source snapshot, size, type (with IOPS and throughput for the types that take
 * them), encryption and delete on termination, each checked as the user types with the rules the
 * host enforces. In a folder of its own: every `webview-ui/src/*.ts` is a bundle.
 */
import * as l10n from '@vscode/l10n';
import type { NewVolume, NewVolumeType, VolumeInfo } from '../../../src/shared/protocol/createImage';
import { LIMITS } from '../../../src/shared/protocol/envelope';
import { NEW_VOLUME_TYPES } from '../../../src/shared/protocol/createImage';
import { counted } from '../../../src/shared/plural';
import { IOPS_LIMITS, limitsFor, THROUGHPUT_LIMITS } from '../../../src/shared/ebsVolumeLimits';
import {
  checkNewDeviceName,
  checkNewVolumeIops,
  checkNewVolumeSize,
  checkNewVolumeThroughput,
  checkOptionalSnapshotId,
  suggestDeviceName,
} from '../../../src/shared/validation';
import { h } from '../lib/dom';

export const NEW_VOLUME_CSS = `
.vol-device { width: 110px; }
/* Top-aligned: the IOPS, throughput and snapshot fields make a cell taller than its neighbours. */
tr.new-volume td { vertical-align: top; }
.vol-extra { display: block; margin-top: 4px; }
.vol-extra[hidden] { display: none; }
.new-volumes-actions { display: flex; gap: 8px; align-items: center; margin: 8px 0; }
`;

const DEFAULT_NEW_VOLUME: Omit<NewVolume, 'deviceName'> = {
  sizeGiB: 8,
  volumeType: 'gp3',
  deleteOnTermination: true,
  encrypted: false,
};

interface Row {
  readonly tr: HTMLTableRowElement;
  readonly device: HTMLElementTagNameMap['vscode-textfield'];
  /** Disables the row (while the form is sent); Encrypted stays off for a volume from a snapshot. */
  setDisabled(disabled: boolean): void;
  /** Shows this row's problems; returns the first. */
  validate(): string | undefined;
  value(): NewVolume;
}

export interface NewVolumeEditor {
  /** The new rows, a `tbody` of the volume table after the instance's volumes. */
  readonly body: HTMLTableSectionElement;
  /** The "Add volume" button and why it is off, under the table. */
  readonly actions: HTMLElement;
  value(): NewVolume[];
  validate(): string | undefined;
  setDisabled(disabled: boolean): void;
}

export function newVolumeEditor(opts: {
  existing: readonly VolumeInfo[];
  saved: readonly NewVolume[];
  onChange: () => void;
}): NewVolumeEditor {
  const existingDevices = opts.existing.map((v) => v.deviceName);
  const rootDevice = (opts.existing.find((v) => v.isRoot) ?? opts.existing[0])?.deviceName;
  const maxNew = Math.min(LIMITS.maxAddedVolumes, LIMITS.maxVolumes - existingDevices.length);
  const rows: Row[] = [];
  const body = h('tbody', { attrs: { 'aria-label': l10n.t('New volumes') } });
  const limitNote = h('span', { className: 'muted', attrs: { role: 'status' } });
  let disabled = false;

  const taken = (except?: Row) => [...existingDevices, ...rows.filter((r) => r !== except).map((r) => r.device.value)];
  const validateAll = () => rows.map((r) => r.validate()).find((p) => p !== undefined);
  const refreshAdd = () => {
    const full = rows.length >= maxNew;
    add.disabled = disabled || full;
    limitNote.textContent = !full
      ? ''
      : maxNew > 0
        ? counted(
            maxNew,
            l10n.t('At most {0} new volume in this image.'),
            l10n.t('At most {0} new volumes in this image.'),
          )
        : l10n.t('An image maps at most {0} volumes, as many as this instance has.', LIMITS.maxVolumes);
  };

  function addRow(volume: NewVolume, focus: boolean): void {
    const row = newVolumeRow(volume, {
      taken: () => taken(row),
      onDeviceInput: () => validateAll(),
      onChange: opts.onChange,
      remove: () => {
        rows.splice(rows.indexOf(row), 1);
        row.tr.remove();
        refreshAdd();
        validateAll();
        opts.onChange();
        add.focus();
      },
    });
    row.setDisabled(disabled);
    rows.push(row);
    body.append(row.tr);
    refreshAdd();
    row.validate();
    // The field renders its inner input asynchronously; focus it once it is there.
    if (focus) void row.device.updateComplete.then(() => row.device.focus());
  }

  const add = h(
    'vscode-button',
    {
      secondary: true,
      icon: 'add',
      on: {
        click: () => {
          if (rows.length >= maxNew) return;
          addRow({ deviceName: suggestDeviceName(rootDevice, taken()) ?? '', ...DEFAULT_NEW_VOLUME }, true);
          opts.onChange();
        },
      },
    },
    l10n.t('Add volume'),
  );
  for (const v of opts.saved.slice(0, maxNew)) addRow(v, false);
  refreshAdd();

  return {
    body,
    actions: h('div', { className: 'new-volumes-actions' }, add, limitNote),
    value: () => rows.map((r) => r.value()),
    validate: validateAll,
    setDisabled(d) {
      disabled = d;
      for (const r of rows) r.setDisabled(d);
      refreshAdd();
    },
  };
}

/** A text field of a row, checked as the user types; `hidden` rows of it are skipped by validation. */
function checkedField(value: string, placeholder: string, check: () => string | undefined, under = true) {
  const input = h('vscode-textfield', { value, className: 'vol-size', placeholder });
  const error = h('div', { className: 'error-text', attrs: { role: 'status' } });
  // Under another control of its cell (a little space above), or alone in it (level with the row).
  const wrap = h('span', { className: under ? 'vol-extra' : '' }, input, error);
  const validate = () => {
    const problem = wrap.hidden ? undefined : check();
    input.invalid = problem !== undefined;
    error.textContent = problem ?? '';
    return problem;
  };
  return { input, wrap, validate };
}

function newVolumeRow(
  v: NewVolume,
  opts: { taken: () => string[]; onDeviceInput: () => void; onChange: () => void; remove: () => void },
): Row {
  const device = h('vscode-textfield', { value: v.deviceName, className: 'vol-device', maxLength: 16 });
  const deviceError = h('div', { className: 'error-text', attrs: { role: 'status' } });
  const type = h('vscode-single-select', { className: 'vol-type' });
  // Kept here rather than read from the select, which answers '' until it is in the document.
  let volumeType: NewVolumeType = NEW_VOLUME_TYPES.includes(v.volumeType) ? v.volumeType : 'gp3';
  for (const t of NEW_VOLUME_TYPES) type.append(h('vscode-option', { value: t, selected: volumeType === t }, t));
  const size = checkedField(String(v.sizeGiB), '', () => checkNewVolumeSize(size.input.value, volumeType), false);
  // Only for the types that take them (EbsBlockDevice.Iops / .Throughput); gp3 falls back to its baseline.
  const iops = checkedField(v.iops === undefined ? '' : String(v.iops), '', () =>
    checkNewVolumeIops(iops.input.value, volumeType),
  );
  const throughput = checkedField(v.throughputMiBs === undefined ? '' : String(v.throughputMiBs), '125', () =>
    checkNewVolumeThroughput(throughput.input.value, volumeType),
  );
  const snapshot = checkedField(v.snapshotId ?? '', l10n.t('snap-… (optional)'), () =>
    checkOptionalSnapshotId(snapshot.input.value),
  );
  snapshot.input.maxLength = 22;
  const encrypted = h('vscode-checkbox', { checked: v.encrypted, label: l10n.t('Encrypted') });
  const dot = h('vscode-checkbox', { checked: v.deleteOnTermination, label: l10n.t('Delete on termination') });
  const remove = h(
    'vscode-button',
    { secondary: true, icon: 'trash', on: { click: () => opts.remove() } },
    l10n.t('Remove'),
  );
  const fromSnapshot = () => snapshot.input.value.trim() !== '';

  // Every control is named after the device, so a screen reader says which row it is in.
  const relabel = () => {
    const l = labels(device.value.trim());
    device.label = l.device;
    size.input.label = l.size;
    type.label = l.type;
    iops.input.label = l.iops;
    throughput.input.label = l.throughput;
    snapshot.input.label = l.snapshot;
    encrypted.setAttribute('aria-label', l.encrypt);
    dot.setAttribute('aria-label', l.deleteOnTermination);
    remove.setAttribute('aria-label', l.remove);
    remove.title = l.remove;
  };
  /** Shows the fields the type takes, with its range as placeholder; encryption comes from a snapshot. */
  const refreshKind = () => {
    const iopsRange = limitsFor(IOPS_LIMITS, volumeType);
    iops.wrap.hidden = !iopsRange;
    iops.input.placeholder = iopsRange ? l10n.t('IOPS {0}–{1}', iopsRange.min, iopsRange.max) : '';
    const throughputRange = limitsFor(THROUGHPUT_LIMITS, volumeType);
    throughput.wrap.hidden = !throughputRange;
    throughput.input.placeholder = throughputRange
      ? l10n.t('MiB/s {0}–{1}', throughputRange.min, throughputRange.max)
      : '';
    encrypted.disabled = disabledByForm || fromSnapshot();
    if (fromSnapshot()) encrypted.checked = false;
    encrypted.title = fromSnapshot() ? l10n.t('A volume made from a snapshot takes the snapshot’s encryption.') : '';
  };
  let disabledByForm = false;
  const checkDevice = () => {
    const problem = checkNewDeviceName(device.value, opts.taken());
    device.invalid = problem !== undefined;
    deviceError.textContent = problem ?? '';
    return problem;
  };
  device.addEventListener('input', () => {
    relabel();
    opts.onDeviceInput();
    opts.onChange();
  });
  for (const f of [size, iops, throughput, snapshot]) {
    f.input.addEventListener('input', () => {
      f.validate();
      refreshKind();
      opts.onChange();
    });
  }
  type.addEventListener('change', () => {
    volumeType = type.value as NewVolumeType;
    refreshKind();
    for (const f of [size, iops, throughput]) f.validate();
    opts.onChange();
  });
  for (const c of [encrypted, dot]) c.addEventListener('change', opts.onChange);
  relabel();
  refreshKind();
  const number = (text: string) => (text.trim() === '' ? undefined : Number(text.trim()));

  return {
    tr: h(
      'tr',
      { className: 'new-volume' },
      h('td', {}, device, deviceError),
      h('td', { className: 'muted' }, l10n.t({ message: 'New', comment: ['a volume the image adds'] }), snapshot.wrap),
      h('td', {}, size.wrap),
      h('td', {}, type, iops.wrap, throughput.wrap),
      h('td', {}, encrypted),
      h('td', {}, dot),
      h('td', {}, remove),
    ),
    device,
    setDisabled(d: boolean) {
      disabledByForm = d;
      for (const c of [device, size.input, type, iops.input, throughput.input, snapshot.input, dot, remove])
        c.disabled = d;
      refreshKind();
    },
    validate: () => {
      const problems = [checkDevice(), size.validate(), iops.validate(), throughput.validate(), snapshot.validate()];
      return problems.find((p) => p !== undefined);
    },
    value: () => {
      const out: NewVolume = {
        deviceName: device.value,
        sizeGiB: Number(size.input.value.trim()),
        volumeType,
        deleteOnTermination: dot.checked,
        encrypted: !fromSnapshot() && encrypted.checked,
      };
      const iopsValue = iops.wrap.hidden ? undefined : number(iops.input.value);
      const throughputValue = throughput.wrap.hidden ? undefined : number(throughput.input.value);
      if (iopsValue !== undefined) out.iops = iopsValue;
      if (throughputValue !== undefined) out.throughputMiBs = throughputValue;
      if (fromSnapshot()) out.snapshotId = snapshot.input.value.trim();
      return out;
    },
  };
}

/**
 * What a screen reader calls the controls of a new volume's row: named after its device, or
 * "the new volume" while the device field is empty (whole sentences in both cases, for translation).
 */
function labels(name: string) {
  return name
    ? {
        device: l10n.t('Device name of new volume {0}', name),
        size: l10n.t('Size of new volume {0} in GiB', name),
        type: l10n.t('Volume type of new volume {0}', name),
        iops: l10n.t('IOPS of new volume {0}', name),
        throughput: l10n.t('Throughput of new volume {0} in MiB/s', name),
        snapshot: l10n.t('Snapshot id for new volume {0}, empty for an empty volume', name),
        encrypt: l10n.t('Encrypt new volume {0}', name),
        deleteOnTermination: l10n.t('Delete new volume {0} on termination', name),
        remove: l10n.t('Remove new volume {0}', name),
      }
    : {
        device: l10n.t('Device name of the new volume'),
        size: l10n.t('Size of the new volume in GiB'),
        type: l10n.t('Volume type of the new volume'),
        iops: l10n.t('IOPS of the new volume'),
        throughput: l10n.t('Throughput of the new volume in MiB/s'),
        snapshot: l10n.t('Snapshot id for the new volume, empty for an empty volume'),
        encrypt: l10n.t('Encrypt the new volume'),
        deleteOnTermination: l10n.t('Delete the new volume on termination'),
        remove: l10n.t('Remove the new volume'),
      };
}
