import * as l10n from '@vscode/l10n';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BackendModules } from './sdk';

/**
 * What the shared AWS config says about where and how to call a service for one profile, read
 * as the AWS CLI reads it. The SDK resolves region and credentials from the client's `profile`
 * option itself, but it looks up `endpoint_url` (and the `services` section) only in the
 * profile named by AWS_PROFILE, never in the client's `profile` (@smithy/core's
 * getEndpointFromConfig takes no profile), and it ignores `ca_bundle`; those two we resolve here.
 */
export interface ProfileEndpointConfig {
  /** The configured endpoint of the service, or undefined for AWS's own. */
  endpointUrl?: string;
  /** A PEM file of extra certificate authorities (`ca_bundle` / AWS_CA_BUNDLE). */
  caBundle?: string;
  /** The region of the profile (AWS_REGION, AWS_DEFAULT_REGION, then `region`, in the CLI's order). */
  region?: string;
}

/** The SDK's service ids whose endpoints a profile may configure. */
export type ConfiguredService = 'EC2' | 'STS' | 'AUTO_SCALING' | 'SSM' | 'RBIN';

type Section = Record<string, string | undefined>;

/** AWS_ENDPOINT_URL_EC2 first, then AWS_ENDPOINT_URL, as the CLI and the SDKs order them. */
export function endpointFromEnv(service: ConfiguredService, env: NodeJS.ProcessEnv): string | undefined {
  return env[`AWS_ENDPOINT_URL_${service}`] || env.AWS_ENDPOINT_URL || undefined;
}

/**
 * A profile's endpoint for a service: `services` section first, then the profile's global
 * `endpoint_url`. Throws, like the SDK, when the profile names a `services` section that does not exist.
 */
export function endpointFromProfile(
  service: ConfiguredService,
  profile: Section,
  files: Record<string, Section | undefined>,
): string | undefined {
  if (profile.services) {
    const section = files[`services.${profile.services}`];
    if (!section) {
      throw new Error(
        l10n.t('The services section "{0}" named by the profile is not in the shared config file.', profile.services),
      );
    }
    const url = section[`${service.toLowerCase()}.endpoint_url`];
    if (url) return url;
  }
  return profile.endpoint_url || undefined;
}

function isTrue(value: string | undefined): boolean {
  return value?.toLowerCase() === 'true';
}

/** Reads a profile's endpoint and CA bundle from the files the SDK reads (AWS_CONFIG_FILE etc. honoured). */
export async function readProfileEndpointConfig(
  sdk: Pick<BackendModules, 'loadSharedConfigFiles'>,
  service: ConfiguredService,
  profileName: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ProfileEndpointConfig> {
  const name = profileName || env.AWS_PROFILE || 'default';
  const { configFile, credentialsFile } = await sdk.loadSharedConfigFiles({ ignoreCache: true });
  // The credentials file may carry settings too; the config file wins, as in the SDK.
  const profile: Section = { ...credentialsFile[name], ...configFile[name] };
  const ignore = isTrue(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS) || isTrue(profile.ignore_configured_endpoint_urls);
  const endpointUrl = ignore
    ? undefined
    : (endpointFromEnv(service, env) ?? endpointFromProfile(service, profile, configFile));
  return {
    endpointUrl,
    caBundle: env.AWS_CA_BUNDLE || profile.ca_bundle || undefined,
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION || profile.region || undefined,
  };
}

/** The two files the SDK reads, for messages that say where we looked. */
export function sharedConfigFiles(env: NodeJS.ProcessEnv = process.env): { config: string; credentials: string } {
  const home = os.homedir();
  return {
    config: env.AWS_CONFIG_FILE ?? path.join(home, '.aws', 'config'),
    credentials: env.AWS_SHARED_CREDENTIALS_FILE ?? path.join(home, '.aws', 'credentials'),
  };
}

/** AWS's public EC2 endpoint of a region (what the SDK dials when nothing is configured). */
export function defaultEc2Endpoint(region: string): string {
  return defaultEndpoint('EC2', region);
}

/** The endpoint prefix of each service on AWS (`autoscaling`, not the config key `auto_scaling`). */
const ENDPOINT_PREFIX: Record<ConfiguredService, string> = {
  EC2: 'ec2',
  STS: 'sts',
  AUTO_SCALING: 'autoscaling',
  SSM: 'ssm',
  RBIN: 'rbin',
};

/** AWS's own regional endpoint of a service (what the SDK dials when nothing is configured). */
export function defaultEndpoint(service: ConfiguredService, region: string): string {
  return `https://${ENDPOINT_PREFIX[service]}.${region}.amazonaws.${region.startsWith('cn-') ? 'com.cn' : 'com'}`;
}
