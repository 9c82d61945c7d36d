// `npm start` as a user runs it: the compiled entry point in its own process, against the emulator.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { chatInputInteraction, DiscordEmulator } from '../discord-emulator/emulator.js';

let emulator: DiscordEmulator;

beforeAll(async () => {
  emulator = new DiscordEmulator();
  await emulator.start();
});

afterAll(async () => {
  await emulator.stop();
});

it('starts from dist/, answers /ask, and exits 0 on SIGTERM without printing the token', async () => {
  const child = spawn(process.execPath, [path.join(PACKAGE_ROOT, 'dist/src/discord/main.js')], {
    cwd: PACKAGE_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      DISCORD_TOKEN: emulator.token,
      DISCORD_API_URL: emulator.restUrl,
      OFFLINE: '1',
      EMBEDDING_MODEL: 'none',
      NODE_ENV: 'production',
      LOG_LEVEL: 'debug',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  await emulator.waitForReady();
  const asked = emulator.dispatchInteraction(chatInputInteraction(emulator.world, { commandName: 'ask', options: { question: 'How many wounded will Russia treat?' } }));
  const reply = await emulator.waitForRequest((r) => r.method === 'PATCH' || (r.params.interactionId === asked.id && r.body?.type === 4), 10_000);
  expect(JSON.stringify(reply.body)).toContain('¶4 · article du 2017-02');

  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  // JSON log lines in production, with the mode the engine answers in.
  expect(output).toMatch(/"msg":"engine ready \(offline lexical/);
  expect(output).not.toContain(emulator.token);
}, 30_000);
