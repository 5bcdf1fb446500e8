import * as vscode from 'vscode';
import type { ExplorerNode, NodeContext } from './node';
import { RegionNode } from './regionNodes';
import { spokenLabel } from './spokenLabel';

/**
 * The AMIs view's data provider. Children come from the nodes; the provider remembers the
 * latest node object per id so that model changes refresh exactly the rows they concern.
 */
export class AmiTreeProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly known = new Map<string, ExplorerNode>();
  private readonly subscription: { dispose(): void };

  constructor(
    private readonly ctx: NodeContext,
    private readonly regions: () => readonly string[],
  ) {
    this.subscription = ctx.model.onDidChange.on((ids) => this.rowsChanged(ids));
  }

  /** The node's row, with a spoken label (its label and description) unless the node gave one. */
  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    const item = node.getTreeItem();
    const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
    const description = typeof item.description === 'string' ? item.description : undefined;
    item.accessibilityInformation ??= { label: spokenLabel(label, description) };
    return item;
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    const children = node
      ? ((await node.getChildren?.()) ?? [])
      : this.regions().map((region) => new RegionNode(region, this.ctx));
    for (const child of children) {
      this.known.set(child.id, child);
    }
    return children;
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return node.getParent?.();
  }

  /** Reloads a node's subtree, or the whole view. */
  refresh(node?: ExplorerNode): void {
    this.ctx.model.invalidate(node?.id);
    if (!node) {
      this.known.clear();
    }
    this.emitter.fire(node);
  }

  /** Re-renders a node without reloading its data (e.g. its filter or count changed). */
  rerender(node: ExplorerNode): void {
    this.emitter.fire(node);
  }

  /** The node with this id the tree last received, if any. */
  nodeById(id: string): ExplorerNode | undefined {
    return this.known.get(id);
  }

  /**
   * Finds a node by id by walking down from the root, loading what is needed on the way
   * (each level's id is a prefix of the target's, see ids.ts).
   */
  async resolve(id: string): Promise<ExplorerNode | undefined> {
    let level = await this.getChildren();
    for (;;) {
      const match =
        level.find((n) => n.id === id) ??
        level.find((n) => id.startsWith(`${n.id}/`)) ??
        level.find((n) => n.holds?.(id));
      if (!match || match.id === id) {
        return match;
      }
      level = await this.getChildren(match);
    }
  }

  private rowsChanged(ids: string[]): void {
    for (const id of new Set(ids)) {
      const node = this.known.get(id);
      if (node) {
        this.emitter.fire(node);
      }
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
