import * as assert from 'assert';
import { DescribeImagesCommand, RunInstancesCommand, type EC2Client } from '@aws-sdk/client-ec2';
import type { Simulator } from '../../../src/simulator/simulator';
import { ec2, expectEc2Error, newSimulator } from './helpers';
import { ssm } from './jsonSupport';

const AL2023 = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';

interface Parameter {
  Name: string;
  Value: string;
  Version: number;
  Type: string;
  ARN: string;
}

describe('simulator public SSM parameters', () => {
  let sim: Simulator;
  let client: EC2Client;

  beforeEach(() => {
    sim = newSimulator();
    client = ec2(sim);
  });

  /** The images EC2's public-ssm-parameter-name filter finds: every build the parameter has named. */
  const series = async (name: string) =>
    (
      await client.send(
        new DescribeImagesCommand({
          Owners: ['amazon', '099720109477', '136693071363', '801119661308'],
          IncludeDeprecated: true,
          Filters: [{ Name: 'public-ssm-parameter-name', Values: [name] }],
        }),
      )
    ).Images ?? [];

  it('GetParameter names the newest image of the series, and agrees with DescribeImages', async () => {
    const res = ssm(sim, 'GetParameter', { Name: AL2023 });
    assert.strictEqual(res.status, 200);
    const p = res.body.Parameter as Parameter;
    const images = await series(AL2023);
    const newest = images.reduce((a, b) => (Date.parse(b.CreationDate!) > Date.parse(a.CreationDate!) ? b : a));
    assert.strictEqual(p.Value, newest.ImageId);
    assert.strictEqual(p.Version, images.length);
    assert.strictEqual(p.Type, 'String');
    assert.strictEqual(p.ARN, `arn:aws:ssm:us-east-1::parameter${AL2023}`);
  });

  it('serves every namespace the issue lists, each parameter resolving to an image of its own series', async () => {
    for (const path of [
      '/aws/service/ami-amazon-linux-latest',
      '/aws/service/canonical/ubuntu',
      '/aws/service/ami-windows-latest',
      '/aws/service/debian',
      '/aws/service/bottlerocket',
      '/aws/service/ecs/optimized-ami',
      '/aws/service/eks/optimized-ami',
    ]) {
      const res = ssm(sim, 'GetParametersByPath', { Path: path, Recursive: true });
      const params = res.body.Parameters as Parameter[];
      assert.ok(params.length > 0, `${path} has parameters`);
      const p = params[0];
      const images = await series(p.Name);
      assert.ok(
        images.some((i) => i.ImageId === p.Value),
        `${p.Name} resolves to one of its images`,
      );
    }
  });

  it('GetParametersByPath: one level without Recursive, pages of at most MaxResults with NextToken', () => {
    const top = ssm(sim, 'GetParametersByPath', { Path: '/aws/service/canonical/ubuntu' });
    assert.deepStrictEqual(top.body.Parameters, [], 'Ubuntu parameters sit several levels deeper');
    const names: string[] = [];
    let token: string | undefined;
    do {
      const res = ssm(sim, 'GetParametersByPath', {
        Path: '/aws/service/ami-amazon-linux-latest',
        MaxResults: 2,
        NextToken: token,
      });
      assert.strictEqual(res.status, 200);
      const page = res.body.Parameters as Parameter[];
      assert.ok(page.length <= 2);
      names.push(...page.map((p) => p.Name));
      token = res.body.NextToken as string | undefined;
    } while (token);
    assert.ok(names.includes(AL2023));
    assert.strictEqual(new Set(names).size, names.length);
    const bad = ssm(sim, 'GetParametersByPath', { Path: '/aws/service', MaxResults: 11 });
    assert.strictEqual(bad.status, 400);
    assert.strictEqual(bad.headers['x-amzn-errortype'], 'ValidationException');
  });

  it('GetParameters splits found and invalid names; GetParameter answers ParameterNotFound', () => {
    const res = ssm(sim, 'GetParameters', { Names: [AL2023, '/aws/service/nothing/here'] });
    assert.deepStrictEqual(
      (res.body.Parameters as Parameter[]).map((p) => p.Name),
      [AL2023],
    );
    assert.deepStrictEqual(res.body.InvalidParameters, ['/aws/service/nothing/here']);
    const missing = ssm(sim, 'GetParameter', { Name: '/aws/service/nothing/here' });
    assert.strictEqual(missing.status, 400);
    assert.strictEqual(missing.body.__type, 'ParameterNotFound');
    assert.strictEqual(ssm(sim, 'GetParameters', { Names: [] }).status, 400);
    assert.strictEqual(
      ssm(sim, 'DeleteParameter', { Name: AL2023 }).headers['x-amzn-errortype'],
      'UnknownOperationException',
    );
  });

  it('differs per region, as each region has its own catalog', () => {
    const east = (ssm(sim, 'GetParameter', { Name: AL2023 }).body.Parameter as Parameter).Value;
    const west = (ssm(sim, 'GetParameter', { Name: AL2023 }, { region: 'us-west-2' }).body.Parameter as Parameter)
      .Value;
    assert.notStrictEqual(east, west);
  });

  it('RunInstances accepts resolve:ssm:<public parameter> and launches its image', async () => {
    const value = (ssm(sim, 'GetParameter', { Name: AL2023 }).body.Parameter as Parameter).Value;
    const out = await client.send(
      new RunInstancesCommand({ ImageId: `resolve:ssm:${AL2023}`, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 }),
    );
    assert.strictEqual(out.Instances![0].ImageId, value);
    await expectEc2Error(
      client.send(
        new RunInstancesCommand({
          ImageId: 'resolve:ssm:/aws/service/nothing',
          InstanceType: 't3.micro',
          MinCount: 1,
          MaxCount: 1,
        }),
      ),
      'InvalidParameterValue',
    );
  });
});
