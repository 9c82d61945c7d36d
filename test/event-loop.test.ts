/**
 * Time slices (src/event-loop.ts): a long loop asks whether its slice is used up and steps aside
 * only then, letting timers and I/O run. The clock is vitest's fake one, not the machine's.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TimeSlices } from '../src/event-loop.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('TimeSlices', () => {
  it('is due only once its slice has run out, and starts a new slice after stepping aside', async () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const slices = new TimeSlices(10);
    expect(slices.due()).toBe(false);
    vi.advanceTimersByTime(9);
    expect(slices.due()).toBe(false);
    vi.advanceTimersByTime(2);
    expect(slices.due()).toBe(true);
    await slices.next();
    expect(slices.due()).toBe(false);
  });

  it('lets work queued on the event loop run when it steps aside', async () => {
    const ran: string[] = [];
    setImmediate(() => ran.push('immediate'));
    await Promise.resolve();
    expect(ran).toEqual([]);
    await new TimeSlices(0).next();
    expect(ran).toEqual(['immediate']);
  });
});
