import { errors } from '../errors';
import type { World } from '../world';
import { compileFilters, type FilterDefinitions, type FilterRequest } from './filters';
import { requireTemplate, templatesOf, type TemplateRef } from './launchTemplates';
import { checkPageRequest, paginate, type PageRequest } from './paging';
import type { LaunchTemplateRecord, LaunchTemplateVersionRecord } from './types';

/** DescribeLaunchTemplates and DescribeLaunchTemplateVersions, as the API reference defines them. */

const iso = (ms: number) => new Date(ms).toISOString();

/** DescribeLaunchTemplates filters (all four the reference documents). */
export const LAUNCH_TEMPLATE_FILTERS: FilterDefinitions<LaunchTemplateRecord> = {
  exact: {
    'create-time': (t) => iso(t.createTime),
    'launch-template-name': (t) => t.launchTemplateName,
    'tag-key': (t) => t.tags.map((tag) => tag.key),
  },
  prefixed: { 'tag:': (key) => (t) => t.tags.filter((tag) => tag.key === key).map((tag) => tag.value) },
};

/** A version with the template it belongs to (what DescribeLaunchTemplateVersions renders). */
export interface VersionRow {
  template: LaunchTemplateRecord;
  version: LaunchTemplateVersionRecord;
}

/**
 * DescribeLaunchTemplateVersions filters the simulator can answer: those over the members it keeps.
 * The others the reference documents (ebs-optimized, http-*, iam-instance-profile, …) read members
 * the simulator does not store and are refused by name.
 */
export const LAUNCH_TEMPLATE_VERSION_FILTERS: FilterDefinitions<VersionRow> = {
  exact: {
    'create-time': (r) => iso(r.version.createTime),
    'image-id': (r) => r.version.data.imageId,
    'instance-type': (r) => r.version.data.instanceType,
    'is-default-version': (r) => String(r.version.versionNumber === r.template.defaultVersionNumber),
  },
};

export interface DescribeTemplatesRequest extends PageRequest {
  accountId: string;
  region: string;
  ids: string[];
  names: string[];
  filters: FilterRequest[];
}

/** MaxResults 1–200 for both operations (API reference). */
const MAX_RESULTS = 200;

export function describeLaunchTemplates(
  world: World,
  r: DescribeTemplatesRequest,
  dryRun: () => void,
): { templates: LaunchTemplateRecord[]; nextToken?: string } {
  checkPageRequest('lt', r, 1, MAX_RESULTS, { name: 'LaunchTemplateIds', count: r.ids.length + r.names.length });
  const match = compileFilters(r.filters, LAUNCH_TEMPLATE_FILTERS);
  // Each named template must exist (the first missing one is named).
  const named = [
    ...r.ids.map((id) => requireTemplate(world, r.region, r.accountId, { launchTemplateId: id })),
    ...r.names.map((name) => requireTemplate(world, r.region, r.accountId, { launchTemplateName: name })),
  ];
  dryRun();
  const pool =
    named.length > 0
      ? [...new Set(named)]
      : Object.values(templatesOf(world, r.region)).filter((t) => t.ownerId === r.accountId);
  const matched = match ? pool.filter(match) : pool;
  const page = paginate('lt', matched, (t) => t.launchTemplateId, r, MAX_RESULTS);
  return { templates: page.page, nextToken: page.nextToken };
}

export interface DescribeVersionsRequest extends TemplateRef, PageRequest {
  accountId: string;
  region: string;
  versions: string[];
  minVersion?: string;
  maxVersion?: string;
  filters: FilterRequest[];
}

export function describeLaunchTemplateVersions(
  world: World,
  r: DescribeVersionsRequest,
  dryRun: () => void,
): { rows: VersionRow[]; nextToken?: string } {
  checkPageRequest('ltv', r, 1, MAX_RESULTS);
  const match = compileFilters(r.filters, LAUNCH_TEMPLATE_VERSION_FILTERS);
  const min = versionBound('MinVersion', r.minVersion);
  const max = versionBound('MaxVersion', r.maxVersion);
  let rows: VersionRow[];
  if (r.launchTemplateId || r.launchTemplateName) {
    const template = requireTemplate(world, r.region, r.accountId, r);
    rows = template.versions.map((version) => ({ template, version }));
    if (r.versions.length > 0) {
      const wanted = new Set(r.versions.map((v) => resolveNumber(template, v)));
      // A version number that does not exist is an error, not an empty answer (unverified code).
      for (const n of wanted)
        if (!template.versions.some((v) => v.versionNumber === n)) throw errors.launchTemplateVersionNotFound();
      rows = rows.filter((row) => wanted.has(row.version.versionNumber));
    }
  } else {
    // Across every template of the account only $Latest and $Default are allowed (API reference, Versions).
    if (r.versions.length === 0 || r.versions.some((v) => v !== '$Latest' && v !== '$Default')) {
      throw errors.invalidParameterValue(
        'To describe versions of all your launch templates, LaunchTemplateVersion must be $Latest, $Default or both.',
      );
    }
    rows = [];
    for (const template of Object.values(templatesOf(world, r.region))) {
      if (template.ownerId !== r.accountId) continue;
      const numbers = new Set(r.versions.map((v) => resolveNumber(template, v)));
      for (const version of template.versions) if (numbers.has(version.versionNumber)) rows.push({ template, version });
    }
  }
  dryRun();
  rows = rows.filter((row) => row.version.versionNumber >= min && row.version.versionNumber <= max);
  if (match) rows = rows.filter(match);
  const page = paginate(
    'ltv',
    rows,
    (row) => `${row.template.launchTemplateId}:${String(row.version.versionNumber).padStart(5, '0')}`,
    r,
    MAX_RESULTS,
  );
  return { rows: page.page, nextToken: page.nextToken };
}

function resolveNumber(template: LaunchTemplateRecord, v: string): number {
  if (v === '$Latest') return template.latestVersionNumber;
  if (v === '$Default') return template.defaultVersionNumber;
  if (!/^\d+$/.test(v))
    throw errors.invalidParameterValue(`Value (${v}) for parameter LaunchTemplateVersion is invalid.`);
  return Number(v);
}

function versionBound(name: string, value: string | undefined): number {
  if (value === undefined) return name === 'MinVersion' ? 0 : Number.MAX_SAFE_INTEGER;
  if (!/^\d+$/.test(value)) throw errors.invalidParameterValue(`Value (${value}) for parameter ${name} is invalid.`);
  return Number(value);
}
