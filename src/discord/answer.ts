import type { AskOptions, Engine } from '../answer/engine.js';
import type { Answer } from '../answer/types.js';
import { cleanQuestion, QuestionError } from '../text/question.js';
import { langForChannel, questionProblem, type Lang } from './i18n.js';
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

export type AnswerOutcome =
  | { readonly kind: 'answer'; readonly message: BotMessage; readonly answer: Answer }
  /** The user must wait (`seconds`). */
  | { readonly kind: 'cooldown'; readonly message: BotMessage; readonly seconds: number }
  /** The question cannot be read (empty, too long, only mentions…). */
  | { readonly kind: 'unreadable'; readonly message: BotMessage };

/**
 * The answer to a question, shared by /ask, the context menu and mentions. A question the engine
 * cannot read becomes a short ephemeral notice with the engine's own explanation; it is checked
 * before waiting for the engine, so it is answered at once, and before the cooldown, so a typo
 * does not make the user wait.
 */
export interface AnswerLanguage {
  /** The language of notices for this user (private). */
  readonly lang: Lang;
  /**
   * For a reply the whole channel reads (mentions, the context menu): the server's preferred
   * locale; the reply then follows the question's language when the bot speaks it, else this.
   * Absent: the reply is in `lang` (/ask: the user's own locale).
   */
  readonly channelLocale?: string | null;
}

export async function answerOutcome(
  ctx: BotContext,
  question: string,
  userId: string,
  language: AnswerLanguage,
  options: AskOptions = {},
): Promise<AnswerOutcome> {
  const { lang } = language;
  try {
    cleanQuestion(question);
    const wait = ctx.cooldown.take(userId);
    if (wait > 0) return { kind: 'cooldown', message: notice(cooldownMessage(wait, lang)), seconds: wait };
    const engine = await ctx.engine();
    const answer = await engine.ask(question, options);
    const replyLang = language.channelLocale !== undefined ? langForChannel(answer.language, language.channelLocale) : lang;
    return { kind: 'answer', message: answerMessage(answer, { articleIndex: articleIndexer(engine), lang: replyLang }), answer };
  } catch (error) {
    if (error instanceof QuestionError) return { kind: 'unreadable', message: notice(questionProblem(error, lang)) };
    throw error;
  }
}

/** The message for /ask and the context menu. */
export async function answerFor(
  ctx: BotContext,
  question: string,
  userId: string,
  language: AnswerLanguage,
  options: AskOptions = {},
): Promise<BotMessage> {
  return (await answerOutcome(ctx, question, userId, language, options)).message;
}
