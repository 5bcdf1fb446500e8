import type { VersionRow } from '../models/launchTemplateQuery';
import type { LaunchTemplateRecord } from '../models/types';
import { el, isoTime, items, raw } from './xml';

/** EC2's LaunchTemplate and LaunchTemplateVersion elements (member names from the SDK's schemas). */

export function renderTemplate(t: LaunchTemplateRecord): string {
  return (
    el('launchTemplateId', t.launchTemplateId) +
    el('launchTemplateName', t.launchTemplateName) +
    el('createTime', isoTime(t.createTime)) +
    el('createdBy', t.createdBy) +
    el('defaultVersionNumber', t.defaultVersionNumber) +
    el('latestVersionNumber', t.latestVersionNumber) +
    (t.tags.length > 0 ? items('tagSet', t.tags, (tag) => el('key', tag.key) + el('value', tag.value)) : '')
  );
}

export function renderVersion({ template, version }: VersionRow): string {
  const d = version.data;
  return (
    el('launchTemplateId', template.launchTemplateId) +
    el('launchTemplateName', template.launchTemplateName) +
    el('versionNumber', version.versionNumber) +
    el('versionDescription', version.versionDescription) +
    el('createTime', isoTime(version.createTime)) +
    el('createdBy', version.createdBy) +
    el('defaultVersion', version.versionNumber === template.defaultVersionNumber) +
    raw('launchTemplateData', el('imageId', d.imageId) + el('instanceType', d.instanceType) + el('keyName', d.keyName))
  );
}
