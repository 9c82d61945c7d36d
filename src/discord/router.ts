import {
  ApplicationCommandType,
  DiscordAPIError,
  RESTJSONErrorCodes,
  type AutocompleteInteraction,
  type Interaction,
  type RepliableInteraction,
} from 'discord.js';
import { langOf, MESSAGES, t } from './i18n.js';
import { notice } from './render.js';
import { Responder } from './respond.js';
import type { BotContext, ChatCommandModule, CommandContext, CommandModule, MessageCommandModule } from './types.js';

export const GENERIC_ERROR = MESSAGES.en.genericError;
export const UNKNOWN_COMMAND = MESSAGES.en.unknownCommand;
export const RESTARTING = MESSAGES.en.restarting;

export interface Router {
  /** Handles one interaction; never rejects. */
  (interaction: Interaction): Promise<void>;
  /** Shutdown, step 1: new interactions get the "restarting" notice instead of an answer. */
  close(): void;
  /**
   * Shutdown, step 2: waits up to `timeoutMs` for the interactions already received to be
   * answered, then gives any still pending (a deferral not yet filled in, say) the "restarting"
   * notice. Resolves with how many had to be cut short.
   */
  drain(timeoutMs: number): Promise<number>;
}

export function isMessageCommand(module: CommandModule): module is MessageCommandModule {
  return module.data.toJSON().type === ApplicationCommandType.Message;
}

/** The interaction is gone (answered too late, or the token expired): nothing can be sent any more. */
function interactionGone(error: unknown): boolean {
  return (
    error instanceof DiscordAPIError &&
    (error.code === RESTJSONErrorCodes.UnknownInteraction || error.code === RESTJSONErrorCodes.InvalidWebhookToken)
  );
}

/**
 * One entry point for every interaction: slash commands and the context menu by command name,
 * autocomplete by command name, buttons by the custom id prefix (`ask:…` → the ask module).
 * It gives each handler a Responder (deferral after `deferAfterMs`) and turns any exception into a short ephemeral message plus a log line with the interaction id.
 * The returned function never rejects.
 */
export function createRouter(commands: readonly CommandModule[], ctx: BotContext): Router {
  const chat = new Map<string, ChatCommandModule>();
  const message = new Map<string, MessageCommandModule>();
  for (const module of commands) {
    if (isMessageCommand(module)) message.set(module.data.name, module);
    else chat.set(module.data.name, module);
  }

  const pending = new Map<Responder, ReturnType<typeof langOf>>();
  let closed = false;

  function run(
    interaction: RepliableInteraction,
    name: string,
    options: { ephemeral: boolean },
    handler: ((ctx: CommandContext) => Promise<void>) | null,
  ): Promise<void> {
    const log = ctx.logger.child({ interactionId: interaction.id, command: name, user: interaction.user.id });
    const lang = langOf(interaction.locale);
    const m = t(lang);
    // Decided now, on arrival: once queued behind a burst it would be too late to decide. Only an
    // interaction that starts at once is answered without a deferral: one that waits for its turn
    // waits for the event loop to handle everything that arrived with it (a whole burst). Once the
    // bot is shutting down, the answer is the "restarting" notice, sent at once: nothing to defer.
    const backlogged = !closed && (!ctx.queue.startsAtOnce || ctx.pace.rateLimited);
    const reply = new Responder(interaction, {
      deferAfterMs: ctx.config.deferAfterMs,
      ephemeral: options.ephemeral,
      logger: log,
      createdAt: interaction.createdTimestamp,
      deferNow: backlogged && handler !== null,
      pace: ctx.pace,
    });
    if (closed) {
      return reply.send(notice(m.restarting)).catch((error: unknown) => log.warn({ err: error }, 'could not send the restarting notice'));
    }
    pending.set(reply, lang);
    // In a burst, the deferrals go out first: engine work started meanwhile would slow them down.
    const deferral = reply.deferralInFlight;
    if (deferral) ctx.queue.holdWhile(deferral);
    return ctx.queue.push(async () => {
      try {
        reply.checkpoint();
        if (!handler) {
          log.warn('no handler for this interaction (commands not redeployed?)');
          await reply.send(notice(m.unknownCommand));
          return;
        }
        await handler({ ...ctx, reply, log, lang });
        if (!reply.acknowledged) {
          log.warn('handler returned without answering');
          await reply.send(notice(m.genericError));
        }
      } catch (error) {
        if (interactionGone(error)) {
          log.warn({ err: error }, 'the interaction expired before the answer could be sent');
          return;
        }
        log.error({ err: error }, 'interaction handler failed');
        try {
          await reply.send(notice(m.genericError));
        } catch (second) {
          log.warn({ err: second }, 'could not tell the user about the failure');
        }
      } finally {
        reply.close();
        pending.delete(reply);
      }
    });
  }

  async function autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const module = chat.get(interaction.commandName);
    const log = ctx.logger.child({ interactionId: interaction.id, command: interaction.commandName });
    try {
      if (!module?.autocomplete) {
        await interaction.respond([]);
        return;
      }
      await module.autocomplete(interaction, ctx);
    } catch (error) {
      log.error({ err: error }, 'autocomplete failed');
      if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
    }
  }

  async function route(interaction: Interaction): Promise<void> {
    try {
      if (interaction.isChatInputCommand()) {
        const module = chat.get(interaction.commandName);
        await run(
          interaction,
          interaction.commandName,
          { ephemeral: false },
          module ? (c) => module.execute(interaction, c) : null,
        );
      } else if (interaction.isMessageContextMenuCommand()) {
        const module = message.get(interaction.commandName);
        await run(
          interaction,
          interaction.commandName,
          { ephemeral: false },
          module ? (c) => module.execute(interaction, c) : null,
        );
      } else if (interaction.isAutocomplete()) {
        // Cheap, cannot be deferred, and pointless once the user has moved on: not queued.
        if (closed) await interaction.respond([]).catch(() => undefined);
        else await autocomplete(interaction);
      } else if (interaction.isButton()) {
        const prefix = interaction.customId.split(':')[0] ?? '';
        const module = chat.get(prefix);
        const button = module?.button;
        await run(interaction, `button:${prefix}`, { ephemeral: true }, button ? (c) => button.call(module, interaction, c) : null);
      }
      // Other interaction types (modals, select menus) are not used by this bot.
    } catch (error) {
      ctx.logger.error({ err: error, interactionId: interaction.id }, 'interaction routing failed');
    }
  }

  return Object.assign(route, {
    close(): void {
      closed = true;
    },
    async drain(timeoutMs: number): Promise<number> {
      closed = true;
      await ctx.queue.idle(timeoutMs);
      const left = [...pending].filter(([r]) => r.pending);
      await Promise.allSettled(
        left.map(([r, lang]) =>
          r.abandon(notice(t(lang).restarting)).catch((error: unknown) => ctx.logger.warn({ err: error, interactionId: r.interaction.id }, 'could not send the restarting notice')),
        ),
      );
      return left.length;
    },
  });
}
