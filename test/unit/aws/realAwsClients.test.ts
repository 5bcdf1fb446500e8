import * as assert from 'assert';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import { DescribeImagesCommand, DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import { ListRulesCommand } from '@aws-sdk/client-rbin';
import { GetParametersByPathCommand } from '@aws-sdk/client-ssm';
import { createAwsClients, type AwsClients } from '../../../src/aws/clientFactory';
import { describeError } from '../../../src/aws/errors';
import { serveSimulator, type SimulatorServer } from '../../../src/simulator/server';
import { SIMULATOR_MFA_SERIAL, SIMULATOR_PROFILES, writeAwsConfigFiles } from '../../fixtures/awsConfigFiles';
import { newSimulator } from '../simulator/helpers';

const ENV_KEYS = [
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_PROFILE',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_EC2',
  'AWS_ENDPOINT_URL_STS',
  'AWS_EC2_METADATA_DISABLED',
  'HTTPS_PROXY',
  'https_proxy',
];

/** A port where nothing listens (taken, then released). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('real AWS clients read the shared config as the AWS CLI does', () => {
  const saved: Record<string, string | undefined> = {};
  let server: SimulatorServer;
  let dir: string;
  let unreachable: string;
  const open: AwsClients[] = [];
  const connect = (profile: string, stsRegion = 'us-east-1') => {
    const clients = createAwsClients({ kind: 'aws', profile, stsRegion });
    open.push(clients);
    return clients;
  };

  before(async () => {
    for (const key of ENV_KEYS) {
      saved[key] = process.env[key];
      delete process.env[key];
    }
    // The system clock: temporary credentials must not look expired to the SDK.
    server = await serveSimulator(newSimulator({ clock: undefined }), 0);
    unreachable = `http://127.0.0.1:${await closedPort()}`;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-explorer-profiles-'));
    const files = writeAwsConfigFiles(dir, server.url, unreachable);
    process.env.AWS_CONFIG_FILE = files.config;
    process.env.AWS_SHARED_CREDENTIALS_FILE = files.credentials;
    process.env.AWS_EC2_METADATA_DISABLED = 'true';
  });

  afterEach(() => {
    for (const clients of open.splice(0)) clients.dispose();
    for (const key of ['AWS_ENDPOINT_URL_EC2', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_STS', 'AWS_REGION']) {
      delete process.env[key];
    }
  });

  after(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
    for (const key of ENV_KEYS) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  });

  it("calls a profile's endpoint_url (EC2 and STS), not AWS", async () => {
    const clients = connect(SIMULATOR_PROFILES.endpoint);
    const regions = await (await clients.ec2('us-east-1')).send(new DescribeRegionsCommand({}));
    assert.ok((regions.Regions ?? []).length > 0);
    assert.strictEqual((await clients.identity()).account, '123456789012');
    assert.strictEqual(await clients.endpointOf!('us-east-1'), server.url);
  });

  it("calls a profile's endpoint_url for Auto Scaling, SSM and the Recycle Bin too", async () => {
    const clients = connect(SIMULATOR_PROFILES.endpoint);
    const groups = await (
      await clients.service('autoScaling', 'us-east-1')
    ).send(new DescribeAutoScalingGroupsCommand({}));
    assert.ok((groups.AutoScalingGroups ?? []).length > 0);
    const parameters = await (
      await clients.service('ssm', 'us-east-1')
    ).send(new GetParametersByPathCommand({ Path: '/aws/service/ami-amazon-linux-latest' }));
    assert.ok((parameters.Parameters ?? []).some((p) => p.Value?.startsWith('ami-')));
    const rules = await (
      await clients.service('rbin', 'us-east-1')
    ).send(new ListRulesCommand({ ResourceType: 'EC2_IMAGE' }));
    assert.ok(Array.isArray(rules.Rules));
  });

  it('calls the endpoint of a services section', async () => {
    const clients = connect(SIMULATOR_PROFILES.services, 'eu-west-1');
    const out = await (await clients.ec2('eu-west-1')).send(new DescribeImagesCommand({ Owners: ['self'] }));
    assert.ok((out.Images ?? []).length > 0);
    assert.strictEqual((await clients.identity()).account, '123456789012');
  });

  it('takes credentials from a credential_process', async () => {
    // sim-process has no keys in the credentials file: without its process there are no credentials.
    const clients = connect(SIMULATOR_PROFILES.process);
    assert.strictEqual((await clients.identity()).account, '123456789012');
  });

  it('assumes the role of role_arn with the keys of source_profile, at the profile endpoint', async () => {
    const clients = connect(SIMULATOR_PROFILES.role);
    const identity = await clients.identity();
    assert.strictEqual(identity.account, '123456789012');
    assert.match(identity.arn ?? '', /assumed-role/);
  });

  it('asks for the MFA code of mfa_serial once, through the injected prompt', async () => {
    const asked: string[] = [];
    const clients = createAwsClients({
      kind: 'aws',
      profile: SIMULATOR_PROFILES.mfa,
      stsRegion: 'us-east-1',
      mfaCode: async (serial) => {
        asked.push(serial);
        return '123456';
      },
    });
    open.push(clients);
    assert.strictEqual((await clients.identity()).account, '123456789012');
    await (await clients.ec2('eu-west-1')).send(new DescribeRegionsCommand({}));
    assert.deepStrictEqual(asked, [SIMULATOR_MFA_SERIAL]);
  });

  it('lets AWS_ENDPOINT_URL_EC2 win over the profile, as the CLI does', async () => {
    process.env.AWS_ENDPOINT_URL_EC2 = server.url;
    const clients = connect(SIMULATOR_PROFILES.unreachable);
    assert.strictEqual(await clients.endpointOf!('us-east-1'), server.url);
    await (await clients.ec2('us-east-1')).send(new DescribeRegionsCommand({}));
  });

  it('lets AWS_ENDPOINT_URL (every service) win over the profile, as the CLI does', async () => {
    process.env.AWS_ENDPOINT_URL = server.url;
    const clients = connect(SIMULATOR_PROFILES.unreachable);
    assert.strictEqual(await clients.endpointOf!('us-east-1'), server.url);
    await (await clients.ec2('us-east-1')).send(new DescribeRegionsCommand({}));
    assert.strictEqual((await clients.identity()).account, '123456789012');
  });

  it("asks STS in the profile's region, AWS_REGION first, as `aws --profile X sts` does", async () => {
    // An STS that records the region each request was signed for.
    const signedFor: string[] = [];
    const sts = http.createServer((req, res) => {
      signedFor.push(/Credential=[^/]+\/\d{8}\/([^/]+)\/sts\//.exec(req.headers.authorization ?? '')?.[1] ?? '?');
      req.resume().on('end', () => {
        res.writeHead(200, { 'Content-Type': 'text/xml' });
        res.end(
          '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/t</Arn><UserId>AIDATEST</UserId><Account>123456789012</Account></GetCallerIdentityResult></GetCallerIdentityResponse>',
        );
      });
    });
    await new Promise<void>((resolve) => sts.listen(0, '127.0.0.1', resolve));
    try {
      process.env.AWS_ENDPOINT_URL_STS = `http://127.0.0.1:${(sts.address() as net.AddressInfo).port}`;
      // sim-services says region = eu-west-1; the connection's first region is us-east-1.
      assert.strictEqual((await connect(SIMULATOR_PROFILES.services, 'us-east-1').identity()).account, '123456789012');
      process.env.AWS_REGION = 'ap-southeast-2';
      await connect(SIMULATOR_PROFILES.services, 'us-east-1').identity();
      assert.deepStrictEqual(signedFor, ['eu-west-1', 'ap-southeast-2']);
    } finally {
      await new Promise((resolve) => sts.close(resolve));
    }
  });

  it("retries EC2's throttling with the SDK's adaptive retry", async () => {
    const ec2 = await connect(SIMULATOR_PROFILES.endpoint).ec2('us-east-1');
    const mode = ec2.config.retryMode;
    assert.strictEqual(typeof mode === 'string' ? mode : await mode(), 'adaptive');
    assert.ok((await ec2.config.maxAttempts()) > 1);
  });

  it('names the endpoint it tried when nothing answers there', async () => {
    const clients = connect(SIMULATOR_PROFILES.unreachable);
    const ec2 = await clients.ec2('us-east-1');
    ec2.config.maxAttempts = async () => 1;
    const error = await ec2.send(new DescribeRegionsCommand({})).then(
      () => assert.fail('nothing listens there'),
      (e: unknown) => e,
    );
    const shown = describeError(error, {
      backend: 'aws',
      profile: SIMULATOR_PROFILES.unreachable,
      endpoint: clients.lastEndpointTried!(),
    });
    assert.strictEqual(shown.kind, 'network');
    assert.ok(shown.message.includes(unreachable), shown.message);
  });
});
