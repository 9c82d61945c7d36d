/** Lets timers, heartbeats and I/O run before the rest of a long piece of work (loading, start-up). */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * A long loop cut into slices of at most `ms` milliseconds: the loop asks `due()` as often as it
 * likes (a clock read) and awaits `next()` only when a slice is used up, so that the event loop
 * turns in between without an await per item.
 */
export class TimeSlices {
  private started = performance.now();

  constructor(private readonly ms: number) {}

  due(): boolean {
    return performance.now() - this.started > this.ms;
  }

  async next(): Promise<void> {
    await yieldToEventLoop();
    this.started = performance.now();
  }
}
