import { errors } from '../errors';
import type { World } from '../world';
import { checkImageId } from './imageAccess';
import { isInstanceVisible } from './instanceAccess';
import { templatesOf } from './launchTemplates';
import { checkPageRequest, paginate, type PageRequest } from './paging';
import type { InstanceStateName } from './types';

/**
 * DescribeImageReferences: the caller's resources that reference the given AMIs (API reference and
 * user guide "Identify your resources referencing specified AMIs"). The AMIs may be anyone's, so
 * they are not looked up: an id nothing references simply has no entry. The simulator has no SSM
 * parameters and no Image Builder recipes, so those types never reference anything.
 */

export const REFERENCE_TYPES = [
  'ec2:Instance',
  'ec2:LaunchTemplate',
  'ssm:Parameter',
  'imagebuilder:ImageRecipe',
  'imagebuilder:ContainerRecipe',
] as const;
export type ReferenceType = (typeof REFERENCE_TYPES)[number];

/** ImageId.N: 1 to 10 items (API reference, DescribeImageReferences). */
export const MAX_REFERENCE_IMAGE_IDS = 10;

const INSTANCE_STATES: readonly InstanceStateName[] = [
  'pending',
  'running',
  'shutting-down',
  'terminated',
  'stopping',
  'stopped',
];
/** version-depth: 1–10,000, default 10 (ResourceTypeOption doc comment). */
const DEFAULT_VERSION_DEPTH = 10;
const MAX_VERSION_DEPTH = 10_000;

export interface ResourceTypeRequest {
  resourceType?: string;
  options: { name?: string; values: string[] }[];
}

export interface ImageReferencesRequest extends PageRequest {
  accountId: string;
  region: string;
  imageIds: string[];
  includeAll?: boolean;
  resourceTypes: ResourceTypeRequest[];
}

export interface ImageReference {
  imageId: string;
  resourceType: ReferenceType;
  arn: string;
}

interface Scope {
  types: Set<ReferenceType>;
  states: Set<string>;
  versionDepth: number;
}

export function describeImageReferences(
  world: World,
  r: ImageReferencesRequest,
  dryRun: () => void,
): { references: ImageReference[]; nextToken?: string } {
  if (r.imageIds.length === 0) throw errors.missingParameter('ImageId');
  // Over the documented maximum: code and wording unverified.
  if (r.imageIds.length > MAX_REFERENCE_IMAGE_IDS) {
    throw errors.invalidParameterValue(`You can specify at most ${MAX_REFERENCE_IMAGE_IDS} image IDs.`);
  }
  r.imageIds.forEach(checkImageId);
  // MaxResults bounds are not documented: 1–1000 is the simulator's (unverified).
  checkPageRequest('ref', r, 1, 1000);
  const scope = scopeOf(r);
  dryRun();
  const wanted = new Set(r.imageIds);
  const out: ImageReference[] = [];
  const now = world.clock.now();
  const arn = (kind: string, id: string) => `arn:aws:ec2:${r.region}:${r.accountId}:${kind}/${id}`;
  if (scope.types.has('ec2:Instance')) {
    for (const i of Object.values(world.region(r.region).instances)) {
      if (!wanted.has(i.imageId) || !isInstanceVisible(i, r.accountId, now) || !scope.states.has(i.state)) continue;
      out.push({ imageId: i.imageId, resourceType: 'ec2:Instance', arn: arn('instance', i.instanceId) });
    }
  }
  if (scope.types.has('ec2:LaunchTemplate')) {
    for (const t of Object.values(templatesOf(world, r.region))) {
      if (t.ownerId !== r.accountId) continue;
      // The most recent `versionDepth` versions; one entry per template and image.
      const recent = [...t.versions].sort((a, b) => b.versionNumber - a.versionNumber).slice(0, scope.versionDepth);
      const images = new Set(recent.map((v) => v.data.imageId).filter((id): id is string => !!id && wanted.has(id)));
      for (const imageId of images) {
        out.push({ imageId, resourceType: 'ec2:LaunchTemplate', arn: arn('launch-template', t.launchTemplateId) });
      }
    }
  }
  const page = paginate('ref', out, (ref) => `${ref.imageId} ${ref.arn}`, r);
  return { references: page.page, nextToken: page.nextToken };
}

/** Which types to check and with which options: the defaults, overridden by what ResourceTypes gives. */
function scopeOf(r: ImageReferencesRequest): Scope {
  if (!r.includeAll && r.resourceTypes.length === 0) {
    // "Either IncludeAllResourceTypes or ResourceTypes must be specified" (code unverified).
    throw errors.missingParameter('IncludeAllResourceTypes or ResourceTypes');
  }
  const scope: Scope = {
    types: new Set(r.includeAll ? REFERENCE_TYPES : []),
    states: new Set(INSTANCE_STATES),
    versionDepth: DEFAULT_VERSION_DEPTH,
  };
  for (const t of r.resourceTypes) {
    const type = t.resourceType as ReferenceType;
    if (!REFERENCE_TYPES.includes(type)) {
      throw errors.invalidParameterValue(`Value (${t.resourceType ?? ''}) for parameter ResourceType is invalid.`);
    }
    scope.types.add(type);
    for (const option of t.options) applyOption(scope, type, option);
  }
  return scope;
}

/** ResourceTypeOptions are valid only for ec2:Instance (state-name) and ec2:LaunchTemplate (version-depth). */
function applyOption(scope: Scope, type: ReferenceType, option: { name?: string; values: string[] }): void {
  const invalid = () =>
    errors.invalidParameterValue(`Value (${option.name ?? ''}) for parameter OptionName is invalid for ${type}.`);
  if (option.values.length === 0) throw errors.missingParameter('OptionValue');
  if (type === 'ec2:Instance' && option.name === 'state-name') {
    const bad = option.values.find((v) => !(INSTANCE_STATES as readonly string[]).includes(v));
    if (bad !== undefined) throw errors.invalidParameterValue(`Value (${bad}) for parameter state-name is invalid.`);
    scope.states = new Set(option.values);
  } else if (type === 'ec2:LaunchTemplate' && option.name === 'version-depth') {
    const value = option.values[0];
    const depth = /^\d+$/.test(value) ? Number(value) : NaN;
    if (option.values.length !== 1 || !(depth >= 1 && depth <= MAX_VERSION_DEPTH)) {
      throw errors.invalidParameterValue(
        `Value (${option.values.join(', ')}) for parameter version-depth is invalid. Expecting an integer between 1 and ${MAX_VERSION_DEPTH}.`,
      );
    }
    scope.versionDepth = depth;
  } else {
    throw invalid();
  }
}
