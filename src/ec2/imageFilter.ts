import * as l10n from '@vscode/l10n';
import type { Filter, Image } from '@aws-sdk/client-ec2';
import type { BadgeFilterKey } from './imageBadgeRules';
import { BADGE_FILTERS } from './imageBadgeRules';

/** What the "Filter Images…" command narrows an owner group by. All parts are optional. */
export interface ImageFilter {
  /** EC2 name pattern; `*` and `?` are wildcards. Without a wildcard it matches anywhere in the name. */
  namePattern?: string;
  architecture?: 'x86_64' | 'arm64' | 'i386';
  platform?: 'windows' | 'linux';
  includeDeprecated?: boolean;
  /** Badges every listed image must have (all of them). */
  badges?: BadgeFilterKey[];
}

export function isEmptyFilter(filter: ImageFilter | undefined): boolean {
  return (
    !filter ||
    (!filter.namePattern &&
      !filter.architecture &&
      !filter.platform &&
      !filter.includeDeprecated &&
      !filter.badges?.length)
  );
}

/** The pattern sent to EC2: a bare word becomes `*word*` so it matches anywhere. */
export function namePatternValue(pattern: string): string {
  const trimmed = pattern.trim();
  return /[*?]/.test(trimmed) ? trimmed : `*${trimmed}*`;
}

/**
 * The server-side part of a filter as EC2 `Filters`. EC2's `platform` filter only knows
 * `windows`, so "Linux/UNIX" cannot be expressed there: {@link matchesClientSide} handles it.
 */
export function toEc2Filters(filter: ImageFilter | undefined): Filter[] {
  const filters: Filter[] = [];
  if (!filter) {
    return filters;
  }
  if (filter.namePattern?.trim()) {
    filters.push({ Name: 'name', Values: [namePatternValue(filter.namePattern)] });
  }
  if (filter.architecture) {
    filters.push({ Name: 'architecture', Values: [filter.architecture] });
  }
  if (filter.platform === 'windows') {
    filters.push({ Name: 'platform', Values: ['windows'] });
  }
  for (const key of filter.badges ?? []) {
    const rule = BADGE_FILTERS[key];
    if ('ec2' in rule) filters.push({ Name: rule.ec2.Name, Values: [...rule.ec2.Values] });
  }
  return filters;
}

/** The client-side part of a filter (see {@link toEc2Filters}). */
export function matchesClientSide(filter: ImageFilter | undefined, image: Image, now = Date.now()): boolean {
  if (filter?.platform === 'linux' && String(image.Platform ?? '').toLowerCase() === 'windows') {
    return false;
  }
  return (filter?.badges ?? []).every((key) => {
    const rule = BADGE_FILTERS[key];
    return 'matches' in rule ? rule.matches(image, now) : true;
  });
}

/** A short summary shown on the filtered group, e.g. `name ~ *ubuntu*, arm64, incl. deprecated`. */
export function describeFilter(filter: ImageFilter | undefined): string {
  if (!filter) {
    return '';
  }
  const parts: string[] = [];
  if (filter.namePattern?.trim()) {
    parts.push(l10n.t('name ~ {0}', namePatternValue(filter.namePattern)));
  }
  if (filter.architecture) {
    parts.push(filter.architecture);
  }
  if (filter.platform) {
    parts.push(filter.platform === 'windows' ? 'Windows' : 'Linux/UNIX');
  }
  if (filter.includeDeprecated) {
    parts.push(l10n.t('incl. deprecated'));
  }
  for (const key of filter.badges ?? []) {
    parts.push(BADGE_FILTERS[key].label().toLowerCase());
  }
  return parts.join(', ');
}
