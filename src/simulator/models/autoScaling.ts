import { randomUUID } from 'crypto';
import { Ec2Error, errors } from '../errors';
import type { World } from '../world';
import { requireTemplate, resolveVersion } from './launchTemplates';
import { requireImage } from './imageAccess';
import type { AutoScalingGroupRecord, LaunchTemplateRecord } from './types';

/**
 * A minimal Amazon EC2 Auto Scaling: groups are recorded with their launch template and sizes so
 * that "which groups launch this AMI" can be answered. Nothing scales: no instances are launched,
 * no scaling activities exist (a simulator limit, documented in docs/ec2-rules.md).
 * Messages: real Auto Scaling answers quoted in public threads where found, else unverified.
 */

export function groupsOf(world: World, region: string): Record<string, AutoScalingGroupRecord> {
  const state = world.region(region);
  return (state.autoScalingGroups ??= {});
}

const key = (accountId: string, name: string) => `${accountId}/${name}`;

/** Auto Scaling's wording for a missing required member (awsQuery validation). */
function required<T>(value: T | undefined, member: string): T {
  if (value === undefined || value === '') {
    throw errors.asgValidation(
      `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`,
    );
  }
  return value;
}

export interface CreateGroupRequest {
  accountId: string;
  region: string;
  name?: string;
  launchTemplate?: { launchTemplateId?: string; launchTemplateName?: string; version?: string };
  minSize?: number;
  maxSize?: number;
  desiredCapacity?: number;
  availabilityZones: string[];
  vpcZoneIdentifier?: string;
  tags: { key: string; value: string; propagateAtLaunch: boolean }[];
}

export function createAutoScalingGroup(world: World, r: CreateGroupRequest): AutoScalingGroupRecord {
  const name = required(r.name, 'autoScalingGroupName');
  if (name.length > 255) throw errors.asgValidation('AutoScalingGroupName must be at most 255 characters.');
  const minSize = required(r.minSize, 'minSize');
  const maxSize = required(r.maxSize, 'maxSize');
  if (!r.launchTemplate) {
    throw errors.asgValidation(
      'Valid requests must contain either LaunchTemplate, LaunchConfigurationName, InstanceId or MixedInstancesPolicy parameter.',
    );
  }
  const version = r.launchTemplate.version ?? '$Default';
  const template = checkTemplate(world, r, r.launchTemplate, version);
  if (minSize > maxSize) {
    throw errors.asgValidation(`Max bound, ${maxSize}, must be greater than or equal to min bound, ${minSize}`);
  }
  const desired = r.desiredCapacity ?? minSize;
  if (desired < minSize || desired > maxSize) {
    throw errors.asgValidation(
      `Desired capacity:${desired} must be between the specified min size:${minSize} and max size:${maxSize}`,
    );
  }
  if (r.availabilityZones.length === 0 && !r.vpcZoneIdentifier) {
    throw errors.asgValidation('At least one Availability Zone or VPC Subnet is required.');
  }
  const badZone = r.availabilityZones.find((z) => !new RegExp(`^${r.region}[a-f]$`).test(z));
  if (badZone !== undefined) throw errors.asgValidation(`Invalid Availability Zone: ${badZone}`);
  const groups = groupsOf(world, r.region);
  if (groups[key(r.accountId, name)]) throw errors.asgAlreadyExists(name);
  const group: AutoScalingGroupRecord = {
    autoScalingGroupName: name,
    autoScalingGroupArn: `arn:aws:autoscaling:${r.region}:${r.accountId}:autoScalingGroup:${randomUUID()}:autoScalingGroupName/${name}`,
    ownerId: r.accountId,
    launchTemplate: {
      launchTemplateId: template.launchTemplateId,
      launchTemplateName: template.launchTemplateName,
      version,
    },
    minSize,
    maxSize,
    desiredCapacity: desired,
    availabilityZones: [...r.availabilityZones],
    createdTime: world.clock.now(),
    tags: r.tags,
  };
  if (r.vpcZoneIdentifier) group.vpcZoneIdentifier = r.vpcZoneIdentifier;
  groups[key(r.accountId, name)] = group;
  world.markChanged();
  return group;
}

/**
 * Auto Scaling verifies the template when the group is created and answers EC2's complaint inside
 * its own ValidationError: "You must use a valid fully-formed launch template. The image id
 * '[ami-…]' does not exist" (real answer quoted in public terraform reports). An ImageId given as
 * `resolve:ssm:` is not checked (the simulator has no SSM parameters yet; unverified).
 */
function checkTemplate(
  world: World,
  r: CreateGroupRequest,
  ref: NonNullable<CreateGroupRequest['launchTemplate']>,
  version: string,
): LaunchTemplateRecord {
  try {
    const template = requireTemplate(world, r.region, r.accountId, ref);
    const imageId = resolveVersion(template, version).data.imageId;
    if (imageId && !imageId.startsWith('resolve:ssm:')) requireImage(world, r.region, imageId, r.accountId);
    return template;
  } catch (e) {
    if (e instanceof Ec2Error)
      throw errors.asgValidation(`You must use a valid fully-formed launch template. ${e.message}`);
    throw e;
  }
}

/** DescribeAutoScalingGroups: names that do not exist are left out (no error), as Auto Scaling answers. */
export function describeAutoScalingGroups(
  world: World,
  r: { accountId: string; region: string; names: string[] },
): AutoScalingGroupRecord[] {
  const mine = Object.values(groupsOf(world, r.region)).filter((g) => g.ownerId === r.accountId);
  const sorted = mine.sort((a, b) => (a.autoScalingGroupName < b.autoScalingGroupName ? -1 : 1));
  if (r.names.length === 0) return sorted;
  const wanted = new Set(r.names);
  return sorted.filter((g) => wanted.has(g.autoScalingGroupName));
}

export function deleteAutoScalingGroup(world: World, r: { accountId: string; region: string; name?: string }): void {
  const name = required(r.name, 'autoScalingGroupName');
  const groups = groupsOf(world, r.region);
  if (!groups[key(r.accountId, name)]) throw errors.asgNotFound(name);
  delete groups[key(r.accountId, name)];
  world.markChanged();
}
