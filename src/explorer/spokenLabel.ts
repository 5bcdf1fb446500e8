/**
 * The label a screen reader says for a tree row: its label and description, with the symbols
 * the description uses read as words. Without one, VS Code reads a row's string tooltip instead
 * of its label (the Snapshots folder was read as "Your EBS snapshots in us-east-1…", without its
 * name or counts). Free of `vscode`: unit-tested in Node.
 */

import * as l10n from '@vscode/l10n';
export function spokenLabel(label: string, description: string | undefined): string {
  if (!description) return label;
  const spoken = description
    .replace(/\s*·\s*/g, ', ')
    .replace(/≈\s*/g, l10n.t({ message: 'about ', comment: ['read for ≈ before an amount'] }))
    .replace(/\/mo\b/g, l10n.t({ message: ' a month', comment: ['read for /mo after an amount'] }))
    .replace(/⚠\s*/g, l10n.t({ message: 'warning: ', comment: ['read for the ⚠ sign'] }));
  return l10n.t({
    message: '{0}, {1}',
    args: [label, spoken],
    comment: ['a tree row read aloud: its label, then its description'],
  });
}
