import type { Message, MessageReplyOptions } from 'discord.js';
import { answerFor } from './answer.js';
import { REPLY_NO_MENTIONS } from './respond.js';
import { GENERIC_ERROR } from './router.js';
import type { BotContext } from './types.js';

export const MENTION_HINT = 'Ask me something about the article after the mention, e.g. “@me how many wounded will Russia treat?”.';

/**
 * "@Bot how many wounded…?" answered like /ask, as a reply to the message. Only a mention typed
 * in the text counts: replying to one of the bot's messages also lists the bot in `mentions`,
 * and @everyone or a role the bot has should not summon it either.
 */
export function createMentionHandler(ctx: BotContext): (message: Message) => Promise<void> {
  return async function onMessage(message: Message): Promise<void> {
    const me = message.client.user?.id;
    if (!me || message.author.bot || message.system) return;
    const mention = new RegExp(`<@!?${me}>`, 'g');
    if (!mention.test(message.content)) return;
    const log = ctx.logger.child({ messageId: message.id, channelId: message.channelId, command: 'mention', user: message.author.id });
    const send = async (payload: MessageReplyOptions) => {
      await message.reply({ ...payload, allowedMentions: REPLY_NO_MENTIONS });
    };
    try {
      const question = message.content.replace(mention, ' ').trim();
      if (!question) {
        await send({ content: MENTION_HINT });
        return;
      }
      const { content, embeds, components } = await answerFor(ctx, question, message.author.id);
      await send({ ...(content !== undefined ? { content } : {}), embeds: embeds ?? [], components: components ?? [] });
    } catch (error) {
      log.error({ err: error }, 'mention handler failed');
      await send({ content: GENERIC_ERROR }).catch((second: unknown) => log.warn({ err: second }, 'could not tell the user about the failure'));
    }
  };
}
