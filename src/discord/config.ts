import path from 'node:path';
import { z } from 'zod';
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

/** The bot's own variables, on top of the engine's. */
export const botEnvSchema = engineEnvSchema.extend({
  DISCORD_TOKEN: token,
  DISCORD_CLIENT_ID: snowflake.optional(),
  DISCORD_GUILD_ID: snowflake.optional(),
  DISCORD_API_URL: url.optional(),
  MENTIONS_ENABLED: flag.default(false),
  COOLDOWN_SECONDS: z.coerce
    .number({ error: COOLDOWN_RULE })
    .int(COOLDOWN_RULE)
    .min(0, COOLDOWN_RULE)
    .max(3600, COOLDOWN_RULE)
    .default(5),
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

/** Default time after which a slow answer is deferred: Discord drops interactions not acknowledged within 3 s. */
export const DEFER_AFTER_MS = 2500;

export interface BotConfig {
  readonly token: string;
  readonly clientId: string | null;
  readonly guildId: string | null;
  readonly apiUrl: string | null;
  readonly mentionsEnabled: boolean;
  /** 0 switches the cooldown off. */
  readonly cooldownSeconds: number;
  /** Not an environment variable: tests shorten it to keep the deferred path fast. */
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

function parse<T extends z.ZodType>(schema: T, env: Record<string, string | undefined>): z.output<T> {
  const cleaned = blanksAsUnset(env);
  const result = schema.safeParse(cleaned);
  // describeIssues never echoes a value, so a malformed token is not printed either.
  if (!result.success) throw new ConfigError(describeIssues(result.error.issues, cleaned));
  return result.data;
}

export function loadBotConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<BotConfig> = {}): BotConfig {
  const parsed = parse(botEnvSchema, env);
  return {
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
