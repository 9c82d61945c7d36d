import { Client, Events, GatewayCloseCodes, GatewayIntentBits, Options, type ClientOptions } from 'discord.js';
import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import { Engine } from '../answer/engine.js';
import { commands as allCommands } from '../../commands/index.js';
import type { BotConfig } from './config.js';
import { Cooldown } from './cooldown.js';
import { createMentionHandler } from './mention.js';
import { WorkQueue } from './queue.js';
import { REPLY_NO_MENTIONS, RestPace } from './respond.js';
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
  /**
   * Called when Discord closes the gateway with a code that no reconnection can fix (the token
   * was reset, intents not allowed…). `main` logs it as fatal and exits non-zero.
   */
  readonly onFatal?: (cause: FatalGatewayClose) => void;
}

export interface FatalGatewayClose {
  readonly code: number;
  readonly shardId: number;
  readonly cause: string;
}

/** Close codes after which reconnecting is pointless: the process must end and someone must look. */
export const FATAL_CLOSE_CODES: ReadonlyMap<number, string> = new Map([
  [GatewayCloseCodes.AuthenticationFailed, 'the token was rejected (4004): it was reset or is wrong; set DISCORD_TOKEN to the current one'],
  [GatewayCloseCodes.InvalidShard, 'invalid shard (4010): check SHARD_COUNT and SHARD_IDS'],
  [GatewayCloseCodes.ShardingRequired, 'sharding required (4011): the bot is in too many servers for one connection; set SHARD_COUNT=auto'],
  [GatewayCloseCodes.InvalidAPIVersion, 'invalid gateway API version (4012): update discord.js'],
  [GatewayCloseCodes.InvalidIntents, 'invalid intents (4013)'],
  [GatewayCloseCodes.DisallowedIntents, 'disallowed intents (4014): a privileged intent is not enabled for this application in the Developer Portal'],
]);

export interface RunningBot {
  readonly client: Client;
  readonly engine: Promise<Engine>;
  readonly context: BotContext;
  /**
   * Graceful stop: takes no new work, answers what was already received (or tells those users
   * the bot is restarting) within `drainMs`, then disconnects from Discord; idempotent.
   */
  stop(options?: { drainMs?: number }): Promise<void>;
}

/**
 * Sockets to Discord's API kept open and reused. undici's default opens one per concurrent
 * request: a burst of 500 deferrals then opens 500 connections at once, and the connections
 * (handshakes, a full accept queue) cost more than the requests. A small keep-alive pool is faster.
 */
export const REST_CONNECTIONS = 64;

/**
 * undici is what @discordjs/rest sends requests with (a dependency of discord.js); if it cannot
 * be loaded on its own, the default dispatcher is used.
 */
async function restAgent(): Promise<import('undici').Dispatcher | null> {
  try {
    const { Agent } = await import('undici');
    return new Agent({ connections: REST_CONNECTIONS, keepAliveTimeout: 30_000 });
  } catch {
    return null;
  }
}

/** The bucket @discordjs/rest gives every interaction callback. */
const CALLBACK_ROUTE = '/interactions/:id/:token/callback';

/** How long a graceful stop waits for answers in progress (the process must be gone within 10 s). */
export const DRAIN_MS = 6000;

/**
 * Only what is used, and nothing privileged: Discord delivers the content of messages that
 * mention the bot without the MessageContent intent.
 */
export function intentsFor(config: Pick<BotConfig, 'mentionsEnabled'>): GatewayIntentBits[] {
  const intents = [GatewayIntentBits.Guilds];
  if (config.mentionsEnabled) intents.push(GatewayIntentBits.GuildMessages);
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
      // Every language's dictionaries loaded and the answering code compiled before the first
      // burst, not during it; questions that arrive meanwhile are answered as usual.
      const started = performance.now();
      void e.warmUp().then((languages) => logger.debug({ languages, ms: Math.round(performance.now() - started) }, 'engine warmed up'));
    },
    (error: unknown) => logger.error({ err: error }, 'the answer engine failed to load: every question will get an error message'),
  );

  const pace = new RestPace();
  const context: BotContext = {
    config,
    logger,
    cooldown: new Cooldown(config.cooldownSeconds),
    engine: () => engine,
    engineNow: () => loaded,
    queue: new WorkQueue(),
    pace,
  };

  const { rest: restOptions, ...clientOptions } = options.clientOptions ?? {};
  const agent = await restAgent();
  const client = new Client({
    intents: intentsFor(config),
    // Default for every message the client sends; each call passes NO_MENTIONS explicitly as well.
    allowedMentions: REPLY_NO_MENTIONS,
    // The bot reads nothing back from these caches: under a burst they would only cost time and memory.
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user.id },
      UserManager: { maxSize: 0, keepOverLimit: (user) => user.id === user.client.user.id },
    }),
    ...shardOptions(config),
    ...clientOptions,
    rest: {
      ...(config.apiUrl ? { api: config.apiUrl } : {}),
      ...(agent ? { agent } : {}),
      // Not to reject anything: the hook sees every 429 (interaction callbacks included, which emit
      // no event), so responders can defer earlier while Discord is holding requests back.
      rejectOnRateLimit: (data) => {
        // Only interaction callbacks decide the deadline (they are exempt from the global limit,
        // which @discordjs/rest also applies, ahead of time, to everything else).
        if (data.route === CALLBACK_ROUTE) {
          pace.observeRateLimit(data.retryAfter);
          logger.warn({ route: data.route, retryAfterMs: data.retryAfter }, 'interaction callbacks rate limited by Discord: deferring earlier');
        } else {
          logger.debug({ route: data.route, retryAfterMs: data.retryAfter, global: data.global }, 'request held by a rate limit');
        }
        return false;
      },
      ...restOptions,
    },
  });

  const route = createRouter(options.commands ?? allCommands, context);
  let accepting = true;
  client.on(Events.InteractionCreate, (interaction) => {
    void route(interaction);
  });
  if (config.mentionsEnabled) {
    const onMessage = createMentionHandler(context);
    client.on(Events.MessageCreate, (message) => {
      // Most messages are not for the bot (its own replies among them): they never enter the queue.
      if (!accepting || message.author.bot || !message.content.includes(`${client.user?.id ?? '-'}>`)) return;
      void context.queue.push(() =>
        onMessage(message).catch((error: unknown) => logger.error({ err: error, messageId: message.id }, 'message handler failed')),
      );
    });
  }

  // An 'error' event without a listener would throw and end the process.
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.ShardError, (error, shardId) => logger.warn({ err: error, shardId }, 'gateway connection error'));
  client.on(Events.Warn, (message) => logger.warn(message));
  let stopping = false;
  // destroy() closes the gateway too: only unexpected closes are worth a line.
  client.on(Events.ShardDisconnect, (event, shardId) => {
    if (stopping) return;
    const cause = FATAL_CLOSE_CODES.get(event.code);
    if (!cause) {
      logger.warn({ code: event.code, shardId }, 'gateway disconnected');
      return;
    }
    if (options.onFatal) options.onFatal({ code: event.code, shardId, cause });
    else logger.fatal({ code: event.code, shardId }, `Discord closed the gateway for good: ${cause}`);
  });
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
  const stop = async (drainMs: number): Promise<void> => {
    accepting = false;
    const cut = await route.drain(drainMs);
    logger.info({ cutShort: cut }, cut ? 'interactions still pending were told the bot is restarting' : 'every interaction received was answered');
    stopping = true;
    await client.destroy();
  };
  return {
    client,
    engine,
    context,
    stop: (stopOptions = {}) => (stopped ??= stop(stopOptions.drainMs ?? DRAIN_MS)),
  };
}

/** `shards`/`shardCount` from SHARD_COUNT and SHARD_IDS; none when a ShardingManager set them. */
export function shardOptions(config: Pick<BotConfig, 'shards'>): Partial<ClientOptions> {
  const { count, ids } = config.shards;
  if (count === null) return {};
  if (count === 'auto') return { shards: 'auto' };
  return { shards: ids ? [...ids] : Array.from({ length: count }, (_, i) => i), shardCount: count };
}
