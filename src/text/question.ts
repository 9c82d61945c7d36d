/**
 * Cleans a question typed by a person (in a terminal or in Discord) into plain text the engine
 * can read, or says in one sentence why it cannot. Mentions, custom emoji and markdown are
 * presentation, not words; control and zero-width characters are never words.
 */

export const MAX_QUESTION_LENGTH = 500;

/** Why a question was refused, for presenters that word it themselves (the bot, in French). */
export type QuestionProblem = 'empty' | 'too-long' | 'no-text' | 'no-words' | 'other';

export class QuestionError extends Error {
  constructor(
    message: string,
    readonly problem: QuestionProblem = 'other',
    /** For 'too-long': the length and the limit. */
    readonly detail: { readonly length?: number; readonly max?: number } = {},
  ) {
    super(message);
    this.name = 'QuestionError';
  }
}

const MENTION = /<(@[!&]?|#)\d+>|@(everyone|here)\b/g;
const CUSTOM_EMOJI = /<a?:(\w+):\d+>/g;
const TIMESTAMP = /<t:\d+(:[tTdDfFR])?>/g;
const CODE_FENCE = /```[\w+-]*\n?([\s\S]*?)```/g;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
// Zero-width characters, bidi embeddings/overrides (U+202A–202E) and isolates (U+2066–2069).
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad]/g;
/** Any remnant that Discord could read as a mention: `@everyone`, `@here`, `<@…>`, `<#…>`, `<@&…>`. */
const MENTION_REMNANT = /@(?=everyone|here)|<(?=[@#])/gi;

/** Returns the cleaned question or throws a QuestionError with a message fit for the user. */
export function cleanQuestion(raw: string, maxLength = MAX_QUESTION_LENGTH): string {
  if (typeof raw !== 'string' || !raw.trim()) throw new QuestionError('The question is empty: type a question about the article.', 'empty');
  const length = [...raw].length;
  if (length > maxLength) {
    throw new QuestionError(`The question is too long (${length} characters; at most ${maxLength}).`, 'too-long', { length, max: maxLength });
  }
  // Invisible characters go first: `@\u200beveryone` must not become a mention once they are removed.
  const visible = raw.replace(CONTROL, '').replace(INVISIBLE, '');
  const text = visible
    .replace(CODE_FENCE, ' $1 ')
    .replace(CUSTOM_EMOJI, ' $1 ')
    .replace(TIMESTAMP, ' ')
    .replace(MENTION, ' ')
    .replace(/[\t\n\r]/g, ' ')
    // Markdown markers and block quotes; word-internal apostrophes and hyphens stay.
    .replace(/[*_~`|>#]+/g, ' ')
    .replace(/\[([^\]]*)\]\((?:https?:\/\/[^)]*)\)/g, '$1')
    // Removing markup can join pieces into mention syntax again (`@[x](https://a)everyone`, `<<@1>@2>`):
    // whatever is left that could be read as one loses its `@` or `<`, so nothing is ever rebuilt.
    .replace(MENTION, ' ')
    .replace(MENTION_REMNANT, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text) throw new QuestionError('The question has no readable text (only mentions, formatting or control characters).', 'no-text');
  if (!/[\p{L}\p{N}]/u.test(text)) throw new QuestionError('The question has no words: type a question about the article.', 'no-words');
  return text;
}
