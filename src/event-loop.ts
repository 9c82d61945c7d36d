/** Lets timers, heartbeats and I/O run before the rest of a long piece of work (loading, start-up). */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
