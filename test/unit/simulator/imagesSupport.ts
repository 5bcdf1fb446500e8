import * as assert from 'assert';
import { DescribeImagesCommand, type EC2Client, type Image } from '@aws-sdk/client-ec2';
import { seedId } from '../../../src/simulator/seed/random';

/** Shared by the images*.test.ts files: look-ups of seeded resources through the API. */

/** The seeded image of the caller's view named `name` (IncludeDeprecated so every seeded image is found). */
export async function imageNamed(client: EC2Client, name: string, owners?: string[]): Promise<Image> {
  const out = await client.send(
    new DescribeImagesCommand({ Owners: owners, IncludeDeprecated: true, Filters: [{ Name: 'name', Values: [name] }] }),
  );
  assert.strictEqual(out.Images?.length, 1, `exactly one image named ${name}`);
  return out.Images[0];
}

export async function describeOne(client: EC2Client, imageId: string): Promise<Image | undefined> {
  const out = await client.send(new DescribeImagesCommand({ ImageIds: [imageId] }));
  return out.Images?.[0];
}

/**
 * The id of a seeded instance (`web-1` running EBS, `build-1` stopped EBS with a data volume,
 * `batch-1` running instance-store, `partner-etl` the partner's). The seed derives ids from these keys.
 */
export function seededInstanceId(key: string, region = 'us-east-1'): string {
  return seedId('i', `${region}/${key}`);
}
