import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import type { Logger } from 'pino';
import { writeCacheFile } from '../cache-file.js';
import { TimeSlices, yieldToEventLoop } from '../event-loop.js';
import type { Language } from '../text/languages.js';
import { isContentWord } from '../text/stopwords.js';
import { singularCandidates } from '../text/inflection.js';
import { stem } from '../text/stem.js';
import { FOCUS_STRENGTH, formatTargets, GROUP_SEPARATOR, MAX_PHRASE, parseTargets, WEIGHT, wordKey } from './lexicon-format.js';
import { SortedLines } from './sorted-lines.js';
import { readGzippedFile, SortedWordList } from './word-list.js';

/** A translation carried on through a synonym is one step further from the question's word. */
const CHAIN_FACTOR = 0.5;

/** Lookups a lexicon remembers (keys and phrases of recent questions). */
const MAX_LOOKED_UP = 20_000;

/**
 * A verb's translations reached from one of its forms through the guessed infinitive: a little
 * weaker, but a pivot's translation (0.6) stays a focus match (0.55), as it is for the infinitive
 * itself. At 0.9, "chi sostiene il GNA", "quem apoia o GNA" reached soutenir at 0.54 and were
 * declined. Measured on the development, held-out and six blind sets (820 answerable questions,
 * 175 to decline): 0.92 and 1 alike, 4 more right (all "who supports the GNA" in Italian and
 * Portuguese), none more wrong, no trap more answered.
 */
const INFINITIVE_WEIGHT = 0.92;

/**
 * A compound of the corpus reached through a word for its kind ("which ship": the article's
 * "porte-avions"): the thing asked about, named more precisely, so a focus match (0.55).
 */
export const KIND_WEIGHT = 0.6;

/**
 * A phrase reaching the corpus only as the acronym of its initials ("nations unies" → ONU): a
 * reading of the phrase, not the dictionary's word, so a little weaker, as a reverse translation.
 */
const ACRONYM_OF_PHRASE = 0.8;

/** Weaker targets than this are noise: a synonym of a pivot's translation, say. */
const MIN_WEIGHT = 0.25;

/** Decompressed bytes parsed in one go while a lexicon loads (a few ms each). */
const CHUNK_SIZE = 64 * 1024;
/** Longest stretch a lexicon is read without letting the event loop turn (a bot's heartbeats, its deferrals). */
const SLICE_MS = 10;

export interface Translation {
  /** The question words that were translated, as folded text. */
  readonly source: string;
  readonly start: number;
  readonly length: number;
  /** Target index terms with their weights (1: a dictionary translation; less: a pivot or a synonym). */
  readonly targets: ReadonlyMap<string, number>;
}

/**
 * A lexicon from one language into the corpus language, read from the shipped data and
 * restricted to what can reach the corpus: only targets that are index terms of the corpus
 * are kept, and only keys that still have one.
 */
export class BilingualLexicon {
  constructor(
    readonly source: Language,
    readonly target: Language,
    /** One line per key, sorted: `key\ttargets` in the file format, parsed on lookup. */
    private readonly entries: SortedLines,
    /** Identifies the data and corpus it was built from (part of the cache keys of lexicons chained through it). */
    readonly fingerprint = '',
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** Single-word keys from `min` to `max` letters long: what a typo of that length may be corrected to. */
  keysOfLength(min: number, max: number): IterableIterator<string> {
    return this.entries.wordsOfLength(min, max);
  }

  private parsedEntries: Map<string, [string, number][]> | null = null;

  /** Every entry parsed, once (for a small lexicon read many times: the thesaurus that others chain through). */
  parsed(): ReadonlyMap<string, readonly [string, number][]> {
    if (!this.parsedEntries) {
      this.parsedEntries = new Map();
      for (let i = 0; i < this.entries.size; i++) {
        const key = this.entries.keyAt(i);
        this.parsedEntries.set(key, [...this.lookup(key)!]);
      }
    }
    return this.parsedEntries;
  }

  /**
   * A single word's targets, with those of the infinitives it may be a form of (see
   * `infinitiveCandidates`), a little weaker: the stemmer does not always meet the dictionary's
   * headword (apoia → apo, apoiar → apoi).
   */
  private lookupWord(key: string, infinitives: readonly string[]): ReadonlyMap<string, number> | undefined {
    let targets = this.lookup(key);
    for (const infinitive of infinitives) {
      const other = stem(infinitive, this.source);
      if (other === key) continue;
      const found = this.lookup(other);
      if (!found) continue;
      const merged = new Map(targets ?? []);
      for (const [term, weight] of found) if ((merged.get(term) ?? 0) < weight * INFINITIVE_WEIGHT) merged.set(term, weight * INFINITIVE_WEIGHT);
      targets = merged;
    }
    return targets;
  }

  /** A single word by its key, else by its bare stem (an agent noun without an entry of its own: "commanders" → command). */
  private lookupSingle(token: string, keyOf: (token: string) => string, infinitives: (token: string) => readonly string[]): ReadonlyMap<string, number> | undefined {
    const key = keyOf(token);
    const forms = infinitives(token);
    const found = this.lookupWord(key, forms);
    if (found) return found;
    const bare = stem(token, this.source);
    const byStem = bare === key ? undefined : this.lookupWord(bare, forms);
    if (byStem) return byStem;
    // A plural the stemmer left whole (Portuguese "armas": the dictionary has "arma").
    for (const singular of singularCandidates(token, this.source)) {
      const other = stem(singular, this.source);
      if (other === key || other === bare) continue;
      const found = this.lookup(other);
      if (found) return found;
    }
    return undefined;
  }

  /**
   * Whether a phrase is a rarer sense than its words: it reaches the corpus only weakly (at most
   * CHAIN_CAP: through synonyms of its translations, or part of a longer one), and nothing its
   * strongest word reaches ("head of", of cattle: a piece, a part; "head": chef). A phrase that
   * agrees with its word keeps it together ("field marshal": maréchal, like "marshal").
   */
  private rarerSense(targets: ReadonlyMap<string, number>, wordTargets: () => readonly (ReadonlyMap<string, number> | undefined)[]): boolean {
    const own = strongest(targets);
    if (!targets.size || own > CHAIN_CAP) return false;
    // The words are looked up only for such a weak phrase, not for every phrase a question holds.
    const strongestWord = wordTargets().reduce<ReadonlyMap<string, number> | undefined>((best, word) => (strongest(word) > strongest(best) ? word : best), undefined);
    if (!strongestWord || strongest(strongestWord) <= own) return false;
    return ![...targets.keys()].some((term) => strongestWord.has(term));
  }

  /**
   * A phrase reached only weakly (at most CHAIN_CAP) that agrees with one of its words, and whose
   * every word reaches the corpus, keeps the terms they share at the word's weight: "power struggle" reaches the article only through a
   * synonym of "lutte pour le pouvoir" (pouvoir at 0.3), "power" reaches "pouvoir" itself. The
   * phrase stays whole, so its other word's unrelated senses ("field": pré) do not come in.
   */
  private asStrongAsItsWords(targets: ReadonlyMap<string, number>, wordTargets: () => readonly (ReadonlyMap<string, number> | undefined)[]): ReadonlyMap<string, number> {
    if (!targets.size || strongest(targets) >= FOCUS_STRENGTH) return targets;
    if (strongest(targets) > CHAIN_CAP) return this.agreeingWithItsWords(targets, wordTargets());
    const words = wordTargets();
    // A phrase with a word that reaches nothing in the corpus names what the corpus does not:
    // "prime minister" (premier ministre) is not the article's minister of defence.
    if (words.some((word) => !word?.size)) return targets;
    let lifted: Map<string, number> | null = null;
    for (const [term, weight] of targets) {
      const best = Math.max(...words.map((word) => word?.get(term) ?? 0));
      if (best <= weight) continue;
      lifted ??= new Map(targets);
      lifted.set(term, best);
    }
    return lifted ?? targets;
  }

  /**
   * A phrase reached by one route only, just under a focus match ("medical treatment": soin at
   * 0.51), whose every target one of its words reaches more strongly ("treatment": soin at 0.6),
   * means what that word means there: it keeps the word's weight. A phrase that reaches anything
   * its words do not ("prime minister") keeps its own.
   */
  private agreeingWithItsWords(targets: ReadonlyMap<string, number>, words: readonly (ReadonlyMap<string, number> | undefined)[]): ReadonlyMap<string, number> {
    const inWord = (term: string): number => Math.max(0, ...words.map((word) => word?.get(term) ?? 0));
    if (![...targets].every(([term, weight]) => inWord(term) > weight)) return targets;
    return new Map([...targets].map(([term]) => [term, inWord(term)]));
  }

  /** Entries already looked up (null: no such key): each question looks up its words and their phrases again. Bounded. */
  private readonly looked = new Map<string, ReadonlyMap<string, number> | null>();

  lookup(key: string): ReadonlyMap<string, number> | undefined {
    let targets = this.looked.get(key);
    if (targets === undefined) {
      if (this.looked.size >= MAX_LOOKED_UP) this.looked.clear();
      const field = this.entries.value(key);
      targets = field === undefined ? null : new Map(parseTargets(field).filter(([term, weight]) => term && weight > 0 && weight <= 1));
      this.looked.set(key, targets);
    }
    return targets ?? undefined;
  }

  /**
   * Translations of a folded token sequence, longest phrases first and without overlap.
   * A single word that is a stop word of the source language is not looked up.
   */
  translate(
    tokens: readonly string[],
    isContent: (token: string) => boolean = (token) => isContentWord(token, this.source),
    infinitives: (token: string) => readonly string[] = () => [],
    /** A token's key (see wordKey), or the key a typo was corrected to. */
    keyOf: (token: string) => string = (token) => wordKey(token, this.source),
  ): Translation[] {
    const found: Translation[] = [];
    let i = 0;
    while (i < tokens.length) {
      let matched = 0;
      for (let n = Math.min(MAX_PHRASE, tokens.length - i); n >= 1 && !matched; n--) {
        const slice = tokens.slice(i, i + n);
        if (n === 1 && !isContent(slice[0] ?? '')) break;
        if (n > 1 && !slice.some(isContent)) continue;
        let targets = n === 1 ? this.lookupSingle(slice[0]!, keyOf, infinitives) : this.lookup(slice.map(keyOf).join(' '));
        if (!targets) continue;
        if (n > 1) {
          const wordTargets = () => slice.filter(isContent).map((token) => this.lookupSingle(token, keyOf, infinitives));
          if (this.rarerSense(targets, wordTargets)) continue;
          targets = this.asStrongAsItsWords(targets, wordTargets);
        }
        found.push({ source: slice.join(' '), start: i, length: n, targets });
        matched = n;
      }
      i += matched || 1;
    }
    return found;
  }
}

/** The weight of a word's strongest target (0 for none). */
function strongest(targets: ReadonlyMap<string, number> | undefined): number {
  let best = 0;
  for (const weight of targets?.values() ?? []) best = Math.max(best, weight);
  return best;
}

export interface LexiconOptions {
  /** The shipped data folder (data/lexicons). */
  readonly dataDir: string;
  /** Index terms of the corpus: entries that reach none of them are not kept. */
  readonly corpusTerms: ReadonlySet<string>;
  /**
   * Folder for the corpus-restricted copy (an ignored build artefact, never committed): a
   * restart reads a few kilobytes instead of parsing the whole lexicon again.
   */
  readonly cacheDir?: string;
  readonly logger?: Logger;
  /**
   * Synonyms inside the target language (its thesaurus, already restricted to the corpus): a
   * translation that the corpus does not use reaches the corpus through them, at their weight
   * (fighter → combattant → soldats).
   */
  readonly synonyms?: BilingualLexicon | null;
  /**
   * Index terms of the acronyms the corpus writes (onu, anl): a translation into a phrase the
   * corpus never spells out ("United Nations" → nations unies) reaches the acronym of its initials.
   */
  readonly acronyms?: ReadonlySet<string>;
  /**
   * The corpus's compounds by the words for their kind (see loadKinds): a translation into such a
   * word ("ship": navire) reaches the compound (porte-avions) at KIND_WEIGHT.
   */
  readonly kinds?: ReadonlyMap<string, readonly string[]>;
}

/** Bumped whenever the cached form changes. */
const CACHE_FORMAT = 9;
/**
 * The most a term reached only through synonyms of translations weighs, however many agree:
 * below a focus match (0.55), so it adds to coverage but never makes an answer by itself
 * (measured on the development set: 0.3, 0.4, 0.45, 0.5; 0.4 answered most, fewest wrongly).
 */
const CHAIN_CAP = 0.4;

/** Restricted entries in file order (sorted by key): key → targets field. */
type Entries = Map<string, string>;

/**
 * The entries as sorted lines: the restricted entries in file order, and the targetless phrases
 * (see readRestricted), merged. Both are sorted when the file is, as the shipped files are; one
 * that is not still loads, sorted here.
 */
async function entriesText({ entries, phrases }: Restricted, slices: TimeSlices): Promise<string> {
  const keys = [...entries.keys()];
  let lines: string[] = [];
  let i = 0;
  let j = 0;
  while (i < keys.length || j < phrases.length) {
    if (slices.due()) await slices.next();
    lines.push(j >= phrases.length || (i < keys.length && keys[i]! <= phrases[j]!) ? `${keys[i]!}\t${entries.get(keys[i++]!)!}\n` : `${phrases[j++]!}\t\n`);
  }
  if (lines.some((line, n) => n > 0 && lineKey(lines[n - 1]!) > lineKey(line))) lines = lines.sort((a, b) => (lineKey(a) < lineKey(b) ? -1 : 1));
  return lines.join('');
}

const lineKey = (line: string): string => line.slice(0, line.indexOf('\t'));

function lexiconFile(dataDir: string, source: Language, target: Language): string {
  return path.join(dataDir, `${source.code}-${target.code}.tsv.gz`);
}

async function readFileOrNull(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch {
    return null;
  }
}

/** Calls `onLine` for every line of a gzipped text file, streaming: the whole text is never in memory at once. */
async function forEachLine(file: string, slices: TimeSlices, onLine: (line: string) => void): Promise<void> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  // Each chunk is parsed in one go (a few milliseconds). Awaiting the next chunk is not enough to
  // let timers and I/O run: chunks the stream has buffered already arrive as microtasks, in one
  // turn of the event loop (60 ms for the English lexicon); so the loop steps aside between slices.
  for await (const chunk of createReadStream(file).pipe(createGunzip({ chunkSize: CHUNK_SIZE })) as AsyncIterable<Buffer>) {
    if (slices.due()) await slices.next();
    const text = rest + decoder.write(chunk);
    let start = 0;
    let end = text.indexOf('\n');
    while (end >= 0) {
      if (end > start) onLine(text.slice(start, end));
      start = end + 1;
      end = text.indexOf('\n', start);
    }
    rest = text.slice(start);
  }
  rest += decoder.end();
  if (rest) onLine(rest);
}

/** A lexicon restricted to a corpus: entries with their targets, and phrases kept without any, each in file order. */
interface Restricted {
  readonly entries: Entries;
  readonly phrases: readonly string[];
}

/** Reads a lexicon file, keeping only targets in `corpusTerms` (directly or through `synonyms`). */
async function readRestricted(file: string, corpusTerms: ReadonlySet<string>, synonyms: BilingualLexicon | null, acronyms: ReadonlySet<string>, kinds: ReadonlyMap<string, readonly string[]>, slices: TimeSlices): Promise<Restricted> {
  const entries: Entries = new Map();
  const chain = synonyms?.parsed() ?? null;
  const kept = new Map<string, number>();
  const keep = (term: string, weight: number): void => {
    if ((kept.get(term) ?? 0) < weight) kept.set(term, weight);
  };
  // What each corpus term reached through a synonym of a translation still misses: several
  // translations agreeing on one term (noisy-or) count for more than any one of them.
  const chained = new Map<string, number>();
  // Phrases that reach nothing in the corpus: see below.
  const unreached: string[] = [];
  // Hand-scanned, not split and parsed: a lexicon has tens of thousands of lines and only a few
  // hundred of them reach a given article.
  await forEachLine(file, slices, (line) => {
    const tab = line.indexOf('\t');
    if (tab <= 0) return;
    kept.clear();
    chained.clear();
    let start = tab + 1;
    while (start < line.length) {
      let end = line.indexOf(' ', start);
      if (end < 0) end = line.length;
      const tilde = line.indexOf('~', start);
      const hasWeight = tilde >= 0 && tilde < end;
      const target = line.slice(start, hasWeight ? tilde : end);
      const weight = hasWeight ? Number(line.slice(tilde + 1, end)) / 100 : 1;
      start = end + 1;
      if (!(weight > 0)) continue;
      if (!target.includes(GROUP_SEPARATOR)) {
        if (corpusTerms.has(target)) keep(target, weight);
        else if (kinds.has(target)) for (const compound of kinds.get(target)!) keep(compound, weight * KIND_WEIGHT);
        else if (chain) {
          // A synonym the dictionaries confirm counts as any other here: stronger, such chains let a
          // question's "hospital" reach the article through hôpital's synonyms (7 traps answered).
          for (const [synonym, strength] of chain.get(target) ?? []) {
            chained.set(synonym, 1 - (1 - (chained.get(synonym) ?? 0)) * (1 - weight * Math.min(strength, WEIGHT.synonym) * CHAIN_FACTOR));
          }
        }
        continue;
      }
      const group = target.split(GROUP_SEPARATOR);
      const present = group.filter((term) => corpusTerms.has(term));
      if (present.length === group.length) {
        // The whole phrase may occur: kept as a group, matched only where all its words are.
        keep(target, weight);
      } else if (present.length) {
        // Part of a phrase is a weaker match of its words, in proportion to the share present.
        const share = weight * (present.length / group.length);
        if (share >= MIN_WEIGHT) keep(present.join(GROUP_SEPARATOR), share);
      } else {
        const acronym = acronymOfPhrase(group, acronyms);
        if (acronym) keep(acronym, weight * ACRONYM_OF_PHRASE);
      }
      // A French phrase names its kind first ("navire de guerre"): of that kind, the corpus's compound.
      if (present.length < group.length) for (const compound of kinds.get(group[0]!) ?? []) keep(compound, weight * KIND_WEIGHT);
    }
    for (const [synonym, weight] of chained) if (weight >= MIN_WEIGHT) keep(synonym, Math.round(Math.min(CHAIN_CAP, weight) * 100) / 100);
    if (kept.size) entries.set(line.slice(0, tab), formatTargets(kept));
    else if (line.lastIndexOf(' ', tab) > 0) unreached.push(line.slice(0, tab));
  });
  // A phrase the dictionaries know means what its words alone do not: "foreign minister" is not
  // "minister". One that reaches nothing in the corpus is kept without targets, so a question's
  // phrase is read as a whole and stays unmatched, rather than matched on one of its words (the
  // article's minister of defence). Only phrases with a word that reaches the corpus matter.
  const phrases: string[] = [];
  for (const phrase of unreached) {
    if (slices.due()) await slices.next();
    if (phrase.split(' ').some((word) => entries.has(word))) phrases.push(phrase);
  }
  return { entries, phrases };
}

/**
 * The corpus acronym a phrase of several words stands for: the initials of its words in order,
 * or those after one leading word a name often drops ("Organisation des Nations unies": ONU for
 * "nations unies"). Null when none, or more than one, fits.
 */
export function acronymOfPhrase(group: readonly string[], acronyms: ReadonlySet<string>): string | null {
  if (group.length < 2) return null;
  const initials = group.map((term) => term[0]).join('');
  const fitting = [...acronyms].filter((acronym) => acronym === initials || (acronym.length === initials.length + 1 && acronym.endsWith(initials)));
  return fitting.length === 1 ? fitting[0]! : null;
}

/**
 * Loads the shipped lexicon from `source` into `target`, restricted to the corpus; null when
 * no lexicon of the pair ships. The restricted copy is cached, keyed by the data file's size
 * and modification time and the corpus terms; a damaged cache is only a warning and is rebuilt.
 */
export async function loadLexicon(source: Language, target: Language, options: LexiconOptions): Promise<BilingualLexicon | null> {
  const { dataDir, corpusTerms, cacheDir, logger } = options;
  const synonyms = options.synonyms ?? null;
  const acronyms = options.acronyms ?? new Set<string>();
  const kinds = options.kinds ?? new Map<string, readonly string[]>();
  const started = performance.now();
  const file = lexiconFile(dataDir, source, target);
  // Keyed by the data file's size and modification time, not its content: reading and hashing a
  // megabyte or two on every start cost a CLI question more than the cached copy saves.
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return null;
  const key = createHash('sha256')
    .update(`${CACHE_FORMAT}\n`)
    .update(`${path.basename(file)} ${info.size} ${info.mtimeMs}\n`)
    .update(synonyms ? `synonyms ${synonyms.fingerprint} ${CHAIN_FACTOR} ${MIN_WEIGHT}\n` : 'no synonyms\n')
    .update(`acronyms ${[...acronyms].sort().join(' ')} ${ACRONYM_OF_PHRASE}\n`)
    .update(`kinds ${[...kinds].map(([kind, compounds]) => `${kind}:${compounds.join(',')}`).sort().join(' ')} ${KIND_WEIGHT}\n`)
    .update([...corpusTerms].sort().join(' '))
    .digest('hex')
    .slice(0, 16);
  const cacheFile = cacheDir ? path.join(cacheDir, `${source.code}-${target.code}.${key}.tsv`) : null;
  let entries: SortedLines | null = null;
  if (cacheFile) {
    const cached = await readFileOrNull(cacheFile);
    if (cached) {
      try {
        const text = cached.toString('utf8');
        if (text && !text.endsWith('\n')) throw new Error('truncated');
        entries = SortedLines.fromText(text, true);
      } catch (error) {
        logger?.warn({ file: cacheFile, problem: error instanceof Error ? error.message : String(error) }, 'lexicon cache unreadable; rebuilding it');
      }
    }
  }
  const fromCache = entries !== null;
  if (!entries) {
    const slices = new TimeSlices(SLICE_MS);
    const text = await entriesText(await readRestricted(file, corpusTerms, synonyms, acronyms, kinds, slices), slices);
    // Indexing the lines is the next long step (~10 ms for 50,000 lines): the event loop turns first.
    await yieldToEventLoop();
    entries = SortedLines.fromText(text, true);
    // A read-only cache folder costs speed, not answers.
    const failed = cacheFile ? await writeCacheFile(cacheFile, text) : null;
    if (failed) logger?.warn({ file: cacheFile, err: failed }, 'could not write the lexicon cache');
  }
  logger?.info(
    { source: source.code, target: target.code, entries: entries.size, fromCache, ms: Math.round(performance.now() - started) },
    'lexicon loaded',
  );
  return new BilingualLexicon(source, target, entries, key);
}

/** What typo correction asks of a word list. */
export interface WordList {
  /** True when the list has no word (no list ships for the language). */
  readonly empty: boolean;
  has(word: string): boolean;
}

/** The word list of a language none ships for. */
export const NO_WORDS: WordList = Object.freeze({ empty: true, has: () => false });

/**
 * Every stem the shipped sources know in a language (to tell a typo from a real word that
 * simply does not occur in the article); an empty list when none ships. The file is sorted
 * by code unit, as the build writes it.
 */
export async function loadKnownStems(dataDir: string, language: Language, cacheDir: string | null = null): Promise<WordList> {
  return loadWordList(dataDir, `${language.code}.words`, cacheDir);
}

/**
 * The words a language's sources only ever write with a capital (Paris, Moscow): names, however a
 * question writes them. None ship for German, which capitalises every noun.
 */
export async function loadProperNames(dataDir: string, language: Language, cacheDir: string | null = null): Promise<WordList> {
  return loadWordList(dataDir, `${language.code}.names`, cacheDir);
}

/**
 * Stems a verb of `language` shares with a noun of another meaning that is also one of its forms
 * ("part": partir, to leave, and partie, a part). Only French ships (the corpus language).
 */
export async function loadHomographStems(dataDir: string, language: Language, cacheDir: string | null = null): Promise<WordList> {
  return loadWordList(dataDir, `${language.code}.homographs`, cacheDir);
}

/**
 * The corpus's index terms by the stems of their relatives: words of one family and meaning that
 * the stemmer keeps apart (soign → soin: "soigner", "soins"). Only French ships; empty without it.
 */
export async function loadRelatedStems(dataDir: string, language: Language, indexTerms: ReadonlySet<string>, cacheDir: string | null = null): Promise<Map<string, string[]>> {
  return loadReachedTerms(dataDir, `${language.code}.related`, indexTerms, cacheDir);
}

/**
 * The compounds of the corpus by the words for their kind (navir, bateau → port+avion: a
 * "navire" asked about is the article's "porte-avions"). Only French ships; empty without it.
 */
export async function loadKinds(dataDir: string, language: Language, indexTerms: ReadonlySet<string>, cacheDir: string | null = null): Promise<Map<string, string[]>> {
  return loadReachedTerms(dataDir, `${language.code}.kinds`, indexTerms, cacheDir);
}

/**
 * The corpus's capital cities by the words that describe them: `capital+russ` → moscou ("la
 * capitale russe"), from `<language>.capitals.gz`; only cities the corpus names.
 */
export async function loadCapitals(dataDir: string, language: Language, indexTerms: ReadonlySet<string>, cacheDir: string | null = null): Promise<Map<string, string[]>> {
  return loadReachedTerms(dataDir, `${language.code}.capitals`, indexTerms, cacheDir);
}

/** Lines `key<TAB>term term …` of a shipped file, each with the terms the corpus has (a group: all its members), if any. */
async function loadReachedTerms(dataDir: string, name: string, indexTerms: ReadonlySet<string>, cacheDir: string | null): Promise<Map<string, string[]>> {
  const text = await readGzippedFile(path.join(dataDir, `${name}.gz`), name, cacheDir);
  const reached = new Map<string, string[]>();
  for (const line of text?.split('\n') ?? []) {
    const [key, terms] = line.split('\t');
    const present = terms?.split(' ').filter((term) => term.split(GROUP_SEPARATOR).every((member) => indexTerms.has(member))) ?? [];
    if (key && present.length) reached.set(key, present);
  }
  return reached;
}

async function loadWordList(dataDir: string, name: string, cacheDir: string | null): Promise<WordList> {
  const text = await readGzippedFile(path.join(dataDir, `${name}.gz`), name, cacheDir);
  return text === null ? NO_WORDS : new SortedWordList(text);
}
