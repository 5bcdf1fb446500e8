import { enumValues, type Shape } from './model';
import type { XmlNode } from './xmlTree';

/**
 * Walks a response element against the model's output shape. Each divergence is one line,
 * `<kind> <Operation> <path>…`, the form the allow-list uses: `shape` for an element the
 * shape lacks or a value of the wrong type, `enum` for a value outside the member's enum.
 */
export interface ShapeReport {
  elements: number;
  enumValues: number;
  divergences: Set<string>;
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function checkOutput(op: string, root: XmlNode, shape: Shape & { type: 'structure' }, report: ShapeReport) {
  // The envelope adds `requestId`, which no output shape lists.
  for (const child of root.children) if (child.name !== 'requestId') checkMember(op, child, shape, '', report);
}

function checkMember(op: string, el: XmlNode, parent: Shape & { type: 'structure' }, at: string, report: ShapeReport) {
  const path = at ? `${at}/${el.name}` : el.name;
  const member = parent.members.find((m) => m.xmlName === el.name);
  if (!member) {
    report.divergences.add(`shape ${op} ${path}: not a member of ${parent.name}`);
    return;
  }
  const allowed = enumValues(parent.name, member.name);
  checkValue(op, el, member.shape(), path, report, allowed, `${parent.name}.${member.name}`);
}

function checkValue(
  op: string,
  el: XmlNode,
  shape: Shape,
  path: string,
  report: ShapeReport,
  allowed: ReadonlySet<string> | undefined,
  memberLabel: string,
) {
  report.elements++;
  if (shape.type === 'structure') {
    for (const child of el.children) checkMember(op, child, shape, path, report);
  } else if (shape.type === 'list') {
    for (const child of el.children) {
      if (child.name !== shape.member.xmlName) {
        report.divergences.add(`shape ${op} ${path}/${child.name}: a list of ${shape.member.xmlName}`);
      } else {
        checkValue(op, child, shape.member.shape(), `${path}/${child.name}`, report, allowed, memberLabel);
      }
    }
  } else if (shape.type === 'map') {
    report.divergences.add(`shape ${op} ${path}: maps are not rendered by EC2's protocol`);
  } else {
    if (el.children.length > 0) {
      report.divergences.add(`shape ${op} ${path}: a ${shape.kind} with child elements`);
      return;
    }
    const bad = typeError(shape.kind, el.text);
    if (bad) report.divergences.add(`shape ${op} ${path}: ${bad}`);
    if (allowed) {
      report.enumValues++;
      if (!allowed.has(el.text)) report.divergences.add(`enum ${op} ${memberLabel}=${el.text}`);
    }
  }
}

function typeError(kind: string, text: string): string | undefined {
  if (kind === 'boolean' && text !== 'true' && text !== 'false') return `'${text}' is not a boolean`;
  if (kind === 'number' && !/^-?\d+(\.\d+)?$/.test(text)) return `'${text}' is not a number`;
  if (kind === 'timestamp' && !ISO_8601.test(text)) return `'${text}' is not an ISO 8601 timestamp`;
  return undefined;
}
