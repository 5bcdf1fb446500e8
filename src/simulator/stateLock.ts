import * as fs from 'fs';
import * as path from 'path';

/**
 * One owner per state file. Two simulators saving the same file (two VS Code windows, or the
 * extension beside `npm run simulator`) would each overwrite the other's changes and hand out
 * the same ids, silently. The owner holds `<file>.lock` with its pid; a lock whose process is
 * gone (killed, crashed) is stale and taken over.
 */

/** The state file is owned by another live simulator. */
export class StateFileLockedError extends Error {
  /** Lets callers that do not import this module (the extension's lazy loader) recognise it. */
  readonly code = 'SimulatorStateLocked';

  constructor(
    readonly stateFile: string,
    readonly ownerPid: number,
  ) {
    super(
      ownerPid === process.pid
        ? `The simulator state file ${stateFile} is already used by another simulator in this process.`
        : `The simulator state file ${stateFile} is already used by another simulator, process ${ownerPid} (another VS Code window with AMI Explorer, or \`npm run simulator\`). Two simulators on one file would lose each other's changes.`,
    );
    this.name = 'StateFileLockedError';
  }
}

/** A lock held by this process; `release()` is idempotent. */
export interface StateLock {
  readonly lockFile: string;
  release(): void;
}

/** Lock files this process holds, removed when it exits. */
const held = new Set<string>();
let exitHookInstalled = false;

/** Takes the lock of `stateFile`, or throws {@link StateFileLockedError} naming the owner. */
export function lockStateFile(stateFile: string): StateLock {
  const lockFile = path.resolve(`${stateFile}.lock`);
  if (held.has(lockFile)) throw new StateFileLockedError(stateFile, process.pid);
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  // Two tries: the second after taking a stale lock away.
  for (let attempt = 0; attempt < 2; attempt++) {
    if (tryCreate(lockFile)) return hold(lockFile);
    const owner = readOwner(lockFile);
    if (owner !== undefined && owner !== process.pid && isAlive(owner)) {
      throw new StateFileLockedError(stateFile, owner);
    }
    removeStale(lockFile, owner);
  }
  const owner = readOwner(lockFile);
  throw new StateFileLockedError(stateFile, owner ?? -1);
}

/**
 * Creates the lock file with the pid already in it (written aside, then hard-linked into
 * place, which fails if the lock exists): no other process ever sees an empty lock.
 */
function tryCreate(lockFile: string): boolean {
  const temp = `${lockFile}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${process.pid}\n${startTimeOf(process.pid) ?? ''}\n`);
  try {
    fs.linkSync(temp, lockFile);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** The live owner's pid, or undefined when the lock is unreadable or its process is gone. */
function readOwner(lockFile: string): number | undefined {
  let text: string;
  try {
    text = fs.readFileSync(lockFile, 'utf8');
  } catch {
    return undefined;
  }
  const [pidLine, startLine] = text.split('\n');
  const pid = Number.parseInt(pidLine, 10);
  if (!Number.isSafeInteger(pid) || pid <= 0) return undefined;
  // Process ids are reused (after a reboot, or quickly in a container): where the system tells a
  // process's start time, a pid that now names a process started at another time is not the owner.
  if (startLine && pid !== process.pid) {
    const start = startTimeOf(pid);
    if (start !== undefined && start !== startLine.trim()) return undefined;
  }
  return pid;
}

/** When the process started, from Linux's /proc (undefined elsewhere, or when the process is gone). */
function startTimeOf(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime) counts from after the command name, which may hold spaces: `pid (comm) state …`.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes a stale lock. It is first renamed to a name only this process uses, so that of two
 * processes finding the same stale lock only one removes it; if what was renamed turns out to be
 * a live owner's fresh lock (it replaced the stale one meanwhile), it is put back.
 */
function removeStale(lockFile: string, stalePid: number | undefined): void {
  const aside = `${lockFile}.stale-${process.pid}`;
  try {
    fs.renameSync(lockFile, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  const owner = readOwner(aside);
  if (owner !== stalePid && owner !== undefined && isAlive(owner)) {
    try {
      fs.linkSync(aside, lockFile);
    } catch {
      // Someone else holds the lock now; the next try reads it.
    }
  }
  fs.rmSync(aside, { force: true });
}

function hold(lockFile: string): StateLock {
  held.add(lockFile);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const file of held) removeIfOurs(file);
    });
  }
  let released = false;
  return {
    lockFile,
    release: () => {
      if (released) return;
      released = true;
      held.delete(lockFile);
      removeIfOurs(lockFile);
    },
  };
}

function removeIfOurs(lockFile: string): void {
  try {
    if (readOwner(lockFile) === process.pid) fs.rmSync(lockFile, { force: true });
  } catch {
    // Nothing to clean up, or the folder is gone.
  }
}
