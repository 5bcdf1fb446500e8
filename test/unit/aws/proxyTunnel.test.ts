import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as https from 'https';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import { createAwsClients } from '../../../src/aws/clientFactory';
import { serveSimulator, type SimulatorServer } from '../../../src/simulator/server';
import { DEFAULT_SIMULATOR_ACCOUNT } from '../../../src/simulator/accounts';
import { newSimulator } from '../simulator/helpers';

/** A host name only the test proxy knows: reaching it proves the call went through the proxy. */
const HOST = 'ec2.ami-explorer.test';

const listen = (server: net.Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)),
  );

describe('real AWS clients through an HTTPS proxy with a private CA (ca_bundle, HTTPS_PROXY)', () => {
  const saved: Record<string, string | undefined> = {};
  const closers: (() => void)[] = [];
  let dir: string;
  let simulator: SimulatorServer;
  let tunnels: string[];
  let proxyPort: number;
  let tlsPort: number;
  let cert: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-explorer-proxy-'));
    const key = path.join(dir, 'key.pem');
    cert = path.join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-keyout', key, '-out', cert],
        ...['-subj', `/CN=${HOST}`, '-addext', `subjectAltName=DNS:${HOST}`],
      ],
      { stdio: 'ignore' },
    );
    simulator = await serveSimulator(newSimulator(), 0);
    // The endpoint: TLS with the private certificate, forwarding to the simulator (which answers
    // only requests addressed to its own loopback address, hence the Host header).
    const endpoint = https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, (req, res) => {
      const forward = http.request(
        {
          host: '127.0.0.1',
          port: simulator.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: `127.0.0.1:${simulator.port}` },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 500, answer.headers);
          answer.pipe(res);
        },
      );
      req.pipe(forward);
    });
    tlsPort = await listen(endpoint);
    closers.push(() => endpoint.close());
    // The proxy: CONNECT to HOST only, which it resolves itself.
    tunnels = [];
    const proxy = http.createServer((_req, res) => res.writeHead(405).end());
    proxy.on('connect', (req: http.IncomingMessage, socket: net.Socket) => {
      tunnels.push(req.url ?? '');
      if (req.url !== `${HOST}:${tlsPort}`) {
        socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
        return;
      }
      const upstream = net.connect(tlsPort, '127.0.0.1', () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(socket);
        socket.pipe(upstream);
      });
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    proxyPort = await listen(proxy);
    closers.push(() => proxy.close());
    const config = path.join(dir, 'config');
    fs.writeFileSync(
      config,
      `[profile private]\nregion = us-east-1\nendpoint_url = https://${HOST}:${tlsPort}\nca_bundle = ${cert}\n` +
        `[profile untrusted]\nregion = us-east-1\nendpoint_url = https://${HOST}:${tlsPort}\n`,
    );
    const credentials = path.join(dir, 'credentials');
    const keys = `aws_access_key_id = ${DEFAULT_SIMULATOR_ACCOUNT.accessKeyId}\naws_secret_access_key = x\n`;
    fs.writeFileSync(credentials, `[private]\n${keys}[untrusted]\n${keys}`);
    const env: Record<string, string | undefined> = {
      AWS_CONFIG_FILE: config,
      AWS_SHARED_CREDENTIALS_FILE: credentials,
      AWS_CA_BUNDLE: undefined,
      AWS_PROFILE: undefined,
      AWS_ENDPOINT_URL: undefined,
      AWS_ENDPOINT_URL_EC2: undefined,
      HTTPS_PROXY: `http://127.0.0.1:${proxyPort}`,
      https_proxy: undefined,
      NO_PROXY: undefined,
      no_proxy: undefined,
    };
    for (const [name, value] of Object.entries(env)) {
      saved[name] = process.env[name];
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  after(async () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    for (const close of closers) close();
    await simulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('tunnels through HTTPS_PROXY and trusts the profile ca_bundle', async () => {
    const clients = createAwsClients({ kind: 'aws', profile: 'private', stsRegion: 'us-east-1' });
    try {
      const out = await (await clients.ec2('us-east-1')).send(new DescribeRegionsCommand({}));
      assert.ok((out.Regions ?? []).length > 0);
      assert.ok(tunnels.includes(`${HOST}:${tlsPort}`), `tunnels: ${tunnels.join()}`);
    } finally {
      clients.dispose();
    }
  });

  it("trusts AWS_CA_BUNDLE, and tunnels through VS Code's http.proxy when HTTPS_PROXY is unset", async () => {
    process.env.AWS_CA_BUNDLE = cert;
    delete process.env.HTTPS_PROXY;
    tunnels.length = 0;
    const clients = createAwsClients({
      kind: 'aws',
      profile: 'untrusted',
      stsRegion: 'us-east-1',
      httpProxy: `http://127.0.0.1:${proxyPort}`,
    });
    try {
      const out = await (await clients.ec2('us-east-1')).send(new DescribeRegionsCommand({}));
      assert.ok((out.Regions ?? []).length > 0);
      assert.ok(tunnels.includes(`${HOST}:${tlsPort}`), `tunnels: ${tunnels.join()}`);
    } finally {
      clients.dispose();
      delete process.env.AWS_CA_BUNDLE;
      process.env.HTTPS_PROXY = `http://127.0.0.1:${proxyPort}`;
    }
  });

  it('refuses the private certificate without ca_bundle', async () => {
    const clients = createAwsClients({ kind: 'aws', profile: 'untrusted', stsRegion: 'us-east-1' });
    try {
      const ec2 = await clients.ec2('us-east-1');
      ec2.config.maxAttempts = async () => 1;
      await assert.rejects(ec2.send(new DescribeRegionsCommand({})), /self[- ]signed|certificate/i);
    } finally {
      clients.dispose();
    }
  });
});
