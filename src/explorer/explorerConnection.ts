import type { AwsClients } from '../aws/clientFactory';
import type { ExplorerModel } from './explorerModel';
import type { NodeContext } from './node';
import type { Poller } from './poller';

/**
 * One connection the explorer shows: its own clients, data model (cache) and poller, so that one
 * connection's failure or refresh leaves the others alone. Nodes reach it through their context.
 */
export interface ExplorerConnection {
  /** Stable id (see ids.ts): {@link PRIMARY_CONNECTION_ID} for the `amiExplorer.backend` one. */
  readonly id: string;
  readonly label: string;
  /** What the connection row's tooltip says about where it goes: "Simulator account …", "Profile …", an endpoint URL. */
  readonly detail: string;
  /** What this connection's nodes read. */
  readonly ctx: NodeContext;
  readonly model: ExplorerModel;
  readonly poller: Poller;
  clients(): AwsClients;
  /** The regions to show: the configured list, or every region enabled for the account (asked of EC2). */
  regions(): Promise<string[]>;
  /** The region choice as configured (`all` = every enabled region). */
  readonly regionChoice: readonly string[] | 'all';
}
