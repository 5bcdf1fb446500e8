import type { Snippet, SnippetSource } from './snippetSource';
import { hclString, noOwnersWarning } from './snippetSource';

/** `data "aws_ssm_parameter"`: the AMI id the public parameter names when Terraform plans. */
export function terraformSsmParameter(parameterName: string): Snippet {
  return {
    label: 'Terraform data "aws_ssm_parameter"',
    text: [
      'data "aws_ssm_parameter" "ami" {',
      `  name = ${hclString(parameterName)}`,
      '}',
      '',
      '# ami = data.aws_ssm_parameter.ami.insecure_value',
      '',
    ].join('\n'),
    lookup: { kind: 'ssmParameter', name: parameterName },
  };
}

/**
 * `data "aws_ami"`: the most recent image of the family from its owners. Without owners the block
 * still works (the provider makes `owners` optional) but may match anyone's image: it warns.
 */
export function terraformAmi(source: SnippetSource): Snippet | undefined {
  if (!source.namePattern) return undefined;
  const lines = ['data "aws_ami" "ami" {', '  most_recent = true'];
  if (source.owner) lines.push(`  owners      = [${hclString(source.owner)}]`);
  lines.push(
    '',
    '  filter {',
    '    name   = "name"',
    `    values = [${hclString(source.namePattern)}]`,
    '  }',
    '}',
    '',
  );
  lines.push('# ami = data.aws_ami.ami.id', '');
  return {
    label: 'Terraform data "aws_ami"',
    text: lines.join('\n'),
    lookup: { kind: 'describeImages', owners: source.owner ? [source.owner] : [], namePattern: source.namePattern },
    warning: source.owner ? undefined : noOwnersWarning(),
  };
}
