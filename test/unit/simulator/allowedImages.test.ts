import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  DescribeImagesCommand,
  DescribeInstanceImageMetadataCommand,
  DisableAllowedImagesSettingsCommand,
  EnableAllowedImagesSettingsCommand,
  GetAllowedImagesSettingsCommand,
  ReplaceImageCriteriaInAllowedImagesSettingsCommand,
  RunInstancesCommand,
  type EC2Client,
  type Image,
  type ImageCriterionRequest,
} from '@aws-sdk/client-ec2';
import { PARTNER_SIMULATOR_ACCOUNT } from '../../../src/simulator/accounts';
import { ManualClock } from '../../../src/simulator/clock';
import type { Simulator } from '../../../src/simulator/simulator';
import { ec2, expectEc2Error, newSimulator } from './helpers';

/** Allowed AMIs: settings per account and region, ImageAllowed, DescribeImages and RunInstances enforcement. */
describe('simulator Allowed AMIs', () => {
  let sim: Simulator;
  let client: EC2Client;
  let clock: ManualClock;

  beforeEach(() => {
    clock = new ManualClock(Date.UTC(2026, 10, 1));
    sim = newSimulator({ clock });
    client = ec2(sim);
  });

  const criteria = (...c: ImageCriterionRequest[]) =>
    client.send(new ReplaceImageCriteriaInAllowedImagesSettingsCommand({ ImageCriteria: c }));
  const enable = (state: 'enabled' | 'audit-mode') =>
    client.send(new EnableAllowedImagesSettingsCommand({ AllowedImagesSettingsState: state }));
  const images = async (owners: string[], filter?: string): Promise<Image[]> =>
    (
      await client.send(
        new DescribeImagesCommand({
          Owners: owners,
          Filters: filter ? [{ Name: 'image-allowed', Values: [filter] }] : undefined,
        }),
      )
    ).Images ?? [];
  const launch = (imageId: string) =>
    client.send(new RunInstancesCommand({ ImageId: imageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 }));

  it('starts disabled, managed by the account, without criteria; enable, replace and disable round-trip', async () => {
    const initial = await client.send(new GetAllowedImagesSettingsCommand({}));
    assert.strictEqual(initial.State, 'disabled');
    assert.strictEqual(initial.ManagedBy, 'account');
    assert.deepStrictEqual(initial.ImageCriteria ?? [], []);

    assert.strictEqual((await enable('audit-mode')).AllowedImagesSettingsState, 'audit-mode');
    assert.strictEqual(
      (
        await criteria(
          { ImageProviders: ['amazon', '123456789012'], ImageNames: ['al2023-ami-*'] },
          {
            CreationDateCondition: { MaximumDaysSinceCreated: 300 },
            DeprecationTimeCondition: { MaximumDaysSinceDeprecated: 0 },
          },
        )
      ).ReturnValue,
      true,
    );
    const now = await client.send(new GetAllowedImagesSettingsCommand({}));
    assert.strictEqual(now.State, 'audit-mode');
    assert.deepStrictEqual(now.ImageCriteria, [
      { ImageProviders: ['amazon', '123456789012'], ImageNames: ['al2023-ami-*'] },
      {
        CreationDateCondition: { MaximumDaysSinceCreated: 300 },
        DeprecationTimeCondition: { MaximumDaysSinceDeprecated: 0 },
      },
    ]);
    assert.strictEqual(
      (await client.send(new DisableAllowedImagesSettingsCommand({}))).AllowedImagesSettingsState,
      'disabled',
    );
    // Disabling keeps the criteria for the next time.
    assert.strictEqual((await client.send(new GetAllowedImagesSettingsCommand({}))).ImageCriteria?.length, 2);
  });

  it('refuses every change while a declarative policy manages the setting, and says who manages it', async () => {
    // A declarative policy is set in AWS Organizations, which the simulator does not serve: put it
    // in a saved state, as an organization's management account would have left it.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-explorer-policy-'));
    const stateFile = path.join(dir, 'state.json');
    try {
      const first = newSimulator({ clock, stateFile });
      await ec2(first).send(new EnableAllowedImagesSettingsCommand({ AllowedImagesSettingsState: 'enabled' }));
      first.dispose();
      const state = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as {
        regions: Record<string, { allowedImages: Record<string, { managedBy: string }> }>;
      };
      const settings = Object.values(state.regions['us-east-1'].allowedImages);
      assert.strictEqual(settings.length, 1);
      settings[0].managedBy = 'declarative-policy';
      fs.writeFileSync(stateFile, JSON.stringify(state));

      const managed = ec2(newSimulator({ clock, stateFile }));
      const read = await managed.send(new GetAllowedImagesSettingsCommand({}));
      assert.deepStrictEqual([read.State, read.ManagedBy], ['enabled', 'declarative-policy']);
      const changes = [
        () => managed.send(new EnableAllowedImagesSettingsCommand({ AllowedImagesSettingsState: 'audit-mode' })),
        () => managed.send(new DisableAllowedImagesSettingsCommand({})),
        () =>
          managed.send(
            new ReplaceImageCriteriaInAllowedImagesSettingsCommand({ ImageCriteria: [{ ImageProviders: ['amazon'] }] }),
          ),
      ];
      for (const change of changes) {
        const error = await expectEc2Error(change(), 'OperationNotPermitted');
        assert.match(error.message, /managed by a declarative policy/);
      }
      assert.strictEqual((await managed.send(new GetAllowedImagesSettingsCommand({}))).State, 'enabled');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the settings per account and per region', async () => {
    await enable('enabled');
    const partner = ec2(sim, 'us-east-1', PARTNER_SIMULATOR_ACCOUNT);
    assert.strictEqual((await partner.send(new GetAllowedImagesSettingsCommand({}))).State, 'disabled');
    const west = ec2(sim, 'us-west-2');
    assert.strictEqual((await west.send(new GetAllowedImagesSettingsCommand({}))).State, 'disabled');
    assert.strictEqual((await client.send(new GetAllowedImagesSettingsCommand({}))).State, 'enabled');
  });

  it('refuses criteria beyond the documented limits and values', async () => {
    await expectEc2Error(criteria({ ImageProviders: ['none', 'amazon'] }), 'InvalidParameterCombination');
    await expectEc2Error(criteria({ ImageProviders: ['microsoft'] }), 'InvalidParameterValue');
    await expectEc2Error(criteria({ MarketplaceProductCodes: ['has-dash'] }), 'InvalidParameterValue');
    await expectEc2Error(criteria({ ImageNames: ['a?'] }), 'InvalidParameterValue');
    await expectEc2Error(
      criteria(...Array.from({ length: 11 }, () => ({ ImageProviders: ['amazon'] }))),
      'InvalidParameterValue',
    );
    await expectEc2Error(
      criteria({ ImageNames: Array.from({ length: 51 }, (_, k) => `name-${k}`) }),
      'InvalidParameterValue',
    );
    await expectEc2Error(enable('on' as 'enabled'), 'InvalidParameterValue');
  });

  it('audit mode: not-allowed images stay listed with ImageAllowed=false and still launch', async () => {
    await criteria({ ImageProviders: ['amazon'], ImageNames: ['al2023-ami-*'] });
    await enable('audit-mode');
    const amazon = await images(['amazon']);
    const al2023 = amazon.filter((i) => i.Name!.startsWith('al2023-ami-'));
    const others = amazon.filter((i) => !i.Name!.startsWith('al2023-ami-'));
    assert.ok(al2023.length > 0 && others.length > 0);
    assert.ok(al2023.every((i) => i.ImageAllowed === true));
    assert.ok(others.every((i) => i.ImageAllowed === false));
    assert.strictEqual((await images(['amazon'], 'false')).length, others.length);
    assert.strictEqual((await images(['amazon'], 'true')).length, al2023.length);
    const windows = others.find((i) => i.Architecture === 'x86_64' && i.State === 'available')!;
    const launched = await launch(windows.ImageId!);
    assert.strictEqual(launched.Instances?.length, 1);
    // Own images are always allowed.
    assert.ok((await images(['self'])).every((i) => i.ImageAllowed === true));
  });

  it('enabled: DescribeImages returns only allowed images, RunInstances refuses the others', async () => {
    await criteria({ ImageProviders: ['amazon'], ImageNames: ['al2023-ami-*'] });
    const before = await images(['amazon']);
    const blocked = before.find((i) => !i.Name!.startsWith('al2023-ami-') && i.Architecture === 'x86_64')!;
    await enable('enabled');
    const amazon = await images(['amazon']);
    assert.ok(amazon.length > 0 && amazon.every((i) => i.Name!.startsWith('al2023-ami-') && i.ImageAllowed === true));
    assert.ok((await images(['self'])).length > 0, 'own images are never restricted');
    await expectEc2Error(launch(blocked.ImageId!), 'InvalidAMIID.NotFound');
    const allowed = amazon.find((i) => i.Architecture === 'x86_64' && i.State === 'available')!;
    assert.strictEqual((await launch(allowed.ImageId!)).Instances?.length, 1);
  });

  it('enabled with no criteria allows only the account own images (unverified)', async () => {
    await enable('enabled');
    assert.deepStrictEqual(await images(['amazon']), []);
    assert.ok((await images(['self'])).length > 0);
  });

  it('applies the creation-date and deprecation conditions on the injected clock', async () => {
    await criteria({ ImageProviders: ['amazon'], CreationDateCondition: { MaximumDaysSinceCreated: 60 } });
    await enable('audit-mode');
    const amazon = await images(['amazon']);
    const now = clock.now();
    for (const i of amazon) {
      const young = now - Date.parse(i.CreationDate!) <= 60 * 86_400_000;
      assert.strictEqual(i.ImageAllowed, young, `${i.Name} created ${i.CreationDate}`);
    }
    await criteria({ ImageProviders: ['amazon'], DeprecationTimeCondition: { MaximumDaysSinceDeprecated: 0 } });
    const withDeprecated = (
      await client.send(new DescribeImagesCommand({ Owners: ['amazon'], IncludeDeprecated: true }))
    ).Images!;
    const deprecated = withDeprecated.filter((i) => i.DeprecationTime && Date.parse(i.DeprecationTime) <= now);
    assert.ok(deprecated.length > 0, 'the catalog has deprecated Amazon images');
    assert.ok(deprecated.every((i) => i.ImageAllowed === false));
  });

  it('DescribeInstanceImageMetadata reports each instance image and whether it is allowed', async () => {
    const all = await client.send(new DescribeInstanceImageMetadataCommand({}));
    assert.ok((all.InstanceImageMetadata ?? []).length > 0);
    for (const m of all.InstanceImageMetadata!) {
      assert.match(m.InstanceId!, /^i-/);
      assert.strictEqual(m.OwnerId, '123456789012');
      assert.ok(m.State?.Name);
      assert.match(m.ImageMetadata!.ImageId!, /^ami-/);
      assert.strictEqual(m.ImageMetadata!.ImageAllowed, true);
    }
    await criteria({ ImageProviders: ['none'] });
    await enable('audit-mode');
    const notAllowed = await client.send(
      new DescribeInstanceImageMetadataCommand({ Filters: [{ Name: 'image-allowed', Values: ['false'] }] }),
    );
    const foreign = all.InstanceImageMetadata!.filter((m) => m.ImageMetadata!.OwnerId !== '123456789012');
    assert.deepStrictEqual(
      notAllowed.InstanceImageMetadata!.map((m) => m.InstanceId).sort(),
      foreign.map((m) => m.InstanceId).sort(),
    );
    const paged = await client.send(new DescribeInstanceImageMetadataCommand({ MaxResults: 1 }));
    assert.strictEqual(paged.InstanceImageMetadata?.length, 1);
    assert.ok(all.InstanceImageMetadata!.length === 1 || paged.NextToken);
  });
});
