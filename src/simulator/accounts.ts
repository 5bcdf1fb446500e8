/**
 * The simulated accounts. The caller's account is chosen by the access key id of the
 * request's SigV4 signature; the secret is never checked. Any other access key id maps
 * to the default account, so a tool configured with dummy credentials just works.
 */
export interface SimulatorAccount {
  accessKeyId: string;
  /** Any non-empty string: the simulator does not verify signatures. */
  secretAccessKey: string;
  accountId: string;
  label: string;
}

export const DEFAULT_SIMULATOR_ACCOUNT: SimulatorAccount = {
  accessKeyId: 'AKIAAMIEXPLORERDEV01',
  secretAccessKey: 'simulator-secret-not-checked',
  accountId: '123456789012',
  label: 'Developer (default)',
};

export const PARTNER_SIMULATOR_ACCOUNT: SimulatorAccount = {
  accessKeyId: 'AKIAAMIEXPLORERPTNR1',
  secretAccessKey: 'simulator-secret-not-checked',
  accountId: '210987654321',
  label: 'Partner',
};

export const SIMULATOR_ACCOUNTS: readonly SimulatorAccount[] = [DEFAULT_SIMULATOR_ACCOUNT, PARTNER_SIMULATOR_ACCOUNT];

export function accountForAccessKey(accessKeyId: string): SimulatorAccount {
  const temporary = /^ASIA(\d{12})/.exec(accessKeyId)?.[1];
  const account = temporary ? SIMULATOR_ACCOUNTS.find((a) => a.accountId === temporary) : undefined;
  if (account) return { ...account, accessKeyId };
  return SIMULATOR_ACCOUNTS.find((a) => a.accessKeyId === accessKeyId) ?? DEFAULT_SIMULATOR_ACCOUNT;
}

/**
 * The access key id of temporary credentials for `accountId` (STS AssumeRole). Temporary keys
 * start with ASIA on AWS; here the account id follows, so the simulator needs no session state
 * to map them back (simulator's own scheme, unverified beyond the ASIA prefix).
 */
export function temporaryAccessKeyFor(accountId: string): string {
  return `ASIA${accountId}SIMT`;
}

/** Well-known owners of the public catalog (real AWS account ids of these publishers). */
export const PUBLIC_OWNERS = {
  amazon: '137112412989',
  amazonWindows: '801119661308',
  canonical: '099720109477',
  debian: '136693071363',
  redhat: '309956199498',
  suse: '013907871322',
  marketplace: '679593333241',
} as const;
