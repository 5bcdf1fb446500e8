import * as http from 'http';
import type { AddressInfo, Socket } from 'net';
import { randomUUID } from 'crypto';
import { ec2ErrorResponse } from './protocol/xml';
import type { Simulator } from './simulator';

/** Largest request body accepted; EC2 Query requests are small. */
export const MAX_BODY_BYTES = 1024 * 1024;

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
export function serveSimulator(simulator: Simulator, port = 0): Promise<SimulatorServer> {
  const server = http.createServer((req, res) => {
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
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const headers: Record<string, string | undefined> = {};
        for (const [name, value] of Object.entries(req.headers))
          headers[name] = Array.isArray(value) ? value.join(',') : value;
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
  // Requests Node's own parser rejects (bad request line, bad headers) get a plain 400 and a close.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
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
