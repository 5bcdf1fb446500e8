import * as l10n from '@vscode/l10n';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { STSClient } from '@aws-sdk/client-sts';
import type {
  AwsClients,
  BackendConfig,
  CallerIdentity,
  Ec2CallRecord,
  ServiceClients,
  ServiceName,
} from './clientFactory';
import { loadSdk } from './sdk';
import type { CallLimiter } from './callLimiter';
import { limitSends } from './callLimiter';
import { withoutSdkLogging } from './sdkLogging';

/** EC2 clients cached per region and the caller's identity, common to every backend. */
export abstract class CachedClients implements AwsClients {
  private readonly clients = new Map<string, Promise<EC2Client>>();
  /** Clients of the other services, by `service/region`. */
  private readonly serviceClients = new Map<string, Promise<ServiceClients[ServiceName]>>();
  private identityPromise: Promise<CallerIdentity> | undefined;
  private disposed = false;

  abstract readonly backend: BackendConfig;

  constructor(
    private readonly onEc2Call: ((call: Ec2CallRecord) => void) | undefined,
    /** Bounds this connection's EC2 calls in flight (shared by the connections of one account). */
    private readonly limiter?: CallLimiter,
  ) {}

  protected abstract createEc2(region: string): Promise<EC2Client>;
  protected abstract createSts(): Promise<STSClient>;
  protected abstract createService<K extends ServiceName>(name: K, region: string): Promise<ServiceClients[K]>;

  ec2(region: string): Promise<EC2Client> {
    if (this.disposed) {
      return Promise.reject(new Error(l10n.t('The AWS connection was replaced; refresh the view.')));
    }
    let client = this.clients.get(region);
    if (!client) {
      client = this.createEc2(region).then((c) => this.observed(c, region));
      this.clients.set(region, client);
      client.catch(() => this.clients.delete(region));
    }
    return client;
  }

  service<K extends ServiceName>(name: K, region: string): Promise<ServiceClients[K]> {
    if (this.disposed) {
      return Promise.reject(new Error(l10n.t('The AWS connection was replaced; refresh the view.')));
    }
    const key = `${name}/${region}`;
    let client = this.serviceClients.get(key) as Promise<ServiceClients[K]> | undefined;
    if (!client) {
      client = this.createService(name, region);
      this.serviceClients.set(key, client);
      client.catch(() => this.serviceClients.delete(key));
    }
    return client;
  }

  /** Tells `onEc2Call` about every command sent through `client` once it answered (never its credentials). */
  private observed(client: EC2Client, region: string): EC2Client {
    withoutSdkLogging(client);
    if (this.limiter) limitSends(client, this.limiter);
    const report = this.onEc2Call;
    if (report) {
      client.middlewareStack.add(
        (next, context) => async (args) => {
          const command = String(context.commandName ?? 'unknown');
          try {
            const out = await next(args);
            report({ region, command, input: args.input, output: out.output });
            return out;
          } catch (error) {
            report({ region, command, input: args.input, error });
            throw error;
          }
        },
        { step: 'initialize', name: 'amiExplorerCallObserver' },
      );
    }
    return client;
  }

  identity(): Promise<CallerIdentity> {
    this.identityPromise ??= this.fetchIdentity();
    // A failure (expired credentials, say) must not stick: the next call tries again.
    this.identityPromise.catch(() => (this.identityPromise = undefined));
    return this.identityPromise;
  }

  private async fetchIdentity(): Promise<CallerIdentity> {
    const { GetCallerIdentityCommand } = await loadSdk();
    const sts = await this.createSts();
    try {
      const out = await sts.send(new GetCallerIdentityCommand({}));
      if (!out.Account) {
        throw new Error(l10n.t('STS GetCallerIdentity returned no account id.'));
      }
      return { account: out.Account, arn: out.Arn };
    } finally {
      sts.destroy();
    }
  }

  protected destroyClients(): void {
    for (const client of this.clients.values()) {
      client.then((c) => c.destroy()).catch(() => undefined);
    }
    this.clients.clear();
    for (const client of this.serviceClients.values()) {
      client.then((c) => c.destroy()).catch(() => undefined);
    }
    this.serviceClients.clear();
    this.identityPromise = undefined;
  }

  dispose(): void {
    this.disposed = true;
    this.destroyClients();
  }
}
