import type { Article } from '../corpus/types.js';
import { analyze } from '../search/analyze.js';
import { citation } from './citation.js';
import type { Summary } from './types.js';

export const SUMMARY_DEFAULT = 3;
export const SUMMARY_MIN = 1;
export const SUMMARY_MAX = 6;

type Vector = Map<string, number>;

function cosineSparse(a: Vector, b: Vector): number {
  let dot = 0;
  for (const [term, weight] of a) dot += weight * (b.get(term) ?? 0);
  let na = 0;
  let nb = 0;
  for (const w of a.values()) na += w * w;
  for (const w of b.values()) nb += w * w;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/**
 * Extractive summary: sentences ranked by centrality (LexRank: PageRank over the TF-IDF cosine
 * graph of the article's sentences, so a sentence that says what the others also say ranks
 * high), then picked by maximal marginal relevance so that each new sentence adds coverage
 * instead of repeating the last, with a small bonus for sentences near the top (news articles
 * are written lead first); shown in article order with their citations.
 */
export function summarize(article: Article, count: number, severalArticles: boolean): Summary {
  const n = Math.max(SUMMARY_MIN, Math.min(SUMMARY_MAX, Math.round(count)));
  const items = article.paragraphs.flatMap((paragraph) =>
    paragraph.sentences.map((sentence) => ({ paragraph, sentence, terms: analyze(sentence.text, article.language) })),
  );
  const df = new Map<string, number>();
  for (const item of items) for (const term of new Set(item.terms)) df.set(term, (df.get(term) ?? 0) + 1);
  const vectors: Vector[] = items.map((item) => {
    const v: Vector = new Map();
    for (const term of item.terms) v.set(term, (v.get(term) ?? 0) + Math.log(1 + items.length / (df.get(term) ?? 1)));
    return v;
  });
  const similarity = vectors.map((a) => vectors.map((b) => (a === b ? 0 : cosineSparse(a, b))));

  // PageRank with damping 0.85 over the similarity graph (weighted LexRank).
  const size = items.length;
  let centrality = new Array<number>(size).fill(1 / size);
  const rowSums = similarity.map((row) => row.reduce((a, b) => a + b, 0));
  for (let iteration = 0; iteration < 50; iteration++) {
    centrality = centrality.map((_, i) => {
      let sum = 0;
      for (let j = 0; j < size; j++) {
        const rowSum = rowSums[j] ?? 0;
        sum += rowSum > 0 ? ((similarity[j]?.[i] ?? 0) / rowSum) * (centrality[j] ?? 0) : (centrality[j] ?? 0) / size;
      }
      return 0.15 / size + 0.85 * sum;
    });
  }
  const maxCentrality = Math.max(...centrality);

  const chosen: number[] = [];
  while (chosen.length < Math.min(n, size)) {
    let best = -1;
    let bestValue = -Infinity;
    for (let i = 0; i < size; i++) {
      if (chosen.includes(i)) continue;
      const redundancy = Math.max(0, ...chosen.map((j) => similarity[i]?.[j] ?? 0));
      // News articles put the essentials first (the lead), so earlier sentences get a small bonus.
      const lead = 1 - i / size;
      const value = 0.7 * ((centrality[i] ?? 0) / maxCentrality) + 0.2 * lead - 0.3 * redundancy;
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    chosen.push(best);
  }
  chosen.sort((a, b) => a - b);
  return {
    articleId: article.id,
    sentences: chosen.map((i) => {
      const item = items[i]!;
      return { text: item.sentence.text, paragraph: item.paragraph.number, citation: citation(item.paragraph, article, severalArticles) };
    }),
  };
}
