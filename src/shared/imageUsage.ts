/**
 * "Used by": who still uses an AMI (DescribeImageReferences, the launch template versions behind
 * each template reference, the Auto Scaling groups that launch those versions), as plain data and
 * the sentences shown about it. No `vscode` import: the details and deregister webviews bundle
 * it, the tree and the Disable command use it, and the cleanup panel reads `isInUse`.
 */
import * as l10n from '@vscode/l10n';
import { counted } from './plural';

/** One launch template that references the AMI, with the versions that name it. */
export interface UsedByLaunchTemplate {
  launchTemplateId: string;
  /** Absent when DescribeLaunchTemplates could not be read. */
  name?: string;
  /** Version numbers whose ImageId is this AMI, ascending (empty when they could not be read). */
  versions: number[];
  /** The template's default version number, when known. */
  defaultVersion?: number;
}

/** An Auto Scaling group whose launch template version (resolved) launches the AMI. */
export interface UsedByAutoScalingGroup {
  name: string;
  launchTemplateId: string;
  /** As the group names it: `$Default`, `$Latest` or a number. */
  launchTemplateVersion?: string;
}

/** A reference of another kind (SSM parameter, Image Builder recipe): its type and ARN. */
export interface UsedByOther {
  /** `ssm:Parameter`, `imagebuilder:ImageRecipe`, `imagebuilder:ContainerRecipe`. */
  resourceType: string;
  arn: string;
}

/** Everything the caller's account has that references one AMI, in one region. */
export interface ImageUsage {
  imageId: string;
  /** Instance ids (any state DescribeImageReferences reports). */
  instances: string[];
  launchTemplates: UsedByLaunchTemplate[];
  autoScalingGroups: UsedByAutoScalingGroup[];
  others: UsedByOther[];
  /**
   * What could not be read, one sentence each (e.g. "This endpoint does not support
   * DescribeAutoScalingGroups."): the rest of the answer is still right, only incomplete.
   */
  notices: string[];
}

/** The "Used by" of a panel or tree row: the usage, or why none could be read at all. */
export type UsageView = { available: true; usage: ImageUsage } | { available: false; reason: string };

/** An empty usage of `imageId`. */
export function emptyUsage(imageId: string): ImageUsage {
  return { imageId, instances: [], launchTemplates: [], autoScalingGroups: [], others: [], notices: [] };
}

/** `web-server v1, v2 default`: the template's name (or id) and the versions that use the AMI. */
export function launchTemplateText(t: UsedByLaunchTemplate): string {
  const versions = t.versions.map((v) => (v === t.defaultVersion ? l10n.t('v{0} default', v) : `v${v}`)).join(', ');
  return versions ? `${t.name ?? t.launchTemplateId} ${versions}` : (t.name ?? t.launchTemplateId);
}

/**
 * `2 instances, 2 launch templates (web-server v1, v2 default), 1 Auto Scaling group`, or
 * `Not used by any instance, launch template or Auto Scaling group`.
 */
export function usageSummary(u: ImageUsage): string {
  const parts: string[] = [];
  if (u.instances.length) parts.push(counted(u.instances.length, l10n.t('{0} instance'), l10n.t('{0} instances')));
  if (u.launchTemplates.length) {
    const templates = u.launchTemplates.map(launchTemplateText).join('; ');
    parts.push(
      counted(
        u.launchTemplates.length,
        l10n.t('{0} launch template ({1})', '{0}', templates),
        l10n.t('{0} launch templates ({1})', '{0}', templates),
      ),
    );
  }
  if (u.autoScalingGroups.length) {
    parts.push(
      counted(u.autoScalingGroups.length, l10n.t('{0} Auto Scaling group'), l10n.t('{0} Auto Scaling groups')),
    );
  }
  const ssm = u.others.filter((o) => o.resourceType.startsWith('ssm:')).length;
  const recipes = u.others.length - ssm;
  if (ssm) parts.push(counted(ssm, l10n.t('{0} SSM parameter'), l10n.t('{0} SSM parameters')));
  if (recipes) parts.push(counted(recipes, l10n.t('{0} Image Builder recipe'), l10n.t('{0} Image Builder recipes')));
  return parts.length ? parts.join(', ') : l10n.t('Not used by any instance, launch template or Auto Scaling group');
}

/** What would launch the AMI again (not the instances already running from it). */
export function launcherCount(u: ImageUsage): number {
  return u.launchTemplates.length + u.autoScalingGroups.length + u.others.length;
}

/**
 * True when something still launches the AMI: a launch template, an Auto Scaling group, an SSM
 * parameter or a recipe. Instances alone do not count: they keep running after deregistration.
 */
export function isInUse(u: ImageUsage): boolean {
  return launcherCount(u) > 0;
}

/**
 * The pre-check of Deregister and Disable: "2 launch templates and 1 Auto Scaling group still
 * launch this AMI: they will fail to launch after deregistration", or `undefined` when nothing does.
 */
export function inUseWarning(u: ImageUsage, action: 'deregistration' | 'disabling'): string | undefined {
  if (!isInUse(u)) return undefined;
  const what = [
    u.launchTemplates.length
      ? counted(u.launchTemplates.length, l10n.t('{0} launch template'), l10n.t('{0} launch templates'))
      : undefined,
    u.autoScalingGroups.length
      ? counted(u.autoScalingGroups.length, l10n.t('{0} Auto Scaling group'), l10n.t('{0} Auto Scaling groups'))
      : undefined,
    u.others.length ? counted(u.others.length, l10n.t('{0} other resource'), l10n.t('{0} other resources')) : undefined,
  ].filter((p): p is string => !!p);
  const list = what.length > 1 ? l10n.t('{0} and {1}', what.slice(0, -1).join(', '), what.at(-1) ?? '') : what[0];
  const one = launcherCount(u) === 1;
  if (action === 'deregistration') {
    return one
      ? l10n.t('{0} still launches this AMI: it will fail to launch after deregistration.', list)
      : l10n.t('{0} still launch this AMI: they will fail to launch after deregistration.', list);
  }
  return one
    ? l10n.t('{0} still launches this AMI: it will fail to launch after disabling.', list)
    : l10n.t('{0} still launch this AMI: they will fail to launch after disabling.', list);
}
