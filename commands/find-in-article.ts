import { ApplicationCommandType, ContextMenuCommandBuilder, type MessageContextMenuCommandInteraction } from 'discord.js';
import { answerFor } from '../src/discord/answer.js';
import { truncate } from '../src/discord/format.js';
import { t } from '../src/discord/i18n.js';
import { notice } from '../src/discord/render.js';
import type { CommandContext } from '../src/discord/types.js';
import { MAX_QUESTION_LENGTH } from './ask.js';

export const data = new ContextMenuCommandBuilder()
  .setName('Find in article')
  .setNameLocalizations({ fr: 'Chercher dans l’article' })
  .setType(ApplicationCommandType.Message);

/** Right-click a message → Apps → "Find in article": the message's text is the question. */
export async function execute(interaction: MessageContextMenuCommandInteraction, ctx: CommandContext): Promise<void> {
  const text = interaction.targetMessage.content;
  if (!text.trim()) {
    await ctx.reply.send(notice(t(ctx.lang).noText));
    return;
  }
  // A long message is still worth a search: its beginning stands for it, as with a long /ask.
  // The answer is posted in the channel: the question's language, else the server's (notices stay in the user's).
  const language = { lang: ctx.lang, channelLocale: interaction.guildLocale ?? null };
  await ctx.reply.send(await answerFor(ctx, truncate(text, MAX_QUESTION_LENGTH), interaction.user.id, language));
}
