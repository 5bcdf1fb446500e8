import * as l10n from '@vscode/l10n';
import { cdkFromSsmParameter, cdkLookup } from './cdk';
import { cloudFormationImageId, cloudFormationSsmParameter } from './cloudFormation';
import { packerSourceAmiFilter } from './packer';
import type { Snippet, SnippetSource } from './snippetSource';
import { terraformAmi, terraformSsmParameter } from './terraform';

/** The AMI id itself. */
export function amiIdSnippet(imageId: string): Snippet {
  return { label: l10n.t('AMI id'), text: imageId, lookup: { kind: 'imageId', imageId } };
}

/** `resolve:ssm:<name>`: RunInstances and launch templates resolve it when they launch. */
export function resolveSsmSnippet(parameterName: string): Snippet {
  return {
    label: 'resolve:ssm: image id',
    text: `resolve:ssm:${parameterName}`,
    lookup: { kind: 'ssmParameter', name: parameterName },
  };
}

/**
 * Every format "Copy as…" offers for a source, in menu order. Formats that follow a public
 * parameter need one; formats that look the image up by name need a name pattern.
 */
export function snippetsFor(source: SnippetSource): Snippet[] {
  const p = source.parameterName;
  const all: (Snippet | undefined)[] = [
    amiIdSnippet(source.imageId),
    p ? resolveSsmSnippet(p) : undefined,
    p ? terraformSsmParameter(p) : undefined,
    terraformAmi(source),
    p ? cloudFormationSsmParameter(p) : cloudFormationImageId(source.imageId),
    p ? cdkFromSsmParameter(p) : undefined,
    cdkLookup(source),
    packerSourceAmiFilter(source),
  ];
  return all.filter((s): s is Snippet => s !== undefined);
}
