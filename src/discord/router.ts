import {
  ApplicationCommandType,
  DiscordAPIError,
  RESTJSONErrorCodes,
  type AutocompleteInteraction,
  type Interaction,
  type RepliableInteraction,
} from 'discord.js';
import { notice } from './render.js';
import { Responder } from './respond.js';
import type { BotContext, ChatCommandModule, CommandContext, CommandModule, MessageCommandModule } from './types.js';

export const GENERIC_ERROR = 'Sorry, something went wrong while answering. Please try again in a moment.';
export const UNKNOWN_COMMAND = 'This command is not available any more. Please try again in a minute.';

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
export function createRouter(commands: readonly CommandModule[], ctx: BotContext): (interaction: Interaction) => Promise<void> {
  const chat = new Map<string, ChatCommandModule>();
  const message = new Map<string, MessageCommandModule>();
  for (const module of commands) {
    if (isMessageCommand(module)) message.set(module.data.name, module);
    else chat.set(module.data.name, module);
  }

  async function run(
    interaction: RepliableInteraction,
    name: string,
    options: { ephemeral: boolean },
    handler: ((ctx: CommandContext) => Promise<void>) | null,
  ): Promise<void> {
    const receivedAt = Date.now();
    const log = ctx.logger.child({ interactionId: interaction.id, command: name, user: interaction.user.id });
    const reply = new Responder(interaction, { deferAfterMs: ctx.config.deferAfterMs, ephemeral: options.ephemeral, logger: log, receivedAt });
    try {
      if (!handler) {
        log.warn('no handler for this interaction (commands not redeployed?)');
        await reply.send(notice(UNKNOWN_COMMAND));
        return;
      }
      await handler({ ...ctx, reply, log });
      if (!reply.acknowledged) {
        log.warn('handler returned without answering');
        await reply.send(notice(GENERIC_ERROR));
      }
    } catch (error) {
      if (interactionGone(error)) {
        log.warn({ err: error }, 'the interaction expired before the answer could be sent');
        return;
      }
      log.error({ err: error }, 'interaction handler failed');
      try {
        await reply.send(notice(GENERIC_ERROR));
      } catch (second) {
        log.warn({ err: second }, 'could not tell the user about the failure');
      }
    } finally {
      reply.close();
    }
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

  return async function route(interaction: Interaction): Promise<void> {
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
        await autocomplete(interaction);
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
  };
}
