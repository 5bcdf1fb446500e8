import * as http from 'http';
import type { AddressInfo } from 'net';

/**
 * An HTTP proxy in front of a simulator endpoint that can hold requests: while closed, a request
 * whose body `holds` is kept waiting (never answered) until the gate opens, so a test can act on a
 * load that is still running in the extension — and see whether the extension aborted it.
 */
export interface GatedProxy {
  readonly url: string;
  /** Requests held so far (in flight at the proxy). */
  readonly held: number;
  /** Held requests whose client went away before an answer: the extension aborted them. */
  readonly aborted: number;
  close(): void;
  /** Answers the held requests and lets every later one through. */
  open(): void;
  dispose(): Promise<void>;
}

export async function gatedProxy(target: string, holds: (body: string) => boolean): Promise<GatedProxy> {
  let closed = false;
  let held = 0;
  let aborted = 0;
  let waiting: (() => void)[] = [];
  const forward = (req: http.IncomingMessage, body: Buffer, res: http.ServerResponse) => {
    // The simulator refuses a Host that is not its own (DNS rebinding): the proxy addresses it.
    const { host: _host, ...headers } = req.headers;
    const upstream = http.request(new URL(req.url ?? '/', target), { method: req.method, headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    upstream.end(body);
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (!closed || !holds(body.toString('utf8'))) return forward(req, body, res);
      held++;
      let gone = false;
      res.on('close', () => {
        if (!res.writableEnded) {
          gone = true;
          aborted++;
        }
      });
      waiting.push(() => {
        if (!gone) forward(req, body, res);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    get held() {
      return held;
    },
    get aborted() {
      return aborted;
    },
    close: () => {
      closed = true;
    },
    open: () => {
      closed = false;
      const release = waiting;
      waiting = [];
      for (const go of release) go();
    },
    dispose: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
