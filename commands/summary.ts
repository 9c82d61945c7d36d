import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { SUMMARY_DEFAULT, SUMMARY_MAX, SUMMARY_MIN } from '../src/answer/summary.js';
import { t } from '../src/discord/i18n.js';
import { notice, summaryMessage } from '../src/discord/render.js';
import type { CommandContext } from '../src/discord/types.js';

export const data = new SlashCommandBuilder()
  .setName('summary')
  .setNameLocalizations({ fr: 'résumé' })
  .setDescription('Summarise the article in a few of its own sentences, each with its paragraph')
  .setDescriptionLocalizations({ fr: 'Résumer l’article en quelques-unes de ses phrases, chacune avec son paragraphe' })
  .addIntegerOption((option) =>
    option
      .setName('sentences')
      .setNameLocalizations({ fr: 'phrases' })
      .setDescription(`How many sentences (${SUMMARY_MIN} to ${SUMMARY_MAX}, default ${SUMMARY_DEFAULT})`)
      .setDescriptionLocalizations({ fr: `Combien de phrases (de ${SUMMARY_MIN} à ${SUMMARY_MAX}, ${SUMMARY_DEFAULT} par défaut)` })
      .setMinValue(SUMMARY_MIN)
      .setMaxValue(SUMMARY_MAX),
  );

export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const sentences = interaction.options.getInteger('sentences') ?? SUMMARY_DEFAULT;
  // Discord enforces min/max, but an old registration of the command might not.
  if (sentences < SUMMARY_MIN || sentences > SUMMARY_MAX) {
    await ctx.reply.send(notice(t(ctx.lang).summaryRange(SUMMARY_MIN, SUMMARY_MAX)));
    return;
  }
  const engine = await ctx.engine();
  await ctx.reply.send(summaryMessage(engine.summary(sentences), ctx.lang));
}
