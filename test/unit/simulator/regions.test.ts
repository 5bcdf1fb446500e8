import * as assert from 'assert';
import { DescribeImagesCommand, DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import { OPT_IN_REGIONS, SIMULATOR_REGIONS } from '../../../src/simulator/regions';
import { ec2, expectEc2Error, newSimulator } from './helpers';

describe('simulator regions', () => {
  const sim = newSimulator();

  it('DescribeRegions lists the 17 regions a new account has enabled, with their endpoints, from any region', async () => {
    for (const region of ['us-east-1', 'ap-northeast-1', 'eu-north-1']) {
      const out = await ec2(sim, region).send(new DescribeRegionsCommand({}));
      assert.deepStrictEqual(out.Regions!.map((r) => r.RegionName).sort(), [...SIMULATOR_REGIONS].sort());
      assert.strictEqual(out.Regions!.length, 17);
      for (const r of out.Regions!) {
        assert.strictEqual(r.Endpoint, `ec2.${r.RegionName}.amazonaws.com`);
        assert.strictEqual(r.OptInStatus, 'opt-in-not-required');
      }
    }
  });

  it('AllRegions adds the opt-in regions the account has not enabled, and the opt-in-status filter tells them apart', async () => {
    const all = (await ec2(sim).send(new DescribeRegionsCommand({ AllRegions: true }))).Regions!;
    assert.strictEqual(all.length, SIMULATOR_REGIONS.length + OPT_IN_REGIONS.length);
    const status = new Map(all.map((r) => [r.RegionName, r.OptInStatus]));
    assert.strictEqual(status.get('af-south-1'), 'not-opted-in');
    assert.strictEqual(status.get('me-south-1'), 'not-opted-in');
    assert.strictEqual(status.get('eu-west-1'), 'opt-in-not-required');
    const disabled = await ec2(sim).send(
      new DescribeRegionsCommand({ AllRegions: true, Filters: [{ Name: 'opt-in-status', Values: ['not-opted-in'] }] }),
    );
    assert.deepStrictEqual(disabled.Regions!.map((r) => r.RegionName).sort(), [...OPT_IN_REGIONS].sort());
    const byName = await ec2(sim).send(
      new DescribeRegionsCommand({ Filters: [{ Name: 'region-name', Values: ['eu-*'] }] }),
    );
    assert.deepStrictEqual(byName.Regions!.map((r) => r.RegionName).sort(), [
      'eu-central-1',
      'eu-north-1',
      'eu-west-1',
      'eu-west-2',
      'eu-west-3',
    ]);
    await expectEc2Error(
      ec2(sim).send(new DescribeRegionsCommand({ Filters: [{ Name: 'region-size', Values: ['big'] }] })),
      'InvalidParameterValue',
    );
  });

  it('lists a named region whether the account enabled it or not (DescribeRegionsRequest.RegionNames)', async () => {
    const out = await ec2(sim).send(new DescribeRegionsCommand({ RegionNames: ['ap-east-1', 'us-west-2'] }));
    assert.deepStrictEqual(out.Regions!.map((r) => [r.RegionName, r.OptInStatus]).sort(), [
      ['ap-east-1', 'not-opted-in'],
      ['us-west-2', 'opt-in-not-required'],
    ]);
  });

  it("answers a request in a region the account has not opted in to with EC2's AuthFailure", async () => {
    const error = await expectEc2Error(
      ec2(sim, 'af-south-1').send(new DescribeImagesCommand({ Owners: ['self'] })),
      'AuthFailure',
      401,
    );
    assert.strictEqual(error.message, 'AWS was not able to validate the provided access credentials');
  });

  it('narrows to RegionNames and refuses unknown names', async () => {
    const out = await ec2(sim).send(new DescribeRegionsCommand({ RegionNames: ['eu-west-1', 'sa-east-1'] }));
    assert.deepStrictEqual(out.Regions!.map((r) => r.RegionName).sort(), ['eu-west-1', 'sa-east-1']);
    await expectEc2Error(
      ec2(sim).send(new DescribeRegionsCommand({ RegionNames: ['moon-1'] })),
      'InvalidParameterValue',
      400,
    );
    await expectEc2Error(ec2(sim).send(new DescribeRegionsCommand({ DryRun: true })), 'DryRunOperation', 412);
  });

  it('keeps each region a separate store: my AMIs in one region are not in another', async () => {
    const east = (await ec2(sim, 'us-east-1').send(new DescribeImagesCommand({ Owners: ['self'] }))).Images!;
    const west = (await ec2(sim, 'us-west-1').send(new DescribeImagesCommand({ Owners: ['self'] }))).Images!;
    assert.ok(east.length > 0);
    assert.deepStrictEqual(west, []);
    await expectEc2Error(
      ec2(sim, 'us-west-1').send(new DescribeImagesCommand({ ImageIds: [east[0].ImageId!] })),
      'InvalidAMIID.NotFound',
    );
  });

  it('refuses a region the simulator does not model with AuthFailure, as EC2 does for a disabled region', async () => {
    await expectEc2Error(ec2(sim, 'mars-north-1').send(new DescribeRegionsCommand({})), 'AuthFailure', 401);
  });
});
