import * as assert from 'assert';

/**
 * A strict well-formedness check of an XML document, as a real client's parser applies it:
 * only XML 1.0 characters, one root element, balanced tags, quoted attributes, and only the
 * predefined entities or character references. Returns the root element's name.
 */
export function assertWellFormedXml(text: string, context = ''): string {
  const where = (i: number) => `${context} at ${i}: ${JSON.stringify(text.slice(Math.max(0, i - 40), i + 40))}`;
  const bad = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\ud800-\udbff\udc00-\udfff]/.exec(text);
  assert.ok(!bad, `not an XML character U+${bad?.[0].charCodeAt(0).toString(16)} ${where(bad?.index ?? 0)}`);
  const lonely = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.exec(text);
  assert.ok(!lonely, `a lone surrogate ${where(lonely?.index ?? 0)}`);
  let i = 0;
  if (text.startsWith('<?xml')) {
    i = text.indexOf('?>');
    assert.ok(i > 0, `unterminated XML declaration ${where(0)}`);
    i += 2;
  }
  const stack: string[] = [];
  let root: string | undefined;
  const NAME = /^[A-Za-z_][\w.:-]*/;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const chunk = lt < 0 ? text.slice(i) : text.slice(i, lt);
    if (stack.length === 0) assert.ok(/^\s*$/.test(chunk), `text outside the root element ${where(i)}`);
    checkText(chunk, i, where);
    if (lt < 0) break;
    const gt = text.indexOf('>', lt);
    assert.ok(gt > lt, `unterminated tag ${where(lt)}`);
    const tag = text.slice(lt + 1, gt);
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      assert.strictEqual(stack.pop(), name, `mismatched closing tag ${where(lt)}`);
    } else {
      const selfClosing = tag.endsWith('/');
      const body = selfClosing ? tag.slice(0, -1) : tag;
      const name = NAME.exec(body)?.[0];
      assert.ok(name, `bad element name ${where(lt)}`);
      const attrs = body.slice(name.length);
      assert.ok(/^(\s+[A-Za-z_][\w.:-]*\s*=\s*("[^"<]*"|'[^'<]*'))*\s*$/.test(attrs), `bad attributes ${where(lt)}`);
      checkText(attrs, lt, where);
      if (stack.length === 0) {
        assert.strictEqual(root, undefined, `a second root element ${where(lt)}`);
        root = name;
      }
      if (!selfClosing) stack.push(name);
    }
    i = gt + 1;
  }
  assert.deepStrictEqual(stack, [], `unclosed elements ${context}`);
  assert.ok(root, `no root element ${context}`);
  return root;
}

function checkText(chunk: string, offset: number, where: (i: number) => string): void {
  for (const m of chunk.matchAll(/&([^;]*);?/g)) {
    assert.ok(
      /^(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+)$/.test(m[1]) && m[0].endsWith(';'),
      `bad entity reference ${where(offset + (m.index ?? 0))}`,
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
