// With MENTIONS_ENABLED=false the bot asks for the Guilds intent only and does not answer
// "@Bot …" messages (mentions are on by default: see bot.e2e.test.ts).
import { GatewayIntentBits } from 'discord.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chatInputInteraction, messageCreatePayload } from '../discord-emulator/emulator.js';
import { finalReply, startHarness, visibleText, type Harness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ env: { MENTIONS_ENABLED: 'false' } });
});

afterAll(async () => {
  await h?.stop();
});

it('identifies with the Guilds intent only', () => {
  expect(h.config.mentionsEnabled).toBe(false);
  expect(h.emulator.identifies[0].intents).toBe(GatewayIntentBits.Guilds);
});

it('ignores an @mention, and still answers commands', async () => {
  const message = messageCreatePayload(h.emulator.world, { mentionBot: true, content: 'how many wounded will Russia treat?' });
  // Without GuildMessages, Discord (and the emulator) do not deliver it; the bot has no listener for it either.
  h.emulator.dispatchMessage(message);
  const probe = h.emulator.dispatchInteraction(chatInputInteraction(h.emulator.world, { commandName: 'about' }));
  const { data } = await finalReply(h.emulator, probe);
  expect(visibleText(data)).toContain('@mentions off');
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(h.emulator.requestsMatching('POST /channels/:channelId/messages')).toEqual([]);
  expect(h.bot.client.listenerCount('messageCreate')).toBe(0);
});
