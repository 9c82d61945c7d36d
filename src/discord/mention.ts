import type { Message, MessageReplyOptions } from 'discord.js';
import { answerOutcome } from './answer.js';
import { langOf } from './i18n.js';
import { REPLY_NO_MENTIONS } from './respond.js';
import type { BotContext } from './types.js';

/**
 * A reply to a message is public and cannot be ephemeral, so what would be a private notice for
 * a command (cooldown, unreadable question, failure) is a reaction on the question instead.
 */
export const MENTION_REACTIONS = {
  /** Cooldown: ask again in a few seconds. */
  cooldown: '⏳',
  /** Nothing to look up after the mention, or a question the bot cannot read. */
  unreadable: '❓',
  /** Something went wrong while answering. */
  error: '⚠️',
} as const;

/**
 * "@Bot how many wounded…?" answered like /ask, as a reply to the message. Only a mention typed
 * in the text counts: replying to one of the bot's messages also lists the bot in `mentions`,
 * and @everyone or a role the bot has should not summon it either. Discord delivers the text of
 * a message that mentions the bot without the privileged MessageContent intent.
 */
export function createMentionHandler(ctx: BotContext): (message: Message) => Promise<void> {
  return async function onMessage(message: Message): Promise<void> {
    const me = message.client.user?.id;
    if (!me || message.author.bot || message.system) return;
    const mention = new RegExp(`<@!?${me}>`, 'g');
    if (!mention.test(message.content)) return;
    const log = ctx.logger.child({ messageId: message.id, channelId: message.channelId, command: 'mention', user: message.author.id });
    const react = async (emoji: string) => {
      await message.react(emoji).catch((error: unknown) => log.warn({ err: error, emoji }, 'could not react to the message'));
    };
    try {
      const question = message.content.replace(mention, ' ').trim();
      if (!question) {
        await react(MENTION_REACTIONS.unreadable);
        return;
      }
      // Read by the whole channel: the question's language, else the server's.
      const guildLocale = message.guild?.preferredLocale ?? null;
      const outcome = await answerOutcome(ctx, question, message.author.id, { lang: langOf(guildLocale), channelLocale: guildLocale });
      if (outcome.kind !== 'answer') {
        log.info({ outcome: outcome.kind }, 'mention answered with a reaction');
        await react(MENTION_REACTIONS[outcome.kind]);
        return;
      }
      const { content, embeds, components } = outcome.message;
      const reply: MessageReplyOptions = { ...(content !== undefined ? { content } : {}), embeds: embeds ?? [], components: components ?? [] };
      await message.reply({ ...reply, allowedMentions: REPLY_NO_MENTIONS });
    } catch (error) {
      log.error({ err: error }, 'mention handler failed');
      await react(MENTION_REACTIONS.error);
    }
  };
}
