import type { Snippet, SnippetSource } from './snippetSource';
import { hclString, noOwnersWarning } from './snippetSource';

/** Packer's `source_ami_filter` (inside a `source "amazon-ebs"` block): most recent of the family. */
export function packerSourceAmiFilter(source: SnippetSource): Snippet | undefined {
  if (!source.namePattern) return undefined;
  const lines = [
    'source_ami_filter {',
    '  filters = {',
    `    name = ${hclString(source.namePattern)}`,
    '  }',
    '  most_recent = true',
  ];
  // Packer requires owners in source_ami_filter; an unknown owner leaves a placeholder to fill in.
  lines.push(`  owners      = [${hclString(source.owner ?? 'OWNER_ACCOUNT_ID')}]`, '}', '');
  return {
    label: 'Packer source_ami_filter',
    text: lines.join('\n'),
    lookup: { kind: 'describeImages', owners: source.owner ? [source.owner] : [], namePattern: source.namePattern },
    warning: source.owner ? undefined : noOwnersWarning(),
  };
}
