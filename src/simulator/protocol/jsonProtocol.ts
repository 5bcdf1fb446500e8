import type { SimulatorAccount } from '../accounts';
import type { Ec2Error } from '../errors';
import { errors } from '../errors';
import type { World } from '../world';

/**
 * The AWS JSON protocols the simulator serves besides EC2's Query protocol: Recycle Bin
 * (REST-JSON: routed by HTTP method and path) and Systems Manager (JSON 1.1: routed by the
 * `X-Amz-Target` header). A request reaches them when its SigV4 credential scope names the
 * service (`…/us-east-1/rbin/aws4_request`), as AWS's own endpoints tell services apart.
 */

export interface JsonRequest {
  method: string;
  /** The URL path, still percent-encoded. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | undefined>;
  /** The parsed JSON body (an empty object for an empty body). */
  body: Record<string, unknown>;
}

export interface JsonContext {
  world: World;
  account: SimulatorAccount;
  region: string;
  request: JsonRequest;
}

export interface JsonAnswer {
  status: number;
  body?: unknown;
}

/** One JSON service: answers a request or throws an Ec2Error carrying the service's error code. */
export interface JsonService {
  contentType: string;
  handle(ctx: JsonContext): JsonAnswer;
  /** Extra members of the error body (e.g. Recycle Bin's `Reason`). */
  errorFields?(error: Ec2Error): Record<string, string>;
}

/** Parses the body; anything but a JSON object is a client error. */
export function parseJsonBody(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw errors.jsonSerialization('The request body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw errors.jsonSerialization('The request body must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}

/** The error body both JSON protocols' clients read: the code in `__type` (and the header), the message. */
export function jsonErrorBody(service: JsonService | undefined, error: Ec2Error): string {
  return JSON.stringify({ __type: error.code, message: error.message, ...service?.errorFields?.(error) });
}

/** Small readers of untyped JSON members, raising the service's validation error. */
export const json = {
  string(body: Record<string, unknown>, name: string): string | undefined {
    const v = body[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') throw errors.jsonSerialization(`${name} must be a string.`);
    return v;
  },
  number(body: Record<string, unknown>, name: string): number | undefined {
    const v = body[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number') throw errors.jsonSerialization(`${name} must be a number.`);
    return v;
  },
  bool(body: Record<string, unknown>, name: string): boolean | undefined {
    const v = body[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'boolean') throw errors.jsonSerialization(`${name} must be a boolean.`);
    return v;
  },
  array(body: Record<string, unknown>, name: string): unknown[] | undefined {
    const v = body[name];
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v)) throw errors.jsonSerialization(`${name} must be a list.`);
    return v as unknown[];
  },
  object(body: Record<string, unknown>, name: string): Record<string, unknown> | undefined {
    const v = body[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'object' || Array.isArray(v)) throw errors.jsonSerialization(`${name} must be a structure.`);
    return v as Record<string, unknown>;
  },
};
