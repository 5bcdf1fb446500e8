import type { ExplorerConnection } from '../explorer/explorerConnection';
import type { TreeAccess } from '../explorer/treeProvider';
import type { PanelArgs } from '../panels/panelTable';
import type { CommandDeps } from './deps';

/**
 * The dependencies of a command started on a row of `connection` (not the primary one): the same
 * as `deps` except what is per connection (model, poller, clients, regions, the tree's ids, and
 * the panels it opens). Everything else (prompts, log, secrets) is `deps`' own.
 */
export function depsOnConnection(
  deps: CommandDeps,
  connection: ExplorerConnection & { readonly knownRegions: readonly string[] },
  tree: TreeAccess,
): CommandDeps {
  const scoped = Object.create(deps) as CommandDeps;
  Object.defineProperties(scoped, {
    model: { value: connection.model },
    poller: { value: connection.poller },
    tree: { value: tree },
    insights: { value: connection.ctx.insights },
    clients: { value: () => connection.clients() },
    connection: { value: () => connection.ctx.connection() },
    settings: { value: () => ({ ...deps.settings(), regions: [...connection.knownRegions] }) },
    showPanel: { value: (args: PanelArgs) => deps.showPanel({ ...args, connection: connection.id }) },
  });
  return scoped;
}
