/** The `amiExplorer.connections` setting: connections shown beside the main one (read without `vscode`, so unit tests can). */

/** Another connection shown beside the main one: a simulator account, a profile or a custom endpoint. */
export interface ConnectionSettings {
  /** Stable id (letters, digits, `-`, `_`): the prefix of its rows' ids. */
  id: string;
  label: string;
  kind: 'simulator' | 'profile' | 'endpoint';
  /** `simulator`: the simulated account id. */
  account: string;
  /** `profile`: the profile (empty: the default credential chain); `endpoint`: a profile signing the calls (optional). */
  profile: string;
  /** `endpoint`: the URL, its region, and the access key id (the secret is in SecretStorage, see {@link connectionSecretKey}). */
  endpointUrl: string;
  region: string;
  accessKeyId: string;
  /** The regions shown, or `all` for every region enabled for the account. */
  regions: string[] | 'all';
}

/** Where an added custom-endpoint connection's secret access key is kept (VS Code's SecretStorage). */
export function connectionSecretKey(connectionId: string): string {
  return `amiExplorer.connections.${connectionId}.secretAccessKey`;
}

/** The valid entries of `amiExplorer.connections` (hand-edited JSON: anything else is skipped), ids unique. */
export function readConnections(value: unknown): ConnectionSettings[] {
  if (!Array.isArray(value)) return [];
  const out: ConnectionSettings[] = [];
  const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  for (const raw of value) {
    if (typeof raw !== 'object' || raw === null) continue;
    const r = raw as Record<string, unknown>;
    const id = str(r.id);
    const kind = r.kind;
    if (!/^[A-Za-z0-9_-]{1,40}$/.test(id) || id === 'primary' || out.some((c) => c.id === id)) continue;
    if (kind !== 'simulator' && kind !== 'profile' && kind !== 'endpoint') continue;
    const regions = Array.isArray(r.regions)
      ? [...new Set(r.regions.filter((x): x is string => typeof x === 'string' && x.length > 0))]
      : r.regions === 'all'
        ? 'all'
        : ['us-east-1'];
    out.push({
      id,
      label: str(r.label) || id,
      kind,
      account: str(r.account),
      profile: str(r.profile),
      endpointUrl: str(r.endpointUrl),
      region: str(r.region) || 'us-east-1',
      accessKeyId: str(r.accessKeyId),
      regions,
    });
  }
  return out;
}
