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
    // Verbs in -eln and -ern keep their e: behandelt → behandeln, änderte → ändern.
    ['elte', ['eln']], ['erte', ['ern']], ['elt', ['eln']], ['ert', ['ern']],
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
  if (language.code === 'de') for (const candidate of germanParticipleInfinitives(word)) if (!out.includes(candidate)) out.push(candidate);
  return out;
}

/**
 * A German past participle of a weak verb puts "ge" before the stem, or after a separable prefix,
 * and "t" after it: gekämpft → kämpfen, abgelehnt → ablehnen, gehandelt → handeln. Strong verbs change their vowel
 * (geflogen, fliegen; angegriffen, angreifen): no rule finds them.
 */
function germanParticipleInfinitives(word: string): string[] {
  if (!word.endsWith('t') || word.length < 6) return [];
  const out: string[] = [];
  for (let at = word.indexOf('ge'); at >= 0 && at <= 4; at = word.indexOf('ge', at + 1)) {
    const stem = word.slice(0, at) + word.slice(at + 2, -1);
    if (stem.length - at < MIN_BASE) continue;
    out.push(`${/(e|el|er)$/.test(stem) ? stem : `${stem}e`}n`);
  }
  return out;
}

/**
 * Plural endings a stemmer leaves on short words: Portuguese and Spanish Snowball strip no plural
 * "-s" when the word's stem region is too short ("armas" stays "armas", while a dictionary lists
 * "arma"). The singulars a folded word may be the plural of, to look up where the word itself has
 * no entry; longest ending first.
 */
const PLURALS: Record<string, readonly (readonly [ending: string, singular: string])[]> = {
  pt: [['oes', 'ao'], ['aes', 'ao'], ['ns', 'm'], ['es', ''], ['s', '']],
  es: [['ces', 'z'], ['es', ''], ['s', '']],
  en: [['ies', 'y'], ['es', ''], ['s', '']],
};

export function singularCandidates(word: string, language: Language): string[] {
  const out: string[] = [];
  for (const [ending, singular] of PLURALS[language.code] ?? []) {
    if (!word.endsWith(ending)) continue;
    const candidate = word.slice(0, -ending.length) + singular;
    if (candidate.length >= MIN_BASE && !out.includes(candidate)) out.push(candidate);
  }
  return out;
}
