// `npm start` as a user runs it: the compiled entry point in its own process, against the emulator.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { RESTARTING } from '../../src/discord/router.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { chatInputInteraction, DiscordEmulator, snowflake } from '../discord-emulator/emulator.js';

let emulator: DiscordEmulator;

beforeEach(async () => {
  // No wall-clock deadline: these tests are about the process (signals, exit codes), not timing.
  emulator = new DiscordEmulator({ interactionDeadlineMs: 0 });
  await emulator.start();
});

afterEach(async () => {
  await emulator.stop();
});

function env(): NodeJS.ProcessEnv {
  return emulator.botEnv({ LOG_LEVEL: 'debug' });
}

function run(command: string, args: string[]): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(command, args, { cwd: PACKAGE_ROOT, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

const ask = (question: string) =>
  emulator.dispatchInteraction(
    chatInputInteraction(emulator.world, { commandName: 'ask', options: { question }, user: { ...emulator.user, id: snowflake(), username: 'someone' } }),
  );

it('starts from dist/, answers /ask, and exits 0 on SIGTERM without printing the token', async () => {
  const { child, output, exited } = run(process.execPath, [path.join(PACKAGE_ROOT, 'dist/src/discord/main.js')]);
  await emulator.waitForReady(15_000);
  const asked = ask('How many wounded will Russia treat?');
  const reply = await emulator.waitForRequest((r) => r.method === 'PATCH' || (r.params.interactionId === asked.id && r.body?.type === 4), 10_000);
  expect(JSON.stringify(reply.body)).toContain('¶4 · article du 2017-02');

  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  // JSON log lines in production, with the mode the engine answers in.
  expect(output()).toMatch(/"msg":"engine ready \(offline lexical/);
  expect(output()).not.toContain(emulator.token);
}, 30_000);

it('npm start passes SIGTERM to the bot, which answers what it received, tells late users it is restarting, and exits 0', async () => {
  // npm → sh → node: `exec` in the script leaves no shell in between to swallow the signal.
  const { child, output, exited } = run('npm', ['start', '--silent']);
  await emulator.waitForReady(15_000);
  await expect.poll(() => /engine ready/.test(output()), { timeout: 15_000 }).toBe(true);
  // Answers are slow to be delivered: the edits that fill in the deferrals are held by the
  // emulator until the late interaction has had its notice, so they are still on their way when
  // the signal comes and the bot is still draining (still connected) when the late one arrives,
  // however slow this machine is.
  const releaseEdits = emulator.hold('PATCH /webhooks/:applicationId/:token/messages/:messageId');
  emulator.setDelay('POST /interactions/:interactionId/:token/callback', 300);
  const received = Array.from({ length: 40 }, () => ask('How many wounded will Russia treat?'));
  await expect.poll(() => received.filter((i) => emulator.requestsMatching((r) => r.params.interactionId === i.id).length > 0).length, { timeout: 10_000 }).toBe(40);

  child.kill('SIGTERM');
  await expect.poll(() => /"msg":"shutting down"/.test(output()), { timeout: 5000 }).toBe(true);
  const late = ask('Who is Haftar?');
  await emulator.waitForInteractionCallback(late, 10_000);
  releaseEdits();
  expect(await exited).toBe(0);

  for (const i of received) {
    const rec = emulator.interaction(i.id)!;
    expect(rec.acknowledged).toBe(true);
    // No "thinking…" left behind: every deferral was filled in.
    expect(rec.loading, `interaction ${i.id}`).toBe(false);
    expect(JSON.stringify(emulator.originalResponse(i.id))).toContain('¶4 · article du 2017-02');
  }
  const lateCallback = emulator.requestsMatching((r) => r.params.interactionId === late.id)[0];
  expect(lateCallback?.body.data.content).toBe(RESTARTING);
  expect(lateCallback?.body.data.flags & 64).toBeTruthy();
  expect(output()).toMatch(/"msg":"every interaction received was answered"/);
}, 60_000);

it('a 4004 close after READY (token reset) is fatal: a log line naming the cause and exit status 78', async () => {
  const { output, exited } = run(process.execPath, [path.join(PACKAGE_ROOT, 'dist/src/discord/main.js')]);
  await emulator.waitForReady(15_000);
  expect(emulator.dropConnection(4004, 'Authentication failed.')).toBe(1);
  expect(await exited).toBe(78);
  const fatal = output()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { level: number; msg: string; code?: number })
    .find((e) => e.level === 60);
  expect(fatal?.msg).toMatch(/^Discord closed the gateway for good: the token was rejected \(4004\)/);
  expect(fatal?.code).toBe(4004);
  expect(output()).not.toContain(emulator.token);
}, 30_000);
