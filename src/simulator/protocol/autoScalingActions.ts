import { errors } from '../errors';
import { createAutoScalingGroup, deleteAutoScalingGroup, describeAutoScalingGroups } from '../models/autoScaling';
import { paginate } from '../models/paging';
import type { AutoScalingGroupRecord } from '../models/types';
import type { ActionHandler } from './context';
import { el, esc, isoTime, raw } from './xml';

/**
 * Amazon EC2 Auto Scaling's Query API (version 2011-01-01, awsQuery): lists are `Name.member.N`,
 * results sit in `<ActionResult>` with `<member>` items. Auto Scaling has no DryRun; parameters the
 * simulator does not implement are still refused by name before anything changes.
 */

function members<T>(name: string, values: readonly T[], render: (v: T) => string): string {
  let out = `<${name}>`;
  for (const v of values) out += `<member>${render(v)}</member>`;
  return out + `</${name}>`;
}

function renderGroup(g: AutoScalingGroupRecord): string {
  const lt = g.launchTemplate;
  return (
    el('AutoScalingGroupName', g.autoScalingGroupName) +
    el('AutoScalingGroupARN', g.autoScalingGroupArn) +
    raw(
      'LaunchTemplate',
      el('LaunchTemplateId', lt.launchTemplateId) +
        el('LaunchTemplateName', lt.launchTemplateName) +
        el('Version', lt.version),
    ) +
    el('MinSize', g.minSize) +
    el('MaxSize', g.maxSize) +
    el('DesiredCapacity', g.desiredCapacity) +
    el('DefaultCooldown', 300) +
    members('AvailabilityZones', g.availabilityZones, (z) => esc(z)) +
    members('LoadBalancerNames', [], String) +
    members('TargetGroupARNs', [], String) +
    el('HealthCheckType', 'EC2') +
    el('HealthCheckGracePeriod', 0) +
    members('Instances', [], String) +
    el('CreatedTime', isoTime(g.createdTime)) +
    members('SuspendedProcesses', [], String) +
    el('VPCZoneIdentifier', g.vpcZoneIdentifier) +
    members('EnabledMetrics', [], String) +
    members(
      'Tags',
      g.tags,
      (t) =>
        el('ResourceId', g.autoScalingGroupName) +
        el('ResourceType', 'auto-scaling-group') +
        el('Key', t.key) +
        el('Value', t.value) +
        el('PropagateAtLaunch', t.propagateAtLaunch),
    ) +
    members('TerminationPolicies', ['Default'], String) +
    el('NewInstancesProtectedFromScaleIn', false) +
    el(
      'ServiceLinkedRoleARN',
      `arn:aws:iam::${g.ownerId}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`,
    )
  );
}

const createGroup: ActionHandler = (ctx) => {
  const p = ctx.params;
  const lt = p.sub('LaunchTemplate');
  const hasTemplate = [...p.keys()].some((k) => k.startsWith('LaunchTemplate.'));
  const request = {
    accountId: ctx.accountId,
    region: ctx.region,
    name: p.get('AutoScalingGroupName'),
    launchTemplate: hasTemplate
      ? {
          launchTemplateId: lt.get('LaunchTemplateId'),
          launchTemplateName: lt.get('LaunchTemplateName'),
          version: lt.get('Version'),
        }
      : undefined,
    minSize: p.int('MinSize'),
    maxSize: p.int('MaxSize'),
    desiredCapacity: p.int('DesiredCapacity'),
    availabilityZones: p.list('AvailabilityZones.member'),
    vpcZoneIdentifier: p.get('VPCZoneIdentifier') || undefined,
    tags: p.structList('Tags.member').map((t) => ({
      key: t.get('Key') ?? '',
      value: t.get('Value') ?? '',
      propagateAtLaunch: t.bool('PropagateAtLaunch') ?? true,
    })),
  };
  // Tag ResourceId/ResourceType name the group being created: read so they are not refused.
  p.structList('Tags.member').forEach((t) => (t.get('ResourceId'), t.get('ResourceType')));
  p.refuseUnread();
  createAutoScalingGroup(ctx.world, request);
  return '';
};

const describeGroups: ActionHandler = (ctx) => {
  const p = ctx.params;
  const names = p.list('AutoScalingGroupNames.member');
  const maxRecords = p.int('MaxRecords');
  const nextToken = p.get('NextToken') || undefined;
  // MaxRecords: default 50, maximum 100 (Auto Scaling API reference).
  if (maxRecords !== undefined && (maxRecords < 1 || maxRecords > 100)) {
    throw errors.asgValidation(`Value ${maxRecords} for MaxRecords is invalid: it must be between 1 and 100.`);
  }
  p.refuseUnread();
  const groups = describeAutoScalingGroups(ctx.world, { accountId: ctx.accountId, region: ctx.region, names });
  const page = paginate('asg', groups, (g) => g.autoScalingGroupName, { maxResults: maxRecords ?? 50, nextToken }, 50);
  return members('AutoScalingGroups', page.page, renderGroup) + el('NextToken', page.nextToken);
};

const deleteGroup: ActionHandler = (ctx) => {
  const p = ctx.params;
  const name = p.get('AutoScalingGroupName');
  // ForceDelete also terminates the group's instances; a simulated group has none, so both mean the same.
  p.bool('ForceDelete');
  p.refuseUnread();
  deleteAutoScalingGroup(ctx.world, { accountId: ctx.accountId, region: ctx.region, name });
  return '';
};

export const autoScalingActions: Record<string, ActionHandler> = {
  CreateAutoScalingGroup: createGroup,
  DescribeAutoScalingGroups: describeGroups,
  DeleteAutoScalingGroup: deleteGroup,
};
