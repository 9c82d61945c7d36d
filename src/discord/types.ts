import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  ContextMenuCommandBuilder,
  MessageContextMenuCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Logger } from 'pino';
import type { Engine } from '../answer/engine.js';
import type { BotConfig } from './config.js';
import type { Cooldown } from './cooldown.js';
import type { Lang } from './i18n.js';
import type { WorkQueue } from './queue.js';
import type { Responder, RestPace } from './respond.js';

/** What command modules get instead of globals. */
export interface BotContext {
  readonly config: BotConfig;
  readonly logger: Logger;
  /** Per-user wait between searches (taken by answerFor and /quote text). */
  readonly cooldown: Cooldown;
  /** The engine; may still be loading at startup (the responder defers meanwhile). */
  engine(): Promise<Engine>;
  /** The engine if it is loaded, else null: autocomplete cannot wait for it. */
  engineNow(): Engine | null;
  /** Where interactions and mentions wait for their turn (one at a time, the event loop breathing in between). */
  readonly queue: WorkQueue;
  /** How fast Discord currently answers the bot (callback latency, rate limits). */
  readonly pace: RestPace;
}

/** The context of one command or button: plus the way to answer it. */
export interface CommandContext extends BotContext {
  readonly reply: Responder;
  /** Logger bound to the interaction id and command name. */
  readonly log: Logger;
  /** The language of the bot's own words for this user (from the interaction's locale). */
  readonly lang: Lang;
}

/** A slash command module: `data` (the builder) and `execute`, as in the discord.js guide. */
export interface ChatCommandModule {
  readonly data: { readonly name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
  /** Buttons whose custom id starts with `<command name>:`. */
  button?(interaction: ButtonInteraction, ctx: CommandContext): Promise<void>;
}

/** A message context-menu command module. */
export interface MessageCommandModule {
  readonly data: ContextMenuCommandBuilder;
  execute(interaction: MessageContextMenuCommandInteraction, ctx: CommandContext): Promise<void>;
}

export type CommandModule = ChatCommandModule | MessageCommandModule;
