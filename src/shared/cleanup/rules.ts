/**
 * The rules of a cleanup: which of the caller's images of a region they look at, and what keeps
 * an image. Everything a rule does not keep is removed (deregistered, with the snapshots nothing
 * else uses). Shared by the host, the webview and the workspace rules file; no `vscode` import.
 *
 * Decisions (documented in the README):
 * - Owner is always the caller (`Owners=self`): only an image's owner can deregister it.
 * - Protected means deregistration protection is on (any state but `disabled`): such an image is
 *   always kept, because EC2 refuses DeregisterImage for it; deprecation protects nothing.
 * - A numeric keep rule of 0 is off.
 */
import * as l10n from '@vscode/l10n';
import type { Reader } from '../messageValidation';
import { arr, bool, int, obj, refuse, str } from '../messageValidation';

/** A tag an image must carry: key and value (the value may use `*` and `?`). */
export interface TagMatch {
  key: string;
  value: string;
}

/** Which images a rule set looks at (always among the caller's own). */
export interface ImageSelection {
  /** EC2-style wildcard pattern of the name (`*` any run, `?` one character); empty: every name. */
  namePattern: string;
  /** Tags every selected image carries (all of them). */
  tags: TagMatch[];
}

/** What keeps a selected image. */
export interface KeepRules {
  /** Keeps the N newest images (by creation date) of each family; 0: off. */
  newestPerFamily: number;
  /** Keeps images created less than N days ago; 0: off. */
  youngerThanDays: number;
  /** Keeps images launched in the last N days (EC2's LastLaunchedTime, reported up to 24 hours late); 0: off. */
  launchedWithinDays: number;
  /** Keeps images that something references (DescribeImageReferences): instances, launch templates, … */
  inUse: boolean;
}

export interface CleanupRules {
  images: ImageSelection;
  keep: KeepRules;
}

/** A named rule set, as the workspace file holds them. */
export interface NamedRules extends CleanupRules {
  /** 1–64 characters, unique in the file. */
  name: string;
}

export const CLEANUP_LIMITS = {
  maxTags: 10,
  maxNamePattern: 128,
  maxNewestPerFamily: 1000,
  maxDays: 36500,
  maxRuleSets: 50,
  maxRuleSetName: 64,
} as const;

/** Conservative defaults: keep the 3 newest per family, the last 30 days' images and launches, and used ones. */
export const DEFAULT_RULES: CleanupRules = {
  images: { namePattern: '', tags: [] },
  keep: { newestPerFamily: 3, youngerThanDays: 30, launchedWithinDays: 30, inUse: true },
};

const tagMatch: Reader<TagMatch> = obj({ key: str(128, checkTagKeyOrPattern), value: str(256) });

/** Any key EC2 can hold, `aws:` ones included: matching one is harmless. */
function checkTagKeyOrPattern(key: string): string | undefined {
  return key.length === 0 ? l10n.t('A tag key cannot be empty.') : undefined;
}

/** Reads rules exactly (every field present): the webview's messages. */
export const readCleanupRules: Reader<CleanupRules> = obj({
  images: obj({
    namePattern: str(CLEANUP_LIMITS.maxNamePattern),
    tags: (v, path) => {
      const tags = arr(tagMatch, CLEANUP_LIMITS.maxTags)(v, path);
      if (new Set(tags.map((t) => t.key)).size !== tags.length) refuse(path, l10n.t('names the same tag key twice.'));
      return tags;
    },
  }),
  keep: obj({
    newestPerFamily: int(0, CLEANUP_LIMITS.maxNewestPerFamily),
    youngerThanDays: int(0, CLEANUP_LIMITS.maxDays),
    launchedWithinDays: int(0, CLEANUP_LIMITS.maxDays),
    inUse: bool,
  }),
});

export function checkRuleSetName(name: string): string | undefined {
  if (name.trim().length === 0) return l10n.t('Give the rule set a name.');
  if (name.length > CLEANUP_LIMITS.maxRuleSetName)
    return l10n.t('At most {0} characters.', CLEANUP_LIMITS.maxRuleSetName);
  return undefined;
}

/** Compiles an EC2-style wildcard pattern (`*`, `?`; everything else literal) to an anchored regex. */
export function wildcard(pattern: string): RegExp {
  const body = [...pattern]
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`, 's');
}
