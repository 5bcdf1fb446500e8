import * as assert from 'assert';
import {
  CopyImageCommand,
  CreateImageCommand,
  CreateLaunchTemplateVersionCommand,
  DeregisterImageCommand,
  DescribeImageReferencesCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  GetImageAncestryCommand,
  ModifyImageAttributeCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { PARTNER_SIMULATOR_ACCOUNT } from '../../../src/simulator/accounts';
import { ec2, expectEc2Error, newSimulator } from './helpers';

async function imageNamed(client: EC2Client, name: string) {
  const out = await client.send(
    new DescribeImagesCommand({ Owners: ['self'], Filters: [{ Name: 'name', Values: [name] }] }),
  );
  assert.strictEqual(out.Images?.length, 1, `one image named ${name}`);
  return out.Images[0];
}

describe('simulator DescribeImageReferences', () => {
  const sim = newSimulator();
  const client = ec2(sim);

  it('finds the seeded launch templates and instances that use an AMI, with ARNs', async () => {
    const web = await imageNamed(client, 'web-server-base-v7');
    const out = await client.send(
      new DescribeImageReferencesCommand({ ImageIds: [web.ImageId!], IncludeAllResourceTypes: true }),
    );
    const refs = out.ImageReferences!;
    assert.ok(refs.length > 0);
    const templates = refs.filter((r) => r.ResourceType === 'ec2:LaunchTemplate');
    assert.strictEqual(templates.length, 1, 'web-server references it (version 2)');
    assert.match(templates[0].Arn!, /^arn:aws:ec2:us-east-1:123456789012:launch-template\/lt-[0-9a-f]{17}$/);
    assert.ok(refs.every((r) => r.ImageId === web.ImageId));
  });

  it('lists instances launched from the AMI, narrowed by state-name', async () => {
    const instances = (await client.send(new DescribeInstancesCommand({}))).Reservations!.flatMap((r) => r.Instances!);
    const running = instances.find((i) => i.State?.Name === 'running')!;
    const all = await client.send(
      new DescribeImageReferencesCommand({
        ImageIds: [running.ImageId!],
        ResourceTypes: [{ ResourceType: 'ec2:Instance' }],
      }),
    );
    const arns = all.ImageReferences!.map((r) => r.Arn);
    assert.ok(arns.includes(`arn:aws:ec2:us-east-1:123456789012:instance/${running.InstanceId}`));
    assert.ok(all.ImageReferences!.every((r) => r.ResourceType === 'ec2:Instance'));
    const stoppedOnly = await client.send(
      new DescribeImageReferencesCommand({
        ImageIds: [running.ImageId!],
        ResourceTypes: [
          {
            ResourceType: 'ec2:Instance',
            ResourceTypeOptions: [{ OptionName: 'state-name', OptionValues: ['stopped'] }],
          },
        ],
      }),
    );
    assert.ok(!stoppedOnly.ImageReferences!.some((r) => r.Arn!.endsWith(running.InstanceId!)));
  });

  it('checks only the most recent version-depth versions of a launch template', async () => {
    const legacy = await imageNamed(client, 'legacy-app-2024.08');
    const ask = (depth?: string) =>
      client.send(
        new DescribeImageReferencesCommand({
          ImageIds: [legacy.ImageId!],
          ResourceTypes: [
            {
              ResourceType: 'ec2:LaunchTemplate',
              ResourceTypeOptions: depth ? [{ OptionName: 'version-depth', OptionValues: [depth] }] : undefined,
            },
          ],
        }),
      );
    // web-server's version 1 uses the legacy image; version 2 (the latest) does not.
    assert.strictEqual((await ask()).ImageReferences!.length, 1, 'default depth 10 reaches version 1');
    assert.strictEqual((await ask('1')).ImageReferences!.length, 0, 'depth 1 sees only version 2');
    await expectEc2Error(ask('0'), 'InvalidParameterValue');
    await expectEc2Error(ask('10001'), 'InvalidParameterValue');
  });

  it('applies the documented request rules: 1 to 10 ids, a scope, options only where valid', async () => {
    const web = await imageNamed(client, 'web-server-base-v7');
    const ids = Array.from({ length: 11 }, (_, i) => `ami-${String(i).padStart(17, '0')}`);
    await expectEc2Error(
      client.send(new DescribeImageReferencesCommand({ ImageIds: ids, IncludeAllResourceTypes: true })),
      'InvalidParameterValue',
    );
    await expectEc2Error(
      client.send(new DescribeImageReferencesCommand({ ImageIds: [web.ImageId!] })),
      'MissingParameter',
    );
    await expectEc2Error(
      client.send(
        new DescribeImageReferencesCommand({
          ImageIds: [web.ImageId!],
          ResourceTypes: [
            {
              ResourceType: 'ssm:Parameter',
              ResourceTypeOptions: [{ OptionName: 'state-name', OptionValues: ['running'] }],
            },
          ],
        }),
      ),
      'InvalidParameterValue',
    );
    await expectEc2Error(
      client.send(new DescribeImageReferencesCommand({ ImageIds: ['ami-nope'], IncludeAllResourceTypes: true })),
      'InvalidAMIID.Malformed',
    );
    // SSM parameters and Image Builder recipes are not simulated: nothing references through them.
    const none = await client.send(
      new DescribeImageReferencesCommand({
        ImageIds: [web.ImageId!],
        ResourceTypes: [{ ResourceType: 'ssm:Parameter' }, { ResourceType: 'imagebuilder:ImageRecipe' }],
      }),
    );
    assert.deepStrictEqual(none.ImageReferences, []);
  });

  it('sees a new launch template version at once', async () => {
    const agent = await imageNamed(client, 'ci-build-agent-2026.10');
    const publicDemo = await imageNamed(client, 'ami-explorer-demo-public-arm64');
    const before = await client.send(
      new DescribeImageReferencesCommand({ ImageIds: [publicDemo.ImageId!], IncludeAllResourceTypes: true }),
    );
    assert.strictEqual(before.ImageReferences!.filter((r) => r.ResourceType === 'ec2:LaunchTemplate').length, 0);
    await client.send(
      new CreateLaunchTemplateVersionCommand({
        LaunchTemplateName: 'ci-runner',
        LaunchTemplateData: { ImageId: publicDemo.ImageId },
      }),
    );
    const after = await client.send(
      new DescribeImageReferencesCommand({
        ImageIds: [publicDemo.ImageId!, agent.ImageId!],
        IncludeAllResourceTypes: true,
      }),
    );
    const lt = after.ImageReferences!.filter((r) => r.ResourceType === 'ec2:LaunchTemplate').map((r) => r.ImageId);
    assert.deepStrictEqual(lt.sort(), [agent.ImageId, publicDemo.ImageId].sort());
  });
});

describe('simulator lineage: SourceImageId and GetImageAncestry', () => {
  it('walks the seeded chain of three owned images to the Amazon root', async () => {
    const client = ec2(newSimulator());
    const last = await imageNamed(client, 'hardened-web-server-v7.1');
    const out = await client.send(new GetImageAncestryCommand({ ImageId: last.ImageId }));
    const chain = out.ImageAncestryEntries!;
    assert.strictEqual(chain.length, 4);
    assert.strictEqual(chain[0].ImageId, last.ImageId);
    for (let i = 0; i + 1 < chain.length; i++) {
      assert.strictEqual(chain[i].SourceImageId, chain[i + 1].ImageId);
      assert.strictEqual(chain[i].SourceImageRegion, 'us-east-1');
    }
    assert.strictEqual(chain[3].ImageOwnerAlias, 'amazon');
    assert.strictEqual(chain[3].SourceImageId, undefined);
    assert.ok(chain[0].CreationDate instanceof Date);
  });

  it('records the source in CreateImage (the instance\u2019s AMI) and CopyImage (the copied AMI, its region)', async () => {
    const sim = newSimulator();
    const client = ec2(sim);
    const instance = (await client.send(new DescribeInstancesCommand({})))
      .Reservations!.flatMap((r) => r.Instances!)
      .find((i) => i.State?.Name === 'running' && i.RootDeviceType === 'ebs')!;
    const created = await client.send(
      new CreateImageCommand({ InstanceId: instance.InstanceId, Name: 'lineage-made', NoReboot: true }),
    );
    const made = (await client.send(new DescribeImagesCommand({ ImageIds: [created.ImageId!] }))).Images![0];
    assert.strictEqual(made.SourceImageId, instance.ImageId);
    assert.strictEqual(made.SourceImageRegion, 'us-east-1');

    const west = ec2(sim, 'eu-west-1');
    const copied = await west.send(
      new CopyImageCommand({ SourceImageId: created.ImageId, SourceRegion: 'us-east-1', Name: 'lineage-copy' }),
    );
    const chain = (await west.send(new GetImageAncestryCommand({ ImageId: copied.ImageId }))).ImageAncestryEntries!;
    assert.deepStrictEqual(
      chain.slice(0, 3).map((e) => [e.ImageId, e.SourceImageRegion]),
      [
        [copied.ImageId, 'us-east-1'],
        [created.ImageId, 'us-east-1'],
        [instance.ImageId, undefined],
      ],
    );
  });

  it('stops at a source the caller cannot see or that was deregistered, still naming it', async () => {
    const sim = newSimulator();
    const me = ec2(sim);
    const partner = ec2(sim, 'us-east-1', PARTNER_SIMULATOR_ACCOUNT);
    const base = await imageNamed(me, 'hardened-web-server-v7');
    await me.send(
      new ModifyImageAttributeCommand({
        ImageId: base.ImageId,
        LaunchPermission: { Add: [{ UserId: PARTNER_SIMULATOR_ACCOUNT.accountId }] },
      }),
    );
    // The partner sees the shared image but not its private source.
    const seen = (await partner.send(new GetImageAncestryCommand({ ImageId: base.ImageId }))).ImageAncestryEntries!;
    assert.strictEqual(seen.length, 1);
    assert.ok(seen[0].SourceImageId, 'the entry still names its source');

    const last = await imageNamed(me, 'hardened-web-server-v7.1');
    await me.send(new DeregisterImageCommand({ ImageId: base.ImageId }));
    const cut = (await me.send(new GetImageAncestryCommand({ ImageId: last.ImageId }))).ImageAncestryEntries!;
    assert.deepStrictEqual(
      cut.map((e) => e.ImageId),
      [last.ImageId],
    );
    assert.strictEqual(cut[0].SourceImageId, base.ImageId);

    await expectEc2Error(
      me.send(new GetImageAncestryCommand({ ImageId: 'ami-0123456789abcdef0' })),
      'InvalidAMIID.NotFound',
    );
    await expectEc2Error(
      me.send(new GetImageAncestryCommand({ ImageId: last.ImageId, DryRun: true })),
      'DryRunOperation',
    );
  });
});
