import * as vscode from 'vscode';
import { connectionSecretKey } from '../aws/connectionSettings';
import { ActionableError } from '../aws/errors';
import { ConnectionNode } from '../explorer/connectionNodes';
import { inform } from '../notifications';
import { updateSetting } from '../settings';
import type { CommandDeps } from './deps';

/** Removes a connection added with "Add Connection…" (its row, or one picked from the palette) and its secret. */
export async function removeConnection(deps: CommandDeps, node?: unknown): Promise<void> {
  const connections = deps.settings().connections;
  if (connections.length === 0) {
    throw new ActionableError(
      vscode.l10n.t('No connection was added.'),
      vscode.l10n.t('Add one with "AMI Explorer: Add Connection…".'),
    );
  }
  const id =
    node instanceof ConnectionNode && !node.isPrimary
      ? node.connection.id
      : await deps.input().pick(
          connections.map((c) => ({ label: c.label, description: c.kind, value: c.id })),
          { title: vscode.l10n.t('Remove Connection'), placeholder: vscode.l10n.t('The connection to remove') },
        );
  const removed = connections.find((c) => c.id === id);
  if (!removed) return;
  await updateSetting(
    'connections',
    connections.filter((c) => c.id !== id),
  );
  await deps.secrets.delete(connectionSecretKey(id));
  deps.reconnect();
  inform(vscode.l10n.t('Removed the connection "{0}".', removed.label));
}
