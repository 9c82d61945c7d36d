import { MessageFlags, type MessageMentionOptions, type RepliableInteraction } from 'discord.js';
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

type State = 'fresh' | 'deferred' | 'answered';

export interface ResponderOptions {
  /** Defer when nothing was sent after this long (Discord's deadline for the first response is 3 s). */
  readonly deferAfterMs: number;
  /** Whether a deferral shows "thinking…" to everyone or only to the user. */
  readonly ephemeral: boolean;
  readonly logger: Logger;
  /** When the interaction arrived (ms); defaults to now. */
  readonly receivedAt?: number;
}

/**
 * Sends an interaction's responses in the right form whatever happened before: the first one
 * as the reply, or as an edit of the "thinking…" placeholder once deferred, later ones as
 * follow-ups. The decision is taken synchronously, so a deferral timer firing while a reply is
 * on its way cannot acknowledge the interaction twice.
 */
export class Responder {
  private state: State = 'fresh';
  private deferral: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    readonly interaction: RepliableInteraction,
    private readonly options: ResponderOptions,
  ) {
    const elapsed = Date.now() - (options.receivedAt ?? Date.now());
    this.timer = setTimeout(() => this.defer(), Math.max(0, options.deferAfterMs - elapsed));
    this.timer.unref();
  }

  /** True once the interaction is acknowledged (replied or deferred). */
  get acknowledged(): boolean {
    return this.state !== 'fresh';
  }

  get deferred(): boolean {
    return this.deferral !== null;
  }

  /** Acknowledges now with "thinking…", unless something was already sent. */
  defer(): Promise<void> {
    this.clearTimer();
    if (this.state !== 'fresh') return this.deferral ?? Promise.resolve();
    this.state = 'deferred';
    const flags = this.options.ephemeral ? MessageFlags.Ephemeral : undefined;
    this.deferral = this.interaction.deferReply({ flags }).then(
      () => undefined,
      (error: unknown) => {
        this.options.logger.warn({ err: error, interactionId: this.interaction.id }, 'could not defer the reply');
        throw error;
      },
    );
    // The failure is logged here and surfaces again in send(); don't report it as unhandled meanwhile.
    this.deferral.catch(() => undefined);
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
      case 'fresh':
        this.state = 'answered';
        await this.interaction.reply({ ...body, flags });
        return;
      case 'deferred':
        this.state = 'answered';
        await this.deferral;
        // The placeholder's visibility was fixed by the deferral; an edit cannot change it.
        await this.interaction.editReply(body);
        return;
      case 'answered':
        await this.interaction.followUp({ ...body, flags });
        return;
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
