/**
 * Counted nouns for user-facing text ("1 snapshot", "2 snapshots"), so no message says
 * "snapshot(s)".
 */

/**
 * `count` in the form of the phrase that agrees with it. Both forms come translated, with `{0}`
 * where the count goes, so a translation chooses its own words and word order:
 * `counted(n, l10n.t('{0} AMI'), l10n.t('{0} AMIs'))` → "1 AMI", "2 AMIs".
 */
export function counted(count: number, one: string, other: string): string {
  return (count === 1 ? one : other).replace(/\{0\}/g, count.toLocaleString('en-US'));
}
