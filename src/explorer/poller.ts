import type { Watch } from './explorerModel';
import { Listeners } from '../shared/listeners';

/** Timer functions, injected so tests can drive polling without waiting. */
export interface Scheduler {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realScheduler: Scheduler = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** After this many failed polls in a row, a region's watches are dropped (a refresh starts over). */
export const MAX_FAILURES = 10;

/** What the poller asks about things in transition; returns the ids still moving. */
export interface PollTarget {
  pollImages(region: string, ids: readonly string[]): Promise<string[]>;
  pollInstances(region: string, ids: readonly string[]): Promise<string[]>;
}

/**
 * Follows pending images and instances in transition until they settle: one DescribeImages and
 * one DescribeInstances per region per tick, only while something is moving.
 */
export class Poller {
  private readonly watched = new Map<string, Watch>();
  /** Consecutive failed polls per region. */
  private readonly failures = new Map<string, number>();
  private timer: unknown;
  private ticking: Promise<void> | undefined;
  private disposed = false;
  /** Fired for each item that stopped being followed: it settled, or following was given up or cleared. */
  readonly onDidSettle = new Listeners<Watch>();

  constructor(
    private readonly target: PollTarget,
    private readonly intervalMs: number,
    private readonly scheduler: Scheduler,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Whether an item is still followed. */
  isWatching(item: Watch): boolean {
    return this.watched.has(`${item.region}/${item.kind}/${item.id}`);
  }

  watch(item: Watch): void {
    this.watched.set(`${item.region}/${item.kind}/${item.id}`, item);
    this.schedule();
  }

  get size(): number {
    return this.watched.size;
  }

  /** One round of polling now (tests call this instead of waiting for the timer). */
  tick(): Promise<void> {
    this.ticking ??= this.poll().finally(() => {
      this.ticking = undefined;
      this.schedule();
    });
    return this.ticking;
  }

  private async poll(): Promise<void> {
    this.cancelTimer();
    const byRegion = new Map<string, { image: string[]; instance: string[] }>();
    for (const w of this.watched.values()) {
      const entry = byRegion.get(w.region) ?? { image: [], instance: [] };
      entry[w.kind].push(w.id);
      byRegion.set(w.region, entry);
    }
    await Promise.all(
      [...byRegion].map(async ([region, ids]) => {
        try {
          const [images, instances] = await Promise.all([
            ids.image.length ? this.target.pollImages(region, ids.image) : [],
            ids.instance.length ? this.target.pollInstances(region, ids.instance) : [],
          ]);
          this.settle(region, 'image', ids.image, images);
          this.settle(region, 'instance', ids.instance, instances);
          this.failures.delete(region);
        } catch (error) {
          // A throttled or failed poll is retried on the next tick, but not forever.
          const failures = (this.failures.get(region) ?? 0) + 1;
          this.failures.set(region, failures);
          if (failures >= MAX_FAILURES) {
            this.failures.delete(region);
            this.settle(region, 'image', ids.image, []);
            this.settle(region, 'instance', ids.instance, []);
          }
          this.onError(error);
        }
      }),
    );
  }

  private settle(region: string, kind: Watch['kind'], asked: string[], stillMoving: string[]): void {
    const moving = new Set(stillMoving);
    for (const id of asked) {
      const key = `${region}/${kind}/${id}`;
      const item = this.watched.get(key);
      if (!moving.has(id) && item) {
        this.watched.delete(key);
        this.onDidSettle.fire(item);
      }
    }
  }

  private schedule(): void {
    if (this.disposed || this.timer !== undefined || this.ticking || this.watched.size === 0) {
      return;
    }
    this.timer = this.scheduler.setTimeout(() => {
      this.timer = undefined;
      void this.tick();
    }, this.intervalMs);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) {
      this.scheduler.clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  /** Stops following everything (backend switched or simulator reset). */
  clear(): void {
    const items = [...this.watched.values()];
    this.watched.clear();
    for (const item of items) {
      this.onDidSettle.fire(item);
    }
    this.cancelTimer();
  }

  dispose(): void {
    this.disposed = true;
    this.clear();
  }
}
