import type { EC2Client } from '@aws-sdk/client-ec2';

/** How many EC2 calls one account may have in flight at once (issue 11: "bounded per account"). */
export const MAX_CALLS_IN_FLIGHT_PER_ACCOUNT = 10;

/** The error a dropped or abandoned call rejects with; its name is the one the SDK gives an aborted request. */
export class CallAbandonedError extends Error {
  override readonly name = 'AbortError';
  constructor() {
    super('The load was abandoned (the folder was collapsed or refreshed).');
  }
}

/**
 * A counting semaphore for the calls of one account, whatever their region: a tree that expands
 * 17 regions at once would otherwise start ~100 DescribeImages together and meet EC2's request
 * throttling (the SDK's adaptive retry then slows them down; this keeps them from piling up first).
 * Calls whose signal aborts while they wait are dropped from the queue; one that aborts while
 * running rejects at once, and its slot frees when EC2 really answers (the count stays honest).
 */
export class CallLimiter {
  private running = 0;
  private highest = 0;
  private readonly waiting: { start: () => void; signal?: AbortSignal }[] = [];

  constructor(readonly max: number = MAX_CALLS_IN_FLIGHT_PER_ACCOUNT) {}

  /** Calls in flight now. */
  get inFlight(): number {
    return this.running;
  }

  /** The most calls in flight at once since creation (or the last {@link resetPeak}). */
  get peak(): number {
    return this.highest;
  }

  /** Calls waiting for a slot. */
  get queued(): number {
    return this.waiting.length;
  }

  resetPeak(): void {
    this.highest = this.running;
  }

  run<T>(call: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(new CallAbandonedError());
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const onAbort = () => {
        if (settled) return;
        settled = true;
        const index = this.waiting.indexOf(entry);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(new CallAbandonedError());
      };
      const entry = {
        signal,
        start: () => {
          this.running++;
          this.highest = Math.max(this.highest, this.running);
          let result: Promise<T>;
          try {
            result = call();
          } catch (error) {
            // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the call's own error, unchanged
            result = Promise.reject(error);
          }
          result.then(
            (value) => {
              signal?.removeEventListener('abort', onAbort);
              if (!settled) {
                settled = true;
                resolve(value);
              }
            },
            (error: unknown) => {
              signal?.removeEventListener('abort', onAbort);
              if (!settled) {
                settled = true;
                // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the call's own error, unchanged
                reject(error);
              }
            },
          );
          void result.catch(() => undefined).finally(() => this.release());
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      if (this.running < this.max) entry.start();
      else this.waiting.push(entry);
    });
  }

  private release(): void {
    this.running--;
    while (this.running < this.max && this.waiting.length > 0) {
      const next = this.waiting.shift()!;
      if (!next.signal?.aborted) next.start();
    }
  }
}

/**
 * Routes every `send` of `client` (paginators included: they call `send`) through `limiter`. The
 * wrapper sits on `send` rather than in the middleware stack because only `send` sees the
 * `abortSignal` option, which lets a queued call be dropped.
 */
export function limitSends(client: EC2Client, limiter: CallLimiter): EC2Client {
  const send = client.send.bind(client) as (
    command: unknown,
    options?: { abortSignal?: AbortSignal },
  ) => Promise<unknown>;
  (client as { send: unknown }).send = (command: unknown, options?: { abortSignal?: AbortSignal }) =>
    limiter.run(() => send(command, options), options?.abortSignal);
  return client;
}

/**
 * The same client whose every `send` carries `signal` (for loads the user can abandon). It is a
 * view on the client (its prototype), so the cached client itself is not changed.
 */
export function withAbortSignal(client: EC2Client, signal: AbortSignal): EC2Client {
  const send = client.send.bind(client) as (command: unknown, options?: object) => Promise<unknown>;
  const view = Object.create(client) as EC2Client;
  (view as { send: unknown }).send = (command: unknown, options?: object) =>
    send(command, { ...options, abortSignal: signal });
  return view;
}

/** A limiter per account key, so connections of one account share one bound. */
export class CallLimiters {
  private readonly byKey = new Map<string, CallLimiter>();

  constructor(private readonly max: number = MAX_CALLS_IN_FLIGHT_PER_ACCOUNT) {}

  forKey(key: string): CallLimiter {
    let limiter = this.byKey.get(key);
    if (!limiter) {
      limiter = new CallLimiter(this.max);
      this.byKey.set(key, limiter);
    }
    return limiter;
  }

  /** The peak number of calls in flight per account key. */
  peaks(): Record<string, number> {
    return Object.fromEntries([...this.byKey].map(([key, l]) => [key, l.peak]));
  }

  resetPeaks(): void {
    for (const l of this.byKey.values()) l.resetPeak();
  }
}
