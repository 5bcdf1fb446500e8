import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

/** A profile of the shared AWS config/credentials files, as the "Connect to AWS…" picker shows it. */
export interface AwsProfile {
  name: string;
  /** `sso`, `keys`, `role` (assumes a role), `process` or `other`: how the SDK will get credentials. */
  kind: 'sso' | 'keys' | 'role' | 'process' | 'other';
  region?: string;
}

/**
 * Parses the two INI files the AWS CLI and SDKs share. Sections are `[profile NAME]` (or `[default]`)
 * in the config file and `[NAME]` in the credentials file; `[sso-session X]` sections are not profiles.
 * Only key names are looked at: secret values are never kept.
 */
export function parseProfiles(configText: string, credentialsText: string): AwsProfile[] {
  const profiles = new Map<string, { keys: Set<string>; region?: string }>();
  const read = (text: string, isConfig: boolean) => {
    let current: { keys: Set<string>; region?: string } | undefined;
    for (const rawLine of text.split(/\r?\n/)) {
      const line = rawLine.trim();
      if (!line || line.startsWith('#') || line.startsWith(';')) {
        continue;
      }
      const section = /^\[\s*([^\]]+?)\s*\]$/.exec(line);
      if (section) {
        current = undefined;
        const title = section[1];
        let name: string | undefined;
        if (!isConfig) {
          name = title;
        } else if (title === 'default') {
          name = 'default';
        } else if (title.startsWith('profile ')) {
          name = title.slice('profile '.length).trim();
        }
        if (name) {
          current = profiles.get(name) ?? { keys: new Set() };
          profiles.set(name, current);
        }
        continue;
      }
      const kv = /^([A-Za-z0-9_.-]+)\s*=\s*(.*)$/.exec(line);
      if (kv && current) {
        const key = kv[1].toLowerCase();
        current.keys.add(key);
        if (key === 'region') {
          current.region = kv[2].trim();
        }
      }
    }
  };
  read(configText, true);
  read(credentialsText, false);
  return [...profiles.entries()]
    .map(([name, p]) => ({ name, kind: profileKind(p.keys), region: p.region }))
    .sort((a, b) => (a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.name.localeCompare(b.name)));
}

function profileKind(keys: Set<string>): AwsProfile['kind'] {
  if (keys.has('sso_session') || keys.has('sso_start_url')) {
    return 'sso';
  }
  if (keys.has('role_arn')) {
    return 'role';
  }
  if (keys.has('credential_process')) {
    return 'process';
  }
  if (keys.has('aws_access_key_id')) {
    return 'keys';
  }
  return 'other';
}

/** Reads the profiles from the files the SDK reads (honouring AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE). */
export async function readProfiles(env: NodeJS.ProcessEnv = process.env): Promise<AwsProfile[]> {
  const home = os.homedir();
  const configFile = env.AWS_CONFIG_FILE ?? path.join(home, '.aws', 'config');
  const credentialsFile = env.AWS_SHARED_CREDENTIALS_FILE ?? path.join(home, '.aws', 'credentials');
  const readOrEmpty = (file: string) => fs.readFile(file, 'utf8').catch(() => '');
  const [config, credentials] = await Promise.all([readOrEmpty(configFile), readOrEmpty(credentialsFile)]);
  return parseProfiles(config, credentials);
}
