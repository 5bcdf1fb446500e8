/**
 * New, empty EBS volumes added to the image (Create Image): rows of the volume table with a
 * device name, size, type, encryption and delete on termination, each checked as the user types
 * with the rules the host enforces. In a folder of its own: every `webview-ui/src/*.ts` is a bundle.
 */
import type { NewVolume, NewVolumeType, VolumeInfo } from '../../../src/shared/protocol/createImage';
import { LIMITS } from '../../../src/shared/protocol/envelope';
import { NEW_VOLUME_TYPES } from '../../../src/shared/protocol/createImage';
import { checkNewDeviceName, checkNewVolumeSize, suggestDeviceName } from '../../../src/shared/validation';
import { h } from '../lib/dom';

export const NEW_VOLUME_CSS = `
.vol-device { width: 110px; }
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
  readonly controls: { disabled: boolean }[];
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
  const body = h('tbody', { attrs: { 'aria-label': 'New volumes' } });
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
        ? `At most ${maxNew} new volumes in this image.`
        : `An image maps at most ${LIMITS.maxVolumes} volumes, as many as this instance has.`;
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
    for (const c of row.controls) c.disabled = disabled;
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
    'Add volume',
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
      for (const r of rows) for (const c of r.controls) c.disabled = d;
      refreshAdd();
    },
  };
}

function newVolumeRow(
  v: NewVolume,
  opts: { taken: () => string[]; onDeviceInput: () => void; onChange: () => void; remove: () => void },
): Row {
  const device = h('vscode-textfield', { value: v.deviceName, className: 'vol-device', maxLength: 16 });
  const deviceError = h('div', { className: 'error-text', attrs: { role: 'status' } });
  const size = h('vscode-textfield', { value: String(v.sizeGiB), className: 'vol-size' });
  const sizeError = h('div', { className: 'error-text', attrs: { role: 'status' } });
  const type = h('vscode-single-select', { className: 'vol-type' });
  // Kept here rather than read from the select, which answers '' until it is in the document.
  let volumeType: NewVolumeType = v.volumeType;
  for (const t of NEW_VOLUME_TYPES) type.append(h('vscode-option', { value: t, selected: v.volumeType === t }, t));
  const encrypted = h('vscode-checkbox', { checked: v.encrypted, label: 'Encrypted' });
  const dot = h('vscode-checkbox', { checked: v.deleteOnTermination, label: 'Delete on termination' });
  const remove = h('vscode-button', { secondary: true, icon: 'trash', on: { click: () => opts.remove() } }, 'Remove');

  // Every control is named after the device, so a screen reader says which row it is in.
  const relabel = () => {
    const name = device.value.trim() || 'the new volume';
    device.label = `Device name of new volume ${name}`;
    size.label = `Size of new volume ${name} in GiB`;
    type.label = `Volume type of new volume ${name}`;
    encrypted.setAttribute('aria-label', `Encrypt new volume ${name}`);
    dot.setAttribute('aria-label', `Delete new volume ${name} on termination`);
    remove.setAttribute('aria-label', `Remove new volume ${name}`);
    remove.title = `Remove new volume ${name}`;
  };
  const checkDevice = () => {
    const problem = checkNewDeviceName(device.value, opts.taken());
    device.invalid = problem !== undefined;
    deviceError.textContent = problem ?? '';
    return problem;
  };
  const checkSize = () => {
    const problem = checkNewVolumeSize(size.value, volumeType);
    size.invalid = problem !== undefined;
    sizeError.textContent = problem ?? '';
    return problem;
  };
  device.addEventListener('input', () => {
    relabel();
    opts.onDeviceInput();
    opts.onChange();
  });
  size.addEventListener('input', () => {
    checkSize();
    opts.onChange();
  });
  type.addEventListener('change', () => {
    volumeType = type.value as NewVolumeType;
    checkSize();
    opts.onChange();
  });
  for (const c of [encrypted, dot]) c.addEventListener('change', opts.onChange);
  relabel();

  return {
    tr: h(
      'tr',
      { className: 'new-volume' },
      h('td', {}, device, deviceError),
      h('td', { className: 'muted' }, 'New, empty'),
      h('td', {}, size, sizeError),
      h('td', {}, type),
      h('td', {}, encrypted),
      h('td', {}, dot),
      h('td', {}, remove),
    ),
    device,
    controls: [device, size, type, encrypted, dot, remove],
    validate: () => {
      const problems = [checkDevice(), checkSize()];
      return problems.find((p) => p !== undefined);
    },
    value: () => ({
      deviceName: device.value,
      sizeGiB: Number(size.value.trim()),
      volumeType,
      deleteOnTermination: dot.checked,
      encrypted: encrypted.checked,
    }),
  };
}
