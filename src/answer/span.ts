import { asksAgainst, asksSince, asksTwoThings, candidates, dateGranularity, hasGranularity, isOpposed, isStartingPoint, type Candidate } from '../search/answer-type.js';
import { GROUP_SEPARATOR } from '../search/lexicon-format.js';
import type { Concept } from '../search/bm25.js';
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

/** The stems of the concepts' terms of weight 0.5 or more, groups split into their words: what counts as a matched word here. */
function strongStems(concepts: readonly Concept[]): Set<string> {
  return new Set(concepts.flatMap((c) => [...c.terms].filter(([, w]) => w >= 0.5).flatMap(([t]) => t.split(GROUP_SEPARATOR))));
}

/**
 * The short answer inside the highlighted sentences: the one candidate of the asked type
 * (a number, date, person, place or distance) near the words that matched. A candidate that
 * only repeats what the question named ("Who is Haftar?" → not "Khalifa Haftar") does not
 * count. Of several dates, "since what year" is answered by the one given as a starting point
 * ("depuis 2011", not the "novembre" of the same sentence; "since when" asks for a duration,
 * whose candidates are starting points already); of other candidates, one clearly
 * nearer than the rest to the words asked about; "against whom", one the text sets against
 * something ("contre …"). Otherwise, with none, or when the question asks
 * two things of different types ("where was the carrier when …"): no span, never a guess.
 */
export function findSpan(quote: string, ranges: readonly HighlightRange[], retrieval: Retrieval, question = ''): AnswerSpan | null {
  const type = retrieval.answerType;
  // What someone said is the passage itself: no part of it is a shorter answer.
  if (!type || type === 'statement' || !ranges.length || asksTwoThings(question)) return null;
  const terms = strongStems(retrieval.query.concepts);
  // Candidates that are no answer to it: a person the question names, written in full or not
  // ("contre qui se bat Haftar": not "Khalifa Haftar"), or what the retrieval rules out (an
  // acronym the article spells out, for "which agency").
  const excluded = new Set(type === 'person' ? retrieval.query.concepts.filter((c) => c.name).flatMap((c) => [...c.terms.keys()]) : retrieval.notAnswers ?? []);
  // "Against whom" is answered by who stands after "contre", not by who fights ("Khalifa Haftar
  // et les troupes de l'ANL sont en guerre contre les groupes islamistes").
  const against = asksAgainst(question);
  const language = retrieval.corpusLanguage;
  // The thing asked about ("the name of the GNA's spokesman", "how many wounded"): the answer is
  // in a sentence that writes it, not in the next one ("un porte-parole de l'ANL. Cette force,
  // dirigée par le maréchal Khalifa Haftar": the spokesman is unnamed, Haftar is not him).
  // Failing that, in a sentence that writes one of the question's words other than its names
  // ("qui est le porte-parole du GNA": not the sentence that has only the GNA).
  const asked = retrieval.query.asked;
  const holding = (stems: ReadonlySet<string>) => ranges.filter((range) => matchedPositions(quote, range, stems, language).length > 0);
  const withAsked = asked ? holding(strongStems([asked])) : [];
  const withFocus = holding(strongStems(retrieval.query.concepts.filter((c) => !c.name)));
  // "Which day": a weekday or a day of a month, not a year or "depuis trois ans".
  const granularity = type === 'date' ? dateGranularity(question) : null;
  const found: Candidate[] = [];
  for (const range of withAsked.length ? withAsked : withFocus.length ? withFocus : ranges) {
    const text = quote.slice(range.start, range.end);
    const matched = matchedPositions(quote, range, terms, language);
    for (const candidate of candidates(text, type)) {
      if (granularity && !hasGranularity(text.slice(candidate.start, candidate.end), granularity)) continue;
      const start = range.start + candidate.start;
      const end = range.start + candidate.end;
      const own = words(quote.slice(start, end)).map((t) => stem(t, language));
      if (own.length && (own.every((t) => terms.has(t)) || own.some((t) => excluded.has(t)))) continue;
      if (against && !isOpposed(quote.slice(Math.max(0, start - 40), start))) continue;
      const outside = matched.filter((p) => p < start || p >= end);
      const near = outside.some((p) => Math.abs(p - start) <= NEAR || Math.abs(p - end) <= NEAR);
      if (near) found.push({ type, start, end });
    }
  }
  const since = type === 'date' && found.length > 1 && asksSince(question) ? found.filter((c) => isStartingPoint(quote.slice(c.start, c.end))) : found;
  const only = since.length === 1 ? since[0]! : closest(since, quote, retrieval, language);
  if (!only) return null;
  return { start: only.start, end: only.end, text: quote.slice(only.start, only.end), type };
}

/**
 * Of several candidates, the one clearly nearest to what the question asks about is the answer
 * ("who heads the GNA": "dirigé par Fayez al-Sarraj", just after "GNA", not Khalifa Haftar, who
 * leads the army named earlier): the distance to each concept's nearest occurrence, summed,
 * must be at most this share of the next candidate's.
 */
const CLEARLY_NEARER = 0.6;

function closest(found: readonly Candidate[], quote: string, retrieval: Retrieval, language: Parameters<typeof stem>[1]): Candidate | null {
  if (found.length < 2) return null;
  // Words inside a candidate are what the candidates are, not what is asked about them: the
  // "Haftar" of "Khalifa Haftar" in "with whom did Haftar talk".
  const all = candidates(quote, found[0]!.type);
  const inCandidate = (at: number): boolean => all.some((c) => at >= c.start && at < c.end);
  const quoteWordList = wordsOf(quote, language).filter((w) => !inCandidate(w.at));
  const occurrences = retrieval.query.concepts
    .map((concept) => {
      const stems = strongStems([concept]);
      return quoteWordList.filter((w) => stems.has(w.stem)).map((w) => w.at);
    })
    .filter((positions) => positions.length > 0);
  if (!occurrences.length) return null;
  const distances = found.map((candidate) =>
    occurrences.reduce((sum, positions) => {
      const outside = positions.filter((p) => p < candidate.start || p >= candidate.end);
      return sum + (outside.length ? Math.min(...outside.map((p) => (p < candidate.start ? candidate.start - p : p - candidate.end))) : quote.length);
    }, 0),
  );
  const order = distances.map((_, i) => i).sort((a, b) => distances[a]! - distances[b]!);
  const [best, next] = [order[0]!, order[1]!];
  return distances[best]! <= CLEARLY_NEARER * distances[next]! ? found[best]! : null;
}
