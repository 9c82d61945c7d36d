import type { Language } from '../text/languages.js';
import { words } from '../text/normalize.js';
import { stem } from '../text/stem.js';
import { isContentWord } from '../text/stopwords.js';
import { wordSimilarity } from '../text/fuzzy.js';
import type { Concept } from './bm25.js';
import type { BilingualLexicon } from './lexicon.js';
import { capitalisedWords, type SurfaceVocabulary } from './analyze.js';

/** Below this a spelling match is more often a coincidence than a name or a cognate (measured in `npm run eval`). */
export const SPELLING_THRESHOLD = 0.88;
/** What `wordSimilarity` returns for different spellings of one skeleton. */
const SAME_SKELETON = 0.99;

export interface QueryContext {
  /** The language the corpus is written in. */
  readonly corpusLanguage: Language;
  readonly vocabulary: SurfaceVocabulary;
  /** Index terms present in the corpus. */
  readonly indexTerms: ReadonlySet<string>;
}

export interface AnalysedQuery {
  readonly language: Language;
  readonly concepts: Concept[];
  /** True when a dictionary carried at least one word into the corpus language. */
  readonly translated: boolean;
  /** Content words that nothing (exact form, dictionary, spelling) connected to the corpus. */
  readonly unmatchedWords: string[];
}

/** How the question writes a word: as a name (capital mid-sentence) or as an acronym. */
interface WordShape {
  readonly names: ReadonlySet<string>;
  readonly acronyms: ReadonlySet<string>;
}

/** Acronyms keep their letters across languages but not always their order (LNA/ANL, NATO/OTAN). */
const ACRONYM_WEIGHT = 0.9;

function spellingMatches(token: string, shape: WordShape, vocabulary: SurfaceVocabulary, terms: Map<string, number>): void {
  if (/^\d+$/.test(token)) return;
  // A name only resembles a word the article also writes as a name ("Trump" is not "troupes");
  // an identical spelling skeleton still counts, since English capitalises more than French does
  // (Islamists/islamistes).
  const nameOnly = shape.names.has(token);
  for (const [surface, surfaceStem] of vocabulary.entries()) {
    const similarity = wordSimilarity(token, surface);
    if (nameOnly && similarity < SAME_SKELETON && !vocabulary.isName(surface)) continue;
    if (similarity >= SPELLING_THRESHOLD && similarity > (terms.get(surfaceStem) ?? 0)) terms.set(surfaceStem, similarity);
  }
  if (shape.acronyms.has(token)) {
    for (const acronymStem of vocabulary.acronymStems(token)) if (!terms.has(acronymStem)) terms.set(acronymStem, ACRONYM_WEIGHT);
  }
}

/**
 * Turns a question into concepts over the corpus's index terms. In the corpus language each
 * content word is its own stem; from another language, each word (or dictionary phrase) becomes
 * the set of its translations. In both cases spelling similarity adds the corpus words a name
 * or cognate matches, which is what carries names across (Moscow → Moscou).
 */
export function buildQuery(
  question: string,
  language: Language,
  context: QueryContext,
  lexicon: BilingualLexicon | null,
): AnalysedQuery {
  const tokens = words(question);
  const capitals = capitalisedWords(question);
  const shape: WordShape = {
    names: new Set(capitals.filter((w) => w.name).map((w) => w.word)),
    acronyms: new Set(capitals.filter((w) => w.acronym).map((w) => w.word)),
  };
  const concepts: Concept[] = [];
  const unmatchedWords: string[] = [];
  const sameLanguage = language === context.corpusLanguage;
  const covered = new Array<boolean>(tokens.length).fill(false);
  let translated = false;

  if (!sameLanguage && lexicon) {
    for (const translation of lexicon.translate(tokens)) {
      const terms = new Map<string, number>();
      for (const target of translation.targets) terms.set(target, 1);
      const sourceWords = tokens.slice(translation.start, translation.start + translation.length);
      for (const word of sourceWords) if (isContentWord(word, language)) spellingMatches(word, shape, context.vocabulary, terms);
      for (let i = 0; i < translation.length; i++) covered[translation.start + i] = true;
      concepts.push({ label: translation.source, terms });
      translated = true;
    }
  }

  tokens.forEach((token, i) => {
    if (covered[i] || !isContentWord(token, language)) return;
    const terms = new Map<string, number>();
    const own = stem(token, context.corpusLanguage);
    const known = context.indexTerms.has(own);
    // Numbers and names are written alike in every language; in the corpus language, so is everything.
    if (sameLanguage || known) terms.set(own, 1);
    if (!sameLanguage || !known) spellingMatches(token, shape, context.vocabulary, terms);
    concepts.push({ label: token, terms });
  });

  // Repeated words ("Haftar … Haftar") would count twice; one concept per label.
  const unique = new Map<string, Concept>();
  for (const concept of concepts) if (!unique.has(concept.label)) unique.set(concept.label, concept);
  const result = [...unique.values()];
  for (const concept of result) {
    if (![...concept.terms.keys()].some((term) => context.indexTerms.has(term))) unmatchedWords.push(concept.label);
  }
  return { language, concepts: result, translated, unmatchedWords };
}
