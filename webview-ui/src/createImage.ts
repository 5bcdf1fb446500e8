/** The Create Image form: name, description, the no-reboot trade-off, volumes and tags. */
import * as l10n from '@vscode/l10n';
import type {
  CreateImageInit,
  CreateImageParams,
  CreateImageToHost,
  CreateImageToWebview,
  VolumeInfo,
  VolumeMapping,
} from '../../src/shared/protocol/createImage';
import { checkAmiName, checkDescription } from '../../src/shared/validation';
import { BASE_CSS, adoptStyles, fillIn, h, setChildren } from './lib/dom';
import { progressLine, resultBox, tagEditor, textField } from './lib/fields';
import { HostChannel } from './lib/host';
import { imageActions, startPanel, submitForm, successLock } from './lib/panel';
import { refuseIfInvalid } from './lib/refuse';
import type { NewVolumeEditor } from './createImage/newVolumes';
import { NEW_VOLUME_CSS, newVolumeEditor } from './createImage/newVolumes';

adoptStyles(`${BASE_CSS}${NEW_VOLUME_CSS}
.vol-size { width: 90px; }
.vol-type { width: 120px; }
.trade-off { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
.trade-off .note { margin: 0; }
.trade-off .chosen { outline: 1px solid var(--vscode-focusBorder); }
`);

const channel = new HostChannel<CreateImageToHost, CreateImageToWebview, CreateImageParams>();
const app = document.getElementById('app') as HTMLElement;
const requests = startPanel(channel, app, {
  init(message) {
    const view = buildForm(message.data, channel.savedForm('createImage'));
    channel.save({ args: message.args, form: view.values() });
    return view;
  },
  result(view, r) {
    if (!r.ok) {
      view.result.failure(l10n.t('EC2 did not create the image'), r.error);
      return;
    }
    view.succeeded();
    view.result.success(
      l10n.t('Image {0} is being created', r.imageId),
      [
        h(
          'p',
          {},
          // `pending` is EC2's state of the image, as the tree shows it: not translated.
          ...fillIn(
            l10n.t(
              'It stays {0} until EC2 has snapshotted every volume. A notification follows it and the tree refreshes when it is available.',
            ),
            h('em', {}, 'pending'),
          ),
        ),
      ],
      imageActions(channel, r.imageId),
    );
  },
});

function buildForm(data: CreateImageInit, saved: CreateImageParams | undefined) {
  const who = data.instanceName ? `${data.instanceName} (${data.instanceId})` : data.instanceId;
  const header = [
    h('h1', {}, l10n.t('Create Image')),
    h('p', { className: 'subtitle' }, l10n.t('From instance {0} · {1} · {2}', who, data.instanceState, data.region)),
  ];
  const progress = progressLine();
  const result = resultBox();

  if (data.rootDeviceType !== 'ebs') {
    setChildren(app, ...header, instanceStoreExplanation());
    return {
      progress,
      result,
      idle: () => undefined,
      succeeded: () => undefined,
      values: () => saved ?? emptyValues(data),
    };
  }

  const save = () =>
    channel.save({ args: { kind: 'createImage', region: data.region, instanceId: data.instanceId }, form: values() });
  const name = textField({
    label: l10n.t('Image name'),
    value: saved?.name ?? data.suggestedName,
    check: checkAmiName,
    maxLength: 128,
    onChange: save,
    helper: l10n.t(
      "3–128 characters: letters, digits, spaces and ( ) [ ] . / - ' @ _. Unique among your images in this region.",
    ),
  });
  const description = textField({
    label: l10n.t('Description (optional)'),
    value: saved?.description ?? '',
    check: checkDescription,
    maxLength: 255,
    onChange: save,
  });

  const noReboot = h('vscode-checkbox', {
    label: l10n.t('Keep the instance running while EC2 takes the snapshots (no reboot)'),
    checked: saved?.noReboot ?? false,
  });
  const rebootNote = h(
    'div',
    { className: 'note' },
    h('strong', {}, `${l10n.t('Reboot (recommended).')} `),
    ...fillIn(
      l10n.t(
        'EC2 shuts the instance down, snapshots every attached volume, then starts it again. Nothing is being written during the snapshots, so the image is {0}. The instance is unavailable for a few minutes.',
      ),
      h('strong', {}, l10n.t({ message: 'application-consistent', comment: ['the kind of image a reboot gives'] })),
    ),
  );
  const noRebootNote = h(
    'div',
    { className: 'note' },
    h('strong', {}, `${l10n.t('Keep running.')} `),
    ...fillIn(
      l10n.t(
        'The instance keeps serving while EC2 snapshots its volumes. Data still in memory and writes in flight are not captured: the image is only {0}, as if the power had been cut. Databases may need recovery when launched from it.',
      ),
      h(
        'strong',
        {},
        l10n.t({ message: 'crash-consistent', comment: ['the kind of image a snapshot without reboot gives'] }),
      ),
    ),
  );
  const markChoice = () => {
    rebootNote.classList.toggle('chosen', !noReboot.checked);
    noRebootNote.classList.toggle('chosen', noReboot.checked);
  };
  noReboot.addEventListener('change', () => {
    markChoice();
    save();
  });
  markChoice();

  const volumeRows = data.volumes.map((v) =>
    volumeRow(
      v,
      saved?.volumes.find((m) => m.deviceName === v.deviceName),
      save,
    ),
  );
  const newVolumes = newVolumeEditor({ existing: data.volumes, saved: saved?.addedVolumes ?? [], onChange: save });
  const imageTags = tagEditor({ label: l10n.t('Image tags'), explain: l10n.t('Tags of the new AMI.'), onChange: save });
  const snapshotTags = tagEditor({
    label: l10n.t('Snapshot tags'),
    explain: l10n.t('Tags of the snapshots EC2 takes of each volume (for cost allocation and clean-up).'),
    onChange: save,
  });
  imageTags.value = saved?.imageTags ?? [];
  snapshotTags.value = saved?.snapshotTags ?? [];

  const submit = h('vscode-button', { icon: 'device-camera', on: { click: () => send() } }, l10n.t('Create Image'));
  const fieldsToDisable = () => [name.input, description.input, noReboot, ...volumeRows.flatMap((r) => r.controls)];
  const lock = successLock({
    submit,
    label: l10n.t('Create Image'),
    againLabel: l10n.t('Create another image…'),
    lock: setFieldsDisabled,
    result,
    first: name.input,
  });

  function values(): CreateImageParams {
    return {
      name: name.value,
      description: description.value,
      noReboot: noReboot.checked,
      volumes: volumeRows.map((r) => r.value()),
      addedVolumes: newVolumes.value(),
      imageTags: imageTags.value,
      snapshotTags: snapshotTags.value,
    };
  }

  function send(): void {
    if (lock.done) return lock.again();
    const problems = [
      name.validate(),
      description.validate(),
      newVolumes.validate(),
      imageTags.validate(),
      snapshotTags.validate(),
    ];
    if (refuseIfInvalid(problems)) return;
    submitForm(requests, channel, { result, progress, setBusy }, values());
  }

  function setFieldsDisabled(disabled: boolean): void {
    for (const f of fieldsToDisable()) f.disabled = disabled;
    imageTags.setDisabled(disabled);
    snapshotTags.setDisabled(disabled);
    newVolumes.setDisabled(disabled);
  }

  function setBusy(busy: boolean): void {
    setFieldsDisabled(busy);
    submit.disabled = busy;
    if (!busy) progress.hide();
  }

  const stateWarning =
    data.instanceState === 'running' || data.instanceState === 'stopped'
      ? null
      : h(
          'div',
          { className: 'warning', attrs: { role: 'alert' } },
          l10n.t('EC2 creates images only from running or stopped instances; this one is {0}.', data.instanceState),
        );
  setChildren(
    app,
    ...header,
    result.root,
    stateWarning,
    name.root,
    description.root,
    h('h2', {}, l10n.t({ message: 'Reboot', comment: ['heading of the reboot choice'] })),
    noReboot,
    data.instanceState === 'stopped'
      ? h(
          'p',
          { className: 'explain' },
          l10n.t('The instance is stopped: its volumes are already consistent, so this choice makes no difference.'),
        )
      : h('div', { className: 'trade-off' }, rebootNote, noRebootNote),
    h('h2', {}, l10n.t('Volumes')),
    h(
      'p',
      { className: 'explain' },
      l10n.t(
        'Each EBS volume becomes a snapshot referenced by the image, with the size, type and encryption the volume has now: for an existing volume EC2 lets you change only Delete on termination, or leave a data volume out. To change a size or type, modify the volume before creating the image, or choose them when you launch an instance from the image. Encryption follows the volume (Copy AMI can encrypt a copy). Add volume maps a new, empty (unformatted) volume that every instance launched from the image gets; it may be encrypted.',
      ),
    ),
    volumeTable(volumeRows, newVolumes),
    newVolumes.actions,
    imageTags.root,
    snapshotTags.root,
    h('div', { className: 'actions-row' }, submit),
    progress.root,
  );
  [name, description].forEach((f) => f.validate());
  return { progress, result, idle: () => setBusy(false), succeeded: () => lock.finish(), values };
}

/** An existing volume: size and type as they are (CreateImage cannot change them), the two choices it allows. */
function volumeRow(v: VolumeInfo, saved: VolumeMapping | undefined, onChange: () => void) {
  const dot = h('vscode-checkbox', {
    checked: saved?.deleteOnTermination ?? v.deleteOnTermination,
    label: l10n.t('Delete on termination'),
    attrs: { 'aria-label': l10n.t('Delete {0} on termination', v.deviceName) },
  });
  const include = h('vscode-checkbox', {
    checked: v.isRoot || (saved?.include ?? true),
    disabled: v.isRoot,
    label: v.isRoot ? l10n.t('Root: always included') : l10n.t('Include'),
    attrs: { 'aria-label': l10n.t('Include {0} in the image', v.deviceName) },
  });
  for (const c of [dot, include]) c.addEventListener('change', onChange);
  const cells = h(
    'tr',
    {},
    h(
      'td',
      { className: 'mono' },
      v.deviceName,
      v.isRoot ? h('div', { className: 'muted' }, l10n.t({ message: 'root', comment: ['the root volume'] })) : null,
    ),
    h('td', { className: 'mono' }, v.volumeId ?? ''),
    h('td', { attrs: { 'aria-label': l10n.t('Size of {0}', v.deviceName) } }, `${v.sizeGiB}`),
    h('td', { attrs: { 'aria-label': l10n.t('Volume type of {0}', v.deviceName) } }, v.volumeType),
    h('td', {}, v.encrypted ? l10n.t('Encrypted') : l10n.t('Not encrypted')),
    h('td', {}, dot),
    h('td', {}, include),
  );
  return {
    row: cells,
    controls: v.isRoot ? [dot] : [dot, include],
    value: (): VolumeMapping => ({
      deviceName: v.deviceName,
      include: v.isRoot || include.checked,
      deleteOnTermination: dot.checked,
    }),
  };
}

function volumeTable(rows: ReturnType<typeof volumeRow>[], newVolumes: NewVolumeEditor): HTMLElement {
  const head = h(
    'tr',
    {},
    ...[
      l10n.t('Device'),
      l10n.t({ message: 'Volume', comment: ['the volume id column'] }),
      l10n.t('Size (GiB)'),
      l10n.t({ message: 'Type', comment: ['the volume type column'] }),
      l10n.t('Encryption'),
      l10n.t('On termination'),
      l10n.t('In image'),
    ].map((t) => h('th', { attrs: { scope: 'col' } }, t)),
  );
  const table = h('table', {}, h('thead', {}, head), h('tbody', {}, ...rows.map((r) => r.row)), newVolumes.body);
  if (rows.length > 0) return table;
  return h(
    'div',
    {},
    h('p', { className: 'explain' }, l10n.t('EC2 reported no EBS volumes for this instance.')),
    table,
  );
}

function instanceStoreExplanation(): HTMLElement {
  return h(
    'div',
    { className: 'warning', attrs: { role: 'alert' } },
    h(
      'p',
      {},
      h('strong', {}, `${l10n.t('EC2 cannot create an image of this instance.')} `),
      l10n.t(
        'Its root device is an instance store volume: a disk physically attached to the host, which EC2 cannot snapshot. CreateImage works only for EBS-backed instances, because the image is made of EBS snapshots.',
      ),
    ),
    h(
      'p',
      {},
      // The tools' names are commands: not translated.
      ...fillIn(
        l10n.t(
          'To get an AMI from it, bundle the running instance with the EC2 AMI tools ({0}, {1}) to Amazon S3 and register the bundle (RegisterImage), or move the workload to an EBS-backed instance and create the image from that.',
        ),
        h('code', {}, 'ec2-bundle-vol'),
        h('code', {}, 'ec2-upload-bundle'),
      ),
    ),
  );
}

function emptyValues(data: CreateImageInit): CreateImageParams {
  return { name: data.suggestedName, description: '', noReboot: false, volumes: [], imageTags: [], snapshotTags: [] };
}
