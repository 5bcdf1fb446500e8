import type * as vscode from 'vscode';
import type { ConnectionContext } from '../aws/errors';
import type { ImageInsights } from '../ec2/imageInsights';
import type { ExplorerModel } from './explorerModel';

/** A row of the tree: plain data plus how to show it. Nodes never prompt, run commands or refresh themselves. */
export interface ExplorerNode {
  /** Stable, path-like id (see ids.ts). */
  readonly id: string;
  getTreeItem(): vscode.TreeItem;
  getChildren?(): Promise<ExplorerNode[]>;
  getParent?(): ExplorerNode | undefined;
  /**
   * A grouping row whose children keep ids of their own (an image family: its images keep their
   * ids whether or not they are grouped): true when the row with `id` is among its children.
   */
  holds?(id: string): boolean;
}

/** What nodes read: the data model, the time, how we are connected (for error advice), and image insights. */
export interface NodeContext {
  readonly model: ExplorerModel;
  now(): number;
  connection(): ConnectionContext;
  /** "Used by" and lineage, read when a section is expanded. */
  readonly insights: ImageInsights;
}
