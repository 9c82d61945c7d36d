import type { AskOptions, Engine } from '../answer/engine.js';
import { cleanQuestion, QuestionError } from '../text/question.js';
import { answerMessage, cooldownMessage, notice, type BotMessage } from './render.js';
import type { BotContext } from './types.js';

/** Article id → its index in the corpus (button ids carry the index, which is shorter). */
export function articleIndexer(engine: Engine): (articleId: string) => number {
  const ids = engine.corpus.articles.map((a) => a.id);
  return (articleId) => Math.max(0, ids.indexOf(articleId));
}

export function articleIdAt(engine: Engine, index: number): string | undefined {
  return engine.corpus.articles[index]?.id;
}

/**
 * The answer to a question as a message, shared by /ask, the context menu and mentions.
 * A question the engine cannot read becomes a short ephemeral notice with the engine's own
 * explanation; it is checked before waiting for the engine, so it is answered at once, and
 * before the cooldown, so a typo does not make the user wait.
 */
export async function answerFor(ctx: BotContext, question: string, userId: string, options: AskOptions = {}): Promise<BotMessage> {
  try {
    cleanQuestion(question);
    const wait = ctx.cooldown.take(userId);
    if (wait > 0) return notice(cooldownMessage(wait));
    const engine = await ctx.engine();
    const answer = await engine.ask(question, options);
    return answerMessage(answer, { articleIndex: articleIndexer(engine) });
  } catch (error) {
    if (error instanceof QuestionError) return notice(error.message);
    throw error;
  }
}
