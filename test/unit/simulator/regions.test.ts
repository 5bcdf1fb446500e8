import * as assert from 'assert';
import { DescribeImagesCommand, DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import { SIMULATOR_REGIONS } from '../../../src/simulator/regions';
import { ec2, expectEc2Error, newSimulator } from './helpers';

describe('simulator regions', () => {
  const sim = newSimulator();

  it('DescribeRegions lists the nine simulated regions with their endpoints, from any region', async () => {
    for (const region of ['us-east-1', 'ap-northeast-1']) {
      const out = await ec2(sim, region).send(new DescribeRegionsCommand({}));
      assert.deepStrictEqual(out.Regions!.map((r) => r.RegionName).sort(), [...SIMULATOR_REGIONS].sort());
      assert.strictEqual(out.Regions!.length, 9);
      for (const r of out.Regions!) {
        assert.strictEqual(r.Endpoint, `ec2.${r.RegionName}.amazonaws.com`);
        assert.strictEqual(r.OptInStatus, 'opt-in-not-required');
      }
    }
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
