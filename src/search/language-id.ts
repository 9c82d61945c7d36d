import { LANGUAGES, type Language } from '../text/languages.js';
import { misspeltQuestionWord, stopwords } from '../text/stopwords.js';

/**
 * The languages whose function words a short question holds most of ("how", "will", "the" /
 * "combien", "les" / "wie", "wird"): reliable on questions, where content words are often names
 * that belong to no language. Several when they tie (Spanish and Portuguese share "a", "o",
 * "que"); none when no function word of any language is present.
 */
export function functionWordLeaders(tokens: readonly string[], candidates: readonly Language[] = LANGUAGES): Language[] {
  // Each word counts once: the "s" of "what's Libya's" twice is no more French or German than once.
  const distinct = [...new Set(tokens)];
  // A word no list has may be a question word misspelt ("quadno", "welhce"): it says the
  // language as much as the word itself would.
  const unlisted = distinct.filter((token) => !candidates.some((language) => stopwords(language).has(token)));
  let leaders: Language[] = [];
  let bestHits = 0;
  for (const language of candidates) {
    const list = stopwords(language);
    const hits =
      distinct.reduce((n, token) => n + (list.has(token) ? 1 : 0), 0) +
      unlisted.reduce((n, token) => n + (misspeltQuestionWord(token, language) ? 1 : 0), 0);
    if (hits > bestHits) {
      leaders = [language];
      bestHits = hits;
    } else if (hits === bestHits && hits > 0) {
      leaders.push(language);
    }
  }
  return leaders;
}
