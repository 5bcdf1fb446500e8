import * as vscode from 'vscode';
import type { UserError } from '../aws/errors';
import { contextValues } from './contextValues';
import { nodeIds } from './ids';
import type { ExplorerNode } from './node';

/** The row that fetches the next page of a group. Enter or click runs it. */
export class LoadMoreNode implements ExplorerNode {
  readonly id: string;

  constructor(readonly parent: ExplorerNode) {
    this.id = nodeIds.loadMore(parent.id);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Load more…'), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = contextValues.loadMore;
    item.iconPath = new vscode.ThemeIcon('more');
    item.command = { command: 'amiExplorer.loadMore', title: vscode.l10n.t('Load More'), arguments: [this] };
    return item;
  }

  getParent(): ExplorerNode {
    return this.parent;
  }
}

/** A failed load, shown where its data would be, with the fix; clicking it retries. */
export class ErrorNode implements ExplorerNode {
  readonly id: string;

  constructor(
    /** Undefined for a root row: the regions themselves could not be listed. */
    readonly parent: ExplorerNode | undefined,
    readonly error: UserError,
  ) {
    this.id = nodeIds.error(parent?.id ?? 'regions');
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.error.message, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = this.error.fix;
    item.tooltip = new vscode.MarkdownString().appendText(
      this.error.message + (this.error.fix ? `\n\n${this.error.fix}` : '') + `\n\n${vscode.l10n.t('Click to retry.')}`,
    );
    item.contextValue = contextValues.error;
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    item.command = {
      command: 'amiExplorer.refresh',
      title: vscode.l10n.t('Retry'),
      arguments: this.parent ? [this.parent] : [],
    };
    return item;
  }

  getParent(): ExplorerNode | undefined {
    return this.parent;
  }
}

/** An empty state ("No instances in this region"), which says what the user can do. */
export class MessageNode implements ExplorerNode {
  readonly id: string;

  constructor(
    readonly parent: ExplorerNode,
    readonly message: string,
    readonly hint?: string,
  ) {
    this.id = nodeIds.empty(parent.id);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.message, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = this.hint;
    item.contextValue = contextValues.message;
    item.iconPath = new vscode.ThemeIcon('info');
    return item;
  }

  getParent(): ExplorerNode {
    return this.parent;
  }
}
