// Sharding on discord.js's own engine, through the emulator: one process running every shard
// (SHARD_COUNT), and `npm run start:sharded` (a ShardingManager, one process per shard).
import { afterEach, expect, it, vi } from 'vitest';
import path from 'node:path';
import pino from 'pino';
import { loadBotConfig } from '../../src/discord/config.js';
import { startShardingManager, type RunningManager } from '../../src/discord/sharded.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import type { APIInteraction } from 'discord.js';
import { chatInputInteraction, DiscordEmulator, guildIdOnShard } from '../discord-emulator/emulator.js';
import { finalReply, startHarness, type Harness } from './harness.js';

let h: Harness | null = null;
let emulator: DiscordEmulator | null = null;
let manager: RunningManager | null = null;

/**
 * The shard processes inherit the environment, as they do under `npm run start:sharded`; discord.js's
 * ShardingManager also marks this process as a manager. All of it is undone after each test, so the
 * next test's clients do not take themselves for shards.
 */
function stubShardEnvironment(env: Record<string, string>): void {
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  vi.stubEnv('SHARDING_MANAGER', undefined);
  vi.stubEnv('SHARDING_MANAGER_MODE', undefined);
}

afterEach(async () => {
  await manager?.stop();
  manager = null;
  vi.unstubAllEnvs();
  await h?.stop();
  h = null;
  await emulator?.stop();
  emulator = null;
});

function askIn(e: DiscordEmulator, guildId: string): APIInteraction & { token: string } {
  return e.dispatchInteraction(chatInputInteraction(e.world, { commandName: 'ask', options: { question: 'How many wounded will Russia treat?' }, guildId }));
}

it('one process, SHARD_COUNT=2: identifies [0,2] and [1,2], answers a guild on each shard, one engine; a killed shard resumes and answers', async () => {
  // max_concurrency 16: both shards may identify at once (with 1, discord.js waits 5 s between them).
  h = await startHarness({ env: { SHARD_COUNT: '2', COOLDOWN_SECONDS: '0' }, emulator: { maxConcurrency: 16 } });
  const e = h.emulator;
  await expect.poll(() => e.liveShards.length, { timeout: 10_000 }).toBe(2);
  expect(e.identifies.map((d) => d.shard).sort()).toEqual([
    [0, 2],
    [1, 2],
  ]);
  for (const shard of [0, 1]) {
    const i = askIn(e, guildIdOnShard(shard, 2));
    const reply = await finalReply(e, i);
    expect(reply.data.embeds[0].fields[0].value).toBe('¶4 · article du 2017-02');
    // It reached only the shard that owns its guild (the emulator routes like Discord).
    const sent = e.gatewayFrames.filter((f) => f.direction === 'out' && f.t === 'INTERACTION_CREATE' && f.d.id === i.id);
    expect(sent).toHaveLength(1);
    expect(e.identifies.find((d) => sent[0]!.sessionId && d.shard[0] === shard)).toBeDefined();
  }
  const resumed = e.waitForResume();
  expect(e.dropShard(1, 4000)).toBe(1);
  await resumed;
  const again = await finalReply(e, askIn(e, guildIdOnShard(1, 2)));
  expect(again.data.embeds[0].fields[0].value).toBe('¶4 · article du 2017-02');
  expect(h.logs.entries().filter((l) => l.msg?.startsWith?.('logged in to Discord'))).toHaveLength(1);
});

it('SHARD_IDS: this process runs only the shards listed', async () => {
  h = await startHarness({ env: { SHARD_COUNT: '3', SHARD_IDS: '1-2' }, emulator: { maxConcurrency: 16 } });
  await expect.poll(() => h!.emulator.liveShards.length, { timeout: 10_000 }).toBe(2);
  expect(h.emulator.identifies.map((d) => d.shard).sort()).toEqual([
    [1, 3],
    [2, 3],
  ]);
});

it('start:sharded: one process per shard (ShardingManager), each answers its guild; a dead shard is respawned and answers again', async () => {
  emulator = new DiscordEmulator({ recommendedShards: 2 });
  await emulator.start();
  const { PATH: _path, ...env } = emulator.botEnv();
  stubShardEnvironment(env);
  const config = loadBotConfig({ ...env, SHARD_COUNT: 'auto' });
  manager = await startShardingManager(config, pino({ level: 'silent' }), {
    file: path.join(PACKAGE_ROOT, 'dist/src/discord/main.js'),
    spawnDelayMs: 0,
    readyTimeoutMs: 30_000,
  });
  const e = emulator;
  expect(manager.manager.totalShards).toBe(2);
  expect(e.identifies.map((d) => d.shard).sort()).toEqual([
    [0, 2],
    [1, 2],
  ]);
  const pids = [...manager.manager.shards.values()].map((s) => s.process?.pid);
  expect(new Set(pids).size).toBe(2);
  for (const shard of [0, 1]) {
    const reply = await finalReply(e, askIn(e, guildIdOnShard(shard, 2)), 15_000);
    expect(reply.data.embeds[0].fields[0].value).toBe('¶4 · article du 2017-02');
  }

  const shard1 = manager.manager.shards.get(1)!;
  const oldPid = shard1.process!.pid;
  const respawned = new Promise<void>((resolve) => shard1.once('ready', () => resolve()));
  shard1.process!.kill('SIGKILL');
  await respawned;
  expect(shard1.process!.pid).not.toBe(oldPid);
  await expect.poll(() => e.identifies.filter((d) => d.shard[0] === 1).length, { timeout: 15_000 }).toBe(2);
  const again = await finalReply(e, askIn(e, guildIdOnShard(1, 2)), 15_000);
  expect(again.data.embeds[0].fields[0].value).toBe('¶4 · article du 2017-02');

  // Stopping the manager stops every shard gracefully: each exits 0 and none is respawned.
  const exits = [...manager.manager.shards.values()].map((s) => new Promise<number | null>((resolve) => s.process!.once('exit', (code) => resolve(code))));
  await manager.stop();
  expect(await Promise.all(exits)).toEqual([0, 0]);
  expect([...manager.manager.shards.values()].every((s) => s.process === null)).toBe(true);
  manager = null;
}, 90_000);

it('start:sharded: a shard refused for good (4004, exit 78) stops every shard instead of respawning in a loop', async () => {
  emulator = new DiscordEmulator({ recommendedShards: 2, maxConcurrency: 16 });
  await emulator.start();
  const env = { DISCORD_TOKEN: emulator.token, DISCORD_API_URL: emulator.restUrl, OFFLINE: '1', EMBEDDING_MODEL: 'none', NODE_ENV: 'production', LOG_LEVEL: 'warn' };
  stubShardEnvironment(env);
  let fatalShard: number | null = null;
  manager = await startShardingManager(loadBotConfig({ ...env, SHARD_COUNT: '2' }), pino({ level: 'silent' }), {
    file: path.join(PACKAGE_ROOT, 'dist/src/discord/main.js'),
    spawnDelayMs: 0,
    readyTimeoutMs: 30_000,
    onFatal: (shardId) => (fatalShard = shardId),
  });
  const exits = [...manager.manager.shards.values()].map((s) => new Promise<number | null>((resolve) => s.process!.once('exit', (code) => resolve(code))));
  let respawns = 0;
  manager.manager.shards.get(0)!.on('spawn', () => respawns++);
  expect(emulator.dropShard(0, 4004, 'Authentication failed.')).toBe(1);
  await expect.poll(() => fatalShard, { timeout: 20_000 }).toBe(0);
  expect((await Promise.all(exits)).sort()).toEqual([0, 78]);
  expect(respawns).toBe(0);
  expect(emulator.identifies).toHaveLength(2);
  manager = null;
}, 60_000);
