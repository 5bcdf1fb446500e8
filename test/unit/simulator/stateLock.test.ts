import * as assert from 'assert';
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DescribeImagesCommand } from '@aws-sdk/client-ec2';
import { StateFileLockedError } from '../../../src/simulator/stateLock';
import { ec2, newSimulator } from './helpers';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'src/simulator/cli.ts');

interface Run {
  child: ChildProcess;
  stdout: () => string;
  done: Promise<{ code: number | null; stderr: string }>;
}

function runCli(args: string[]): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', '0', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stderr })),
  );
  return { child, stdout: () => stdout, done };
}

async function listening(run: Run): Promise<void> {
  const until = Date.now() + 15_000;
  while (!run.stdout().includes('switch account')) {
    if (run.child.exitCode !== null || Date.now() > until) throw new Error(`the CLI did not start: ${run.stdout()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The pid of a process that has exited (a stale lock's owner). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('one simulator per state file', function () {
  this.timeout(40_000);
  let dir: string;
  let file: string;
  const running: ChildProcess[] = [];

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-sim-lock-'));
    file = path.join(dir, 'state.json');
  });

  afterEach(() => {
    for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second process on the same file, naming the file and the owner, until the first stops', async () => {
    const first = runCli(['--state', file]);
    running.push(first.child);
    await listening(first);
    assert.strictEqual(fs.readFileSync(`${file}.lock`, 'utf8').split('\n')[0], String(first.child.pid));

    const second = runCli(['--state', file]);
    running.push(second.child);
    const refused = await second.done;
    assert.strictEqual(refused.code, 1, refused.stderr);
    assert.ok(refused.stderr.includes(file), refused.stderr);
    assert.ok(refused.stderr.includes(`process ${first.child.pid}`), refused.stderr);
    assert.match(refused.stderr, /--state/);
    assert.match(refused.stderr, /--memory/);
    assert.doesNotMatch(refused.stderr, /\n\s+at /, 'no stack trace');
    assert.strictEqual(first.child.exitCode, null, 'the owner keeps running');

    // A simulator in this process (as the extension runs it) is refused the same way.
    assert.throws(
      () => newSimulator({ stateFile: file }),
      (e: unknown) => e instanceof StateFileLockedError && e.ownerPid === first.child.pid,
    );

    first.child.kill('SIGTERM');
    assert.strictEqual((await first.done).code, 0);
    assert.ok(!fs.existsSync(`${file}.lock`), 'the owner removes its lock when it stops');
    const third = runCli(['--state', file]);
    running.push(third.child);
    await listening(third);
  });

  it('takes over the lock of a process that is gone (killed, crashed)', async () => {
    const gone = deadPid();
    fs.writeFileSync(`${file}.lock`, `${gone}\n`);
    const sim = newSimulator({ stateFile: file });
    assert.strictEqual(fs.readFileSync(`${file}.lock`, 'utf8').split('\n')[0], String(process.pid));
    sim.dispose();
    assert.ok(!fs.existsSync(`${file}.lock`));
  });

  it('refuses a lock held by a live process, but not when its pid was reused by a process started later', () => {
    // A live process other than this one: the test runner's parent. Its start time is in /proc (Linux).
    const stat = fs.readFileSync(`/proc/${process.ppid}/stat`, 'utf8');
    const start = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    fs.writeFileSync(`${file}.lock`, `${process.ppid}\n${start}\n`);
    assert.throws(
      () => newSimulator({ stateFile: file }),
      (e: unknown) => e instanceof StateFileLockedError && e.ownerPid === process.ppid,
    );
    fs.writeFileSync(`${file}.lock`, `${process.ppid}\n${Number(start) - 1}\n`);
    newSimulator({ stateFile: file }).dispose();
  });

  it('takes over a lock killed -9 left behind', async () => {
    const owner = runCli(['--state', file]);
    running.push(owner.child);
    await listening(owner);
    owner.child.kill('SIGKILL');
    await owner.done;
    assert.ok(fs.existsSync(`${file}.lock`), 'a killed process leaves its lock');
    const sim = newSimulator({ stateFile: file });
    await ec2(sim).send(new DescribeImagesCommand({ Owners: ['self'] }));
    sim.dispose();
  });

  it('refuses a second simulator in the same process until the first is disposed', () => {
    const first = newSimulator({ stateFile: file });
    assert.throws(() => newSimulator({ stateFile: file }), StateFileLockedError);
    first.dispose();
    newSimulator({ stateFile: file }).dispose();
  });

  it('removes temporary files interrupted saves left behind, and only those', () => {
    fs.writeFileSync(`${file}.4242.tmp`, '{"half');
    fs.writeFileSync(`${file}.7.tmp`, '');
    fs.writeFileSync(path.join(dir, 'other.json.7.tmp'), 'not ours');
    const sim = newSimulator({ stateFile: file });
    sim.dispose();
    assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['other.json.7.tmp', 'state.json']);
  });

  it('moves aside a file that is JSON but not a state, instead of failing every request', async () => {
    const wrong = {
      version: 1,
      idCounter: 3,
      seed: { publicImagesInLargeRegion: 0, largeRegion: 'us-east-1' },
      regions: { 'us-east-1': { images: null, snapshots: {}, volumes: {}, instances: {}, imageBlockPublicAccess: {} } },
    };
    fs.writeFileSync(file, JSON.stringify(wrong));
    const warnings: string[] = [];
    const sim = newSimulator({ stateFile: file, onWarning: (m) => warnings.push(m) });
    assert.strictEqual(warnings.length, 1, warnings.join('\n'));
    assert.match(warnings[0], /region us-east-1 has no images/);
    const moved = fs.readdirSync(dir).find((f) => f.startsWith('state.json.corrupt-'));
    assert.ok(moved, fs.readdirSync(dir).join(', '));
    assert.deepStrictEqual(JSON.parse(fs.readFileSync(path.join(dir, moved), 'utf8')), wrong);
    const out = await ec2(sim).send(new DescribeImagesCommand({ Owners: ['self'] }));
    assert.ok((out.Images ?? []).length > 0, 'the reseeded simulator answers');
    sim.dispose();
  });
});
