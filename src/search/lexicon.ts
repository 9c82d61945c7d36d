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

  has(sourceWord: string): boolean {
    return this.entries.has(stem(sourceWord, this.source));
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

/**
 * Loads the lexicon from `source` into `target` from the FreeDict files in `dir`;
 * null when no dictionary of the pair is installed.
 */
export async function loadLexicon(
  dir: string,
  source: Language,
  target: Language,
  logger?: Logger,
): Promise<BilingualLexicon | null> {
  const files = findDictionaries(dir, target).filter(
    (f: DictionaryFile) => (f.from === source && f.to === target) || (f.from === target && f.to === source),
  );
  if (!files.length) return null;
  const lexicon = new BilingualLexicon(source, target, files.map((f) => f.index.replace(/\.index$/, '')));
  const started = performance.now();
  for (const file of files) {
    const forward = file.from === source;
    for (const entry of await readDictionary(file)) {
      for (const translation of entry.translations) {
        if (forward) lexicon.add(entry.headword, translation);
        else lexicon.add(translation, entry.headword);
      }
    }
  }
  logger?.info(
    { source: source.code, target: target.code, entries: lexicon.size, ms: Math.round(performance.now() - started) },
    'bilingual lexicon loaded',
  );
  return lexicon;
}
