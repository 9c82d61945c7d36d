import type { Language } from './languages.js';

/**
 * Dictionaries list verbs by their infinitive, and a stemmer does not always bring a conjugated
 * form back to the infinitive's stem: Portuguese "apoia" stems to "apo", "apoiar" to "apoi";
 * Italian "appoggiano" and "appoggiare", German "unterstützt" and "unterstützen" part the same
 * way. These are the infinitives a folded word may be a finite form or participle of, from the
 * regular endings of each language (no word list), and for English the American spelling of a
 * British one: candidates to look up beside the word itself, which only count where a
 * dictionary has them.
 */
const RULES: Record<string, readonly (readonly [ending: string, infinitives: readonly string[]])[]> = {
  // Present (3rd person singular and plural), preterite, participles.
  pt: [
    ['aram', ['ar']], ['ou', ['ar']], ['am', ['ar']], ['a', ['ar']],
    ['eram', ['er']], ['iram', ['ir']], ['eu', ['er']], ['iu', ['ir']], ['em', ['er', 'ir']], ['e', ['er', 'ir']],
  ],
  es: [
    ['aron', ['ar']], ['an', ['ar']], ['a', ['ar']],
    ['ieron', ['er', 'ir']], ['io', ['er', 'ir']], ['en', ['er', 'ir']], ['e', ['er', 'ir']],
  ],
  it: [
    ['arono', ['are']], ['ano', ['are']], ['ato', ['are']], ['ata', ['are']], ['ati', ['are']], ['ate', ['are']], ['a', ['are']],
    ['ono', ['ere', 'ire']], ['uto', ['ere']], ['ito', ['ire']], ['e', ['ere', 'ire']],
  ],
  // British spellings, which the English dictionaries list in their American form (recognise, defence, labour).
  en: [
    ['isations', ['izations']], ['isation', ['ization']], ['ising', ['izing']], ['ised', ['ized']], ['ises', ['izes']], ['ise', ['ize']],
    ['ences', ['enses']], ['ence', ['ense']], ['ours', ['ors']], ['our', ['or']], ['lled', ['led']], ['lling', ['ling']],
  ],
  // German verbs only: a capitalised noun (Macht) is not taken for a form of a verb (machen).
  de: [
    ['test', ['en']], ['ten', ['en']], ['te', ['en']], ['est', ['en']], ['st', ['en']], ['et', ['en']], ['t', ['en']],
  ],
};

/** Shortest stem left once the ending is removed: "va" or "ha" are not forms of "var" or "har". */
const MIN_BASE = 3;

export function infinitiveCandidates(word: string, language: Language): string[] {
  const rules = RULES[language.code];
  if (!rules) return [];
  const out: string[] = [];
  for (const [ending, infinitives] of rules) {
    if (!word.endsWith(ending) || word.length - ending.length < MIN_BASE) continue;
    const base = word.slice(0, -ending.length);
    for (const infinitive of infinitives) {
      const candidate = base + infinitive;
      if (candidate !== word && !out.includes(candidate)) out.push(candidate);
    }
    // The longest ending that fits decides; shorter ones would cut a stem ("aram" before "am").
    break;
  }
  return out;
}
