// The engine may still be loading when interactions arrive (the model loads at startup): the bot
// must acknowledge within Discord's 3 seconds by deferring, then edit the reply.
import { ApplicationCommandOptionType, InteractionResponseType, MessageFlags } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answer/engine.js';
import { GENERIC_ERROR } from '../../src/discord/router.js';
import { autocompleteInteraction, buttonInteraction, chatInputInteraction, messageCreatePayload, snowflake } from '../discord-emulator/emulator.js';
import { callbackOf, expectNoMentions, expectTokenOnlyInAuthorization, finalReply, messageRequests, offlineEngine, startHarness, type Harness } from './harness.js';

function late(ms: number): Promise<Engine> {
  return new Promise((resolve, reject) => setTimeout(() => offlineEngine().then(resolve, reject), ms));
}

let h: Harness | null = null;

afterEach(async () => {
  if (!h) return;
  for (const { request, message } of messageRequests(h.emulator.requests)) expectNoMentions(message, `${request.method} ${request.path}`);
  expectTokenOnlyInAuthorization(h.emulator.requests, h.emulator.token);
  expect(h.logs.text).not.toContain(h.emulator.token);
  await h.stop();
  h = null;
});

describe('while the engine is loading', () => {
  it('defers, then edits the reply with the answer; buttons defer ephemerally; bad questions are answered at once', async () => {
    // A short deferral threshold keeps the test fast; the next test uses the real one.
    h = await startHarness({ engine: late(1200), config: { deferAfterMs: 150 } });
    const { emulator } = h;
    // The bad question comes first, while nothing is queued: it starts at once and needs no deferral.
    const empty = emulator.dispatchInteraction(chatInputInteraction(emulator.world, { commandName: 'ask', options: { question: '@everyone' } }));
    const emptyReply = await finalReply(emulator, empty);
    expect(emptyReply.deferred).toBe(false);
    expect(emptyReply.ephemeral).toBe(true);
    expect(emptyReply.data.content).toMatch(/no readable text/);

    const asked = emulator.dispatchInteraction(chatInputInteraction(emulator.world, { commandName: 'ask', options: { question: 'How many wounded will Russia treat?' } }));
    const click = emulator.dispatchInteraction(buttonInteraction(emulator.world, { customId: 'ask:full:2' }));

    const first = await callbackOf(emulator, asked);
    expect(first.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect((first.data?.flags ?? 0) & MessageFlags.Ephemeral).toBe(0);
    const clickFirst = await callbackOf(emulator, click);
    expect(clickFirst.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(clickFirst.data.flags & MessageFlags.Ephemeral).toBeTruthy();


    const answer = await finalReply(emulator, asked, 5000);
    expect(answer.deferred).toBe(true);
    expect(answer.data.embeds[0].fields[0].value).toBe('¶4 · article du 2017-02');
    expectNoMentions(answer.data, 'edit');
    expect(emulator.interaction(asked.id)?.loading).toBe(false);
    const full = await finalReply(emulator, click, 5000);
    expect(full.ephemeral).toBe(true);
    expect(full.data.content).toMatch(/^> L’aide apportée par Moscou.*\n— ¶2 · article du 2017-02$/s);
    // One acknowledgement per interaction.
    expect(emulator.requestsMatching((r) => r.params.interactionId === asked.id)).toHaveLength(1);
  });

  it('counts the deadline from the interaction\'s creation: one that arrives 2.6 s old is deferred at once', async () => {
    // The engine is ready, the answer would be quick: only the age of the interaction forces the deferral.
    h = await startHarness();
    const { emulator } = h;
    const old = emulator.dispatchInteraction(
      chatInputInteraction(emulator.world, { commandName: 'ask', options: { question: 'How many wounded will Russia treat?' }, createdAt: Date.now() - 2600 }),
    );
    const oldReply = await finalReply(emulator, old);
    // Asked once the queue is idle again (one that has to wait for its turn is deferred on arrival).
    const fresh = emulator.dispatchInteraction(chatInputInteraction(emulator.world, { commandName: 'ask', options: { question: 'Who is Haftar?' }, user: emulator.otherUser }));
    expect(oldReply.deferred).toBe(true);
    expect(oldReply.data.embeds[0].fields[0].value).toBe('¶4 · article du 2017-02');
    expect((await finalReply(emulator, fresh)).deferred).toBe(false);
    const deferredLine = h.logs.entries().find((e) => e.interactionId === old.id && e.msg === 'deferred');
    expect(deferredLine.ageMs).toBeGreaterThanOrEqual(2600);
  });

  it('a burst of 120 questions from 120 users: every one acknowledged once and answered, the backlog deferred', async () => {
    // No deadline here (a busy machine must not fail the test): what is checked is that nothing
    // is lost and that the bot deferred instead of letting the queue run into the deadline.
    h = await startHarness();
    const { emulator } = h;
    const users = Array.from({ length: 120 }, (_, n) => ({ ...emulator.user, id: snowflake(), username: `user${n}`, global_name: `User ${n}` }));
    const asked = users.map((user) => emulator.dispatchInteraction(chatInputInteraction(emulator.world, { commandName: 'ask', options: { question: 'How many wounded will Russia treat?' }, user })));
    const replies = await Promise.all(asked.map((i) => finalReply(emulator, i, 20_000)));
    for (const r of replies) expect(r.data.embeds[0].fields[0].value).toBe('¶4 · article du 2017-02');
    for (const i of asked) expect(emulator.requestsMatching((r) => r.params.interactionId === i.id)).toHaveLength(1);
    expect(replies.filter((r) => r.deferred).length).toBeGreaterThan(0);
  }, 60_000);

  it('autocomplete waits briefly for a loading engine (it cannot be deferred)', async () => {
    h = await startHarness({ engine: late(600) });
    const { emulator } = h;
    const i = emulator.dispatchInteraction(
      autocompleteInteraction(emulator.world, { commandName: 'quote', focused: { name: 'paragraph', value: '7', type: ApplicationCommandOptionType.Integer } }),
    );
    const callback = await callbackOf(emulator, i);
    expect(callback.data.choices.map((c: { value: number }) => c.value)).toEqual([7]);
  });
});

describe('when the engine fails to load', () => {
  it('answers with the generic error message and logs why', async () => {
    const failing = Promise.reject(new Error('corpus directory missing'));
    failing.catch(() => undefined); // handled by the bot once it starts
    h = await startHarness({ engine: failing });
    const { emulator } = h;
    const asked = emulator.dispatchInteraction(chatInputInteraction(emulator.world, { commandName: 'ask', options: { question: 'How many wounded?' } }));
    const reply = await finalReply(emulator, asked);
    expect(reply.ephemeral).toBe(true);
    expect(reply.data.content).toBe(GENERIC_ERROR);
    const entries = h.logs.entries();
    expect(entries.some((e) => e.msg.startsWith('the answer engine failed to load') && e.err.message === 'corpus directory missing')).toBe(true);
    expect(entries.some((e) => e.msg === 'interaction handler failed' && e.interactionId === asked.id)).toBe(true);
    // A mention cannot get a private message: the failure is a ⚠️ reaction, nothing public.
    const m = emulator.dispatchMessage(messageCreatePayload(emulator.world, { mentionBot: true, content: 'how many wounded?', author: emulator.otherUser }));
    const reaction = await emulator.waitForResponse((r) => r.route === 'PUT /channels/:channelId/messages/:messageId/reactions/:emoji/@me' && r.params.messageId === m.id);
    expect(reaction.params.emoji).toBe('⚠️');
    expect(emulator.requestsMatching('POST /channels/:channelId/messages')).toEqual([]);
  });
});
