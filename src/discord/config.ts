import path from 'node:path';
import type { z as Zod } from 'zod';
import { z } from '../zod.js';
import {
  ConfigError,
  describeIssues,
  engineConfigFrom,
  engineEnvSchema,
  flag,
  logConfigFrom,
  type EngineConfig,
  type LogConfig,
} from '../config.js';

const snowflake = z
  .string()
  .trim()
  .regex(/^\d{17,20}$/, 'must be a Discord id (17 to 20 digits; copy it with Developer Mode on)');

/**
 * Bot tokens are three base64url parts separated by dots. The shape check catches the usual
 * paste mistakes (the client secret, the public key, a truncated token) before Discord answers
 * 401. A leading "Bot " is tolerated and removed, as discord.js does.
 */
const token = z
  .string()
  .trim()
  .transform((v) => v.replace(/^Bot\s+/i, ''))
  .refine((v) => /^[\w-]{10,}\.[\w-]{4,}\.[\w-]{20,}$/.test(v), 'must be the bot token from the Developer Portal (Bot → Reset Token): three parts separated by dots');

const url = z
  .string()
  .trim()
  .refine((v) => {
    try {
      return ['http:', 'https:'].includes(new URL(v).protocol);
    } catch {
      return false;
    }
  }, 'must be an http(s) URL such as http://localhost:8080/api')
  // REST appends /v10/...: a trailing slash would give //v10.
  .transform((v) => v.replace(/\/+$/, ''));

const COOLDOWN_RULE = 'must be a whole number of seconds from 0 (no cooldown) to 3600';
const SHARD_COUNT_RULE = 'must be a whole number of shards from 1 to 4096, or "auto" (the count Discord recommends)';
const SHARD_IDS_RULE = 'must list shard ids such as "0,1" or "0-3" (comma-separated numbers or ranges)';

const shardCount = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => v === 'auto' || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 4096), SHARD_COUNT_RULE)
  .transform((v): number | 'auto' => (v === 'auto' ? 'auto' : Number(v)));

/** "0,2,4" or "0-3" or "0-3,8": the shards this process runs. */
const shardIds = z
  .string()
  .trim()
  .refine((v) => /^\d+(-\d+)?(\s*,\s*\d+(-\d+)?)*$/.test(v), SHARD_IDS_RULE)
  .transform((v) => {
    const ids = new Set<number>();
    for (const part of v.split(',')) {
      const [from, to] = part.trim().split('-').map(Number) as [number, number | undefined];
      for (let i = from; i <= (to ?? from); i++) ids.add(i);
    }
    return [...ids].sort((a, b) => a - b);
  });

/** What discord.js's ShardingManager sets in each shard process (`SHARDS`: the shard id). */
const managerShards = z
  .string()
  .transform((v, ctx) => {
    try {
      // The ShardingManager sets one id (`"1"`); a list is accepted too.
      const parsed: unknown = JSON.parse(v);
      const ids = Array.isArray(parsed) ? parsed : [parsed];
      if (ids.length && ids.every((n) => Number.isInteger(n) && (n as number) >= 0)) return ids as number[];
    } catch {
      // reported below
    }
    ctx.addIssue({ code: 'custom', message: 'must be a shard id or a JSON array of them (set by the ShardingManager)' });
    return z.NEVER;
  });

/** The bot's own variables, on top of the engine's. */
export const botEnvSchema = engineEnvSchema.extend({
  DISCORD_TOKEN: token,
  DISCORD_CLIENT_ID: snowflake.optional(),
  DISCORD_GUILD_ID: snowflake.optional(),
  DISCORD_API_URL: url.optional(),
  MENTIONS_ENABLED: flag.default(true),
  COOLDOWN_SECONDS: z.coerce
    .number({ error: COOLDOWN_RULE })
    .int(COOLDOWN_RULE)
    .min(0, COOLDOWN_RULE)
    .max(3600, COOLDOWN_RULE)
    .default(5),
  SHARD_COUNT: shardCount.optional(),
  SHARD_IDS: shardIds.optional(),
  SHARDS: managerShards.optional(),
});

/** Registering commands needs the application id; the engine is not involved. */
export const deployEnvSchema = z.object({
  DISCORD_TOKEN: token,
  DISCORD_CLIENT_ID: snowflake,
  DISCORD_GUILD_ID: snowflake.optional(),
  DISCORD_API_URL: url.optional(),
  LOG_LEVEL: engineEnvSchema.shape.LOG_LEVEL,
  NODE_ENV: engineEnvSchema.shape.NODE_ENV,
});

/**
 * Default time, from the interaction's creation, after which a slow answer is deferred: Discord
 * drops interactions not acknowledged within 3 s, and a 1 s rate limit on the deferral itself
 * must still leave it in time.
 */
export const DEFER_AFTER_MS = 1500;

export interface ShardConfig {
  /** Total shards; 'auto' follows GET /gateway/bot; null: one connection, or what a ShardingManager set. */
  readonly count: number | 'auto' | null;
  /** The shards this process runs; null: all of them. */
  readonly ids: readonly number[] | null;
}

export interface BotConfig {
  readonly token: string;
  readonly clientId: string | null;
  readonly guildId: string | null;
  readonly apiUrl: string | null;
  readonly mentionsEnabled: boolean;
  /** 0 switches the cooldown off. */
  readonly cooldownSeconds: number;
  readonly shards: ShardConfig;
  /** Not an environment variable: tests change it to exercise the deferred path. */
  readonly deferAfterMs: number;
  readonly engine: EngineConfig;
  readonly log: LogConfig;
}

export interface DeployConfig {
  readonly token: string;
  readonly clientId: string;
  readonly guildId: string | null;
  readonly apiUrl: string | null;
  readonly log: LogConfig;
}

/**
 * `KEY=` in a .env file means "not set": without this an empty DISCORD_GUILD_ID would be an
 * invalid id instead of "deploy globally", and an empty token "invalid" instead of "missing".
 */
function blanksAsUnset(env: Record<string, string | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === undefined || v.trim() === '' ? undefined : v]));
}

function parse<T extends Zod.ZodType>(schema: T, env: Record<string, string | undefined>): Zod.output<T> {
  const cleaned = blanksAsUnset(env);
  const result = schema.safeParse(cleaned);
  // describeIssues never echoes a value, so a malformed token is not printed either.
  if (!result.success) throw new ConfigError(describeIssues(result.error.issues, cleaned));
  return result.data;
}

export function loadBotConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<BotConfig> = {}): BotConfig {
  const parsed = parse(botEnvSchema, env);
  return {
    shards: shardConfigFrom(parsed),
    token: parsed.DISCORD_TOKEN,
    clientId: parsed.DISCORD_CLIENT_ID ?? null,
    guildId: parsed.DISCORD_GUILD_ID ?? null,
    apiUrl: parsed.DISCORD_API_URL ?? null,
    mentionsEnabled: parsed.MENTIONS_ENABLED,
    cooldownSeconds: parsed.COOLDOWN_SECONDS,
    deferAfterMs: DEFER_AFTER_MS,
    engine: engineConfigFrom(parsed),
    log: logConfigFrom(parsed, 'info'),
    ...overrides,
  };
}

function shardConfigFrom(parsed: Zod.output<typeof botEnvSchema>): ShardConfig {
  // In a process started by `npm run start:sharded`, the ShardingManager decides.
  if (parsed.SHARDS) return { count: typeof parsed.SHARD_COUNT === 'number' ? parsed.SHARD_COUNT : null, ids: parsed.SHARDS };
  const count = parsed.SHARD_COUNT ?? null;
  const ids = parsed.SHARD_IDS ?? null;
  const problems: string[] = [];
  if (ids && count === null) problems.push('SHARD_IDS needs SHARD_COUNT (the total number of shards across every process).');
  if (ids && count === 'auto') problems.push('SHARD_IDS needs a numeric SHARD_COUNT: with "auto" the total is only known at start-up, so machines could not split it.');
  if (ids && typeof count === 'number' && ids.some((id) => id >= count)) problems.push(`SHARD_IDS lists shards beyond SHARD_COUNT (ids go from 0 to ${count - 1}).`);
  if (problems.length) throw new ConfigError(problems);
  return { count, ids };
}

export function loadDeployConfig(env: Record<string, string | undefined> = process.env): DeployConfig {
  const parsed = parse(deployEnvSchema, env);
  return {
    token: parsed.DISCORD_TOKEN,
    clientId: parsed.DISCORD_CLIENT_ID,
    guildId: parsed.DISCORD_GUILD_ID ?? null,
    apiUrl: parsed.DISCORD_API_URL ?? null,
    log: logConfigFrom(parsed, 'info'),
  };
}

/**
 * Loads `.env` from the working directory into process.env when there is one. Variables already
 * set in the environment win (process.loadEnvFile does not overwrite them).
 */
export function loadDotEnv(file = path.resolve('.env')): boolean {
  try {
    process.loadEnvFile(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new ConfigError([`${file} could not be read: ${(error as Error).message}`]);
  }
}

/** The lines printed when the configuration is unusable. */
export function formatConfigError(error: ConfigError): string {
  return `configuration error:\n${error.problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every variable.\n`;
}

/**
 * The bot's configuration for a process entry point (`npm start`, `npm run start:sharded`):
 * `.env` read first, and a configuration problem printed as one line per variable with exit
 * code 1, never a stack trace.
 */
export function loadBotConfigOrExit(env: Record<string, string | undefined>): BotConfig {
  try {
    loadDotEnv();
    return loadBotConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(formatConfigError(error));
    process.exit(1);
  }
}
