import * as assert from 'assert';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import {
  CreateTagsCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeRegionsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import {
  DEFAULT_SIMULATOR_ACCOUNT,
  PARTNER_SIMULATOR_ACCOUNT,
  type SimulatorAccount,
} from '../../../src/simulator/accounts';
import { SIMULATOR_REGIONS } from '../../../src/simulator/regions';
import { MAX_BODY_BYTES, serveSimulator, type SimulatorServer } from '../../../src/simulator/server';
import type { Simulator } from '../../../src/simulator/simulator';
import { expectEc2Error, newSimulator } from './helpers';

/** A fake but well-formed SigV4 Authorization header: the simulator reads the scope, not the signature. */
function authorization(
  account: SimulatorAccount = DEFAULT_SIMULATOR_ACCOUNT,
  region = 'us-east-1',
  service = 'ec2',
): string {
  return `AWS4-HMAC-SHA256 Credential=${account.accessKeyId}/20260101/${region}/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123456789abcdef`;
}

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One HTTP request outside the SDK, to send what no SDK would. */
function rawRequest(
  url: string,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers = { ...options.headers };
    // Node frames bodies of DELETE/OPTIONS only with an explicit length.
    if (options.body !== undefined) headers['content-length'] = String(Buffer.byteLength(options.body));
    const req = http.request(
      `${url}${options.path ?? '/'}`,
      { method: options.method ?? 'POST', headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error('the simulator did not answer within 10 s')));
    req.end(options.body);
  });
}

/** The `<Code>` of an EC2 error document, or undefined when the body is not one. */
function errorCode(body: string): string | undefined {
  if (!body.includes('<Response><Errors><Error>')) return undefined;
  return /<Code>([^<]*)<\/Code>/.exec(body)?.[1];
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };

describe('simulator over HTTP', () => {
  let sim: Simulator;
  let server: SimulatorServer;
  const clients: { destroy(): void }[] = [];

  function ec2Http(region = 'us-east-1', account: SimulatorAccount = DEFAULT_SIMULATOR_ACCOUNT): EC2Client {
    const client = new EC2Client({
      region,
      endpoint: server.url,
      credentials: { accessKeyId: account.accessKeyId, secretAccessKey: account.secretAccessKey },
      maxAttempts: 1,
    });
    clients.push(client);
    return client;
  }

  function stsHttp(account: SimulatorAccount): STSClient {
    const client = new STSClient({
      region: 'us-east-1',
      endpoint: server.url,
      credentials: { accessKeyId: account.accessKeyId, secretAccessKey: account.secretAccessKey },
      maxAttempts: 1,
    });
    clients.push(client);
    return client;
  }

  /** The server still answers a normal signed request (used after every abuse). */
  async function assertStillServing(): Promise<void> {
    const out = await ec2Http().send(new DescribeRegionsCommand({}));
    assert.ok((out.Regions ?? []).length >= 9, 'DescribeRegions answers after the bad request');
  }

  before(async () => {
    sim = newSimulator();
    server = await serveSimulator(sim, 0);
  });

  after(async () => {
    for (const c of clients) c.destroy();
    await server.close();
  });

  describe('binding', () => {
    it('listens on 127.0.0.1 only and reports that address', () => {
      assert.strictEqual(server.address, '127.0.0.1');
      assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.ok(server.port > 0);
      assert.strictEqual(server.url, `http://127.0.0.1:${server.port}`);
    });

    it("cannot be reached on the machine's other addresses", async () => {
      // 127.0.0.2 is on the loopback interface too but is not 127.0.0.1: a server bound to
      // every address would answer there. The machine's first external IPv4 address, if any, as well.
      const external = Object.values(os.networkInterfaces())
        .flat()
        .find((i) => i && i.family === 'IPv4' && !i.internal);
      for (const host of ['127.0.0.2', ...(external ? [external.address] : [])]) {
        const result = await new Promise<string>((resolve) => {
          const socket = net.connect({ host, port: server.port });
          socket.setTimeout(3000, () => (socket.destroy(), resolve('timeout')));
          socket.on('connect', () => (socket.destroy(), resolve('connected')));
          socket.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
        });
        assert.notStrictEqual(result, 'connected', `the simulator must not answer on ${host}`);
      }
    });

    it('refuses a port that is already taken', async () => {
      await assert.rejects(serveSimulator(sim, server.port), (e: NodeJS.ErrnoException) => e.code === 'EADDRINUSE');
    });
  });

  describe('through the real SDK', () => {
    it('answers DescribeRegions with every simulated region', async () => {
      const out = await ec2Http().send(new DescribeRegionsCommand({}));
      const names = (out.Regions ?? []).map((r) => r.RegionName).sort();
      for (const r of SIMULATOR_REGIONS) {
        assert.ok(names.includes(r), `${r} in ${names.join(',')}`);
      }
      assert.strictEqual(out.$metadata.httpStatusCode, 200);
    });

    it('maps each access key to its account through STS GetCallerIdentity', async () => {
      const dev = await stsHttp(DEFAULT_SIMULATOR_ACCOUNT).send(new GetCallerIdentityCommand({}));
      assert.strictEqual(dev.Account, '123456789012');
      const partner = await stsHttp(PARTNER_SIMULATOR_ACCOUNT).send(new GetCallerIdentityCommand({}));
      assert.strictEqual(partner.Account, '210987654321');
      const stranger = await stsHttp({ ...DEFAULT_SIMULATOR_ACCOUNT, accessKeyId: 'AKIASOMEONEELSE00000' }).send(
        new GetCallerIdentityCommand({}),
      );
      assert.strictEqual(stranger.Account, '123456789012', 'unknown access keys are the default account');
    });

    it('lists Amazon images with a filter, same as in process', async () => {
      const out = await ec2Http().send(
        new DescribeImagesCommand({ Owners: ['amazon'], Filters: [{ Name: 'architecture', Values: ['arm64'] }] }),
      );
      const images = out.Images ?? [];
      assert.ok(images.length > 0, 'the seed has arm64 Amazon images');
      for (const image of images) {
        assert.strictEqual(image.Architecture, 'arm64');
        assert.strictEqual(image.ImageOwnerAlias, 'amazon');
        assert.match(image.ImageId ?? '', /^ami-[0-9a-f]{17}$/);
      }
    });

    it('changes state over HTTP: tags created are seen by the next request', async () => {
      const client = ec2Http();
      const instances = await client.send(new DescribeInstancesCommand({}));
      const instanceId = instances.Reservations?.[0]?.Instances?.[0]?.InstanceId;
      assert.ok(instanceId, 'the seed has instances of the caller');
      await client.send(new CreateTagsCommand({ Resources: [instanceId], Tags: [{ Key: 'via', Value: 'http' }] }));
      const again = await client.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }));
      const tags = again.Reservations?.[0]?.Instances?.[0]?.Tags ?? [];
      assert.ok(
        tags.some((t) => t.Key === 'via' && t.Value === 'http'),
        JSON.stringify(tags),
      );
    });

    it('returns EC2 errors with their code and HTTP status', async () => {
      const client = ec2Http();
      await expectEc2Error(
        client.send(new DescribeImagesCommand({ ImageIds: ['ami-nothex'] })),
        'InvalidAMIID.Malformed',
        400,
      );
      await expectEc2Error(
        client.send(new DescribeImagesCommand({ ImageIds: ['ami-0123456789abcdef0'] })),
        'InvalidAMIID.NotFound',
        400,
      );
      await expectEc2Error(ec2Http('mars-east-1').send(new DescribeRegionsCommand({})), 'AuthFailure', 401);
      await expectEc2Error(client.send(new DescribeRegionsCommand({ DryRun: true })), 'DryRunOperation', 412);
    });

    it('answers many concurrent requests, each with its own result', async () => {
      const client = ec2Http();
      const amazon = await client.send(new DescribeImagesCommand({ Owners: ['amazon'] }));
      const ids = (amazon.Images ?? []).slice(0, 20).map((i) => i.ImageId!);
      assert.ok(ids.length >= 5, 'enough Amazon images to ask for');
      const partnerSts = stsHttp(PARTNER_SIMULATOR_ACCOUNT);
      const results = await Promise.all([
        ...ids.map((id) =>
          client.send(new DescribeImagesCommand({ ImageIds: [id] })).then((o) => o.Images?.[0]?.ImageId),
        ),
        ...ids.map(() => partnerSts.send(new GetCallerIdentityCommand({})).then((o) => o.Account)),
        ...ids.map((id) =>
          client
            .send(new DescribeImagesCommand({ ImageIds: [id.replace('ami-', 'ami-x')] }))
            .catch((e: Error) => e.name),
        ),
      ]);
      assert.deepStrictEqual(results, [
        ...ids,
        ...ids.map(() => '210987654321'),
        ...ids.map(() => 'InvalidAMIID.Malformed'),
      ]);
    });
  });

  describe('requests no SDK would send', () => {
    it('answers a signed GET with the parameters in the query string', async () => {
      const res = await rawRequest(server.url, {
        method: 'GET',
        path: '/?Action=DescribeRegions&Version=2016-11-15&RegionName.1=eu-west-1',
        headers: { authorization: authorization() },
      });
      assert.strictEqual(res.status, 200, res.body);
      assert.match(res.body, /<DescribeRegionsResponse xmlns="http:\/\/ec2\.amazonaws\.com\/doc\/2016-11-15\/">/);
      assert.match(res.body, /<regionName>eu-west-1<\/regionName>/);
      assert.doesNotMatch(res.body, /us-east-1/);
    });

    it('refuses an unsigned request with AuthFailure (GET or POST)', async () => {
      const get = await rawRequest(server.url, { method: 'GET', path: '/?Action=DescribeRegions&Version=2016-11-15' });
      assert.strictEqual(get.status, 401);
      assert.strictEqual(errorCode(get.body), 'AuthFailure');
      const post = await rawRequest(server.url, {
        headers: FORM,
        body: 'Action=DescribeImages&Version=2016-11-15&Owner.1=amazon',
      });
      assert.strictEqual(post.status, 401);
      assert.strictEqual(errorCode(post.body), 'AuthFailure');
      assert.match(post.headers['content-type'] ?? '', /xml/);
    });

    it('refuses a malformed Authorization header with AuthFailure', async () => {
      for (const header of ['Bearer abc', 'AWS4-HMAC-SHA256 nonsense', 'AWS AKIA:sig']) {
        const res = await rawRequest(server.url, {
          headers: { ...FORM, authorization: header },
          body: 'Action=DescribeRegions',
        });
        assert.strictEqual(res.status, 401, header);
        assert.strictEqual(errorCode(res.body), 'AuthFailure', header);
      }
    });

    it('answers an unknown action with InvalidAction and a missing one with an EC2 error', async () => {
      const unknown = await rawRequest(server.url, {
        headers: { ...FORM, authorization: authorization() },
        body: 'Action=LaunchRocket&Version=2016-11-15',
      });
      assert.strictEqual(unknown.status, 400);
      assert.strictEqual(errorCode(unknown.body), 'InvalidAction');
      const none = await rawRequest(server.url, {
        headers: { ...FORM, authorization: authorization() },
        body: 'Version=2016-11-15',
      });
      assert.strictEqual(none.status, 400);
      assert.ok(errorCode(none.body), none.body);
    });

    it('answers garbage bodies, wrong content types and non-UTF-8 bytes with EC2 errors', async () => {
      const bodies: { headers: Record<string, string>; body: string | Buffer }[] = [
        { headers: FORM, body: '%%%&&==\u0000garbage%ZZ' },
        { headers: { 'content-type': 'application/json' }, body: '{"Action":"DescribeRegions"}' },
        { headers: { 'content-type': 'application/xml' }, body: '<Action>DescribeImages</Action>' },
        { headers: FORM, body: Buffer.from([0x41, 0x63, 0x74, 0x69, 0x6f, 0x6e, 0x3d, 0xff, 0xfe, 0xc3, 0x28]) },
        { headers: FORM, body: Buffer.from([0xff, 0xfe, 0xfd, 0x00, 0x80]) },
      ];
      for (const { headers, body } of bodies) {
        const res = await rawRequest(server.url, { headers: { ...headers, authorization: authorization() }, body });
        assert.strictEqual(res.status, 400, `${String(body)} -> ${res.body}`);
        assert.ok(errorCode(res.body), `an EC2 error document for ${String(body)}: ${res.body}`);
      }
      // A parameter that is not valid UTF-8 is still decoded: the answer names it (no action reads `Junk`).
      const mixed = await rawRequest(server.url, {
        headers: { ...FORM, authorization: authorization() },
        body: Buffer.concat([
          Buffer.from('Junk='),
          Buffer.from([0xff, 0xfe]),
          Buffer.from('&Action=DescribeRegions&Version=2016-11-15'),
        ]),
      });
      assert.strictEqual(mixed.status, 400, mixed.body);
      assert.strictEqual(errorCode(mixed.body), 'UnsupportedOperation', mixed.body);
      assert.match(mixed.body, /parameter Junk /);
      await assertStillServing();
    });

    it('answers other HTTP methods without crashing (HEAD gets no body)', async () => {
      for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
        const res = await rawRequest(server.url, { method, headers: FORM, body: 'Action=DescribeRegions' });
        assert.ok(res.status >= 400 && res.status < 500, `${method}: ${res.status}`);
        assert.ok(errorCode(res.body), `${method} gets an EC2 error document: ${res.body}`);
      }
      const head = await rawRequest(server.url, { method: 'HEAD', path: '/?Action=DescribeRegions' });
      assert.ok(head.status >= 400 && head.status < 500, `HEAD: ${head.status}`);
      assert.strictEqual(head.body, '');
      await assertStillServing();
    });

    it('refuses an oversized body with an EC2 error and keeps serving', async () => {
      const body = `Action=DescribeRegions&Version=2016-11-15&Junk=${'x'.repeat(MAX_BODY_BYTES + 10)}`;
      const res = await rawRequest(server.url, { headers: { ...FORM, authorization: authorization() }, body });
      assert.strictEqual(res.status, 413);
      assert.strictEqual(errorCode(res.body), 'RequestEntityTooLarge');
      await assertStillServing();
    });

    it('reads a body just under the limit instead of refusing it for its size', async () => {
      // Filler the action does not read: the body is parsed, then the unread parameter is refused
      // by name (UnsupportedOperation), which proves the size limit let it through.
      const prefix = 'Action=DescribeImages&Version=2016-11-15&Owner.1=self&Filler=';
      const body = prefix + 'x'.repeat(MAX_BODY_BYTES - prefix.length);
      const res = await rawRequest(server.url, { headers: { ...FORM, authorization: authorization() }, body });
      assert.strictEqual(res.status, 400);
      assert.strictEqual(errorCode(res.body), 'UnsupportedOperation');
      assert.match(res.body, /Filler/);
    });

    it('survives a client that disconnects in the middle of its body', async () => {
      await new Promise<void>((resolve) => {
        const req = http.request(`${server.url}/`, {
          method: 'POST',
          agent: false,
          headers: { ...FORM, authorization: authorization(), 'content-length': '100000' },
        });
        req.on('error', () => resolve());
        req.write('Action=DescribeRegions&Junk=abc', () => setTimeout(() => (req.destroy(), resolve()), 50));
      });
      await assertStillServing();
    });

    it('answers bytes that are not HTTP with 400 and keeps serving', async () => {
      const reply = await new Promise<string>((resolve, reject) => {
        const socket = net.connect({ host: '127.0.0.1', port: server.port });
        let data = '';
        socket.on('data', (d) => (data += d.toString('latin1')));
        socket.on('end', () => resolve(data));
        socket.on('close', () => resolve(data));
        socket.on('error', reject);
        socket.setTimeout(5000, () => socket.destroy(new Error('no answer to a garbage request line')));
        socket.end('HELLO \u00ff\u00fe WORLD\r\n\r\n');
      });
      assert.match(reply, /^HTTP\/1\.1 400/);
      await assertStillServing();
    });
  });
});
