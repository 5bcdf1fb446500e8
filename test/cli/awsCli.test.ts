/**
 * The AWS CLI (Debian's `awscli` package, v2) against the simulator's HTTP server, started the
 * way a user starts it (`dist/simulator-cli.js`). Runs the whole AMI lifecycle and the bad
 * inputs, asserting on the CLI's JSON output, exit codes and error messages.
 *
 *   npx mocha test/cli/awsCli.test.ts
 *
 * Notes on the CLI version (2.9.19, early 2023): its EC2 model has no
 * `deregister-image --delete-associated-snapshots` (added to EC2 later), so snapshot clean-up is
 * tested through `delete-snapshot`; `describe-images` has MaxResults/NextToken and a paginator.
 */
import * as assert from 'assert';
import { execFile, spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';

const AWS = '/usr/bin/aws';
const ROOT = path.resolve(__dirname, '../..');
const DEV = { accessKeyId: 'AKIAAMIEXPLORERDEV01', accountId: '123456789012' };
const PARTNER = { accessKeyId: 'AKIAAMIEXPLORERPTNR1', accountId: '210987654321' };

interface AwsResult {
  code: number;
  stdout: string;
  stderr: string;
  /** The parsed JSON output (undefined when there is none). */
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

interface Simulator {
  url: string;
  child: ChildProcess;
}

let emptyConfigDir: string;

/** Starts `node dist/simulator-cli.js` and reads the endpoint from its banner. */
async function startSimulator(args: string[]): Promise<Simulator> {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'dist/simulator-cli.js'), '--port', '0', '--memory', ...args],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const until = Date.now() + 20_000;
  while (Date.now() < until) {
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
    if (url) return { url, child };
    if (child.exitCode !== null) break;
    await sleep(50);
  }
  child.kill('SIGKILL');
  throw new Error(`the simulator did not start:\n${out}\n${err}`);
}

function stopSimulator(sim: Simulator | undefined): Promise<void> {
  if (!sim || sim.child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    sim.child.once('close', () => resolve());
    sim.child.kill('SIGTERM');
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * Runs `/usr/bin/aws --endpoint-url URL --output json ARGS` with the given account's key and an
 * environment that isolates it from any real AWS configuration on the machine.
 */
function aws(
  sim: Simulator,
  args: string[],
  options: { account?: { accessKeyId: string }; region?: string } = {},
): Promise<AwsResult> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: emptyConfigDir,
    LANG: 'C.UTF-8',
    AWS_ACCESS_KEY_ID: (options.account ?? DEV).accessKeyId,
    AWS_SECRET_ACCESS_KEY: 'simulator-secret-not-checked',
    AWS_DEFAULT_REGION: options.region ?? 'us-east-1',
    AWS_CONFIG_FILE: path.join(emptyConfigDir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(emptyConfigDir, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
  };
  return new Promise((resolve) => {
    execFile(
      AWS,
      ['--endpoint-url', sim.url, '--output', 'json', ...args],
      { env, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        let json: unknown;
        if (stdout.trim()) {
          try {
            json = JSON.parse(stdout);
          } catch {
            json = undefined;
          }
        }
        resolve({ code, stdout, stderr, json });
      },
    );
  });
}

/** Runs the CLI and asserts success (exit 0), returning its JSON. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function ok(sim: Simulator, args: string[], options?: Parameters<typeof aws>[2]): Promise<any> {
  const r = await aws(sim, args, options);
  assert.strictEqual(r.code, 0, `aws ${args.join(' ')} failed (${r.code}):\n${r.stderr}`);
  return r.json ?? {};
}

/**
 * Runs the CLI and asserts it failed with EC2's `code` (or one of `code`, where EC2 and the
 * simulator may differ): exit code 254 and the code in stderr.
 */
async function fails(
  sim: Simulator,
  args: string[],
  code: string | string[],
  options?: Parameters<typeof aws>[2],
): Promise<AwsResult> {
  const codes = typeof code === 'string' ? [code] : code;
  const r = await aws(sim, args, options);
  assert.strictEqual(
    r.code,
    254,
    `aws ${args.join(' ')} should fail with ${codes.join(' or ')} (exit 254), got ${r.code}:\n${r.stdout}${r.stderr}`,
  );
  assert.ok(
    codes.some((c) => r.stderr.includes(`(${c})`)),
    `stderr names ${codes.join(' or ')}: ${r.stderr}`,
  );
  return r;
}

/** A POST that the AWS CLI cannot send: raw body, optional fake SigV4 Authorization. */
function rawPost(sim: Simulator, body: string, authorization?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
    if (authorization) headers.authorization = authorization;
    const req = http.request(`${sim.url}/`, { method: 'POST', headers, agent: false }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const FAKE_SIGNATURE = `AWS4-HMAC-SHA256 Credential=${DEV.accessKeyId}/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=00ff`;

/** Polls describe-instances until the instance is in `state`; returns every state seen on the way. */
async function waitForInstance(
  sim: Simulator,
  instanceId: string,
  state: string,
  timeoutMs = 60_000,
): Promise<string[]> {
  const seen: string[] = [];
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const out = await ok(sim, ['ec2', 'describe-instances', '--instance-ids', instanceId]);
    const now = out.Reservations?.[0]?.Instances?.[0]?.State?.Name as string;
    if (seen[seen.length - 1] !== now) seen.push(now);
    if (now === state) return seen;
    await sleep(500);
  }
  assert.fail(`instance ${instanceId} did not reach ${state}; states seen: ${seen.join(' -> ')}`);
}

describe('AWS CLI against the simulator', function () {
  this.timeout(120_000);
  let sim: Simulator;

  before(async function () {
    this.timeout(180_000);
    if (!fs.existsSync(AWS)) {
      throw new Error(`${AWS} is missing: install the AWS CLI with \`apt-get install awscli\` (Debian's package, v2).`);
    }
    emptyConfigDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-aws-cli-'));
    fs.writeFileSync(path.join(emptyConfigDir, 'config'), '');
    fs.writeFileSync(path.join(emptyConfigDir, 'credentials'), '');
    await new Promise<void>((resolve, reject) =>
      execFile(
        process.execPath,
        ['scripts/build.mjs', '--only', 'simulator', '--quiet'],
        { cwd: ROOT },
        (e, _o, stderr) => (e ? reject(new Error(`building the simulator failed:\n${stderr}`)) : resolve()),
      ),
    );
    // Instances spend 6 s in each transitional state (a CLI call takes 1–3 s): long enough to see `stopping` from the CLI.
    sim = await startSimulator(['--pending-delay', '0', '--instance-transition', '6']);
  });

  after(async () => {
    await stopSimulator(sim);
    if (emptyConfigDir) fs.rmSync(emptyConfigDir, { recursive: true, force: true });
  });

  it('is the Debian AWS CLI v2', async () => {
    const version = await new Promise<string>((resolve) =>
      execFile(AWS, ['--version'], (_e, out, err) => resolve(out + err)),
    );
    assert.match(version, /^aws-cli\/2\./);
  });

  describe('discovery', () => {
    it('describe-regions lists the 17 regions enabled by default; --all-regions adds the opt-in ones as not-opted-in', async () => {
      const out = await ok(sim, ['ec2', 'describe-regions']);
      const names = out.Regions.map((r: { RegionName: string }) => r.RegionName).sort();
      assert.deepStrictEqual(names, [
        'ap-northeast-1',
        'ap-northeast-2',
        'ap-northeast-3',
        'ap-south-1',
        'ap-southeast-1',
        'ap-southeast-2',
        'ca-central-1',
        'eu-central-1',
        'eu-north-1',
        'eu-west-1',
        'eu-west-2',
        'eu-west-3',
        'sa-east-1',
        'us-east-1',
        'us-east-2',
        'us-west-1',
        'us-west-2',
      ]);
      const disabled = await ok(sim, [
        'ec2',
        'describe-regions',
        '--all-regions',
        '--filters',
        'Name=opt-in-status,Values=not-opted-in',
        '--query',
        'Regions[].RegionName',
      ]);
      assert.ok(disabled.includes('af-south-1') && disabled.includes('me-south-1'), disabled.join());
      assert.ok(!disabled.includes('us-east-1'));
    });

    it('sts get-caller-identity names the account of each access key', async () => {
      const [dev, partner] = await Promise.all([
        ok(sim, ['sts', 'get-caller-identity']),
        ok(sim, ['sts', 'get-caller-identity'], { account: PARTNER }),
      ]);
      assert.strictEqual(dev.Account, DEV.accountId);
      assert.strictEqual(partner.Account, PARTNER.accountId);
    });

    it('describe-images --owners amazon with name wildcard, architecture and root-device-type filters', async () => {
      const out = await ok(sim, [
        'ec2',
        'describe-images',
        '--owners',
        'amazon',
        '--filters',
        'Name=name,Values=al2023-ami-2023*',
        'Name=architecture,Values=arm64',
        'Name=root-device-type,Values=ebs',
      ]);
      assert.ok(out.Images.length > 0, 'Amazon Linux 2023 arm64 images exist');
      for (const image of out.Images) {
        assert.match(image.Name, /^al2023-ami-2023/);
        assert.strictEqual(image.Architecture, 'arm64');
        assert.strictEqual(image.RootDeviceType, 'ebs');
        assert.strictEqual(image.ImageOwnerAlias, 'amazon');
        assert.strictEqual(image.State, 'available');
        assert.ok(image.BlockDeviceMappings[0].Ebs.SnapshotId.startsWith('snap-'));
      }
      const x86 = await ok(sim, [
        'ec2',
        'describe-images',
        '--owners',
        'amazon',
        '--filters',
        'Name=architecture,Values=x86_64',
      ]);
      assert.ok(x86.Images.every((i: { Architecture: string }) => i.Architecture === 'x86_64'));
      // The instance-store (S3-backed) Amazon images are legacy builds, long deprecated.
      const instanceStore = await ok(sim, [
        'ec2',
        'describe-images',
        '--owners',
        'amazon',
        '--include-deprecated',
        '--filters',
        'Name=root-device-type,Values=instance-store',
      ]);
      assert.ok(instanceStore.Images.length > 0, 'the catalog has instance-store images');
      assert.ok(instanceStore.Images.every((i: { RootDeviceType: string }) => i.RootDeviceType === 'instance-store'));
    });

    it('paginates describe-images with --max-items/--page-size/--starting-token and with --max-results/--next-token', async () => {
      const all = await ok(sim, ['ec2', 'describe-images', '--owners', 'amazon']);
      const allIds: string[] = all.Images.map((i: { ImageId: string }) => i.ImageId);
      assert.ok(allIds.length > 12, `enough Amazon images to page through (${allIds.length})`);
      assert.strictEqual(new Set(allIds).size, allIds.length, 'no image listed twice');

      const cliPage = ['ec2', 'describe-images', '--owners', 'amazon', '--max-items', '5', '--page-size', '5'];
      const page1 = await ok(sim, cliPage);
      assert.strictEqual(page1.Images.length, 5);
      assert.ok(page1.NextToken, 'the CLI hands out a token for the next items');
      const page2 = await ok(sim, [...cliPage, '--starting-token', page1.NextToken]);
      assert.strictEqual(page2.Images.length, 5);
      const paged = [...page1.Images, ...page2.Images].map((i: { ImageId: string }) => i.ImageId);
      assert.strictEqual(new Set(paged).size, 10, 'the two pages do not overlap');
      for (const id of paged) assert.ok(allIds.includes(id));

      // The CLI's paginator, with a page size smaller than the result: it follows EC2's NextToken itself.
      const viaPages = await ok(sim, ['ec2', 'describe-images', '--owners', 'amazon', '--page-size', '7']);
      assert.deepStrictEqual(
        viaPages.Images.map((i: { ImageId: string }) => i.ImageId).sort(),
        [...allIds].sort(),
        'paging through 7 at a time yields the same images as one call',
      );

      const ec2Page = ['ec2', 'describe-images', '--owners', 'amazon', '--no-paginate', '--max-results', '5'];
      const raw1 = await ok(sim, ec2Page);
      assert.strictEqual(raw1.Images.length, 5);
      assert.ok(raw1.NextToken, 'EC2 returns a NextToken when more images match');
      const raw2 = await ok(sim, [...ec2Page, '--next-token', raw1.NextToken]);
      assert.strictEqual(raw2.Images.length, 5);
      assert.deepStrictEqual(
        [...raw1.Images, ...raw2.Images].map((i: { ImageId: string }) => i.ImageId),
        paged,
        'EC2 pages and CLI pages list the same images in the same order',
      );

      await fails(sim, [...ec2Page, '--next-token', 'not-a-token'], 'InvalidNextToken');
    });
  });

  describe('the AMI lifecycle', () => {
    let amazonAmi: string;
    let instanceId: string;
    let imageNoReboot: string;
    let imageReboot: string;
    let snapshotIds: string[];
    let copyId: string;

    it('run-instances launches an instance from an Amazon image', async () => {
      const images = await ok(sim, [
        'ec2',
        'describe-images',
        '--owners',
        'amazon',
        '--filters',
        'Name=name,Values=al2023-ami-2023*',
        'Name=architecture,Values=x86_64',
      ]);
      amazonAmi = images.Images[0].ImageId;
      const out = await ok(sim, [
        'ec2',
        'run-instances',
        '--image-id',
        amazonAmi,
        '--instance-type',
        't3.micro',
        '--count',
        '1',
        '--tag-specifications',
        'ResourceType=instance,Tags=[{Key=Name,Value=cli-test}]',
      ]);
      assert.strictEqual(out.Instances.length, 1);
      instanceId = out.Instances[0].InstanceId;
      assert.match(instanceId, /^i-[0-9a-f]{17}$/);
      assert.strictEqual(out.Instances[0].ImageId, amazonAmi);
      assert.strictEqual(out.Instances[0].State.Name, 'pending');
      await waitForInstance(sim, instanceId, 'running');
      const described = await ok(sim, ['ec2', 'describe-instances', '--filters', 'Name=tag:Name,Values=cli-test']);
      assert.strictEqual(described.Reservations[0].Instances[0].InstanceId, instanceId);
    });

    it('create-image --no-reboot leaves the instance running; wait image-available returns', async () => {
      const out = await ok(sim, [
        'ec2',
        'create-image',
        '--instance-id',
        instanceId,
        '--name',
        'cli-web-server (v1)',
        '--description',
        'made by the CLI test',
        '--no-reboot',
        '--tag-specifications',
        'ResourceType=image,Tags=[{Key=stage,Value=test}]',
        'ResourceType=snapshot,Tags=[{Key=stage,Value=test}]',
      ]);
      imageNoReboot = out.ImageId;
      assert.match(imageNoReboot, /^ami-[0-9a-f]{17}$/);
      const instance = await ok(sim, ['ec2', 'describe-instances', '--instance-ids', instanceId]);
      assert.strictEqual(instance.Reservations[0].Instances[0].State.Name, 'running');

      await ok(sim, ['ec2', 'wait', 'image-available', '--image-ids', imageNoReboot]);
      const images = await ok(sim, ['ec2', 'describe-images', '--image-ids', imageNoReboot]);
      const image = images.Images[0];
      assert.strictEqual(image.State, 'available');
      assert.strictEqual(image.Name, 'cli-web-server (v1)');
      assert.strictEqual(image.Description, 'made by the CLI test');
      assert.strictEqual(image.OwnerId, DEV.accountId);
      assert.strictEqual(image.Public, false);
      assert.deepStrictEqual(image.Tags, [{ Key: 'stage', Value: 'test' }]);
      snapshotIds = image.BlockDeviceMappings.filter((m: { Ebs?: unknown }) => m.Ebs).map(
        (m: { Ebs: { SnapshotId: string } }) => m.Ebs.SnapshotId,
      );
      assert.ok(
        snapshotIds.length > 0 && snapshotIds.every((s) => /^snap-[0-9a-f]{17}$/.test(s)),
        JSON.stringify(image.BlockDeviceMappings),
      );
    });

    it('create-image without --no-reboot takes the instance through stopping and back to running', async () => {
      const out = await ok(sim, [
        'ec2',
        'create-image',
        '--instance-id',
        instanceId,
        '--name',
        'cli-web-server-rebooted',
      ]);
      imageReboot = out.ImageId;
      const states = await waitForInstance(sim, instanceId, 'running');
      assert.strictEqual(
        states[0],
        'stopping',
        `right after create-image the instance is stopping: ${states.join(' -> ')}`,
      );
      assert.ok(states.length >= 2, `and then comes back: ${states.join(' -> ')}`);
      await ok(sim, ['ec2', 'wait', 'image-available', '--image-ids', imageReboot]);
    });

    it('describe-snapshots --owner-ids self lists the snapshots of the new image', async () => {
      const out = await ok(sim, ['ec2', 'describe-snapshots', '--owner-ids', 'self']);
      const mine = out.Snapshots.map((s: { SnapshotId: string }) => s.SnapshotId);
      for (const id of snapshotIds) assert.ok(mine.includes(id), `${id} listed`);
      const snapshot = out.Snapshots.find((s: { SnapshotId: string }) => s.SnapshotId === snapshotIds[0]);
      assert.strictEqual(snapshot.OwnerId, DEV.accountId);
      assert.strictEqual(snapshot.State, 'completed');
      assert.ok(
        out.Snapshots.every((s: { OwnerId: string }) => s.OwnerId === DEV.accountId),
        'only my snapshots',
      );
    });

    it('shares the image with the partner account, who then sees it, and resets the permissions', async () => {
      const before = await fails(
        sim,
        ['ec2', 'describe-images', '--image-ids', imageNoReboot],
        'InvalidAMIID.NotFound',
        { account: PARTNER },
      );
      assert.ok(before.stderr.includes(imageNoReboot));

      await ok(sim, [
        'ec2',
        'modify-image-attribute',
        '--image-id',
        imageNoReboot,
        '--launch-permission',
        `Add=[{UserId=${PARTNER.accountId}}]`,
      ]);
      const readPermissions = () =>
        ok(sim, ['ec2', 'describe-image-attribute', '--image-id', imageNoReboot, '--attribute', 'launchPermission']);
      const attr = await readPermissions();
      assert.strictEqual(attr.ImageId, imageNoReboot);
      assert.deepStrictEqual(attr.LaunchPermissions, [{ UserId: PARTNER.accountId }]);

      const shared = await ok(sim, ['ec2', 'describe-images', '--executable-users', 'self'], { account: PARTNER });
      const sharedIds = shared.Images.map((i: { ImageId: string }) => i.ImageId);
      assert.ok(sharedIds.includes(imageNoReboot), 'the partner sees the shared image');
      assert.ok(
        shared.Images.every((i: { OwnerId: string; Public: boolean }) => i.OwnerId === PARTNER.accountId || !i.Public),
        'executable-users self: my images and those shared with me explicitly, not public ones',
      );
      const direct = await ok(sim, ['ec2', 'describe-images', '--image-ids', imageNoReboot], { account: PARTNER });
      assert.strictEqual(direct.Images[0].OwnerId, DEV.accountId);

      await fails(sim, ['ec2', 'deregister-image', '--image-id', imageNoReboot], 'AuthFailure', { account: PARTNER });
      // EC2 documents blockDeviceMapping as answering AuthFailure (DescribeImages has the mapping).
      await fails(
        sim,
        ['ec2', 'describe-image-attribute', '--image-id', imageNoReboot, '--attribute', 'blockDeviceMapping'],
        'AuthFailure',
      );

      // The partner leaves the AMI: it is gone from the owner's list and from the partner's view.
      const left = await ok(sim, ['ec2', 'cancel-image-launch-permission', '--image-id', imageNoReboot], {
        account: PARTNER,
      });
      assert.strictEqual(left.Return, true);
      assert.deepStrictEqual((await readPermissions()).LaunchPermissions, []);
      await fails(sim, ['ec2', 'describe-images', '--image-ids', imageNoReboot], 'InvalidAMIID.NotFound', {
        account: PARTNER,
      });

      await ok(sim, ['ec2', 'reset-image-attribute', '--image-id', imageNoReboot, '--attribute', 'launchPermission']);
      const after = await readPermissions();
      assert.deepStrictEqual(after.LaunchPermissions, []);
      const unshared = await ok(sim, ['ec2', 'describe-images', '--executable-users', 'self'], { account: PARTNER });
      assert.ok(!unshared.Images.some((i: { ImageId: string }) => i.ImageId === imageNoReboot), 'no longer shared');
    });

    it('copy-image to another region makes an image there with its own snapshots', async () => {
      const out = await ok(
        sim,
        [
          'ec2',
          'copy-image',
          '--source-region',
          'us-east-1',
          '--source-image-id',
          imageNoReboot,
          '--name',
          'cli-web-server-eu',
          '--description',
          'copied',
        ],
        { region: 'eu-west-1' },
      );
      copyId = out.ImageId;
      assert.match(copyId, /^ami-[0-9a-f]{17}$/);
      assert.notStrictEqual(copyId, imageNoReboot);
      await ok(sim, ['ec2', 'wait', 'image-available', '--image-ids', copyId], { region: 'eu-west-1' });
      const copy = (await ok(sim, ['ec2', 'describe-images', '--image-ids', copyId], { region: 'eu-west-1' }))
        .Images[0];
      assert.strictEqual(copy.Name, 'cli-web-server-eu');
      assert.strictEqual(copy.Description, 'copied');
      assert.strictEqual(copy.State, 'available');
      assert.strictEqual(copy.OwnerId, DEV.accountId);
      const copySnapshots = copy.BlockDeviceMappings.filter((m: { Ebs?: unknown }) => m.Ebs).map(
        (m: { Ebs: { SnapshotId: string } }) => m.Ebs.SnapshotId,
      );
      for (const s of copySnapshots) assert.ok(!snapshotIds.includes(s), 'the copy has its own snapshots');
      // AMIs are regional: the copy is not in us-east-1, the source is not in eu-west-1.
      await fails(sim, ['ec2', 'describe-images', '--image-ids', copyId], 'InvalidAMIID.NotFound');
      await fails(sim, ['ec2', 'describe-images', '--image-ids', imageNoReboot], 'InvalidAMIID.NotFound', {
        region: 'eu-west-1',
      });
    });

    it('create-tags and describe-tags', async () => {
      await ok(sim, [
        'ec2',
        'create-tags',
        '--resources',
        imageNoReboot,
        snapshotIds[0],
        '--tags',
        'Key=team,Value=blue',
        'Key=cost-center,Value=42',
      ]);
      const out = await ok(sim, ['ec2', 'describe-tags', '--filters', `Name=resource-id,Values=${imageNoReboot}`]);
      const tags = out.Tags.map(
        (t: { Key: string; Value: string; ResourceType: string; ResourceId: string }) =>
          `${t.ResourceType}:${t.ResourceId}:${t.Key}=${t.Value}`,
      ).sort();
      assert.deepStrictEqual(tags, [
        `image:${imageNoReboot}:cost-center=42`,
        `image:${imageNoReboot}:stage=test`,
        `image:${imageNoReboot}:team=blue`,
      ]);
      const byKey = await ok(sim, [
        'ec2',
        'describe-images',
        '--owners',
        'self',
        '--filters',
        'Name=tag:team,Values=blue',
      ]);
      assert.deepStrictEqual(
        byKey.Images.map((i: { ImageId: string }) => i.ImageId),
        [imageNoReboot],
      );
      const snapTags = await ok(sim, [
        'ec2',
        'describe-tags',
        '--filters',
        `Name=resource-id,Values=${snapshotIds[0]}`,
        'Name=key,Values=team',
      ]);
      assert.deepStrictEqual(
        snapTags.Tags.map((t: { ResourceType: string; Value: string }) => [t.ResourceType, t.Value]),
        [['snapshot', 'blue']],
      );
    });

    it('deregister-image keeps the snapshots; delete-snapshot removes them', async () => {
      await fails(sim, ['ec2', 'delete-snapshot', '--snapshot-id', snapshotIds[0]], 'InvalidSnapshot.InUse');
      await ok(sim, ['ec2', 'deregister-image', '--image-id', imageNoReboot]);
      const mine = await ok(sim, ['ec2', 'describe-images', '--owners', 'self']);
      assert.ok(
        !mine.Images.some((i: { ImageId: string }) => i.ImageId === imageNoReboot),
        'gone from describe-images',
      );
      const byId = await aws(sim, ['ec2', 'describe-images', '--image-ids', imageNoReboot]);
      if (byId.code === 0) {
        assert.ok(!byId.json.Images.some((i: { State: string }) => i.State === 'available'), byId.stdout);
      } else {
        assert.strictEqual(byId.code, 254);
        assert.match(byId.stderr, /\(InvalidAMIID\.(NotFound|Unavailable)\)/);
      }
      const snaps = await ok(sim, ['ec2', 'describe-snapshots', '--snapshot-ids', ...snapshotIds]);
      assert.strictEqual(snaps.Snapshots.length, snapshotIds.length, 'deregistering never deletes snapshots');

      await Promise.all(snapshotIds.map((id) => ok(sim, ['ec2', 'delete-snapshot', '--snapshot-id', id])));
      await fails(sim, ['ec2', 'describe-snapshots', '--snapshot-ids', snapshotIds[0]], 'InvalidSnapshot.NotFound');
      const after = await ok(sim, ['ec2', 'describe-snapshots', '--owner-ids', 'self']);
      assert.ok(!after.Snapshots.some((s: { SnapshotId: string }) => snapshotIds.includes(s.SnapshotId)));
    });

    it('deregisters the copy and the rebooted image too', async () => {
      await ok(sim, ['ec2', 'deregister-image', '--image-id', copyId], { region: 'eu-west-1' });
      await ok(sim, ['ec2', 'deregister-image', '--image-id', imageReboot]);
      const mine = await ok(sim, [
        'ec2',
        'describe-images',
        '--owners',
        'self',
        '--filters',
        'Name=name,Values=cli-web-server*',
      ]);
      assert.deepStrictEqual(mine.Images, []);
    });

    it('terminates the instance', async () => {
      const out = await ok(sim, ['ec2', 'terminate-instances', '--instance-ids', instanceId]);
      assert.strictEqual(out.TerminatingInstances[0].InstanceId, instanceId);
      assert.strictEqual(out.TerminatingInstances[0].PreviousState.Name, 'running');
    });
  });

  describe('bad inputs get EC2 errors (exit code 254, the code in stderr)', () => {
    let instanceId: string;
    let ownImage: string;

    before(async () => {
      const out = await ok(sim, [
        'ec2',
        'describe-instances',
        '--filters',
        'Name=instance-state-name,Values=running,stopped',
      ]);
      const instances = out.Reservations.flatMap((r: { Instances: unknown[] }) => r.Instances);
      instanceId = instances.find((i: { RootDeviceType: string }) => i.RootDeviceType === 'ebs').InstanceId;
      const made = await ok(sim, [
        'ec2',
        'create-image',
        '--instance-id',
        instanceId,
        '--name',
        'cli-bad-inputs-base',
        '--no-reboot',
      ]);
      ownImage = made.ImageId;
      await ok(sim, ['ec2', 'wait', 'image-available', '--image-ids', ownImage]);
    });

    it('malformed AMI id: InvalidAMIID.Malformed', async () => {
      const r = await fails(sim, ['ec2', 'describe-images', '--image-ids', 'ami-12345'], 'InvalidAMIID.Malformed');
      assert.match(r.stderr, /when calling the DescribeImages operation/);
      await fails(sim, ['ec2', 'deregister-image', '--image-id', 'image-1'], 'InvalidAMIID.Malformed');
    });

    it('unknown AMI id: InvalidAMIID.NotFound', async () => {
      await fails(sim, ['ec2', 'describe-images', '--image-ids', 'ami-0123456789abcdef0'], 'InvalidAMIID.NotFound');
      await fails(
        sim,
        ['ec2', 'describe-image-attribute', '--image-id', 'ami-0123456789abcdef0', '--attribute', 'description'],
        'InvalidAMIID.NotFound',
      );
    });

    it('bad image names: InvalidAMIName.Malformed', async () => {
      await Promise.all(
        ['ab', 'has*star', 'x'.repeat(129), 'semi;colon'].map((name) =>
          fails(
            sim,
            ['ec2', 'create-image', '--instance-id', instanceId, '--name', name, '--no-reboot'],
            'InvalidAMIName.Malformed',
          ),
        ),
      );
    });

    it('duplicate name: InvalidAMIName.Duplicate', async () => {
      const r = await fails(
        sim,
        ['ec2', 'create-image', '--instance-id', instanceId, '--name', 'cli-bad-inputs-base', '--no-reboot'],
        'InvalidAMIName.Duplicate',
      );
      assert.ok(r.stderr.includes(ownImage), 'the message names the image that has the name');
    });

    it("a new volume outside its type's size range: InvalidParameterValue, and no image", async () => {
      const r = await fails(
        sim,
        [
          'ec2',
          'create-image',
          '--instance-id',
          instanceId,
          '--name',
          'cli-small-st1',
          '--no-reboot',
          '--block-device-mappings',
          'DeviceName=/dev/sdk,Ebs={VolumeSize=100,VolumeType=st1}',
        ],
        'InvalidParameterValue',
      );
      assert.match(r.stderr, /out of range for st1 \(125-16384 GiB\)/);
      const left = await ok(sim, [
        'ec2',
        'describe-images',
        '--owners',
        'self',
        '--filters',
        'Name=name,Values=cli-small-st1',
      ]);
      assert.deepStrictEqual(left.Images, []);
    });

    it('bad account id in a launch permission', async () => {
      await fails(
        sim,
        ['ec2', 'modify-image-attribute', '--image-id', ownImage, '--launch-permission', 'Add=[{UserId=12345}]'],
        'InvalidAMIAttributeItemValue',
      );
      await fails(sim, ['ec2', 'describe-images', '--owners', '1234'], 'InvalidUserID.Malformed');
    });

    it('making an image with encrypted snapshots public is refused', async () => {
      const copy = await ok(sim, [
        'ec2',
        'copy-image',
        '--source-region',
        'us-east-1',
        '--source-image-id',
        ownImage,
        '--name',
        'cli-encrypted-copy',
        '--encrypted',
      ]);
      await ok(sim, ['ec2', 'wait', 'image-available', '--image-ids', copy.ImageId]);
      const image = (await ok(sim, ['ec2', 'describe-images', '--image-ids', copy.ImageId])).Images[0];
      assert.ok(
        image.BlockDeviceMappings.some((m: { Ebs?: { Encrypted: boolean } }) => m.Ebs?.Encrypted),
        'the copy is encrypted',
      );
      const r = await fails(
        sim,
        ['ec2', 'modify-image-attribute', '--image-id', copy.ImageId, '--launch-permission', 'Add=[{Group=all}]'],
        ['UnsupportedOperation', 'InvalidParameter'],
      );
      assert.match(r.stderr, /[Ee]ncrypted/);
      const attr = await ok(sim, [
        'ec2',
        'describe-image-attribute',
        '--image-id',
        copy.ImageId,
        '--attribute',
        'launchPermission',
      ]);
      assert.deepStrictEqual(attr.LaunchPermissions, [], 'still private');
    });

    it('--dry-run answers DryRunOperation and changes nothing', async () => {
      await fails(
        sim,
        ['ec2', 'create-image', '--instance-id', instanceId, '--name', 'cli-dry-run', '--no-reboot', '--dry-run'],
        'DryRunOperation',
      );
      await fails(sim, ['ec2', 'deregister-image', '--image-id', ownImage, '--dry-run'], 'DryRunOperation');
      await fails(sim, ['ec2', 'describe-images', '--owners', 'self', '--dry-run'], 'DryRunOperation');
      const mine = await ok(sim, ['ec2', 'describe-images', '--owners', 'self']);
      const names = mine.Images.map((i: { Name: string }) => i.Name);
      assert.ok(!names.includes('cli-dry-run'), 'no image created');
      assert.ok(
        mine.Images.some((i: { ImageId: string }) => i.ImageId === ownImage),
        'nothing deregistered',
      );
      // A dry run by someone who may not do it (an Amazon image the partner can see but not deregister).
      const amazon = await ok(sim, [
        'ec2',
        'describe-images',
        '--owners',
        'amazon',
        '--filters',
        'Name=name,Values=al2023-ami-2023*',
      ]);
      const amazonAmi = amazon.Images[0].ImageId;
      await fails(sim, ['ec2', 'deregister-image', '--image-id', amazonAmi, '--dry-run'], 'UnauthorizedOperation', {
        account: PARTNER,
      });
      await fails(sim, ['ec2', 'deregister-image', '--image-id', amazonAmi], 'AuthFailure', { account: PARTNER });
    });

    it('an unsigned request: AuthFailure (CLI --no-sign-request and plain HTTP)', async () => {
      await fails(sim, ['--no-sign-request', 'ec2', 'describe-regions'], 'AuthFailure');
      const res = await rawPost(sim, 'Action=DescribeImages&Version=2016-11-15&Owner.1=amazon');
      assert.strictEqual(res.status, 401);
      assert.match(res.body, /<Code>AuthFailure<\/Code>/);
    });

    it('an unknown action: InvalidAction', async () => {
      const res = await rawPost(sim, 'Action=DescribeUnicorns&Version=2016-11-15', FAKE_SIGNATURE);
      assert.strictEqual(res.status, 400);
      assert.match(res.body, /<Code>InvalidAction<\/Code>/);
    });

    it('a missing parameter: MissingParameter', async () => {
      // The CLI checks required parameters itself (exit 252), so a raw request stands in for a careless client.
      const local = await aws(sim, ['ec2', 'create-image', '--name', 'no-instance']);
      assert.strictEqual(local.code, 252, local.stderr);
      const res = await rawPost(sim, 'Action=CreateImage&Version=2016-11-15&Name=no-instance', FAKE_SIGNATURE);
      assert.strictEqual(res.status, 400);
      assert.match(res.body, /<Code>MissingParameter<\/Code>/);
      assert.match(res.body, /InstanceId/);
      // An empty value is as good as none.
      await fails(
        sim,
        ['ec2', 'describe-image-attribute', '--image-id', '', '--attribute', 'description'],
        'MissingParameter',
      );
    });
  });

  describe('register-image', () => {
    it('registers an EBS-backed image from my snapshot with the documented defaults, and an instance-store one from a manifest', async () => {
      const snaps = await ok(sim, ['ec2', 'describe-snapshots', '--owner-ids', 'self']);
      const snap = snaps.Snapshots.find(
        (s: { State: string; Encrypted: boolean }) => s.State === 'completed' && !s.Encrypted,
      );
      const root = `DeviceName=/dev/xvda,Ebs={SnapshotId=${snap.SnapshotId}}`;
      const ebs = await ok(sim, [
        'ec2',
        'register-image',
        '--name',
        'cli-registered-root',
        '--root-device-name',
        '/dev/xvda',
        '--block-device-mappings',
        root,
      ]);
      await ok(sim, ['ec2', 'wait', 'image-available', '--image-ids', ebs.ImageId]);
      const image = (await ok(sim, ['ec2', 'describe-images', '--image-ids', ebs.ImageId])).Images[0];
      assert.strictEqual(image.RootDeviceType, 'ebs');
      assert.strictEqual(image.Architecture, 'i386');
      assert.strictEqual(image.VirtualizationType, 'paravirtual');
      assert.strictEqual(image.BlockDeviceMappings[0].Ebs.SnapshotId, snap.SnapshotId);

      const hvm = await ok(sim, [
        'ec2',
        'register-image',
        '--name',
        'cli-registered-hvm',
        '--architecture',
        'x86_64',
        '--virtualization-type',
        'hvm',
        '--boot-mode',
        'uefi',
        '--ena-support',
        '--root-device-name',
        '/dev/xvda',
        '--block-device-mappings',
        root,
      ]);
      const hvmImage = (await ok(sim, ['ec2', 'describe-images', '--image-ids', hvm.ImageId])).Images[0];
      assert.strictEqual(hvmImage.Architecture, 'x86_64');
      assert.strictEqual(hvmImage.VirtualizationType, 'hvm');
      assert.strictEqual(hvmImage.BootMode, 'uefi');
      assert.strictEqual(hvmImage.EnaSupport, true);

      const bundle = await ok(sim, [
        'ec2',
        'register-image',
        '--name',
        'cli-registered-bundle',
        '--image-location',
        'cli-bundles/web/image.manifest.xml',
      ]);
      const bundled = (await ok(sim, ['ec2', 'describe-images', '--image-ids', bundle.ImageId])).Images[0];
      assert.strictEqual(bundled.RootDeviceType, 'instance-store');
      assert.strictEqual(bundled.ImageLocation, 'cli-bundles/web/image.manifest.xml');
    });

    it('refuses Encrypted with a snapshot and a missing root device name', async () => {
      const snaps = await ok(sim, ['ec2', 'describe-snapshots', '--owner-ids', 'self']);
      const snapshotId = snaps.Snapshots[0].SnapshotId;
      const r = await fails(
        sim,
        [
          'ec2',
          'register-image',
          '--name',
          'cli-registered-encrypted',
          '--root-device-name',
          '/dev/xvda',
          '--block-device-mappings',
          `DeviceName=/dev/xvda,Ebs={SnapshotId=${snapshotId},Encrypted=true}`,
        ],
        'InvalidBlockDeviceMapping',
      );
      assert.match(r.stderr, /encrypted flag cannot be specified/);
      await fails(
        sim,
        [
          'ec2',
          'register-image',
          '--name',
          'cli-registered-no-root',
          '--block-device-mappings',
          `DeviceName=/dev/xvda,Ebs={SnapshotId=${snapshotId}}`,
        ],
        'MissingParameter',
      );
    });
  });

  describe('launch templates and Auto Scaling', () => {
    // DescribeImageReferences and GetImageAncestry (2025) are newer than this CLI (2.9.19): they are
    // tested through the SDK only (test/unit/simulator/lineage.test.ts).
    it('creates a template, versions it, moves the default, and resolves $Latest/$Default', async () => {
      const own = await ok(sim, ['ec2', 'describe-images', '--owners', 'self']);
      const [a, b] = own.Images.map((i: { ImageId: string }) => i.ImageId);
      const created = await ok(sim, [
        'ec2',
        'create-launch-template',
        '--launch-template-name',
        'cli-template',
        '--launch-template-data',
        JSON.stringify({ ImageId: a, InstanceType: 't3.micro' }),
      ]);
      assert.strictEqual(created.LaunchTemplate.DefaultVersionNumber, 1);
      const v2 = await ok(sim, [
        'ec2',
        'create-launch-template-version',
        '--launch-template-name',
        'cli-template',
        '--source-version',
        '1',
        '--launch-template-data',
        JSON.stringify({ ImageId: b }),
      ]);
      assert.strictEqual(v2.LaunchTemplateVersion.VersionNumber, 2);
      assert.deepStrictEqual(v2.LaunchTemplateVersion.LaunchTemplateData, { ImageId: b, InstanceType: 't3.micro' });
      await ok(sim, [
        'ec2',
        'modify-launch-template',
        '--launch-template-name',
        'cli-template',
        '--default-version',
        '2',
      ]);
      const versions = await ok(sim, [
        'ec2',
        'describe-launch-template-versions',
        '--launch-template-name',
        'cli-template',
        '--versions',
        '$Default',
        '$Latest',
      ]);
      assert.deepStrictEqual(
        versions.LaunchTemplateVersions.map((v: { VersionNumber: number; DefaultVersion: boolean }) => [
          v.VersionNumber,
          v.DefaultVersion,
        ]),
        [[2, true]],
      );
      await fails(
        sim,
        [
          'ec2',
          'create-launch-template',
          '--launch-template-name',
          'cli-template',
          '--launch-template-data',
          JSON.stringify({ ImageId: a }),
        ],
        'InvalidLaunchTemplateName.AlreadyExistsException',
      );
      const deleted = await ok(sim, ['ec2', 'delete-launch-template', '--launch-template-name', 'cli-template']);
      assert.strictEqual(deleted.LaunchTemplate.LaunchTemplateName, 'cli-template');
      await fails(
        sim,
        ['ec2', 'describe-launch-templates', '--launch-template-names', 'cli-template'],
        'InvalidLaunchTemplateName.NotFoundException',
      );
    });

    it('autoscaling: lists the seeded group, creates one on a template version, refuses duplicates, deletes', async () => {
      const seeded = await ok(sim, ['autoscaling', 'describe-auto-scaling-groups']);
      const web = seeded.AutoScalingGroups.find(
        (g: { AutoScalingGroupName: string }) => g.AutoScalingGroupName === 'web-server-asg',
      );
      assert.strictEqual(web.LaunchTemplate.LaunchTemplateName, 'web-server');
      assert.strictEqual(web.LaunchTemplate.Version, '$Default');
      const create = [
        'autoscaling',
        'create-auto-scaling-group',
        '--auto-scaling-group-name',
        'cli-asg',
        '--launch-template',
        'LaunchTemplateName=ci-runner,Version=$Latest',
        '--min-size',
        '1',
        '--max-size',
        '2',
        '--availability-zones',
        'us-east-1a',
        'us-east-1b',
      ];
      await ok(sim, create);
      const one = await ok(sim, [
        'autoscaling',
        'describe-auto-scaling-groups',
        '--auto-scaling-group-names',
        'cli-asg',
      ]);
      assert.strictEqual(one.AutoScalingGroups.length, 1);
      assert.deepStrictEqual(one.AutoScalingGroups[0].AvailabilityZones, ['us-east-1a', 'us-east-1b']);
      assert.strictEqual(one.AutoScalingGroups[0].LaunchTemplate.Version, '$Latest');
      assert.strictEqual(one.AutoScalingGroups[0].DesiredCapacity, 1);
      const dup = await fails(sim, create, 'AlreadyExists');
      assert.match(dup.stderr, /AutoScalingGroup by this name already exists/);
      await ok(sim, ['autoscaling', 'delete-auto-scaling-group', '--auto-scaling-group-name', 'cli-asg']);
      const gone = await fails(
        sim,
        ['autoscaling', 'delete-auto-scaling-group', '--auto-scaling-group-name', 'cli-asg'],
        'ValidationError',
      );
      assert.match(gone.stderr, /AutoScalingGroup name not found/);
    });
  });

  describe('guardrails: Recycle Bin, public SSM parameters, Allowed AMIs', () => {
    const AL2023 = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';

    it('`aws rbin` manages retention rules and `aws ec2` restores a deregistered AMI from the bin', async () => {
      const rule = await ok(sim, [
        'rbin',
        'create-rule',
        '--resource-type',
        'EC2_IMAGE',
        '--retention-period',
        'RetentionPeriodValue=7,RetentionPeriodUnit=DAYS',
        '--description',
        'cli rule',
      ]);
      assert.match(rule.Identifier, /^[0-9a-zA-Z]{11}$/);
      const listed = await ok(sim, ['rbin', 'list-rules', '--resource-type', 'EC2_IMAGE']);
      assert.ok(listed.Rules.some((r: { Identifier: string }) => r.Identifier === rule.Identifier));
      const got = await ok(sim, ['rbin', 'get-rule', '--identifier', rule.Identifier]);
      assert.strictEqual(got.RetentionPeriod.RetentionPeriodValue, 7);
      const updated = await ok(sim, [
        'rbin',
        'update-rule',
        '--identifier',
        rule.Identifier,
        '--retention-period',
        'RetentionPeriodValue=14,RetentionPeriodUnit=DAYS',
      ]);
      assert.strictEqual(updated.RetentionPeriod.RetentionPeriodValue, 14);
      await fails(sim, ['rbin', 'get-rule', '--identifier', 'abcdefghijk'], 'ResourceNotFoundException');

      const own = await ok(sim, ['ec2', 'describe-images', '--owners', 'self']);
      const image = own.Images.find(
        (i: { State: string; DeregistrationProtection?: string }) =>
          i.State === 'available' && (i.DeregistrationProtection ?? 'disabled') === 'disabled',
      );
      await ok(sim, ['ec2', 'deregister-image', '--image-id', image.ImageId]);
      const bin = await ok(sim, ['ec2', 'list-images-in-recycle-bin', '--image-ids', image.ImageId]);
      assert.strictEqual(bin.Images.length, 1);
      const days =
        (Date.parse(bin.Images[0].RecycleBinExitTime) - Date.parse(bin.Images[0].RecycleBinEnterTime)) / 86_400_000;
      assert.strictEqual(days, 14);
      await ok(sim, ['ec2', 'restore-image-from-recycle-bin', '--image-id', image.ImageId]);
      const back = await ok(sim, ['ec2', 'describe-images', '--image-ids', image.ImageId]);
      assert.strictEqual(back.Images[0].State, 'available');
      await ok(sim, ['rbin', 'delete-rule', '--identifier', rule.Identifier]);
      await fails(sim, ['rbin', 'get-rule', '--identifier', rule.Identifier], 'ResourceNotFoundException');
    });

    it('`aws ssm get-parameters-by-path` lists the Amazon Linux parameters; each names its newest image', async () => {
      const out = await ok(sim, ['ssm', 'get-parameters-by-path', '--path', '/aws/service/ami-amazon-linux-latest']);
      const names = out.Parameters.map((p: { Name: string }) => p.Name);
      assert.ok(names.includes(AL2023), names.join(', '));
      const one = await ok(sim, ['ssm', 'get-parameter', '--name', AL2023]);
      const series = await ok(sim, [
        'ec2',
        'describe-images',
        '--owners',
        'amazon',
        '--filters',
        `Name=public-ssm-parameter-name,Values=${AL2023}`,
        '--query',
        'sort_by(Images,&CreationDate)[-1].ImageId',
      ]);
      assert.strictEqual(one.Parameter.Value, series);
      await fails(sim, ['ssm', 'get-parameter', '--name', '/aws/service/nothing/here'], 'ParameterNotFound');
      const run = await ok(sim, [
        'ec2',
        'run-instances',
        '--image-id',
        `resolve:ssm:${AL2023}`,
        '--instance-type',
        't3.micro',
        '--count',
        '1',
      ]);
      assert.strictEqual(run.Instances[0].ImageId, one.Parameter.Value);
    });

    it('answers the Allowed AMIs operations over HTTP (this CLI version predates them: raw signed requests)', async () => {
      const get = await rawPost(sim, 'Action=GetAllowedImagesSettings&Version=2016-11-15', FAKE_SIGNATURE);
      assert.strictEqual(get.status, 200);
      assert.match(get.body, /<state>disabled<\/state>/);
      assert.match(get.body, /<managedBy>account<\/managedBy>/);
      const enable = await rawPost(
        sim,
        'Action=EnableAllowedImagesSettings&Version=2016-11-15&AllowedImagesSettingsState=audit-mode',
        FAKE_SIGNATURE,
      );
      assert.match(enable.body, /<allowedImagesSettingsState>audit-mode<\/allowedImagesSettingsState>/);
      const criteria = await rawPost(
        sim,
        'Action=ReplaceImageCriteriaInAllowedImagesSettings&Version=2016-11-15&ImageCriterion.1.ImageProvider.1=aws-marketplace',
        FAKE_SIGNATURE,
      );
      assert.strictEqual(criteria.status, 200);
      // The CLI's model predates ImageAllowed too (it drops the member): read the XML.
      const amazon = await rawPost(
        sim,
        'Action=DescribeImages&Version=2016-11-15&Owner.1=amazon&Filter.1.Name=image-allowed&Filter.1.Value.1=true',
        FAKE_SIGNATURE,
      );
      assert.strictEqual(amazon.status, 200);
      assert.match(amazon.body, /<imagesSet\/>/, 'audit mode: no Amazon image meets a Marketplace-only criterion');
      await rawPost(sim, 'Action=DisableAllowedImagesSettings&Version=2016-11-15', FAKE_SIGNATURE);
    });
  });

  describe('with a pending delay', () => {
    let slow: Simulator;

    before(async () => {
      slow = await startSimulator(['--pending-delay', '5', '--instance-transition', '0']);
    });

    after(() => stopSimulator(slow));

    it('the image is pending at first and `aws ec2 wait image-available` waits for it', async () => {
      const instances = await ok(slow, [
        'ec2',
        'describe-instances',
        '--filters',
        'Name=instance-state-name,Values=running',
      ]);
      const instance = instances.Reservations.flatMap((r: { Instances: unknown[] }) => r.Instances).find(
        (i: { RootDeviceType: string }) => i.RootDeviceType === 'ebs',
      );
      const made = await ok(slow, [
        'ec2',
        'create-image',
        '--instance-id',
        instance.InstanceId,
        '--name',
        'cli-slow-image',
        '--no-reboot',
      ]);
      const pending = await ok(slow, ['ec2', 'describe-images', '--image-ids', made.ImageId]);
      assert.strictEqual(pending.Images[0].State, 'pending');
      const started = Date.now();
      await ok(slow, ['ec2', 'wait', 'image-available', '--image-ids', made.ImageId]);
      const available = await ok(slow, ['ec2', 'describe-images', '--image-ids', made.ImageId]);
      assert.strictEqual(available.Images[0].State, 'available');
      assert.ok(Date.now() - started < 60_000);
    });
  });
});
