// The real bot (discord.js Client + router + commands + offline engine) against the Discord
// emulator: interactions are dispatched over the gateway and the REST requests the bot sends
// back are asserted. Mentions are on in this file (see mentions-off.e2e.test.ts for off).
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ButtonStyle,
  ComponentType,
  GatewayIntentBits,
  InteractionResponseType,
  MessageFlags,
} from 'discord.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { GENERIC_ERROR } from '../../src/discord/router.js';
import type { ChatCommandModule } from '../../src/discord/types.js';
import {
  autocompleteInteraction,
  buttonInteraction,
  chatInputInteraction,
  messageContextMenuInteraction,
  messageCreatePayload,
  toRestMessage,
} from '../discord-emulator/emulator.js';
import {
  callbackOf,
  expectNoMentions,
  expectTokenOnlyInAuthorization,
  finalReply,
  messageRequests,
  startHarness,
  visibleText,
  type Harness,
} from './harness.js';

/** A command that fails on purpose (optionally after deferring), with the token in its error. */
const boom: ChatCommandModule = {
  data: { name: 'boom', toJSON: () => ({ name: 'boom', description: 'Fails on purpose', type: ApplicationCommandType.ChatInput }) },
  async execute(interaction, ctx) {
    if (interaction.options.getBoolean('defer')) await ctx.reply.defer();
    throw new Error(`exploded while holding ${ctx.config.token}`);
  },
};

let h: Harness;
let checked = 0;

beforeAll(async () => {
  // No privileged intent is granted to this application: mentions must work without one.
  h = await startHarness({ env: { COOLDOWN_SECONDS: '30' }, commands: [...commands, boom], emulator: { allowedPrivilegedIntents: 0 } });
});

afterAll(async () => {
  await h?.stop();
});

beforeEach(() => {
  h.bot.context.cooldown.clear();
});

// After every test: each message the bot sent carries allowed_mentions { parse: [] }, and the
// token only ever travelled in the Authorization header.
afterEach(() => {
  const fresh = h.emulator.requests.slice(checked);
  checked = h.emulator.requests.length;
  for (const { request, message } of messageRequests(fresh)) expectNoMentions(message, `${request.method} ${request.path}`);
  expectTokenOnlyInAuthorization(fresh, h.emulator.token);
});

function ask(question: string, extra: Record<string, string> = {}, user = h.emulator.user) {
  return h.emulator.dispatchInteraction(chatInputInteraction(h.emulator.world, { commandName: 'ask', options: { question, ...extra }, user }));
}

describe('/ask', () => {
  it('answers a cross-lingual question with the quote, the highlight in bold, the citation and the confidence', async () => {
    const i = ask('How many wounded will Russia treat?');
    const { deferred, data, ephemeral } = await finalReply(h.emulator, i);
    expect(deferred).toBe(false);
    expect(ephemeral).toBe(false);
    const [embed] = data.embeds;
    expect(embed.title).toBe('How many wounded will Russia treat?');
    // The short answer, when the engine finds one, is underlined inside the bold sentence (see render.test.ts).
    expect(embed.description).toMatch(/^> \*\*La Russie s’est engagée par ailleurs à prendre en charge (__)?500 blessés supplémentaires(__)?, voire/);
    expect(embed.description).toMatch(/\*\*$/);
    expect(embed.fields).toContainEqual({ name: 'Source', value: '¶4 · article du 2017-02', inline: true });
    const confidence = embed.fields.find((f: { name: string }) => f.name === 'Confidence');
    expect(confidence.value).toMatch(/^(High|Medium) \(score 0\.\d\d\) · offline lexical mode/);
    expect(embed.footer.text).toContain('Question read as English');
    const buttons = data.components[0].components;
    expect(buttons[0]).toMatchObject({ type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Full paragraph', custom_id: 'ask:full:4' });
    expect(buttons[1].label).toMatch(/^(No other matches|Other matches \(\d\))$/);
    for (const b of buttons) expect(b.custom_id.length).toBeLessThanOrEqual(100);
  });

  it('says plainly when the article does not cover the question, and offers the closest passage', async () => {
    const { data } = await finalReply(h.emulator, ask('What is the capital of Australia?'));
    const [embed] = data.embeds;
    expect(embed.description).toMatch(/^\*\*The article does not cover this question\.\*\* The closest passage is ¶\d+:\n> /);
    expect(embed.fields[1].value).toMatch(/^Low/);
    expect(embed.footer.text).toMatch(/not found in the article: .*australia/);
  });

  it('honours the language option', async () => {
    const { data } = await finalReply(h.emulator, ask('Quand Haftar a-t-il visité le porte-avions ?', { language: 'fr' }));
    expect(data.embeds[0].fields[0].value).toBe('¶5 · « Deux visites à Moscou en 2016 » · article du 2017-02');
    expect(data.embeds[0].footer.text).toContain('Question read as French');
  });

  it('"Full paragraph" posts the verbatim paragraph and its citation, ephemerally', async () => {
    const asked = ask('How many wounded will Russia treat?');
    const { data } = await finalReply(h.emulator, asked);
    const message = h.emulator.originalResponse(asked.id)!;
    const click = h.emulator.dispatchInteraction(buttonInteraction(h.emulator.world, { customId: data.components[0].components[0].custom_id, message }));
    const reply = await finalReply(h.emulator, click);
    expect(reply.ephemeral).toBe(true);
    expect(reply.data.content).toBe(
      '> La Russie s’est engagée par ailleurs à prendre en charge 500 blessés supplémentaires, voire plus « selon les besoins », dans le cadre « d’un accord entre le commandement général [de l’ANL] et l’État russe », a ajouté Mohamad Ghanim, le porte-parole de l’Armée nationale libyenne.\n— ¶4 · article du 2017-02',
    );
  });

  it('"Other matches" lists the alternatives with their highlighted sentences, ephemerally', async () => {
    const asked = ask('Quand Haftar a-t-il visité le porte-avions ?');
    const { data } = await finalReply(h.emulator, asked);
    const offered = data.components[0].components[1];
    // Which alternatives the engine offers is its business; a button id it could give is used otherwise.
    const other = offered.disabled ? { custom_id: 'ask:alts:2.1,5.2' } : offered;
    expect(other.custom_id).toMatch(/^ask:alts:\d+(\.[0-9a-z]+)?(,\d+(\.[0-9a-z]+)?)*$/);
    const click = h.emulator.dispatchInteraction(
      buttonInteraction(h.emulator.world, { customId: other.custom_id, message: h.emulator.originalResponse(asked.id)! }),
    );
    const reply = await finalReply(h.emulator, click);
    expect(reply.ephemeral).toBe(true);
    const embed = reply.data.embeds[0];
    expect(embed.title).toBe('Other passages that match');
    const paragraphs = other.custom_id.slice('ask:alts:'.length).split(',').map((r: string) => `¶${r.split('.')[0]}`);
    expect(embed.fields.map((f: { name: string }) => f.name.split(' · ')[0])).toEqual(paragraphs);
    for (const f of embed.fields) {
      expect(f.value).toMatch(/^> .*\*\*.+\*\*/);
      expect(f.value.length).toBeLessThanOrEqual(1024);
    }
  });

  it('a stale or forged button id gets a short ephemeral message', async () => {
    const click = h.emulator.dispatchInteraction(buttonInteraction(h.emulator.world, { customId: 'ask:full:999' }));
    const reply = await finalReply(h.emulator, click);
    expect(reply.ephemeral).toBe(true);
    expect(reply.data.content).toMatch(/not in the article/);
    const junk = h.emulator.dispatchInteraction(buttonInteraction(h.emulator.world, { customId: 'ask:full:<script>' }));
    expect((await finalReply(h.emulator, junk)).data.content).toMatch(/does not work any more/);
  });

  it('applies the per-user cooldown with an ephemeral "try again in Ns"', async () => {
    await finalReply(h.emulator, ask('How many wounded will Russia treat?'));
    const again = await finalReply(h.emulator, ask('How many wounded will Russia treat?'));
    expect(again.ephemeral).toBe(true);
    expect(again.data.content).toMatch(/try again in (30|29)s/);
    // Someone else is not affected.
    const other = await finalReply(h.emulator, ask('How many wounded will Russia treat?', {}, h.emulator.otherUser));
    expect(other.ephemeral).toBe(false);
  });
});

describe('hostile questions', () => {
  const hostile: [string, string][] = [
    ['@everyone', '@everyone @here how many wounded will Russia treat?'],
    ['role mention', ''],
    ['markdown and code fences', '**How** many _wounded_ ~~will~~ ||Russia|| `treat`?\n```js\nalert(1)\n```\n> quote [link](https://example.com)'],
    ['300 emoji', '😀'.repeat(300)],
    ['a question drowned in emoji', `How many wounded will Russia treat? ${'🔥'.repeat(260)}`],
    ['zero-width characters', 'How\u200b many\u200d wounded\u2060 will\ufeff Russia treat?\u202e'],
  ];

  it.each(hostile)('%s: no ping, no broken formatting, no crash', async (_name, raw) => {
    const question = raw || `<@&${h.emulator.memberRoleId}> <@${h.emulator.otherUserId}> how many wounded will Russia treat?`;
    const i = ask(question);
    const { data } = await finalReply(h.emulator, i);
    expectNoMentions(data, 'reply');
    const text = visibleText(data);
    expect(text).not.toMatch(/@everyone|@here|<@&?\d+>/);
    // What the user sees in the channel: Discord derived no mention from the bot's message.
    const shown = h.emulator.originalResponse(i.id)!;
    expect(shown.mention_everyone).toBe(false);
    expect(shown.mention_roles).toEqual([]);
    expect(shown.mentions).toEqual([]);
    if (data.embeds?.[0]) {
      // The echoed question has its markdown escaped (or stripped by the engine): no live markers.
      expect(data.embeds[0].title).not.toMatch(/(?<!\\)(\*\*|~~|\|\||```)/);
      expect(data.embeds[0].title.length).toBeLessThanOrEqual(256);
    } else {
      expect(data.flags & MessageFlags.Ephemeral).toBeTruthy();
      expect(data.content).toMatch(/question/i);
    }
  });

  it('the bot still answers afterwards', async () => {
    const { data } = await finalReply(h.emulator, ask('How many wounded will Russia treat?'));
    expect(data.embeds[0].fields[0].value).toBe('¶4 · article du 2017-02');
  });
});

describe('/summary', () => {
  it('defaults to 3 sentences, each with its citation', async () => {
    const i = h.emulator.dispatchInteraction(chatInputInteraction(h.emulator.world, { commandName: 'summary' }));
    const { data } = await finalReply(h.emulator, i);
    const embed = data.embeds[0];
    expect(embed.title).toBe('Summary in 3 sentences');
    const lines = embed.description.split('\n');
    expect(lines).toHaveLength(3);
    for (const [n, line] of lines.entries()) expect(line).toMatch(new RegExp(`^${n + 1}\\. .+ — \\*¶\\d+ · .*article du 2017-02\\*$`));
  });

  it('takes the number of sentences', async () => {
    const i = h.emulator.dispatchInteraction(chatInputInteraction(h.emulator.world, { commandName: 'summary', options: { sentences: 1 } }));
    const { data } = await finalReply(h.emulator, i);
    expect(data.embeds[0].description.split('\n')).toHaveLength(1);
  });

  it('refuses an out-of-range number politely (an old registration without min/max)', async () => {
    const i = h.emulator.dispatchInteraction(chatInputInteraction(h.emulator.world, { commandName: 'summary', options: { sentences: 9 } }));
    const reply = await finalReply(h.emulator, i);
    expect(reply.ephemeral).toBe(true);
    expect(reply.data.content).toBe('Choose from 1 to 6 sentences.');
  });
});

describe('/quote', () => {
  it('posts a paragraph verbatim with its citation', async () => {
    const i = h.emulator.dispatchInteraction(chatInputInteraction(h.emulator.world, { commandName: 'quote', options: { paragraph: 3 } }));
    const reply = await finalReply(h.emulator, i);
    expect(reply.ephemeral).toBe(false);
    expect(reply.data.content).toBe(
      '> Le GNA et l’autorité basée dans l’est du pays se disputent le pouvoir dans un contexte de chaos national depuis la chute de Moummar Kadhafi.\n— ¶3 · article du 2017-02',
    );
  });

  it('finds the paragraph from words (text)', async () => {
    const i = h.emulator.dispatchInteraction(chatInputInteraction(h.emulator.world, { commandName: 'quote', options: { text: 'porte-avions Kouznetsov' } }));
    const reply = await finalReply(h.emulator, i);
    expect(reply.data.content).toMatch(/^> C’est là un nouveau geste de Moscou.*\n— ¶5 · « Deux visites à Moscou en 2016 » · article du 2017-02$/s);
  });

  it('neither option, or a paragraph that does not exist → short ephemeral message', async () => {
    const none = await finalReply(h.emulator, h.emulator.dispatchInteraction(chatInputInteraction(h.emulator.world, { commandName: 'quote' })));
    expect(none.ephemeral).toBe(true);
    expect(none.data.content).toMatch(/paragraph number/);
    const missing = await finalReply(
      h.emulator,
      h.emulator.dispatchInteraction(chatInputInteraction(h.emulator.world, { commandName: 'quote', options: { paragraph: 42 } })),
    );
    expect(missing.ephemeral).toBe(true);
    expect(missing.data.content).toBe('There is no paragraph 42: the article has paragraphs 1 to 7.');
  });

  it('autocompletes paragraphs by number', async () => {
    const i = h.emulator.dispatchInteraction(
      autocompleteInteraction(h.emulator.world, { commandName: 'quote', focused: { name: 'paragraph', value: '4', type: ApplicationCommandOptionType.Integer } }),
    );
    const callback = await callbackOf(h.emulator, i);
    expect(callback.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect(callback.data.choices).toHaveLength(1);
    expect(callback.data.choices[0].value).toBe(4);
    expect(callback.data.choices[0].name).toMatch(/^¶4 — La Russie s’est engagée par ailleurs.*…$/);
    expect(callback.data.choices[0].name.length).toBeLessThanOrEqual(100);
  });

  it('autocompletes paragraphs by words, ignoring accents and case; empty input lists them all', async () => {
    const byWords = h.emulator.dispatchInteraction(
      autocompleteInteraction(h.emulator.world, { commandName: 'quote', focused: { name: 'paragraph', value: 'BLESSES supplementaires', type: ApplicationCommandOptionType.Integer } }),
    );
    expect((await callbackOf(h.emulator, byWords)).data.choices.map((c: { value: number }) => c.value)).toEqual([4]);
    const all = h.emulator.dispatchInteraction(
      autocompleteInteraction(h.emulator.world, { commandName: 'quote', focused: { name: 'paragraph', value: '', type: ApplicationCommandOptionType.Integer } }),
    );
    const choices = (await callbackOf(h.emulator, all)).data.choices;
    expect(choices.map((c: { value: number }) => c.value)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
  });
});

describe('/about', () => {
  it('shows the article metadata, the retrieval mode and the version', async () => {
    const { data } = await finalReply(h.emulator, h.emulator.dispatchInteraction(chatInputInteraction(h.emulator.world, { commandName: 'about' })));
    const text = visibleText(data);
    expect(text).toContain('Date: 2017-02');
    expect(text).toContain('Language: French (fr)');
    expect(text).toContain('Paragraphs: 7');
    expect(text).toContain('« Deux visites à Moscou en 2016 »');
    expect(text).toMatch(/offline lexical/);
    expect(data.embeds[0].fields.some((f: { name: string }) => f.name === 'Dictionaries')).toBe(true);
    expect(text).toMatch(/version \d+\.\d+\.\d+/);
    expect(text).toContain('@mentions on');
  });
});

describe('"Find in article" (message context menu)', () => {
  it('uses the target message as the question', async () => {
    const i = h.emulator.dispatchInteraction(
      messageContextMenuInteraction(h.emulator.world, { commandName: 'Find in article', targetContent: 'How many wounded will Russia treat?' }),
    );
    const { data, ephemeral } = await finalReply(h.emulator, i);
    expect(ephemeral).toBe(false);
    expect(data.embeds[0].fields[0].value).toBe('¶4 · article du 2017-02');
    expect(data.embeds[0].description).toContain('500 blessés');
  });

  it('a message without text gets a short ephemeral message', async () => {
    const target = toRestMessage(messageCreatePayload(h.emulator.world, { author: h.emulator.otherUser, content: '' }));
    const i = h.emulator.dispatchInteraction(messageContextMenuInteraction(h.emulator.world, { commandName: 'Find in article', target }));
    const reply = await finalReply(h.emulator, i);
    expect(reply.ephemeral).toBe(true);
    expect(reply.data.content).toBe('That message has no text to look up in the article.');
  });
});

describe('@mention (on by default)', () => {
  it('asks for Guilds and GuildMessages only: nothing privileged', () => {
    expect(h.config.mentionsEnabled).toBe(true);
    expect(h.emulator.identifies[0].intents).toBe(GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages);
  });

  it('answers "@Bot question" with a reply that pings nobody', async () => {
    const m = h.emulator.dispatchMessage(
      messageCreatePayload(h.emulator.world, { mentionBot: true, content: 'how many wounded will Russia treat? @everyone' }),
    );
    const post = await h.emulator.waitForResponse((r) => r.route === 'POST /channels/:channelId/messages' && r.body?.message_reference?.message_id === m.id);
    expect(post.response?.status).toBe(200);
    expect(post.body.embeds[0].fields[0].value).toBe('¶4 · article du 2017-02');
    expect(post.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const created = post.response?.body as { mention_everyone: boolean; mentions: unknown[] };
    expect(created.mention_everyone).toBe(false);
    expect(created.mentions).toEqual([]);
  });

  const reactionTo = (messageId: string) =>
    h.emulator.waitForResponse((r) => r.route === 'PUT /channels/:channelId/messages/:messageId/reactions/:emoji/@me' && r.params.messageId === messageId);

  it('a bare mention gets a ❓ reaction, not a public message; messages without a typed mention are ignored', async () => {
    const before = h.emulator.requests.length;
    const bare = h.emulator.dispatchMessage(messageCreatePayload(h.emulator.world, { mentionBot: true, content: '' }));
    const reaction = await reactionTo(bare.id);
    expect(reaction.params.emoji).toBe('❓');
    expect(reaction.response?.status).toBe(204);
    const plain = h.emulator.dispatchMessage(messageCreatePayload(h.emulator.world, { content: 'how many wounded will Russia treat?' }));
    const fromBot = h.emulator.dispatchMessage(messageCreatePayload(h.emulator.world, { author: h.emulator.botUser, mentionBot: true, content: 'loop?' }));
    // A message dispatched after them is answered, so they have been processed by then.
    const probe = h.emulator.dispatchMessage(messageCreatePayload(h.emulator.world, { mentionBot: true, content: 'how many wounded?', author: h.emulator.otherUser }));
    await h.emulator.waitForResponse((r) => r.route === 'POST /channels/:channelId/messages' && r.body?.message_reference?.message_id === probe.id);
    const replies = h.emulator.requests.slice(before).filter((r) => r.route === 'POST /channels/:channelId/messages');
    expect(replies.map((r) => r.body.message_reference.message_id)).toEqual([probe.id]);
    expect([plain.id, fromBot.id, bare.id]).not.toContain(replies[0]?.body.message_reference.message_id);
  });

  it('the cooldown is a ⏳ reaction, not a public message', async () => {
    const first = h.emulator.dispatchMessage(messageCreatePayload(h.emulator.world, { mentionBot: true, content: 'how many wounded will Russia treat?' }));
    await h.emulator.waitForResponse((r) => r.route === 'POST /channels/:channelId/messages' && r.body?.message_reference?.message_id === first.id);
    const again = h.emulator.dispatchMessage(messageCreatePayload(h.emulator.world, { mentionBot: true, content: 'and who is Haftar?' }));
    expect((await reactionTo(again.id)).params.emoji).toBe('⏳');
    expect(h.emulator.requestsMatching((r) => r.route === 'POST /channels/:channelId/messages' && r.body?.message_reference?.message_id === again.id)).toEqual([]);
  });
});

describe('errors', () => {
  it('a handler that throws → generic ephemeral message; the log has the interaction id and the cause, not the token', async () => {
    const i = h.emulator.dispatchInteraction(chatInputInteraction(h.emulator.world, { commandName: 'boom' }));
    const reply = await finalReply(h.emulator, i);
    expect(reply.ephemeral).toBe(true);
    expect(reply.data.content).toBe(GENERIC_ERROR);
    const line = h.logs.entries().find((e) => e.msg === 'interaction handler failed' && e.interactionId === i.id);
    expect(line).toMatchObject({ command: 'boom', level: 50 });
    expect(line.err.message).toBe('exploded while holding [redacted]');
    expect(h.logs.text).not.toContain(h.emulator.token);
  });

  it('after a public deferral, the error is private: placeholder deleted, ephemeral follow-up, one acknowledgement', async () => {
    const i = h.emulator.dispatchInteraction(chatInputInteraction(h.emulator.world, { commandName: 'boom', options: { defer: true } }));
    const reply = await finalReply(h.emulator, i);
    expect(reply.deferred).toBe(true);
    expect(reply.ephemeral).toBe(true);
    expect(reply.placeholderDeleted).toBe(true);
    expect(reply.data.content).toBe(GENERIC_ERROR);
    // Nothing public is left: the placeholder is gone, the only message is the ephemeral one.
    expect(h.emulator.originalResponse(i.id)).toBeUndefined();
    const followups = h.emulator.followups(i.id);
    expect(followups).toHaveLength(1);
    expect(followups[0]!.flags! & MessageFlags.Ephemeral).toBeTruthy();
    const callbacks = h.emulator.requestsMatching((r) => r.params.interactionId === i.id);
    expect(callbacks).toHaveLength(1);
  });

  it('a callback Discord applied but answered 500 counts as delivered (40060 on the retry), no error logged', async () => {
    h.emulator.injectResponse('POST /interactions/:id/:token/callback', { status: 500, body: { message: '500: Internal Server Error', code: 0 }, afterHandling: true });
    const i = ask('How many wounded will Russia treat?');
    await expect.poll(() => h.logs.entries().find((e) => e.interactionId === i.id && /40060 on retry/.test(e.msg)), { timeout: 5000 }).toBeTruthy();
    const attempts = h.emulator.requestsMatching((r) => r.params.interactionId === i.id);
    expect(attempts.map((r) => r.response?.status)).toEqual([500, 400]);
    expect((attempts[1]!.response?.body as { code: number }).code).toBe(40060);
    // The user sees the answer (applied on the first attempt), and nothing else was sent.
    expect(h.emulator.originalResponse(i.id)?.embeds[0]?.fields?.[0]?.value).toBe('¶4 · article du 2017-02');
    expect(h.logs.entries().filter((e) => e.interactionId === i.id && e.level >= 50)).toEqual([]);
    expect(h.emulator.requestsMatching((r) => r.params.token === i.token && r.route?.startsWith('POST /webhooks') === true)).toEqual([]);
  });

  it('an unknown command (stale registration) gets a short ephemeral message', async () => {
    const i = h.emulator.dispatchInteraction(chatInputInteraction(h.emulator.world, { commandName: 'gone' }));
    const reply = await finalReply(h.emulator, i);
    expect(reply.ephemeral).toBe(true);
  });

  it('a reply Discord keeps refusing is logged, and the bot carries on', async () => {
    // @discordjs/rest retries a 500 three times: all four attempts fail.
    h.emulator.injectResponse('POST /interactions/:id/:token/callback', { status: 500, body: { message: '500: Internal Server Error', code: 0 }, times: 4 });
    const failed = ask('How many wounded will Russia treat?');
    await expect.poll(() => h.logs.entries().find((e) => e.interactionId === failed.id && e.msg === 'interaction handler failed'), { timeout: 5000 }).toBeTruthy();
    expect(h.emulator.requestsMatching((r) => r.params.interactionId === failed.id)).toHaveLength(4);
    h.bot.context.cooldown.clear();
    const { data } = await finalReply(h.emulator, ask('How many wounded will Russia treat?'));
    expect(data.embeds[0].fields[0].value).toBe('¶4 · article du 2017-02');
  });
});

describe('gateway', () => {
  it('resumes after a disconnect and still answers', async () => {
    const resumed = h.emulator.waitForResume();
    expect(h.emulator.dropConnection(4000)).toBe(1);
    await resumed;
    const { data } = await finalReply(h.emulator, ask('How many wounded will Russia treat?'));
    expect(data.embeds[0].fields[0].value).toBe('¶4 · article du 2017-02');
    expect(h.logs.entries().some((e) => e.msg === 'gateway session resumed')).toBe(true);
  });
});

describe('logs', () => {
  it('never contain the bot token', () => {
    expect(h.logs.lines.length).toBeGreaterThan(0);
    expect(h.logs.text).not.toContain(h.emulator.token);
  });
});
