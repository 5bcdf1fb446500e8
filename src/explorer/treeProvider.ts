import * as vscode from 'vscode';
import { ConnectionNode } from './connectionNodes';
import { ImageNode } from './imageNodes';
import { ErrorNode } from './infoNodes';
import { describeError } from '../aws/errors';
import type { ExplorerConnection } from './explorerConnection';
import { PRIMARY_CONNECTION_ID, scopedId, unscopedId } from './ids';
import type { ExplorerNode, NodeContext } from './node';
import { RegionNode } from './regionNodes';
import { spokenLabel } from './spokenLabel';

/** What commands and panels use of the tree; a connection's view of it takes ids without prefix (see ids.ts). */
export interface TreeAccess {
  /** Reloads a node's subtree, or the whole view. */
  refresh(node?: ExplorerNode): void;
  /** Re-renders a node without reloading its data. */
  rerender(node: ExplorerNode): void;
  /** The node with this id the tree last received, if any. */
  nodeById(id: string): ExplorerNode | undefined;
  /** Finds a node by id, loading the levels above it. */
  resolve(id: string): Promise<ExplorerNode | undefined>;
  /**
   * The user collapsed or refreshes a row (everything, with no node): loads still running under it
   * are abandoned. True when there were any (the row then reloads when expanded again).
   */
  abandon(node?: ExplorerNode): boolean;
}

/**
 * The AMIs view's data provider. Children come from the nodes; the provider remembers the
 * latest node object per id so that model changes refresh exactly the rows they concern.
 *
 * With one connection the roots are its regions. With several, the roots are connection rows,
 * each with its own model; a node's connection is the one of the row it was loaded under, and
 * the tree-wide id of a node of another connection than the primary is `conn/<id>/<node id>`
 * (applied here, in {@link globalId}; nodes keep ids without prefix).
 */
export class AmiTreeProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable, TreeAccess {
  private readonly emitter = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  /** Nodes by tree-wide id. */
  private readonly known = new Map<string, ExplorerNode>();
  /** The connection of each node loaded under a connection other than the primary. */
  private readonly scopes = new WeakMap<ExplorerNode, ExplorerConnection>();
  private subscriptions: { dispose(): void }[] = [];
  private primary: ExplorerConnection | undefined;
  private others: readonly ExplorerConnection[] = [];
  private connectionRows = new Map<string, ConnectionNode>();

  constructor(
    private readonly ctx: NodeContext,
    private readonly regions: () => Promise<readonly string[]>,
  ) {
    this.subscriptions = [ctx.model.onDidChange.on((ids) => this.rowsChanged(undefined, ids))];
  }

  /**
   * Shows `others` beside the primary connection (none: the tree is the primary's regions, as
   * with one connection). The view reloads.
   */
  setConnections(primary: ExplorerConnection, others: readonly ExplorerConnection[]): void {
    for (const s of this.subscriptions) s.dispose();
    this.primary = primary;
    this.others = others;
    this.subscriptions = [
      this.ctx.model.onDidChange.on((ids) => this.rowsChanged(undefined, ids)),
      ...others.map((c) => c.model.onDidChange.on((ids) => this.rowsChanged(c, ids))),
    ];
    this.connectionRows = new Map();
    this.known.clear();
    this.emitter.fire(undefined);
  }

  /** The connections shown, primary first (only the primary when it is alone). */
  connections(): readonly ExplorerConnection[] {
    return this.primary ? [this.primary, ...this.others] : [];
  }

  /** The connection a node was loaded under: undefined for the primary connection (and for nodes the tree never saw). */
  connectionOf(node: unknown): ExplorerConnection | undefined {
    if (node instanceof ConnectionNode) return node.isPrimary ? undefined : node.connection;
    return typeof node === 'object' && node !== null ? this.scopes.get(node as ExplorerNode) : undefined;
  }

  /** The node's id in the whole tree (see ids.ts). */
  globalId(node: ExplorerNode): string {
    return scopedId(this.scopes.get(node)?.id, node.id);
  }

  /** The node's row, with a spoken label (its label and description) unless the node gave one. */
  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    const item = node.getTreeItem();
    if (item.id !== undefined) item.id = this.globalId(node);
    const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
    const description = typeof item.description === 'string' ? item.description : undefined;
    item.accessibilityInformation ??= { label: spokenLabel(label, description) };
    return item;
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    const children = node ? ((await node.getChildren?.()) ?? []) : await this.roots();
    const scope =
      node instanceof ConnectionNode ? (node.isPrimary ? undefined : node.connection) : node && this.scopes.get(node);
    for (const child of children) {
      if (scope) this.scopes.set(child, scope);
      this.known.set(this.globalId(child), child);
    }
    return children;
  }

  private async roots(): Promise<ExplorerNode[]> {
    if (!this.primary || this.others.length === 0) {
      try {
        return (await this.regions()).map((region) => new RegionNode(region, this.ctx));
      } catch (error) {
        // "All enabled regions" could not be asked of EC2: the fix instead of an empty view.
        return [new ErrorNode(undefined, describeError(error, this.ctx.connection()))];
      }
    }
    return [this.primary, ...this.others].map((c) => {
      let row = this.connectionRows.get(c.id);
      if (!row) {
        row = new ConnectionNode(c, (n) => this.emitter.fire(n));
        this.connectionRows.set(c.id, row);
      }
      return row;
    });
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    const parent = node.getParent?.();
    if (parent || node instanceof ConnectionNode || this.others.length === 0) return parent;
    // A region row of the primary connection, when connection rows are shown.
    return this.connectionRows.get(PRIMARY_CONNECTION_ID);
  }

  /** Reloads a node's subtree, or the whole view. */
  refresh(node?: ExplorerNode): void {
    if (!node) {
      for (const c of this.connections()) c.model.invalidate();
      if (!this.primary) this.ctx.model.invalidate();
      this.known.clear();
    } else if (node instanceof ConnectionNode) {
      node.connection.model.invalidate();
    } else {
      this.modelOf(node).invalidate(node.id);
    }
    this.emitter.fire(node);
  }

  /** Re-renders a node without reloading its data (e.g. its filter or count changed). */
  rerender(node: ExplorerNode): void {
    this.emitter.fire(node);
  }

  /** Re-renders the rows shown of these images (any connection: their tooltips read what is known). */
  rerenderImages(region: string, imageIds: readonly string[]): void {
    for (const node of this.known.values()) {
      if (node instanceof ImageNode && node.region === region && imageIds.includes(node.imageId))
        this.emitter.fire(node);
    }
  }

  abandon(node?: ExplorerNode): boolean {
    if (!node) {
      const models = this.primary ? this.connections().map((c) => c.model) : [this.ctx.model];
      return models.map((m) => m.abandon(undefined)).some(Boolean);
    }
    if (node instanceof ConnectionNode) return node.connection.model.abandon(undefined);
    return this.modelOf(node).abandon(node.id);
  }

  /** A row was collapsed: what was still loading under it is abandoned, and loads again on the next expansion. */
  collapsed(node: ExplorerNode): void {
    if (this.abandon(node)) this.emitter.fire(node);
  }

  /** The node with this tree-wide id the tree last received, if any. */
  nodeById(id: string): ExplorerNode | undefined {
    return this.known.get(id);
  }

  /** The data model of the node's connection. */
  modelOf(node: ExplorerNode): NodeContext['model'] {
    return (this.scopes.get(node) ?? this.primary)?.model ?? this.ctx.model;
  }

  /** A connection's view of the tree: ids without prefix, as its nodes and model use them. */
  scopedTo(connectionId: string): TreeAccess {
    return {
      refresh: (node) => (node ? this.refresh(node) : this.refreshConnection(connectionId)),
      rerender: (node) => this.rerender(node),
      nodeById: (id) => this.nodeById(scopedId(connectionId, id)),
      resolve: (id) => this.resolve(scopedId(connectionId, id)),
      abandon: (node) => (node ? this.abandon(node) : this.abandonConnection(connectionId)),
    };
  }

  private abandonConnection(connectionId: string): boolean {
    return (
      this.connections()
        .find((c) => c.id === connectionId)
        ?.model.abandon(undefined) ?? false
    );
  }

  private refreshConnection(connectionId: string): void {
    const row = this.connectionRows.get(connectionId);
    if (row) this.refresh(row);
    else this.refresh();
  }

  /**
   * Finds a node by tree-wide id by walking down from the root, loading what is needed on the way
   * (each level's id is a prefix of the target's, see ids.ts).
   */
  async resolve(id: string): Promise<ExplorerNode | undefined> {
    let level = await this.getChildren();
    for (;;) {
      const ids = level.map((n) => this.globalId(n));
      const unscoped = unscopedId(id).id;
      const index = [
        ids.indexOf(id),
        ids.findIndex((g) => id.startsWith(`${g}/`)),
        // A family row of another connection compares ids without prefix; the primary's connection row, tree-wide ones.
        level.findIndex((n) => n.holds?.(this.scopes.has(n) ? unscoped : id)),
      ].find((i) => i >= 0);
      const match = index === undefined ? undefined : level[index];
      if (!match || this.globalId(match) === id) {
        return match;
      }
      level = await this.getChildren(match);
    }
  }

  private rowsChanged(connection: ExplorerConnection | undefined, ids: string[]): void {
    for (const id of new Set(ids)) {
      const node = this.known.get(scopedId(connection?.id, id));
      if (node) {
        this.emitter.fire(node);
      }
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.emitter.dispose();
  }
}
