import * as vscode from 'vscode';
import { ActionableError } from '../aws/errors';
import { RootTypeNode } from '../explorer/imageNodes';
import { LoadMoreNode } from '../explorer/infoNodes';
import type { CommandDeps } from './deps';

/** Fetches the next page of a group (the "Load more…" row). */
export async function loadMore(deps: CommandDeps, node?: unknown): Promise<void> {
  const group = node instanceof LoadMoreNode ? node.parent : node;
  if (!(group instanceof RootTypeNode)) {
    throw new ActionableError(vscode.l10n.t('"Load More" works on the "Load more…" row of an image group.'));
  }
  await vscode.window.withProgress(
    { location: { viewId: 'amiExplorer.amis' }, title: vscode.l10n.t('Loading more images…') },
    () => deps.model.loadMore(group.region, group.group, group.rootType),
  );
}
