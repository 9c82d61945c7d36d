import { LANGUAGES, type Language } from '../text/languages.js';
import { fold } from '../text/normalize.js';
import { accentFitsFunctionWord, misspeltQuestionWord, stopwords } from '../text/stopwords.js';

/**
 * The languages whose function words a short question holds most of ("how", "will", "the" /
 * "combien", "les" / "wie", "wird"): reliable on questions, where content words are often names
 * that belong to no language. Several when they tie (Spanish and Portuguese share "a", "o",
 * "que"); none when no function word of any language is present. With the question as written,
 * accents and inverted marks count too: "allé" is no Italian "alle", "¿" is Spanish.
 */
export function functionWordLeaders(tokens: readonly string[], candidates: readonly Language[] = LANGUAGES, question?: string): Language[] {
  // Each word counts once: the "s" of "what's Libya's" twice is no more French or German than once.
  const distinct = [...new Set(tokens)];
  const accented = question === undefined ? new Map<string, string>() : onlyAccented(question);
  const hits = candidates.map((language) => {
    const list = stopwords(language);
    const counts = (token: string): boolean => list.has(token) && (!accented.has(token) || accentFitsFunctionWord(accented.get(token)!, language));
    // Only Spanish opens a question or an exclamation with an inverted mark.
    const inverted = question !== undefined && language.code === 'es' && /[¿¡]/u.test(question) ? 1 : 0;
    return distinct.reduce((n, token) => n + (counts(token) ? 1 : 0), inverted);
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

/** Folded words that the question writes only with an accent, with one way it writes them ("alle": "allé"). */
function onlyAccented(question: string): Map<string, string> {
  const plain = new Set<string>();
  const accented = new Map<string, string>();
  for (const [folded, raw] of rawWords(question)) {
    if (folded === raw) plain.add(folded);
    else accented.set(folded, raw);
  }
  for (const word of plain) accented.delete(word);
  return accented;
}

/** The question's words as written (lower case), each with its folded form. */
function rawWords(question: string): [folded: string, raw: string][] {
  return (question.normalize('NFC').toLowerCase().match(/[\p{L}\p{M}]+/gu) ?? []).map((raw) => [fold(raw), raw]);
}

/**
 * Whether a word as the question writes it could be a word of `language`: every letter beyond a to
 * z is one the language writes ("rencontré", "siège": no German or English word).
 */
export function writtenIn(written: string, language: Language): boolean {
  for (const letter of written) if ((letter < 'a' || letter > 'z') && !language.letters.includes(letter)) return false;
  return true;
}

/** Each folded word of a question with one way it writes it, lower case ("siege": "siège"). */
export function writtenForms(question: string): Map<string, string> {
  const forms = new Map<string, string>();
  for (const [folded, raw] of rawWords(question)) if (!forms.has(folded) || folded !== raw) forms.set(folded, raw);
  return forms;
}
