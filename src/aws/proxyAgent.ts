import * as l10n from '@vscode/l10n';
import * as http from 'node:http';
import * as https from 'node:https';
import type * as stream from 'node:stream';
import * as tls from 'node:tls';

/**
 * An HTTPS agent that reaches its hosts through an HTTP proxy's CONNECT tunnel, as the AWS CLI
 * does with HTTPS_PROXY. Written here because no proxy agent is a dependency of the extension;
 * it covers what the SDK needs (TLS to AWS through `http://[user:pass@]host:port`), nothing more.
 */
export class TunnellingAgent extends https.Agent {
  constructor(
    private readonly proxy: URL,
    options: https.AgentOptions = {},
  ) {
    super({ keepAlive: true, ...options });
  }

  /** Node's Agent accepts the socket through the callback when it is made asynchronously. */
  override createConnection(
    requestOptions: http.RequestOptions,
    callback?: (error: Error | null, socket: stream.Duplex) => void,
  ): undefined {
    const options = requestOptions as tls.ConnectionOptions & { host?: string; port?: number | string };
    const done = callback ?? (() => undefined);
    const target = `${options.host}:${options.port ?? 443}`;
    const auth = this.proxy.username
      ? `Basic ${Buffer.from(`${decodeURIComponent(this.proxy.username)}:${decodeURIComponent(this.proxy.password)}`).toString('base64')}`
      : undefined;
    const request = (this.proxy.protocol === 'https:' ? https : http).request({
      host: this.proxy.hostname,
      port: this.proxy.port || (this.proxy.protocol === 'https:' ? 443 : 80),
      method: 'CONNECT',
      path: target,
      headers: { host: target, ...(auth ? { 'proxy-authorization': auth } : {}) },
      agent: false,
    });
    request.once('connect', (response, socket) => {
      if (response.statusCode !== 200) {
        socket.destroy();
        done(
          new Error(
            l10n.t(
              'The proxy {0} refused to connect to {1} (HTTP {2}).',
              this.proxy.host,
              target,
              String(response.statusCode),
            ),
          ),
          undefined as never,
        );
        return;
      }
      done(null, tls.connect({ ...options, socket, servername: options.servername ?? options.host }));
    });
    request.once('error', (error) => done(error, undefined as never));
    request.end();
    return undefined;
  }
}

/**
 * The proxy for `host`: VS Code's `http.proxy`, else HTTPS_PROXY; none for loopback hosts and
 * hosts NO_PROXY lists (exact names or domain suffixes, `*` for all).
 */
export function proxyFor(host: string, vscodeProxy: string | undefined, env: NodeJS.ProcessEnv): URL | undefined {
  const configured = vscodeProxy || env.HTTPS_PROXY || env.https_proxy;
  if (!configured || host === 'localhost' || host === '::1' || host.startsWith('127.')) return undefined;
  const noProxy = (env.NO_PROXY ?? env.no_proxy ?? '')
    .split(',')
    .map((entry) =>
      entry
        .trim()
        .toLowerCase()
        .replace(/^\*?\./, ''),
    )
    .filter(Boolean);
  const name = host.toLowerCase();
  if (noProxy.some((entry) => entry === '*' || name === entry || name.endsWith(`.${entry}`))) return undefined;
  try {
    return new URL(configured.includes('://') ? configured : `http://${configured}`);
  } catch {
    throw new Error(l10n.t('The proxy setting "{0}" is not a URL.', configured));
  }
}
