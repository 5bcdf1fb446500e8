import type { BackendConfig } from './clientFactory';

type AwsBackend = Extract<BackendConfig, { kind: 'aws' }>;

/** A custom endpoint as a setting names it (the main connection's or an added connection's). */
export interface EndpointSettings {
  url: string;
  region: string;
  /** A profile whose credentials sign the calls; empty: the access key id below with its stored secret. */
  profile: string;
  accessKeyId: string;
}

/**
 * The backend of a custom endpoint (LocalStack, moto, a shared simulator): signed by the profile
 * when one is named, otherwise by the access key id and the secret kept in SecretStorage, read
 * when the first call needs it. `shared` is what every AWS backend shares (proxy, MFA prompt).
 */
export function endpointBackend(
  endpoint: EndpointSettings,
  secretAccessKey: () => PromiseLike<string | undefined>,
  shared: Pick<AwsBackend, 'httpProxy' | 'mfaCode'>,
): AwsBackend {
  return {
    kind: 'aws',
    profile: endpoint.profile || undefined,
    stsRegion: endpoint.region,
    endpointUrl: endpoint.url,
    accessKey: endpoint.profile
      ? undefined
      : async () => ({ accessKeyId: endpoint.accessKeyId, secretAccessKey: (await secretAccessKey()) ?? '' }),
    ...shared,
  };
}
