import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { parseEnv as parseDotEnv } from 'node:util';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../src/config.js';
import { botEnvSchema, deployEnvSchema, formatConfigError, loadBotConfig, loadDeployConfig, loadDotEnv } from '../../src/discord/config.js';
import { main } from '../../src/discord/main.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB';

function problems(env: Record<string, string | undefined>): string[] {
  try {
    loadBotConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadBotConfig', () => {
  it('needs only the token; everything else has a default', () => {
    const config = loadBotConfig({ DISCORD_TOKEN: TOKEN });
    expect(config).toMatchObject({
      token: TOKEN,
      clientId: null,
      guildId: null,
      apiUrl: null,
      mentionsEnabled: true,
      cooldownSeconds: 5,
      shards: { count: null, ids: null },
      deferAfterMs: 1500,
      log: { level: 'info', pretty: true },
    });
    expect(config.engine.embeddingModel).toBe('Xenova/multilingual-e5-small');
  });

  it('reads every variable', () => {
    const config = loadBotConfig({
      DISCORD_TOKEN: `Bot ${TOKEN}`,
      DISCORD_CLIENT_ID: '123456789012345678',
      DISCORD_GUILD_ID: '876543210987654321',
      DISCORD_API_URL: 'http://localhost:8080/api/',
      MENTIONS_ENABLED: 'yes',
      COOLDOWN_SECONDS: '0',
      EMBEDDING_MODEL: 'none',
      OFFLINE: 'true',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    });
    expect(config).toMatchObject({
      token: TOKEN,
      clientId: '123456789012345678',
      guildId: '876543210987654321',
      apiUrl: 'http://localhost:8080/api',
      mentionsEnabled: true,
      cooldownSeconds: 0,
      log: { level: 'warn', pretty: false },
    });
    expect(config.engine).toMatchObject({ embeddingModel: null, offline: true });
  });

  it('a missing token is reported by name; empty values count as unset', () => {
    expect(problems({})).toEqual(['DISCORD_TOKEN is required but not set.']);
    expect(problems({ DISCORD_TOKEN: '  ', DISCORD_GUILD_ID: '' })).toEqual(['DISCORD_TOKEN is required but not set.']);
  });

  it('lists one line per invalid value, without echoing the values', () => {
    const secretish = 'not-a-token-but-secret';
    const lines = problems({
      DISCORD_TOKEN: secretish,
      DISCORD_CLIENT_ID: 'my-app',
      DISCORD_GUILD_ID: '12',
      DISCORD_API_URL: 'ftp://example.com',
      MENTIONS_ENABLED: 'maybe',
      COOLDOWN_SECONDS: '-3',
      ANSWER_THRESHOLD: '2',
      LOG_LEVEL: 'loud',
    });
    expect(lines).toHaveLength(8);
    expect(lines).toContain('DISCORD_TOKEN is invalid: must be the bot token from the Developer Portal (Bot → Reset Token): three parts separated by dots.');
    for (const key of ['DISCORD_CLIENT_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_URL', 'MENTIONS_ENABLED', 'COOLDOWN_SECONDS', 'ANSWER_THRESHOLD', 'LOG_LEVEL']) {
      expect(lines.some((l) => l.startsWith(`${key} is invalid`)), key).toBe(true);
    }
    expect(lines.join('\n')).not.toContain(secretish);
    expect(problems({ DISCORD_TOKEN: TOKEN, COOLDOWN_SECONDS: '1.5' })).toEqual(['COOLDOWN_SECONDS is invalid: must be a whole number of seconds from 0 (no cooldown) to 3600.']);
  });

  it('formats the problems for the terminal', () => {
    expect(formatConfigError(new ConfigError(['DISCORD_TOKEN is required but not set.']))).toBe(
      'configuration error:\n  - DISCORD_TOKEN is required but not set.\nSee .env.example for every variable.\n',
    );
  });
});

describe('.env.example', () => {
  const text = readFileSync(path.join(import.meta.dirname, '../../.env.example'), 'utf8');

  it('documents every variable of the bot and the deploy script', () => {
    const documented = new Set(Object.keys(parseDotEnv(text)));
    // SHARDS is set by the ShardingManager in each shard process, not by people.
    const keys = [...Object.keys(botEnvSchema.shape), ...Object.keys(deployEnvSchema.shape)].filter((k) => k !== 'SHARDS');
    for (const key of keys) expect(documented.has(key), key).toBe(true);
  });

  it('is a valid configuration once the token is filled in', () => {
    const env = { ...parseDotEnv(text), DISCORD_TOKEN: TOKEN };
    expect(loadBotConfig(env)).toMatchObject({ token: TOKEN, guildId: null, mentionsEnabled: true, cooldownSeconds: 5, shards: { count: null, ids: null } });
  });
});

describe('sharding variables', () => {
  it('SHARD_COUNT is a number or auto; SHARD_IDS lists numbers and ranges', () => {
    expect(loadBotConfig({ DISCORD_TOKEN: TOKEN, SHARD_COUNT: '4' }).shards).toEqual({ count: 4, ids: null });
    expect(loadBotConfig({ DISCORD_TOKEN: TOKEN, SHARD_COUNT: 'AUTO' }).shards).toEqual({ count: 'auto', ids: null });
    expect(loadBotConfig({ DISCORD_TOKEN: TOKEN, SHARD_COUNT: '8', SHARD_IDS: '0-2, 6' }).shards).toEqual({ count: 8, ids: [0, 1, 2, 6] });
  });

  it('refuses what cannot work, naming the variable', () => {
    expect(() => loadBotConfig({ DISCORD_TOKEN: TOKEN, SHARD_COUNT: '0' })).toThrow(/SHARD_COUNT is invalid: must be a whole number of shards from 1 to 4096, or "auto"/);
    expect(() => loadBotConfig({ DISCORD_TOKEN: TOKEN, SHARD_IDS: 'one' })).toThrow(/SHARD_IDS is invalid/);
    expect(() => loadBotConfig({ DISCORD_TOKEN: TOKEN, SHARD_IDS: '0' })).toThrow('SHARD_IDS needs SHARD_COUNT');
    expect(() => loadBotConfig({ DISCORD_TOKEN: TOKEN, SHARD_COUNT: 'auto', SHARD_IDS: '0' })).toThrow('SHARD_IDS needs a numeric SHARD_COUNT');
    expect(() => loadBotConfig({ DISCORD_TOKEN: TOKEN, SHARD_COUNT: '2', SHARD_IDS: '1-2' })).toThrow('SHARD_IDS lists shards beyond SHARD_COUNT');
  });

  it('in a process of the ShardingManager, its SHARDS and SHARD_COUNT win', () => {
    expect(loadBotConfig({ DISCORD_TOKEN: TOKEN, SHARD_COUNT: '2', SHARDS: '1' }).shards).toEqual({ count: 2, ids: [1] });
    expect(loadBotConfig({ DISCORD_TOKEN: TOKEN, SHARD_COUNT: '4', SHARDS: '[2,3]' }).shards).toEqual({ count: 4, ids: [2, 3] });
  });
});

describe('loadDeployConfig', () => {
  it('also needs the application id', () => {
    expect(() => loadDeployConfig({ DISCORD_TOKEN: TOKEN })).toThrow('DISCORD_CLIENT_ID is required but not set.');
    expect(loadDeployConfig({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: '123456789012345678' })).toMatchObject({ clientId: '123456789012345678', guildId: null });
  });
});

describe('loadDotEnv', () => {
  afterEach(() => {
    delete process.env.ARTICLE_BOT_TEST_A;
    delete process.env.ARTICLE_BOT_TEST_B;
  });

  it('loads a .env file without overriding the environment; a missing file is fine', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bot-env-'));
    const file = path.join(dir, '.env');
    writeFileSync(file, 'ARTICLE_BOT_TEST_A=from-file\nARTICLE_BOT_TEST_B=from-file\n');
    process.env.ARTICLE_BOT_TEST_A = 'from-env';
    expect(loadDotEnv(file)).toBe(true);
    expect(process.env.ARTICLE_BOT_TEST_A).toBe('from-env');
    expect(process.env.ARTICLE_BOT_TEST_B).toBe('from-file');
    expect(loadDotEnv(path.join(dir, 'missing.env'))).toBe(false);
  });
});

describe('main (npm start)', () => {
  it('exits 1 with one clear line per problem when the configuration is unusable', async () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation(((code?: number) => {
      throw new Error(`exit ${code}`);
    }) as typeof process.exit);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      await expect(main({ COOLDOWN_SECONDS: 'soon' })).rejects.toThrow('exit 1');
      expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toBe(
        'configuration error:\n  - DISCORD_TOKEN is required but not set.\n  - COOLDOWN_SECONDS is invalid: must be a whole number of seconds from 0 (no cooldown) to 3600.\nSee .env.example for every variable.\n',
      );
    } finally {
      exit.mockRestore();
      stderr.mockRestore();
    }
  });
});
