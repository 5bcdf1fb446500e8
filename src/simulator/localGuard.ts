import { errors, type Ec2Error } from './errors';

/**
 * Why a request to the local HTTP endpoint is refused before the simulator sees it, or
 * undefined when it may pass. A web page the user visits can make the browser send "simple"
 * requests (a form post, a GET, an `<img>`) to `http://127.0.0.1:PORT`, and a DNS-rebinding
 * page can even read the answers. Browsers always mark such requests (`Origin`, `Sec-Fetch-Site`)
 * or name their own site in `Host`; the AWS CLI and the SDKs do neither. The simulator's own
 * rules (EC2 has no such endpoint).
 */
export function refuseBrowserRequest(headers: Record<string, string | undefined>, port: number): Ec2Error | undefined {
  const origin = headers['origin'];
  if (origin !== undefined) {
    return errors.localEndpointRefused(
      `The simulator does not accept requests from web pages (this one came from origin ${origin}).`,
    );
  }
  const site = headers['sec-fetch-site'];
  // `none` is a user typing the URL; any other value is a page sending the request (a page on
  // another port of localhost is `same-site`).
  if (site !== undefined && site !== 'none') {
    return errors.localEndpointRefused(
      `The simulator does not accept requests from web pages (Sec-Fetch-Site: ${site}).`,
    );
  }
  const host = headers['host'];
  if (host !== undefined && !isLoopbackHost(host, port)) {
    return errors.localEndpointRefused(
      `The simulator answers only requests addressed to localhost, 127.0.0.1 or [::1] on port ${port}, not to ${host}.`,
    );
  }
  return undefined;
}

/** `localhost`, `127.x.x.x` or `[::1]`, with the server's port (optional only on port 80). */
export function isLoopbackHost(host: string, port: number): boolean {
  const match = /^(\[::1\]|[^:[\]]+)(?::(\d+))?$/.exec(host.trim().toLowerCase());
  if (!match) return false;
  const [, name, portText] = match;
  if (portText === undefined ? port !== 80 : Number(portText) !== port) return false;
  if (name === 'localhost' || name === '[::1]') return true;
  const octets = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(name);
  return octets !== null && octets.slice(1).every((o) => Number(o) <= 255);
}
