import { DiscordAPIError, MessageFlags, RESTJSONErrorCodes, type MessageMentionOptions, type RepliableInteraction } from 'discord.js';
import type { Logger } from 'pino';
import type { BotMessage } from './render.js';

/**
 * No message of the bot may ping anyone: questions are echoed and passages quoted, and either
 * could contain @everyone or a role mention. The client has the same default; this is passed
 * explicitly on every call as well, so no call path depends on the default.
 */
export const NO_MENTIONS: MessageMentionOptions = Object.freeze({ parse: [] });

/** For replies to a message: not even the author of the question is pinged. */
export const REPLY_NO_MENTIONS: MessageMentionOptions = Object.freeze({ parse: [], repliedUser: false });

/** Discord drops an interaction whose first response arrives later than this after its creation. */
export const INTERACTION_DEADLINE_MS = 3000;

/**
 * What the bot knows about how fast Discord answers it right now, shared by every responder:
 * the recent latency of interaction callbacks and the last rate limit seen. A deferral must land
 * before the deadline even when the REST queue is slow, so the deferral point moves earlier.
 */
export class RestPace {
  /** Exponential average of callback round trips (ms). */
  latencyMs = 0;
  /** Until when (ms since epoch) requests are expected to be held by a rate limit. */
  rateLimitedUntil = 0;
  /** The longest wait a recent rate limit imposed (ms); decays once it is over. */
  lastRetryAfterMs = 0;

  constructor(private readonly now: () => number = Date.now) {}

  observeLatency(ms: number): void {
    this.latencyMs = this.latencyMs === 0 ? ms : this.latencyMs * 0.8 + ms * 0.2;
  }

  observeRateLimit(retryAfterMs: number): void {
    this.rateLimitedUntil = Math.max(this.rateLimitedUntil, this.now() + retryAfterMs);
    this.lastRetryAfterMs = Math.max(this.lastRetryAfterMs, retryAfterMs);
  }

  get rateLimited(): boolean {
    if (this.now() < this.rateLimitedUntil) return true;
    // A rate limit that passed still says something for a while; forget it after 30 s.
    if (this.now() > this.rateLimitedUntil + 30_000) this.lastRetryAfterMs = 0;
    return false;
  }

  /** How long a request sent now may take to reach Discord. */
  get expectedDelayMs(): number {
    return Math.max(this.latencyMs, this.rateLimited ? this.rateLimitedUntil - this.now() : 0, this.lastRetryAfterMs);
  }
}

export interface ResponderOptions {
  /** Defer when nothing was sent this long after the interaction was created (its snowflake). */
  readonly deferAfterMs: number;
  /** Whether a deferral shows "thinking…" to everyone or only to the user. */
  readonly ephemeral: boolean;
  readonly logger: Logger;
  /** When Discord created the interaction (ms, from its snowflake); defaults to now. */
  readonly createdAt?: number;
  /** Defer at once (a backlog is building up, or Discord is slow to answer). */
  readonly deferNow?: boolean;
  readonly pace?: RestPace;
  readonly now?: () => number;
}

type State = 'fresh' | 'deferring' | 'deferred' | 'replying' | 'answered' | 'closed';

/** Discord applied the callback on an earlier attempt (a 500 that was not a failure), so the retry is refused. */
function alreadyAcknowledged(error: unknown): boolean {
  return error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged;
}

/**
 * Sends an interaction's responses in the right form whatever happened before: the first one
 * as the reply, or into the "thinking…" placeholder once deferred, later ones as follow-ups.
 *
 * - The 3 s deadline counts from the interaction's creation (its snowflake), not from when the
 *   handler ran: an interaction that waited in a queue defers at once.
 * - The deferral point moves earlier when callbacks are slow or rate limited, so a deferral
 *   still lands in time.
 * - An ephemeral message after a public deferral is not written into the public placeholder:
 *   the placeholder is deleted and the message sent as an ephemeral follow-up.
 * - A 40060 (already acknowledged) on a callback means an earlier attempt was applied: delivered.
 */
export class Responder {
  private state: State = 'fresh';
  private deferral: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly now: () => number;
  readonly createdAt: number;

  constructor(
    readonly interaction: RepliableInteraction,
    private readonly options: ResponderOptions,
  ) {
    this.now = options.now ?? Date.now;
    const now = this.now();
    // A clock ahead of Discord's would put the creation in the future: count from now then.
    this.createdAt = Math.min(options.createdAt ?? now, now);
    if (options.deferNow) {
      void this.defer();
      return;
    }
    this.schedule();
  }

  /** Milliseconds since Discord created the interaction. */
  get ageMs(): number {
    return this.now() - this.createdAt;
  }

  /** True once the interaction is acknowledged or being acknowledged (replied or deferred). */
  get acknowledged(): boolean {
    return this.state !== 'fresh';
  }

  get deferred(): boolean {
    return this.deferral !== null;
  }

  /** The deferral while it is on its way to Discord, else null. */
  get deferralInFlight(): Promise<void> | null {
    return this.state === 'deferring' ? this.deferral : null;
  }

  /** Still waiting for its final answer (fresh, or deferred and not yet filled in). */
  get pending(): boolean {
    return this.state === 'fresh' || this.state === 'deferring' || this.state === 'deferred';
  }

  /** The latest moment, since creation, at which a deferral is sent. */
  deferPointMs(): number {
    const delay = this.options.pace?.expectedDelayMs ?? 0;
    // Leave room for the request itself: half a second of safety plus what Discord currently takes.
    return Math.max(0, Math.min(this.options.deferAfterMs, INTERACTION_DEADLINE_MS - 500 - delay));
  }

  /** Called when the handler starts its work: defers first if the deferral point has passed. */
  checkpoint(): void {
    if (this.state === 'fresh' && this.ageMs >= this.deferPointMs()) void this.defer();
  }

  private schedule(): void {
    this.clearTimer();
    const wait = this.deferPointMs() - this.ageMs;
    if (wait <= 0) {
      void this.defer();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      // The rate-limit picture may have changed since the timer was set.
      if (this.state === 'fresh') this.schedule();
    }, wait);
    this.timer.unref();
  }

  /** Acknowledges now with "thinking…", unless something was already sent. */
  defer(): Promise<void> {
    this.clearTimer();
    if (this.state !== 'fresh') return this.deferral ?? Promise.resolve();
    this.state = 'deferring';
    const flags = this.options.ephemeral ? MessageFlags.Ephemeral : undefined;
    const started = this.now();
    this.deferral = this.interaction.deferReply({ flags }).then(
      () => {
        this.options.pace?.observeLatency(this.now() - started);
        if (this.state === 'deferring') this.state = 'deferred';
      },
      (error: unknown) => {
        if (alreadyAcknowledged(error)) {
          // An earlier attempt of this very deferral reached Discord (it answered 500 but applied it).
          this.options.logger.info({ interactionId: this.interaction.id }, 'deferral applied by an earlier attempt (40060 on retry): delivered');
          this.interaction.deferred = true;
          this.interaction.ephemeral = this.options.ephemeral;
          if (this.state === 'deferring') this.state = 'deferred';
          return;
        }
        this.options.logger.warn({ err: error, interactionId: this.interaction.id }, 'could not defer the reply');
        throw error;
      },
    );
    // The failure is logged here and surfaces again in send(); don't report it as unhandled meanwhile.
    this.deferral.catch(() => undefined);
    this.options.logger.debug({ ageMs: this.ageMs }, 'deferred');
    return this.deferral;
  }

  async send(message: BotMessage): Promise<void> {
    this.clearTimer();
    const flags = message.ephemeral ? MessageFlags.Ephemeral : undefined;
    const body = {
      ...(message.content !== undefined ? { content: message.content } : {}),
      embeds: message.embeds ?? [],
      components: message.components ?? [],
      allowedMentions: NO_MENTIONS,
    };
    switch (this.state) {
      case 'closed':
        // Already answered by shutdown ("restarting"): nothing more to say.
        return;
      case 'fresh': {
        this.state = 'replying';
        const started = this.now();
        try {
          await this.interaction.reply({ ...body, flags });
          this.options.pace?.observeLatency(this.now() - started);
        } catch (error) {
          if (!alreadyAcknowledged(error)) throw error;
          this.options.logger.info({ interactionId: this.interaction.id }, 'reply applied by an earlier attempt (40060 on retry): delivered');
          this.interaction.replied = true;
          this.interaction.ephemeral = Boolean(message.ephemeral);
        } finally {
          this.state = 'answered';
        }
        return;
      }
      case 'deferring':
      case 'deferred':
      case 'replying': {
        const wasDeferral = this.state !== 'replying';
        this.state = 'answered';
        if (!wasDeferral) {
          // A reply is on its way (a race with shutdown): whatever follows is a follow-up.
          await this.interaction.followUp({ ...body, flags });
          return;
        }
        await this.deferral;
        if (message.ephemeral && !this.options.ephemeral) {
          // The placeholder is public and an edit cannot make it private (the discord.js guide's
          // way): delete it, then send the message as an ephemeral follow-up.
          await this.interaction.deleteReply();
          await this.interaction.followUp({ ...body, flags });
          return;
        }
        await this.interaction.editReply(body);
        return;
      }
      case 'answered':
        await this.interaction.followUp({ ...body, flags });
        return;
    }
  }

  /**
   * Shutdown: gives a still-pending interaction its final message now (a "restarting, ask
   * again" notice), and makes later sends from its handler no-ops.
   */
  async abandon(message: BotMessage): Promise<void> {
    if (!this.pending) return;
    try {
      await this.send(message);
    } finally {
      this.state = 'closed';
    }
  }

  /** Stops the deferral timer (the handler is done). */
  close(): void {
    this.clearTimer();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
