/**
 * The part of a webview panel that does not need VS Code: the ready handshake, validation of
 * every inbound message before anything else sees it, one request at a time, and replies.
 * `WebviewPanelHost` connects it to a real webview; unit tests drive it directly.
 */
import * as l10n from '@vscode/l10n';
import type { Parsed } from '../shared/messageValidation';
import type { HostMessage, PanelError, ReadyMessage, SavedPanelArgs, SubmitMessage } from '../shared/protocol/envelope';

/** Sends one message to the webview. */
export type Post<TInit, TResult> = (message: HostMessage<TInit, TResult>) => void;

/** One form: its data, its validation and what it does. Implementations take their dependencies in the constructor. */
export interface PanelController<
  TIn extends { type: string },
  TInit,
  TResult,
  TArgs extends SavedPanelArgs = SavedPanelArgs,
> {
  readonly kind: TArgs['kind'];
  /** The resource the panel is about; one panel per distinct `panelKey(args)` (panelTable.ts). */
  readonly args: TArgs;
  /** The editor tab's title. */
  readonly title: string;
  /** Validates an inbound message completely: shape, limits, and values allowed for this panel's data. */
  parse(raw: unknown): Parsed<TIn>;
  /** Loads the panel's data for the `init` message. */
  load(): Promise<TInit>;
  /** Acts on a validated message other than `ready`. A submit must end with one `result` for its id. */
  handle(message: Exclude<TIn, ReadyMessage>, post: Post<TInit, TResult>): Promise<void>;
}

/** What the session tells its owner. */
export interface SessionEvents {
  /** A message was refused; the host shows it (and the webview shows it too). */
  refused(reason: string): void;
  /** Something unexpected failed inside a controller; the host logs it. */
  failed(error: unknown): void;
}

export class PanelSession<TIn extends { type: string }, TInit, TResult> {
  private ready = false;
  private busyRequest: string | undefined;
  private disposed = false;

  constructor(
    private readonly controller: PanelController<TIn, TInit, TResult>,
    private readonly deliver: Post<TInit, TResult>,
    private readonly events: SessionEvents,
  ) {}

  /** Handles one raw message from the webview. Resolves when the work it started is done. */
  async receive(raw: unknown): Promise<void> {
    const parsed = this.controller.parse(raw);
    if (!parsed.ok) {
      this.refuse(parsed.reason, requestIdOf(raw));
      return;
    }
    const message = parsed.value;
    if (isReady(message)) {
      this.ready = true;
      await this.sendInit();
      return;
    }
    if (!this.ready) {
      this.refuse(l10n.t('Refused a message sent before the panel said it was ready.'));
      return;
    }
    const rest = message as Exclude<TIn, ReadyMessage>;
    const id = requestIdOf(rest);
    if (id !== undefined) {
      if (this.busyRequest !== undefined) {
        this.refuse(l10n.t('The panel is still working on the previous request; wait for its result.'), id);
        return;
      }
      this.busyRequest = id;
    }
    try {
      await this.controller.handle(rest, (m) => this.post(m));
    } catch (e) {
      this.events.failed(e);
      if (id !== undefined) {
        this.post({ type: 'result', requestId: id, result: { ok: false, error: unexpected(e) } });
      }
    } finally {
      if (id !== undefined) this.busyRequest = undefined;
    }
  }

  /** The webview went away (panel closed): later posts are dropped. */
  dispose(): void {
    this.disposed = true;
  }

  private async sendInit(): Promise<void> {
    try {
      const data = await this.controller.load();
      this.post({ type: 'init', args: this.controller.args, data });
    } catch (e) {
      this.events.failed(e);
      this.post({ type: 'refused', message: l10n.t('Could not load the panel: {0}', unexpected(e).message) });
    }
  }

  private refuse(reason: string, requestId?: string): void {
    this.events.refused(reason);
    this.post({ type: 'refused', message: reason, requestId });
  }

  /** Nothing is posted before the webview's `ready`, nor after the panel closed. */
  private post(message: HostMessage<TInit, TResult>): void {
    if (this.ready && !this.disposed) this.deliver(message);
  }
}

function isReady(message: { type: string }): message is ReadyMessage {
  return message.type === 'ready';
}

function requestIdOf(raw: unknown): string | undefined {
  const id = typeof raw === 'object' && raw !== null ? (raw as Partial<SubmitMessage<unknown>>).requestId : undefined;
  return typeof id === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(id) ? id : undefined;
}

function unexpected(e: unknown): PanelError {
  return { message: e instanceof Error ? e.message : String(e) };
}
