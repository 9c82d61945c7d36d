import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { LogConfig } from './config.js';

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
 * JSON lines in production (for log collectors), coloured readable lines in development.
 * Logs go to standard error so that the CLI's standard output stays machine-readable.
 */
export function createLogger(config: LogConfig, name = 'article-bot'): Logger {
  const options = { name, level: config.level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  if (!config.pretty) return pino(options, pino.destination({ fd: 2, sync: true }));
  return pino(options, pretty({ destination: 2, sync: true, colorize: process.stderr.isTTY, ignore: 'pid,hostname,name' }));
}

export type { Logger };
