/** The lazily loaded SDK surface (see `ec2Sdk.ts`). */
export type Sdk = typeof import('./ec2Sdk');

let loading: Promise<Sdk> | undefined;

/** Loads the AWS SDK on first use; later calls share the same module. */
export function loadSdk(): Promise<Sdk> {
  loading ??= import('./ec2Sdk');
  return loading;
}
