import { SlashCommandBuilder, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { LANGUAGES } from '../src/text/languages.js';
import { answerFor, articleIdAt } from '../src/discord/answer.js';
import { t } from '../src/discord/i18n.js';
import { parseButtonId, sentenceRanges } from '../src/discord/refs.js';
import { alternativesMessage, notice, quoteMessage, type HighlightedPassage } from '../src/discord/render.js';
import type { CommandContext } from '../src/discord/types.js';

/** Longest question accepted by the option (Discord enforces it in the client). */
export const MAX_QUESTION_LENGTH = 300;

/** Language names as choices: English names, French localizations. */
const FRENCH_NAMES: Record<string, string> = {
  fr: 'Français',
  en: 'Anglais',
  de: 'Allemand',
  es: 'Espagnol',
  it: 'Italien',
  nl: 'Néerlandais',
  pt: 'Portugais',
  sv: 'Suédois',
  fi: 'Finnois',
};

export const data = new SlashCommandBuilder()
  .setName('ask')
  .setNameLocalizations({ fr: 'demander' })
  .setDescription('Ask a question about the article: the answer quotes the passage that answers it')
  .setDescriptionLocalizations({ fr: 'Poser une question sur l’article : la réponse cite le passage qui y répond' })
  .addStringOption((option) =>
    option
      .setName('question')
      .setNameLocalizations({ fr: 'question' })
      .setDescription('Your question, in English, French or another language')
      .setDescriptionLocalizations({ fr: 'Votre question, en français, en anglais ou dans une autre langue' })
      .setRequired(true)
      .setMaxLength(MAX_QUESTION_LENGTH),
  )
  .addStringOption((option) =>
    option
      .setName('language')
      .setNameLocalizations({ fr: 'langue' })
      .setDescription('The language of your question, if the bot guesses it wrong')
      .setDescriptionLocalizations({ fr: 'La langue de votre question, si le bot se trompe' })
      .addChoices(LANGUAGES.map((l) => ({ name: l.name, name_localizations: { fr: FRENCH_NAMES[l.code] ?? l.name }, value: l.code }))),
  );

export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const question = interaction.options.getString('question', true);
  const language = interaction.options.getString('language');
  await ctx.reply.send(await answerFor(ctx, question, interaction.user.id, { lang: ctx.lang }, language ? { language } : {}));
}

/**
 * "Full paragraph" (`ask:full:<ref>`) and "Other matches" (`ask:alts:<refs>`): everything needed
 * is in the custom id, so the buttons work on any answer, even after a restart. Replies are
 * ephemeral: they are for the person who clicked.
 */
export async function button(interaction: ButtonInteraction, ctx: CommandContext): Promise<void> {
  const parsed = parseButtonId(interaction.customId);
  if (!parsed) {
    ctx.log.warn({ customId: interaction.customId }, 'unreadable button id');
    await ctx.reply.send(notice(t(ctx.lang).staleButton));
    return;
  }
  const engine = await ctx.engine();
  const passages: HighlightedPassage[] = parsed.refs.flatMap((ref) => {
    const articleId = articleIdAt(engine, ref.article);
    const passage = articleId ? engine.quote(ref.paragraph, articleId) : null;
    return passage ? [{ passage, ranges: sentenceRanges(passage.quote, ref.sentences) }] : [];
  });
  if (parsed.action === 'full') {
    const first = passages[0];
    await ctx.reply.send(first ? quoteMessage(first.passage, { ephemeral: true, lang: ctx.lang }) : notice(t(ctx.lang).paragraphGone));
    return;
  }
  await ctx.reply.send(alternativesMessage(passages, ctx.lang));
}
