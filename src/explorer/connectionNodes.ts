import * as vscode from 'vscode';
import type { UserError } from '../aws/errors';
import { describeError } from '../aws/errors';
import { contextValues } from './contextValues';
import type { ExplorerConnection } from './explorerConnection';
import { connectionRowId, PRIMARY_CONNECTION_ID } from './ids';
import { ErrorNode } from './infoNodes';
import type { ExplorerNode } from './node';
import { RegionNode } from './regionNodes';

/**
 * A root row when several connections are shown: its regions below it. Loading it first asks STS
 * who the caller is, so expired credentials or an unreachable endpoint show here, once, with the
 * fix, instead of in every folder; the other connections' rows are not affected.
 */
export class ConnectionNode implements ExplorerNode {
  readonly id: string;
  /** The last load's failure, shown on the row itself (its icon and tooltip). */
  private failure: UserError | undefined;
  /** What the row showed when last rendered: the row re-renders only when this changes (re-rendering reloads children). */
  private rendered = '';

  constructor(
    readonly connection: ExplorerConnection,
    private readonly rerender: (node: ConnectionNode) => void,
  ) {
    this.id = connectionRowId(connection.id);
  }

  get isPrimary(): boolean {
    return this.connection.id === PRIMARY_CONNECTION_ID;
  }

  getTreeItem(): vscode.TreeItem {
    const c = this.connection;
    const item = new vscode.TreeItem(c.label, vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.contextValue = contextValues.connection(this.isPrimary, !!this.failure);
    const account = c.model.knownAccountId;
    this.rendered = this.stateKey();
    item.description = this.failure ? vscode.l10n.t('failed') : account;
    item.iconPath = this.failure
      ? new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'))
      : new vscode.ThemeIcon(account ? 'plug' : 'debug-disconnect');
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(`${c.label}\n\n${c.detail}\n\n`);
    tooltip.appendText(account ? vscode.l10n.t('Account {0}', account) : vscode.l10n.t('Account not known yet'));
    tooltip.appendText('\n\n');
    tooltip.appendText(
      c.regionChoice === 'all'
        ? vscode.l10n.t('Regions: all enabled regions')
        : vscode.l10n.t('Regions: {0}', c.regionChoice.join(', ')),
    );
    const endpoint = c.clients().lastEndpointTried?.();
    if (endpoint) tooltip.appendText(`\n\n${vscode.l10n.t('Endpoint: {0}', endpoint)}`);
    if (this.failure) {
      tooltip.appendText(`\n\n${this.failure.message}${this.failure.fix ? `\n\n${this.failure.fix}` : ''}`);
    }
    item.tooltip = tooltip;
    return item;
  }

  /** `id` belongs to this connection (the primary's rows have no prefix, see ids.ts). */
  holds(id: string): boolean {
    return this.isPrimary && !id.startsWith('conn/');
  }

  async getChildren(): Promise<ExplorerNode[]> {
    const c = this.connection;
    try {
      await c.model.accountId();
      const regions = await c.regions();
      this.failure = undefined;
      return regions.map((region) => new ConnectionRegionNode(region, c, this));
    } catch (error) {
      this.failure = describeError(error, c.ctx.connection());
      return [new ErrorNode(this, this.failure)];
    } finally {
      // The row shows the account (or the failure) once known.
      if (this.stateKey() !== this.rendered) this.rerender(this);
    }
  }

  private stateKey(): string {
    return `${this.connection.model.knownAccountId ?? ''}|${this.failure?.message ?? ''}`;
  }
}

/** A region under a connection row: the same region row, whose parent is that row (for reveal). */
class ConnectionRegionNode extends RegionNode {
  constructor(
    region: string,
    connection: ExplorerConnection,
    private readonly parent: ConnectionNode,
  ) {
    super(region, connection.ctx);
  }

  getParent(): ExplorerNode {
    return this.parent;
  }
}
