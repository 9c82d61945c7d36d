/**
 * Per-user cooldown: one engine-backed answer per user per window, so one person cannot keep
 * the bot (and the channel) busy. In memory on purpose: losing it on restart only resets waits.
 */
export class Cooldown {
  private readonly until = new Map<string, number>();

  constructor(
    readonly seconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Starts the user's cooldown and returns 0, or, while one is running, returns the whole
   * seconds left (at least 1) without extending it.
   */
  take(userId: string): number {
    if (this.seconds <= 0) return 0;
    const now = this.now();
    const until = this.until.get(userId);
    if (until !== undefined && until > now) return Math.max(1, Math.ceil((until - now) / 1000));
    this.until.set(userId, now + this.seconds * 1000);
    if (this.until.size > 1000) this.prune(now);
    return 0;
  }

  /** Forgets everyone (tests). */
  clear(): void {
    this.until.clear();
  }

  private prune(now: number): void {
    for (const [user, until] of this.until) if (until <= now) this.until.delete(user);
  }
}
