import type { AutoScalingClient, AutoScalingGroup } from '@aws-sdk/client-auto-scaling';
import type { EC2Client, ImageAncestryEntry, ImageReference } from '@aws-sdk/client-ec2';
import { MAX_CALLS_IN_FLIGHT_PER_ACCOUNT } from '../aws/callLimiter';
import { loadSdk, loadServiceModules } from '../aws/sdk';

/**
 * Who uses an AMI (DescribeImageReferences, plus the Auto Scaling groups behind the launch
 * templates that reference it) and what it was built from (GetImageAncestry).
 */

/** DescribeImageReferences takes 1 to 10 image ids per call (API reference, ImageId.N). */
export const MAX_IMAGE_IDS_PER_REFERENCE_CALL = 10;

/**
 * How many DescribeImageReferences calls one lookup keeps in flight: a cleanup of 10,000 images
 * needs 1,000 of them, which one after the other wait out 1,000 round trips. The account's
 * {@link MAX_CALLS_IN_FLIGHT_PER_ACCOUNT} still bounds them together with every other call.
 */
export const REFERENCE_CALLS_IN_FLIGHT = MAX_CALLS_IN_FLIGHT_PER_ACCOUNT;

/**
 * Every resource of every supported type that references each image, by image id (an image
 * nothing references maps to an empty list). All pages, in chunks of 10 ids, several chunks at
 * once; the first failure rejects, and no further chunk starts after it.
 */
export async function describeImageReferences(
  ec2: EC2Client,
  imageIds: readonly string[],
): Promise<Map<string, ImageReference[]>> {
  const { paginateDescribeImageReferences } = await loadSdk();
  const byImage = new Map<string, ImageReference[]>(imageIds.map((id) => [id, []]));
  const chunks: string[][] = [];
  for (let i = 0; i < imageIds.length; i += MAX_IMAGE_IDS_PER_REFERENCE_CALL) {
    chunks.push(imageIds.slice(i, i + MAX_IMAGE_IDS_PER_REFERENCE_CALL));
  }
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < chunks.length) {
      const chunk = chunks[next++];
      const pages = paginateDescribeImageReferences(
        { client: ec2 },
        { ImageIds: chunk, IncludeAllResourceTypes: true },
      );
      try {
        for await (const page of pages) {
          for (const reference of page.ImageReferences ?? []) {
            if (reference.ImageId) byImage.get(reference.ImageId)?.push(reference);
          }
        }
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(REFERENCE_CALLS_IN_FLIGHT, chunks.length) }, worker));
  return byImage;
}

/** The chain from an image to its root: the image itself first, then its source, and so on. */
export async function imageAncestry(ec2: EC2Client, imageId: string): Promise<ImageAncestryEntry[]> {
  const { GetImageAncestryCommand } = await loadSdk();
  const out = await ec2.send(new GetImageAncestryCommand({ ImageId: imageId }));
  return out.ImageAncestryEntries ?? [];
}

/** The launch template id in a `ec2:LaunchTemplate` reference's ARN (`…:launch-template/lt-…`). */
export function launchTemplateIdOf(arn: string | undefined): string | undefined {
  return /:launch-template\/(lt-[0-9a-f]+)/.exec(arn ?? '')?.[1];
}

/**
 * The Auto Scaling groups that launch from any of these launch templates (directly or through
 * a mixed instances policy), by launch template id.
 */
export async function autoScalingGroupsOfLaunchTemplates(
  autoScaling: AutoScalingClient,
  launchTemplateIds: readonly string[],
): Promise<Map<string, AutoScalingGroup[]>> {
  const byTemplate = new Map<string, AutoScalingGroup[]>(launchTemplateIds.map((id) => [id, []]));
  if (launchTemplateIds.length === 0) return byTemplate;
  const { paginateDescribeAutoScalingGroups } = await loadServiceModules();
  for await (const page of paginateDescribeAutoScalingGroups({ client: autoScaling }, {})) {
    for (const group of page.AutoScalingGroups ?? []) {
      const templateId =
        group.LaunchTemplate?.LaunchTemplateId ??
        group.MixedInstancesPolicy?.LaunchTemplate?.LaunchTemplateSpecification?.LaunchTemplateId;
      if (templateId) byTemplate.get(templateId)?.push(group);
    }
  }
  return byTemplate;
}
