import { DEFAULT_SIMULATOR_ACCOUNT } from '../accounts';
import { creatorArn } from '../models/launchTemplates';
import type { AutoScalingGroupRecord, ImageRecord, LaunchTemplateRecord, RegionState, Tag } from '../models/types';
import type { AccountSeeder, CatalogPicks } from './accountState';
import { keyUuid, seedId } from './random';

const ME = DEFAULT_SIMULATOR_ACCOUNT.accountId;

/**
 * What makes "used by" and "built from" answer something out of the box, for the default account:
 * - lineage: web-server-base-v7 was created from an instance of Amazon Linux 2023 (so its source is
 *   an Amazon AMI), copied to hardened-web-server-v7, itself copied to hardened-web-server-v7.1: a chain
 *   of three owned AMIs ending at Amazon's;
 * - references: two launch templates (web-server with two versions: v1 the legacy app image, v2
 *   the web base, default v2; ci-runner with one version on the build agent image) and an Auto
 *   Scaling group on web-server's default version.
 * Added after the rest of the seed, so no earlier seeded id changes.
 */
export function seedReferences(seeder: AccountSeeder, region: string, state: RegionState, picks: CatalogPicks): void {
  const image = (key: string): ImageRecord => {
    const found = state.images[seedId('ami', `${region}/owned/${key}`)];
    if (!found) throw new Error(`seed: no owned image ${key} in ${region}`);
    return found;
  };
  const webBase = image('web-base');
  setSource(webBase, picks.al2023, region);

  const copy = (source: ImageRecord, key: string, name: string, daysAgo: number): ImageRecord => {
    const made = seeder.ownedImage(
      {
        key,
        ownerId: ME,
        arch: 'x86_64',
        created: seeder.daysAgo(daysAgo),
        name,
        description: `Copy of ${source.name}, hardened`,
        volumeType: 'gp3',
        volumeSize: 16,
        bootMode: 'uefi-preferred',
        imds: true,
        tags: [
          { key: 'Name', value: name },
          { key: 'Project', value: 'storefront' },
          { key: 'Team', value: 'platform' },
        ],
      },
      `copy-${key}`,
    );
    // A copy has no source instance; it names its source AMI instead.
    delete made.sourceInstanceId;
    setSource(made, source, region);
    return made;
  };
  // Keys picked so that, in us-east-1, both ids sort after every earlier owned image: pages of
  // DescribeImages follow id order, and tests expect the first page of owned images unchanged.
  const hardened = copy(webBase, 'web-hardened-0', 'hardened-web-server-v7', 10);
  copy(hardened, 'web-hardened-7', 'hardened-web-server-v7.1', 6);

  const templates: Record<string, LaunchTemplateRecord> = (state.launchTemplates ??= {});
  const web = template(region, 'web-server', seeder.daysAgo(40), [
    { imageId: image('legacy-app').imageId, instanceType: 't3.medium', description: 'legacy app server', daysAgo: 40 },
    { imageId: webBase.imageId, instanceType: 't3.large', description: 'web server base v7', daysAgo: 11 },
  ]);
  web.defaultVersionNumber = 2;
  web.tags = tagList({ Project: 'storefront' });
  const ci = template(region, 'ci-runner', seeder.daysAgo(25), [
    { imageId: image('build-agent').imageId, instanceType: 'c6i.large', description: 'CI runner', daysAgo: 25 },
  ]);
  for (const t of [web, ci]) templates[t.launchTemplateId] = t;

  const groups: Record<string, AutoScalingGroupRecord> = (state.autoScalingGroups ??= {});
  const name = 'web-server-asg';
  groups[`${ME}/${name}`] = {
    autoScalingGroupName: name,
    autoScalingGroupArn: `arn:aws:autoscaling:${region}:${ME}:autoScalingGroup:${keyUuid(`${region}/asg/${name}`)}:autoScalingGroupName/${name}`,
    ownerId: ME,
    launchTemplate: {
      launchTemplateId: web.launchTemplateId,
      launchTemplateName: web.launchTemplateName,
      version: '$Default',
    },
    minSize: 1,
    maxSize: 4,
    desiredCapacity: 2,
    availabilityZones: [`${region}a`, `${region}b`],
    createdTime: seeder.daysAgo(11),
    tags: [{ key: 'Project', value: 'storefront', propagateAtLaunch: true }],
  };
}

function setSource(image: ImageRecord, source: ImageRecord, region: string): void {
  image.sourceImageId = source.imageId;
  image.sourceImageRegion = region;
}

function tagList(record: Record<string, string>): Tag[] {
  return Object.entries(record).map(([key, value]) => ({ key, value }));
}

function template(
  region: string,
  name: string,
  created: number,
  versions: { imageId: string; instanceType: string; description: string; daysAgo: number }[],
): LaunchTemplateRecord {
  const day = 86_400_000;
  const first = created;
  return {
    launchTemplateId: seedId('lt', `${region}/${name}`),
    launchTemplateName: name,
    ownerId: ME,
    createTime: first,
    createdBy: creatorArn(ME),
    defaultVersionNumber: 1,
    latestVersionNumber: versions.length,
    versions: versions.map((v, i) => ({
      versionNumber: i + 1,
      versionDescription: v.description,
      createTime: i === 0 ? first : first + (versions[0].daysAgo - v.daysAgo) * day,
      createdBy: creatorArn(ME),
      data: { imageId: v.imageId, instanceType: v.instanceType },
    })),
    tags: [],
  };
}
