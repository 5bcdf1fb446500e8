/** The Launch form: instance type, Name tag, count, and the cost warning on real AWS. */
import * as l10n from '@vscode/l10n';
import type {
  LaunchInstanceInit,
  LaunchInstanceParams,
  LaunchInstanceToHost,
  LaunchInstanceToWebview,
} from '../../src/shared/protocol/launchInstance';
import { checkTagValue } from '../../src/shared/validation';
import { BASE_CSS, adoptStyles, fillIn, h, setChildren } from './lib/dom';
import { progressLine, resultBox, submitOnEnter, textField } from './lib/fields';
import { HostChannel } from './lib/host';
import { idActions, startPanel, submitForm, successLock } from './lib/panel';
import { publisherSection } from './lib/publisherCheck';
import { refuseIfInvalid } from './lib/refuse';

adoptStyles(`${BASE_CSS}
vscode-single-select.type { width: 240px; }
vscode-textfield.count { width: 80px; }
`);

const channel = new HostChannel<LaunchInstanceToHost, LaunchInstanceToWebview, LaunchInstanceParams>();
const app = document.getElementById('app') as HTMLElement;
const requests = startPanel(channel, app, {
  init: (message) => build(message.data, channel.savedForm('launchInstance')),
  result(view, r) {
    if (!r.ok) {
      view.result.failure(l10n.t('EC2 did not launch the instance'), r.error);
      return;
    }
    const first = r.instanceIds[0];
    view.succeeded();
    view.result.success(
      l10n.t('Launched {0}', r.instanceIds.join(', ')),
      [
        h(
          'p',
          {},
          // `pending` is EC2's state of an instance, as the tree shows it: not translated.
          ...fillIn(
            l10n.t('The instances start as {0} and appear under Instances in the tree.'),
            h('em', {}, 'pending'),
          ),
        ),
      ],
      first ? idActions(channel, first, l10n.t('Copy instance id')) : [],
    );
  },
});

function checkCount(v: string): string | undefined {
  return /^\d{1,2}$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= 10
    ? undefined
    : l10n.t('Launch between {0} and {1} instances.', 1, 10);
}

function build(data: LaunchInstanceInit, saved: LaunchInstanceParams | undefined) {
  const progress = progressLine();
  const result = resultBox();
  const header = [
    h('h1', {}, l10n.t('Launch Instance')),
    h(
      'p',
      { className: 'subtitle' },
      l10n.t('From {0}', [data.name, data.imageId, data.architecture, data.region].filter(Boolean).join(' · ')),
    ),
  ];
  if (data.state !== 'available') {
    setChildren(
      app,
      ...header,
      h(
        'div',
        { className: 'warning', attrs: { role: 'alert' } },
        l10n.t('EC2 launches only available images; this one is {0}.', data.state),
      ),
    );
    return { progress, result, idle: () => undefined, succeeded: () => undefined };
  }
  const save = () =>
    channel.save({ args: { kind: 'launchInstance', region: data.region, imageId: data.imageId }, form: values() });
  const typeId = 'launch-type';
  const type = h('vscode-single-select', { id: typeId, className: 'type' });
  for (const t of data.instanceTypes)
    type.append(h('vscode-option', { value: t, selected: t === (saved?.instanceType ?? data.instanceTypes[0]) }, t));
  type.addEventListener('change', save);
  const nameTag = textField({
    label: l10n.t('Name tag (optional)'),
    value: saved?.nameTag ?? '',
    check: checkTagValue,
    maxLength: 256,
    onChange: save,
  });
  const count = textField({
    label: l10n.t('Number of instances'),
    value: String(saved?.count ?? 1),
    check: checkCount,
    maxLength: 2,
    onChange: save,
  });
  count.input.classList.add('count');
  const ack = h('vscode-checkbox', {
    label: l10n.t('I understand that these instances are billed until I terminate them'),
  });
  const publisher = publisherSection(data.publisher, 'launch');
  const submit = h('vscode-button', { icon: 'rocket', on: { click: () => send() } }, l10n.t('Launch'));
  const lock = successLock({
    submit,
    label: l10n.t('Launch'),
    againLabel: l10n.t('Launch more…'),
    lock: setFieldsDisabled,
    result,
    first: type,
  });
  const syncAck = () => {
    submit.disabled =
      requests.busy || (!lock.done && ((data.backend === 'aws' && !ack.checked) || !publisher.acknowledged()));
  };
  ack.addEventListener('change', syncAck);
  publisher.ack?.addEventListener('change', syncAck);

  function values(): LaunchInstanceParams {
    return {
      instanceType: type.value,
      nameTag: nameTag.value,
      count: Number(count.value.trim()),
      acknowledgeCost: data.backend === 'aws' ? ack.checked : false,
      acknowledgeUnknownPublisher: publisher.ack?.checked ?? false,
    };
  }
  function send(): void {
    if (lock.done) {
      lock.again();
      if (data.backend === 'aws') ack.checked = false;
      return syncAck();
    }
    if (refuseIfInvalid([nameTag.validate(), count.validate()])) return;
    submitForm(requests, channel, { result, progress, setBusy }, values());
  }
  function setFieldsDisabled(disabled: boolean): void {
    for (const c of [type, nameTag.input, count.input, ack]) c.disabled = disabled;
    if (publisher.ack) publisher.ack.disabled = disabled;
  }
  function setBusy(busy: boolean): void {
    setFieldsDisabled(busy);
    if (!busy) progress.hide();
    syncAck();
  }

  submitOnEnter(app, submit);
  setChildren(
    app,
    ...header,
    result.root,
    publisher.root,
    data.notAllowed
      ? h(
          'div',
          { className: 'warning', attrs: { role: 'alert' } },
          h('strong', {}, `${l10n.t('Not allowed by Allowed AMIs.')} `),
          l10n.t(
            'EC2 reports this AMI as not allowed by the Allowed AMIs criteria of {0}. In audit mode it still launches, and the launch is reported; once Allowed AMIs is enabled, EC2 refuses it.',
            data.region,
          ),
        )
      : null,
    data.backend === 'aws'
      ? h(
          'div',
          { className: 'warning', attrs: { role: 'alert' } },
          h('strong', {}, `${l10n.t('This costs money.')} `),
          l10n.t(
            'You are connected to AWS: each instance is billed per second while it runs, plus its EBS volumes until they are deleted. Terminate the instances when you are done.',
          ),
        )
      : h('div', { className: 'note' }, l10n.t('Simulator: nothing is launched on AWS and nothing is billed.')),
    h(
      'vscode-form-group',
      { variant: 'vertical' },
      h('vscode-label', { attrs: { for: typeId } }, l10n.t('Instance type')),
      type,
    ),
    nameTag.root,
    count.root,
    data.backend === 'aws' ? ack : null,
    h('div', { className: 'actions-row' }, submit),
    progress.root,
  );
  syncAck();
  save();
  return { progress, result, idle: () => setBusy(false), succeeded: () => lock.finish() };
}
