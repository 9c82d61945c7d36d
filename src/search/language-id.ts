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
  const hits = candidates.map((language) => {
    const list = stopwords(language);
    return distinct.reduce((n, token) => n + (list.has(token) ? 1 : 0), 0);
  });
  // A word no list has may be a question word misspelt ("quadno", "welhce"): it says the
  // language as much as the word itself would. Looked for only when it could change the leader.
  const unlisted = distinct.filter((token) => !candidates.some((language) => stopwords(language).has(token)));
  const [first = 0, second = 0] = [...hits].sort((a, b) => b - a);
  if (unlisted.length && first - second <= unlisted.length) {
    candidates.forEach((language, i) => {
      hits[i]! += unlisted.reduce((n, token) => n + (misspeltQuestionWord(token, language) ? 1 : 0), 0);
    });
  }
  const best = Math.max(0, ...hits);
  return best > 0 ? candidates.filter((_, i) => hits[i] === best) : [];
}
