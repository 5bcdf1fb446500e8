import type { HttpRequest, HttpResponse, RequestHandler } from '@smithy/types';
import type { Simulator } from './simulator';

/**
 * An SDK request handler that hands the signed request to the simulator instead of the
 * network: `new EC2Client({ requestHandler: new SimulatorRequestHandler(sim) })`. Everything
 * else (serialisation, signing, retries, XML parsing) is the real SDK's.
 */
export class SimulatorRequestHandler implements RequestHandler<HttpRequest, HttpResponse> {
  readonly metadata = { handlerProtocol: 'http/1.1' };

  constructor(private readonly simulator: Simulator) {}

  async handle(request: HttpRequest): Promise<{ response: HttpResponse }> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value;
    const answer = await this.simulator.handle({
      method: request.method,
      path: request.path,
      query: encodeQuery(request.query),
      headers,
      body: bodyText(request.body),
    });
    return {
      response: {
        statusCode: answer.status,
        headers: answer.headers,
        // The bytes themselves: the SDK reads a Uint8Array body as it is (collectBody), where a
        // stream costs a pipe, a collector and a copy per call (a cleanup dry run makes 1,000).
        body: answer.body,
      },
    };
  }

  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }

  destroy(): void {}
}

function bodyText(body: unknown): string {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  // A view on the same bytes: Buffer.from(body) would call the SDK's JSON body adapter's valueOf(),
  // which warns on every JSON request.
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  throw new Error('The simulator handler only accepts string or byte request bodies');
}

function encodeQuery(query: HttpRequest['query'] | undefined): string | undefined {
  if (!query) return undefined;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      parts.push(
        v === null || v === undefined ? encodeURIComponent(key) : `${encodeURIComponent(key)}=${encodeURIComponent(v)}`,
      );
    }
  }
  return parts.length ? parts.join('&') : undefined;
}
