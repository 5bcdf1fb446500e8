/**
 * What a panel shows when the connection it acts on is gone: VS Code restored it after a reload
 * (its saved state names the connection) or the connection was removed while it was open. The
 * webview shows the refusal of its `ready` in place of the form, so the panel says what happened
 * and what to do instead of failing to open (issue 11).
 */
import * as l10n from '@vscode/l10n';
import { byType, literal, obj, parseWith } from '../shared/messageValidation';
import type { Parsed } from '../shared/messageValidation';
import type { ReadyMessage } from '../shared/protocol/envelope';
import type { PanelController } from './panelSession';
import type { PanelArgs } from './panelTable';

const readReady = byType<ReadyMessage>({ ready: obj({ type: literal('ready') }) });

/** The message such a panel shows. */
export function connectionRemovedMessage(connectionId: string): string {
  return l10n.t(
    'The connection "{0}" was removed from amiExplorer.connections; add it again with "AMI Explorer: Add Connection…" (same id) to use this panel, or close it.',
    connectionId,
  );
}

/** A panel whose connection is gone: it only answers `ready`, with the message above. */
export class ConnectionRemovedPanel implements PanelController<ReadyMessage, never, never> {
  readonly kind: PanelArgs['kind'];
  readonly title: string;

  constructor(
    readonly args: PanelArgs,
    private readonly connectionId: string,
  ) {
    this.kind = args.kind;
    this.title = l10n.t('AMI Explorer: connection removed');
  }

  parse(raw: unknown): Parsed<ReadyMessage> {
    return parseWith(readReady, raw);
  }

  load(): Promise<never> {
    return Promise.reject(new Error(connectionRemovedMessage(this.connectionId)));
  }

  /** Only `ready` is accepted, and the session answers it itself. */
  handle(): Promise<void> {
    return Promise.resolve();
  }
}
