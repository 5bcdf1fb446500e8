/**
 * Rough storage prices for estimates shown before destructive or costly actions. Not a bill:
 * real prices vary by region, and snapshots are incremental, so the sizes used are upper bounds.
 * No `vscode` import: the webviews show the same numbers.
 */

/** EBS snapshot storage, standard tier, USD per GB-month (us-east-1 list price). */
export const SNAPSHOT_USD_PER_GB_MONTH = 0.05;

/** Upper bound of a month of storage for snapshots of these sizes (GiB), in USD. */
export function monthlySnapshotCost(sizesGiB: readonly number[], pricePerGiBMonth = SNAPSHOT_USD_PER_GB_MONTH): number {
  return Math.round(sizesGiB.reduce((sum, s) => sum + s, 0) * pricePerGiBMonth * 100) / 100;
}

export function formatUsd(amount: number): string {
  return `$${amount.toFixed(2)}`;
}
