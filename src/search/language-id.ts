import { LANGUAGES, type Language } from '../text/languages.js';
import { stopwords } from '../text/stopwords.js';

/**
 * The language of a short question, from its function words ("how", "will", "the" / "combien",
 * "les" / "wie", "wird"): reliable on questions, where content words are often names that
 * belong to no language. Returns null when no function word of any language is present, or when
 * two languages have as many, so that the caller decides (by the words each language knows).
 */
export function detectLanguage(tokens: readonly string[], candidates: readonly Language[] = LANGUAGES): Language | null {
  let best: Language | null = null;
  let bestHits = 0;
  let tied = false;
  for (const language of candidates) {
    const list = stopwords(language);
    const hits = tokens.reduce((n, token) => n + (list.has(token) ? 1 : 0), 0);
    if (hits > bestHits) {
      best = language;
      bestHits = hits;
      tied = false;
    } else if (hits === bestHits && hits > 0) {
      tied = true;
    }
  }
  // A tie ("gna backers europe us un": "us" is English, "un" French) says nothing: the caller decides.
  return tied ? null : best;
}
