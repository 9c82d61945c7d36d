#!/usr/bin/env node
/**
 * `npm run start:sharded`: one process per shard with discord.js's ShardingManager. Each shard
 * process is `main.js` (its own engine, its own gateway connection); a shard process that dies
 * is spawned again. SHARD_COUNT (a number or `auto`) is the total across every machine and
 * SHARD_IDS the shards this machine runs. SIGTERM/SIGINT stop every shard gracefully (each
 * answers what it received), then the manager exits.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REST, Routes, ShardingManager, type Shard } from 'discord.js';
import type { Logger } from 'pino';
import { createLogger } from '../logger.js';
import { loadBotConfigOrExit, type BotConfig } from './config.js';
import { isEntryPoint } from './entry.js';
import { EXIT_FATAL_GATEWAY, HARD_STOP_MS } from './main.js';

export interface ManagerOptions {
  /** The shard entry point; dist/src/discord/main.js next to this file by default. */
  readonly file?: string;
  /** Pause between two shards' logins (Discord allows one IDENTIFY per 5 s per bucket). Default 5500. */
  readonly spawnDelayMs?: number;
  /** How long a shard may take to become ready. Default 60 s (it loads its engine first). */
  readonly readyTimeoutMs?: number;
  /**
   * A shard was refused by Discord for good (exit status 78): every shard has been stopped.
   * `npm run start:sharded` then exits 78 itself.
   */
  readonly onFatal?: (shardId: number) => void;
}

export interface RunningManager {
  readonly manager: ShardingManager;
  /** Stops every shard gracefully (SIGTERM each, wait for them to exit). */
  stop(): Promise<void>;
}

/** SHARD_COUNT=auto: the count Discord recommends for this bot (GET /gateway/bot). */
export async function recommendedShardCount(config: Pick<BotConfig, 'token' | 'apiUrl'>): Promise<number> {
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
  const { shards } = (await rest.get(Routes.gatewayBot())) as { shards: number };
  return shards;
}

function waitForExit(shard: Shard, timeoutMs: number): Promise<void> {
  const child = shard.process;
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export async function startShardingManager(config: BotConfig, logger: Logger, options: ManagerOptions = {}): Promise<RunningManager> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const file = options.file ?? path.join(here, 'main.js');
  const total = config.shards.count === 'auto' || config.shards.count === null ? await recommendedShardCount(config) : config.shards.count;
  const shardList = config.shards.ids ? [...config.shards.ids] : 'auto';
  const manager = new ShardingManager(file, { token: config.token, totalShards: total, shardList, respawn: true, mode: 'process' });
  let stopping = false;

  manager.on('shardCreate', (shard) => {
    logger.info({ shardId: shard.id, total }, 'shard process created');
    shard.on('spawn', (child: NodeJS.EventEmitter) => {
      // Ahead of discord.js's own exit handler, which decides on a respawn from manager.respawn.
      child.prependOnceListener('exit', (code: number | null) => {
        if (code === EXIT_FATAL_GATEWAY) manager.respawn = false;
      });
    });
    // A respawn that fails (its process killed by stop(), say) is reported here, not thrown.
    shard.on('error', (error) => logger.error({ shardId: shard.id, err: error }, 'shard error'));
    shard.on('death', (child) => {
      const code = 'exitCode' in child ? child.exitCode : null;
      if (stopping) return;
      if (code === EXIT_FATAL_GATEWAY) {
        // Discord refuses the bot (reset token, intents): respawning cannot help.
        logger.fatal({ shardId: shard.id, code }, 'a shard was refused by Discord for good: stopping every shard');
        void stop().then(() => options.onFatal?.(shard.id));
        return;
      }
      logger.warn({ shardId: shard.id, code }, 'shard process died: spawning it again');
    });
  });

  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    manager.respawn = false;
    const shards = [...manager.shards.values()];
    for (const shard of shards) shard.process?.kill('SIGTERM');
    await Promise.all(shards.map((s) => waitForExit(s, HARD_STOP_MS)));
  };

  await manager.spawn({ amount: total, delay: options.spawnDelayMs ?? 5500, timeout: options.readyTimeoutMs ?? 60_000 });
  logger.info({ total, shards: [...manager.shards.keys()] }, 'every shard is ready');
  return { manager, stop };
}

export async function runShardingManager(env: Record<string, string | undefined> = process.env): Promise<void> {
  const config = loadBotConfigOrExit(env);
  const logger = createLogger(config.log, { secrets: [config.token] }).child({ component: 'shard-manager' });
  let running: RunningManager | null = null;
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'stopping every shard');
    void (running?.stop() ?? Promise.resolve()).then(() => process.exit(0));
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  try {
    running = await startShardingManager(config, logger, { onFatal: () => process.exit(EXIT_FATAL_GATEWAY) });
  } catch (error) {
    logger.fatal({ err: error }, 'could not start the shards');
    process.exit(1);
  }
}

if (isEntryPoint(import.meta.url)) await runShardingManager();
