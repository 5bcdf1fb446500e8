import * as assert from 'assert';
import {
  CreateLaunchTemplateCommand,
  CreateLaunchTemplateVersionCommand,
  DeleteLaunchTemplateCommand,
  DescribeImagesCommand,
  DescribeLaunchTemplatesCommand,
  DescribeLaunchTemplateVersionsCommand,
  ModifyLaunchTemplateCommand,
} from '@aws-sdk/client-ec2';
import { PARTNER_SIMULATOR_ACCOUNT } from '../../../src/simulator/accounts';
import { ec2, expectEc2Error, newSimulator } from './helpers';

describe('simulator launch templates', () => {
  const setup = async () => {
    const sim = newSimulator();
    const client = ec2(sim);
    const own = (await client.send(new DescribeImagesCommand({ Owners: ['self'] }))).Images!;
    return { sim, client, a: own[0].ImageId!, b: own[1].ImageId! };
  };

  it('creates version 1 as the default, numbers new versions, and resolves $Latest and $Default', async () => {
    const { client, a, b } = await setup();
    const created = await client.send(
      new CreateLaunchTemplateCommand({
        LaunchTemplateName: 'app',
        VersionDescription: 'first',
        LaunchTemplateData: { ImageId: a, InstanceType: 't3.micro' },
        TagSpecifications: [{ ResourceType: 'launch-template', Tags: [{ Key: 'team', Value: 'web' }] }],
      }),
    );
    const lt = created.LaunchTemplate!;
    assert.match(lt.LaunchTemplateId!, /^lt-[0-9a-f]{17}$/);
    assert.strictEqual(lt.DefaultVersionNumber, 1);
    assert.strictEqual(lt.LatestVersionNumber, 1);
    assert.strictEqual(lt.CreatedBy, 'arn:aws:iam::123456789012:user/simulator');
    assert.deepStrictEqual(lt.Tags, [{ Key: 'team', Value: 'web' }]);

    const v2 = await client.send(
      new CreateLaunchTemplateVersionCommand({
        LaunchTemplateId: lt.LaunchTemplateId,
        SourceVersion: '1',
        LaunchTemplateData: { ImageId: b },
      }),
    );
    assert.strictEqual(v2.LaunchTemplateVersion!.VersionNumber, 2);
    assert.strictEqual(v2.LaunchTemplateVersion!.DefaultVersion, false);
    // SourceVersion: inherits what it does not override.
    assert.deepStrictEqual(v2.LaunchTemplateVersion!.LaunchTemplateData, { ImageId: b, InstanceType: 't3.micro' });

    const pick = async (version: string) =>
      (
        await client.send(new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateName: 'app', Versions: [version] }))
      ).LaunchTemplateVersions!.map((v) => v.VersionNumber);
    assert.deepStrictEqual(await pick('$Latest'), [2]);
    assert.deepStrictEqual(await pick('$Default'), [1]);

    const modified = await client.send(
      new ModifyLaunchTemplateCommand({ LaunchTemplateName: 'app', DefaultVersion: '2' }),
    );
    assert.strictEqual(modified.LaunchTemplate!.DefaultVersionNumber, 2);
    assert.deepStrictEqual(await pick('$Default'), [2]);
    const all = await client.send(new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateName: 'app' }));
    assert.deepStrictEqual(
      all.LaunchTemplateVersions!.map((v) => [v.VersionNumber, v.DefaultVersion]),
      [
        [1, false],
        [2, true],
      ],
    );
  });

  it('keeps names unique per account and region, and names the missing template as EC2 does', async () => {
    const { sim, client, a } = await setup();
    await client.send(
      new CreateLaunchTemplateCommand({ LaunchTemplateName: 'dup', LaunchTemplateData: { ImageId: a } }),
    );
    const dup = await expectEc2Error(
      client.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: 'dup', LaunchTemplateData: { ImageId: a } })),
      'InvalidLaunchTemplateName.AlreadyExistsException',
    );
    assert.strictEqual(dup.message, 'Launch template name already in use.');
    // Another account and another region may use the same name.
    await ec2(sim, 'us-east-1', PARTNER_SIMULATOR_ACCOUNT).send(
      new CreateLaunchTemplateCommand({ LaunchTemplateName: 'dup', LaunchTemplateData: { InstanceType: 't3.micro' } }),
    );
    await ec2(sim, 'eu-west-1').send(
      new CreateLaunchTemplateCommand({ LaunchTemplateName: 'dup', LaunchTemplateData: { InstanceType: 't3.micro' } }),
    );

    const missing = await expectEc2Error(
      client.send(new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateName: 'nope' })),
      'InvalidLaunchTemplateName.NotFoundException',
    );
    assert.strictEqual(missing.message, 'The specified launch template, with template name nope, does not exist.');
    await expectEc2Error(
      client.send(new DescribeLaunchTemplatesCommand({ LaunchTemplateIds: ['lt-0123456789abcdef0'] })),
      'InvalidLaunchTemplateId.NotFound',
    );
    await expectEc2Error(
      client.send(new DescribeLaunchTemplatesCommand({ LaunchTemplateIds: ['template'] })),
      'InvalidLaunchTemplateId.Malformed',
    );
    await expectEc2Error(
      client.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: 'x', LaunchTemplateData: {} })),
      'InvalidLaunchTemplateName.MalformedException',
    );
    await expectEc2Error(
      client.send(new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateName: 'dup', Versions: ['7'] })),
      'InvalidLaunchTemplateId.VersionNotFound',
    );
  });

  it('stores a resolve:ssm: image as given, and refuses template members it does not keep by name', async () => {
    const { client } = await setup();
    const out = await client.send(
      new CreateLaunchTemplateCommand({
        LaunchTemplateName: 'ssm-based',
        LaunchTemplateData: {
          ImageId: 'resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
        },
      }),
    );
    const v = await client.send(
      new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateId: out.LaunchTemplate!.LaunchTemplateId }),
    );
    assert.strictEqual(
      v.LaunchTemplateVersions![0].LaunchTemplateData!.ImageId,
      'resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
    );
    const refused = await expectEc2Error(
      client.send(
        new CreateLaunchTemplateCommand({ LaunchTemplateName: 'user-data', LaunchTemplateData: { UserData: 'eA==' } }),
      ),
      'UnsupportedOperation',
    );
    assert.match(refused.message, /LaunchTemplateData\.UserData/);
    const after = await client.send(new DescribeLaunchTemplatesCommand({ LaunchTemplateNames: ['ssm-based'] }));
    assert.strictEqual(after.LaunchTemplates!.length, 1);
    await expectEc2Error(
      client.send(new DescribeLaunchTemplatesCommand({ LaunchTemplateNames: ['user-data'] })),
      'InvalidLaunchTemplateName.NotFoundException',
    );
  });

  it('returns the same template for a retried ClientToken instead of a duplicate-name error', async () => {
    const { client, a } = await setup();
    const send = () =>
      client.send(
        new CreateLaunchTemplateCommand({
          LaunchTemplateName: 'idem',
          ClientToken: 'tok-1',
          LaunchTemplateData: { ImageId: a },
        }),
      );
    const first = await send();
    const again = await send();
    assert.strictEqual(again.LaunchTemplate!.LaunchTemplateId, first.LaunchTemplate!.LaunchTemplateId);
  });

  it('describes all templates or $Latest/$Default across them, filters, pages, and deletes', async () => {
    const { client } = await setup();
    const seeded = (await client.send(new DescribeLaunchTemplatesCommand({}))).LaunchTemplates!;
    assert.deepStrictEqual(seeded.map((t) => t.LaunchTemplateName).sort(), ['ci-runner', 'web-server']);
    const byName = await client.send(
      new DescribeLaunchTemplatesCommand({ Filters: [{ Name: 'launch-template-name', Values: ['web-*'] }] }),
    );
    assert.deepStrictEqual(
      byName.LaunchTemplates!.map((t) => t.LaunchTemplateName),
      ['web-server'],
    );
    const page = await client.send(new DescribeLaunchTemplatesCommand({ MaxResults: 1 }));
    assert.strictEqual(page.LaunchTemplates!.length, 1);
    assert.ok(page.NextToken);
    const rest = await client.send(new DescribeLaunchTemplatesCommand({ MaxResults: 1, NextToken: page.NextToken }));
    assert.notStrictEqual(rest.LaunchTemplates![0].LaunchTemplateId, page.LaunchTemplates![0].LaunchTemplateId);

    const latest = await client.send(new DescribeLaunchTemplateVersionsCommand({ Versions: ['$Latest'] }));
    assert.deepStrictEqual(
      latest.LaunchTemplateVersions!.map((v) => `${v.LaunchTemplateName}:${v.VersionNumber}`).sort(),
      ['ci-runner:1', 'web-server:2'],
    );
    await expectEc2Error(
      client.send(new DescribeLaunchTemplateVersionsCommand({ Versions: ['1'] })),
      'InvalidParameterValue',
    );
    const defaults = await client.send(
      new DescribeLaunchTemplateVersionsCommand({
        LaunchTemplateName: 'web-server',
        Filters: [{ Name: 'is-default-version', Values: ['true'] }],
      }),
    );
    assert.deepStrictEqual(
      defaults.LaunchTemplateVersions!.map((v) => v.VersionNumber),
      [2],
    );

    await expectEc2Error(
      client.send(new DeleteLaunchTemplateCommand({ LaunchTemplateName: 'ci-runner', DryRun: true })),
      'DryRunOperation',
    );
    const deleted = await client.send(new DeleteLaunchTemplateCommand({ LaunchTemplateName: 'ci-runner' }));
    assert.strictEqual(deleted.LaunchTemplate!.LaunchTemplateName, 'ci-runner');
    const left = (await client.send(new DescribeLaunchTemplatesCommand({}))).LaunchTemplates!;
    assert.deepStrictEqual(
      left.map((t) => t.LaunchTemplateName),
      ['web-server'],
    );
  });

  it('hides another account\u2019s templates', async () => {
    const { sim } = await setup();
    const partner = ec2(sim, 'us-east-1', PARTNER_SIMULATOR_ACCOUNT);
    assert.deepStrictEqual((await partner.send(new DescribeLaunchTemplatesCommand({}))).LaunchTemplates, []);
    await expectEc2Error(
      partner.send(new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateName: 'web-server' })),
      'InvalidLaunchTemplateName.NotFoundException',
    );
  });
});
