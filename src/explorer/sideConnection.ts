import * as l10n from '@vscode/l10n';
import type { AwsClients } from '../aws/clientFactory';
import { connectionContextOf } from '../aws/connection';
import { describeError } from '../aws/errors';
import { createImageInsights } from '../ec2/imageInsights';
import type { ConnectionSettings } from '../aws/connectionSettings';
import type { ExplorerConnection } from './explorerConnection';
import { ExplorerModel } from './explorerModel';
import type { NodeContext } from './node';
import type { Scheduler } from './poller';
import { Poller } from './poller';
import { ShownRegions } from './shownRegions';

export interface SideConnectionDeps {
  pageSize: () => number;
  now: () => number;
  snapshotPricePerGbMonth: () => number;
  pollIntervalMs: number;
  scheduler: Scheduler;
  onPollError: (error: unknown) => void;
}

/**
 * A connection shown beside the primary one (an entry of `amiExplorer.connections`): its own
 * clients, model and poller. Disposing it disposes its clients (never a simulator it shares).
 */
export class SideConnection implements ExplorerConnection {
  readonly model: ExplorerModel;
  readonly poller: Poller;
  readonly ctx: NodeContext;
  private readonly shown: ShownRegions;
  private readonly unsettled: { dispose(): void };

  constructor(
    readonly settings: ConnectionSettings,
    private readonly clientSet: AwsClients,
    deps: SideConnectionDeps,
  ) {
    this.model = new ExplorerModel({
      clients: () => clientSet,
      pageSize: deps.pageSize,
      now: deps.now,
      snapshotPricePerGbMonth: deps.snapshotPricePerGbMonth,
    });
    this.poller = new Poller(this.model, deps.pollIntervalMs, deps.scheduler, deps.onPollError);
    this.unsettled = this.model.onUnsettled.on((watch) => this.poller.watch(watch));
    this.ctx = {
      model: this.model,
      now: deps.now,
      connection: () => connectionContextOf(clientSet),
      // "Used by" and lineage read through this connection's own clients.
      insights: createImageInsights({
        ec2: (region) => clientSet.ec2(region),
        autoScaling: (region) => clientSet.service('autoScaling', region),
        explain: (error) => describeError(error, connectionContextOf(clientSet)).message,
        now: deps.now,
      }),
    };
    this.shown = ShownRegions.of(
      settings.regions,
      () => clientSet,
      settings.kind === 'endpoint' ? settings.region : undefined,
    );
  }

  get id(): string {
    return this.settings.id;
  }

  get label(): string {
    return this.settings.label;
  }

  get regionChoice(): readonly string[] | 'all' {
    return this.settings.regions;
  }

  get detail(): string {
    const s = this.settings;
    if (s.kind === 'simulator') {
      return s.account ? l10n.t('Simulator account {0}', s.account) : l10n.t('Simulator account default');
    }
    if (s.kind === 'profile')
      return s.profile ? l10n.t('AWS profile {0}', s.profile) : l10n.t('AWS default credential chain');
    return s.profile
      ? l10n.t('Custom endpoint {0} ({1}), profile {2}', s.endpointUrl, s.region, s.profile)
      : l10n.t('Custom endpoint {0} ({1})', s.endpointUrl, s.region);
  }

  clients(): AwsClients {
    return this.clientSet;
  }

  /** The regions last resolved (a palette command's region choice needs them synchronously). */
  get knownRegions(): string[] {
    return this.shown.knownRegions;
  }

  /** "All enabled regions" is asked of EC2 when the connection loads. */
  regions(): Promise<string[]> {
    return this.shown.regions();
  }

  dispose(): void {
    this.unsettled.dispose();
    this.poller.dispose();
    this.clientSet.dispose();
  }
}
