/** A small XML reader for the simulator's responses: elements, text, no attributes kept. */
export interface XmlNode {
  name: string;
  children: XmlNode[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function parseXml(xml: string): XmlNode {
  const root: XmlNode = { name: '#document', children: [], text: '' };
  const stack: XmlNode[] = [root];
  const token = /<\?[^>]*\?>|<(\/?)([A-Za-z_][\w.-]*)[^>]*?(\/?)>|([^<]+)/g;
  for (const m of xml.matchAll(token)) {
    const top = stack[stack.length - 1];
    if (m[4] !== undefined) {
      top.text += m[4].replace(/&(\w+);/g, (_, e: string) => ENTITIES[e] ?? `&${e};`);
    } else if (m[2] !== undefined) {
      if (m[1]) {
        if (top.name !== m[2]) throw new Error(`xml: </${m[2]}> closes <${top.name}>`);
        stack.pop();
      } else {
        const node: XmlNode = { name: m[2], children: [], text: '' };
        top.children.push(node);
        if (!m[3]) stack.push(node);
      }
    }
  }
  if (stack.length !== 1) throw new Error('xml: unclosed elements');
  return root;
}
