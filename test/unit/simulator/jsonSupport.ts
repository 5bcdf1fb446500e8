import { DEFAULT_SIMULATOR_ACCOUNT, type SimulatorAccount } from '../../../src/simulator/accounts';
import type { Simulator } from '../../../src/simulator/simulator';

/** One answer of a JSON service (Recycle Bin, Systems Manager) to a raw signed request. */
export interface JsonReply {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

function signed(service: string, region: string, account: SimulatorAccount): string {
  return `AWS4-HMAC-SHA256 Credential=${account.accessKeyId}/20260101/${region}/${service}/aws4_request, SignedHeaders=host, Signature=00`;
}

function reply(res: { status: number; headers: Record<string, string>; body: Buffer }): JsonReply {
  const text = String(res.body);
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** A Recycle Bin (REST-JSON) request, as the SDK or the AWS CLI sends it. */
export function rbin(
  sim: Simulator,
  method: string,
  path: string,
  body?: unknown,
  opts: { region?: string; account?: SimulatorAccount; query?: string } = {},
): JsonReply {
  return reply(
    sim.handleSync({
      method,
      path,
      query: opts.query,
      headers: {
        authorization: signed('rbin', opts.region ?? 'us-east-1', opts.account ?? DEFAULT_SIMULATOR_ACCOUNT),
        'content-type': 'application/json',
      },
      body: body === undefined ? '' : JSON.stringify(body),
    }),
  );
}

/** A Systems Manager (JSON 1.1) request: `AmazonSSM.<operation>` in X-Amz-Target. */
export function ssm(
  sim: Simulator,
  operation: string,
  body: unknown,
  opts: { region?: string; account?: SimulatorAccount } = {},
): JsonReply {
  return reply(
    sim.handleSync({
      method: 'POST',
      path: '/',
      headers: {
        authorization: signed('ssm', opts.region ?? 'us-east-1', opts.account ?? DEFAULT_SIMULATOR_ACCOUNT),
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `AmazonSSM.${operation}`,
      },
      body: JSON.stringify(body),
    }),
  );
}
