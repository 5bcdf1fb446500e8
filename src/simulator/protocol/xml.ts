/** Small, fast XML writing helpers: responses are built as strings (the hot path of DescribeImages). */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function esc(text: string): string {
  return /[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c]) : text;
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

export const AUTOSCALING_XMLNS = 'http://autoscaling.amazonaws.com/doc/2011-01-01/';

/** Auto Scaling's (awsQuery) success envelope; actions without output have no `<ActionResult>`. */
export function autoScalingResponse(action: string, requestId: string, inner: string): string {
  const result = inner === '' ? '' : `<${action}Result>${inner}</${action}Result>`;
  return `<${action}Response xmlns="${AUTOSCALING_XMLNS}">${result}<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
}

export function autoScalingErrorResponse(code: string, message: string, requestId: string): string {
  return `<ErrorResponse xmlns="${AUTOSCALING_XMLNS}"><Error><Type>Sender</Type><Code>${esc(code)}</Code><Message>${esc(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
}
