import { performance } from 'node:perf_hooks';

/**
 * The bot's work, one item at a time, with a turn of the event loop between items.
 *
 * A burst of interactions arrives in a few gateway frames; running every handler at once would
 * keep the event loop busy with the engine's CPU work for seconds, and no timer (deferrals,
 * heartbeats) could fire meanwhile. Here each item starts only after the previous one has run
 * its synchronous part and the loop has had a turn (I/O, timers), and not while deferrals are
 * on their way (`holdWhile`). The queue says whether a new item would start at once, so an
 * interaction that would have to wait can be deferred on arrival.
 */
export class WorkQueue {
  private readonly items: (() => Promise<void>)[] = [];
  private readonly running = new Set<Promise<void>>();
  private pumping = false;
  /** Acknowledgements on their way to Discord: work waits for them (see `holdWhile`). */
  private readonly held = new Set<Promise<unknown>>();

  /** @param maxHoldMs the longest an item waits for acknowledgements before it starts anyway. */
  constructor(private readonly maxHoldMs = 1000) {}

  /**
   * Work does not start while `pending` (a deferral being sent) is unsettled, for at most
   * `maxHoldMs`: in a burst every user's "thinking…" leaves before any answer is computed,
   * instead of each deferral waiting for the engine work queued ahead of its own I/O. Deferrals
   * are sent only when work is waiting anyway, so the answers they hold back were late already.
   */
  holdWhile(pending: Promise<unknown>): void {
    this.held.add(pending);
    const release = (): void => void this.held.delete(pending);
    pending.then(release, release);
  }

  /** Items waiting for their turn. */
  get backlog(): number {
    return this.items.length;
  }

  /**
   * Whether an item queued now would start at once. When it would not, its turn comes only after
   * the event loop has handled the I/O waiting meanwhile, which in a burst is everything that
   * arrived with it: no estimate of that wait holds. Nor does it start at once while deferrals
   * are on their way.
   */
  get startsAtOnce(): boolean {
    return !this.pumping && this.items.length === 0 && this.held.size === 0;
  }

  /** Queues `work`; the returned promise settles with it (it never rejects: `work` handles its errors). */
  push(work: () => Promise<void>): Promise<void> {
    return new Promise<void>((resolve) => {
      this.items.push(() => work().catch(() => undefined).finally(resolve));
      if (!this.pumping) void this.pump();
    });
  }

  /** Resolves when nothing is queued or running, or after `timeoutMs`; true when idle. */
  async idle(timeoutMs: number): Promise<boolean> {
    const until = performance.now() + timeoutMs;
    while (this.items.length || this.running.size) {
      const left = until - performance.now();
      if (left <= 0) return false;
      let timer: NodeJS.Timeout | undefined;
      const waits: Promise<unknown>[] = [new Promise((resolve) => (timer = setTimeout(resolve, Math.min(left, 50))))];
      // Nothing running while items wait (held back for deferrals): allSettled([]) would resolve
      // at once and this loop would spin without letting the event loop run what it waits for.
      if (this.running.size) waits.push(Promise.allSettled([...this.running]));
      await Promise.race(waits);
      clearTimeout(timer);
    }
    return true;
  }

  /**
   * Waits until no acknowledgement is in flight (a burst has been read and deferred), for at most
   * `maxHoldMs`: under a steady stream of deferrals there is always one.
   */
  private async acknowledgementsSent(): Promise<void> {
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(() => resolve(void (timedOut = true)), this.maxHoldMs)));
    while (this.held.size && !timedOut) await Promise.race([Promise.allSettled([...this.held]), timeout]);
    clearTimeout(timer);
  }

  private async pump(): Promise<void> {
    this.pumping = true;
    try {
      // After a wait, the items queued by then run without waiting again, so that a steady stream
      // of deferrals holds the work back by at most `maxHoldMs` per batch, not per item.
      let released = 0;
      while (this.items.length) {
        // The item stays queued while it waits, so that idle() and the backlog count it.
        if (released === 0 && this.held.size) {
          await this.acknowledgementsSent();
          released = this.items.length;
        }
        if (released > 0) released--;
        const item = this.items.shift()!;
        const running = item();
        this.running.add(running);
        void running.finally(() => this.running.delete(running));
        // The item's synchronous part and its resolved awaits run before this: then I/O and timers get a turn.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } finally {
      this.pumping = false;
    }
  }
}
