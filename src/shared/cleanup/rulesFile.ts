/**
 * The workspace rules file (`.vscode/ami-cleanup.json`): named rule sets a team shares. Reading
 * it says what is wrong and where (line and field), writing it keeps a stable shape. The JSON
 * schema in `schemas/ami-cleanup.schema.json` describes the same file for the editor.
 */
import * as l10n from '@vscode/l10n';
import type { Reader } from '../messageValidation';
import { arr, bool, int, parseWith, refuse, str } from '../messageValidation';
import type { CleanupRules, NamedRules, TagMatch } from './rules';
import { CLEANUP_LIMITS, DEFAULT_RULES, checkRuleSetName } from './rules';

/** Where the file lives, relative to the workspace folder. */
export const RULES_FILE_PATH = '.vscode/ami-cleanup.json';
/** The `$schema` the file names (the extension contributes it through `jsonValidation` too). */
export const RULES_SCHEMA_ID = 'https://ami-explorer.invalid/schemas/ami-cleanup.schema.json';

export type RulesFileRead = { ok: true; ruleSets: NamedRules[] } | { ok: false; error: string };

/** A key that may be absent (the default applies) but, when present, is read. */
function optional<T>(record: Record<string, unknown>, key: string, reader: Reader<T>, path: string, fallback: T): T {
  return Object.prototype.hasOwnProperty.call(record, key) ? reader(record[key], `${path}.${key}`) : fallback;
}

function plainObject(v: unknown, path: string, keys: readonly string[]): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) refuse(path, l10n.t('must be an object.'));
  const record = v as Record<string, unknown>;
  const extra = Object.keys(record).filter((k) => !keys.includes(k));
  if (extra.length > 0)
    refuse(`${path}.${extra[0]}`, l10n.t('is not a field of this object (expected {0}).', keys.join(', ')));
  return record;
}

const tagMatch: Reader<TagMatch> = (v, path) => {
  const r = plainObject(v, path, ['key', 'value']);
  return {
    key: str(128, (k) => (k ? undefined : l10n.t('A tag key cannot be empty.')))(r.key, `${path}.key`),
    value: str(256)(r.value, `${path}.value`),
  };
};

const ruleSet: Reader<NamedRules> = (v, path) => {
  const r = plainObject(v, path, ['name', 'images', 'keep']);
  const name = str(CLEANUP_LIMITS.maxRuleSetName, checkRuleSetName)(r.name, `${path}.name`);
  const images = plainObject(r.images ?? {}, `${path}.images`, ['namePattern', 'tags']);
  const keep = plainObject(r.keep ?? {}, `${path}.keep`, [
    'newestPerFamily',
    'youngerThanDays',
    'launchedWithinDays',
    'inUse',
  ]);
  const d = DEFAULT_RULES;
  const p = `${path}.images`;
  const k = `${path}.keep`;
  const tags = optional(images, 'tags', arr(tagMatch, CLEANUP_LIMITS.maxTags), p, d.images.tags);
  if (new Set(tags.map((t) => t.key)).size !== tags.length)
    refuse(`${p}.tags`, l10n.t('names the same tag key twice.'));
  return {
    name,
    images: {
      namePattern: optional(images, 'namePattern', str(CLEANUP_LIMITS.maxNamePattern), p, d.images.namePattern),
      tags,
    },
    keep: {
      newestPerFamily: optional(
        keep,
        'newestPerFamily',
        int(0, CLEANUP_LIMITS.maxNewestPerFamily),
        k,
        d.keep.newestPerFamily,
      ),
      youngerThanDays: optional(keep, 'youngerThanDays', int(0, CLEANUP_LIMITS.maxDays), k, d.keep.youngerThanDays),
      launchedWithinDays: optional(
        keep,
        'launchedWithinDays',
        int(0, CLEANUP_LIMITS.maxDays),
        k,
        d.keep.launchedWithinDays,
      ),
      inUse: optional(keep, 'inUse', bool, k, d.keep.inUse),
    },
  };
};

const rulesFile: Reader<NamedRules[]> = (v, path) => {
  const r = plainObject(v, path, ['$schema', 'ruleSets']);
  if (!Object.prototype.hasOwnProperty.call(r, 'ruleSets'))
    refuse(path, l10n.t('is missing the field "{0}".', 'ruleSets'));
  const sets = arr(ruleSet, CLEANUP_LIMITS.maxRuleSets)(r.ruleSets, `${path}.ruleSets`);
  const seen = new Set<string>();
  sets.forEach((s, i) => {
    if (seen.has(s.name)) refuse(`${path}.ruleSets[${i}].name`, l10n.t('repeats the name "{0}".', s.name));
    seen.add(s.name);
  });
  return sets;
};

/** Reads the file's text; an error names the line and the field (`line 7: ruleSets[0].keep.inUse must be …`). */
export function readRulesFile(text: string): RulesFileRead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const at = /position (\d+)/.exec(message);
    return {
      ok: false,
      error: at
        ? l10n.t('line {0}: not valid JSON ({1}).', lineOf(text, Number(at[1])), message)
        : l10n.t('not valid JSON ({0}).', message),
    };
  }
  const parsed = parseWith(rulesFile, value);
  if (parsed.ok) return { ok: true, ruleSets: parsed.value };
  // parseWith words it "Refused a message from the panel: message.ruleSets[0]… why"; the file has its own words.
  const refused = parsed.refused ?? { path: 'message', why: parsed.reason };
  const field = refused.path.slice('message'.length);
  const line = field ? lineOfPath(text, field) : undefined;
  const what = field
    ? l10n.t({
        message: '{0} {1}',
        args: [field.replace(/^\./, ''), refused.why],
        comment: [
          '{0} is the path of a field, such as message.params.name; {1} says what is wrong with it ("must be a string…")',
        ],
      })
    : l10n.t({
        message: 'the file {0}',
        args: [refused.why],
        comment: ['{0} says what is wrong with it ("must be an object.")'],
      });
  return { ok: false, error: line ? l10n.t('line {0}: {1}', line, what) : what };
}

/** The file's text for these rule sets (two-space indent, stable key order, trailing newline). */
export function writeRulesFile(ruleSets: readonly NamedRules[]): string {
  const ordered = ruleSets.map((s) => ({ name: s.name, images: s.images, keep: s.keep }));
  return `${JSON.stringify({ $schema: RULES_SCHEMA_ID, ruleSets: ordered }, null, 2)}\n`;
}

/** The rule sets with `set` replacing the one of the same name, or added at the end. */
export function withRuleSet(ruleSets: readonly NamedRules[], set: NamedRules): NamedRules[] {
  const i = ruleSets.findIndex((s) => s.name === set.name);
  return i < 0 ? [...ruleSets, set] : ruleSets.map((s, j) => (j === i ? set : s));
}

export function namedRules(name: string, rules: CleanupRules): NamedRules {
  return { name, images: rules.images, keep: rules.keep };
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/**
 * The line of a field such as `.ruleSets[1].keep.inUse` in JSON text: walks the text's tokens,
 * following object keys and array indexes, and returns the line where the path's value starts
 * (or its deepest part that exists).
 */
export function lineOfPath(text: string, path: string): number | undefined {
  const steps = [...path.matchAll(/\.([^.[\]]+)|\[(\d+)\]/g)].map((m) => m[1] ?? Number(m[2]));
  const stack: { kind: 'object' | 'array'; key?: string | number; index: number }[] = [];
  let best: number | undefined;
  let pendingKey: string | undefined;
  const current = (): (string | number)[] => stack.flatMap((f) => (f.key === undefined ? [] : [f.key]));
  const matches = (p: (string | number)[]) => p.length <= steps.length && p.every((s, i) => s === steps[i]);
  const valueStarts = (at: number) => {
    const top = stack[stack.length - 1];
    const key = top?.kind === 'array' ? top.index : pendingKey;
    const p = [...current(), ...(key === undefined ? [] : [key])];
    if (matches(p)) best = lineOf(text, at);
    return key;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const raw = text.slice(i, j + 1);
      const top = stack[stack.length - 1];
      const after = text.slice(j + 1).match(/^\s*(.)/)?.[1];
      if (top?.kind === 'object' && after === ':') {
        pendingKey = JSON.parse(raw) as string;
      } else {
        valueStarts(i);
      }
      i = j;
    } else if (c === '{' || c === '[') {
      const key = valueStarts(i);
      stack.push({ kind: c === '{' ? 'object' : 'array', key, index: 0 });
      pendingKey = undefined;
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top?.kind === 'array') top.index++;
    } else if (/[-0-9tfn]/.test(c)) {
      valueStarts(i);
      while (i + 1 < text.length && /[-+.0-9a-zA-Z]/.test(text[i + 1])) i++;
    }
  }
  return best;
}
