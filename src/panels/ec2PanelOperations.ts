/**
 * `PanelEc2Operations` as SDK commands on the region's `EC2Client`: the same code for real AWS
 * and the simulator. The SDK command classes are passed in (`sdk()`), so that the extension
 * keeps loading the SDK lazily from its backend bundle.
 */
import type * as Ec2 from '@aws-sdk/client-ec2';
import type { EC2Client, Image, Instance } from '@aws-sdk/client-ec2';
import type { PanelEc2Operations } from './panelServices';

/** The command classes the panels use (a subset of `@aws-sdk/client-ec2`'s exports). */
export type PanelSdk = Pick<
  typeof Ec2,
  | 'DescribeInstancesCommand'
  | 'DescribeVolumesCommand'
  | 'DescribeImagesCommand'
  | 'CreateImageCommand'
  | 'DeregisterImageCommand'
  | 'DeleteSnapshotCommand'
  | 'DescribeImageAttributeCommand'
  | 'ModifyImageAttributeCommand'
  | 'GetImageBlockPublicAccessStateCommand'
  | 'CopyImageCommand'
  | 'RunInstancesCommand'
>;

export interface PanelEc2Deps {
  /** The region's client (cached by the client factory). */
  client(region: string): Promise<EC2Client>;
  /** The SDK's command classes, loaded on first use. */
  sdk(): Promise<PanelSdk>;
  /** Regions offered as copy destinations. */
  listRegions(): Promise<string[]>;
}

export function createPanelEc2Operations(deps: PanelEc2Deps): PanelEc2Operations {
  const run = async <T>(region: string, f: (sdk: PanelSdk, ec2: EC2Client) => Promise<T>): Promise<T> => {
    const [sdk, ec2] = await Promise.all([deps.sdk(), deps.client(region)]);
    return f(sdk, ec2);
  };
  return {
    describeInstance: (region, instanceId) =>
      run(region, async (sdk, ec2) => {
        const out = await ec2.send(
          new sdk.DescribeInstancesCommand({ Filters: [{ Name: 'instance-id', Values: [instanceId] }] }),
        );
        return (out.Reservations ?? [])
          .flatMap((r) => r.Instances ?? [])
          .find((i: Instance) => i.InstanceId === instanceId);
      }),
    describeVolumes: (region, volumeIds) =>
      run(
        region,
        async (sdk, ec2) => (await ec2.send(new sdk.DescribeVolumesCommand({ VolumeIds: volumeIds }))).Volumes ?? [],
      ),
    describeImages: (region, imageIds) =>
      run(region, async (sdk, ec2) => {
        // The image-id filter, not ImageIds: one unknown id must not fail the whole call.
        const out = await ec2.send(
          new sdk.DescribeImagesCommand({
            Filters: [{ Name: 'image-id', Values: imageIds }],
            IncludeDeprecated: true,
            IncludeDisabled: true,
          }),
        );
        return (out.Images ?? []).filter((i: Image) => imageIds.includes(i.ImageId ?? ''));
      }),
    listOwnedImages: (region) =>
      run(region, async (sdk, ec2) => {
        const images: Image[] = [];
        let token: string | undefined;
        do {
          const out = await ec2.send(
            new sdk.DescribeImagesCommand({ Owners: ['self'], MaxResults: 1000, NextToken: token }),
          );
          images.push(...(out.Images ?? []));
          token = out.NextToken || undefined;
        } while (token && images.length < 5000);
        return images;
      }),
    createImage: (region, input) =>
      run(region, async (sdk, ec2) => {
        const out = await ec2.send(new sdk.CreateImageCommand(input));
        if (!out.ImageId) throw new Error('EC2 accepted CreateImage but returned no image id.');
        return out.ImageId;
      }),
    deregisterImage: (region, imageId) =>
      run(region, async (sdk, ec2) => {
        await ec2.send(new sdk.DeregisterImageCommand({ ImageId: imageId }));
      }),
    deleteSnapshot: (region, snapshotId) =>
      run(region, async (sdk, ec2) => {
        await ec2.send(new sdk.DeleteSnapshotCommand({ SnapshotId: snapshotId }));
      }),
    getLaunchPermissions: (region, imageId) =>
      run(region, async (sdk, ec2) => {
        const out = await ec2.send(
          new sdk.DescribeImageAttributeCommand({ ImageId: imageId, Attribute: 'launchPermission' }),
        );
        return out.LaunchPermissions ?? [];
      }),
    modifyLaunchPermissions: (region, imageId, add, remove) =>
      run(region, async (sdk, ec2) => {
        await ec2.send(
          new sdk.ModifyImageAttributeCommand({
            ImageId: imageId,
            LaunchPermission: { Add: add.length > 0 ? add : undefined, Remove: remove.length > 0 ? remove : undefined },
          }),
        );
      }),
    getImageBlockPublicAccessState: (region) =>
      run(region, async (sdk, ec2) => {
        const out = await ec2.send(new sdk.GetImageBlockPublicAccessStateCommand({}));
        return out.ImageBlockPublicAccessState ?? 'unblocked';
      }),
    copyImage: (destinationRegion, input) =>
      run(destinationRegion, async (sdk, ec2) => {
        const out = await ec2.send(new sdk.CopyImageCommand(input));
        if (!out.ImageId) throw new Error('EC2 accepted CopyImage but returned no image id.');
        return out.ImageId;
      }),
    runInstances: (region, input) =>
      run(region, async (sdk, ec2) => {
        const out = await ec2.send(new sdk.RunInstancesCommand(input));
        return (out.Instances ?? []).flatMap((i) => (i.InstanceId ? [i.InstanceId] : []));
      }),
    listRegions: () => deps.listRegions(),
  };
}
