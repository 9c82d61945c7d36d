import { Client, Events, GatewayIntentBits, type ClientOptions } from 'discord.js';
import type { Logger } from 'pino';
import { Engine } from '../answer/engine.js';
import { commands as allCommands } from '../../commands/index.js';
import type { BotConfig } from './config.js';
import { Cooldown } from './cooldown.js';
import { createMentionHandler } from './mention.js';
import { REPLY_NO_MENTIONS } from './respond.js';
import { createRouter } from './router.js';
import type { BotContext, CommandModule } from './types.js';

export interface StartOptions {
  readonly logger: Logger;
  /** An engine or one being loaded; loaded from `config.engine` when absent. */
  readonly engine?: Promise<Engine> | Engine;
  /** Extra discord.js client options (tests: shorter timeouts). */
  readonly clientOptions?: Partial<ClientOptions>;
  /** The command modules; `commands/index.ts` by default. */
  readonly commands?: readonly CommandModule[];
}

export interface RunningBot {
  readonly client: Client;
  readonly engine: Promise<Engine>;
  readonly context: BotContext;
  /** Disconnects from Discord; idempotent. */
  stop(): Promise<void>;
}

/** Only what is used: MessageContent is privileged (it must be enabled in the Developer Portal). */
export function intentsFor(config: Pick<BotConfig, 'mentionsEnabled'>): GatewayIntentBits[] {
  const intents = [GatewayIntentBits.Guilds];
  if (config.mentionsEnabled) intents.push(GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent);
  return intents;
}

/**
 * Logs the bot in and routes interactions (and mentions when enabled) to the commands. Login does
 * not wait for the engine: handlers await it, and the responder defers the reply meanwhile.
 * Resolves once the gateway connection is up; rejects when login fails (bad token, network).
 */
export async function startBot(config: BotConfig, options: StartOptions): Promise<RunningBot> {
  const { logger } = options;
  const engine = Promise.resolve(options.engine ?? Engine.create(config.engine, { logger: logger.child({ component: 'engine' }) }));
  let loaded: Engine | null = null;
  engine.then(
    (e) => {
      loaded = e;
    },
    (error: unknown) => logger.error({ err: error }, 'the answer engine failed to load: every question will get an error message'),
  );

  const context: BotContext = {
    config,
    logger,
    cooldown: new Cooldown(config.cooldownSeconds),
    engine: () => engine,
    engineNow: () => loaded,
  };

  const { rest: restOptions, ...clientOptions } = options.clientOptions ?? {};
  const client = new Client({
    intents: intentsFor(config),
    // Default for every message the client sends; each call passes NO_MENTIONS explicitly as well.
    allowedMentions: REPLY_NO_MENTIONS,
    ...clientOptions,
    rest: { ...(config.apiUrl ? { api: config.apiUrl } : {}), ...restOptions },
  });

  const route = createRouter(options.commands ?? allCommands, context);
  client.on(Events.InteractionCreate, (interaction) => {
    void route(interaction);
  });
  if (config.mentionsEnabled) {
    const onMessage = createMentionHandler(context);
    client.on(Events.MessageCreate, (message) => {
      onMessage(message).catch((error: unknown) => logger.error({ err: error, messageId: message.id }, 'message handler failed'));
    });
  }

  // An 'error' event without a listener would throw and end the process.
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.ShardError, (error, shardId) => logger.warn({ err: error, shardId }, 'gateway connection error'));
  client.on(Events.Warn, (message) => logger.warn(message));
  let stopping = false;
  // destroy() closes the gateway too: only unexpected closes are worth a line.
  client.on(Events.ShardDisconnect, (event, shardId) => stopping || logger.warn({ code: event.code, shardId }, 'gateway disconnected'));
  client.on(Events.ShardReconnecting, (shardId) => stopping || logger.info({ shardId }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shardId, replayed) => logger.info({ shardId, replayed }, 'gateway session resumed'));
  client.once(Events.ClientReady, (ready) => {
    logger.info({ user: ready.user.tag, guilds: ready.guilds.cache.size, mentions: config.mentionsEnabled }, 'logged in to Discord');
    if (config.clientId && config.clientId !== ready.application.id) {
      logger.warn({ configured: config.clientId, actual: ready.application.id }, 'DISCORD_CLIENT_ID is not the id of the application this token belongs to');
    }
  });

  await client.login(config.token);

  let stopped: Promise<void> | null = null;
  return {
    client,
    engine,
    context,
    stop: () => {
      stopping = true;
      return (stopped ??= client.destroy());
    },
  };
}
