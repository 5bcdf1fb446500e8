import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import * as sdk from '@aws-sdk/client-ec2';
import * as schemas from '@aws-sdk/client-ec2/dist-es/schemas/schemas_0.js';

/**
 * Reads EC2's published model from the installed `@aws-sdk/client-ec2`: its schema file
 * (structures, members, XML names, types), its enums, and the API reference's doc comments
 * in `dist-types` (filter names, and which enum a member holds). The schema encoding is
 * Smithy's (see `@smithy/core/schema`): a structure is `[3, ns, name, traits, names[], members[]]`,
 * a list `[1, ns, name, traits, member]`, a map `[2, ns, name, traits, key, value]`, an
 * operation `[9, ns, name, traits, () => input, () => output]`, a named simple type `[0, ns, name, traits, type]`; a simple type is a number
 * (0 string, 1 number, 2 boolean, 4–7 timestamp, 15 document, 21 blob, 64|x a list of x,
 * 128|x a map of x); a member is a schema or `[schema, traits]`, traits an object or a bitmask.
 */

export type Kind = 'string' | 'number' | 'boolean' | 'timestamp' | 'blob' | 'document';

export type Shape =
  | { type: 'simple'; kind: Kind }
  | { type: 'structure'; name: string; members: Member[] }
  | { type: 'list'; name: string; member: Member }
  | { type: 'map'; name: string; key: Member; value: Member };

export interface Member {
  /** The model's member name (`ImageId`), which the SDK's types and the d.ts use. */
  name: string;
  /** The element name in responses: xmlName, else the member name. */
  xmlName: string;
  /** The Query parameter name in requests: ec2QueryName, else the capitalised xmlName or member name. */
  queryName: string;
  idempotencyToken: boolean;
  shape: () => Shape;
}

type Raw = unknown;
const SCHEMAS = schemas as unknown as Record<string, Raw>;

function simpleKind(code: number): Kind {
  if (code === 0) return 'string';
  if (code === 1 || code === 17 || code === 19) return 'number';
  if (code === 2) return 'boolean';
  if (code >= 4 && code <= 7) return 'timestamp';
  if (code === 15) return 'document';
  return 'blob';
}

function traitsOf(raw: Raw): Record<string, unknown> {
  if (raw && typeof raw === 'object') return raw as Record<string, unknown>;
  return (Number(raw) & 0b100) !== 0 ? { idempotencyToken: 1 } : {};
}

function member(name: string, raw: Raw, listMember = false): Member {
  const [schema, traits] = Array.isArray(raw) && raw.length === 2 && !isShapeArray(raw) ? raw : [raw, {}];
  const t = traitsOf(traits);
  const xmlName = typeof t.xmlName === 'string' ? t.xmlName : name;
  const queryName =
    typeof t.ec2QueryName === 'string'
      ? t.ec2QueryName
      : listMember
        ? xmlName
        : xmlName[0].toUpperCase() + xmlName.slice(1);
  return { name, xmlName, queryName, idempotencyToken: !!t.idempotencyToken, shape: () => shapeOf(schema) };
}

function isShapeArray(raw: readonly unknown[]): boolean {
  return typeof raw[0] === 'number' && typeof raw[1] === 'string';
}

const shapeCache = new Map<Raw, Shape>();

const UNIT: Shape = { type: 'structure', name: 'Unit', members: [] };

export function shapeOf(raw: Raw): Shape {
  if (typeof raw === 'function') return shapeOf((raw as () => Raw)());
  if (raw === 'unit') return UNIT;
  if (typeof raw === 'number') {
    if (raw >= 128) return { type: 'map', name: 'map', key: member('key', 0), value: member('value', raw & 63) };
    if (raw >= 64) return { type: 'list', name: 'list', member: member('member', raw & 63, true) };
    return { type: 'simple', kind: simpleKind(raw) };
  }
  const cached = shapeCache.get(raw);
  if (cached) return cached;
  const a = raw as unknown[];
  let shape: Shape;
  if (a[0] === 3 || a[0] === -3 || a[0] === 4) {
    const names = a[4] as string[];
    const raws = (a[5] as Raw[] | undefined) ?? [];
    const s: Shape = { type: 'structure', name: a[2] as string, members: [] };
    shapeCache.set(raw, s);
    s.members.push(...names.map((n, i) => member(n, raws[i])));
    return s;
  } else if (a[0] === 0) {
    // A named simple type with traits (`[0, ns, name, traits, type]`, e.g. sensitive user data).
    shape = shapeOf(a[4]);
  } else if (a[0] === 1) {
    shape = { type: 'list', name: a[2] as string, member: member('member', a[4], true) };
  } else if (a[0] === 2) {
    shape = { type: 'map', name: a[2] as string, key: member('key', a[4]), value: member('value', a[5]) };
  } else {
    throw new Error(`model: unknown schema ${JSON.stringify(a.slice(0, 3))}`);
  }
  shapeCache.set(raw, shape);
  return shape;
}

export interface Operation {
  name: string;
  input: Shape & { type: 'structure' };
  output: Shape & { type: 'structure' };
}

/** The model's operation `name` (`DescribeImages`), or undefined when the SDK has none. */
export function operation(name: string): Operation | undefined {
  const raw = SCHEMAS[`${name}$`] as unknown[] | undefined;
  if (!Array.isArray(raw) || raw[0] !== 9) return undefined;
  const input = shapeOf(raw[4]);
  const output = shapeOf(raw[5]);
  if (input.type !== 'structure' || output.type !== 'structure') throw new Error(`model: ${name} has no structures`);
  return { name, input, output };
}

/** A structure by its model name (`Image`). */
export function structure(name: string): Shape & { type: 'structure' } {
  const shape = shapeOf(SCHEMAS[`${name}$`]);
  if (shape.type !== 'structure') throw new Error(`model: ${name} is not a structure`);
  return shape;
}

let declarations: string | undefined;

/** All of `dist-types/models/models_*.d.ts`: the API reference's text and each member's TypeScript type. */
function modelText(): string {
  if (declarations === undefined) {
    const dir = path.join(path.dirname(require.resolve('@aws-sdk/client-ec2/package.json')), 'dist-types', 'models');
    declarations = readdirSync(dir)
      .filter((f) => /^models_\d+\.d\.ts$/.test(f))
      .map((f) => readFileSync(path.join(dir, f), 'utf8'))
      .join('\n');
  }
  return declarations;
}

function interfaceBody(name: string): string {
  const text = modelText();
  const start = text.indexOf(`export interface ${name} {`);
  if (start < 0) throw new Error(`model: no interface ${name} in the SDK's declarations`);
  return text.slice(start, text.indexOf('\n}', start));
}

/** The values of the enum member `structureName.memberName` holds, or undefined when it holds free text. */
export function enumValues(structureName: string, memberName: string): ReadonlySet<string> | undefined {
  const key = `${structureName}.${memberName}`;
  if (!enumCache.has(key)) enumCache.set(key, readEnum(structureName, memberName));
  return enumCache.get(key);
}

const enumCache = new Map<string, ReadonlySet<string> | undefined>();

function readEnum(structureName: string, memberName: string): ReadonlySet<string> | undefined {
  const match = new RegExp(`\\n\\s*${memberName}\\?: (\\w+)(\\[\\])? \\| undefined;`).exec(
    interfaceBody(structureName),
  );
  if (!match) return undefined;
  const values = (sdk as unknown as Record<string, unknown>)[match[1]];
  if (!values || typeof values !== 'object' || Array.isArray(values)) return undefined;
  const strings = Object.values(values as Record<string, unknown>);
  if (strings.length === 0 || !strings.every((v) => typeof v === 'string')) return undefined;
  return new Set(strings);
}

/**
 * The filter names the API reference lists for `Filters` of the request structure `requestName`:
 * the `<code>` opening each top-level `<li>` of its doc comment (`tag:<key>` included as written).
 */
export function documentedFilters(requestName: string): string[] {
  const body = interfaceBody(requestName);
  const at = body.search(/\n\s*Filters\?:/);
  if (at < 0) return [];
  const doc = body.slice(body.lastIndexOf('/**', at), at);
  const names: string[] = [];
  let depth = 0;
  for (const m of doc.matchAll(
    /<(\/?)(ul|li)>(\s*(?:\*\s*)*<p>\s*(?:\*\s*)*<code>(.+?)<\/code>(:(?:<key>|&lt;key&gt;))?)?/g,
  )) {
    if (m[2] === 'ul') depth += m[1] ? -1 : 1;
    // `<code>tag</code>:<key>` in some operations' text, `<code>tag:<key></code>` in others.
    else if (!m[1] && depth === 1 && m[4]) names.push(m[4].trim() + (m[5] ? ':<key>' : ''));
  }
  return names;
}
