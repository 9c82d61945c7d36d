import { asksSince, candidates, isStartingPoint, type Candidate } from '../search/answer-type.js';
import { GROUP_SEPARATOR } from '../search/lexicon-format.js';
import type { Retrieval } from '../search/retriever.js';
import { words } from '../text/normalize.js';
import { stem } from '../text/stem.js';
import type { AnswerSpan, HighlightRange } from './types.js';

/** How far (in characters) a candidate may stand from a word that matched the question. */
const NEAR = 80;

/** A word of a quote: where it starts, and its stem. */
interface QuoteWord {
  readonly at: number;
  readonly stem: string;
}

/** The words of each quote, computed once per text (folding and stemming are not free). */
const quoteWords = new Map<string, QuoteWord[]>();
const MAX_QUOTES = 1000;

function wordsOf(text: string, language: Parameters<typeof stem>[1]): QuoteWord[] {
  const key = `${language.code}\u0000${text}`;
  let found = quoteWords.get(key);
  if (!found) {
    found = [];
    for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
      const token = words(match[0])[0];
      if (token) found.push({ at: match.index, stem: stem(token, language) });
    }
    if (quoteWords.size >= MAX_QUOTES) quoteWords.clear();
    quoteWords.set(key, found);
  }
  return found;
}

/** Positions of the words in `text[start, end)` whose stems the question matched. */
function matchedPositions(text: string, range: HighlightRange, terms: ReadonlySet<string>, language: Parameters<typeof stem>[1]): number[] {
  return wordsOf(text, language)
    .filter((w) => w.at >= range.start && w.at < range.end && terms.has(w.stem))
    .map((w) => w.at);
}

/**
 * The short answer inside the highlighted sentences: the one candidate of the asked type
 * (a number, date, person, place or distance) near the words that matched. A candidate that
 * only repeats what the question named ("Who is Haftar?" → not "Khalifa Haftar") does not
 * count. Of several dates, "since when" is answered by the one given as a starting point
 * ("depuis 2011", not the "novembre" of the same sentence). Several candidates, or none: no
 * span, never a guess.
 */
export function findSpan(quote: string, ranges: readonly HighlightRange[], retrieval: Retrieval, question = ''): AnswerSpan | null {
  const type = retrieval.answerType;
  if (!type || !ranges.length) return null;
  const terms = new Set(retrieval.query.concepts.flatMap((c) => [...c.terms].filter(([, w]) => w >= 0.5).flatMap(([t]) => t.split(GROUP_SEPARATOR))));
  const language = retrieval.corpusLanguage;
  const found: Candidate[] = [];
  for (const range of ranges) {
    const text = quote.slice(range.start, range.end);
    const matched = matchedPositions(quote, range, terms, language);
    for (const candidate of candidates(text, type)) {
      const start = range.start + candidate.start;
      const end = range.start + candidate.end;
      const own = words(quote.slice(start, end)).map((t) => stem(t, language));
      if (own.length && own.every((t) => terms.has(t))) continue;
      const outside = matched.filter((p) => p < start || p >= end);
      const near = outside.some((p) => Math.abs(p - start) <= NEAR || Math.abs(p - end) <= NEAR);
      if (near) found.push({ type, start, end });
    }
  }
  const since = type === 'date' && found.length > 1 && asksSince(question) ? found.filter((c) => isStartingPoint(quote.slice(c.start, c.end))) : found;
  if (since.length !== 1) return null;
  const [only] = since as [Candidate];
  return { start: only.start, end: only.end, text: quote.slice(only.start, only.end), type };
}
