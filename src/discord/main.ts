#!/usr/bin/env node
/**
 * `npm start` (node dist/src/discord/main.js): configuration, logger, engine loading in the
 * background, login, and a clean shutdown on SIGINT/SIGTERM.
 */
import { Engine } from '../answer/engine.js';
import { DRAIN_MS, startBot, type FatalGatewayClose, type RunningBot } from './bot.js';
import { loadBotConfigOrExit } from './config.js';
import { isEntryPoint } from './entry.js';
import { createLogger, scrubSecrets } from '../logger.js';

export { startBot, type RunningBot, type StartOptions } from './bot.js';

/** The process is gone within this long after SIGTERM, whatever Discord does. */
export const HARD_STOP_MS = 9500;
/**
 * Exit status when Discord refuses the bot for good (reset token, disallowed intents): like
 * sysexits' EX_CONFIG, so a service manager can alert without restarting in a loop
 * (`RestartPreventExitStatus=78` in the README's systemd unit).
 */
export const EXIT_FATAL_GATEWAY = 78;

export async function main(env: Record<string, string | undefined> = process.env): Promise<void> {
  const config = loadBotConfigOrExit(env);
  const logger = createLogger(config.log, { secrets: [config.token] });

  // A failing handler is caught by the router; these are the last line of defence.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception: exiting');
    process.exit(1);
  });

  let bot: RunningBot | null = null;
  let stopping = false;
  /**
   * Graceful: no new work, every interaction already received answered (or told the bot is
   * restarting), pending deferrals filled in, then the gateway closed; the process is gone
   * within 10 s even if Discord does not answer.
   */
  const shutdown = async (reason: string, code = 0): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'shutting down');
    const hardStop = setTimeout(() => {
      logger.error('shutdown took too long: exiting anyway');
      process.exit(code || 1);
    }, HARD_STOP_MS);
    hardStop.unref();
    try {
      await bot?.stop({ drainMs: DRAIN_MS });
      logger.info({ code }, 'stopped');
    } catch (error) {
      logger.error({ err: error }, 'error while stopping');
    } finally {
      process.exit(code);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  logger.info(
    { mentions: config.mentionsEnabled, cooldownSeconds: config.cooldownSeconds, api: config.apiUrl ?? 'discord.com', shards: config.shards },
    'starting',
  );
  // Loading may take a while (the model is downloaded on the first run): the bot logs in meanwhile.
  const engine = Engine.create(config.engine, { logger: logger.child({ component: 'engine' }) });
  engine.catch(() => {
    // Without a corpus there is nothing to answer with: exit so a supervisor notices and restarts.
    logger.fatal('the answer engine could not be loaded');
    void shutdown('engine failure', 1);
  });

  const onFatal = (close: FatalGatewayClose): void => {
    // A supervisor must notice: a reconnection cannot fix this, so the process ends with an error.
    logger.fatal({ code: close.code, shardId: close.shardId }, `Discord closed the gateway for good: ${close.cause}`);
    void shutdown(`gateway close ${close.code}`, EXIT_FATAL_GATEWAY);
  };

  try {
    bot = await startBot(config, { logger, engine, onFatal });
  } catch (error) {
    const message = scrubSecrets(error instanceof Error ? error.message : String(error), [config.token]);
    logger.fatal({ err: error }, `could not log in to Discord: ${message}`);
    process.exit(1);
  }
}

if (isEntryPoint(import.meta.url)) await main();
