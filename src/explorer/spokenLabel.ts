/**
 * The label a screen reader says for a tree row: its label and description, with the symbols
 * the description uses read as words. Without one, VS Code reads a row's string tooltip instead
 * of its label (the Snapshots folder was read as "Your EBS snapshots in us-east-1…", without its
 * name or counts). Free of `vscode`: unit-tested in Node.
 */
export function spokenLabel(label: string, description: string | undefined): string {
  if (!description) return label;
  const spoken = description
    .replace(/\s*·\s*/g, ', ')
    .replace(/≈\s*/g, 'about ')
    .replace(/\/mo\b/g, ' a month')
    .replace(/⚠\s*/g, 'warning: ');
  return `${label}, ${spoken}`;
}
