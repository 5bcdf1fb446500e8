/**
 * Form pieces shared by the panels: labelled text fields validated as the user types (with the
 * rules the host enforces), a tag editor, the progress line and the result box.
 */
import * as l10n from '@vscode/l10n';
import type { PanelError, TagInput } from '../../../src/shared/protocol/envelope';
import type { Check } from '../../../src/shared/validation';
import { checkTagKey, checkTagValue } from '../../../src/shared/validation';
import { fillIn, h, icon, setChildren } from './dom';

let uid = 0;
const nextId = (prefix: string) => `${prefix}-${++uid}`;

export interface TextField {
  readonly root: HTMLElement;
  readonly input: HTMLElementTagNameMap['vscode-textfield'];
  value: string;
  /** Shows the problem under the field; returns it. */
  validate(): string | undefined;
}

/** A labelled text field; `check` runs as the user types and before submitting. */
export function textField(opts: {
  label: string;
  value: string;
  check?: Check;
  helper?: string;
  placeholder?: string;
  maxLength?: number;
  onChange?: () => void;
}): TextField {
  const id = nextId('field');
  const error = h('div', { className: 'error-text', attrs: { role: 'status', id: `${id}-error` } });
  const input = h('vscode-textfield', {
    id,
    value: opts.value,
    className: 'wide',
    placeholder: opts.placeholder ?? '',
  });
  if (opts.maxLength) input.maxLength = opts.maxLength;
  const field: TextField = {
    root: h(
      'vscode-form-group',
      { variant: 'vertical' },
      h('vscode-label', { attrs: { for: id } }, opts.label),
      input,
      opts.helper ? h('vscode-form-helper', {}, opts.helper) : null,
      error,
    ),
    input,
    get value() {
      return input.value;
    },
    set value(v: string) {
      input.value = v;
    },
    validate() {
      const problem = opts.check?.(input.value);
      input.invalid = problem !== undefined;
      error.textContent = problem ?? '';
      return problem;
    },
  };
  input.addEventListener('input', () => {
    field.validate();
    opts.onChange?.();
  });
  return field;
}

export interface TagEditor {
  readonly root: HTMLElement;
  value: TagInput[];
  validate(): string | undefined;
  setDisabled(disabled: boolean): void;
}

/** Key/value rows with add and remove, each key and value checked like EC2 does. */
export function tagEditor(opts: { label: string; explain: string; onChange?: () => void }): TagEditor {
  const rows = h('div');
  const error = h('div', { className: 'error-text', attrs: { role: 'status' } });
  const add = h(
    'vscode-button',
    { secondary: true, icon: 'add', on: { click: () => addRow({ key: '', value: '' }, true) } },
    l10n.t('Add tag'),
  );
  const entries: {
    key: HTMLElementTagNameMap['vscode-textfield'];
    value: HTMLElementTagNameMap['vscode-textfield'];
    row: HTMLElement;
  }[] = [];
  let disabled = false;

  function addRow(tag: TagInput, focus = false): void {
    const n = entries.length + 1;
    const key = h('vscode-textfield', {
      value: tag.key,
      label: l10n.t({
        message: '{0}: key {1}',
        args: [opts.label, n],
        comment: ['{0} is the tag list, {1} the row number'],
      }),
      placeholder: l10n.t({ message: 'Key', comment: ['placeholder of a tag key field'] }),
      maxLength: 128,
    });
    const value = h('vscode-textfield', {
      value: tag.value,
      label: l10n.t({
        message: '{0}: value {1}',
        args: [opts.label, n],
        comment: ['{0} is the tag list, {1} the row number'],
      }),
      placeholder: l10n.t({ message: 'Value', comment: ['placeholder of a tag value field'] }),
      maxLength: 256,
    });
    const remove = h('vscode-button', {
      secondary: true,
      icon: 'trash',
      attrs: { 'aria-label': l10n.t('Remove tag {0}', n), title: l10n.t('Remove tag') },
      on: {
        click: () => {
          const i = entries.findIndex((e) => e.row === row);
          entries.splice(i, 1);
          row.remove();
          editor.validate();
          opts.onChange?.();
        },
      },
    });
    const row = h('div', { className: 'tag-row' }, key, value, remove);
    for (const f of [key, value]) {
      f.disabled = disabled;
      f.addEventListener('input', () => {
        editor.validate();
        opts.onChange?.();
      });
    }
    entries.push({ key, value, row });
    rows.append(row);
    if (focus) key.focus();
  }

  const editor: TagEditor = {
    root: h('div', {}, h('h2', {}, opts.label), h('p', { className: 'explain' }, opts.explain), rows, error, add),
    get value() {
      return entries.map((e) => ({ key: e.key.value, value: e.value.value }));
    },
    set value(tags: TagInput[]) {
      for (const e of entries.splice(0)) e.row.remove();
      for (const t of tags) addRow(t);
    },
    validate() {
      const seen = new Set<string>();
      let problem: string | undefined;
      for (const e of entries) {
        const p =
          checkTagKey(e.key.value) ??
          checkTagValue(e.value.value) ??
          (seen.has(e.key.value) ? l10n.t('The tag key "{0}" is used twice.', e.key.value) : undefined);
        seen.add(e.key.value);
        e.key.invalid = p !== undefined && p !== checkTagValue(e.value.value);
        e.value.invalid = checkTagValue(e.value.value) !== undefined;
        problem ??= p;
      }
      if (entries.length > 50) problem ??= l10n.t('EC2 allows at most {0} tags per resource.', 50);
      error.textContent = problem ?? '';
      return problem;
    },
    setDisabled(d) {
      disabled = d;
      add.disabled = d;
      for (const e of entries) e.key.disabled = e.value.disabled = d;
    },
  };
  return editor;
}

/**
 * Enter in a one-line text field presses the form's submit button, as in an HTML form. Not used
 * where submitting has a side effect the user should choose deliberately (Create Image reboots).
 * Buttons, checkboxes and selects keep their own Enter; fields that use Enter themselves (the
 * "Add" fields of Launch permissions) stop it before it bubbles here.
 */
export function submitOnEnter(root: HTMLElement, submit: { disabled: boolean; click(): void }): void {
  root.addEventListener('keydown', (event) => {
    const e = event;
    if (e.key !== 'Enter' || e.isComposing || e.defaultPrevented || e.shiftKey || e.altKey) return;
    const inner = e.composedPath()[0];
    if (
      !(inner instanceof HTMLInputElement) ||
      !(e.target instanceof HTMLElement) ||
      e.target.tagName !== 'VSCODE-TEXTFIELD'
    )
      return;
    e.preventDefault();
    // Through the button, so that whatever disables it (busy, unacknowledged cost) also stops Enter.
    if (!submit.disabled) submit.click();
  });
}

/** The line under the form while the host works. */
export function progressLine(): { root: HTMLElement; show(message: string): void; hide(): void } {
  const text = h('span');
  const root = h(
    'div',
    { className: 'progress', attrs: { role: 'status' }, hidden: true },
    // The ring's own label, "Loading", is English whatever the display language.
    h('vscode-progress-ring', {
      attrs: { 'aria-label': l10n.t({ message: 'Loading', comment: ['the progress ring while a request runs'] }) },
    }),
    text,
  );
  return {
    root,
    show(message) {
      text.textContent = message;
      root.hidden = false;
    },
    hide() {
      root.hidden = true;
    },
  };
}

/** The result box: success with actions, or EC2's message and the fix. */
export function resultBox(): {
  root: HTMLElement;
  success(title: string, details: (Node | string)[], actions: { label: string; icon: string; run: () => void }[]): void;
  failure(title: string, error: PanelError): void;
  clear(): void;
} {
  const root = h('section', {
    className: 'result',
    hidden: true,
    tabIndex: -1,
    attrs: { 'aria-live': 'polite', 'aria-label': l10n.t('Result') },
  });
  // The answer may land far from the button that asked: bring it into view and move focus there.
  const show = () => {
    root.hidden = false;
    // 'end': a result at the top of the form scrolls the page to its top, heading included.
    root.scrollIntoView({ block: 'end', behavior: 'instant' });
    root.focus({ preventScroll: true });
  };
  return {
    root,
    success(title, details, actions) {
      root.className = 'result ok';
      setChildren(
        root,
        h('div', { className: 'title' }, icon('pass'), title),
        h('div', {}, ...details),
        actions.length > 0
          ? h(
              'div',
              { className: 'actions' },
              ...actions.map((a) =>
                h('vscode-button', { icon: a.icon, secondary: true, on: { click: a.run } }, a.label),
              ),
            )
          : null,
      );
      show();
    },
    failure(title, error) {
      root.className = 'result failed';
      setChildren(
        root,
        h('div', { className: 'title' }, icon('error'), title),
        h('p', {}, error.message),
        error.fix ? h('p', {}, h('strong', {}, `${l10n.t('What to do:')} `), error.fix) : null,
        error.code
          ? h('p', { className: 'muted' }, ...fillIn(l10n.t('EC2 error code: {0}'), h('code', {}, error.code)))
          : null,
      );
      show();
    },
    clear() {
      root.hidden = true;
      setChildren(root);
    },
  };
}
