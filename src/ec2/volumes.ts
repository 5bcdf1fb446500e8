import type { EC2Client, Volume } from '@aws-sdk/client-ec2';
import { loadSdk } from '../aws/sdk';

/** DescribeVolumes by id: sizes, types and encryption of an instance's volumes. */
export async function describeVolumes(ec2: EC2Client, volumeIds: readonly string[]): Promise<Volume[]> {
  const { DescribeVolumesCommand } = await loadSdk();
  return (await ec2.send(new DescribeVolumesCommand({ VolumeIds: [...volumeIds] }))).Volumes ?? [];
}
