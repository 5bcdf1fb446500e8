/**
 * Counted nouns for user-facing text ("1 snapshot", "2 snapshots"), so no message says
 * "snapshot(s)". English plurals only: a translation passes its own forms.
 */

/** `count` and the noun in the form that agrees with it: plural(1, 'AMI') → "1 AMI". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : pluralForm}`;
}
