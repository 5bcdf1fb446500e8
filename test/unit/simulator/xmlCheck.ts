import * as assert from 'assert';

/** An assertion whose message is only built when it fails (the checks run on every tag). */
function check(condition: unknown, message: () => string): asserts condition {
  if (!condition) assert.fail(message());
}

/**
 * A strict well-formedness check of an XML document, as a real client's parser applies it:
 * only XML 1.0 characters, one root element, balanced tags, quoted attributes, and only the
 * predefined entities or character references. Returns the root element's name.
 */
export function assertWellFormedXml(text: string, context = ''): string {
  const where = (i: number) => `${context} at ${i}: ${JSON.stringify(text.slice(Math.max(0, i - 40), i + 40))}`;
  const bad = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\ud800-\udfff]/.exec(text);
  check(!bad, () => `not an XML character U+${bad?.[0].charCodeAt(0).toString(16)} ${where(bad?.index ?? 0)}`);
  const lonely = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.exec(text);
  check(!lonely, () => `a lone surrogate ${where(lonely?.index ?? 0)}`);
  let i = 0;
  if (text.startsWith('<?xml')) {
    i = text.indexOf('?>');
    check(i > 0, () => `unterminated XML declaration ${where(0)}`);
    i += 2;
  }
  const stack: string[] = [];
  let root: string | undefined;
  // One sticky pass: a tag (closing, opening with attributes, self-closing), a run of text, or anything else (an error).
  const TOKEN = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<&]*"|'[^'<&]*'))*)\s*(\/?)>|([^<]+)/y;
  TOKEN.lastIndex = i;
  while (TOKEN.lastIndex < text.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    check(m, () => `not a tag nor text ${where(at)}`);
    const [, closing, name, , selfClosing, chunk] = m;
    if (chunk !== undefined) {
      if (stack.length === 0) check(/^\s*$/.test(chunk), () => `text outside the root element ${where(at)}`);
      if (chunk.includes('&')) checkText(chunk, at, where);
    } else if (closing) {
      check(!selfClosing && stack.pop() === name, () => `mismatched closing tag ${where(at)}`);
    } else {
      if (stack.length === 0) {
        check(root === undefined, () => `a second root element ${where(at)}`);
        root = name;
      }
      if (!selfClosing) stack.push(name);
    }
  }
  assert.deepStrictEqual(stack, [], `unclosed elements ${context}`);
  check(root, () => `no root element ${context}`);
  return root;
}

function checkText(chunk: string, offset: number, where: (i: number) => string): void {
  for (const m of chunk.matchAll(/&([^;]*);?/g)) {
    check(
      /^(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+)$/.test(m[1]) && m[0].endsWith(';'),
      () => `bad entity reference ${where(offset + (m.index ?? 0))}`,
    );
  }
}

/** Asserts that the body is EC2's error document and returns its code. */
export function ec2ErrorCode(body: string, context = ''): string {
  const root = assertWellFormedXml(body, context);
  assert.strictEqual(root, 'Response', `not an EC2 error document ${context}: ${body.slice(0, 200)}`);
  const code =
    /^<\?xml[^>]*>\s*<Response><Errors><Error><Code>([^<]+)<\/Code><Message>[^<]*<\/Message><\/Error><\/Errors><RequestID>[^<]+<\/RequestID><\/Response>$/.exec(
      body,
    )?.[1];
  assert.ok(code, `not an EC2 error document ${context}: ${body.slice(0, 300)}`);
  return code;
}
