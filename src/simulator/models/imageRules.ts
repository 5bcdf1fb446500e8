import { errors } from '../errors';
import type { RegionState, Tag } from './types';

/** Naming and tagging rules shared by CreateImage and CopyImage. */

const AMI_NAME = /^[A-Za-z0-9()[\]./\-'@_ ]{3,128}$/;

/** 3–128 characters: letters, digits, `( ) [ ] . / - ' @ _` and space (`InvalidAMIName.Malformed`). */
export function checkImageName(name: string): void {
  if (!AMI_NAME.test(name)) {
    throw errors.amiNameMalformed();
  }
}

/** An owner's AMI names are unique within a region (`InvalidAMIName.Duplicate`). */
export function checkNameFree(region: RegionState, ownerId: string, name: string): void {
  for (const image of Object.values(region.images)) {
    if (image.ownerId === ownerId && image.name === name && image.state !== 'deregistered') {
      throw errors.amiNameDuplicate(name, image.imageId);
    }
  }
}

/** The TagSpecification.N list as EC2 gives it: per resource type, the tags. */
export interface TagSpecificationRequest {
  resourceType: string;
  tags: Tag[];
}

/** Tags for one resource type, refusing types the operation cannot tag. */
export function tagsFor(specs: readonly TagSpecificationRequest[], allowed: readonly string[], type: string): Tag[] {
  const out: Tag[] = [];
  for (const spec of specs) {
    if (!allowed.includes(spec.resourceType)) {
      throw errors.invalidParameterValue(
        `'${spec.resourceType}' is not a valid taggable resource type for this operation.`,
      );
    }
    if (spec.resourceType === type) for (const t of spec.tags) out.push({ key: t.key, value: t.value });
  }
  for (const t of out) {
    if (t.key.startsWith('aws:')) throw errors.reservedTagKey();
    if (t.key.length === 0 || t.key.length > 128)
      throw errors.invalidParameterValue(`Tag key '${t.key}' must be 1 to 128 characters long`);
    if (t.value.length > 256)
      throw errors.invalidParameterValue(`Tag value for key '${t.key}' must be at most 256 characters long`);
  }
  return out;
}
