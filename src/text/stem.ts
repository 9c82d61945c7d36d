import { createRequire } from 'node:module';
import path from 'node:path';
import type { Language } from './languages.js';
import { requireWithCodeCache } from '../code-cache.js';
import { VENDOR_DIR } from '../paths.js';

type Snowball = typeof import('snowball-stemmers');
const require = createRequire(import.meta.url);

// The Snowball algorithms, as the build cuts them to the engine's languages (dist/vendor/snowball.cjs,
// see scripts/bundle-deps.mjs), else the package's bundle of all 24 (860 kB). Loaded as plain
// CommonJS, it skips the ESM loader's scan of its exports (~40 ms of every CLI start), and with
// V8's code cache its compiled code is reused from the previous run.
const snowball = loadSnowball([path.join(VENDOR_DIR, 'snowball.cjs'), require.resolve('snowball-stemmers')]);
/** All 24 algorithms, loaded only for a language the cut file lacks (the data build's Catalan pivot). */
let everySnowball: Snowball | null = null;

function loadSnowball(files: readonly string[]): Snowball {
  for (const file of files) {
    try {
      return requireWithCodeCache(file) as Snowball;
    } catch {
      // Not built (or not readable): the next one.
    }
  }
  return require('snowball-stemmers') as Snowball;
}

function newStemmer(algorithm: string): Stemmer {
  try {
    return snowball.newStemmer(algorithm) as Stemmer;
  } catch {
    everySnowball ??= loadSnowball([require.resolve('snowball-stemmers')]);
    return everySnowball.newStemmer(algorithm) as Stemmer;
  }
}

type Stemmer = { stem(word: string): string };
const stemmers = new Map<string, Stemmer>();
const memo = new Map<string, string>();
/** Stems remembered at most: a bot runs for months on words of every kind, typos included. */
const MAX_MEMO = 50_000;

/**
 * Snowball stem of an already folded word. Snowball expects accents, which `fold` removed;
 * on accent-free input the French stemmer still conflates the inflections that matter for
 * retrieval (blessés/blesse/blessé → bless), and both query and index go through the same path.
 */
/**
 * What folding breaks for the stemmer, mended: French feminine participles lose their accent
 * (basées → basees), and Snowball, which strips "-ées", leaves "-ees" ("base", not "bas" like
 * basé and baser). One "e" less gives it a form it reduces alike (bases → bas).
 */
function unfoldable(word: string, language: Language): string {
  return language.code === 'fr' && word.length >= 5 ? word.replace(/ee(s?)$/, 'e$1') : word;
}

/**
 * Words that do not inflect, kept whole: French prepositions and adverbs that Snowball would cut
 * down to another word's stem ("contre" to the "contr" of contrer and contrée, "devant" to the
 * "dev" of devait, "durant" to the "dur" of durer, "vers" to "ver"). Folded.
 */
const INVARIABLE: Record<string, ReadonlySet<string>> = {
  fr: new Set('contre entre avant apres devant derriere depuis pendant durant malgre selon parmi hors outre sauf envers chez vers sans dessous dessus aupres'.split(' ')),
};

/** Whether a folded word is one of its language's words that do not inflect (see INVARIABLE). */
export function isInvariable(word: string, language: Language): boolean {
  return INVARIABLE[language.code]?.has(word) ?? false;
}

export function stem(word: string, language: Language): string {
  const key = `${language.code}:${word}`;
  const cached = memo.get(key);
  if (cached !== undefined) return cached;
  let stemmer = stemmers.get(language.snowball);
  if (!stemmer) {
    stemmer = newStemmer(language.snowball);
    stemmers.set(language.snowball, stemmer);
  }
  // Numbers and very short tokens are kept whole: "500" must never become "50".
  const result = /\d/.test(word) || word.length < 3 || isInvariable(word, language) ? word : stemmer.stem(unfoldable(word, language));
  if (memo.size >= MAX_MEMO) memo.clear();
  memo.set(key, result);
  return result;
}
