import * as assert from 'assert';
import * as http from 'http';
import * as net from 'net';
import { DEFAULT_SIMULATOR_ACCOUNT } from '../../../src/simulator/accounts';
import { isLoopbackHost } from '../../../src/simulator/localGuard';
import { serveSimulator, type SimulatorServer } from '../../../src/simulator/server';
import type { Simulator } from '../../../src/simulator/simulator';
import { newSimulator } from './helpers';
import { ec2ErrorCode } from './xmlCheck';

const AUTH = `AWS4-HMAC-SHA256 Credential=${DEFAULT_SIMULATOR_ACCOUNT.accessKeyId}/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=00ff`;
const FORM = 'application/x-www-form-urlencoded';
/** A request that changes state: tags the first seed image it names. */
const TAG_BODY = (imageId: string) =>
  `Action=CreateTags&Version=2016-11-15&ResourceId.1=${imageId}&Tag.1.Key=owned&Tag.1.Value=by-a-web-page`;

interface Reply {
  status: number;
  body: string;
}

function request(server: SimulatorServer, headers: Record<string, string>, body = '', path = '/'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${server.url}${path}`,
      {
        method: body ? 'POST' : 'GET',
        headers: { 'content-length': String(Buffer.byteLength(body)), ...headers },
        agent: false,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Bytes written on a raw socket (half-closed when `end`), and everything the server sent back. */
function rawExchange(server: SimulatorServer, bytes: string, end: boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1', () => (end ? socket.end(bytes) : socket.write(bytes)));
    let reply = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (reply += d));
    socket.on('close', () => resolve(reply));
    socket.on('error', reject);
    socket.setTimeout(5000, () => socket.destroy(new Error(`no answer; got ${JSON.stringify(reply)}`)));
  });
}

function splitResponse(raw: string): { status: number; body: string } {
  const [head, ...rest] = raw.split('\r\n\r\n');
  return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]), body: rest.join('\r\n\r\n') };
}

describe('the local HTTP endpoint refuses what a web page can send', () => {
  let sim: Simulator;
  let server: SimulatorServer;
  let imageId: string;
  let host: string;

  before(async () => {
    sim = newSimulator();
    server = await serveSimulator(sim, 0);
    host = `127.0.0.1:${server.port}`;
    const list = await request(
      server,
      { authorization: AUTH, 'content-type': FORM },
      'Action=DescribeImages&Owner.1=self',
    );
    imageId = /<imageId>(ami-[0-9a-f]+)<\/imageId>/.exec(list.body)![1];
  });

  after(() => server.close());

  async function tagsOfImage(): Promise<string> {
    const out = await request(
      server,
      { authorization: AUTH, 'content-type': FORM },
      `Action=DescribeImages&ImageId.1=${imageId}`,
    );
    return out.body;
  }

  it('takes no credentials from X-Amz-Credential in the query or the body', async () => {
    const credential = encodeURIComponent(
      `${DEFAULT_SIMULATOR_ACCOUNT.accessKeyId}/20260101/us-east-1/ec2/aws4_request`,
    );
    const presigned = `X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${credential}&X-Amz-Signature=00ff`;
    const form = await request(server, { 'content-type': FORM }, `${TAG_BODY(imageId)}&${presigned}`);
    assert.strictEqual(form.status, 401);
    assert.strictEqual(ec2ErrorCode(form.body), 'AuthFailure');
    const get = await request(server, {}, '', `/?${TAG_BODY(imageId)}&${presigned}`);
    assert.strictEqual(get.status, 401);
    assert.strictEqual(ec2ErrorCode(get.body), 'AuthFailure');
    assert.doesNotMatch(await tagsOfImage(), /by-a-web-page/);
  });

  it('refuses a request with an Origin header or Sec-Fetch-Site, even signed', async () => {
    const cases: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: `http://${host}` },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of cases) {
      const res = await request(server, { authorization: AUTH, 'content-type': FORM, ...headers }, TAG_BODY(imageId));
      assert.strictEqual(res.status, 403, JSON.stringify(headers));
      assert.strictEqual(ec2ErrorCode(res.body), 'UnauthorizedOperation', JSON.stringify(headers));
    }
    assert.doesNotMatch(await tagsOfImage(), /by-a-web-page/);
  });

  it('refuses a Host that is not a loopback name with this port (DNS rebinding)', async () => {
    for (const name of ['evil.example', 'localhost.evil.example', '127.0.0.1.nip.io', '10.0.0.1', 'localhost:1']) {
      const value = name.includes(':') ? name : `${name}:${server.port}`;
      const res = await request(server, { host: value, authorization: AUTH, 'content-type': FORM }, TAG_BODY(imageId));
      assert.strictEqual(res.status, 403, value);
      assert.strictEqual(ec2ErrorCode(res.body), 'UnauthorizedOperation', value);
    }
    assert.doesNotMatch(await tagsOfImage(), /by-a-web-page/);
    for (const name of ['localhost', '127.0.0.1', '127.0.0.2', '[::1]', 'LOCALHOST']) {
      const res = await request(
        server,
        { host: `${name}:${server.port}`, authorization: AUTH, 'content-type': FORM },
        'Action=DescribeRegions',
      );
      assert.strictEqual(res.status, 200, `${name}: ${res.body}`);
    }
  });

  it('knows loopback hosts by name, address and port', () => {
    assert.ok(isLoopbackHost('localhost:4599', 4599));
    assert.ok(isLoopbackHost('127.255.0.1:4599', 4599));
    assert.ok(isLoopbackHost('[::1]:4599', 4599));
    assert.ok(isLoopbackHost('localhost', 80));
    assert.ok(!isLoopbackHost('localhost', 4599));
    assert.ok(!isLoopbackHost('localhost:4598', 4599));
    assert.ok(!isLoopbackHost('127.0.0.256:4599', 4599));
    assert.ok(!isLoopbackHost('[::2]:4599', 4599));
    assert.ok(!isLoopbackHost('localhost.:4599', 4599));
    assert.ok(!isLoopbackHost('user@localhost:4599', 4599));
  });

  describe('requests Node’s HTTP parser rejects get an EC2 error document', () => {
    it('a body shorter than its Content-Length: 400', async () => {
      const raw = await rawExchange(
        server,
        `POST / HTTP/1.1\r\nHost: ${host}\r\nAuthorization: ${AUTH}\r\nContent-Type: ${FORM}\r\nContent-Length: 100\r\n\r\nAction=DescribeRegions`,
        true,
      );
      const res = splitResponse(raw);
      assert.strictEqual(res.status, 400, raw);
      ec2ErrorCode(res.body);
    });

    it('a client that stalls mid-body: 408 once the request timeout passes', async () => {
      const quick = await serveSimulator(sim, 0, { requestMs: 1000 });
      try {
        const started = Date.now();
        const raw = await rawExchange(
          quick,
          `POST / HTTP/1.1\r\nHost: 127.0.0.1:${quick.port}\r\nAuthorization: ${AUTH}\r\nContent-Length: 100\r\n\r\nAction=`,
          false,
        );
        const res = splitResponse(raw);
        assert.strictEqual(res.status, 408, raw);
        assert.strictEqual(ec2ErrorCode(res.body), 'RequestTimeout');
        assert.ok(Date.now() - started < 4000, `answered after ${Date.now() - started} ms`);
      } finally {
        await quick.close();
      }
    });

    it('headers too large: 431', async () => {
      const raw = await rawExchange(
        server,
        `GET / HTTP/1.1\r\nHost: ${host}\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
        false,
      );
      const res = splitResponse(raw);
      assert.strictEqual(res.status, 431, raw.slice(0, 200));
      ec2ErrorCode(res.body);
    });

    it('bytes that are not HTTP: 400', async () => {
      for (const bytes of [
        '\u0000\u0001\u0002 garbage\r\n\r\n',
        'GET / HTTP/1.1\r\nBad Header\r\n\r\n',
        'POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
      ]) {
        const res = splitResponse(await rawExchange(server, bytes, false));
        assert.strictEqual(res.status, 400, JSON.stringify(bytes));
        ec2ErrorCode(res.body, JSON.stringify(bytes));
      }
    });

    it('a target no URL can hold (`//%3F`, read as a host name): 400, not an internal error', async () => {
      const raw = await rawExchange(
        server,
        `POST //%3F HTTP/1.1\r\nHost: ${host}\r\nAuthorization: ${AUTH}\r\nContent-Length: 0\r\n\r\n`,
        false,
      );
      const res = splitResponse(raw);
      assert.strictEqual(res.status, 400, raw.slice(0, 300));
      assert.strictEqual(ec2ErrorCode(res.body), 'MalformedHTTPRequest');
    });
  });
});
