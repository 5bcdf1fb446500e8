import type { CallLimiter } from './callLimiter';
import * as fs from 'node:fs/promises';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { STSClient } from '@aws-sdk/client-sts';
import type { ConfiguredService } from './awsConfig';
import { defaultEc2Endpoint, defaultEndpoint, readProfileEndpointConfig } from './awsConfig';
import { CachedClients } from './cachedClients';
import type { BackendConfig, Ec2CallRecord, ServiceClients, ServiceName } from './clientFactory';
import { proxyFor, TunnellingAgent } from './proxyAgent';
import { loadSdk, loadServiceModules } from './sdk';

/** EC2 and the other services honour throttling with the SDK's adaptive retry. */
const ADAPTIVE = { retryMode: 'adaptive', maxAttempts: 6 } as const;

type Credentials =
  | (() => Promise<{ accessKeyId: string; secretAccessKey: string }>)
  | ReturnType<Awaited<ReturnType<typeof loadSdk>>['defaultProvider']>;

/** What a real-AWS client is given beyond its region, resolved from the profile as the AWS CLI would. */
interface ResolvedOptions {
  endpoint?: string;
  requestHandler?: unknown;
}

/**
 * Clients of an EC2 reached over the network: AWS itself, or any endpoint a profile, the
 * environment or a custom-endpoint connection names. Region and credentials come from the SDK's
 * own resolution of `profile` (region, credential_process, role_arn + source_profile, SSO);
 * the endpoint, CA bundle and proxy are resolved here because the SDK does not apply them per profile.
 */
export class RealAwsClients extends CachedClients {
  private lastEndpoint: string | undefined;
  private provider: Promise<Credentials> | undefined;

  constructor(
    readonly backend: Extract<BackendConfig, { kind: 'aws' }>,
    onEc2Call?: (call: Ec2CallRecord) => void,
    limiter?: CallLimiter,
  ) {
    super(onEc2Call, limiter);
  }

  /** The EC2 endpoint of `region` for this connection (configured, or AWS's own). */
  async endpointOf(region: string): Promise<string> {
    return (await this.resolve('EC2', region)).endpoint ?? defaultEc2Endpoint(region);
  }

  /** The endpoint the last EC2 client was created for, for error messages (synchronous). */
  lastEndpointTried(): string | undefined {
    return this.lastEndpoint;
  }

  /**
   * The region of the calls that name none (STS GetCallerIdentity, and AssumeRole for role_arn
   * profiles): the profile's, as `aws --profile X sts …` uses it, so a profile of another partition
   * (cn-north-1, us-gov-west-1) asks its own STS. A custom endpoint's region is the one it was given.
   */
  async homeRegion(): Promise<string> {
    const backend = this.backend;
    if (backend.endpointUrl) return backend.stsRegion;
    const config = await readProfileEndpointConfig(await loadSdk(), 'STS', backend.profile);
    return config.region ?? backend.stsRegion;
  }

  private async resolve(service: ConfiguredService, region: string): Promise<ResolvedOptions> {
    const sdk = await loadSdk();
    const backend = this.backend;
    const config = await readProfileEndpointConfig(sdk, service, backend.profile);
    const endpoint = backend.endpointUrl ?? config.endpointUrl;
    const host = new URL(endpoint ?? defaultEndpoint(service, region)).hostname;
    const proxy = proxyFor(host, backend.httpProxy, process.env);
    if (!config.caBundle && !proxy) return { endpoint };
    // ca_bundle replaces the trusted roots, as it does for the AWS CLI.
    const ca = config.caBundle ? await fs.readFile(config.caBundle, 'utf8') : undefined;
    const httpsAgent = proxy
      ? new TunnellingAgent(proxy, { ca })
      : new (await import('node:https')).Agent({ ca, keepAlive: true });
    return { endpoint, requestHandler: new sdk.NodeHttpHandler({ httpsAgent }) };
  }

  /**
   * Credentials of the profile with an MFA prompt, or the custom endpoint's keys. One provider
   * for all clients: it caches what it got, so a credential_process runs and MFA is asked once.
   */
  private credentials(): Promise<Credentials> {
    this.provider ??= (async () => {
      const backend = this.backend;
      if (backend.accessKey) return backend.accessKey;
      const sdk = await loadSdk();
      const ask = backend.mfaCode;
      // role_arn profiles call STS AssumeRole through a client of the SDK's own, which would
      // dial AWS: give it the profile's STS endpoint and request handler.
      const region = await this.homeRegion();
      const sts = await this.resolve('STS', region);
      return sdk.defaultProvider({
        profile: backend.profile,
        ...(ask ? { mfaCodeProvider: (serial: string) => ask(serial) } : {}),
        clientConfig: {
          region,
          ...(sts.endpoint ? { endpoint: sts.endpoint } : {}),
          ...(sts.requestHandler ? { requestHandler: sts.requestHandler as never } : {}),
        },
      });
    })();
    return this.provider;
  }

  protected async createEc2(region: string): Promise<EC2Client> {
    const { EC2Client } = await loadSdk();
    const config = await this.clientConfig('EC2', region, ADAPTIVE);
    this.lastEndpoint = config.endpoint ?? defaultEc2Endpoint(region);
    return new EC2Client(config);
  }

  protected async createService<K extends ServiceName>(name: K, region: string): Promise<ServiceClients[K]> {
    const sdk = await loadServiceModules();
    const configName = ({ autoScaling: 'AUTO_SCALING', ssm: 'SSM', rbin: 'RBIN' } as const)[name];
    const config = await this.clientConfig(configName, region, ADAPTIVE);
    const clients: { [N in ServiceName]: () => ServiceClients[N] } = {
      autoScaling: () => new sdk.AutoScalingClient(config),
      ssm: () => new sdk.SSMClient(config),
      rbin: () => new sdk.RbinClient(config),
    };
    return clients[name]();
  }

  protected async createSts(): Promise<STSClient> {
    const { STSClient } = await loadSdk();
    return new STSClient(await this.clientConfig('STS', await this.homeRegion(), { maxAttempts: 3 }));
  }

  /** What every client of this connection is given: region, profile, credentials, endpoint and handler. */
  private async clientConfig(
    service: ConfiguredService,
    region: string,
    retry: { retryMode?: 'adaptive'; maxAttempts: number },
  ) {
    const resolved = await this.resolve(service, region);
    return {
      region,
      profile: this.backend.profile,
      credentials: await this.credentials(),
      ...(resolved.endpoint ? { endpoint: resolved.endpoint } : {}),
      ...(resolved.requestHandler ? { requestHandler: resolved.requestHandler as never } : {}),
      ...retry,
    };
  }
}
