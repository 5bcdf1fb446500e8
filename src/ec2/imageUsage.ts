import * as l10n from '@vscode/l10n';
import type { AutoScalingClient, AutoScalingGroup } from '@aws-sdk/client-auto-scaling';
import type { EC2Client, LaunchTemplate } from '@aws-sdk/client-ec2';
import { loadSdk } from '../aws/sdk';
import type { ImageUsage, UsageView, UsedByAutoScalingGroup, UsedByLaunchTemplate } from '../shared/imageUsage';
import { emptyUsage } from '../shared/imageUsage';
import { autoScalingGroupsOfLaunchTemplates, describeImageReferences, launchTemplateIdOf } from './imageReferences';

/**
 * "Used by" for several AMIs of one region: DescribeImageReferences, then the launch templates it
 * names (their names and the versions that use each AMI), then the Auto Scaling groups that
 * launch one of those versions. Only DescribeImageReferences is required: when a later call fails
 * (an endpoint without Auto Scaling, a template deleted meanwhile), the answer says so in
 * `notices` and keeps what it has.
 */
export interface UsageClients {
  ec2: EC2Client;
  autoScaling(): Promise<AutoScalingClient>;
  /** One sentence about an error, in the words of `src/aws/errors.ts`. */
  explain(error: unknown): string;
}

/** DescribeLaunchTemplateVersions filter values per call (the EC2 filter-value limit is 200). */
const IMAGE_IDS_PER_VERSION_FILTER = 100;

export async function loadImageUsage(c: UsageClients, imageIds: readonly string[]): Promise<Map<string, ImageUsage>> {
  const ids = [...new Set(imageIds)];
  const references = await describeImageReferences(c.ec2, ids);
  const usage = new Map(ids.map((id) => [id, emptyUsage(id)]));
  const templateIds = new Set<string>();
  for (const [imageId, refs] of references) {
    const u = usage.get(imageId) as ImageUsage;
    for (const r of refs) {
      const arn = r.Arn ?? '';
      if (r.ResourceType === 'ec2:Instance') {
        const instanceId = /:instance\/(i-[0-9a-f]+)/.exec(arn)?.[1];
        if (instanceId) u.instances.push(instanceId);
      } else if (r.ResourceType === 'ec2:LaunchTemplate') {
        const id = launchTemplateIdOf(arn);
        if (id) {
          templateIds.add(id);
          u.launchTemplates.push({ launchTemplateId: id, versions: [] });
        }
      } else if (r.ResourceType) {
        u.others.push({ resourceType: r.ResourceType, arn });
      }
    }
  }
  if (templateIds.size === 0) return usage;

  const notices: string[] = [];
  const templates = await describeTemplates(c.ec2, [...templateIds]).catch((e: unknown) => {
    notices.push(l10n.t('Launch template names and versions could not be read: {0}', c.explain(e)));
    return new Map<string, LaunchTemplate>();
  });
  const versions = await versionsUsingImages(c.ec2, [...templates.keys()], ids).catch((e: unknown) => {
    notices.push(l10n.t('Launch template versions could not be read: {0}', c.explain(e)));
    return new Map<string, Map<string, number[]>>();
  });
  const groups = await c
    .autoScaling()
    .then((client) => autoScalingGroupsOfLaunchTemplates(client, [...templateIds]))
    .catch((e: unknown) => {
      notices.push(l10n.t('Auto Scaling groups could not be read: {0}', c.explain(e)));
      return new Map<string, AutoScalingGroup[]>();
    });

  for (const u of usage.values()) {
    for (const t of u.launchTemplates) fillTemplate(t, templates.get(t.launchTemplateId), versions, u.imageId);
    u.autoScalingGroups = u.launchTemplates.flatMap((t) =>
      (groups.get(t.launchTemplateId) ?? []).flatMap((g) => groupUsing(g, t, templates.get(t.launchTemplateId))),
    );
    if (u.launchTemplates.length) u.notices.push(...notices);
  }
  return usage;
}

function fillTemplate(
  t: UsedByLaunchTemplate,
  template: LaunchTemplate | undefined,
  versions: Map<string, Map<string, number[]>>,
  imageId: string,
): void {
  t.name = template?.LaunchTemplateName;
  t.defaultVersion = template?.DefaultVersionNumber;
  t.versions = versions.get(t.launchTemplateId)?.get(imageId) ?? [];
}

/**
 * The group, when the version it launches uses the AMI. A version that cannot be resolved (the
 * versions were not readable) keeps the group: a pre-check rather warns once too often.
 */
function groupUsing(
  g: AutoScalingGroup,
  t: UsedByLaunchTemplate,
  template: LaunchTemplate | undefined,
): UsedByAutoScalingGroup[] {
  const spec = g.LaunchTemplate ?? g.MixedInstancesPolicy?.LaunchTemplate?.LaunchTemplateSpecification;
  const version = spec?.Version;
  const number =
    version === undefined || version === '$Default'
      ? template?.DefaultVersionNumber
      : version === '$Latest'
        ? template?.LatestVersionNumber
        : Number(version);
  if (t.versions.length > 0 && number !== undefined && !t.versions.includes(number)) return [];
  return [{ name: g.AutoScalingGroupName ?? '', launchTemplateId: t.launchTemplateId, launchTemplateVersion: version }];
}

async function describeTemplates(ec2: EC2Client, ids: string[]): Promise<Map<string, LaunchTemplate>> {
  const { paginateDescribeLaunchTemplates } = await loadSdk();
  const out = new Map<string, LaunchTemplate>();
  for await (const page of paginateDescribeLaunchTemplates({ client: ec2 }, { LaunchTemplateIds: ids })) {
    for (const t of page.LaunchTemplates ?? []) if (t.LaunchTemplateId) out.set(t.LaunchTemplateId, t);
  }
  return out;
}

/** Template id → image id → the version numbers whose ImageId is that image, ascending. */
async function versionsUsingImages(
  ec2: EC2Client,
  templateIds: string[],
  imageIds: string[],
): Promise<Map<string, Map<string, number[]>>> {
  const { paginateDescribeLaunchTemplateVersions } = await loadSdk();
  const out = new Map<string, Map<string, number[]>>();
  for (const templateId of templateIds) {
    const byImage = new Map<string, number[]>();
    out.set(templateId, byImage);
    for (let i = 0; i < imageIds.length; i += IMAGE_IDS_PER_VERSION_FILTER) {
      const input = {
        LaunchTemplateId: templateId,
        Filters: [{ Name: 'image-id', Values: imageIds.slice(i, i + IMAGE_IDS_PER_VERSION_FILTER) }],
      };
      for await (const page of paginateDescribeLaunchTemplateVersions({ client: ec2 }, input)) {
        for (const v of page.LaunchTemplateVersions ?? []) {
          const imageId = v.LaunchTemplateData?.ImageId;
          if (!imageId || v.VersionNumber === undefined) continue;
          byImage.set(
            imageId,
            [...(byImage.get(imageId) ?? []), v.VersionNumber].sort((a, b) => a - b),
          );
        }
      }
    }
  }
  return out;
}

/**
 * {@link loadImageUsage} for display: when DescribeImageReferences itself fails (an endpoint
 * without it, a missing permission), every image gets the reason instead, and nothing throws.
 */
export async function readUsageViews(c: UsageClients, imageIds: readonly string[]): Promise<Map<string, UsageView>> {
  try {
    const usage = await loadImageUsage(c, imageIds);
    return new Map([...usage].map(([id, u]) => [id, { available: true, usage: u }]));
  } catch (e) {
    const reason = c.explain(e);
    return new Map(imageIds.map((id) => [id, { available: false, reason }]));
  }
}
