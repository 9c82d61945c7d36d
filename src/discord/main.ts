#!/usr/bin/env node
/**
 * `npm start` (node dist/src/discord/main.js): configuration, logger, engine loading in the
 * background, login, and a clean shutdown on SIGINT/SIGTERM.
 */
import { Engine } from '../answer/engine.js';
import { ConfigError } from '../config.js';
import { startBot, type RunningBot } from './bot.js';
import { formatConfigError, loadBotConfig, loadDotEnv, type BotConfig } from './config.js';
import { isEntryPoint } from './entry.js';
import { createLogger, scrubSecrets } from '../logger.js';

export { startBot, type RunningBot, type StartOptions } from './bot.js';

export async function main(env: Record<string, string | undefined> = process.env): Promise<void> {
  let config: BotConfig;
  try {
    loadDotEnv();
    config = loadBotConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(formatConfigError(error));
    process.exit(1);
  }
  const logger = createLogger(config.log, { secrets: [config.token] });

  // A failing handler is caught by the router; these are the last line of defence.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception: exiting');
    process.exit(1);
  });

  let bot: RunningBot | null = null;
  let stopping = false;
  const shutdown = async (signal: string, code = 0): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    try {
      await bot?.stop();
    } finally {
      process.exit(code);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  logger.info({ mentions: config.mentionsEnabled, cooldownSeconds: config.cooldownSeconds, api: config.apiUrl ?? 'discord.com' }, 'starting');
  // Loading may take a while (the model is downloaded on the first run): the bot logs in meanwhile.
  const engine = Engine.create(config.engine, { logger: logger.child({ component: 'engine' }) });
  engine.catch(() => {
    // Without a corpus there is nothing to answer with: exit so a supervisor notices and restarts.
    logger.fatal('the answer engine could not be loaded');
    void shutdown('engine failure', 1);
  });

  try {
    bot = await startBot(config, { logger, engine });
  } catch (error) {
    const message = scrubSecrets(error instanceof Error ? error.message : String(error), [config.token]);
    logger.fatal({ err: error }, `could not log in to Discord: ${message}`);
    process.exit(1);
  }
}

if (isEntryPoint(import.meta.url)) await main();
