import * as assert from 'assert';
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { loadState } from '../../../src/simulator/store';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'src/simulator/cli.ts');

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the simulator CLI from source (through tsx) with the given arguments. */
function runCli(args: string[]): {
  child: ChildProcess;
  output: () => { stdout: string; stderr: string };
  done: Promise<Finished>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<Finished>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, output: () => ({ stdout, stderr }), done };
}

/** Waits until the CLI has printed its whole banner (the last line is the account-switch hint). */
async function waitForBanner(run: ReturnType<typeof runCli>, timeoutMs = 15_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const { stdout } = run.output();
    if (stdout.includes('switch account')) return stdout;
    if (run.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const { stdout, stderr } = run.output();
  throw new Error(`the simulator CLI did not start:\n${stdout}\n${stderr}`);
}

describe('simulator CLI', function () {
  this.timeout(30_000);
  const running: ChildProcess[] = [];

  afterEach(() => {
    for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('prints the endpoint and the credentials of each account, and serves on that endpoint', async () => {
    const run = runCli(['--port', '0', '--memory']);
    running.push(run.child);
    const banner = await waitForBanner(run);
    const url = /listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(banner)?.[1];
    assert.ok(url, banner);
    assert.match(banner, /State: in memory/);
    assert.match(banner, /123456789012\s+AWS_ACCESS_KEY_ID=AKIAAMIEXPLORERDEV01/);
    assert.match(banner, /210987654321\s+AWS_ACCESS_KEY_ID=AKIAAMIEXPLORERPTNR1/);
    assert.match(banner, /AWS_SECRET_ACCESS_KEY=\S+/);
    assert.ok(banner.includes(`aws --endpoint-url ${url} ec2 describe-images`), 'a command to try, with the endpoint');

    const client = new EC2Client({
      region: 'eu-west-1',
      endpoint: url,
      credentials: { accessKeyId: 'AKIAAMIEXPLORERDEV01', secretAccessKey: 'x' },
      maxAttempts: 1,
    });
    try {
      const out = await client.send(new DescribeRegionsCommand({}));
      assert.ok((out.Regions ?? []).some((r) => r.RegionName === 'eu-west-1'));
    } finally {
      client.destroy();
    }

    run.child.kill('SIGTERM');
    const finished = await run.done;
    assert.strictEqual(finished.code, 0, `stops cleanly on SIGTERM: ${finished.stderr}`);
  });

  it('refuses a busy port with a clear message', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const run = runCli(['--port', String(port), '--memory']);
      running.push(run.child);
      const finished = await run.done;
      assert.notStrictEqual(finished.code, 0);
      assert.ok(finished.stderr.includes(`Port ${port} on 127.0.0.1 is in use`), finished.stderr);
      assert.match(finished.stderr, /--port/);
      assert.doesNotMatch(finished.stderr, /\n\s+at /, 'no stack trace');
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('prints its usage with --help and exits 0', async () => {
    const finished = await runCli(['--help']).done;
    assert.strictEqual(finished.code, 0);
    for (const flag of [
      '--port',
      '--state',
      '--memory',
      '--pending-delay',
      '--instance-transition',
      '--large-region-images',
    ]) {
      assert.ok(finished.stdout.includes(flag), `usage mentions ${flag}`);
    }
  });

  it('rejects an unknown option or a bad number with the usage and exit code 2', async () => {
    const unknown = await runCli(['--frobnicate']).done;
    assert.strictEqual(unknown.code, 2);
    assert.match(unknown.stderr, /Unknown option --frobnicate/);
    assert.match(unknown.stderr, /Usage:/);
    const bad = await runCli(['--pending-delay', 'soon']).done;
    assert.strictEqual(bad.code, 2);
    assert.match(bad.stderr, /--pending-delay needs a non-negative number/);
  });

  it('persists to --state FILE', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-sim-cli-'));
    try {
      const file = path.join(dir, 'nested', 'state.json');
      const run = runCli(['--port', '0', '--state', file]);
      running.push(run.child);
      const banner = await waitForBanner(run);
      assert.ok(banner.includes(`State: ${file}`), banner);
      assert.strictEqual(loadState(file).kind, 'loaded', 'the seed state is written at start');
      run.child.kill('SIGTERM');
      await run.done;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
