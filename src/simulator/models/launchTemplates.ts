import { errors } from '../errors';
import type { World } from '../world';
import { tagsFor, type TagSpecificationRequest } from './imageRules';
import { checkTag, mergeTags } from './tags';
import type { LaunchTemplateData, LaunchTemplateRecord, LaunchTemplateVersionRecord } from './types';

/**
 * Launch templates (CreateLaunchTemplate, CreateLaunchTemplateVersion, ModifyLaunchTemplate,
 * DeleteLaunchTemplate), per account and region. Rules from the API reference and the user guide's
 * "Restrictions for Amazon EC2 launch templates": versions are numbered 1, 2, … in creation order,
 * the first is the default until ModifyLaunchTemplate sets another, names are unique per account
 * and region, and the data is not validated at creation (an unknown AMI only fails at launch).
 */

/** Up to 10,000 versions per template (user guide, launch-template-restrictions). */
export const MAX_VERSIONS = 10_000;

/** The region's launch templates (state files from before launch templates existed have none). */
export function templatesOf(world: World, region: string): Record<string, LaunchTemplateRecord> {
  const state = world.region(region);
  return (state.launchTemplates ??= {});
}

export function creatorArn(accountId: string): string {
  return `arn:aws:iam::${accountId}:user/simulator`;
}

/** LaunchTemplateName: 3–128 of letters, digits and `- ( ) . / _` (EC2's error-code page). */
function checkName(name: string | undefined): string {
  if (name === undefined || name === '') throw errors.missingParameter('LaunchTemplateName');
  if (!/^[a-zA-Z0-9()./_-]{3,128}$/.test(name)) throw errors.launchTemplateNameMalformed();
  return name;
}

/** LaunchTemplateId or LaunchTemplateName (exactly one), as several operations take it. */
export interface TemplateRef {
  launchTemplateId?: string;
  launchTemplateName?: string;
}

/** The caller's template named by id or name; the errors are EC2's per kind of reference. */
export function requireTemplate(
  world: World,
  region: string,
  accountId: string,
  ref: TemplateRef,
): LaunchTemplateRecord {
  const { launchTemplateId: id, launchTemplateName: name } = ref;
  // Neither/both: EC2 refuses; the exact code is unverified.
  if (id && name) {
    throw errors.invalidParameterCombination(
      'You must specify either the launch template ID or the launch template name, but not both.',
    );
  }
  const templates = templatesOf(world, region);
  if (id) {
    if (!/^lt-[0-9a-f]{8,17}$/.test(id)) throw errors.launchTemplateIdMalformed(id);
    const found = templates[id];
    if (!found || found.ownerId !== accountId) throw errors.launchTemplateIdNotFound(id);
    return found;
  }
  if (name) {
    const found = findByName(templates, accountId, name);
    if (!found) throw errors.launchTemplateNameNotFound(name);
    return found;
  }
  throw errors.missingParameter('LaunchTemplateId or LaunchTemplateName');
}

export function findByName(
  templates: Record<string, LaunchTemplateRecord>,
  accountId: string,
  name: string,
): LaunchTemplateRecord | undefined {
  for (const t of Object.values(templates)) if (t.ownerId === accountId && t.launchTemplateName === name) return t;
  return undefined;
}

/** A version by number, `$Latest` or `$Default` (InvalidLaunchTemplateId.VersionNotFound otherwise). */
export function resolveVersion(
  template: LaunchTemplateRecord,
  version: string | undefined,
): LaunchTemplateVersionRecord {
  const number =
    version === undefined || version === '$Default'
      ? template.defaultVersionNumber
      : version === '$Latest'
        ? template.latestVersionNumber
        : /^\d+$/.test(version)
          ? Number(version)
          : NaN;
  const found = template.versions.find((v) => v.versionNumber === number);
  if (!found) throw errors.launchTemplateVersionNotFound();
  return found;
}

export interface CreateTemplateRequest {
  accountId: string;
  region: string;
  name?: string;
  versionDescription?: string;
  data?: LaunchTemplateData;
  tagSpecifications: TagSpecificationRequest[];
  /** Idempotency (EC2 "Ensuring idempotency"): a retry with the same token creates nothing new. */
  clientToken?: string;
}

export function createLaunchTemplate(world: World, r: CreateTemplateRequest, dryRun: () => void): LaunchTemplateRecord {
  const name = checkName(r.name);
  if (!r.data) throw errors.missingParameter('LaunchTemplateData');
  checkDescription(r.versionDescription);
  const tags = tagsFor(r.tagSpecifications, ['launch-template'], 'launch-template');
  tags.forEach(checkTag);
  const templates = templatesOf(world, r.region);
  const retried = r.clientToken
    ? Object.values(templates).find((t) => t.ownerId === r.accountId && t.clientToken === r.clientToken)
    : undefined;
  if (retried) {
    dryRun();
    return retried;
  }
  if (findByName(templates, r.accountId, name)) throw errors.launchTemplateNameInUse();
  dryRun();
  const now = world.clock.now();
  const template: LaunchTemplateRecord = {
    launchTemplateId: world.newId('lt'),
    launchTemplateName: name,
    ownerId: r.accountId,
    createTime: now,
    createdBy: creatorArn(r.accountId),
    defaultVersionNumber: 1,
    latestVersionNumber: 1,
    versions: [],
    tags: mergeTags([], tags),
  };
  if (r.clientToken) template.clientToken = r.clientToken;
  template.versions.push(newVersion(template, 1, now, r.data, r.versionDescription));
  templates[template.launchTemplateId] = template;
  world.markChanged();
  return template;
}

export interface CreateVersionRequest extends TemplateRef {
  accountId: string;
  region: string;
  sourceVersion?: string;
  versionDescription?: string;
  data?: LaunchTemplateData;
  clientToken?: string;
}

/**
 * A new version, numbered after the latest. With SourceVersion it inherits that version's data
 * except the members given (API reference, CreateLaunchTemplateVersion); the default stays as it was.
 */
export function createLaunchTemplateVersion(
  world: World,
  r: CreateVersionRequest,
  dryRun: () => void,
): { template: LaunchTemplateRecord; version: LaunchTemplateVersionRecord } {
  if (!r.data) throw errors.missingParameter('LaunchTemplateData');
  checkDescription(r.versionDescription);
  const template = requireTemplate(world, r.region, r.accountId, r);
  const retried = r.clientToken ? template.versions.find((v) => v.clientToken === r.clientToken) : undefined;
  if (retried) {
    dryRun();
    return { template, version: retried };
  }
  const base = r.sourceVersion !== undefined ? resolveVersion(template, r.sourceVersion).data : {};
  // Quota: unverified code (EC2 documents the quota, not the error).
  if (template.versions.length >= MAX_VERSIONS) {
    throw errors.invalidParameterValue(`A launch template can have at most ${MAX_VERSIONS} versions.`);
  }
  dryRun();
  const number = template.latestVersionNumber + 1;
  const version = newVersion(template, number, world.clock.now(), { ...base, ...r.data }, r.versionDescription);
  if (r.clientToken) version.clientToken = r.clientToken;
  template.versions.push(version);
  template.latestVersionNumber = number;
  world.markChanged();
  return { template, version };
}

/** ModifyLaunchTemplate SetDefaultVersion: a number, `$Latest` or `$Default`. */
export function modifyLaunchTemplate(
  world: World,
  r: TemplateRef & { accountId: string; region: string; defaultVersion?: string },
  dryRun: () => void,
): LaunchTemplateRecord {
  const template = requireTemplate(world, r.region, r.accountId, r);
  const target = r.defaultVersion !== undefined ? resolveVersion(template, r.defaultVersion) : undefined;
  dryRun();
  if (target) {
    template.defaultVersionNumber = target.versionNumber;
    world.markChanged();
  }
  return template;
}

/** Deletes the template and all its versions; Auto Scaling groups that use it keep their reference. */
export function deleteLaunchTemplate(
  world: World,
  r: TemplateRef & { accountId: string; region: string },
  dryRun: () => void,
): LaunchTemplateRecord {
  const template = requireTemplate(world, r.region, r.accountId, r);
  dryRun();
  delete templatesOf(world, r.region)[template.launchTemplateId];
  world.markChanged();
  return template;
}

/**
 * VersionDescription: at most 255 characters (the API reference page's length constraint for
 * CreateLaunchTemplate/CreateLaunchTemplateVersion; the error's wording is unverified).
 */
function checkDescription(text: string | undefined): void {
  if (text !== undefined && text.length > 255) {
    throw errors.invalidParameterValue('The version description must be 255 characters or fewer.');
  }
}

function newVersion(
  template: LaunchTemplateRecord,
  versionNumber: number,
  now: number,
  data: LaunchTemplateData,
  description: string | undefined,
): LaunchTemplateVersionRecord {
  const version: LaunchTemplateVersionRecord = { versionNumber, createTime: now, createdBy: template.createdBy, data };
  if (description !== undefined) version.versionDescription = description;
  return version;
}
