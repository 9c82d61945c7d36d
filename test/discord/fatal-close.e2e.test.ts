// Close codes no reconnection can fix end the bot (main exits non-zero); others are resumed.
import { afterEach, expect, it } from 'vitest';
import type { FatalGatewayClose } from '../../src/discord/bot.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness | null = null;

afterEach(async () => {
  await h?.stop();
  h = null;
});

it.each([
  [4004, /token was rejected/],
  [4010, /invalid shard/],
  [4011, /sharding required/],
  [4012, /invalid gateway API version/],
  [4013, /invalid intents/],
  [4014, /disallowed intents/],
])('close %i after READY → onFatal with its cause', async (code, cause) => {
  const fatal: FatalGatewayClose[] = [];
  h = await startHarness({ onFatal: (c) => fatal.push(c) });
  h.emulator.dropConnection(code, 'fatal');
  await expect.poll(() => fatal.length, { timeout: 5000 }).toBe(1);
  expect(fatal[0]).toMatchObject({ code, shardId: 0 });
  expect(fatal[0]!.cause).toMatch(cause);
});

it('an ordinary close (4000) is not fatal: the session resumes', async () => {
  const fatal: FatalGatewayClose[] = [];
  h = await startHarness({ onFatal: (c) => fatal.push(c) });
  const resumed = h.emulator.waitForResume();
  h.emulator.dropConnection(4000);
  await resumed;
  expect(fatal).toEqual([]);
});
