import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import type { Engine } from '../src/answer/engine.js';
import { escapeInline, truncate } from '../src/discord/format.js';
import { cooldownMessage, notice, paragraphChoices, quoteMessage } from '../src/discord/render.js';
import { questionProblem, t } from '../src/discord/i18n.js';
import type { BotContext, CommandContext } from '../src/discord/types.js';
import { QuestionError } from '../src/text/question.js';

/** Autocomplete must answer within 3 s and cannot be deferred: wait for a loading engine this long at most. */
const AUTOCOMPLETE_WAIT_MS = 2000;

export const data = new SlashCommandBuilder()
  .setName('quote')
  .setNameLocalizations({ fr: 'citer' })
  .setDescription('Post a paragraph of the article verbatim with its citation')
  .setDescriptionLocalizations({ fr: 'Publier un paragraphe de l’article tel quel, avec sa référence' })
  .addIntegerOption((option) =>
    option
      .setName('paragraph')
      .setNameLocalizations({ fr: 'paragraphe' })
      .setDescription('Paragraph number: type a number or words to find it')
      .setDescriptionLocalizations({ fr: 'Numéro du paragraphe : tapez un numéro ou des mots pour le trouver' })
      .setMinValue(1)
      .setAutocomplete(true),
  )
  .addStringOption((option) =>
    option
      .setName('text')
      .setNameLocalizations({ fr: 'texte' })
      .setDescription('Or words to search for: the paragraph that matches best is quoted')
      .setDescriptionLocalizations({ fr: 'Ou des mots à chercher : le paragraphe qui correspond le mieux est cité' })
      .setMaxLength(300),
  );

/** The paragraphs offered: those of the first article, which is what `paragraph` numbers refer to. */
function firstArticlePassages(engine: Engine) {
  const first = engine.corpus.articles[0]?.id;
  return engine.passages().filter((p) => p.articleId === first);
}

export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const paragraph = interaction.options.getInteger('paragraph');
  const text = interaction.options.getString('text');
  const m = t(ctx.lang);
  if (paragraph === null && !text?.trim()) {
    await ctx.reply.send(notice(m.quoteNeedsOption));
    return;
  }
  // A search costs what /ask costs: same cooldown, checked before waiting for the engine.
  if (paragraph === null) {
    const wait = ctx.cooldown.take(interaction.user.id);
    if (wait > 0) {
      await ctx.reply.send(notice(cooldownMessage(wait, ctx.lang)));
      return;
    }
  }
  const engine = await ctx.engine();
  if (paragraph !== null) {
    const passage = engine.quote(paragraph);
    if (!passage) {
      const count = firstArticlePassages(engine).length;
      await ctx.reply.send(notice(m.noSuchParagraph(paragraph, count)));
      return;
    }
    await ctx.reply.send(quoteMessage(passage, { lang: ctx.lang }));
    return;
  }
  let answer;
  try {
    answer = await engine.ask(text ?? '');
  } catch (error) {
    if (error instanceof QuestionError) {
      await ctx.reply.send(notice(questionProblem(error, ctx.lang)));
      return;
    }
    throw error;
  }
  if (!answer.answered) {
    // Posting a passage that does not match into a discussion would mislead: tell only the user.
    const closest = answer.articleId === engine.corpus.articles[0]?.id ? m.postsIt(answer.paragraph) : '';
    await ctx.reply.send(notice(m.noParagraphMatches(escapeInline(truncate(answer.question, 80)), answer.citation, closest)));
    return;
  }
  await ctx.reply.send(quoteMessage(answer, { lang: ctx.lang }));
}

export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  if (focused.name !== 'paragraph') {
    await interaction.respond([]);
    return;
  }
  const engine =
    ctx.engineNow() ??
    (await Promise.race([ctx.engine(), new Promise<null>((resolve) => setTimeout(resolve, AUTOCOMPLETE_WAIT_MS, null).unref())]));
  await interaction.respond(engine ? paragraphChoices(firstArticlePassages(engine), String(focused.value)) : []);
}
