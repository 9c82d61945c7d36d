// One emulator + one real bot (real discord.js Client, real engine in offline lexical mode) per
// test file: logging in takes a few hundred milliseconds, so files share them across tests.
import { once } from 'node:events';
import { Events, InteractionResponseType, MessageFlags } from 'discord.js';
import pino from 'pino';
import { expect } from 'vitest';
import { Engine } from '../../src/answer/engine.js';
import { engineConfigFrom, engineEnvSchema, parseEnv } from '../../src/config.js';
import { startBot, type RunningBot, type StartOptions } from '../../src/discord/bot.js';
import { loadBotConfig, type BotConfig } from '../../src/discord/config.js';
import { createLogger } from '../../src/logger.js';
import { LogCapture } from './log-capture.js';
import { DiscordEmulator, type EmulatorOptions, type RecordedRequest } from '../discord-emulator/emulator.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const silent = pino({ level: 'silent' });
let sharedEngine: Promise<Engine> | null = null;

/** The real engine, offline (BM25 + FreeDict dictionaries), loaded once per test file. */
export function offlineEngine(): Promise<Engine> {
  sharedEngine ??= Engine.create(engineConfigFrom(parseEnv(engineEnvSchema, { OFFLINE: '1', EMBEDDING_MODEL: 'none' })), { logger: silent });
  return sharedEngine;
}

export { LogCapture } from './log-capture.js';

export interface HarnessOptions {
  readonly env?: Record<string, string>;
  readonly config?: Partial<BotConfig>;
  readonly engine?: StartOptions['engine'];
  readonly commands?: StartOptions['commands'];
  readonly emulator?: EmulatorOptions;
  readonly onFatal?: StartOptions['onFatal'];
}

export interface Harness {
  readonly emulator: DiscordEmulator;
  readonly bot: RunningBot;
  readonly config: BotConfig;
  readonly logs: LogCapture;
  stop(): Promise<void>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  // No wall-clock deadline by default: on a busy 2-core machine a test must not fail because the
  // machine was slow. When to defer is tested with fake timers (runtime.test.ts) and from the
  // interaction's age (deferred.e2e.test.ts); a test may still set the deadline.
  const emulator = new DiscordEmulator({ interactionDeadlineMs: 0, ...options.emulator });
  await emulator.start();
  const config = loadBotConfig(
    {
      DISCORD_TOKEN: emulator.token,
      DISCORD_API_URL: emulator.restUrl,
      OFFLINE: '1',
      EMBEDDING_MODEL: 'none',
      LOG_LEVEL: 'debug',
      NODE_ENV: 'production',
      ...options.env,
    },
    options.config,
  );
  const logs = new LogCapture();
  const logger = createLogger(config.log, { secrets: [config.token], destination: logs });
  const bot = await startBot(config, {
    logger,
    engine: options.engine ?? offlineEngine(),
    ...(options.commands ? { commands: options.commands } : {}),
    ...(options.onFatal ? { onFatal: options.onFatal } : {}),
  });
  if (!bot.client.isReady()) await once(bot.client, Events.ClientReady, { signal: AbortSignal.timeout(5000) });
  return {
    emulator,
    bot,
    config,
    logs,
    async stop() {
      await bot.stop({ drainMs: 2000 });
      await emulator.stop();
    },
  };
}

/** The first response to an interaction: `{ type, data }` as posted to the callback route. */
export async function callbackOf(emulator: DiscordEmulator, interaction: { id: string }, timeoutMs = 5000): Promise<{ type: number; data: Json }> {
  const request = await emulator.waitForInteractionCallback(interaction, timeoutMs);
  expect(request.response?.status, JSON.stringify(request.response?.body)).toBeLessThan(300);
  return request.body as { type: number; data: Json };
}

/**
 * The message the user ends up seeing: the callback's message, or what filled in a deferral: an
 * edit of the placeholder, or (for a private notice after a public deferral) an ephemeral
 * follow-up with the placeholder deleted.
 */
export async function finalReply(
  emulator: DiscordEmulator,
  interaction: { id: string; token: string },
  timeoutMs = 5000,
): Promise<{ deferred: boolean; data: Json; ephemeral: boolean; placeholderDeleted: boolean }> {
  const first = await callbackOf(emulator, interaction, timeoutMs);
  if (first.type === InteractionResponseType.ChannelMessageWithSource) {
    return { deferred: false, data: first.data, ephemeral: ((first.data?.flags ?? 0) & MessageFlags.Ephemeral) !== 0, placeholderDeleted: false };
  }
  expect(first.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
  const deferredEphemeral = ((first.data?.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
  const next = await emulator.waitForResponse(
    (r) =>
      r.params.token === interaction.token &&
      (r.route === 'PATCH /webhooks/:applicationId/:token/messages/:messageId' || r.route === 'POST /webhooks/:applicationId/:token'),
    timeoutMs,
  );
  expect(next.response?.status, JSON.stringify(next.response?.body)).toBeLessThan(300);
  const placeholderDeleted = emulator.requestsMatching(
    (r) => r.route === 'DELETE /webhooks/:applicationId/:token/messages/:messageId' && r.params.token === interaction.token && r.response?.status === 204,
  ).length > 0;
  if (next.method === 'PATCH') return { deferred: true, data: next.body, ephemeral: deferredEphemeral, placeholderDeleted };
  return { deferred: true, data: next.body, ephemeral: ((next.body?.flags ?? 0) & MessageFlags.Ephemeral) !== 0, placeholderDeleted };
}

/** All text a message shows: content, embed title/description/fields/footer. */
export function visibleText(data: Json): string {
  const parts: string[] = [data?.content ?? ''];
  for (const e of data?.embeds ?? []) {
    parts.push(e.title ?? '', e.description ?? '', e.footer?.text ?? '');
    for (const f of e.fields ?? []) parts.push(f.name, f.value);
  }
  return parts.join('\n');
}

/** Requests that create or edit a message (the ones that must carry allowed_mentions). */
export function messageRequests(requests: readonly RecordedRequest[]): { request: RecordedRequest; message: Json }[] {
  const out: { request: RecordedRequest; message: Json }[] = [];
  for (const r of requests) {
    if (r.route === 'POST /interactions/:interactionId/:token/callback') {
      if ([InteractionResponseType.ChannelMessageWithSource, InteractionResponseType.UpdateMessage].includes(r.body?.type)) {
        out.push({ request: r, message: r.body.data });
      }
    } else if (
      r.route === 'POST /webhooks/:applicationId/:token' ||
      r.route === 'PATCH /webhooks/:applicationId/:token/messages/:messageId' ||
      r.route === 'POST /channels/:channelId/messages' ||
      r.route === 'PATCH /channels/:channelId/messages/:messageId'
    ) {
      out.push({ request: r, message: r.body });
    }
  }
  return out;
}

/** No ping possible: parse is empty and no user or role is allowed explicitly. */
export function expectNoMentions(message: Json, where: string): void {
  expect(message?.allowed_mentions, `allowed_mentions of ${where}`).toBeDefined();
  expect(message.allowed_mentions.parse, `allowed_mentions.parse of ${where}`).toEqual([]);
  expect(message.allowed_mentions.users ?? [], where).toEqual([]);
  expect(message.allowed_mentions.roles ?? [], where).toEqual([]);
  expect(message.allowed_mentions.replied_user ?? false, where).toBe(false);
}

/**
 * The bot token may only travel in the Authorization header of authenticated routes: never in
 * a path, a query, a body, or on the interaction routes (which authenticate by their own token).
 */
export function expectTokenOnlyInAuthorization(requests: readonly RecordedRequest[], token: string): void {
  for (const r of requests) {
    const where = `${r.method} ${r.path}`;
    expect(r.path.includes(token), where).toBe(false);
    expect(JSON.stringify(r.query ?? {}).includes(token), where).toBe(false);
    expect(JSON.stringify(r.body ?? null).includes(token), where).toBe(false);
    for (const [name, value] of Object.entries(r.headers)) {
      if (name === 'authorization') continue;
      expect(value.includes(token), `${where} header ${name}`).toBe(false);
    }
    if (r.path.startsWith('/interactions/') || r.path.startsWith('/webhooks/')) {
      expect(r.headers.authorization ?? '', `${where} must not send the bot token`).not.toContain(token);
    }
  }
}
