import * as assert from 'assert';
import {
  CreateLaunchTemplateCommand,
  DescribeImageReferencesCommand,
  DescribeImagesCommand,
} from '@aws-sdk/client-ec2';
import {
  DEFAULT_SIMULATOR_ACCOUNT,
  PARTNER_SIMULATOR_ACCOUNT,
  type SimulatorAccount,
} from '../../../src/simulator/accounts';
import type { Simulator } from '../../../src/simulator/simulator';
import { parseXml, type XmlNode } from '../conformance/xmlTree';
import { ec2, newSimulator } from './helpers';

/**
 * The Auto Scaling Query API (no @aws-sdk/client-auto-scaling is installed): raw requests signed
 * for the `autoscaling` service, as the AWS CLI sends them (test/cli covers the CLI itself).
 */
function autoscaling(
  sim: Simulator,
  action: string,
  params: Record<string, string>,
  account: SimulatorAccount = DEFAULT_SIMULATOR_ACCOUNT,
) {
  const body = new URLSearchParams({ Action: action, Version: '2011-01-01', ...params }).toString();
  const authorization = `AWS4-HMAC-SHA256 Credential=${account.accessKeyId}/20260101/us-east-1/autoscaling/aws4_request, SignedHeaders=host, Signature=00`;
  const res = sim.handleSync({ method: 'POST', headers: { authorization }, body });
  return { status: res.status, root: parseXml(String(res.body)).children[0] };
}

function find(node: XmlNode, name: string): XmlNode | undefined {
  if (node.name === name) return node;
  for (const c of node.children) {
    const hit = find(c, name);
    if (hit) return hit;
  }
  return undefined;
}
const text = (node: XmlNode, name: string) => find(node, name)?.text;

const GROUP = {
  AutoScalingGroupName: 'api-asg',
  'LaunchTemplate.LaunchTemplateName': 'ci-runner',
  'LaunchTemplate.Version': '$Latest',
  MinSize: '1',
  MaxSize: '3',
  'AvailabilityZones.member.1': 'us-east-1a',
  'Tags.member.1.Key': 'team',
  'Tags.member.1.Value': 'api',
};

describe('simulator Auto Scaling (minimal)', () => {
  it('answers in Auto Scaling\u2019s own envelope and namespace, and lists the seeded group', () => {
    const sim = newSimulator();
    const out = autoscaling(sim, 'DescribeAutoScalingGroups', {});
    assert.strictEqual(out.status, 200);
    assert.strictEqual(out.root.name, 'DescribeAutoScalingGroupsResponse');
    assert.ok(find(out.root, 'DescribeAutoScalingGroupsResult'));
    assert.ok(text(out.root, 'RequestId'));
    assert.strictEqual(text(out.root, 'AutoScalingGroupName'), 'web-server-asg');
    assert.strictEqual(text(out.root, 'LaunchTemplateName'), 'web-server');
    assert.strictEqual(text(out.root, 'Version'), '$Default');
    const raw = String(
      sim.handleSync({
        method: 'POST',
        headers: {
          authorization: `AWS4-HMAC-SHA256 Credential=${DEFAULT_SIMULATOR_ACCOUNT.accessKeyId}/20260101/us-east-1/autoscaling/aws4_request, SignedHeaders=host, Signature=00`,
        },
        body: 'Action=DescribeAutoScalingGroups&Version=2011-01-01',
      }).body,
    );
    assert.match(raw, /xmlns="http:\/\/autoscaling\.amazonaws\.com\/doc\/2011-01-01\/"/);
  });

  it('creates a group on a launch template by name and version, describes it, and deletes it', () => {
    const sim = newSimulator();
    const created = autoscaling(sim, 'CreateAutoScalingGroup', GROUP);
    assert.strictEqual(created.status, 200);
    assert.strictEqual(created.root.name, 'CreateAutoScalingGroupResponse');
    assert.strictEqual(find(created.root, 'CreateAutoScalingGroupResult'), undefined, 'no result element');
    const described = autoscaling(sim, 'DescribeAutoScalingGroups', { 'AutoScalingGroupNames.member.1': 'api-asg' });
    assert.strictEqual(text(described.root, 'AutoScalingGroupName'), 'api-asg');
    assert.match(text(described.root, 'LaunchTemplateId') ?? '', /^lt-[0-9a-f]{17}$/);
    assert.strictEqual(text(described.root, 'Version'), '$Latest');
    assert.strictEqual(text(described.root, 'DesiredCapacity'), '1', 'defaults to MinSize');
    assert.strictEqual(text(described.root, 'Key'), 'team');
    assert.match(
      text(described.root, 'AutoScalingGroupARN') ?? '',
      /^arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:[0-9a-f-]{36}:autoScalingGroupName\/api-asg$/,
    );
    // Another account does not see it.
    const partner = autoscaling(sim, 'DescribeAutoScalingGroups', {}, PARTNER_SIMULATOR_ACCOUNT);
    assert.strictEqual(find(partner.root, 'member'), undefined);

    assert.strictEqual(autoscaling(sim, 'DeleteAutoScalingGroup', { AutoScalingGroupName: 'api-asg' }).status, 200);
    const gone = autoscaling(sim, 'DescribeAutoScalingGroups', { 'AutoScalingGroupNames.member.1': 'api-asg' });
    assert.strictEqual(find(gone.root, 'member'), undefined, 'an unknown name is left out, not an error');
  });

  it('refuses as Auto Scaling does: duplicates, unknown groups, missing templates, sizes out of order', () => {
    const sim = newSimulator();
    const error = (out: ReturnType<typeof autoscaling>) => [
      out.status,
      text(out.root, 'Code'),
      text(out.root, 'Message'),
    ];
    autoscaling(sim, 'CreateAutoScalingGroup', GROUP);
    const dup = autoscaling(sim, 'CreateAutoScalingGroup', GROUP);
    assert.strictEqual(dup.root.name, 'ErrorResponse');
    assert.strictEqual(text(dup.root, 'Type'), 'Sender');
    assert.deepStrictEqual(error(dup), [
      400,
      'AlreadyExists',
      'AutoScalingGroup by this name already exists - A group with the name api-asg already exists',
    ]);
    assert.deepStrictEqual(error(autoscaling(sim, 'DeleteAutoScalingGroup', { AutoScalingGroupName: 'nope' })), [
      400,
      'ValidationError',
      'AutoScalingGroup name not found - AutoScalingGroup nope not found',
    ]);
    const noTemplate = { ...GROUP, AutoScalingGroupName: 'b' } as Record<string, string>;
    delete noTemplate['LaunchTemplate.LaunchTemplateName'];
    delete noTemplate['LaunchTemplate.Version'];
    assert.strictEqual(text(autoscaling(sim, 'CreateAutoScalingGroup', noTemplate).root, 'Code'), 'ValidationError');
    const unknown = autoscaling(sim, 'CreateAutoScalingGroup', {
      ...GROUP,
      AutoScalingGroupName: 'c',
      'LaunchTemplate.LaunchTemplateName': 'missing-template',
    });
    assert.deepStrictEqual(error(unknown), [
      400,
      'ValidationError',
      'You must use a valid fully-formed launch template. The specified launch template, with template name missing-template, does not exist.',
    ]);
    const sizes = autoscaling(sim, 'CreateAutoScalingGroup', {
      ...GROUP,
      AutoScalingGroupName: 'd',
      DesiredCapacity: '5',
    });
    assert.deepStrictEqual(error(sizes), [
      400,
      'ValidationError',
      'Desired capacity:5 must be between the specified min size:1 and max size:3',
    ]);
    const unsupported = autoscaling(sim, 'CreateAutoScalingGroup', {
      ...GROUP,
      AutoScalingGroupName: 'e',
      HealthCheckType: 'ELB',
    });
    assert.match(text(unsupported.root, 'Message') ?? '', /HealthCheckType/);
    const names = autoscaling(sim, 'DescribeAutoScalingGroups', {});
    const listed: string[] = [];
    const walk = (n: XmlNode) => {
      if (n.name === 'AutoScalingGroupName') listed.push(n.text);
      n.children.forEach(walk);
    };
    walk(names.root);
    assert.deepStrictEqual(listed.sort(), ['api-asg', 'web-server-asg'], 'nothing half-created');
  });

  it('checks the template’s AMI when the group is created, as Auto Scaling does', async () => {
    const sim = newSimulator();
    await ec2(sim).send(
      new CreateLaunchTemplateCommand({
        LaunchTemplateName: 'ghost',
        LaunchTemplateData: { ImageId: 'ami-0123456789abcdef0' },
      }),
    );
    const out = autoscaling(sim, 'CreateAutoScalingGroup', { ...GROUP, 'LaunchTemplate.LaunchTemplateName': 'ghost' });
    assert.strictEqual(text(out.root, 'Code'), 'ValidationError');
    assert.strictEqual(
      text(out.root, 'Message'),
      "You must use a valid fully-formed launch template. The image id '[ami-0123456789abcdef0]' does not exist",
    );
  });

  it('is reached only when signed for autoscaling: EC2 does not know its actions', async () => {
    const sim = newSimulator();
    const client = ec2(sim);
    const own = (await client.send(new DescribeImagesCommand({ Owners: ['self'] }))).Images!;
    assert.ok(own.length > 0);
    const body = 'Action=DescribeAutoScalingGroups&Version=2016-11-15';
    const authorization = `AWS4-HMAC-SHA256 Credential=${DEFAULT_SIMULATOR_ACCOUNT.accessKeyId}/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=00`;
    const res = sim.handleSync({ method: 'POST', headers: { authorization }, body });
    assert.match(String(res.body), /InvalidAction/);
    // The group's template still shows up as referencing its AMI.
    const refs = await client.send(
      new DescribeImageReferencesCommand({
        ImageIds: own.map((i) => i.ImageId!).slice(0, 10),
        IncludeAllResourceTypes: true,
      }),
    );
    assert.ok(refs.ImageReferences!.some((r) => r.ResourceType === 'ec2:LaunchTemplate'));
  });
});
