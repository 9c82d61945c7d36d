/**
 * The baseline `npm run eval` prints beside the engine: MiniSearch (a well-known BM25 library) over
 * the same paragraphs, answering with its top paragraph and declining only when it finds nothing.
 *
 * Choices, kept close to MiniSearch's defaults: its tokenizer (splits on spaces and punctuation,
 * so l’armée → l, armee) and its BM25 parameters (k1 1.2, b 0.7, d 0.5); terms lower-cased and
 * accent-folded with the engine's own `fold` so that "Etat" meets "État"; no stemming, no stop
 * words, no translation, no dictionary; OR between the question's words (the default); prefix
 * search off (it lets every short word match dozens of others); fuzzy matching modest: words of
 * five letters or more match at one edit per five letters (MiniSearch's fuzzy 0.2), as a typo
 * tolerance comparable to the engine's spelling similarity.
 */
import MiniSearch from 'minisearch';
import type { Corpus } from '../corpus/types.js';
import type { EvalSystem } from '../answer/evaluate.js';
import { fold } from '../text/normalize.js';

export const BASELINE_DESCRIPTION =
  'MiniSearch BM25 over the same paragraphs: folded terms, no stemming, stop words or translation; fuzzy 0.2 on words of 5+ letters; top hit or decline';

interface Doc {
  readonly id: number;
  readonly text: string;
}

const processTerm = (term: string): string | null => fold(term) || null;
const fuzzy = (term: string): number | false => (term.length >= 5 ? 0.2 : false);

/** MiniSearch over the corpus paragraphs (single article: paragraphs are named by their number). */
export function miniSearchBaseline(corpus: Corpus, name = 'MiniSearch'): EvalSystem {
  const index = new MiniSearch<Doc>({ fields: ['text'], processTerm, searchOptions: { prefix: false, fuzzy } });
  // Paragraph numbers are unique within one article; with several, the first article's number wins.
  const docs = corpus.paragraphs.map((p, i) => ({ id: i, text: p.text }));
  index.addAll(docs);
  const numberOf = (id: number): number => corpus.paragraphs[id]!.number;
  return {
    name,
    threshold: null,
    async ask(q) {
      const results = index.search(q.question);
      const ranking = results.map((r) => numberOf(r.id as number));
      return { answered: results.length > 0, top: ranking[0] ?? null, ranking, score: results[0]?.score ?? 0, span: null };
    },
  };
}
