// Issue 14 items 3-4 end to end on the simulator: the Latest AMIs folder, Copy As… to the real
// clipboard, and launching an unknown publisher's image only after its checklist is acknowledged.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AmiExplorerApi } from '../../src/api';
import { DescribeImagesCommand, type Image } from '@aws-sdk/client-ec2';
import { GetParameterCommand } from '@aws-sdk/client-ssm';
import type { CopyImageInit } from '../../src/shared/protocol/copyImage';
import type { LaunchInstanceInit } from '../../src/shared/protocol/launchInstance';
import {
  ScriptedInput,
  children,
  contextValue,
  description,
  freshExplorer,
  imageRows,
  item,
  label,
  nodeAt,
  openPanel,
  ready,
  run,
  succeeded,
  selectedRow,
} from './support';

const REGION = 'us-east-1';
const AL2023 = 'al2023-ami-kernel-default-x86_64';

describe('Latest AMIs and shared-AMI safety', function () {
  let api: AmiExplorerApi;

  beforeEach(async () => {
    api = await freshExplorer();
  });

  afterEach(() => {
    for (const p of api.panels()) p.close();
    api.setUserInput(undefined);
  });

  const parameterRow = async (name: string) => {
    const rows = await children(api, await nodeAt(api, [REGION, 'Latest AMIs', 'Amazon Linux']));
    const row = rows.find((r) => label(r) === name);
    assert.ok(row, `no ${name} among ${rows.map(label).join(' | ')}`);
    return row;
  };

  it('lists the public namespaces; a parameter resolves to its image, and Reveal AMI selects it', async () => {
    const folders = (await children(api, await nodeAt(api, [REGION, 'Latest AMIs']))).map(label);
    assert.deepStrictEqual(folders, [
      'Amazon Linux',
      'Windows Server',
      'Ubuntu (Canonical)',
      'Debian',
      'Bottlerocket',
      'ECS-optimized',
      'EKS-optimized',
    ]);
    const row = await parameterRow(AL2023);
    assert.strictEqual(contextValue(row), 'latestParameter+visible');
    const amiId = /^(ami-[0-9a-f]{17}) · al2023-ami-2023/.exec(description(row))?.[1];
    assert.ok(amiId, description(row));
    await run(api, 'amiExplorer.revealParameterImage', row);
    const selected = await selectedRow(api, (id) => id.endsWith(`/${amiId}`));
    const tooltip = item(selected).tooltip;
    // The tooltip is Markdown: names and ids come escaped.
    const text = (tooltip instanceof vscode.MarkdownString ? tooltip.value : String(tooltip)).replace(/\\/g, '');
    assert.match(text, /Trust: Amazon/);
    assert.match(text, /ami-amazon-linux-latest\/al2023-ami-kernel-default-x86_64 names this AMI now/);
  });

  it('Copy As… puts the chosen snippet on the clipboard, from a parameter row and from an image row', async () => {
    const row = await parameterRow(AL2023);
    const input = new ScriptedInput().pickLabel('Terraform data "aws_ssm_parameter"');
    api.setUserInput(input);
    await run(api, 'amiExplorer.copyImageAs', row);
    input.assertDone();
    assert.strictEqual(
      await vscode.env.clipboard.readText(),
      [
        'data "aws_ssm_parameter" "ami" {',
        `  name = "/aws/service/ami-amazon-linux-latest/${AL2023}"`,
        '}',
        '',
        '# ami = data.aws_ssm_parameter.ami.insecure_value',
        '',
      ].join('\n'),
    );
    await run(api, 'amiExplorer.revealParameterImage', row);
    const image = await selectedRow(api, (id) => /\/ami-[0-9a-f]{17}$/.test(id));
    const byId = new ScriptedInput().pickLabel('resolve:ssm: image id');
    api.setUserInput(byId);
    await run(api, 'amiExplorer.copyImageAs', image);
    assert.strictEqual(
      await vscode.env.clipboard.readText(),
      `resolve:ssm:/aws/service/ami-amazon-linux-latest/${AL2023}`,
    );
  });

  const unknownPublisherImage = async () => {
    const rows = await imageRows(api, await nodeAt(api, [REGION, 'Images', 'Other public', 'EBS-backed']));
    const unknown = rows.find((r) => {
      const t = item(r).tooltip;
      return t instanceof vscode.MarkdownString && /Trust: Unknown publisher/.test(t.value);
    });
    assert.ok(unknown, `an unknown publisher among ${rows.map(label).join(' | ')}`);
    return unknown;
  };

  /**
   * Reads a copied snippet as its tool would and asks the simulator: the parameter it names
   * (GetParameter), or the newest image of its owners and name pattern (DescribeImages, most recent
   * by CreationDate, as Terraform's aws_ami, CDK's lookup and Packer's source_ami_filter pick).
   */
  async function lookUp(text: string): Promise<string | undefined> {
    const parameter =
      /^resolve:ssm:(\S+)$/.exec(text)?.[1] ??
      /data "aws_ssm_parameter"[\s\S]*?name = "([^"]+)"/.exec(text)?.[1] ??
      /Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>'\s+Default: '([^']+)'/.exec(text)?.[1] ??
      /MachineImage\.fromSsmParameter\('([^']+)'\)/.exec(text)?.[1];
    if (parameter) {
      const ssm = await api.ssm(REGION);
      return (await ssm.send(new GetParameterCommand({ Name: parameter }))).Parameter?.Value;
    }
    const ec2 = await api.ec2(REGION);
    if (/^ami-[0-9a-f]{17}$/.test(text)) {
      return (await ec2.send(new DescribeImagesCommand({ ImageIds: [text] }))).Images?.[0]?.ImageId;
    }
    // Each tool's owners and name pattern, in its own syntax.
    const owner =
      /owners\s+= \["([^"]+)"\]/.exec(text)?.[1] ?? // Terraform aws_ami, Packer source_ami_filter
      /owners: \['([^']+)'\]/.exec(text)?.[1]; // CDK MachineImage.lookup
    const name =
      /values = \["([^"]+)"\]/.exec(text)?.[1] ?? // Terraform's filter block
      /filters = \{\s+name = "([^"]+)"/.exec(text)?.[1] ?? // Packer
      /lookup\(\{ name: '([^']+)'/.exec(text)?.[1]; // CDK
    assert.ok(owner && name && /most_recent = true|MachineImage\.lookup/.test(text), `a lookup in:\n${text}`);
    const images =
      (await ec2.send(new DescribeImagesCommand({ Owners: [owner], Filters: [{ Name: 'name', Values: [name] }] })))
        .Images ?? [];
    const newest = images.reduce<Image | undefined>(
      (a, b) => (!a || (b.CreationDate ?? '') > (a.CreationDate ?? '') ? b : a),
      undefined,
    );
    return newest?.ImageId;
  }

  it('every Copy As… format, looked up as its tool would against the simulator, finds the image it was copied from', async () => {
    const row = await parameterRow(AL2023);
    const amiId = /^(ami-[0-9a-f]{17})/.exec(description(row))?.[1];
    assert.ok(amiId, description(row));
    const formats = [
      'AMI id',
      'resolve:ssm: image id',
      'Terraform data "aws_ssm_parameter"',
      'Terraform data "aws_ami"',
      'CloudFormation parameter (SSM)',
      'CDK MachineImage.fromSsmParameter',
      'CDK MachineImage.lookup',
      'Packer source_ami_filter',
    ];
    for (const format of formats) {
      const input = new ScriptedInput().pickLabel(format);
      api.setUserInput(input);
      await run(api, 'amiExplorer.copyImageAs', row);
      input.assertDone();
      const text = (await vscode.env.clipboard.readText()).trim();
      assert.strictEqual(await lookUp(text), amiId, `${format}:\n${text}`);
    }
  });

  it("launches from an unknown publisher's image only after its checklist is acknowledged", async () => {
    const unknown = await unknownPublisherImage();
    const panel = await openPanel(api, 'amiExplorer.launchInstance', unknown, 'launchInstance');
    const init = await ready<LaunchInstanceInit>(panel);
    api.takePanelEc2Calls();
    assert.strictEqual(init.publisher?.level, 'unknown');
    assert.ok(init.publisher.checklist && init.publisher.checklist.length >= 4, 'the checklist is shown');
    assert.ok(init.publisher.facts?.ownerId, 'with the owner');
    const params = {
      instanceType: init.instanceTypes[0],
      nameTag: '',
      count: 1,
      acknowledgeCost: false,
      acknowledgeUnknownPublisher: false,
    };
    const refused = await panel.post({ type: 'submit', requestId: 'l1', params });
    assert.ok(
      refused.some((m) => m.type === 'refused' && /unknown publisher/.test((m as { message: string }).message)),
      JSON.stringify(refused),
    );
    assert.deepStrictEqual(api.takePanelEc2Calls(), [], 'refused before any EC2 call');
    const result = await succeeded(panel, {
      type: 'submit',
      requestId: 'l2',
      params: { ...params, acknowledgeUnknownPublisher: true },
    });
    assert.match((result.instanceIds as string[])[0], /^i-[0-9a-f]{17}$/);
    assert.deepStrictEqual(api.takePanelEc2Calls(), ['runInstances']);
  });

  it("copies an unknown publisher's image only after its checklist is acknowledged", async () => {
    const unknown = await unknownPublisherImage();
    const sourceId = unknown.id.split('/').pop()!;
    const panel = await openPanel(api, 'amiExplorer.copyImage', unknown, 'copyImage');
    const init = await ready<CopyImageInit>(panel);
    api.takePanelEc2Calls();
    assert.strictEqual(init.publisher?.level, 'unknown');
    assert.ok(init.publisher.checklist && init.publisher.checklist.length >= 4, 'the checklist is shown');
    assert.match(init.publisher.facts?.ownerId ?? '', /^\d{12}$/, 'with the owner');
    const params = {
      destinationRegion: REGION,
      name: 'vetted-community-copy',
      description: '',
      encrypted: false,
      kmsKeyId: '',
      copyImageTags: false,
      acknowledgeUnknownPublisher: false,
    };
    const refused = await panel.post({ type: 'submit', requestId: 'c1', params });
    assert.ok(
      refused.some((m) => m.type === 'refused' && /unknown publisher/.test((m as { message: string }).message)),
      JSON.stringify(refused),
    );
    assert.deepStrictEqual(api.takePanelEc2Calls(), [], 'refused before any EC2 call');
    const result = await succeeded(panel, {
      type: 'submit',
      requestId: 'c2',
      params: { ...params, acknowledgeUnknownPublisher: true },
    });
    assert.deepStrictEqual(api.takePanelEc2Calls(), ['copyImage']);
    const copy = (
      await (await api.ec2(REGION)).send(new DescribeImagesCommand({ ImageIds: [result.imageId as string] }))
    ).Images?.[0];
    assert.strictEqual(copy?.Name, 'vetted-community-copy');
    assert.strictEqual(copy?.SourceImageId, sourceId);
  });
});
