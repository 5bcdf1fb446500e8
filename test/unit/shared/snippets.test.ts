import * as assert from 'assert';
import { snippetsFor } from '../../../src/shared/snippets/snippets';
import { hclString, noOwnersWarning, yamlString, tsString } from '../../../src/shared/snippets/snippetSource';
import { terraformAmi } from '../../../src/shared/snippets/terraform';
import { packerSourceAmiFilter } from '../../../src/shared/snippets/packer';

describe('"Copy as…" snippet generators', () => {
  const source = {
    imageId: 'ami-0123456789abcdef0',
    owner: 'amazon',
    namePattern: 'al2023-ami-*-kernel-6.1-x86_64',
    parameterName: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
  };

  it('writes each format with the parameter, owners, name pattern and most_recent', () => {
    const byLabel = new Map(snippetsFor(source).map((s) => [s.label, s.text]));
    assert.strictEqual(byLabel.get('AMI id'), 'ami-0123456789abcdef0');
    assert.strictEqual(byLabel.get('resolve:ssm: image id'), `resolve:ssm:${source.parameterName}`);
    assert.match(
      byLabel.get('Terraform data "aws_ssm_parameter"')!,
      /name = "\/aws\/service\/ami-amazon-linux-latest\//,
    );
    const ami = byLabel.get('Terraform data "aws_ami"')!;
    assert.match(ami, /most_recent = true/);
    assert.match(ami, /owners {6}= \["amazon"\]/);
    assert.match(ami, /values = \["al2023-ami-\*-kernel-6.1-x86_64"\]/);
    assert.match(
      byLabel.get('CloudFormation parameter (SSM)')!,
      /Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>'/,
    );
    assert.strictEqual(
      byLabel.get('CDK MachineImage.fromSsmParameter'),
      `ec2.MachineImage.fromSsmParameter('${source.parameterName}')`,
    );
    assert.strictEqual(
      byLabel.get('CDK MachineImage.lookup'),
      "ec2.MachineImage.lookup({ name: 'al2023-ami-*-kernel-6.1-x86_64', owners: ['amazon'] })",
    );
    assert.match(
      byLabel.get('Packer source_ami_filter')!,
      /source_ami_filter \{[\s\S]*most_recent = true[\s\S]*owners/,
    );
  });

  it('warns when the owners cannot be determined, and leaves them out of Terraform', () => {
    const noOwner = { ...source, owner: undefined };
    const tf = terraformAmi(noOwner)!;
    assert.strictEqual(tf.warning, noOwnersWarning());
    assert.doesNotMatch(tf.text, /owners/);
    assert.strictEqual(packerSourceAmiFilter(noOwner)!.warning, noOwnersWarning());
    assert.strictEqual(terraformAmi(source)!.warning, undefined);
  });

  it('without a public parameter offers the id-based formats only, and CloudFormation pins the id', () => {
    const labels = snippetsFor({ imageId: 'ami-0123456789abcdef0' }).map((s) => s.label);
    assert.deepStrictEqual(labels, ['AMI id', 'CloudFormation parameter (AMI id)']);
  });

  it('escapes what each language would interpret', () => {
    assert.strictEqual(hclString('a"b\\c${x}%{y}'), '"a\\"b\\\\c$${x}%%{y}"');
    assert.strictEqual(yamlString("it's"), "'it''s'");
    assert.strictEqual(tsString("it's\\"), "'it\\'s\\\\'");
  });
});
