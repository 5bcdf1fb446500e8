/** The Copy AMI form: destination region, name, description, encryption and KMS key, tags. */
import * as l10n from '@vscode/l10n';
import type {
  CopyImageInit,
  CopyImageParams,
  CopyImageToHost,
  CopyImageToWebview,
} from '../../src/shared/protocol/copyImage';
import { checkAmiName, checkDescription, checkKmsKeyId } from '../../src/shared/validation';
import { BASE_CSS, adoptStyles, fillIn, h, setChildren } from './lib/dom';
import { progressLine, resultBox, submitOnEnter, textField } from './lib/fields';
import { HostChannel } from './lib/host';
import { imageActions, startPanel, submitForm, successLock } from './lib/panel';
import { publisherSection } from './lib/publisherCheck';
import { refuseIfInvalid } from './lib/refuse';

adoptStyles(`${BASE_CSS}
vscode-single-select.region { width: 240px; }
`);

const channel = new HostChannel<CopyImageToHost, CopyImageToWebview, CopyImageParams>();
const app = document.getElementById('app') as HTMLElement;
const requests = startPanel(channel, app, {
  init: (message) => build(message.data, channel.savedForm('copyImage')),
  result(view, r) {
    if (!r.ok) {
      view.result.failure(l10n.t('EC2 did not copy the image'), r.error);
      return;
    }
    view.succeeded();
    view.result.success(
      r.connectionLabel
        ? l10n.t('Copy {0} started in {1} of the connection {2}', r.imageId, r.region, r.connectionLabel)
        : l10n.t('Copy {0} started in {1}', r.imageId, r.region),
      [
        h(
          'p',
          {},
          // `pending` is EC2's state of the image, as the tree shows it: not translated.
          ...fillIn(
            l10n.t(
              'It stays {0} while EC2 copies the snapshots (minutes to hours for large images). A notification follows it until it is available.',
            ),
            h('em', {}, 'pending'),
          ),
        ),
      ],
      // A copy in another connection is shown under that connection: only its id can be copied here.
      r.connectionLabel
        ? [{ label: l10n.t('Copy image id'), icon: 'copy', run: () => channel.post({ type: 'copyId', id: r.imageId }) }]
        : imageActions(channel, r.imageId),
    );
  },
});

function build(data: CopyImageInit, saved: CopyImageParams | undefined) {
  const progress = progressLine();
  const result = resultBox();
  const header = [
    h('h1', {}, l10n.t('Copy AMI')),
    h(
      'p',
      { className: 'subtitle' },
      `${data.sourceName ? `${data.sourceName} · ` : ''}${data.sourceImageId} · ${data.sourceRegion}`,
    ),
  ];
  if (data.isMarketplace) {
    setChildren(
      app,
      ...header,
      h(
        'div',
        { className: 'warning', attrs: { role: 'alert' } },
        h('strong', {}, `${l10n.t('EC2 cannot copy this image.')} `),
        l10n.t(
          'It is an AWS Marketplace image (it has product codes), and EC2 refuses to copy those. Launch an instance from it and create an image of that instance, or subscribe to the product in the other region.',
        ),
      ),
    );
    return { progress, result, idle: () => undefined, succeeded: () => undefined };
  }
  const save = () =>
    channel.save({
      args: { kind: 'copyImage', region: data.sourceRegion, imageId: data.sourceImageId },
      form: values(),
    });

  const regionId = 'copy-region';
  const region = h('vscode-single-select', { id: regionId, className: 'region' });
  const destinations = data.destinations ?? [];
  const connectionId = 'copy-connection';
  const connection = h('vscode-single-select', { id: connectionId, className: 'region' });
  connection.append(
    h('vscode-option', { value: '', selected: !saved?.destinationConnection }, l10n.t('This connection')),
  );
  for (const d of destinations)
    connection.append(
      h(
        'vscode-option',
        { value: d.connectionId, selected: d.connectionId === saved?.destinationConnection },
        `${d.label} (${d.accountId})`,
      ),
    );
  const fillRegions = (wanted: string | undefined) => {
    const other = destinations.find((d) => d.connectionId === connection.value);
    const choices = other ? other.regions : data.regions;
    const selected = wanted && choices.includes(wanted) ? wanted : other ? choices[0] : data.sourceRegion;
    region.replaceChildren(
      ...choices.map((r) =>
        h(
          'vscode-option',
          { value: r, selected: r === selected },
          !other && r === data.sourceRegion ? l10n.t('{0} (same region)', r) : r,
        ),
      ),
    );
  };
  fillRegions(saved?.destinationRegion);
  connection.addEventListener('change', () => {
    fillRegions(undefined);
    save();
  });
  region.addEventListener('change', save);
  const name = textField({
    label: l10n.t('Name of the copy'),
    value: saved?.name ?? (data.sourceName ?? data.sourceImageId).slice(0, 128),
    check: checkAmiName,
    maxLength: 128,
    onChange: save,
  });
  const description = textField({
    label: l10n.t('Description (optional)'),
    value: saved?.description ?? (data.sourceDescription ?? '').slice(0, 255),
    check: checkDescription,
    maxLength: 255,
    onChange: save,
  });
  const encrypted = h('vscode-checkbox', {
    label: l10n.t('Encrypt the snapshots of the copy'),
    checked: data.sourceEncrypted || (saved?.encrypted ?? false),
    disabled: data.sourceEncrypted,
  });
  const kms = textField({
    label: l10n.t('KMS key (optional)'),
    value: saved?.kmsKeyId ?? '',
    placeholder: l10n.t('alias/aws/ebs (default)'),
    maxLength: 2048,
    onChange: save,
    check: (v) => (v === '' ? undefined : checkKmsKeyId(v)),
    helper: l10n.t(
      'A key id, key ARN, alias/name or alias ARN in the destination region. Empty: your default EBS key.',
    ),
  });
  const syncKms = () => {
    kms.root.hidden = !encrypted.checked;
  };
  encrypted.addEventListener('change', () => {
    syncKms();
    save();
  });
  syncKms();
  const copyTags = h('vscode-checkbox', {
    label: l10n.t('Copy the image’s tags'),
    checked: saved?.copyImageTags ?? true,
  });
  copyTags.addEventListener('change', save);
  const submit = h('vscode-button', { icon: 'copy', on: { click: () => send() } }, l10n.t('Copy AMI'));
  const publisher = publisherSection(data.publisher, 'copy');
  const syncPublisher = () => {
    submit.disabled = requests.busy || (!lock.done && !publisher.acknowledged());
  };
  publisher.ack?.addEventListener('change', syncPublisher);
  const lock = successLock({
    submit,
    label: l10n.t('Copy AMI'),
    againLabel: l10n.t('Make another copy…'),
    lock: setFieldsDisabled,
    result,
    first: region,
  });

  function values(): CopyImageParams {
    return {
      destinationRegion: region.value,
      ...(connection.value ? { destinationConnection: connection.value } : {}),
      name: name.value,
      description: description.value,
      encrypted: encrypted.checked,
      kmsKeyId: encrypted.checked ? kms.value.trim() : '',
      copyImageTags: copyTags.checked,
      acknowledgeUnknownPublisher: publisher.ack?.checked ?? false,
    };
  }
  function send(): void {
    if (lock.done) {
      lock.again();
      if (publisher.ack) publisher.ack.checked = false;
      return syncPublisher();
    }
    const problems = [name.validate(), description.validate(), encrypted.checked ? kms.validate() : undefined];
    if (refuseIfInvalid(problems)) return;
    submitForm(requests, channel, { result, progress, setBusy }, values());
  }
  function setFieldsDisabled(disabled: boolean): void {
    for (const c of [connection, region, name.input, description.input, kms.input, copyTags]) c.disabled = disabled;
    if (publisher.ack) publisher.ack.disabled = disabled;
    encrypted.disabled = disabled || data.sourceEncrypted;
  }
  function setBusy(busy: boolean): void {
    setFieldsDisabled(busy);
    submit.disabled = busy;
    if (!busy) progress.hide();
    syncPublisher();
  }

  submitOnEnter(app, submit);
  setChildren(
    app,
    ...header,
    result.root,
    publisher.root,
    h(
      'vscode-form-group',
      { variant: 'vertical' },
      h('vscode-label', { attrs: { for: regionId } }, l10n.t('Destination region')),
      region,
    ),
    destinations.length > 0
      ? h(
          'vscode-form-group',
          { variant: 'vertical' },
          h('vscode-label', { attrs: { for: connectionId } }, l10n.t('Make the copy in')),
          connection,
          h(
            'vscode-form-helper',
            {},
            l10n.t(
              'Another connection makes the copy in its own account, which must be able to launch this image: share it with that account first (Launch Permissions).',
            ),
          ),
        )
      : null,
    name.root,
    description.root,
    h('h2', {}, l10n.t('Encryption')),
    encrypted,
    h(
      'p',
      { className: 'explain' },
      data.sourceEncrypted
        ? l10n.t('The source’s snapshots are encrypted, so the copy is encrypted too (EC2 never decrypts a copy).')
        : l10n.t(
            'Encrypting the copy is the way to get an encrypted AMI from an unencrypted one. Launching from it needs access to the key.',
          ),
    ),
    kms.root,
    h('h2', {}, l10n.t('Tags')),
    copyTags,
    h(
      'div',
      { className: 'note' },
      h('strong', {}, `${l10n.t('Launch permissions are not copied.')} `),
      l10n.t(
        'The copy is private to your account whatever the source’s sharing: share it again from Launch permissions. Deprecation and deregistration protection are not copied either.',
      ),
    ),
    h('div', { className: 'actions-row' }, submit),
    progress.root,
  );
  name.validate();
  syncPublisher();
  save();
  return { progress, result, idle: () => setBusy(false), succeeded: () => lock.finish() };
}
