import { LANGUAGES, type Language } from '../text/languages.js';
import { stopwords } from '../text/stopwords.js';

/**
 * The language of a short question, from its function words ("how", "will", "the" / "combien",
 * "les" / "wie", "wird"): reliable on questions, where content words are often names that
 * belong to no language. Returns null when no function word of any language is present, so
 * that the caller decides (the corpus language, in practice).
 */
export function detectLanguage(tokens: readonly string[], candidates: readonly Language[] = LANGUAGES): Language | null {
  let best: Language | null = null;
  let bestHits = 0;
  for (const language of candidates) {
    const list = stopwords(language);
    const hits = tokens.reduce((n, token) => n + (list.has(token) ? 1 : 0), 0);
    // Candidates come in preference order, so a tie keeps the earlier (the corpus language first).
    if (hits > bestHits) {
      best = language;
      bestHits = hits;
    }
  }
  return best;
}
