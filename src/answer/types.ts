/** What the engine tells a presenter (CLI, Discord); plain data, JSON-serialisable. */
import type { AnswerType } from '../search/answer-type.js';

export type RetrievalMode = 'hybrid' | 'lexical';

export interface Passage {
  readonly articleId: string;
  readonly paragraph: number;
  readonly section: string | null;
  /** The paragraph verbatim. */
  readonly quote: string;
  readonly citation: string;
}

export interface HighlightRange {
  readonly start: number;
  readonly end: number;
}

/** The short answer inside the quote: one number, date, person, place, distance, duration, amount of money, age or organisation. */
export interface AnswerSpan extends HighlightRange {
  readonly text: string;
  readonly type: AnswerType;
}

export interface Alternative extends Passage {
  readonly highlight: string[];
  readonly score: number;
}

export interface Answer extends Passage {
  /** The question as the engine read it (mentions, markup and control characters removed). */
  readonly question: string;
  /** False when the article does not cover the question; the passage is then only the closest one. */
  readonly answered: boolean;
  /** The sentence(s) of the quote that answer best, verbatim, in paragraph order. */
  readonly highlight: string[];
  readonly highlightRanges: HighlightRange[];
  /** Offsets in `quote` of the short answer, when the question asks for one and the highlight holds exactly one; never a guess. */
  readonly span: AnswerSpan | null;
  /** Evidence in [0, 1] that the passage answers; compared with the threshold for `answered`. */
  readonly score: number;
  readonly confidence: 'high' | 'medium' | 'low';
  readonly mode: RetrievalMode;
  /** Embedding model id in hybrid mode. */
  readonly model: string | null;
  /** ISO 639-1 code of the question's language as detected. */
  readonly language: string;
  readonly alternatives: Alternative[];
  /** Question words that nothing in the article matched. */
  readonly unmatched: string[];
  /** Limits that applied to this answer, in plain words (a missing dictionary, say). */
  readonly notes: string[];
}

export interface SummarySentence {
  readonly text: string;
  readonly paragraph: number;
  readonly citation: string;
}

export interface Summary {
  readonly articleId: string;
  readonly sentences: SummarySentence[];
}

export interface ArticleInfo {
  readonly id: string;
  readonly label: string;
  readonly date: string;
  readonly language: string;
  readonly title: string | null;
  readonly source: string | null;
  readonly paragraphs: number;
  readonly sections: string[];
}

export interface EngineStatus {
  readonly mode: RetrievalMode;
  readonly model: string | null;
  /** Why the model is not in use, when it is not. */
  readonly modelProblem: string | null;
  /** Shipped lexicons, e.g. `en-fr` (`fr-fr`: the French thesaurus). */
  readonly dictionaries: string[];
  readonly articles: ArticleInfo[];
  readonly version: string;
}
