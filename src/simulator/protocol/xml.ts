/** Small, fast XML writing helpers: responses are built as strings (the hot path of DescribeImages). */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Characters XML 1.0 cannot carry at all, not even as `&#…;`: C0 controls other than tab, LF
 * and CR, U+FFFE/U+FFFF, and surrogates (a valid pair is let through by {@link esc}).
 */
/* eslint-disable no-control-regex -- these are exactly the control characters XML forbids */
const NON_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;
const NEEDS_ESCAPE = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;
const ESCAPE_ALL =
  /[&<>"']|[\ud800-\udbff][\udc00-\udfff]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/g;
/* eslint-enable no-control-regex */

/** True when the text holds a character no XML document can carry (see {@link esc}). */
export function hasNonXmlCharacter(text: string): boolean {
  if (!NON_XML.test(text)) return false;
  // Surrogate pairs are fine: look again with them removed.
  return NON_XML.test(text.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''));
}

/**
 * Escapes text for an element or attribute. A character XML cannot carry (it can only come from
 * a request, e.g. an id echoed in an error) becomes U+FFFD, so every answer stays well-formed.
 */
export function esc(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(ESCAPE_ALL, (c) => ESCAPES[c] ?? (c.length === 2 ? c : '\ufffd'));
}

/** `<name>value</name>`, or nothing when the value is absent. */
export function el(name: string, value: string | number | boolean | undefined | null): string {
  if (value === undefined || value === null) return '';
  return `<${name}>${typeof value === 'string' ? esc(value) : String(value)}</${name}>`;
}

/** An element holding already-rendered XML. */
export function raw(name: string, inner: string): string {
  return `<${name}>${inner}</${name}>`;
}

/** EC2's list encoding: `<name><item>…</item><item>…</item></name>` (an empty list renders `<name/>`). */
export function items<T>(name: string, values: readonly T[] | undefined, render: (v: T) => string): string {
  if (!values || values.length === 0) return `<${name}/>`;
  let out = `<${name}>`;
  for (const v of values) out += `<item>${render(v)}</item>`;
  return out + `</${name}>`;
}

/** ISO-8601 with milliseconds, as EC2 writes timestamps. */
export function isoTime(ms: number | undefined): string | undefined {
  return ms === undefined ? undefined : new Date(ms).toISOString();
}

export const EC2_XMLNS = 'http://ec2.amazonaws.com/doc/2016-11-15/';
export const STS_XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** The envelope of a successful EC2 response. */
export function ec2Response(action: string, requestId: string, inner: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${EC2_XMLNS}"><requestId>${requestId}</requestId>${inner}</${action}Response>`;
}

/** EC2's error document (HTTP 4xx). */
export function ec2ErrorResponse(code: string, message: string, requestId: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${esc(code)}</Code><Message>${esc(message)}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`;
}

/** The envelope of a successful STS (awsQuery) response. */
export function stsResponse(action: string, requestId: string, inner: string): string {
  return `<${action}Response xmlns="${STS_XMLNS}"><${action}Result>${inner}</${action}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
}

export function stsErrorResponse(code: string, message: string, requestId: string): string {
  return `<ErrorResponse xmlns="${STS_XMLNS}"><Error><Type>Sender</Type><Code>${esc(code)}</Code><Message>${esc(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
}
