import { createRequire } from 'node:module';
import path from 'node:path';
import { requireWithCodeCache } from './code-cache.js';
import { VENDOR_DIR } from './paths.js';
import type { DestinationStream, Logger } from 'pino';
import type { LogConfig } from './config.js';

// pino and pino-pretty are CommonJS: required directly, they skip the ESM loader's export scan,
// which counts in a CLI that starts for every question; pino comes from the one-file bundle the
// build makes (scripts/bundle-deps.mjs), the package when it is missing. pino-pretty is loaded on
// the first line written, so a CLI run that logs nothing never loads it.
const require = createRequire(import.meta.url);
function loadPino(): typeof import('pino').default {
  try {
    return requireWithCodeCache(path.join(VENDOR_DIR, 'pino.cjs')) as typeof import('pino').default;
  } catch {
    return require('pino') as typeof import('pino').default;
  }
}
const pino = loadPino();
type Pretty = typeof import('pino-pretty');

const CENSOR = '[redacted]';

/** Paths pino blanks out wherever they appear, so a secret never reaches a log line. */
export const REDACTED_PATHS = [
  'token',
  '*.token',
  'DISCORD_TOKEN',
  '*.DISCORD_TOKEN',
  'discordToken',
  '*.discordToken',
  'authorization',
  'headers.authorization',
  '*.headers.authorization',
  'req.headers.authorization',
];

/**
 * Interaction tokens sit in webhook URLs (`/webhooks/<app>/<token>`, `/interactions/<id>/<token>/callback`):
 * discord.js puts those URLs in DiscordAPIError messages. They expire after 15 minutes but
 * let anyone post as the bot until then, so they are censored like the bot token.
 */
const INTERACTION_TOKEN_IN_URL = /\/(webhooks|interactions)\/(\d{15,25})\/[\w.-]{20,}/g;

/** Replaces every occurrence of the secrets (and interaction tokens in URLs) in a string. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    // A short value would censor ordinary words; real tokens are ~70 characters.
    if (secret.length >= 8) out = out.split(secret).join(CENSOR);
  }
  return out.replace(INTERACTION_TOKEN_IN_URL, `/$1/$2/${CENSOR}`);
}

/** A destination that scrubs each serialized line before it reaches `inner`. */
export function scrubbingDestination(inner: DestinationStream, secrets: readonly string[]): DestinationStream {
  return { write: (line: string) => inner.write(scrubSecrets(line, secrets)) };
}

export interface LoggerOptions {
  readonly name?: string;
  /**
   * Literal values that must never be written (the bot token). Path redaction only covers
   * known keys; a token can also end up inside an error message or a stack (a failed login,
   * a request URL), which only a line-level filter catches.
   */
  readonly secrets?: readonly string[];
  /** Where JSON lines go instead of standard error (tests capture them). */
  readonly destination?: DestinationStream;
}

/**
 * JSON lines in production (for log collectors), coloured readable lines in development.
 * Logs go to standard error so that the CLI's standard output stays machine-readable.
 */
export function createLogger(config: LogConfig, options: LoggerOptions = {}): Logger {
  const pinoOptions = { name: options.name ?? 'article-bot', level: config.level, redact: { paths: REDACTED_PATHS, censor: CENSOR } };
  const inner: DestinationStream =
    options.destination ??
    (config.pretty ? lazyPretty() : pino.destination({ fd: 2, sync: true }));
  return pino(pinoOptions, options.secrets?.length ? scrubbingDestination(inner, options.secrets) : inner);
}

/** Readable coloured lines on standard error, set up when the first line is written. */
function lazyPretty(): DestinationStream {
  let inner: DestinationStream | null = null;
  return {
    write: (line: string) => {
      inner ??= (require('pino-pretty') as Pretty)({ destination: 2, sync: true, colorize: process.stderr.isTTY, ignore: 'pid,hostname,name' });
      inner!.write(line);
    },
  };
}

export type { Logger };
