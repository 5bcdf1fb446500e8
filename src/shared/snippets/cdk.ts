import type { Snippet, SnippetSource } from './snippetSource';
import { noOwnersWarning, tsString } from './snippetSource';

/** CDK (TypeScript, `import * as ec2 from 'aws-cdk-lib/aws-ec2'`): the image a public parameter names at deploy time. */
export function cdkFromSsmParameter(parameterName: string): Snippet {
  return {
    label: 'CDK MachineImage.fromSsmParameter',
    text: `ec2.MachineImage.fromSsmParameter(${tsString(parameterName)})`,
    lookup: { kind: 'ssmParameter', name: parameterName },
  };
}

/** CDK `MachineImage.lookup`: the most recent image of the family at synth time (cached in cdk.context.json). */
export function cdkLookup(source: SnippetSource): Snippet | undefined {
  if (!source.namePattern) return undefined;
  const owners = source.owner ? `, owners: [${tsString(source.owner)}]` : '';
  return {
    label: 'CDK MachineImage.lookup',
    text: `ec2.MachineImage.lookup({ name: ${tsString(source.namePattern)}${owners} })`,
    lookup: { kind: 'describeImages', owners: source.owner ? [source.owner] : [], namePattern: source.namePattern },
    warning: source.owner ? undefined : noOwnersWarning(),
  };
}
