import type * as vscode from 'vscode';
import type { AwsClients } from '../aws/clientFactory';
import type { ConnectionContext, UserError } from '../aws/errors';
import type { ExplorerModel } from '../explorer/explorerModel';
import type { ExplorerNode } from '../explorer/node';
import type { Poller } from '../explorer/poller';
import type { TreeAccess } from '../explorer/treeProvider';
import type { AmiExplorerSettings } from '../settings';
import type { PanelArgs } from '../panels/panelTable';
import type { ImageInsights } from '../ec2/imageInsights';
import type { UserInput } from './userInput';

/** A connection as other connections' commands and panels offer it. */
export interface ConnectionSummary {
  id: string;
  label: string;
  /** Its account, once known. */
  accountId: string | undefined;
  regions: readonly string[];
}

/** What commands get from the container. Commands never build SDK clients themselves. */
export interface CommandDeps {
  readonly model: ExplorerModel;
  /** "Used by" and lineage on the current connection (issue 13). */
  readonly insights: ImageInsights;
  /** The tree as this connection sees it: ids without the connection's prefix (see ids.ts). */
  readonly tree: TreeAccess;
  readonly treeView: vscode.TreeView<ExplorerNode>;
  /** Reveals, selects and focuses a row of the AMIs view. */
  selectInTree(node: ExplorerNode): Promise<void>;
  readonly poller: Poller;
  readonly log: vscode.LogOutputChannel;
  /** Where secrets go (a custom endpoint's secret access key). */
  readonly secrets: vscode.SecretStorage;
  /** The current prompt implementation (tests swap in a scripted one). */
  input(): UserInput;
  /** Opens the webview panel for `args`, or reveals it when it is already open. */
  showPanel(args: PanelArgs): void;
  settings(): AmiExplorerSettings;
  clients(): AwsClients;
  connection(): ConnectionContext;
  /** Applies the current settings (backend, profile, regions) if they changed; idempotent. */
  reconnect(): void;
  /** Sets the "simulator endpoint running" context key (the view's menu offers Start or Stop). */
  setEndpointRunning(running: boolean): void;
  /**
   * The same dependencies on the connection of `node` (the row a command starts from): its model,
   * clients, poller, regions and tree ids. Commands from the palette (no node) act on the primary one.
   */
  forNode(node: unknown): CommandDeps;
  /** The connections shown besides the primary one, for cross-connection choices (share with, copy to). */
  otherConnections(): readonly ConnectionSummary[];
  /** Called by the command boundary for every error it shows. */
  reportError(commandId: string, error: UserError): void;
}
