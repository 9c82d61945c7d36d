// The bot's own words follow the user's locale (interactions) or, for what the channel reads
// (mentions, the context menu), the question's language then the server's preferred locale.
// Quotes and citations are never translated.
import { Locale } from 'discord.js';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { chatInputInteraction, messageContextMenuInteraction, messageCreatePayload, snowflake } from '../discord-emulator/emulator.js';
import { finalReply, startHarness, type Harness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  // The server prefers French; users' own locales vary per interaction.
  h = await startHarness({ env: { COOLDOWN_SECONDS: '30' }, emulator: { guildLocale: Locale.French } });
});

afterAll(async () => {
  await h?.stop();
});

beforeEach(() => {
  h.bot.context.cooldown.clear();
});

const someone = () => ({ ...h.emulator.user, id: snowflake(), username: 'someone' });
const ask = (question: string, locale: Locale, user = someone()) =>
  h.emulator.dispatchInteraction(chatInputInteraction(h.emulator.world, { commandName: 'ask', options: { question }, locale, user }));

it('/ask from a French user: French words around the verbatim quote', async () => {
  const { data } = await finalReply(h.emulator, ask('How many wounded will Russia treat?', Locale.French));
  const [embed] = data.embeds;
  expect(embed.fields.map((f: { name: string }) => f.name)).toEqual(['Source', 'Confiance']);
  expect(embed.fields[0].value).toBe('¶4 · article du 2017-02');
  expect(embed.fields[1].value).toMatch(/^(Élevée|Moyenne) \(score 0,\d\d\) · mode lexical hors ligne/);
  expect(embed.footer.text).toMatch(/^Langue de la question : anglais/);
  expect(embed.description).toContain('La Russie s’est engagée par ailleurs');
  expect(data.components[0].components[0].label).toBe('Paragraphe entier');
});

it('/ask from an English user on the same server: English', async () => {
  const { data } = await finalReply(h.emulator, ask('How many wounded will Russia treat?', Locale.EnglishGB));
  expect(data.embeds[0].fields[1].name).toBe('Confidence');
  expect(data.components[0].components[0].label).toBe('Full paragraph');
});

it('private notices are in the user\'s language too (cooldown, unreadable question, /quote)', async () => {
  const user = someone();
  await finalReply(h.emulator, ask('How many wounded will Russia treat?', Locale.French, user));
  const cooldown = await finalReply(h.emulator, ask('Qui est Haftar ?', Locale.French, user));
  expect(cooldown.ephemeral).toBe(true);
  expect(cooldown.data.content).toMatch(/^Vous posez vos questions un peu vite : réessayez dans (30|29) s\.$/);
  const unreadable = await finalReply(h.emulator, ask('@everyone', Locale.French));
  expect(unreadable.data.content).toBe('La question n’a pas de texte lisible (seulement des mentions, de la mise en forme ou des caractères de contrôle).');
  const quote = await finalReply(
    h.emulator,
    h.emulator.dispatchInteraction(chatInputInteraction(h.emulator.world, { commandName: 'quote', options: { paragraph: 42 }, locale: Locale.French })),
  );
  expect(quote.data.content).toBe('Il n’y a pas de paragraphe 42 : l’article a les paragraphes 1 à 7.');
});

it('/summary and /about in French', async () => {
  const summary = await finalReply(h.emulator, h.emulator.dispatchInteraction(chatInputInteraction(h.emulator.world, { commandName: 'summary', locale: Locale.French })));
  expect(summary.data.embeds[0].title).toBe('Résumé en 3 phrases');
  const about = await finalReply(h.emulator, h.emulator.dispatchInteraction(chatInputInteraction(h.emulator.world, { commandName: 'about', locale: Locale.French })));
  expect(about.data.embeds[0].title).toBe('À propos de ce bot');
  expect(about.data.embeds[0].fields[0].value).toContain('Langue: français (fr)');
});

it('context menu: the question\'s language when the bot speaks it, else the server\'s', async () => {
  const english = h.emulator.dispatchInteraction(
    messageContextMenuInteraction(h.emulator.world, { commandName: 'Find in article', targetContent: 'How many wounded will Russia treat?', locale: Locale.French, user: someone() }),
  );
  expect((await finalReply(h.emulator, english)).data.embeds[0].fields[1].name).toBe('Confidence');
  const german = h.emulator.dispatchInteraction(
    messageContextMenuInteraction(h.emulator.world, { commandName: 'Find in article', targetContent: 'Wie viele Verwundete wird Russland behandeln?', locale: Locale.EnglishUS, user: someone() }),
  );
  expect((await finalReply(h.emulator, german)).data.embeds[0].fields[1].name).toBe('Confiance');
});

it('mentions: a French question gets a French reply', async () => {
  const m = h.emulator.dispatchMessage(
    messageCreatePayload(h.emulator.world, { mentionBot: true, content: 'combien de blessés la Russie va-t-elle soigner ?', author: someone() }),
  );
  const post = await h.emulator.waitForResponse((r) => r.route === 'POST /channels/:channelId/messages' && r.body?.message_reference?.message_id === m.id);
  expect(post.body.embeds[0].fields[1].name).toBe('Confiance');
  expect(post.body.embeds[0].footer.text).toMatch(/^Langue de la question : français/);
});
