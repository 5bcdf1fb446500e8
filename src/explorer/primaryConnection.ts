import * as vscode from 'vscode';
import type { AwsClients } from '../aws/clientFactory';
import type { AmiExplorerSettings } from '../settings';
import type { ExplorerConnection } from './explorerConnection';
import type { ExplorerModel } from './explorerModel';
import { PRIMARY_CONNECTION_ID } from './ids';
import type { NodeContext } from './node';
import type { Poller } from './poller';
import type { RegionChoice, ShownRegions } from './shownRegions';

/** The connection `amiExplorer.backend` names, as its row shows it when several connections are. */
export class PrimaryConnection implements ExplorerConnection {
  readonly id = PRIMARY_CONNECTION_ID;

  constructor(
    readonly ctx: NodeContext,
    readonly model: ExplorerModel,
    readonly poller: Poller,
    private readonly source: { clients(): AwsClients; settings(): AmiExplorerSettings; regions(): ShownRegions },
  ) {}

  get label(): string {
    const b = this.source.clients().backend;
    const s = this.source.settings();
    if (b.kind === 'simulator') return vscode.l10n.t('Simulator');
    return s.backend === 'endpoint'
      ? vscode.l10n.t('Endpoint {0}', s.endpoint.url)
      : vscode.l10n.t('AWS {0}', b.profile ?? vscode.l10n.t('(default credential chain)'));
  }

  get detail(): string {
    const b = this.source.clients().backend;
    if (b.kind === 'simulator') {
      return b.accountId
        ? vscode.l10n.t('Simulator account {0} (amiExplorer.backend)', b.accountId)
        : vscode.l10n.t('Simulator account default (amiExplorer.backend)');
    }
    if (b.endpointUrl) {
      return b.profile
        ? vscode.l10n.t('Custom endpoint {0}, profile {1} (amiExplorer.backend)', b.endpointUrl, b.profile)
        : vscode.l10n.t('Custom endpoint {0} (amiExplorer.backend)', b.endpointUrl);
    }
    return b.profile
      ? vscode.l10n.t('AWS, profile {0} (amiExplorer.backend)', b.profile)
      : vscode.l10n.t('AWS (amiExplorer.backend)');
  }

  get regionChoice(): RegionChoice {
    return this.source.regions().choice;
  }

  clients(): AwsClients {
    return this.source.clients();
  }

  regions(): Promise<string[]> {
    return this.source.regions().regions();
  }
}
