/**
 * The message loop every panel's webview runs: build the view on `init`, show `progress` and
 * `result` only for the request it is waiting for, and report `refused` messages.
 */
import * as l10n from '@vscode/l10n';
import type {
  CopyIdMessage,
  HostMessage,
  InitMessage,
  OpenDetailsMessage,
  Outcome,
  PanelError,
  RevealInTreeMessage,
} from '../../../src/shared/protocol/envelope';
import { h, setChildren } from './dom';
import type { HostChannel } from './host';
import { loadTranslations } from './translations';

/** What the message loop needs of a panel's view. */
export interface PanelView {
  /** The progress line; a view without one ignores progress messages. */
  progress?: { show(message: string): void };
  result: { failure(title: string, error: PanelError): void };
  /** The pending request ended (answered or refused): make the form usable again. */
  idle(): void;
}

/** The one request a panel waits for at a time. */
export interface PanelRequests {
  /** True while a request waits for its answer. */
  readonly busy: boolean;
  /** A new request id, now the pending one; undefined while another request is pending. */
  begin(): string | undefined;
}

/** The result box's actions for a resource a request made: reveal it in the tree, copy its id. */
export function idActions(
  channel: { post(message: RevealInTreeMessage | CopyIdMessage): void },
  id: string,
  copyLabel: string,
): { label: string; icon: string; run: () => void }[] {
  return [
    { label: l10n.t('Reveal in tree'), icon: 'list-tree', run: () => channel.post({ type: 'revealInTree', id }) },
    { label: copyLabel, icon: 'copy', run: () => channel.post({ type: 'copyId', id }) },
  ];
}

/** The next steps for an image a request made: reveal it, copy its id, open its details. */
export function imageActions(
  channel: { post(message: RevealInTreeMessage | CopyIdMessage | OpenDetailsMessage): void },
  id: string,
): { label: string; icon: string; run: () => void }[] {
  return [
    { label: l10n.t('Open details'), icon: 'info', run: () => channel.post({ type: 'openDetails', id }) },
    ...idActions(channel, id, l10n.t('Copy image id')),
  ];
}

/**
 * What a form that creates something does after a success: its fields are locked (sending them
 * again would make a duplicate) and the primary button becomes "Create another…", which unlocks
 * the form for the next one. `send` of the form calls `again()` while `done` is true.
 */
export function successLock(opts: {
  submit: HTMLElementTagNameMap['vscode-button'];
  /** The button's label for a new request, e.g. "Create Image". */
  label: string;
  /** The label after a success, e.g. "Create another image…". */
  againLabel: string;
  /** Disables (true) or enables (false) every field of the form, not the button. */
  lock(locked: boolean): void;
  result: { clear(): void };
  /** The field the user starts the next one in. */
  first: { focus(): void };
}): { readonly done: boolean; finish(): void; again(): void } {
  let done = false;
  const icon = opts.submit.icon;
  return {
    get done() {
      return done;
    },
    finish() {
      done = true;
      opts.lock(true);
      opts.submit.disabled = false;
      opts.submit.secondary = true;
      opts.submit.icon = 'add';
      opts.submit.textContent = opts.againLabel;
    },
    again() {
      done = false;
      opts.lock(false);
      opts.submit.secondary = false;
      opts.submit.icon = icon;
      opts.submit.textContent = opts.label;
      opts.result.clear();
      opts.first.focus();
    },
  };
}

/**
 * Starts the panel's message loop (see the file comment) and returns its pending request. A
 * refusal without a request id ends the pending request too: the host could not tell which it was.
 */
export function startPanel<TToHost, TForm, TInit, TResult, TView extends PanelView>(
  channel: HostChannel<TToHost, HostMessage<TInit, TResult>, TForm>,
  app: HTMLElement,
  handlers: {
    /** Builds the view from the host's data. */
    init(message: InitMessage<TInit>): TView;
    /** Shows the answer to the pending request (the view is already idle); may return a new view. */
    result(view: TView, result: Outcome<TResult>): TView | void;
  },
): PanelRequests {
  loadTranslations();
  let pending: string | undefined;
  let view: TView | undefined;
  channel.start((message) => {
    switch (message.type) {
      case 'init':
        view = handlers.init(message);
        return;
      case 'progress':
        if (message.requestId === pending) view?.progress?.show(message.message);
        return;
      case 'result':
        if (message.requestId !== pending || !view) return;
        pending = undefined;
        view.idle();
        view = handlers.result(view, message.result) ?? view;
        return;
      case 'refused':
        if (!view) setChildren(app, h('p', { className: 'refused' }, message.message));
        else if (message.requestId === undefined || message.requestId === pending) {
          pending = undefined;
          view.idle();
          view.result.failure(l10n.t('The extension refused the request'), { message: message.message });
        }
    }
  });
  return {
    get busy() {
      return pending !== undefined;
    },
    begin() {
      if (pending !== undefined) return undefined;
      pending = channel.newRequestId();
      return pending;
    },
  };
}

/**
 * Sends a form's `submit` as the pending request: clears the last result, disables the form and
 * shows progress until the loop makes the view idle again. Nothing happens while a request waits.
 */
export function submitForm<TParams>(
  requests: PanelRequests,
  channel: { post(message: { type: 'submit'; requestId: string; params: TParams }): void },
  form: { result: { clear(): void }; progress: { show(message: string): void }; setBusy(busy: boolean): void },
  params: TParams,
): void {
  const requestId = requests.begin();
  if (!requestId) return;
  form.result.clear();
  form.setBusy(true);
  form.progress.show(l10n.t('Sending the request…'));
  channel.post({ type: 'submit', requestId, params });
}
