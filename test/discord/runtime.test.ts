import type { RepliableInteraction } from 'discord.js';
import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { Cooldown } from '../../src/discord/cooldown.js';
import { createLogger, scrubSecrets } from '../../src/logger.js';
import { NO_MENTIONS, Responder } from '../../src/discord/respond.js';
import { LogCapture } from './harness.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB';

describe('log scrubbing', () => {
  it('removes the token and interaction tokens in webhook URLs from any string', () => {
    expect(scrubSecrets(`login failed for ${TOKEN}!`, [TOKEN])).toBe('login failed for [redacted]!');
    expect(scrubSecrets('PATCH /api/v10/webhooks/123456789012345678/aW50ZXJhY3Rpb246MTIz-_abc.def/messages/@original', [])).toBe(
      'PATCH /api/v10/webhooks/123456789012345678/[redacted]/messages/@original',
    );
    expect(scrubSecrets('/interactions/123456789012345678/aW50ZXJhY3Rpb246MTIzNDU2Nzg5/callback', [])).toBe(
      '/interactions/123456789012345678/[redacted]/callback',
    );
  });

  it('scrubs messages, error messages, stacks and bindings; redacts known keys', () => {
    const logs = new LogCapture();
    const logger = createLogger({ level: 'debug', pretty: false }, { secrets: [TOKEN], destination: logs });
    const error = new Error(`An invalid token was provided: ${TOKEN}`);
    logger.child({ auth: `Bot ${TOKEN}` }).error({ err: error, token: TOKEN, config: { DISCORD_TOKEN: TOKEN } }, `failed with ${TOKEN}`);
    expect(logs.text).not.toContain(TOKEN);
    const [entry] = logs.entries();
    expect(entry.msg).toBe('failed with [redacted]');
    expect(entry.err.message).toBe('An invalid token was provided: [redacted]');
    expect(entry.token).toBe('[redacted]');
    expect(entry.config.DISCORD_TOKEN).toBe('[redacted]');
  });
});

describe('Cooldown', () => {
  it('lets a user through once per window and reports whole seconds left', () => {
    let now = 1_000_000;
    const cooldown = new Cooldown(10, () => now);
    expect(cooldown.take('u1')).toBe(0);
    now += 2500;
    expect(cooldown.take('u1')).toBe(8);
    expect(cooldown.take('u2')).toBe(0);
    now += 7500;
    expect(cooldown.take('u1')).toBe(0);
    expect(new Cooldown(0).take('u1')).toBe(0);
  });
});

/** A stand-in for a discord.js interaction that records the calls the Responder makes. */
function fakeInteraction(delayMs = 0) {
  const calls: { method: string; options: unknown }[] = [];
  const call = (method: string) =>
    vi.fn(async (options: unknown) => {
      calls.push({ method, options });
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    });
  const interaction = { id: '1', reply: call('reply'), deferReply: call('deferReply'), editReply: call('editReply'), followUp: call('followUp') };
  return { interaction: interaction as unknown as RepliableInteraction, calls };
}

const silent = pino({ level: 'silent' });

describe('Responder', () => {
  it('replies directly when the answer is quick', async () => {
    const { interaction, calls } = fakeInteraction();
    const responder = new Responder(interaction, { deferAfterMs: 1000, ephemeral: false, logger: silent });
    await responder.send({ content: 'hi' });
    await responder.send({ content: 'more', ephemeral: true });
    responder.close();
    expect(calls.map((c) => c.method)).toEqual(['reply', 'followUp']);
    expect(calls[0]!.options).toEqual({ content: 'hi', embeds: [], components: [], allowedMentions: NO_MENTIONS, flags: undefined });
    expect(calls[1]!.options).toMatchObject({ content: 'more', flags: 64, allowedMentions: { parse: [] } });
  });

  it('defers after the threshold, then edits the placeholder', async () => {
    const { interaction, calls } = fakeInteraction();
    const responder = new Responder(interaction, { deferAfterMs: 20, ephemeral: true, logger: silent });
    await new Promise((resolve) => setTimeout(resolve, 60));
    await responder.send({ content: 'late' });
    expect(calls.map((c) => c.method)).toEqual(['deferReply', 'editReply']);
    expect(calls[0]!.options).toEqual({ flags: 64 });
    expect(calls[1]!.options).toEqual({ content: 'late', embeds: [], components: [], allowedMentions: { parse: [] } });
  });

  it('never acknowledges twice when the timer fires while a reply is on its way', async () => {
    const { interaction, calls } = fakeInteraction(80);
    const responder = new Responder(interaction, { deferAfterMs: 20, ephemeral: false, logger: silent, receivedAt: Date.now() - 10 });
    await responder.send({ content: 'racing' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls.map((c) => c.method)).toEqual(['reply']);
  });

  it('counts the time already spent before the handler started', async () => {
    const { interaction, calls } = fakeInteraction();
    const responder = new Responder(interaction, { deferAfterMs: 2500, ephemeral: false, logger: silent, receivedAt: Date.now() - 2500 });
    await new Promise((resolve) => setTimeout(resolve, 10));
    responder.close();
    expect(calls.map((c) => c.method)).toEqual(['deferReply']);
  });
});
