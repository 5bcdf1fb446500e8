import * as assert from 'assert';
import * as http from 'http';
import * as net from 'net';
import { DEFAULT_SIMULATOR_ACCOUNT, PARTNER_SIMULATOR_ACCOUNT } from '../../../src/simulator/accounts';
import { EC2_ACTIONS } from '../../../src/simulator/protocol/registry';
import { serveSimulator, type SimulatorServer } from '../../../src/simulator/server';
import type { Simulator } from '../../../src/simulator/simulator';
import { newSimulator } from './helpers';
import { assertWellFormedXml, ec2ErrorCode } from './xmlCheck';

/**
 * How many requests, and how long any one may take to be answered. The bound includes waiting
 * behind the other requests in flight on a shared, busy machine (the slowest answer is printed,
 * typically well under a second); a stalled simulator took 15 s to minutes on one filter value.
 */
const REQUESTS = 5000;
const SERVICE_REQUESTS = 3000;
const RAW_CONNECTIONS = 600;
const CONCURRENCY = 8;
const MAX_LATENCY_MS = 5000;

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

/**
 * Valid requests (ids filled in from the seed) that the fuzz mutates one or two parameters of, so
 * that mangled values get past the first checks into the models, where they could be stored.
 * Listings carry MaxResults: without it a DescribeImages lists the whole public catalog, which is
 * legitimate but slow enough to crowd out the rest of the run.
 */
const VALID: readonly string[] = [
  'DescribeImages&Owner.1=self&Filter.1.Name=name&Filter.1.Value.1=*&MaxResults=50',
  'DescribeImages&Owner.1=amazon&Filter.1.Name=name&Filter.1.Value.1=al2023-*&MaxResults=5',
  'DescribeImages&ExecutableBy.1=all&Filter.1.Name=tag:Name&Filter.1.Value.1=?*&MaxResults=50',
  'DescribeImages&ImageId.1={image}',
  'DescribeInstances&Filter.1.Name=instance-state-name&Filter.1.Value.1=running',
  'DescribeSnapshots&Owner.1=self&Filter.1.Name=description&Filter.1.Value.1=*',
  'DescribeVolumes&Filter.1.Name=size&Filter.1.Value.1=8',
  'DescribeTags&Filter.1.Name=key&Filter.1.Value.1=*',
  'DescribeRegions&Filter.1.Name=region-name&Filter.1.Value.1=us-*',
  'CreateImage&InstanceId={instance}&Name=fuzz-image-{n}&Description=d&NoReboot=true',
  'CopyImage&SourceImageId={image}&SourceRegion=us-east-1&Name=fuzz-copy-{n}&Description=d',
  'ModifyImageAttribute&ImageId={image}&Description.Value=d',
  'ModifyImageAttribute&ImageId={image}&LaunchPermission.Add.1.UserId=210987654321',
  'DescribeImageAttribute&ImageId={image}&Attribute=launchPermission',
  'CreateTags&ResourceId.1={image}&Tag.1.Key=k&Tag.1.Value=v',
  'CreateTags&ResourceId.1={snapshot}&Tag.1.Key=k&Tag.1.Value=v',
  'DeleteTags&ResourceId.1={image}&Tag.1.Key=k',
  'RegisterImage&Name=fuzz-reg-{n}&RootDeviceName=/dev/xvda&BlockDeviceMapping.1.DeviceName=/dev/xvda&BlockDeviceMapping.1.Ebs.SnapshotId={snapshot}&Architecture=x86_64&VirtualizationType=hvm',
  'RunInstances&ImageId={image}&MinCount=1&MaxCount=1&InstanceType=t3.micro',
  'EnableImageDeprecation&ImageId={image}&DeprecateAt=2027-01-01T00:00:00Z',
  'CreateLaunchTemplate&LaunchTemplateName=fuzz-lt-{n}&LaunchTemplateData.ImageId={image}&VersionDescription=v',
  'DescribeLaunchTemplates&Filter.1.Name=launch-template-name&Filter.1.Value.1=fuzz-*',
];

/** Seed ids the valid requests name. */
interface SeedIds {
  image: string;
  instance: string;
  snapshot: string;
}

/** A valid request with one or two values replaced by mangled ones (or a parameter dropped or added). */
function mutatedValid(r: Random, ids: SeedIds, n: number): string {
  const parts = r
    .pick(VALID)
    .replace('{image}', ids.image)
    .replace('{instance}', ids.instance)
    .replace('{snapshot}', ids.snapshot)
    .replace('{n}', String(n))
    .split('&');
  const params = parts.slice(1).map((p) => p.split('='));
  for (let i = 1 + r.int(2); i > 0 && params.length > 0; i--) {
    const at = r.int(params.length);
    switch (r.int(6)) {
      case 0:
        params.splice(at, 1);
        break;
      case 1:
        params.push([encodeURIComponent(r.pick(PARAMS)), mangledString(r)]);
        break;
      default:
        params[at][1] = r.chance(0.5) ? mangledString(r) : encodeURIComponent(r.pick(WORDS));
    }
  }
  return [`Action=${parts[0]}`, 'Version=2016-11-15', ...params.map((p) => p.join('='))].join('&');
}

function body(r: Random, ids: SeedIds, n: number): string {
  if (r.chance(0.5)) return mutatedValid(r, ids, n);
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
  contentType?: string;
}

function send(
  agent: http.Agent,
  server: SimulatorServer,
  r: Random,
  ids: SeedIds,
  n: number,
): Promise<{ sent: string; answer: Answer }> {
  const text = body(r, ids, n);
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
  // 4xx only: a 5xx would be the simulator failing inside (or a limit of its own), not the request.
  assert.ok(answer.status >= 400 && answer.status < 500, `status ${answer.status} for ${sent}: ${answer.body}`);
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
    '//%3F',
    '/\\\\host%3F',
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
    assert.ok(status >= 200 && status < 500, `not an HTTP answer, or a 5xx: ${context}`);
    const length = Number(/\r\ncontent-length: (\d+)/i.exec(head)?.[1]);
    assert.ok(Number.isInteger(length), `no Content-Length: ${context}`);
    const body = Buffer.from(rest.slice(end + 4), 'utf8')
      .subarray(0, length)
      .toString('utf8');
    if (status !== 200) ec2ErrorCode(body, context);
    rest = rest.slice(end + 4 + body.length);
  }
}

/** The figures of a run, printed under the test's name (the closing note of issue 9 quotes them). */
function report(line: string): void {
  console.log(`      ${line}`);
}

const JSON_KEYS = [
  'Name',
  'Names',
  'Path',
  'Recursive',
  'WithDecryption',
  'MaxResults',
  'NextToken',
  'ParameterFilters',
  'ResourceType',
  'RetentionPeriod',
  'RetentionPeriodValue',
  'RetentionPeriodUnit',
  'Description',
  'ResourceTags',
  'ExcludeResourceTags',
  'ResourceTagKey',
  'ResourceTagValue',
  'Tags',
  'TagKeys',
  'Key',
  'Value',
  'LockConfiguration',
  'LockState',
  '__proto__',
  'constructor',
  '',
];
const JSON_WORDS = [
  ...WORDS,
  'EC2_IMAGE',
  'EBS_SNAPSHOT',
  'DAYS',
  '/aws/service/ami-amazon-linux-latest',
  '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
  '/aws/service/',
  '/',
  'arn:aws:rbin:us-east-1:123456789012:rule/abcdefghijk',
];

/** A JSON value of any type, nested a little, with awkward strings (controls, lone surrogates) and numbers. */
function jsonValue(r: Random, depth = 0): unknown {
  switch (r.int(depth > 2 ? 4 : 7)) {
    case 0:
      return r.pick(JSON_WORDS);
    case 1:
      return decodeURIComponentSafe(mangledString(r));
    case 2:
      return r.pick([0, -1, 1, 365, 3651, 1e21, 0.5, Number.MAX_SAFE_INTEGER, -0]);
    case 3:
      return r.pick([true, false, null]);
    case 4:
    case 5:
      return jsonObject(r, depth + 1);
    default:
      return Array.from({ length: r.int(r.chance(0.05) ? 300 : 5) }, () => jsonValue(r, depth + 1));
  }
}

function jsonObject(r: Random, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const count = r.int(6);
  for (let i = 0; i < count; i++) {
    const key = r.chance(0.1) ? decodeURIComponentSafe(mangledString(r, 10)) : r.pick(JSON_KEYS);
    Object.defineProperty(out, key, {
      value: jsonValue(r, depth),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function jsonBody(r: Random): string {
  const text = JSON.stringify(jsonObject(r));
  switch (r.int(12)) {
    case 0:
      return text.slice(0, r.int(text.length + 1));
    case 1:
      return JSON.stringify(jsonValue(r)) ?? '';
    case 2:
      return mangledString(r, 100);
    default:
      return text;
  }
}

/** Valid SSM bodies per operation, which the fuzz mutates. */
const VALID_SSM: Readonly<Record<string, Record<string, unknown>>> = {
  GetParameter: { Name: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64' },
  GetParameters: { Names: ['/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64', 'nope'] },
  GetParametersByPath: { Path: '/aws/service/ami-amazon-linux-latest', Recursive: true, MaxResults: 10 },
};

/** Valid Recycle Bin requests (method, path, body), which the fuzz mutates. */
const VALID_RBIN: readonly [string, string, Record<string, unknown>][] = [
  [
    'POST',
    '/rules',
    {
      ResourceType: 'EC2_IMAGE',
      RetentionPeriod: { RetentionPeriodValue: 7, RetentionPeriodUnit: 'DAYS' },
      Description: 'd',
      Tags: [{ Key: 'k', Value: 'v' }],
    },
  ],
  [
    'POST',
    '/rules',
    {
      ResourceType: 'EBS_SNAPSHOT',
      RetentionPeriod: { RetentionPeriodValue: 1, RetentionPeriodUnit: 'DAYS' },
      ResourceTags: [{ ResourceTagKey: 'keep', ResourceTagValue: 'yes' }],
    },
  ],
  ['POST', '/list-rules', { ResourceType: 'EC2_IMAGE', MaxResults: 5 }],
  ['POST', '/list-rules', { ResourceType: 'EBS_SNAPSHOT' }],
];

/** A valid JSON body with one or two members replaced, dropped or added. */
function mutatedJson(r: Random, valid: Record<string, unknown>): string {
  const body: Record<string, unknown> = { ...valid };
  for (let i = 1 + r.int(2); i > 0; i--) {
    const keys = Object.keys(body);
    const key = keys.length > 0 && r.chance(0.7) ? r.pick(keys) : r.pick(JSON_KEYS);
    if (r.chance(0.15)) delete body[key];
    else
      Object.defineProperty(body, key, {
        value: jsonValue(r, 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return JSON.stringify(body);
}

const RBIN_PATHS = ['/rules', '/list-rules', '/rules/abcdefghijk', '/tags/', '/rules/', '/', '/rules/a/b'];

/** One request to Auto Scaling (Query), SSM (JSON 1.1) or the Recycle Bin (REST-JSON), mangled. */
function sendToService(
  agent: http.Agent,
  server: SimulatorServer,
  r: Random,
): Promise<{ sent: string; answer: Answer }> {
  const service = r.pick(['autoscaling', 'ssm', 'rbin']);
  const account = r.chance(0.5) ? DEFAULT_SIMULATOR_ACCOUNT : PARTNER_SIMULATOR_ACCOUNT;
  const region = r.chance(0.9) ? 'us-east-1' : r.pick(['xx-nowhere-1', 'eu-west-1']);
  const headers: Record<string, string> = {
    authorization: `AWS4-HMAC-SHA256 Credential=${account.accessKeyId}/20260101/${region}/${service}/aws4_request, SignedHeaders=host, Signature=00`,
  };
  let method = 'POST';
  let target = '/';
  let payload: string;
  if (service === 'autoscaling') {
    headers['content-type'] = 'application/x-www-form-urlencoded; charset=utf-8';
    const action = r.pick(['CreateAutoScalingGroup', 'DescribeAutoScalingGroups', 'DeleteAutoScalingGroup']);
    const parts = [`Action=${r.chance(0.8) ? action : mangledAction(r)}`, 'Version=2011-01-01'];
    if (action !== 'DescribeAutoScalingGroups' && r.chance(0.5))
      parts.push(`AutoScalingGroupName=fuzz-${r.int(20)}`, 'MinSize=0', 'MaxSize=1', 'LaunchTemplate.Version=$Latest');
    const names = [
      'AutoScalingGroupName',
      'AutoScalingGroupNames.member.1',
      'LaunchTemplate.LaunchTemplateId',
      'LaunchTemplate.LaunchTemplateName',
      'LaunchTemplate.Version',
      'MinSize',
      'MaxSize',
      'DesiredCapacity',
      'MaxRecords',
      'NextToken',
      'ForceDelete',
      'Tags.member.1.Key',
      'Tags.member.1.Value',
    ];
    for (let i = r.int(8); i > 0; i--) parts.push(`${encodeURIComponent(r.pick(names))}=${mangledString(r)}`);
    payload = parts.join('&');
  } else if (service === 'ssm') {
    headers['content-type'] = 'application/x-amz-json-1.1';
    const operation = r.pick(['GetParameter', 'GetParameters', 'GetParametersByPath', 'PutParameter', '']);
    headers['x-amz-target'] = r.chance(0.9) ? `AmazonSSM.${operation}` : decodeURIComponentSafe(mangledString(r, 20));
    payload = r.chance(0.5) ? mutatedJson(r, VALID_SSM[operation] ?? {}) : jsonBody(r);
  } else {
    headers['content-type'] = 'application/json';
    if (r.chance(0.5)) {
      const [m, path, body] = r.pick(VALID_RBIN);
      method = m;
      target = path;
      payload = mutatedJson(r, body);
    } else {
      method = r.pick(['GET', 'POST', 'PATCH', 'DELETE', 'PUT']);
      target =
        r.pick(RBIN_PATHS) +
        (r.chance(0.5) ? mangledString(r, 20).replace(/[#?]/g, '') : '') +
        (r.chance(0.2) ? `?${mangledString(r)}` : '');
      payload = jsonBody(r);
    }
  }
  // Header values must be Latin-1 without controls for Node's client to send them.
  for (const [k, v] of Object.entries(headers)) headers[k] = v.replace(/[^\x20-\x7e]/g, '?');
  headers['content-length'] = String(Buffer.byteLength(payload));
  const sent = `${service} ${method} ${target} ${JSON.stringify(headers['x-amz-target'] ?? '')} ${payload.slice(0, 300)}`;
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = http.request(`${server.url}${target}`, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          sent,
          answer: {
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            ms: Date.now() - started,
            contentType: String(res.headers['content-type'] ?? ''),
          },
        }),
      );
    });
    req.on('error', (e) => reject(new Error(`${e.message} for ${sent}`)));
    req.end(payload);
  });
}

/** XML for the Query services, JSON (an error with `__type`) for the JSON ones; never a 500. */
function checkServiceAnswer(sent: string, answer: Answer): void {
  assert.ok(answer.ms < MAX_LATENCY_MS, `${answer.ms} ms for ${sent}`);
  assert.ok(answer.status >= 200 && answer.status < 500, `status ${answer.status} for ${sent}: ${answer.body}`);
  const contentType = answer.contentType ?? '';
  if (contentType.startsWith('text/xml')) {
    if (answer.status === 200) assertWellFormedXml(answer.body, sent);
    else assert.match(assertWellFormedXml(answer.body, sent), /^(ErrorResponse|Response)$/, sent);
    return;
  }
  assert.match(contentType, /^application\/(x-amz-json-1\.1|json)/, `${contentType} for ${sent}`);
  if (answer.body === '') return;
  const parsed = JSON.parse(answer.body) as Record<string, unknown>;
  if (answer.status >= 400) assert.strictEqual(typeof parsed.__type, 'string', `${answer.body} for ${sent}`);
}

describe('simulator fuzz: thousands of mangled requests over loopback', function () {
  this.timeout(60_000);
  let sim: Simulator;
  let server: SimulatorServer;
  let agent: http.Agent;
  const internalErrors: string[] = [];
  let ids: SeedIds;

  before(async () => {
    sim = newSimulator({ onWarning: (m) => internalErrors.push(m) });
    const first = (action: string, pattern: RegExp) => {
      const auth = `AWS4-HMAC-SHA256 Credential=${DEFAULT_SIMULATOR_ACCOUNT.accessKeyId}/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=00`;
      const out = sim.handleSync({ method: 'POST', headers: { authorization: auth }, body: `Action=${action}` });
      return pattern.exec(out.body.toString('utf8'))![1];
    };
    ids = {
      image: first('DescribeImages&Owner.1=self', /<imageId>(ami-[0-9a-f]+)</),
      instance: first(
        'DescribeInstances&Filter.1.Name=instance-state-name&Filter.1.Value.1=running',
        /<instanceId>(i-[0-9a-f]+)</,
      ),
      snapshot: first('DescribeSnapshots&Owner.1=self', /<snapshotId>(snap-[0-9a-f]+)</),
    };
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
    let slowest = 0;
    const worker = async () => {
      while (next < REQUESTS) {
        const { sent, answer } = await send(agent, server, r, ids, next++);
        if (answer.status !== 200) errors++;
        slowest = Math.max(slowest, answer.ms);
        checkAnswer(sent, answer);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    report(`${REQUESTS} EC2/STS requests, ${REQUESTS - errors} answered 200, ${errors} refused, slowest ${slowest} ms`);
    assert.ok(errors > REQUESTS / 2, `most mangled requests are refused (${errors} of ${REQUESTS})`);
    assert.ok(REQUESTS - errors > REQUESTS / 20, `enough get past the checks into the models (${REQUESTS - errors})`);
  });

  it('answers mangled Auto Scaling, SSM and Recycle Bin requests with well-formed XML or JSON in bounded time', async () => {
    const r = new Random(7);
    let next = 0;
    let errors = 0;
    let slowest = 0;
    const worker = async () => {
      while (next < SERVICE_REQUESTS) {
        next++;
        const { sent, answer } = await sendToService(agent, server, r);
        if (answer.status >= 400) errors++;
        slowest = Math.max(slowest, answer.ms);
        checkServiceAnswer(sent, answer);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    report(
      `${SERVICE_REQUESTS} Auto Scaling/SSM/Recycle Bin requests, ${SERVICE_REQUESTS - errors} answered, ${errors} refused, slowest ${slowest} ms`,
    );
    assert.ok(errors > SERVICE_REQUESTS / 2, `most mangled requests are refused (${errors} of ${SERVICE_REQUESTS})`);
  });

  it('stored nothing that breaks a later answer, and no request hit an internal error', async () => {
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
    for (const account of [DEFAULT_SIMULATOR_ACCOUNT, PARTNER_SIMULATOR_ACCOUNT]) {
      const signed = (service: string) =>
        `AWS4-HMAC-SHA256 Credential=${account.accessKeyId}/20260101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=00`;
      const groups = sim.handleSync({
        method: 'POST',
        headers: { authorization: signed('autoscaling') },
        body: 'Action=DescribeAutoScalingGroups&Version=2011-01-01',
      });
      assert.strictEqual(groups.status, 200, groups.body.toString('utf8').slice(0, 300));
      assertWellFormedXml(groups.body.toString('utf8'), 'DescribeAutoScalingGroups');
      const rules = sim.handleSync({
        method: 'POST',
        path: '/list-rules',
        headers: { authorization: signed('rbin') },
        body: '{"ResourceType":"EC2_IMAGE"}',
      });
      assert.strictEqual(rules.status, 200, rules.body.toString('utf8').slice(0, 300));
      JSON.parse(rules.body.toString('utf8'));
    }
    assert.deepStrictEqual(internalErrors, [], 'no request made the simulator fail inside');
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
