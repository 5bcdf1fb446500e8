/**
 * What "Copy as…" knows about the image a snippet is copied from, and how each snippet finds
 * that image again (its lookup, which the unit tests run against the simulator). No `vscode`.
 */

import * as l10n from '@vscode/l10n';

/** The image (or public parameter) a snippet is made from. */
export interface SnippetSource {
  imageId: string;
  /** The image's name, when the image is visible. */
  imageName?: string;
  /**
   * Who the lookups ask for (`owners`): `amazon` / `aws-marketplace` when EC2 gives that alias
   * (the same in every region and partition), else the 12-digit owner id; absent when unknown.
   */
  owner?: string;
  /** The name filter of the image's family (`al2023-ami-*-kernel-6.1-x86_64`), or its exact name. */
  namePattern?: string;
  /** A public SSM parameter that resolves to the image now. */
  parameterName?: string;
}

/** How a snippet finds its image when it is used. */
export type SnippetLookup =
  | { kind: 'imageId'; imageId: string }
  | { kind: 'ssmParameter'; name: string }
  /** DescribeImages with these owners and `name` filter; the most recent by CreationDate wins. */
  | { kind: 'describeImages'; owners: string[]; namePattern: string };

export interface Snippet {
  /** Short label of the format (the quick pick's label). */
  label: string;
  text: string;
  lookup: SnippetLookup;
  /** What the user must know before using it (owners missing, a pinned version…). */
  warning?: string;
}

/** An HCL (Terraform, Packer) string literal: `"` and `\` escaped, `${` and `%{` not interpolated. */
export function hclString(value: string): string {
  return JSON.stringify(value)
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, () => '%%{');
}

/** A YAML single-quoted scalar. */
export function yamlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A TypeScript string literal. */
export function tsString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

/** The warning of a name lookup without owners. */
export function noOwnersWarning(): string {
  return l10n.t(
    'The owner of this image is not known: without owners, a name lookup may pick an image anyone published with a matching name.',
  );
}
