import type { Language } from '../text/languages.js';

/** A sentence inside a paragraph, with its character range in the paragraph text (for highlighting). */
export interface Sentence {
  readonly index: number;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** A body paragraph: the unit that is quoted and cited. */
export interface Paragraph {
  /** Stable id, `<articleId>#<number>`. */
  readonly id: string;
  readonly articleId: string;
  /** 1-based among the body paragraphs of its article (subheadings are not counted). */
  readonly number: number;
  /** The subheading the paragraph stands under, or null before the first one. */
  readonly section: string | null;
  /** The paragraph exactly as in the source. */
  readonly text: string;
  readonly sentences: readonly Sentence[];
}

export interface Article {
  /** The file name without `.md`: unique within a corpus. */
  readonly id: string;
  readonly file: string;
  /** As precise as the source gives it: YYYY, YYYY-MM or YYYY-MM-DD. */
  readonly date: string;
  readonly language: Language;
  /** Shown in citations when the corpus holds several articles; defaults to the id. */
  readonly label: string;
  readonly title: string | null;
  readonly source: string | null;
  readonly sections: readonly string[];
  readonly paragraphs: readonly Paragraph[];
}

export interface Corpus {
  readonly articles: readonly Article[];
  readonly paragraphs: readonly Paragraph[];
}
