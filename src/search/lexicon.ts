import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Language } from '../text/languages.js';
import { words } from '../text/normalize.js';
import { stem } from '../text/stem.js';
import { isContentWord } from '../text/stopwords.js';
import { findDictionaries, readDictionary, type DictionaryFile } from './freedict.js';

/** Longest headword, in words, that a question is matched against ("aircraft carrier", "how many"). */
const MAX_PHRASE = 3;

/** Key of a word sequence: its stems, so that "wounded"/"wounds" find the entry for "wound". */
function phraseKey(tokens: readonly string[], language: Language): string {
  return tokens.map((token) => stem(token, language)).join(' ');
}

export interface Translation {
  /** The question words that were translated, as folded text. */
  readonly source: string;
  readonly start: number;
  readonly length: number;
  /** Content stems in the target language. */
  readonly targets: ReadonlySet<string>;
}

/**
 * A general bilingual lexicon from one language into the corpus language, built from every
 * FreeDict dictionary of the pair that is installed, in both directions (x→y entries, and y→x
 * entries read backwards), so that either dictionary alone is enough and both together agree.
 */
export class BilingualLexicon {
  private readonly entries = new Map<string, Set<string>>();
  private readonly targetStems = new Map<string, ReadonlySet<string>>();

  constructor(
    readonly source: Language,
    readonly target: Language,
    readonly files: readonly string[],
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** Records that the source phrase can be rendered by the target phrase. */
  add(sourcePhrase: string, targetPhrase: string): void {
    const tokens = words(sourcePhrase);
    if (!tokens.length || tokens.length > MAX_PHRASE) return;
    const key = phraseKey(tokens, this.source);
    let set = this.entries.get(key);
    if (!set) this.entries.set(key, (set = new Set()));
    set.add(targetPhrase);
  }

  /** The entries as plain data (for the cache). */
  dump(): [string, string[]][] {
    return [...this.entries].map(([key, phrases]) => [key, [...phrases]]);
  }

  /** Loads entries produced by `dump`. */
  restore(entries: readonly [string, readonly string[]][]): void {
    for (const [key, phrases] of entries) this.entries.set(key, new Set(phrases));
  }

  // Numbers are dropped: in dictionaries they are sense numbers or chemistry, never translations.
  private stemsOf(targetPhrase: string): ReadonlySet<string> {
    let stems = this.targetStems.get(targetPhrase);
    if (!stems) {
      stems = new Set(
        words(targetPhrase)
          .filter((token) => isContentWord(token, this.target) && !/^\d+$/.test(token))
          .map((token) => stem(token, this.target))
          // A stem that folds onto a function word (contrée → contre) would match "against".
          .filter((s) => isContentWord(s, this.target)),
      );
      this.targetStems.set(targetPhrase, stems);
    }
    return stems;
  }

  /**
   * Translations of a folded token sequence, longest phrases first and without overlap.
   * A single word that is a stop word of the source language is not looked up.
   */
  translate(tokens: readonly string[]): Translation[] {
    const found: Translation[] = [];
    let i = 0;
    while (i < tokens.length) {
      let matched = 0;
      for (let n = Math.min(MAX_PHRASE, tokens.length - i); n >= 1 && !matched; n--) {
        const slice = tokens.slice(i, i + n);
        if (n === 1 && !isContentWord(slice[0] ?? '', this.source)) break;
        if (n > 1 && !slice.some((token) => isContentWord(token, this.source))) continue;
        const phrases = this.entries.get(phraseKey(slice, this.source));
        if (!phrases) continue;
        const targets = new Set<string>();
        for (const phrase of phrases) for (const s of this.stemsOf(phrase)) targets.add(s);
        found.push({ source: slice.join(' '), start: i, length: n, targets });
        matched = n;
      }
      i += matched || 1;
    }
    return found;
  }
}

/** Bumped whenever what is stored (keys, phrase splitting) changes, so old caches are rebuilt. */
const CACHE_FORMAT = 1;

interface CacheFile {
  readonly format: number;
  readonly source: string;
  readonly target: string;
  /** The dictionaries it was built from, as they were: any change invalidates the cache. */
  readonly files: { path: string; size: number; mtimeMs: number }[];
  readonly entries: [string, string[]][];
}

async function fingerprint(files: readonly DictionaryFile[]): Promise<CacheFile['files']> {
  const paths = files.flatMap((f) => [f.index, f.data]);
  return Promise.all(
    paths.map(async (p) => {
      const { size, mtimeMs } = await stat(p);
      return { path: p, size, mtimeMs: Math.round(mtimeMs) };
    }),
  );
}

/**
 * Reads a cached lexicon, or null when there is none or it no longer matches the installed
 * dictionaries. A damaged cache is only a warning: it is rebuilt from the dictionaries.
 */
async function readCache(file: string, expected: Omit<CacheFile, 'entries'>, logger?: Logger): Promise<CacheFile['entries'] | null> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const cache = JSON.parse(raw) as CacheFile;
    const same =
      cache.format === expected.format &&
      cache.source === expected.source &&
      cache.target === expected.target &&
      JSON.stringify(cache.files) === JSON.stringify(expected.files);
    if (!same) return null;
    if (!Array.isArray(cache.entries) || !cache.entries.every((e) => typeof e[0] === 'string' && Array.isArray(e[1]))) {
      throw new Error('entries are malformed');
    }
    return cache.entries;
  } catch (error) {
    logger?.warn({ file, problem: error instanceof Error ? error.message : String(error) }, 'lexicon cache unreadable; rebuilding it from the dictionaries');
    return null;
  }
}

async function writeCache(file: string, content: CacheFile, logger?: Logger): Promise<void> {
  try {
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(content));
    await rename(temporary, file);
  } catch (error) {
    // A read-only cache folder costs speed, not answers.
    logger?.warn({ file, err: error }, 'could not write the lexicon cache');
  }
}

export interface LexiconOptions {
  readonly logger?: Logger;
  /**
   * Folder for a parsed copy of the lexicon (an ignored build artefact, never committed):
   * reading it is several times faster than parsing and stemming the dictionaries.
   */
  readonly cacheDir?: string;
}

/**
 * Loads the lexicon from `source` into `target` from the FreeDict files in `dir`;
 * null when no dictionary of the pair is installed.
 */
export async function loadLexicon(
  dir: string,
  source: Language,
  target: Language,
  options: LexiconOptions = {},
): Promise<BilingualLexicon | null> {
  const { logger, cacheDir } = options;
  const files = findDictionaries(dir, target).filter(
    (f: DictionaryFile) => (f.from === source && f.to === target) || (f.from === target && f.to === source),
  );
  if (!files.length) return null;
  const lexicon = new BilingualLexicon(source, target, files.map((f) => f.index.replace(/\.index$/, '')));
  const started = performance.now();
  const header = { format: CACHE_FORMAT, source: source.iso3, target: target.iso3, files: await fingerprint(files) };
  const cacheFile = cacheDir ? path.join(cacheDir, `${source.iso3}-${target.iso3}.json`) : null;
  const cached = cacheFile ? await readCache(cacheFile, header, logger) : null;
  if (cached) {
    lexicon.restore(cached);
  } else {
    for (const file of files) {
      const forward = file.from === source;
      for (const entry of await readDictionary(file)) {
        for (const translation of entry.translations) {
          if (forward) lexicon.add(entry.headword, translation);
          else lexicon.add(translation, entry.headword);
        }
      }
    }
    if (cacheFile) await writeCache(cacheFile, { ...header, entries: lexicon.dump() }, logger);
  }
  logger?.info(
    { source: source.code, target: target.code, entries: lexicon.size, fromCache: Boolean(cached), ms: Math.round(performance.now() - started) },
    'bilingual lexicon loaded',
  );
  return lexicon;
}
