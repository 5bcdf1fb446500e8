/**
 * "Used by": who still uses an AMI (DescribeImageReferences, the launch template versions behind
 * each template reference, the Auto Scaling groups that launch those versions), as plain data and
 * the sentences shown about it. No `vscode` import: the details and deregister webviews bundle
 * it, the tree and the Disable command use it, and the cleanup panel reads `isInUse`.
 */
import { plural } from './plural';

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
  const versions = t.versions.map((v) => `v${v}${v === t.defaultVersion ? ' default' : ''}`).join(', ');
  return versions ? `${t.name ?? t.launchTemplateId} ${versions}` : (t.name ?? t.launchTemplateId);
}

/**
 * `2 instances, 2 launch templates (web-server v1, v2 default), 1 Auto Scaling group`, or
 * `Not used by any instance, launch template or Auto Scaling group`.
 */
export function usageSummary(u: ImageUsage): string {
  const parts: string[] = [];
  if (u.instances.length) parts.push(plural(u.instances.length, 'instance'));
  if (u.launchTemplates.length) {
    parts.push(
      `${plural(u.launchTemplates.length, 'launch template')} (${u.launchTemplates.map(launchTemplateText).join('; ')})`,
    );
  }
  if (u.autoScalingGroups.length) parts.push(plural(u.autoScalingGroups.length, 'Auto Scaling group'));
  const ssm = u.others.filter((o) => o.resourceType.startsWith('ssm:')).length;
  const recipes = u.others.length - ssm;
  if (ssm) parts.push(plural(ssm, 'SSM parameter'));
  if (recipes) parts.push(plural(recipes, 'Image Builder recipe'));
  return parts.length ? parts.join(', ') : 'Not used by any instance, launch template or Auto Scaling group';
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
    u.launchTemplates.length ? plural(u.launchTemplates.length, 'launch template') : undefined,
    u.autoScalingGroups.length ? plural(u.autoScalingGroups.length, 'Auto Scaling group') : undefined,
    u.others.length ? plural(u.others.length, 'other resource') : undefined,
  ].filter((p): p is string => !!p);
  const list = what.length > 1 ? `${what.slice(0, -1).join(', ')} and ${what.at(-1)}` : what[0];
  const verb = launcherCount(u) === 1 ? 'launches' : 'launch';
  const they = launcherCount(u) === 1 ? 'it' : 'they';
  return `${list} still ${verb} this AMI: ${they} will fail to launch after ${action}.`;
}
