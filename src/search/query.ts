import type { Language } from '../text/languages.js';
import { fold, hyphenatedWords, words } from '../text/normalize.js';
import { isInvariable, stem } from '../text/stem.js';
import { infinitiveCandidates } from '../text/inflection.js';
import { accentedContentWords, contentMask, isContentWord, isInterrogative, isLightVerb, isNotNoun, isRoleVerb, isRoleWord, misspeltFunctionWord, wordSetsByLanguage } from '../text/stopwords.js';
import { editDistance, jaroWinkler, skeleton, skeletonSimilarity, typoBudget } from '../text/fuzzy.js';
import type { Concept } from './bm25.js';
import { answerType, askedNounAt, asksDefinition, asksForName, isDefinitionWord, isNameNoun, isNamingVerb, isTotalWord, isTypeNoun, isUnwrittenKind, namedKindAt, TYPE_NOUN_WORDS, typeNounOfStem, valuedDateNouns, type AnswerType } from './answer-type.js';
import { KIND_WEIGHT, type BilingualLexicon, type WordList } from './lexicon.js';
import { FOCUS_STRENGTH, GROUP_SEPARATOR, wordKey } from './lexicon-format.js';
import type { VerbForms } from './verb-forms.js';
import { capitalisedWords, type SurfaceVocabulary } from './analyze.js';
import { numbersAsDigits } from '../text/numbers.js';
import { withoutFormulas } from '../text/politeness.js';
import { seasonMonths, withYearsNamed } from '../text/calendar.js';

/** Below this a spelling match is more often a coincidence than a name or a cognate (measured in `npm run eval`). */
export const SPELLING_THRESHOLD = 0.88;
/** The same for a word the question's language knows (not a name): only near-identical spellings (militari → militaires). */
const KNOWN_WORD_SPELLING_THRESHOLD = 0.93;
/** How strongly a question word must reach a word of an acronym's definition to spell it out ("libio": libyen at 0.8). */
const SPELLED_OUT_WEIGHT = 0.8;
/** A phrase's translation at least this strong stands for the whole phrase (see buildQuery). */
const WHOLE_PHRASE = 0.9;

/** "Of" in the six question languages, folded (articles fused in: del, della, do, da, der): what links a thing to whose it is. */
const OF_WORDS = new Set('of de d du des del dello della dei degli delle dell di do da dos das der von vom'.split(' '));

/** Edits at most between a known word and its look-alike as written (troops/troupes: 1). */
const KNOWN_LOOKALIKE_EDITS = 2;
/** What `wordSimilarity` returns for different spellings of one skeleton. */
const SAME_SKELETON = 0.99;
/**
 * Synonyms from the corpus language's thesaurus, for questions asked in that language: a synonym
 * the dictionaries confirm (stored at 1, see data/README.md) is a focus match (0.6), any other one
 * adds to coverage only (0.36). Measured on all own sets against 0.5 for every synonym: 17 more
 * right answers, 3 fewer wrong, traps unchanged; 0.7 gained one more right answer and lost the 3.
 */
const THESAURUS_WEIGHT = 0.6;
/** Acronyms keep their letters across languages but not always their order (LNA/ANL, NATO/OTAN). */
const ACRONYM_WEIGHT = 0.9;

export interface QueryContext {
  /** The language the corpus is written in. */
  readonly corpusLanguage: Language;
  readonly vocabulary: SurfaceVocabulary;
  /** Index terms present in the corpus. */
  readonly indexTerms: ReadonlySet<string>;
  /** Stems the corpus writes only as a noun that a verb of another meaning shares (partie, not partir): no match for a question's verb. */
  readonly nounOnly?: ReadonlySet<string>;
  /** Index terms that the stemmer left inflected, by the stem of their other forms (disputent → disput). */
  readonly inflected: ReadonlyMap<string, readonly string[]>;
  /** Index terms that are verbs made from another with a sense-keeping prefix, by the base verb's stem (vol → envol). */
  readonly prefixed: ReadonlyMap<string, readonly string[]>;
  /** Index terms of the same family and meaning as a stem the stemmer keeps apart from them (soign → soin: soigner, soins). */
  readonly related?: ReadonlyMap<string, readonly string[]>;
  /** Compounds of the corpus by the words for their kind (navir → port+avion), from the shipped data. */
  readonly kinds?: ReadonlyMap<string, readonly string[]>;
  /** The capital cities the corpus names, by the stems of "capital" and of their country (capital+russ → moscou; see loadCapitals). */
  readonly capitals?: ReadonlyMap<string, readonly string[]>;
  /**
   * Stems the corpus writes only as the second part of a hyphenated compound that names a kind of
   * another thing (porte-avions, a ship), with the stems before them (avion → port; see compoundOnlyStems).
   */
  readonly compoundOnly?: ReadonlyMap<string, readonly string[]>;
  /** The year the corpus's articles were written, when they share one: what "last year" counts from. */
  readonly referenceYear?: number | null;
  /** Stems the corpus writes only as nouns of an action, with a suffix that makes one (commandement; see actionNounStems). */
  readonly actionNounsOnly?: ReadonlySet<string>;
}

/** What the question's language brings: its lexicon into the corpus language, and the stems it knows. */
export interface QueryResources {
  /** From the question's language into the corpus language (null in the corpus language or when none ships). */
  readonly lexicon: BilingualLexicon | null;
  /** Synonyms inside the corpus language, restricted to the corpus. */
  readonly thesaurus: BilingualLexicon | null;
  /** Every stem the shipped sources know in the question's language (empty: unknown, no typo correction). */
  readonly known: WordList;
  /** Irregular verb forms of the question's language and their infinitives (none for most languages). */
  readonly verbForms: VerbForms;
  /** Words the question's language writes only with a capital (Paris): names in any case. */
  readonly names?: WordList;
}

/** Shorter words in the names lists are mostly function words of another language (Italian "sa") or acronyms. */
const MIN_NAME_LENGTH = 4;

export interface AnalysedQuery {
  readonly language: Language;
  /** The kind of short answer the question asks for, if any (how many: a number, and so on). */
  readonly answerType: AnswerType | null;
  /**
   * The question as its cues ("in what part of", "how many times", "the first") are read: the
   * question itself, or its words with misspelt function and question words ("wich") corrected.
   */
  readonly cueQuestion: string;
  readonly concepts: Concept[];
  /** True when a dictionary carried at least one word into the corpus language. */
  readonly translated: boolean;
  /** Content words that nothing (exact form, dictionary, spelling) connected to the corpus. */
  readonly unmatchedWords: string[];
  /** Unmatched words that the language's dictionaries know as proper names (Putin, Lisboa): the question is about someone or somewhere the article does not name. */
  readonly unmatchedNames: string[];
  /**
   * The concept that names the kind of thing asked for ("which hospital", "how many sailors"),
   * when the question has one and it is no name; null otherwise.
   */
  readonly asked: Concept | null;
  /** True when the kind asked for is the answer type itself ("which city", "what day"). */
  readonly askedType: boolean;
  /**
   * When the kind asked for is the answer type, the word that qualifies it: "Russian" in "which
   * Russian city", "rusa" in "qué ciudad rusa". A city the article names without it is no answer.
   */
  readonly typeQualifier: Concept | null;
  /**
   * A count of all the things counted, not of those that did something: "how many soldiers does
   * the LNA have" (a verb of having or a word of totals, and nothing else asked about them). Only
   * a sentence that states a total answers it, not "Près de 70 soldats de l'ANL se sont envolés".
   */
  readonly askedTotal: boolean;
  /**
   * Concepts next to each other in the question, function words apart, names left out
   * ("gouvernement d'union nationale": gouvernement + union, union + nationale): a text that
   * writes them side by side says the same thing, more surely than one that has them apart.
   */
  readonly neighbours: readonly (readonly [Concept, Concept])[];
  /**
   * A thing asked about and the name it is asked of: "the spokesman of the GNA", "o porta-voz do
   * GNA", "the GNA's spokesman" → [spokesman, GNA]. A paragraph that writes the thing only as
   * another name's ("porte-parole de l'ANL") does not hold it for this question.
   */
  readonly owned: readonly (readonly [head: Concept, owner: Concept])[];
}

/** Languages whose adjectives come before the noun they qualify. */
const ADJECTIVE_FIRST = new Set(['en', 'de']);

/** How the question writes a word: as a name (capital mid-sentence) or as an acronym. */
interface WordShape {
  readonly names: ReadonlySet<string>;
  readonly acronyms: ReadonlySet<string>;
}

/**
 * Names and cognates across languages (Moscow → Moscou, Kuznetsov → Kouznetsov): corpus words
 * whose spelling skeleton resembles the token's. Never used between two words of the same
 * language, where a resemblance is a different word (demain/mains), not a translation.
 */
function spellingMatches(token: string, shape: WordShape, vocabulary: SurfaceVocabulary, terms: Map<string, number>, knownWord: boolean): void {
  if (/^\d+$/.test(token)) return;
  const nameOnly = shape.names.has(token);
  const found = remembered(spellings, vocabulary, `${token} ${nameOnly ? 'name' : ''} ${knownWord ? 'known' : ''}`, () => {
    // A word of the question's language that merely resembles a corpus word is more often a
    // false friend (Italian "nato", born → "nationale") than a cognate: it must be closer.
    const threshold = knownWord ? KNOWN_WORD_SPELLING_THRESHOLD : SPELLING_THRESHOLD;
    // A name only resembles a word the article also writes as a name ("Trump" is not "troupes");
    // an identical spelling skeleton still counts, since English capitalises more than French does
    // (Islamists/islamistes).
    const tokenSkeleton = skeleton(token);
    const tokenConsonants = consonants(tokenSkeleton);
    const similar: [string, number][] = [];
    for (const word of vocabulary.words) {
      let similarity = skeletonSimilarity(token, tokenSkeleton, word.surface, word.skeleton);
      // Transliterated names differ in their vowels (Gheddafi, Kadhafi): a name of the article
      // with the same consonants, in the same order, is the same name.
      if (similarity < NAME_BY_CONSONANTS && word.name && tokenConsonants.length >= 3 && consonants(word.skeleton) === tokenConsonants) similarity = NAME_BY_CONSONANTS;
      if (similarity < threshold) continue;
      if (nameOnly && similarity < SAME_SKELETON && !word.name) continue;
      // A known word's look-alike must also be close as written ("married" is not "mardi"), unless
      // it is one of the article's names, which transliterations spell far apart (Gheddafi).
      if (knownWord && !word.name && similarity < SAME_SKELETON && editDistance(token, word.surface, KNOWN_LOOKALIKE_EDITS) > KNOWN_LOOKALIKE_EDITS) continue;
      similar.push([word.stem, similarity]);
    }
    return similar;
  });
  for (const [term, similarity] of found) if (similarity > (terms.get(term) ?? 0)) terms.set(term, similarity);
}

/**
 * Whether a question word looks like one of the article's names (see `spellingMatches`) at
 * most `edits` edits away from it as written: "hafter" is Haftar, one letter off; "quatni",
 * whose consonants recall Ghanim, is a misspelt "quanti".
 */
function spelledLikeName(token: string, vocabulary: SurfaceVocabulary, edits: number): boolean {
  const found = new Map<string, number>();
  spellingMatches(token, { names: new Set([token]), acronyms: new Set() }, vocabulary, found, false);
  const names = new Set([...found.keys()].filter((term) => vocabulary.isNameStem(term)));
  return names.size > 0 && vocabulary.words.some((word) => names.has(word.stem) && editDistance(token, word.surface, edits) <= edits);
}

/** How similar a name with the same consonants as a name of the article counts (see `spellingMatches`). */
const NAME_BY_CONSONANTS = 0.95;

/**
 * A skeleton's consonants: its letters other than vowels, the sibilants as one (Russian з and ц
 * are s and z in German, z and ts elsewhere: Kusnezow, Kuznetsov, Kouznetsov).
 */
function consonants(skeletonText: string): string {
  return skeletonText.replace(/[aeiouy]/g, '').replace(/ts|tz|z/g, 's');
}

/** Spelling matches already computed, per corpus vocabulary: a word is compared with the corpus once per process. */
const spellings = new WeakMap<object, Map<string, [string, number][]>>();

/** Shortest and longest run of words read as an acronym's expansion (two letters match too much by chance). */
const EXPANSION_LETTERS = [3, 6] as const;

/**
 * Runs of content words whose initials spell, in any order, an acronym of the article
 * ("government of national accord", "governo di accordo nazionale": GNA; "Libyan National
 * Army": ANL), with at most one function word between two of them. Such a run names the
 * acronym's referent, which the article may spell out in other words or not at all.
 */
export function expandedAcronyms(
  tokens: readonly string[],
  isContent: (token: string) => boolean,
  vocabulary: SurfaceVocabulary,
): { start: number; end: number; stems: ReadonlySet<string> }[] {
  const found: { start: number; end: number; stems: ReadonlySet<string> }[] = [];
  for (let start = 0; start < tokens.length; start++) {
    if (!isContent(tokens[start]!)) continue;
    let initials = '';
    let gap = 0;
    for (let end = start; end < tokens.length && initials.length < EXPANSION_LETTERS[1]; end++) {
      const token = tokens[end]!;
      if (!isContent(token)) {
        if (++gap > 1) break;
        continue;
      }
      gap = 0;
      initials += token[0];
      const stems = initials.length >= EXPANSION_LETTERS[0] ? vocabulary.acronymStems(initials) : null;
      if (stems?.size) {
        found.push({ start, end: end + 1, stems });
        start = end;
        break;
      }
    }
  }
  return found;
}

/** Longest word read as an acronym when typed in lower case ("lna"). */
const MAX_LOWERCASE_ACRONYM = 5;

/** A word written in capitals, or one in lower case that is no word of the question's language ("the lna"). */
function readAsAcronym(token: string, shape: WordShape, isWord: boolean): boolean {
  return shape.acronyms.has(token) || (!isWord && token.length >= 2 && token.length <= MAX_LOWERCASE_ACRONYM && /^\p{L}+$/u.test(token));
}

/**
 * The article's acronyms a question word spells, in any letter order (LNA → ANL): a word written
 * in capitals, or one in lower case that is no word of the question's language ("the lna").
 */
function acronymMatches(token: string, shape: WordShape, vocabulary: SurfaceVocabulary, terms: Map<string, number>, isWord: boolean): void {
  if (!readAsAcronym(token, shape, isWord)) return;
  for (const acronymStem of vocabulary.acronymStems(token)) if (!terms.has(acronymStem)) terms.set(acronymStem, ACRONYM_WEIGHT);
}

/** Shortest acronym read through its words in another language: two letters match too much. */
const MIN_TRANSLATED_ACRONYM = 3;

/** Per lexicon: corpus term → first letters of the question-language words that translate to it at focus strength. */
const initialsByTarget = new WeakMap<BilingualLexicon, Map<string, Set<string>>>();

function initialsOf(lexicon: BilingualLexicon): Map<string, Set<string>> {
  let found = initialsByTarget.get(lexicon);
  if (!found) {
    found = new Map();
    for (const [key, targets] of lexicon.parsed()) {
      if (key.includes(' ')) continue;
      for (const [term, weight] of targets) {
        if (weight < FOCUS_STRENGTH) continue;
        const letters = found.get(term) ?? new Set<string>();
        letters.add(key[0]!);
        found.set(term, letters);
      }
    }
    initialsByTarget.set(lexicon, found);
  }
  return found;
}

/**
 * The corpus acronyms a question's acronym stands for in the question's own language: the letters
 * of ENL (Ejército Nacional Libio) begin words that translate the words ANL is defined by in the
 * article (Armée nationale libyenne), in any order (LNA: Libyan National Army).
 */
function translatedAcronymMatches(token: string, shape: WordShape, vocabulary: SurfaceVocabulary, lexicon: BilingualLexicon, terms: Map<string, number>, isWord: boolean): void {
  if (token.length < MIN_TRANSLATED_ACRONYM || !readAsAcronym(token, shape, isWord)) return;
  const initials = initialsOf(lexicon);
  for (const [acronym, definition] of vocabulary.definedAcronyms) {
    if (definition.length !== token.length || terms.has(acronym)) continue;
    // Each word of the definition takes a letter of its own (a small assignment: at most five).
    const assign = (j: number, left: string): boolean =>
      j === definition.length || [...new Set(left)].some((letter) => initials.get(definition[j]!)?.has(letter) && assign(j + 1, left.replace(letter, '')));
    if (assign(0, token)) terms.set(acronym, ACRONYM_WEIGHT);
  }
}

/**
 * The candidate nearest to a misspelt stem, within its typo budget. Ties (woun: wound, won,
 * worn) go to the candidate most like the word as typed (Jaro–Winkler rewards the shared
 * beginning: wouned → wound); a tie that remains is no correction at all.
 */
export function correctTypo(typo: string, candidates: Iterable<string>, typed = typo, strength: (candidate: string) => number = () => 1): string[] {
  return pickCorrection(nearestCandidates(typo, candidates), typed, strength);
}

/** Every candidate at the smallest distance from a misspelt stem within its typo budget. */
export function nearestCandidates(typo: string, candidates: Iterable<string>): string[] {
  const budget = typoBudget(typo.length);
  if (!budget || /\d/.test(typo)) return [];
  let best = budget + 1;
  let found: string[] = [];
  for (const candidate of candidates) {
    if (candidate.length < 3) continue;
    const distance = editDistance(typo, candidate, Math.min(best, budget));
    if (distance < best) {
      best = distance;
      found = [candidate];
    } else if (distance === best && distance <= budget) {
      found.push(candidate);
    }
  }
  return found;
}

/** Corrections already made, per candidate source (a lexicon, the corpus's words): a typo costs one scan per process. */
const corrections = new WeakMap<object, Map<string, string[]>>();
const typedCorrections = new WeakMap<object, Map<string, string[]>>();
const oneEditCorrections = new WeakMap<object, Map<string, string[]>>();
/** Shortest word corrected although its stem is a word's: one edit turns shorter words into others. */
const MIN_TYPED_FIX = 5;
/** Shortest stem of a typo compared with the article's stems (see buildQuery). */
const MIN_STEM_FIX = 5;
const MAX_REMEMBERED = 10_000;

/** `compute()`, remembered under `key` for `owner` (a lexicon, a vocabulary) in `store`; bounded. */
function remembered<T>(store: WeakMap<object, Map<string, T>>, owner: object, key: string, compute: () => T): T {
  let memo = store.get(owner);
  if (!memo) store.set(owner, (memo = new Map()));
  let result = memo.get(key);
  if (result === undefined) {
    if (memo.size >= MAX_REMEMBERED) memo.clear();
    result = compute();
    memo.set(key, result);
  }
  return result;
}

function pickCorrection(found: string[], typed: string, strength: (candidate: string) => number): string[] {
  if (found.length <= 1) return found;
  // A word the lexicon translates well (soldier → soldat) beats one it barely reaches (solder).
  const scored = found
    .map((candidate) => ({ candidate, strength: strength(candidate), similarity: jaroWinkler(typed, candidate) }))
    .sort((a, b) => b.strength - a.strength || b.similarity - a.similarity);
  const [first, second] = scored as [(typeof scored)[0], (typeof scored)[0]];
  return first.strength > second.strength || first.similarity > second.similarity ? [first.candidate] : [];
}

/** German separable particles, folded: "Wer erkennt die Regierung an?" asks who anerkennt. */
const SEPARABLE_PARTICLES: Record<string, ReadonlySet<string>> = {
  de: new Set('ab an auf aus bei ein fest fort her hin los mit nach vor vorbei weg zu zuruck zusammen'.split(' ')),
};
/** How far into the question the finite verb may stand (after "wie viele", say). */
const VERB_POSITIONS = 3;

/** The base verb's senses still count, a little less: "führt … an" is anführen (to lead, to cite), and führen (to lead). */
const SEPARATED_BASE_WEIGHT = 0.8;

/**
 * A question that ends with a separable particle has it joined back to its verb, when the
 * joined form is a verb the language knows (erkennt … an → anerkennt → anerkennen): the
 * dictionaries list the whole verb, whose sense the parts do not have. Returns the tokens
 * (unchanged when nothing was joined) and the joined verb with the form it was made from.
 */
export function joinSeparableParticle(
  tokens: readonly string[],
  language: Language,
  isVerb: (token: string) => boolean,
): { tokens: readonly string[]; joined: { verb: string; base: string } | null } {
  const particles = SEPARABLE_PARTICLES[language.code];
  const particle = tokens[tokens.length - 1];
  if (!particles || particle === undefined || !particles.has(particle) || tokens.length < 3) return { tokens, joined: null };
  for (let i = 0; i < Math.min(VERB_POSITIONS, tokens.length - 2); i++) {
    const verb = particle + tokens[i]!;
    if (!isVerb(verb)) continue;
    return { tokens: [...tokens.slice(0, i), verb, ...tokens.slice(i + 1, -1)], joined: { verb, base: tokens[i]! } };
  }
  return { tokens, joined: null };
}

/** Letters a compound may put between its parts (Einheit-s-regierung, Waffe-n-embargo). */
const LINKS = ['', 's', 'es', 'n', 'en', 'e'];
/** Languages that write compounds as one word (Romance languages join them with prepositions). */
const COMPOUNDING = new Set(['de', 'nl', 'sv', 'fi']);
/** Shortest part of a compound: shorter "words" are mostly chance (Ein-, Re-). */
const MIN_PART = 4;

/**
 * A long word no source knows, read as a compound of two words the language knows
 * (Einheitsregierung → einheit + regierung, Waffenembargo → waffen + embargo): German writes
 * as one word what dictionaries list in parts. The split with the longest known last part wins
 * (the head of a compound is its last part). Null when the word is known or does not split.
 */
export function compoundParts(token: string, language: Language, known: WordList): [string, string] | null {
  return known.has(stem(token, language)) ? null : splitCompound(token, language, known);
}

/** A word of a compounding language as two words the language knows (see compoundParts), known or not itself. */
function splitCompound(token: string, language: Language, known: WordList): [string, string] | null {
  if (!COMPOUNDING.has(language.code) || token.length < 2 * MIN_PART || known.empty || /\d/.test(token)) return null;
  for (let i = MIN_PART; i <= token.length - MIN_PART; i++) {
    const tail = token.slice(i);
    if (!known.has(stem(tail, language))) continue;
    for (const link of LINKS) {
      const head = token.slice(0, i - link.length);
      if (head.length >= MIN_PART && token.slice(0, i).endsWith(link) && known.has(stem(head, language))) return [head, tail];
    }
  }
  return null;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Every word one edit away from a folded token: a letter dropped, added, changed, or two swapped. */
function oneEditAway(token: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i <= token.length; i++) {
    const [head, tail] = [token.slice(0, i), token.slice(i)];
    if (tail) out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const letter of LETTERS) {
      out.add(head + letter + tail);
      if (tail) out.add(head + letter + tail.slice(1));
    }
  }
  out.delete(token);
  return out;
}

/**
 * Auxiliaries and subject pronouns, folded, by language: the word after one is a verb ("sont
 * partis", "sono partiti", "have left"), not the noun its stem may also spell (see nounOnly).
 */
const BEFORE_VERBS = wordSetsByLanguage({
  en: 'is are was were be been has have had will would did do does they he she it',
  fr: 'est sont etait etaient sera seront serait seraient a ont avait avaient aura auront ete etre avoir se s il ils elle elles on',
  es: 'es son era eran fue fueron sera seran ha han habia habian haber ser estar esta estan se',
  it: 'e sono era erano sara saranno ha hanno aveva avevano stato stati stata state essere avere si',
  pt: 'e sao era eram foi foram sera serao tem tinha tinham ha ser estar esta estao se',
  de: 'ist sind war waren wird werden hat haben hatte hatten sein sie er es',
});

/** What a season's word gives its months: a focus match ("l'automne 2016": novembre). */
const SEASON_WEIGHT = 0.6;

/** "Who", folded, in the six question languages. */
const WHO_WORDS = new Set('who qui wer quien chi quem'.split(' '));
/**
 * What the verb after "who" keeps of a stem the article writes only as a noun of the action (see
 * actionNounStems). Measured on all own sets: 3 fewer wrong answers ("who commands the Libyan
 * National Army": ¶4's "commandement général"), 1 more right, none lost.
 */
const ACTION_NOUN_FACTOR = 0.5;

/** Without the terms (or groups holding one) that the corpus writes only as nouns, for a verb of the question. */
function withoutNounOnly(terms: Map<string, number>, nounOnly: ReadonlySet<string>): void {
  for (const term of [...terms.keys()]) if (term.split(GROUP_SEPARATOR).some((member) => nounOnly.has(member))) terms.delete(term);
}

/** The shortest misspelt word read as a conjugated verb one letter off (see typedTypoFix). */
const MIN_CONJUGATED_TYPO = 5;

/**
 * The lexicon key a misspelt word stands for when a word one edit away from it as typed reaches
 * the corpus ("noveber" → november: their stems, "novebe" and "novemb", are further apart than
 * the words), or null; of several, the one that makes a phrase with a neighbour, else the one the
 * lexicon translates best. Remembered per lexicon.
 */
function typedTypoFix(
  token: string,
  language: Language,
  lexicon: BilingualLexicon,
  fitsContext: (key: string) => boolean,
  /** The infinitives a word is a conjugated form of (a misspelt "fürht" is "führt": führen). */
  infinitivesOf: (word: string) => readonly string[],
): string | null {
  const reaches = (key: string): boolean => (lexicon.lookup(key)?.size ?? 0) > 0;
  const keys = remembered(typedCorrections, lexicon, token, () => {
    const found = new Set<string>();
    for (const word of oneEditAway(token)) {
      const key = wordKey(word, language);
      if (reaches(key)) found.add(key);
      // Short words have too many conjugated forms one letter off ("veau": Spanish "veo", "vea").
      else if (token.length >= MIN_CONJUGATED_TYPO) for (const infinitive of infinitivesOf(word)) if (reaches(wordKey(infinitive, language))) found.add(wordKey(infinitive, language));
    }
    return [...found];
  });
  if (!keys.length) return null;
  const inPhrase = keys.filter(fitsContext);
  if (inPhrase.length === 1) return inPhrase[0]!;
  return pickCorrection(keys, token, (key) => strongestTarget(lexicon, key))[0] ?? null;
}

/**
 * Misspelt words of the corpus's own language, each with the word of the language it stands for:
 * a word no source knows, one edit from words of the language ("soutiiennent", "militires",
 * "événemment"), is the one of them the article uses, else the nearest as typed. Words the
 * article's own vocabulary decides are left to it: its words and names one letter off ("Hafter"),
 * and capitalised words, which are names ("Poutine" is no typo of anything).
 */
function ownLanguageTypoFixes(
  tokens: readonly string[],
  language: Language,
  isWord: (token: string) => boolean,
  context: QueryContext,
  { thesaurus, verbForms }: Pick<QueryResources, 'thesaurus' | 'verbForms'>,
  misspeltAs: ReadonlyMap<string, string>,
  question: string,
): Map<string, string> {
  const fixes = new Map<string, string>();
  let capitalised: Set<string> | null = null;
  const inCorpus = (word: string): boolean => context.indexTerms.has(stem(word, language));
  // Of several words one edit away, one the article writes beats one it has a synonym or a form
  // of ("militaires": soldats; "soutient": soutenu), which beats one it has nothing of.
  const reachesArticle = (word: string): boolean =>
    [word, ...verbForms.infinitives(word)].some((form) => [...(thesaurus?.lookup(stem(form, language))?.keys() ?? [])].some((term) => context.indexTerms.has(term)));
  const strength = (word: string): number => (inCorpus(word) ? 2 : reachesArticle(word) ? 1 : 0);
  for (const token of new Set(tokens)) {
    if (token.length < MIN_TYPED_FIX || /\d/.test(token) || misspeltAs.has(token) || !isContentWord(token, language) || isWord(token) || inCorpus(token)) continue;
    capitalised ??= new Set(capitalisedWords(question).filter((w) => w.name || w.acronym).map((w) => w.word));
    if (capitalised.has(token) || spelledLikeName(token, context.vocabulary, 1)) {
      // A name, or the article's word one letter off, typed as a name ("Russsie", "Amirral"): the
      // article's word, when it is the only one that near.
      const near = new Set(context.vocabulary.words.filter((w) => editDistance(token, w.surface, 1) <= 1).map((w) => w.surface));
      if (near.size === 1) fixes.set(token, [...near][0]!);
      continue;
    }
    const words = remembered(ownLanguageCorrections, context.vocabulary, `${language.code}:${token}`, () => [...oneEditAway(token)].filter(isWord));
    if (!words.length) continue;
    const fix = pickCorrection(words, token, strength)[0];
    if (fix) fixes.set(token, fix);
  }
  return fixes;
}

/** Corrections found by `ownLanguageTypoFixes`, per vocabulary (the questions' typos come back). */
const ownLanguageCorrections = new WeakMap<object, Map<string, string[]>>();

/** The weight of a lexicon key's strongest target (0 for a key it lacks): how well it translates. */
function strongestTarget(lexicon: BilingualLexicon, key: string): number {
  return Math.max(0, ...(lexicon.lookup(key)?.values() ?? []));
}

/** The lexicon keys nearest to a misspelt word's stem (see `correctTypo`); remembered per lexicon. */
function lexiconTypoFixes(token: string, sourceStem: string, lexicon: BilingualLexicon, fitsContext: (key: string) => boolean): string[] {
  const budget = typoBudget(sourceStem.length);
  const nearest = remembered(corrections, lexicon, token, () =>
    nearestCandidates(sourceStem, lexicon.keysOfLength(sourceStem.length - budget, sourceStem.length + budget)),
  );
  // Of equally near words, one that makes a phrase with its neighbours wins (aircraft carier → carrier, not carer).
  const inPhrase = nearest.filter(fitsContext);
  if (inPhrase.length === 1) return inPhrase;
  return pickCorrection(nearest, token, (key) => strongestTarget(lexicon, key));
}

/**
 * An inflected form the stemmer kept ("disputent") counts almost as much as its stem ("disput"),
 * and a pivot's or synonym's 0.6 stays a focus-strength match (0.55) in the article's own form:
 * riconosce → reconnaître 0.6 → "reconnu" 0.552 (0.9 put it just under).
 */
const INFLECTED_WEIGHT = 0.92;

/**
 * A verb made from the one a dictionary gives with a prefix that keeps its sense ("fly" → voler →
 * s'envoler): a focus-strength match (0.55) when the dictionary's verb is a first translation,
 * weaker than the verb itself (0.75 gave the same answers on the development sets).
 */
const PREFIXED_WEIGHT = 0.6;

/**
 * A word of the same family and meaning that the stemmer keeps apart ("soigner" → "soins",
 * "blesser" → "blessures"): a focus-strength match, below the word itself.
 */
const RELATED_WEIGHT = 0.8;

const NO_TERMS: ReadonlyMap<string, readonly string[]> = new Map();

function withInflected(
  concept: Concept,
  inflected: ReadonlyMap<string, readonly string[]>,
  prefixed: ReadonlyMap<string, readonly string[]>,
  related: ReadonlyMap<string, readonly string[]> = NO_TERMS,
  kinds: ReadonlyMap<string, readonly string[]> = NO_TERMS,
): Concept {
  let terms: Map<string, number> | null = null;
  for (const [term, weight] of concept.terms) {
    for (const compound of kinds.get(term) ?? []) {
      terms ??= new Map(concept.terms);
      if ((terms.get(compound) ?? 0) < weight * KIND_WEIGHT) terms.set(compound, weight * KIND_WEIGHT);
    }
    for (const relative of related.get(term) ?? []) {
      terms ??= new Map(concept.terms);
      if ((terms.get(relative) ?? 0) < weight * RELATED_WEIGHT) terms.set(relative, weight * RELATED_WEIGHT);
      // A verb relative the article writes only inflected (soutien → soutenir → "soutenu").
      for (const form of inflected.get(relative) ?? []) {
        if ((terms.get(form) ?? 0) < weight * RELATED_WEIGHT * INFLECTED_WEIGHT) terms.set(form, weight * RELATED_WEIGHT * INFLECTED_WEIGHT);
      }
    }
    for (const form of inflected.get(term) ?? []) {
      terms ??= new Map(concept.terms);
      if ((terms.get(form) ?? 0) < weight * INFLECTED_WEIGHT) terms.set(form, weight * INFLECTED_WEIGHT);
    }
    for (const form of prefixed.get(term) ?? []) {
      terms ??= new Map(concept.terms);
      if ((terms.get(form) ?? 0) < weight * PREFIXED_WEIGHT) terms.set(form, weight * PREFIXED_WEIGHT);
    }
  }
  return terms ? { ...concept, terms } : concept;
}

/**
 * The acronym a name reaches through the article's apposition (see withAppositions): less than the
 * name itself, so that of two paragraphs alike the one that writes the name wins ("who runs the
 * government in Tripoli": ¶1's "basé à Tripoli et dirigé par"). Measured on the development and
 * blind sets: at 0.8, 5 more right and 5 fewer wrong; at 1, as many right and 2 more wrong.
 */
const APPOSITION_WEIGHT = 0.8;

/**
 * "The Tripoli government", "die Regierung in Tripolis": a name the article gives an acronym it
 * defines ("gouvernement d'union nationale (GNA) basé à Tripoli"), asked about beside a word of
 * that acronym's definition, names the acronym's organisation: wherever the article writes "GNA",
 * it writes that name's government. The name's concept reaches the acronym as well.
 */
function withAppositions(concepts: readonly Concept[], vocabulary: SurfaceVocabulary): Concept[] {
  const out = [...concepts];
  for (const [acronym, names] of vocabulary.acronymAppositions) {
    const definition = vocabulary.definedAcronyms.get(acronym) ?? [];
    const defines = (c: Concept): boolean => !c.name && definition.some((term) => (c.terms.get(term) ?? 0) >= FOCUS_STRENGTH);
    if (!concepts.some(defines)) continue;
    out.forEach((concept, k) => {
      const given = Math.max(0, ...names.map((name) => concept.terms.get(name) ?? 0));
      if (!concept.name || given < FOCUS_STRENGTH || concept.terms.has(acronym)) return;
      out[k] = { ...concept, terms: new Map([...concept.terms, [acronym, given * APPOSITION_WEIGHT]]) };
    });
  }
  return out;
}

/**
 * In a question for a name ("who is …"), a word asked about that is qualified by a word the
 * article does not have ("the Russian interior minister", "el ministro de Asuntos Exteriores")
 * names someone the article does not: its match is weakened under a focus match, so the
 * article's minister of defence does not answer. Measured on the development sets: 0.5 declined
 * more traps and no answerable question; 0.3 lost one.
 */
const QUALIFIED_FACTOR = 0.5;

/** Whether a term (a group: every member) is one of the corpus's index terms. */
function inIndexOf(context: QueryContext): (term: string) => boolean {
  return (term) => term.split(GROUP_SEPARATOR).every((member) => context.indexTerms.has(member));
}

/**
 * What a question's word keeps when it reaches only what an article's compound acts on ("plane":
 * the avions of porte-avions): under a focus match. Measured on all own sets: 7 fewer wrong answers
 * ("quel jour les soldats ont-ils pris l'avion": ¶5, the carrier), 3 more right, none lost; for
 * every compound's second part (porte-parole's "parole" too), "chi ha parlato …" was lost.
 */
const COMPOUND_PART_FACTOR = 0.5;

/** Content words apart at most this far for "capital" and its country ("capitale de la Russie": 3). */
const CAPITAL_REACH = 3;

/**
 * "La capitale russe", "la capital rusa", "capital of Russia", "Russian capital": a word for a
 * capital with its country's name or adjective, beside it or an article and "of" away, names the
 * capital city the corpus writes (Moscou), as the city's name would. Both words become one name
 * concept; `termsOf` gives a token's terms in the corpus language (its direct translations).
 */
function namedCapitals(
  concepts: Concept[],
  spans: [number, number][],
  tokens: readonly string[],
  isContent: (token: string) => boolean,
  termsOf: (i: number) => readonly string[],
  capitals: ReadonlyMap<string, readonly string[]>,
): void {
  const known = new Map<number, readonly string[]>();
  const termsAt = (i: number): readonly string[] => {
    let terms = known.get(i);
    if (!terms) known.set(i, (terms = termsOf(i)));
    return terms;
  };
  const cityOf = (a: number, b: number): string | null => {
    for (const first of termsAt(a)) for (const second of termsAt(b)) {
      const city = capitals.get(`${first}${GROUP_SEPARATOR}${second}`) ?? capitals.get(`${second}${GROUP_SEPARATOR}${first}`);
      if (city?.length === 1) return city[0]!;
    }
    return null;
  };
  for (let a = 0; a < tokens.length; a++) {
    if (!isContent(tokens[a]!)) continue;
    let b = a + 1;
    while (b < tokens.length && b - a <= CAPITAL_REACH && !isContent(tokens[b]!)) b++;
    if (b >= tokens.length || b - a > CAPITAL_REACH) continue;
    const city = cityOf(a, b);
    if (!city) continue;
    const at = (i: number): number => spans.findIndex(([start, end]) => start <= i && i < end);
    const [first, second] = [at(a), at(b)];
    if (first < 0 || second < 0) continue;
    const label = first === second ? concepts[first]!.label : `${concepts[first]!.label} ${concepts[second]!.label}`;
    const merged: Concept = { label, terms: new Map([[city, 1]]), name: true };
    const span: [number, number] = [Math.min(spans[first]![0], spans[second]![0]), Math.max(spans[first]![1], spans[second]![1])];
    for (const k of [...new Set([first, second])].sort((x, y) => y - x)) {
      concepts.splice(k, 1);
      spans.splice(k, 1);
    }
    concepts.push(merged);
    spans.push(span);
  }
}

/** Whether some of `terms` reach the article as a focus word: a weak synonym is no match. */
function reachesAsFocus(terms: Iterable<[string, number]>, inIndex: (term: string) => boolean): boolean {
  for (const [term, weight] of terms) if (weight >= FOCUS_STRENGTH && inIndex(term)) return true;
  return false;
}

/** The concept with its terms (those `which` picks, by default all) at `factor` of their weight. */
function weakened(concept: Concept, factor: number, which: (term: string) => boolean = () => true): Concept {
  return { ...concept, terms: new Map([...concept.terms].map(([term, weight]) => [term, which(term) ? weight * factor : weight])) };
}

/** Indexes of the concepts qualified by a word that reaches nothing in the article (see QUALIFIED_FACTOR). */
function qualifiedByUnknown(
  language: Language,
  concepts: readonly Concept[],
  spans: readonly [number, number][],
  tokens: readonly string[],
  isContent: (token: string) => boolean,
  inIndex: (term: string) => boolean,
  /** The two words a compound is made of (Außenminister → außen + minister), or null. */
  compound: (token: string) => [string, string] | null,
  /** Whether a single word of the question's language reaches the article as a focus word. */
  wordReaches: (word: string) => boolean,
): Set<number> {
  const conceptAt = new Map<number, number>();
  spans.forEach(([start, end], k) => {
    for (let i = start; i < end; i++) if (!conceptAt.has(i)) conceptAt.set(i, k);
  });
  const reaches = (k: number): boolean => reachesAsFocus(concepts[k]!.terms, inIndex);
  const unknownAt = (i: number): boolean => {
    const k = conceptAt.get(i);
    return k !== undefined && !concepts[k]!.name && !reaches(k);
  };
  const neighbour = (from: number, step: number, skip: number): number | null => {
    for (let i = from + step, skipped = 0; i >= 0 && i < tokens.length; i += step) {
      if (isContent(tokens[i]!)) return i;
      if (++skipped > skip) return null;
    }
    return null;
  };
  // Where a language puts what qualifies a noun: right before it ("interior minister",
  // "Außenminister" split, "Premier ministre"), and in Romance languages also after it, across a
  // preposition ("ministro de Asuntos Exteriores", "ministre des Affaires étrangères").
  const after = ROMANCE.has(language.code);
  const qualified = new Set<number>();
  spans.forEach(([start, end], k) => {
    if (concepts[k]!.name) return;
    // A compound qualifies its own last word: "Außenminister" is no minister the article names.
    const parts = end - start === 1 ? compound(tokens[start]!) : null;
    if (parts && wordReaches(parts[1]) && !wordReaches(parts[0])) qualified.add(k);
    if (!reaches(k)) return;
    const left = neighbour(start, -1, 0);
    const right = after ? neighbour(end - 1, 1, 1) : null;
    if ((left !== null && unknownAt(left)) || (right !== null && unknownAt(right))) qualified.add(k);
  });
  // In Romance languages an adjective may stand between a noun and what qualifies it ("ministre
  // russe des Affaires étrangères"): a noun whose next word is so qualified is qualified too.
  if (after) {
    spans.forEach(([, end], k) => {
      if (concepts[k]!.name || qualified.has(k) || !reaches(k)) return;
      const right = neighbour(end - 1, 1, 0);
      const next = right === null ? undefined : conceptAt.get(right);
      if (next !== undefined && next !== k && qualified.has(next)) qualified.add(k);
    });
  }
  return qualified;
}

const ROMANCE = new Set(['fr', 'es', 'it', 'pt']);

function addAll(terms: Map<string, number>, targets: ReadonlyMap<string, number> | undefined, factor: number): void {
  if (!targets) return;
  for (const [term, weight] of targets) {
    const w = weight * factor;
    if (w > (terms.get(term) ?? 0)) terms.set(term, w);
  }
}

/**
 * Turns a question into concepts over the corpus's index terms (Pirkola's structured
 * queries). In the corpus language each content word is its own stem, with its thesaurus
 * synonyms at a lower weight; from another language, each word (or dictionary phrase) becomes
 * the set of its translations. A word no source knows is taken for a typo and corrected
 * towards the words that can reach the corpus. Spelling similarity carries names and cognates
 * across languages (Moscow → Moscou).
 */
export function buildQuery(typed: string, language: Language, context: QueryContext, resources: QueryResources): AnalysedQuery {
  const query = analyseQuestion(typed, language, context, resources);
  const asked = withoutFraming(typed, language, query, context);
  return asked === null ? query : analyseQuestion(asked, language, context, resources);
}

/** Where a message's sentences end: their marks, brackets, a line, an emoji (chat ends a clause with one). */
const SENTENCE_END = /[.!?¿¡;…()[\]\n\p{Extended_Pictographic}]+/u;

/**
 * A message's clauses: its sentences, each cut at a comma or before "and" with a question word
 * ("I read the article and what was …"). After a colon that follows a question word, the rest of
 * the sentence is one clause that is never framing: it spells out the question ("How did they
 * travel: by land, by sea or by air?"); after another colon ("hey, quick question: …"), the
 * sentence goes on being cut.
 */
function clausesOf(typed: string, language: Language): { text: string; framable: boolean }[] {
  const cut = (text: string) => text.split(/,\s|:/u).flatMap((part) => splitBeforeQuestionWord(part, language)).map((part) => ({ text: part, framable: true }));
  return typed.split(SENTENCE_END).flatMap((sentence) => {
    const colon = sentence.indexOf(':');
    const head = colon < 0 ? sentence : sentence.slice(0, colon);
    if (colon < 0 || !words(head).some((word) => isInterrogative(word, language))) return cut(sentence);
    return [...cut(head), { text: sentence.slice(colon + 1), framable: false }];
  });
}

/**
 * The question without the clauses that only frame it ("for my homework:", "(asking for a
 * friend)", "ok so I'm trying to understand,", "I just read the article and …"): a clause with no question word,
 * no number, no name and no word that reaches the article at focus strength ("homework" reaches
 * "engagement" only through far senses), beside one that has such a word. Such words say nothing
 * the article could answer, yet counted as words it lacks. Null when there is no such clause.
 */
function withoutFraming(typed: string, language: Language, query: AnalysedQuery, context: QueryContext): string | null {
  const held = new Set(query.concepts.filter((c) => c.name || reachesAsFocus(c.terms, inIndexOf(context))).flatMap((c) => c.label.split(' ')));
  if (!held.size) return null;
  const clauses = clausesOf(typed, language);
  const framing = ({ text, framable }: { text: string; framable: boolean }): boolean => {
    const tokens = words(text);
    return framable && tokens.length > 0 && !tokens.some((token) => held.has(token) || /\d/.test(token) || isInterrogative(token, language));
  };
  const kept = clauses.filter((clause) => !framing(clause));
  if (!kept.some((clause) => words(clause.text).some((token) => held.has(token)))) return null;
  const asked = kept.map((clause) => clause.text).join(', ');
  return kept.length < clauses.length ? asked : null;
}

/** Words between "and" and the question word it brings in ("and in which part", "et depuis quel"). */
const AND_LOOKAHEAD = 3;

/** "and" (in the question's language) a few words before a question word begins a new clause: "I read the article and what was …". */
function splitBeforeQuestionWord(clause: string, language: Language): string[] {
  const and = AND[language.code];
  if (!and) return [clause];
  let pattern = andPatterns.get(language.code);
  if (!pattern) andPatterns.set(language.code, (pattern = new RegExp(`(?<!\\p{L})(?:${and})\\s+((?:\\p{L}+[\\s’']+){0,${AND_LOOKAHEAD - 1}}\\p{L}+)`, 'giu')));
  for (const match of clause.matchAll(pattern)) {
    if (match.index === 0 || !words(match[1]!).some((word) => isInterrogative(word, language))) continue;
    return [clause.slice(0, match.index), ...splitBeforeQuestionWord(clause.slice(match.index + match[0].length - match[1]!.length), language)];
  }
  return [clause];
}

const AND: Record<string, string> = { en: 'and|but|so', fr: 'et|mais|alors', es: 'y|pero|entonces', de: 'und|aber|also', it: 'e|ma|allora', pt: 'e|mas|entao|então' };

/** `AND` as the pattern `splitBeforeQuestionWord` looks for, by language code, built on first use. */
const andPatterns = new Map<string, RegExp>();

function analyseQuestion(typed: string, language: Language, context: QueryContext, resources: QueryResources): AnalysedQuery {
  // A question typed all in capitals says nothing by its capitals (no name, no acronym, no German
  // noun): it is read as typed in lower case, so capitals never change the answer.
  // Numbers written out in words above ten are read as the digits a text writes ("seventy": 70).
  // Formulas of politeness are no part of the question ("grazie mille" is no thousand).
  const question = withYearsNamed(numbersAsDigits(withoutFormulas(/\p{Ll}/u.test(typed) ? typed : typed.toLowerCase(), language), language), language, context.referenceYear ?? null);
  const { lexicon, thesaurus, known, verbForms } = resources;
  const sameLanguage = language === context.corpusLanguage;
  const inIndex = inIndexOf(context);
  const plainTokens = words(question);
  // A word of the language: its stem is known, or it is a form of a known verb (sostiene → sostenere).
  const isWord = (t: string): boolean => known.has(stem(t, language)) || verbForms.infinitives(t).length > 0;
  const isKnown = (t: string): boolean => isWord(t) || context.indexTerms.has(stem(t, context.corpusLanguage));
  // Misspelt function words, question words and type nouns ("cauntas", "dstance"), and other
  // forms of a type noun ("distances"; "distânca" stems like distância), read as the words they
  // stand for: dropped like them, and the answer type read through them.
  const misspeltAs = new Map<string, string>();
  for (const token of plainTokens) {
    if (!isContentWord(token, language) || misspeltAs.has(token)) continue;
    const typeNoun = typeNounOfStem(token, stem(token, language), language);
    if (typeNoun) {
      misspeltAs.set(token, typeNoun);
      continue;
    }
    if (known.empty) continue;
    const word = misspeltFunctionWord(token, language, isKnown, TYPE_NOUN_WORDS);
    // A name of the article misspelt ("hafter") is not a misspelt function word ("after"), unless
    // the name is further off than the function word.
    if (word && !spelledLikeName(token, context.vocabulary, 1)) misspeltAs.set(token, word);
  }
  // In the article's own language, a misspelt word of the language is read as that word ("soutiiennent").
  const ownTypos = sameLanguage && !known.empty ? ownLanguageTypoFixes(plainTokens, language, isWord, context, resources, misspeltAs, question) : null;
  // The question as its cues are read: misspelt function and question words as the words they stand for.
  const cueQuestion = misspeltAs.size || ownTypos?.size ? plainTokens.map((t) => misspeltAs.get(t) ?? ownTypos?.get(t) ?? t).join(' ') : question;
  const type = answerType(cueQuestion, language);
  const isVerbOf = (token: string): boolean => infinitiveCandidates(token, language).some((infinitive) => known.has(stem(infinitive, language)));
  const separable = sameLanguage ? null : joinSeparableParticle(plainTokens, language, isVerbOf);
  const tokens = separable
    ? separable.tokens.flatMap((token) => compoundParts(token, language, known) ?? [token])
    : ownTypos?.size
      ? plainTokens.map((token) => ownTypos.get(token) ?? token)
      : plainTokens;
  // The noun that names what is asked for ("which hospital"); "how many other wounded",
  // "combien d'autres blessés": the noun comes after.
  let askedAt = askedNounAt(misspeltAs.size ? tokens.map((token) => misspeltAs.get(token) ?? token) : tokens);
  while (askedAt !== null && askedAt + 1 < tokens.length && isNotNoun(tokens[askedAt]!, language)) askedAt++;
  // A kind no text writes out ("what event", "dans quel but") is not searched for, like a type noun.
  const unwrittenKind = askedAt !== null && isUnwrittenKind(tokens[askedAt]!) ? tokens[askedAt]! : null;
  if (unwrittenKind) askedAt = null;
  const capitals = capitalisedWords(question);
  const shape: WordShape = {
    // A name the question writes in lower case ("the weather in paris") is still a name, not a
    // look-alike of the article's "partis": capitals never change the answer.
    names: new Set([...capitals.filter((w) => w.name).map((w) => w.word), ...capitals.filter((w) => resources.names?.has(w.word)).map((w) => w.word)]),
    acronyms: new Set(capitals.filter((w) => w.acronym).map((w) => w.word)),
  };
  // A first name the question's language spells its own way (Sergei, Sergueï) is compared with
  // the article's names as a name, not held to a known word's closer spelling.
  const knownForSpelling = (token: string): boolean => isWord(token) && !(shape.names.has(token) && resources.names?.has(token) === true);
  const accented = accentedContentWords(question, language);
  // The lower-case particle of a hyphenated name (al-Sarraj, el-Sisi, ben-Ali) is part of the name.
  // Written in lower case too ("al-sarraj"), when the word it joins is a name of the article,
  // misspelt or not ("al-sararj").
  const particles = new Set(
    [...question.matchAll(/(?<![\p{L}\p{N}])(\p{Ll}{1,3})-(\p{L}+)/gu)]
      .filter((m) => {
        const joined = fold(m[2]!);
        return /^\p{Lu}/u.test(m[2]!) || context.vocabulary.isNameStem(stem(joined, context.corpusLanguage)) || spelledLikeName(joined, context.vocabulary, 2);
      })
      .map((m) => fold(m[1]!)),
  );
  // Stop words the question uses as nouns ("the east" is fine; "l'est", "el este" need the article).
  const mask = contentMask(tokens, language, separable ? [] : hyphenatedWords(question).joined);
  const asNouns = new Set(tokens.filter((token, i) => mask[i] && !isContentWord(token, language)));
  // A compound of the article written apart ("porte avions") keeps its parts, stop words or not ("avions").
  tokens.forEach((token, i) => {
    const next = tokens[i + 1];
    if (next && context.vocabulary.isCompound(token, next)) for (const part of [token, next]) if (!isContentWord(part, language)) asNouns.add(part);
  });
  const definition = asksDefinition(cueQuestion);
  const units = valuedDateNouns(tokens);
  const isContent = (token: string): boolean =>
    (isContentWord(token, language) || accented.has(token) || asNouns.has(token)) && !isTypeNoun(token, type) && !(type === 'person' && (isNameNoun(token, language) || isNamingVerb(token))) && !isLightVerb(token, language) && !misspeltAs.has(token) && token !== unwrittenKind && !(definition && isDefinitionWord(token, language)) && !units.has(token);
  // A verb of the question ("sont partis") does not match a noun its stem also spells ("la majeure partie").
  const nounOnly = context.nounOnly ?? new Set<string>();
  const verbAt = (i: number): boolean => nounOnly.size > 0 && i > 0 && (BEFORE_VERBS[language.code]?.has(tokens[i - 1]!) ?? false);
  const concepts: Concept[] = [];
  // Where each concept sits among the tokens, to find the words that qualify it.
  const spans: [number, number][] = [];
  const covered = new Array<boolean>(tokens.length).fill(false);
  let translated = false;
  // A capitalised word no source knows (Haftar, Sarraj) or a number; "Government of National
  // Accord" is capitalised too, but made of words the language knows: those are focus words.
  const looksLikeName = (token: string): boolean =>
    /^\d+$/.test(token) || particles.has(token) || ((shape.names.has(token) || shape.acronyms.has(token)) && !isWord(token));

  for (const { start, end, stems } of expandedAcronyms(tokens, isContent, context.vocabulary)) {
    concepts.push({ label: tokens.slice(start, end).join(' '), terms: new Map([...stems].map((s) => [s, 1])), name: true });
    spans.push([start, end]);
    for (let i = start; i < end; i++) covered[i] = true;
  }

  // Typos are corrected before translation, so that a phrase still matches ("aircraft carier").
  const typoKeys = new Map<string, string>();
  if (!sameLanguage && lexicon && !known.empty) {
    for (const token of new Set(tokens)) {
      const sourceStem = stem(token, language);
      if (!isContent(token) || isWord(token) || /\d/.test(token) || context.indexTerms.has(stem(token, context.corpusLanguage))) continue;
      const at = tokens.indexOf(token);
      const neighbour = (i: number): string | null => (i >= 0 && i < tokens.length ? stem(tokens[i]!, language) : null);
      const [before, after] = [neighbour(at - 1), neighbour(at + 1)];
      const fitsContext = (key: string): boolean =>
        (before !== null && lexicon.lookup(`${before} ${key}`) !== undefined) || (after !== null && lexicon.lookup(`${key} ${after}`) !== undefined);
      // One of the article's acronyms, its letters in this language's order (LNA for ANL), is no
      // typo: read as one, it became a word one letter off and a focus word.
      const look = new Map<string, number>();
      acronymMatches(token, shape, context.vocabulary, look, false);
      if ([...look.keys()].some(inIndex)) continue;
      // A word of the language one letter off is what was meant, rather than a look-alike of the
      // article's ("noveber" is november, not "nouveau"), unless it is one of the article's names
      // one letter off ("hafar" is Haftar, not "afar").
      const typed = spelledLikeName(token, context.vocabulary, 1) ? null : typedTypoFix(token, language, lexicon, fitsContext, (word) => verbForms.infinitives(word));
      if (typed) {
        typoKeys.set(token, typed);
        continue;
      }
      // A name or a cognate of the article (Kadhafi, Choïgou) is not a typo.
      spellingMatches(token, shape, context.vocabulary, look, false);
      if ([...look.keys()].some(inIndex)) continue;
      const fixes = lexiconTypoFixes(token, sourceStem, lexicon, fitsContext);
      if (fixes.length === 1) typoKeys.set(token, fixes[0]!);
    }
  }
  // A capitalised typo of a known word is that word, not a name: German capitalises every noun
  // (Spreher), English the names of groups (Islamst).
  const isNameLike = (token: string): boolean => !typoKeys.has(token) && looksLikeName(token);

  if (!sameLanguage && lexicon) {
    // German nouns are capitalised: a capitalised word (Macht) is not taken for a verb's form (macht).
    const infinitives = (token: string): string[] =>
      language.code === 'de' && shape.names.has(token) ? [] : [...verbForms.infinitives(token), ...infinitiveCandidates(token, language)];
    const keyOf = (token: string): string => typoKeys.get(token) ?? wordKey(token, language);
    // Words read as an acronym are not translated again (an empty token is no word).
    const uncovered = tokens.map((token, i) => (covered[i] ? '' : token));
    for (const translation of lexicon.translate(uncovered, isContent, infinitives, keyOf)) {
      const sourceWords = tokens.slice(translation.start, translation.start + translation.length);
      const terms = new Map<string, number>();
      // A corrected typo counts as the word it stands for. Measured on about 3,400 right answers of
      // the own sets retyped with one typo: at 0.92 of its weight 164 changed (41 wrong), at full
      // weight 148 (38 wrong), no other answer changed; below it, a focus-strength translation
      // ("support": soutenu at 0.55) stopped being one for "spuport".
      addAll(terms, translation.targets, 1);
      const joined = separable?.joined;
      if (joined && translation.length === 1 && translation.source === joined.verb) {
        addAll(terms, lexicon.translate([joined.base], isContent, infinitives, keyOf)[0]?.targets, SEPARATED_BASE_WEIGHT);
      }
      // A phrase that reaches nothing in the article (see readRestricted) is not matched by its
      // words' spellings either; nor one a dictionary translates as a whole ("porta-voz" is
      // "porte-parole": its "porta" is not the "porte" of "porte-avions"); nor one with a word
      // that reaches nothing ("prime minister": not the article's "ministre" by its spelling).
      const wholeOrNothing =
        translation.length > 1 &&
        (translation.targets.size === 0 ||
          Math.max(...translation.targets.values()) >= WHOLE_PHRASE ||
          sourceWords.some((word) => isContent(word) && !lexicon.translate([word], isContent, infinitives, keyOf)[0]?.targets.size));
      for (const word of sourceWords) {
        if (!isContent(word) || wholeOrNothing) continue;
        spellingMatches(word, shape, context.vocabulary, terms, knownForSpelling(word));
        acronymMatches(word, shape, context.vocabulary, terms, isWord(word));
      }
      if (verbAt(translation.start)) withoutNounOnly(terms, nounOnly);
      for (let i = 0; i < translation.length; i++) covered[translation.start + i] = true;
      concepts.push({ label: translation.source, terms, name: sourceWords.every(isNameLike) });
      spans.push([translation.start, translation.start + translation.length]);
      translated = true;
    }
  }

  // In the article's language, one of its compounds ("porte-parole", "porte avions") is one
  // word asked about, as a translation of "spokesman" is: not a "porte" and a "parole".
  if (sameLanguage) {
    tokens.forEach((token, i) => {
      const next = tokens[i + 1];
      if (!next || covered[i] || covered[i + 1] || !context.vocabulary.isCompound(token, next)) return;
      const whole = stem(token + next, context.corpusLanguage);
      if (!context.indexTerms.has(whole)) return;
      const group = [token, next].map((part) => stem(part, context.corpusLanguage)).join(GROUP_SEPARATOR);
      concepts.push({ label: `${token} ${next}`, terms: new Map([[whole, 1], [group, 1]]), name: false });
      spans.push([i, i + 2]);
      covered[i] = covered[i + 1] = true;
    });
  }

  tokens.forEach((token, i) => {
    if (covered[i] || !isContent(token)) return;
    const terms = new Map<string, number>();
    const own = stem(token, context.corpusLanguage);
    const inCorpus = context.indexTerms.has(own);
    // Numbers and names are written alike in every language; in the corpus language, so is everything.
    if (sameLanguage || inCorpus) terms.set(own, 1);
    if (sameLanguage) {
      addAll(terms, thesaurus?.lookup(own), THESAURUS_WEIGHT);
      // An irregular form reaches the article's other forms of its verb (tiennent → tenir) and its synonyms.
      // A preposition kept whole ("contre") is no form of the verb it is spelt like (contrer).
      for (const infinitive of isInvariable(token, language) ? [] : verbForms.infinitives(token)) {
        const lemma = stem(infinitive, language);
        addAll(terms, new Map([[lemma, 1]]), INFLECTED_WEIGHT);
        addAll(terms, thesaurus?.lookup(lemma), THESAURUS_WEIGHT * INFLECTED_WEIGHT);
      }
    }
    acronymMatches(token, shape, context.vocabulary, terms, isWord(token));
    if (!sameLanguage && lexicon && !inCorpus && ![...terms.keys()].some(inIndex)) translatedAcronymMatches(token, shape, context.vocabulary, lexicon, terms, isWord(token));
    if (!sameLanguage && !inCorpus) spellingMatches(token, shape, context.vocabulary, terms, knownForSpelling(token));
    // In the article's own language, a word it does not know may still be one of its names spelt
    // another way ("Shoigu" for Choïgou): compared with its names only ("demain" is no "mains").
    else if (sameLanguage && !inCorpus && !isWord(token)) spellingMatches(token, { names: new Set([token]), acronyms: shape.acronyms }, context.vocabulary, terms, false);
    const reached = [...terms.keys()].some(inIndex);
    // Not a word of the language as far as any source knows: most likely a typo. Questions in other
    // languages had theirs corrected before translation (typoKeys); here, the corpus language's,
    // against the corpus's words as written: a typo is in the written form (gouvernment →
    // gouvernement), which its stem may not show (gouvernment stays whole, gouvernement is gouvern).
    if (sameLanguage && !known.empty && (isWord(token) ? !reachesAsFocus(terms, inIndex) : !reached)) {
      const surfaces = context.vocabulary.words;
      // A word whose stem some word of the language shares ("avins": avinés) is still a typo of the
      // article's word one edit away as typed ("avions", "visité").
      const fixes = isWord(token)
        ? remembered(oneEditCorrections, context.vocabulary, token, () =>
            token.length >= MIN_TYPED_FIX ? surfaces.filter((w) => editDistance(token, w.surface, 1) <= 1).map((w) => w.stem) : [],
          )
        : remembered(corrections, context.vocabulary, token, () => {
            const bySurface = correctTypo(token, surfaces.map((w) => w.surface), token).map((surface) => surfaces.find((w) => w.surface === surface)!.stem);
            if (bySurface.length) return bySurface;
            // A typo in a word the article inflects differently ("disupte": disputent) is one edit
            // from it by stem (disupt, disput: the stem the article's form is filed under).
            const typoStem = stem(token, language);
            return typoStem.length >= MIN_STEM_FIX ? correctTypo(typoStem, new Set([...surfaces.map((w) => w.stem), ...context.inflected.keys()]), token) : [];
          });
      for (const fixed of new Set(fixes)) terms.set(fixed, 1);
    }
    // Last: a verb that reaches only such a noun is a word the article does not have, not a typo.
    if (verbAt(i)) withoutNounOnly(terms, nounOnly);
    concepts.push({ label: token, terms, name: isNameLike(token) });
    spans.push([i, i + 1]);
  });

  if (context.capitals?.size) {
    // A token's terms: its own concept's when it has one to itself, else (a word of a phrase) its own translation.
    const strong = (terms: Iterable<[string, number]>): string[] => [...terms].filter(([, weight]) => weight >= WHOLE_PHRASE).map(([term]) => term);
    const termsOf = (i: number): string[] => {
      if (sameLanguage) return [stem(tokens[i]!, context.corpusLanguage)];
      const k = spans.findIndex(([start, end]) => start === i && end === i + 1);
      return strong(k >= 0 ? concepts[k]!.terms : (lexicon?.translate([tokens[i]!], () => true)[0]?.targets ?? []));
    };
    namedCapitals(concepts, spans, tokens, isContent, termsOf, context.capitals);
    // The word for a capital was kept in the lexicon only to be read here ("captain" reaches it too).
    const capitalWords = new Set([...context.capitals.keys()].map((key) => key.split(GROUP_SEPARATOR)[0]!).filter((term) => !inIndex(term)));
    concepts.forEach((concept, k) => {
      if ([...concept.terms.keys()].some((term) => capitalWords.has(term))) concepts[k] = { ...concept, terms: new Map([...concept.terms].filter(([term]) => !capitalWords.has(term))) };
    });
  }
  // "Pris l'avion", "took the plane": what the article writes only as what a compound acts on
  // (the avions of porte-avions, an aircraft carrier) is another thing there, under a focus match,
  // unless the question reaches the compound too (aircraft carrier: port+avion; "porte-avion").
  const compoundOnly = context.compoundOnly;
  if (compoundOnly?.size) {
    const reached = new Set(concepts.flatMap((concept) => [...concept.terms].filter(([, weight]) => weight >= FOCUS_STRENGTH).flatMap(([term]) => term.split(GROUP_SEPARATOR))));
    const partOfOther = (concept: Concept, term: string): boolean =>
      !(compoundOnly.get(term) ?? []).some((before) => reached.has(before)) && ![...concept.terms.keys()].some((other) => other.includes(GROUP_SEPARATOR) && other.split(GROUP_SEPARATOR).includes(term));
    concepts.forEach((concept, k) => {
      const actedOn = (term: string): boolean => compoundOnly.has(term) && partOfOther(concept, term);
      if ([...concept.terms.keys()].some(actedOn)) concepts[k] = weakened(concept, COMPOUND_PART_FACTOR, actedOn);
    });
  }
  // "À l'automne 2016", "in the autumn": the season is its months as the article names them ("En novembre").
  concepts.forEach((concept, k) => {
    const months = seasonMonths(concept.label, language, context.corpusLanguage).map((month) => stem(month, context.corpusLanguage)).filter(inIndex);
    if (months.length) concepts[k] = { ...concept, terms: new Map([...concept.terms, ...months.map((month): [string, number] => [month, SEASON_WEIGHT])]) };
  });
  // "Who commands the LNA": the verb after "who" asks for who does it; a stem the article writes
  // only as a noun of the action ("le commandement général de l'ANL", "gouvernement") names no one
  // doing it, so it stays under a focus match there.
  const whoAt = tokens.findIndex((token) => WHO_WORDS.has(token));
  const agentVerb = whoAt >= 0 && context.actionNounsOnly?.size ? spans.findIndex(([start]) => start === whoAt + 1) : -1;
  if (agentVerb >= 0 && !concepts[agentVerb]!.name) concepts[agentVerb] = weakened(concepts[agentVerb]!, ACTION_NOUN_FACTOR, (term) => context.actionNounsOnly!.has(term));
  const wordReaches = (word: string): boolean => reachesAsFocus(lexicon?.translate([word], () => true)[0]?.targets ?? [], inIndex);
  const qualifiedConcepts =
    type === 'person' && asksForName(cueQuestion, language)
      ? qualifiedByUnknown(language, concepts, spans, tokens, isContent, inIndex, (token) => splitCompound(token, language, known), wordReaches)
      : new Set<number>();
  // Repeated words ("Haftar … Haftar") would count twice; one concept per label.
  const unique = new Map<string, Concept>();
  for (const [k, concept] of concepts.entries()) {
    if (unique.has(concept.label)) continue;
    unique.set(concept.label, qualifiedConcepts.has(k) ? weakened(concept, QUALIFIED_FACTOR) : concept);
  }
  const inflectedConcepts = [...unique.values()].map((concept) => withInflected(concept, context.inflected, context.prefixed, context.related, context.kinds)).map((concept) => {
    // A word matched only through names of the article is a name too (lower-case "haftar").
    const termsHit = [...concept.terms.keys()].filter(inIndex);
    const name = concept.name || (termsHit.length > 0 && termsHit.every((term) => context.vocabulary.isNameStem(term)));
    return { ...concept, name };
  });
  const named = withAppositions(inflectedConcepts, context.vocabulary);
  // "What is Mohamad Ghanim's role", "welche Funktion hat …": someone's role is what the text says
  // they are ("le porte-parole"), whatever word it uses, so the word "role" is not looked for.
  // Not for an organisation's acronym ("la position de l'ANL" is its stance), nor in a question for
  // a date or a duration ("seit wann ist Sarraj im Amt": since when in office).
  const acronym = (concept: Concept): boolean => [...concept.terms.keys()].every((term) => context.vocabulary.definedAcronyms.has(term));
  const someoneNamed = (type === null || type === 'person') && named.some((concept) => concept.name && !/\d/.test(concept.label) && !acronym(concept));
  // … nor the verb that holds it ("che incarico ricopre Shoigu").
  const roleAsked = someoneNamed && named.some((concept) => concept.label.split(' ').every((word) => isRoleWord(word, language)));
  const result = someoneNamed
    ? named.filter((concept) => concept.name || !concept.label.split(' ').every((word) => isRoleWord(word, language) || (roleAsked && isRoleVerb(word, language))))
    : named;
  const reaches = (concept: Concept): boolean => [...concept.terms.keys()].some(inIndex);
  const unmatchedWords = result.filter((c) => !reaches(c)).map((c) => c.label);
  const unmatchedNames = unmatchedWords.filter((label) => label.split(' ').every((word) => word.length >= MIN_NAME_LENGTH && shape.names.has(word) && resources.names?.has(word) === true));
  const conceptAt = (at: number | null): Concept | null => {
    const span = at === null || at >= tokens.length || !isContent(tokens[at]!) ? -1 : spans.findIndex(([start, end]) => start <= at && at < end);
    const label = span >= 0 ? concepts[span]!.label : null;
    return result.find((c) => c.label === label) ?? null;
  };
  // A question for a name asks for the name of a kind: "what are the names of the jihadist groups",
  // "cómo se llaman los grupos yihadistas que …" (the "que" after it is a relative pronoun).
  const namedAt = type === 'person' && asksForName(cueQuestion, language) ? namedKindAt(tokens, language, isContent) : null;
  const kindAt = namedAt !== null && (askedAt === null || namedAt < askedAt || !conceptAt(askedAt)) ? namedAt : askedAt;
  let asked = conceptAt(kindAt);
  // English and German put adjectives before the noun: in "which Russian hospital" the kind
  // asked for is the hospital, found nowhere, not the adjective the article has.
  if (asked && kindAt !== null && ADJECTIVE_FIRST.has(language.code)) {
    const nextAt = kindAt + asked.label.split(' ').length;
    const next = conceptAt(nextAt);
    // … and "which international organisation" asks for a kind no text writes out.
    if (nextAt < tokens.length && isUnwrittenKind(tokens[nextAt]!)) asked = null;
    else if ((asked.name || reaches(asked)) && next && !next.name && !reaches(next)) asked = next;
  }
  // A name, or a word whose best match is one (a lower-case acronym: "lna" → ANL).
  const namelike = (concept: Concept): boolean => {
    const best = [...concept.terms].reduce<[string, number] | null>((top, entry) => (top === null || entry[1] > top[1] ? entry : top), null);
    return concept.name === true || (best !== null && context.vocabulary.isNameStem(best[0]));
  };
  // The words of an acronym the article defines, all in the question ("Exército Nacional Líbio":
  // arme, national, libyen for the ANL) name it as the acronym would.
  const spells = (concept: Concept, term: string): boolean => (concept.terms.get(term) ?? 0) >= SPELLED_OUT_WEIGHT;
  const spelledOut = new Set(
    [...context.vocabulary.definedAcronyms.values()].flatMap((definition) => {
      const spelling = result.filter((c) => definition.some((term) => spells(c, term)));
      return definition.every((term) => spelling.some((c) => spells(c, term))) ? spelling : [];
    }),
  );
  // "How many soldiers does the LNA have": what is counted, whose, and a verb of having or a total.
  const askedTotal =
    type === 'number' &&
    asked !== null &&
    tokens.some((token) => isTotalWord(token, language)) &&
    result.every((c) => c === asked || c.name || namelike(c) || spelledOut.has(c) || c.label.split(' ').every((word) => isTotalWord(word, language)));
  // "Which city", "what day of the week", "welcher russischen Stadt": the kind asked for is the
  // answer type itself. Dates and places only: "how many times" asks for a count, not a kind.
  // An amount of money is always what a question about a cost or a wage asks for, an age what
  // "how old" asks for, a duration what "how long" asks for: only a sentence that gives one answers it.
  const askedType =
    askedTotal ||
    type === 'money' ||
    type === 'age' ||
    type === 'size' ||
    type === 'duration' ||
    (askedAt !== null &&
      (type === 'date' || type === 'place' || type === 'organisation') &&
      (isTypeNoun(tokens[askedAt]!, type) || (ADJECTIVE_FIRST.has(language.code) && askedAt + 1 < tokens.length && isTypeNoun(tokens[askedAt + 1]!, type))));
  // "Which Russian city", "quelle ville russe": the word beside the type noun says which one.
  let typeQualifier: Concept | null = null;
  if (askedType && askedAt !== null && type === 'place') {
    // The type noun first: its adjective follows it, except in English and German ("which city
    // in Russia" is left alone); else the word asked at is the adjective before the type noun.
    const typeNounFirst = isTypeNoun(tokens[askedAt]!, type);
    const qualifierAt = !typeNounFirst ? askedAt : ADJECTIVE_FIRST.has(language.code) ? null : askedAt + 1;
    const qualifier = qualifierAt === null ? null : conceptAt(qualifierAt);
    // Only a word the article writes somewhere, as an adjective would be ("russe", "libyenne"), not
    // a verb the question goes on with ("quelle ville abrite …").
    if (qualifier && !qualifier.label.split(' ').some((word) => isTypeNoun(word, type)) && reachesAsFocus(qualifier.terms, inIndex)) typeQualifier = qualifier;
  }
  // Only a word the language knows says which kind is asked for, typed right or one letter off
  // ("hosptial"); a word no source knows ("sodlai") says nothing of what the article lacks.
  const knownOrNear = (word: string): boolean => isWord(word) || typoKeys.has(word) || [...oneEditAway(word)].some(isWord);
  if (asked?.name || askedType || (asked && !reaches(asked) && !asked.label.split(' ').every(knownOrNear))) asked = null;
  // Spans in question order; two concepts are neighbours when only non-content tokens lie between
  // them. Names are left out: "LNA spokesman" is asked of the spokesman ¶4 names, not of the
  // paragraph that writes "porte-parole de l'ANL" without naming him.
  const order = concepts.map((concept, k) => ({ label: concept.label, span: spans[k]! })).sort((a, b) => a.span[0] - b.span[0]);
  const byLabel = new Map(result.map((concept) => [concept.label, concept]));
  const neighbours: [Concept, Concept][] = [];
  const owned: [Concept, Concept][] = [];
  for (let k = 1; k < order.length; k++) {
    const [left, right] = [order[k - 1]!, order[k]!];
    const between = tokens.slice(left.span[1], right.span[0]);
    const [a, b] = [byLabel.get(left.label), byLabel.get(right.label)];
    if (!a || !b || a === b || between.some(isContent)) continue;
    if (!namelike(a) && !namelike(b)) neighbours.push([a, b]);
    else if (!namelike(a) && namelike(b) && between.some((token) => OF_WORDS.has(token))) owned.push([a, b]);
    // "The GNA's spokesman", and in English a name before a noun: "the GNA spokesman".
    else if (namelike(a) && !namelike(b) && ((between.length === 1 && between[0] === 's') || (!between.length && language.code === 'en'))) owned.push([b, a]);
  }
  return { language, answerType: type, cueQuestion, concepts: result, translated, unmatchedWords, unmatchedNames, asked, askedType, askedTotal, typeQualifier, neighbours, owned };
}
