import * as http from 'http';
import type { AddressInfo, Socket } from 'net';
import type { Duplex } from 'stream';
import { randomUUID } from 'crypto';
import { refuseBrowserRequest } from './localGuard';
import { ec2ErrorResponse } from './protocol/xml';
import type { Simulator } from './simulator';

/** Largest request body accepted; EC2 Query requests are small. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * How long a client may take to send its headers, and its whole request. Node's defaults
 * (60 s, 300 s) would let a stalled client hold a connection for minutes; an SDK sends a
 * request in milliseconds. The simulator's own bounds.
 */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 15_000;

export interface SimulatorServer {
  readonly url: string;
  readonly port: number;
  /** The address the server is bound to (always 127.0.0.1). */
  readonly address: string;
  close(): Promise<void>;
}

/**
 * Serves the simulator over HTTP on 127.0.0.1 only (never another interface), so the AWS
 * CLI, Terraform or any SDK can use it with `--endpoint-url`. Every request gets an answer in
 * EC2's error format, whatever its method, body or encoding: the server never crashes on input.
 */
export function serveSimulator(
  simulator: Simulator,
  port = 0,
  /** Shorter bounds for tests; the defaults are {@link REQUEST_TIMEOUT_MS} and {@link HEADERS_TIMEOUT_MS}. */
  timeouts: { requestMs?: number } = {},
): Promise<SimulatorServer> {
  // Node would answer a missing Host itself, with an empty body: the handler answers it instead.
  // Timeouts are checked every second rather than Node's 30 s, so a stalled request ends on time.
  const server = http.createServer({ requireHostHeader: false, connectionsCheckingInterval: 1000 }, (req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let rejected = false;
    // A client that disconnects mid-request must not take the server down.
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    req.on('data', (chunk: Buffer) => {
      if (rejected) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        rejected = true;
        chunks.length = 0;
        // Answer at once and close the connection once the answer is out, rather than
        // buffering the rest: the client gets the error instead of a reset.
        sendError(
          res,
          413,
          'RequestEntityTooLarge',
          `The request body exceeds the simulator's limit of ${MAX_BODY_BYTES} bytes.`,
          true,
        );
        res.on('finish', () => req.destroy());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (rejected || res.headersSent) return;
      try {
        const url = targetUrl(req.url ?? '/');
        if (!url) {
          // A target Node's parser lets through but no URL can hold, e.g. `//%3F` (read as a host name).
          sendError(res, 400, 'MalformedHTTPRequest', 'The request target is not a valid path.', true);
          return;
        }
        const headers: Record<string, string | undefined> = {};
        for (const [name, value] of Object.entries(req.headers))
          headers[name] = Array.isArray(value) ? value.join(',') : value;
        if (headers['host'] === undefined && req.httpVersion === '1.1') {
          sendError(res, 400, 'MalformedHTTPRequest', 'An HTTP/1.1 request must have a Host header.', true);
          return;
        }
        const refused = refuseBrowserRequest(headers, req.socket.localPort ?? 0);
        if (refused) {
          sendError(res, refused.status, refused.code, refused.message, true);
          return;
        }
        const answer = simulator.handleSync({
          method: req.method ?? 'GET',
          path: url.pathname,
          query: url.search.slice(1) || undefined,
          headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        res.writeHead(answer.status, answer.headers).end(answer.body);
      } catch {
        // handleSync never throws; this guards the URL parsing and header handling around it.
        sendError(res, 500, 'InternalError', 'An internal error has occurred', false);
      }
    });
  });
  server.requestTimeout = timeouts.requestMs ?? REQUEST_TIMEOUT_MS;
  server.headersTimeout = Math.min(HEADERS_TIMEOUT_MS, server.requestTimeout);
  // Requests Node's own parser rejects (bad request line or headers, headers too large, a body
  // shorter than its Content-Length, a client too slow) get an EC2 error document and a close.
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || err.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const [status, code, message] = clientErrorAnswer(err.code);
    socket.end(rawErrorResponse(status, code, message));
  });
  const sockets = new Set<Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const { port: bound, address } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${bound}`,
        port: bound,
        address,
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

/** The request target as a URL, or undefined when none can hold it. */
function targetUrl(target: string): URL | undefined {
  try {
    return new URL(target, 'http://127.0.0.1');
  } catch {
    return undefined;
  }
}

function sendError(res: http.ServerResponse, status: number, code: string, message: string, close: boolean): void {
  const requestId = randomUUID();
  const body = ec2ErrorResponse(code, message, requestId);
  const headers: Record<string, string> = {
    'content-type': 'text/xml;charset=UTF-8',
    'content-length': String(Buffer.byteLength(body)),
    'x-amzn-requestid': requestId,
    server: 'AmazonEC2',
  };
  if (close) headers.connection = 'close';
  res.writeHead(status, headers).end(body);
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

/** Status, EC2-style code and message for an error of Node's HTTP parser (codes: the simulator's own). */
function clientErrorAnswer(nodeCode: string | undefined): [number, string, string] {
  switch (nodeCode) {
    case 'HPE_HEADER_OVERFLOW':
      return [431, 'RequestHeaderSectionTooLarge', 'The request headers are too large.'];
    case 'ERR_HTTP_REQUEST_TIMEOUT':
    case 'ERR_HTTP_HEADERS_TIMEOUT':
      return [408, 'RequestTimeout', 'The request was not received in time.'];
    case 'HPE_INVALID_EOF_STATE':
      return [400, 'IncompleteBody', 'The request ended before its Content-Length or its last chunk.'];
    default:
      return [400, 'MalformedHTTPRequest', 'The request is not valid HTTP/1.1.'];
  }
}

/** A whole HTTP response as bytes, for a socket Node's HTTP layer has given up on. */
function rawErrorResponse(status: number, code: string, message: string): string {
  const requestId = randomUUID();
  const body = ec2ErrorResponse(code, message, requestId);
  return (
    `HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}\r\n` +
    'Content-Type: text/xml;charset=UTF-8\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    `x-amzn-RequestId: ${requestId}\r\n` +
    'Server: AmazonEC2\r\nConnection: close\r\n\r\n' +
    body
  );
}
