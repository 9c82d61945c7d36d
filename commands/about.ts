import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { describeMode } from '../src/answer/engine.js';
import { aboutMessage } from '../src/discord/render.js';
import type { CommandContext } from '../src/discord/types.js';

export const data = new SlashCommandBuilder()
  .setName('about')
  .setNameLocalizations({ fr: 'à-propos' })
  .setDescription('The article (date, language, paragraphs, sections), how answers are found, the bot version')
  .setDescriptionLocalizations({ fr: 'L’article (date, langue, paragraphes, sections), la méthode de recherche, la version' });

export async function execute(_interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const engine = await ctx.engine();
  const status = engine.status();
  await ctx.reply.send(
    aboutMessage(status, {
      mentionsEnabled: ctx.config.mentionsEnabled,
      cooldownSeconds: ctx.config.cooldownSeconds,
      modeDescription: describeMode(status),
    }, ctx.lang),
  );
}
