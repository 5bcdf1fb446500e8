import { enumValues, type Member, type Shape } from './model';

/**
 * Every parameter a request of this input shape can carry, as the EC2 Query protocol
 * spells it (`ImageId`, `Owner.1`, `Filter.1.Name`, `BlockDeviceMapping.1.Ebs.VolumeSize`),
 * each with a plausible value of its type (an enum's first value when it has one).
 */
export function requestParameters(input: Shape & { type: 'structure' }): Map<string, string> {
  const out = new Map<string, string>();
  walk(input, '', out, 0);
  return out;
}

function walk(shape: Shape & { type: 'structure' }, prefix: string, out: Map<string, string>, depth: number) {
  for (const m of shape.members) add(m, shape.name, `${prefix}${m.queryName}`, out, depth);
}

function add(m: Member, parentName: string, key: string, out: Map<string, string>, depth: number) {
  if (depth > 4) return;
  const shape = m.shape();
  if (shape.type === 'simple') {
    out.set(key, plausible(shape.kind, enumValues(parentName, m.name)));
  } else if (shape.type === 'structure') {
    walk(shape, `${key}.`, out, depth + 1);
  } else if (shape.type === 'list') {
    const item = shape.member.shape();
    if (item.type === 'simple') out.set(`${key}.1`, plausible(item.kind, enumValues(parentName, m.name)));
    else if (item.type === 'structure') walk(item, `${key}.1.`, out, depth + 1);
  }
}

function plausible(kind: string, values: ReadonlySet<string> | undefined): string {
  if (values) return [...values][0];
  if (kind === 'boolean') return 'true';
  if (kind === 'number') return '1';
  if (kind === 'timestamp') return '2030-01-01T00:00:00.000Z';
  return 'conformance';
}
