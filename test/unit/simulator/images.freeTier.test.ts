import * as assert from 'assert';
import {
  DescribeImagesCommand,
  type DescribeImagesCommandInput,
  type EC2Client,
  type Image,
} from '@aws-sdk/client-ec2';
import { ec2, newSimulator } from './helpers';

/** FreeTierEligible, PublicSsmParameterName and ImageAllowed, as the model's Image has them, with their filters. */
describe('simulator DescribeImages: Free Tier, public SSM parameters, Allowed AMIs', () => {
  let client: EC2Client;
  const images = async (input: DescribeImagesCommandInput): Promise<Image[]> =>
    (await client.send(new DescribeImagesCommand(input))).Images ?? [];

  beforeEach(() => {
    client = ec2(newSimulator());
  });

  it('finds every Amazon Linux 2023 x86_64 build by its public SSM parameter, and marks them Free Tier eligible', async () => {
    const parameter = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';
    const found = await images({
      Owners: ['amazon'],
      Filters: [{ Name: 'public-ssm-parameter-name', Values: [parameter] }],
    });
    assert.ok(found.length >= 2, 'every version the parameter ever resolved to');
    for (const image of found) {
      assert.match(image.Name!, /^al2023-ami-2023\.[\d.]+-kernel-6\.1-x86_64$/);
      assert.strictEqual(image.PublicSsmParameterName, parameter);
      assert.strictEqual(image.FreeTierEligible, true);
      assert.strictEqual(image.ImageAllowed, true);
    }
  });

  it('filters on free-tier-eligible: SQL Server images are not eligible, the base Windows images are', async () => {
    const eligible = await images({ Owners: ['amazon'], Filters: [{ Name: 'free-tier-eligible', Values: ['true'] }] });
    const not = await images({ Owners: ['amazon'], Filters: [{ Name: 'free-tier-eligible', Values: ['false'] }] });
    assert.ok(eligible.some((i) => i.Name!.startsWith('Windows_Server-2022-English-Full-Base')));
    assert.ok(eligible.every((i) => i.FreeTierEligible === true && !i.Name!.includes('SQL')));
    assert.ok(not.some((i) => i.Name!.includes('SQL_2022')));
    assert.ok(not.every((i) => i.FreeTierEligible === false));
  });

  it('shows every image as allowed while Allowed AMIs is disabled, and the image-allowed filter agrees', async () => {
    const all = await images({ Owners: ['amazon'] });
    assert.ok(all.every((i) => i.ImageAllowed === true));
    assert.strictEqual(
      (await images({ Owners: ['amazon'], Filters: [{ Name: 'image-allowed', Values: ['true'] }] })).length,
      all.length,
    );
    assert.strictEqual(
      (await images({ Owners: ['amazon'], Filters: [{ Name: 'image-allowed', Values: ['false'] }] })).length,
      0,
    );
  });
});
