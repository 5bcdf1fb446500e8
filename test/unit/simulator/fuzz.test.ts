import * as assert from 'assert';
import * as http from 'http';
import * as net from 'net';
import { DEFAULT_SIMULATOR_ACCOUNT, PARTNER_SIMULATOR_ACCOUNT } from '../../../src/simulator/accounts';
import { EC2_ACTIONS } from '../../../src/simulator/protocol/registry';
import { serveSimulator, type SimulatorServer } from '../../../src/simulator/server';
import type { Simulator } from '../../../src/simulator/simulator';
import { newSimulator } from './helpers';
import { assertWellFormedXml, ec2ErrorCode } from './xmlCheck';

/** How many requests, and how long any one may take to be answered (queueing included). */
const REQUESTS = 2000;
const RAW_CONNECTIONS = 300;
const CONCURRENCY = 8;
const MAX_LATENCY_MS = 2000;

/** A small deterministic generator: a failing run can be replayed from its seed. */
class Random {
  constructor(private state: number) {}
  int(n: number): number {
    this.state = (Math.imul(this.state, 1103515245) + 12345) & 0x7fffffff;
    return this.state % n;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  chance(p: number): boolean {
    return this.int(1000) < p * 1000;
  }
}

const ACTIONS = Object.keys(EC2_ACTIONS);
const PARAMS = [
  'ImageId.1',
  'ImageId.2',
  'Owner.1',
  'ExecutableBy.1',
  'Filter.1.Name',
  'Filter.1.Value.1',
  'Filter.1.Value.2',
  'Filter.2.Name',
  'Filter.2.Value.1',
  'MaxResults',
  'NextToken',
  'DryRun',
  'IncludeDeprecated',
  'Name',
  'Description',
  'Description.Value',
  'Attribute',
  'Value',
  'SourceImageId',
  'SourceRegion',
  'InstanceId',
  'InstanceId.1',
  'ResourceId.1',
  'Tag.1.Key',
  'Tag.1.Value',
  'LaunchPermission.Add.1.UserId',
  'LaunchPermission.Add.1.Group',
  'LaunchPermission.Remove.1.UserId',
  'OperationType',
  'UserId.1',
  'SnapshotId',
  'SnapshotId.1',
  'BlockDeviceMapping.1.DeviceName',
  'BlockDeviceMapping.1.Ebs.VolumeSize',
  'TagSpecification.1.ResourceType',
  'TagSpecification.1.Tag.1.Key',
  'TagSpecification.1.Tag.1.Value',
  'DeprecateAt',
  'RegionName.1',
  'ImdsSupport.Value',
  'Filter.0.Name',
  'Filter.-1.Value.1',
  'Filter.99999999999999999999.Name',
  'ImageId.x',
  'Tag..Key',
  '',
];
const WORDS = [
  '',
  'ami-',
  'ami-0123456789abcdef0',
  'i-0123456789abcdef0',
  'snap-0123456789abcdef0',
  'self',
  'amazon',
  'all',
  'name',
  'tag:Name',
  'description',
  'state',
  'true',
  'FALSE',
  '-1',
  '0',
  '1000',
  '99999999999999999999',
  'us-east-1',
  'eu-west-1',
  'xx-nowhere-9',
  'launchPermission',
  'description',
  '123456789012',
  '210987654321',
  '*',
  '?',
  '\\',
  '*?*?*?*?*?*~',
  '*a*a*a*a*a*a*a*a*a*a*a*a*b',
  '\\*\\?',
  'ubuntu*',
  '/dev/sda1',
  'v2.0',
  'add',
  'remove',
];
/** Percent-encoded pieces that decode to awkward characters (controls, non-characters, bad UTF-8, surrogates). */
const NASTY = [
  '%00',
  '%01',
  '%1B%5B31m',
  '%7F',
  '%C2%80',
  '%EF%BF%BE',
  '%EF%BF%BF',
  '%ED%A0%80',
  '%F0%9F%92%A9',
  '%FF',
  '%C3',
  '%',
  '%G1',
  '%%',
  '&',
  '=',
  '+',
  '%26',
  '%3D',
  '%3C%2F',
  '%3C!--',
  ']]%3E',
  '%E2%80%AE',
  '\t',
  '%0A',
  '%0D',
];

function mangledString(r: Random, maxLength = 40): string {
  let out = '';
  const parts = 1 + r.int(4);
  for (let i = 0; i < parts; i++) {
    const kind = r.int(4);
    if (kind === 0) out += encodeURIComponent(r.pick(WORDS));
    else if (kind === 1) out += r.pick(NASTY);
    else if (kind === 2)
      out += encodeURIComponent(String.fromCharCode(...Array.from({ length: r.int(maxLength) }, () => r.int(0x2fff))));
    else out += r.pick(['*', '?', '\\', '%2A', '%3F']).repeat(r.int(20));
  }
  if (r.chance(0.02)) out += encodeURIComponent('x'.repeat(300 + r.int(2000)));
  return out;
}

function mangledAction(r: Random): string {
  const action = r.pick(ACTIONS);
  switch (r.int(8)) {
    case 0:
      return action.toLowerCase();
    case 1:
      return action.slice(0, r.int(action.length));
    case 2:
      return action + r.pick(NASTY);
    case 3:
      return mangledString(r);
    case 4:
      return '__proto__';
    default:
      return action;
  }
}

function body(r: Random): string {
  if (r.chance(0.05)) return mangledString(r, 200);
  const parts = [`Action=${mangledAction(r)}`, 'Version=2016-11-15'];
  const count = r.int(8);
  for (let i = 0; i < count; i++) {
    const name = r.chance(0.1) ? mangledString(r, 10) : encodeURIComponent(r.pick(PARAMS));
    parts.push(`${name}=${r.chance(0.5) ? encodeURIComponent(r.pick(WORDS)) : mangledString(r)}`);
  }
  if (r.chance(0.05)) for (let i = 1; i <= 250; i++) parts.push(`Filter.1.Value.${i}=v${i}`);
  // Shuffle a little: parameter order must not matter, and `Action` need not come first.
  if (r.chance(0.3)) parts.reverse();
  return parts.join(r.chance(0.05) ? '&&' : '&');
}

function authorization(r: Random): string | undefined {
  const account = r.chance(0.5) ? DEFAULT_SIMULATOR_ACCOUNT : PARTNER_SIMULATOR_ACCOUNT;
  const region = r.chance(0.9) ? 'us-east-1' : r.pick(['eu-west-1', 'xx-nowhere-1', 'US-EAST-1']);
  const service = r.chance(0.95) ? 'ec2' : r.pick(['sts', 's3']);
  const good = `AWS4-HMAC-SHA256 Credential=${account.accessKeyId}/20260101/${region}/${service}/aws4_request, SignedHeaders=host, Signature=0a1b`;
  switch (r.int(20)) {
    case 0:
      return undefined;
    case 1:
      return 'AWS4-HMAC-SHA256 Credential=garbage';
    case 2:
      return good.replace('Credential=', `Credential=${r.pick(['x', 'é', '\t'])}`);
    default:
      return good;
  }
}

interface Answer {
  status: number;
  body: string;
  ms: number;
}

function send(agent: http.Agent, server: SimulatorServer, r: Random): Promise<{ sent: string; answer: Answer }> {
  const text = body(r);
  const auth = authorization(r);
  const get = r.chance(0.15);
  const headers: Record<string, string> = {};
  if (auth) headers.authorization = auth;
  if (!get) {
    headers['content-type'] = r.pick([
      'application/x-www-form-urlencoded; charset=utf-8',
      'application/x-www-form-urlencoded; charset=latin1',
      'text/plain',
      'application/json',
    ]);
  }
  const payload = get ? '' : r.chance(0.03) ? Buffer.from(Array.from({ length: r.int(300) }, () => r.int(256))) : text;
  headers['content-length'] = String(Buffer.byteLength(payload));
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${server.url}${get ? `/?${text}` : '/'}`,
      { method: get ? 'GET' : 'POST', headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            sent: `${get ? 'GET' : 'POST'} ${text} [${auth ?? 'unsigned'}]`,
            answer: {
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
              ms: Date.now() - started,
            },
          }),
        );
      },
    );
    req.on('error', (e) => reject(new Error(`${e.message} for ${text}`)));
    req.end(payload);
  });
}

function checkAnswer(sent: string, answer: Answer): void {
  assert.ok(answer.ms < MAX_LATENCY_MS, `${answer.ms} ms for ${sent}`);
  if (answer.status === 200) {
    assert.match(assertWellFormedXml(answer.body, sent), /Response$/, sent);
    return;
  }
  assert.ok(answer.status >= 400 && answer.status < 600, `status ${answer.status} for ${sent}`);
  if (answer.body.startsWith('<ErrorResponse'))
    assertWellFormedXml(answer.body, sent); // STS's error document
  else ec2ErrorCode(answer.body, sent);
}

/** Raw bytes on a socket, half-closed: whatever comes back must be an HTTP answer with an EC2 document. */
function rawExchange(server: SimulatorServer, bytes: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1', () => socket.end(bytes));
    const chunks: Buffer[] = [];
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', (e: NodeJS.ErrnoException) =>
      e.code === 'ECONNRESET' || e.code === 'EPIPE' ? resolve(Buffer.concat(chunks).toString('utf8')) : reject(e),
    );
    socket.setTimeout(MAX_LATENCY_MS, () =>
      socket.destroy(new Error(`no answer to ${JSON.stringify(bytes.toString('latin1').slice(0, 200))}`)),
    );
  });
}

function rawRequest(r: Random, port: number): Buffer {
  const method = r.pick(['GET', 'POST', 'PUT', 'DELETE', 'G\u0000T', 'POST /', '']);
  const target = r.pick([
    '/',
    '/?Action=DescribeRegions',
    '*',
    'http://evil.example/',
    '/%00',
    '/' + 'a'.repeat(r.int(100)),
  ]);
  const version = r.pick(['HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/1.1 extra', '']);
  const lines = [`${method} ${target} ${version}`];
  if (r.chance(0.8)) lines.push(`Host: ${r.pick(['127.0.0.1', 'localhost', 'evil.example'])}:${port}`);
  if (r.chance(0.5)) lines.push(`Content-Length: ${r.pick(['10', '-1', 'abc', '99999999999999999999', '0', '5, 6'])}`);
  if (r.chance(0.3)) lines.push(`Transfer-Encoding: ${r.pick(['chunked', 'gzip', 'chunked, chunked'])}`);
  if (r.chance(0.2)) lines.push(`X-Big: ${'a'.repeat(r.int(40_000))}`);
  if (r.chance(0.2)) lines.push(r.pick(['Bad Header', ': empty name', 'X-Ctl: \u0001', 'X-Fold:\r\n folded']));
  if (r.chance(0.2)) lines.push(`Origin: https://evil.example`);
  const head = lines.join(r.chance(0.9) ? '\r\n' : '\n') + '\r\n\r\n';
  const tail = r.chance(0.5)
    ? Buffer.from(Array.from({ length: r.int(64) }, () => r.int(256)))
    : Buffer.from(r.pick(['zz\r\n', '5\r\nabc', 'Action=DescribeRegions', '0\r\n\r\n']));
  return Buffer.concat([Buffer.from(r.chance(0.05) ? '\u0000\u00ff garbage' : head, 'latin1'), tail]);
}

/**
 * Every HTTP response on a connection (a pipelined second request may follow the first): each
 * has a Content-Length, and each error carries an EC2 error document.
 */
function checkRawReplies(reply: string, shown: string): void {
  let rest = reply;
  assert.ok(rest.length > 0, `no answer to ${shown}`);
  while (rest.length > 0) {
    const context = `${shown} -> ${JSON.stringify(reply.slice(0, 400))}`;
    const end = rest.indexOf('\r\n\r\n');
    assert.ok(end > 0, `no complete head: ${context}`);
    const head = rest.slice(0, end);
    const status = Number(/^HTTP\/1\.1 (\d{3}) /.exec(head)?.[1]);
    assert.ok(status >= 200 && status < 600, `not an HTTP answer: ${context}`);
    const length = Number(/\r\ncontent-length: (\d+)/i.exec(head)?.[1]);
    assert.ok(Number.isInteger(length), `no Content-Length: ${context}`);
    const body = Buffer.from(rest.slice(end + 4), 'utf8')
      .subarray(0, length)
      .toString('utf8');
    if (status !== 200) ec2ErrorCode(body, context);
    rest = rest.slice(end + 4 + body.length);
  }
}

describe('simulator fuzz: thousands of mangled requests over loopback', function () {
  this.timeout(60_000);
  let sim: Simulator;
  let server: SimulatorServer;
  let agent: http.Agent;

  before(async () => {
    sim = newSimulator();
    server = await serveSimulator(sim, 0);
    agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  });

  after(async () => {
    agent.destroy();
    await server.close();
  });

  it('answers every mangled action, parameter, wildcard, body and encoding with well-formed XML in bounded time', async () => {
    const r = new Random(20261130);
    let next = 0;
    let errors = 0;
    const worker = async () => {
      while (next < REQUESTS) {
        next++;
        const { sent, answer } = await send(agent, server, r);
        if (answer.status !== 200) errors++;
        checkAnswer(sent, answer);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    assert.ok(errors > REQUESTS / 2, `most mangled requests are refused (${errors} of ${REQUESTS})`);
  });

  it('stored nothing that breaks a later answer', async () => {
    const r = new Random(1);
    for (const action of [
      'DescribeImages&Owner.1=self',
      'DescribeImages&ExecutableBy.1=self',
      'DescribeTags',
      'DescribeSnapshots&Owner.1=self',
      'DescribeInstances',
      'DescribeVolumes',
    ]) {
      for (const account of [DEFAULT_SIMULATOR_ACCOUNT, PARTNER_SIMULATOR_ACCOUNT]) {
        const auth = `AWS4-HMAC-SHA256 Credential=${account.accessKeyId}/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=00`;
        const answer = sim.handleSync({ method: 'POST', headers: { authorization: auth }, body: `Action=${action}` });
        assert.strictEqual(answer.status, 200, `${action}: ${answer.body.toString('utf8').slice(0, 300)}`);
        assertWellFormedXml(answer.body.toString('utf8'), action);
      }
    }
    void r;
  });

  it('answers mangled HTTP on raw sockets with an EC2 error document, and keeps serving', async () => {
    const r = new Random(424242);
    let next = 0;
    const worker = async () => {
      while (next < RAW_CONNECTIONS) {
        next++;
        const bytes = rawRequest(r, server.port);
        const started = Date.now();
        const reply = await rawExchange(server, bytes);
        const shown = JSON.stringify(bytes.toString('latin1').slice(0, 160));
        assert.ok(Date.now() - started < MAX_LATENCY_MS, shown);
        checkRawReplies(reply, shown);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const auth = `AWS4-HMAC-SHA256 Credential=${DEFAULT_SIMULATOR_ACCOUNT.accessKeyId}/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=00`;
    const { answer } = await new Promise<{ answer: Answer }>((resolve, reject) => {
      const started = Date.now();
      const req = http.request(
        `${server.url}/`,
        {
          method: 'POST',
          headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' },
          agent: false,
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () =>
            resolve({ answer: { status: res.statusCode ?? 0, body: text, ms: Date.now() - started } }),
          );
        },
      );
      req.on('error', reject);
      req.end('Action=DescribeRegions');
    });
    assert.strictEqual(answer.status, 200, answer.body);
  });
});
