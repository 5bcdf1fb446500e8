/**
 * The AWS CLI (Debian's awscli v2) with the temporary shared config of test/fixtures: a
 * `credential_process` profile and `aws sts assume-role` against the simulator. Debian's CLI
 * (2.9.19) predates configured endpoints (`endpoint_url` in a profile, AWS_ENDPOINT_URL: CLI
 * 2.13.0), so it takes --endpoint-url here; the SDK path of those profiles is tested in
 * test/unit/aws/realAwsClients.test.ts and test/integration/profiles.test.ts.
 *
 *   npx mocha test/cli/awsCliProfiles.test.ts
 */
import * as assert from 'assert';
import { execFile, spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SIMULATOR_PROFILES, writeAwsConfigFiles } from '../fixtures/awsConfigFiles';

const AWS = '/usr/bin/aws';
const ROOT = path.resolve(__dirname, '../..');

interface Result {
  code: number;
  stderr: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

describe('AWS CLI profiles against the simulator', function () {
  this.timeout(120_000);
  let child: ChildProcess;
  let url: string;
  let dir: string;
  let files: { config: string; credentials: string };

  /** `aws --output json ARGS` with only the temporary config files (no keys in the environment). */
  const aws = (args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<Result> =>
    new Promise((resolve) => {
      const env: NodeJS.ProcessEnv = {
        PATH: process.env.PATH,
        HOME: dir,
        LANG: 'C.UTF-8',
        AWS_CONFIG_FILE: files.config,
        AWS_SHARED_CREDENTIALS_FILE: files.credentials,
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_PAGER: '',
        ...extraEnv,
      };
      execFile(AWS, ['--output', 'json', ...args], { env, timeout: 60_000 }, (error, stdout, stderr) => {
        let json: unknown;
        try {
          json = stdout.trim() ? JSON.parse(stdout) : undefined;
        } catch {
          json = undefined;
        }
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stderr, json });
      });
    });
  const ok = async (args: string[], extraEnv?: NodeJS.ProcessEnv) => {
    const r = await aws(args, extraEnv);
    assert.strictEqual(r.code, 0, `aws ${args.join(' ')} failed:\n${r.stderr}`);
    return r.json;
  };

  before(async function () {
    this.timeout(180_000);
    assert.ok(fs.existsSync(AWS), `${AWS} is missing: apt-get install awscli`);
    await new Promise<void>((resolve, reject) =>
      execFile(
        process.execPath,
        ['scripts/build.mjs', '--only', 'simulator', '--quiet'],
        { cwd: ROOT },
        (e, _o, err) => (e ? reject(new Error(err)) : resolve()),
      ),
    );
    child = spawn(process.execPath, [path.join(ROOT, 'dist/simulator-cli.js'), '--port', '0', '--memory'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    const until = Date.now() + 20_000;
    while (!/listening on (http:\/\/127\.0\.0\.1:\d+)/.test(out)) {
      assert.ok(Date.now() < until && child.exitCode === null, `the simulator did not start: ${out}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1];
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-aws-cli-profiles-'));
    files = writeAwsConfigFiles(dir, url, 'http://127.0.0.1:9');
  });

  after(async () => {
    if (child && child.exitCode === null) {
      await new Promise((resolve) => {
        child.once('close', resolve);
        child.kill('SIGTERM');
      });
    }
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('takes the keys of a credential_process profile', async () => {
    const who = await ok([
      '--profile',
      SIMULATOR_PROFILES.process,
      '--endpoint-url',
      url,
      'sts',
      'get-caller-identity',
    ]);
    assert.strictEqual(who.Account, '123456789012');
    const regions = await ok([
      '--profile',
      SIMULATOR_PROFILES.process,
      '--endpoint-url',
      url,
      'ec2',
      'describe-regions',
    ]);
    assert.ok(regions.Regions.length > 0);
  });

  it('assume-role returns temporary credentials that act in the role account', async () => {
    const out = await ok([
      ...['--profile', SIMULATOR_PROFILES.endpoint, '--endpoint-url', url, 'sts', 'assume-role'],
      ...['--role-arn', 'arn:aws:iam::210987654321:role/ImageBuilder', '--role-session-name', 'cli-test'],
    ]);
    assert.match(out.Credentials.AccessKeyId, /^ASIA/);
    assert.strictEqual(out.AssumedRoleUser.Arn, 'arn:aws:sts::210987654321:assumed-role/ImageBuilder/cli-test');
    const temporary = {
      AWS_ACCESS_KEY_ID: out.Credentials.AccessKeyId,
      AWS_SECRET_ACCESS_KEY: out.Credentials.SecretAccessKey,
      AWS_SESSION_TOKEN: out.Credentials.SessionToken,
      AWS_DEFAULT_REGION: 'eu-west-1',
    };
    const who = await ok(['--endpoint-url', url, 'sts', 'get-caller-identity'], temporary);
    assert.strictEqual(who.Account, '210987654321');
    const own = await ok(['--endpoint-url', url, 'ec2', 'describe-images', '--owners', 'self'], temporary);
    assert.ok(own.Images.length > 0 && own.Images.every((i: { OwnerId: string }) => i.OwnerId === '210987654321'));
  });

  it('refuses a role in an account the simulator does not know, and a one-letter session name', async () => {
    const assume = (roleArn: string, session: string) =>
      aws([
        ...['--profile', SIMULATOR_PROFILES.endpoint, '--endpoint-url', url, 'sts', 'assume-role'],
        ...['--role-arn', roleArn, '--role-session-name', session],
      ]);
    const denied = await assume('arn:aws:iam::999999999999:role/X', 'cli-test');
    assert.strictEqual(denied.code, 254, denied.stderr);
    assert.match(denied.stderr, /\(AccessDenied\).*not authorized to perform: sts:AssumeRole/);
    // The CLI checks the STS model's minimum length itself: the simulator enforces the same rule for SDK callers.
    const short = await assume('arn:aws:iam::123456789012:role/X', 's');
    assert.strictEqual(short.code, 252, short.stderr);
    assert.match(short.stderr, /RoleSessionName/);
  });
});
