// `npm run deploy-commands` against the emulator: the registration payload, compared with the
// literal names, options and French localizations Discord must receive.
import { ApplicationCommandOptionType, ApplicationCommandType, type APIApplicationCommand } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { commands, commandsJson } from '../../commands/index.js';
import { loadDeployConfig } from '../../src/discord/config.js';
import { deployCommands, describeDeploy, runDeploy } from '../../src/discord/deploy.js';
import { DiscordEmulator } from '../discord-emulator/emulator.js';
import { expectTokenOnlyInAuthorization } from './harness.js';

// Discord's rule for slash command and option names (lowercase where the script has case).
const CHAT_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** What Discord must receive, written out: a change to a command shows up here as a diff. */
const lang = (value: string, name: string, fr: string) => ({ name, name_localizations: { fr }, value });
const EXPECTED_PAYLOAD = [
  {
    name: 'ask',
    name_localizations: { fr: 'demander' },
    description: 'Ask a question about the article: the answer quotes the passage that answers it',
    description_localizations: { fr: 'Poser une question sur l’article : la réponse cite le passage qui y répond' },
    type: 1,
    options: [
      {
        type: 3,
        name: 'question',
        name_localizations: { fr: 'question' },
        description: 'Your question, in English, French or another language',
        description_localizations: { fr: 'Votre question, en français, en anglais ou dans une autre langue' },
        required: true,
        max_length: 300,
      },
      {
        type: 3,
        name: 'language',
        name_localizations: { fr: 'langue' },
        description: 'The language of your question, if the bot guesses it wrong',
        description_localizations: { fr: 'La langue de votre question, si le bot se trompe' },
        required: false,
        choices: [
          lang('fr', 'French', 'Français'),
          lang('en', 'English', 'Anglais'),
          lang('de', 'German', 'Allemand'),
          lang('es', 'Spanish', 'Espagnol'),
          lang('it', 'Italian', 'Italien'),
          lang('nl', 'Dutch', 'Néerlandais'),
          lang('pt', 'Portuguese', 'Portugais'),
          lang('sv', 'Swedish', 'Suédois'),
          lang('fi', 'Finnish', 'Finnois'),
        ],
      },
    ],
  },
  {
    name: 'summary',
    name_localizations: { fr: 'résumé' },
    description: 'Summarise the article in a few of its own sentences, each with its paragraph',
    description_localizations: { fr: 'Résumer l’article en quelques-unes de ses phrases, chacune avec son paragraphe' },
    type: 1,
    options: [
      {
        type: 4,
        name: 'sentences',
        name_localizations: { fr: 'phrases' },
        description: 'How many sentences (1 to 6, default 3)',
        description_localizations: { fr: 'Combien de phrases (de 1 à 6, 3 par défaut)' },
        required: false,
        min_value: 1,
        max_value: 6,
      },
    ],
  },
  {
    name: 'quote',
    name_localizations: { fr: 'citer' },
    description: 'Post a paragraph of the article verbatim with its citation',
    description_localizations: { fr: 'Publier un paragraphe de l’article tel quel, avec sa référence' },
    type: 1,
    options: [
      {
        type: 4,
        name: 'paragraph',
        name_localizations: { fr: 'paragraphe' },
        description: 'Paragraph number: type a number or words to find it',
        description_localizations: { fr: 'Numéro du paragraphe : tapez un numéro ou des mots pour le trouver' },
        required: false,
        min_value: 1,
        autocomplete: true,
      },
      {
        type: 3,
        name: 'text',
        name_localizations: { fr: 'texte' },
        description: 'Or words to search for: the paragraph that matches best is quoted',
        description_localizations: { fr: 'Ou des mots à chercher : le paragraphe qui correspond le mieux est cité' },
        required: false,
        max_length: 300,
      },
    ],
  },
  {
    name: 'about',
    name_localizations: { fr: 'à-propos' },
    description: 'The article (date, language, paragraphs, sections), how answers are found, the bot version',
    description_localizations: { fr: 'L’article (date, langue, paragraphes, sections), la méthode de recherche, la version' },
    type: 1,
    options: [],
  },
  { name: 'Find in article', name_localizations: { fr: 'Chercher dans l’article' }, type: 3 },
];

let emulator: DiscordEmulator;

beforeAll(async () => {
  emulator = new DiscordEmulator();
  await emulator.start();
});

afterAll(async () => {
  await emulator.stop();
});

function env(extra: Record<string, string> = {}) {
  return { DISCORD_TOKEN: emulator.token, DISCORD_CLIENT_ID: emulator.applicationId, DISCORD_API_URL: emulator.restUrl, ...extra };
}

describe('deployCommands', () => {
  it('registers every command in the guild when DISCORD_GUILD_ID is set', async () => {
    const result = await deployCommands(loadDeployConfig(env({ DISCORD_GUILD_ID: emulator.guildId })));
    expect(result).toEqual({ scope: 'guild', guildId: emulator.guildId, names: ['ask', 'summary', 'quote', 'about', 'Find in article'] });
    expect(describeDeploy(result)).toBe(`Registered 5 commands in guild ${emulator.guildId} (available there now): ask, summary, quote, about, Find in article.\n`);
    expect(emulator.guildCommands.get(emulator.guildId)).toHaveLength(5);
    expect(emulator.globalCommands).toHaveLength(0);

    const put = emulator.requestsMatching('PUT /applications/:applicationId/guilds/:guildId/commands');
    expect(put).toHaveLength(1);
    expect(put[0]!.response?.status).toBe(200);
    // The literal payload, not the function that built it.
    expect(put[0]!.body).toEqual(EXPECTED_PAYLOAD);
    expectTokenOnlyInAuthorization(emulator.requests, emulator.token);
    expect(put[0]!.headers.authorization).toBe(`Bot ${emulator.token}`);
  });

  it('registers globally otherwise', async () => {
    const result = await deployCommands(loadDeployConfig(env()));
    expect(result.scope).toBe('global');
    expect(emulator.globalCommands.map((c) => c.name)).toEqual(['ask', 'summary', 'quote', 'about', 'Find in article']);
    expect(describeDeploy(result)).toMatch(/^Registered 5 commands globally/);
  });

  it('runDeploy prints the result, or a readable error without the token', async () => {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await runDeploy(env({ DISCORD_GUILD_ID: emulator.guildId }))).toBe(0);
      expect(String(out.mock.calls[0]?.[0])).toMatch(/^Registered 5 commands in guild/);
      const wrong = `${emulator.token.slice(0, -4)}AAAA`;
      expect(await runDeploy(env({ DISCORD_TOKEN: wrong }))).toBe(1);
      const message = String(err.mock.calls.at(-1)?.[0]);
      expect(message).toMatch(/^error: could not register the commands: .*401.*Check DISCORD_TOKEN/);
      expect(message).not.toContain(wrong);
      expect(await runDeploy({ DISCORD_TOKEN: emulator.token })).toBe(1);
      expect(String(err.mock.calls.at(-1)?.[0])).toContain('DISCORD_CLIENT_ID is required but not set.');
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  });
});

describe('the registration payload', () => {
  const json = commandsJson();
  const byName = (name: string) => json.find((c) => c.name === name) as APIApplicationCommand;

  it('is built from the same modules as the router, one per command', () => {
    expect(json.map((c) => c.name)).toEqual(commands.map((c) => c.data.name));
    expect(new Set(json.map((c) => c.name)).size).toBe(json.length);
  });

  it('has valid names and French localizations for every command, option, description and choice', () => {
    for (const command of json as APIApplicationCommand[]) {
      expect(command.name_localizations?.fr, command.name).toBeTruthy();
      if (command.type === ApplicationCommandType.Message) continue;
      expect(command.name).toMatch(CHAT_NAME);
      expect(command.name).toBe(command.name.toLowerCase());
      expect(command.name_localizations!.fr).toMatch(CHAT_NAME);
      expect(command.name_localizations!.fr).toBe(command.name_localizations!.fr!.toLowerCase());
      expect(command.description.length).toBeLessThanOrEqual(100);
      expect(command.description_localizations?.fr?.length, command.name).toBeGreaterThan(0);
      expect(command.description_localizations!.fr!.length).toBeLessThanOrEqual(100);
      for (const option of command.options ?? []) {
        expect(option.name).toMatch(CHAT_NAME);
        expect(option.name_localizations?.fr, `${command.name}.${option.name}`).toMatch(CHAT_NAME);
        expect(option.description_localizations?.fr, `${command.name}.${option.name}`).toBeTruthy();
        expect(option.description.length).toBeLessThanOrEqual(100);
        for (const choice of 'choices' in option ? (option.choices ?? []) : []) {
          expect(choice.name_localizations?.fr, `${command.name}.${option.name}=${choice.value}`).toBeTruthy();
        }
      }
    }
  });

  it('/ask: required question of at most 300 characters, optional language with choices', () => {
    const ask = byName('ask');
    expect(ask.name_localizations).toEqual({ fr: 'demander' });
    expect(ask.options?.[0]).toMatchObject({ name: 'question', type: ApplicationCommandOptionType.String, required: true, max_length: 300 });
    const language = ask.options?.[1];
    expect(language).toMatchObject({ name: 'language', type: ApplicationCommandOptionType.String });
    expect(language && 'choices' in language ? language.choices : []).toContainEqual({ name: 'English', name_localizations: { fr: 'Anglais' }, value: 'en' });
  });

  it('/summary: sentences is an integer from 1 to 6', () => {
    expect(byName('summary').options?.[0]).toMatchObject({
      name: 'sentences',
      name_localizations: { fr: 'phrases' },
      type: ApplicationCommandOptionType.Integer,
      min_value: 1,
      max_value: 6,
    });
    expect(byName('summary').options?.[0]?.required ?? false).toBe(false);
  });

  it('/quote: integer paragraph with autocomplete, or text', () => {
    const [paragraph, text] = byName('quote').options ?? [];
    expect(paragraph).toMatchObject({ name: 'paragraph', type: ApplicationCommandOptionType.Integer, autocomplete: true, min_value: 1 });
    expect(text).toMatchObject({ name: 'text', type: ApplicationCommandOptionType.String, max_length: 300 });
  });

  it('/about has no options; the context menu is a message command (type 3) with a French name', () => {
    expect(byName('about').options ?? []).toEqual([]);
    const menu = byName('Find in article');
    expect(menu.type).toBe(ApplicationCommandType.Message);
    expect(menu.name_localizations).toEqual({ fr: 'Chercher dans l’article' });
    expect(menu.name.length).toBeLessThanOrEqual(32);
    expect('description' in menu ? menu.description : '').toBe('');
  });
});
