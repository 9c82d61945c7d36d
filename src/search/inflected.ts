import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeCacheFile } from '../cache-file.js';
import type { Language } from '../text/languages.js';
import { fold } from '../text/normalize.js';
import { isInvariable, stem } from '../text/stem.js';
import type { VerbForms } from './verb-forms.js';

/** Index terms that are forms of a verb the stemmer does not bring back to it, by the stem of the verb's infinitive. */
export type InflectedTerms = ReadonlyMap<string, readonly string[]>;

/**
 * Index terms that are verb forms the Snowball stemmer does not bring back to their verb's stem,
 * keyed by the stem of the infinitive (what a dictionary translates into): "reconnu" under
 * reconnaître's, "parviennent" under parvenir's. From the shipped conjugation tables; for a verb
 * they lack, French keeps the third person plural "-ent" (disputent) because nouns end so too,
 * and past participles in "-u" (soutenu).
 */
export function inflectedTerms(
  forms: Iterable<readonly [surface: string, stem: string]>,
  terms: ReadonlySet<string>,
  language: Language,
  verbForms: VerbForms,
  isName: (surface: string) => boolean = () => false,
  /** How the corpus writes a folded word, accents kept (armes, armés); none known: any spelling. */
  spellings: (surface: string) => readonly string[] = () => [],
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (root: string, term: string): void => {
    const known = out.get(root) ?? [];
    if (root !== term && !known.includes(term)) out.set(root, [...known, term]);
  };
  for (const [surface, surfaceStem] of forms) {
    // A word written with a capital mid-sentence is a name or part of one ("Armée nationale
    // libyenne"), not the participle it is spelt like (armée, of armer).
    if (!terms.has(surfaceStem) || isName(surface)) continue;
    // A preposition kept whole is no form of the verb it is spelt like ("contre" of contrer,
    // "entre" of entrer): "land" reaching "contrée" must not reach "en guerre contre".
    if (isInvariable(surface, language)) continue;
    const spelt = spellings(surface);
    const found = spelt.length ? spelt.flatMap((spelling) => verbForms.infinitives(surface, spelling)) : verbForms.infinitives(surface);
    for (const infinitive of found) add(stem(infinitive, language), surfaceStem);
  }
  if (language.code !== 'fr') return out;
  for (const term of terms) {
    if (term.length >= 7 && term.endsWith('ent')) add(stem(term.slice(0, -2), language), term);
    // Past participles in -u (soutenu, retenu) keep their ending; their verb stems without it (soutenir → souten).
    if (term.length >= 6 && term.endsWith('u')) add(term.slice(0, -1), term);
  }
  return out;
}

/** French prefixes that make a verb from a verb and keep its sense ("away", "into"): s'envoler, emporter, enlever. */
const SENSE_KEEPING_PREFIXES = ['en', 'em'];
/** A shorter base (nier, lier) is too often not the verb inside the longer one. */
const MIN_BASE_VERB = 5;

/**
 * Index terms that are forms of a verb made from another verb with a prefix that keeps its sense,
 * keyed by the stem of the base verb: "envol" (s'envoler, to fly away) under "vol" (voler, to
 * fly), which is what dictionaries give for "fly", "volar" or "fliegen". Both verbs must be in
 * the conjugation tables, so "envoy" (envoyer) is not taken for a form of "voyer".
 */
export function prefixedVerbTerms(terms: ReadonlySet<string>, language: Language, infinitives: ReadonlySet<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (language.code !== 'fr') return out;
  for (const term of terms) {
    for (const ending of ['er', 'ir', 're']) {
      const verb = term + ending;
      const prefix = SENSE_KEEPING_PREFIXES.find((p) => verb.startsWith(p));
      if (!prefix || stem(verb, language) !== term || !infinitives.has(verb)) continue;
      const base = verb.slice(prefix.length);
      if (base.length < MIN_BASE_VERB || !infinitives.has(base)) continue;
      const baseStem = stem(base, language);
      if (baseStem === term) continue;
      out.set(baseStem, [...(out.get(baseStem) ?? []), term]);
    }
  }
  return out;
}

/** How texts write each of their folded words: lower case, accents kept ("armés" and "armes" are both "armes" folded). */
export function spellingsOf(texts: readonly string[]): (surface: string) => readonly string[] {
  const spellings = new Map<string, Set<string>>();
  for (const text of texts) {
    for (const token of text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
      const folded = fold(token);
      let set = spellings.get(folded);
      if (!set) spellings.set(folded, (set = new Set()));
      set.add(token);
    }
  }
  return (surface) => [...(spellings.get(surface) ?? [])].sort();
}

const FORMAT = 6;

/** What the corpus's verbs add to the index terms a dictionary target reaches. */
export interface CorpusVerbTerms {
  /** Forms the stemmer left inflected, by their infinitive's stem (see `inflectedTerms`). */
  readonly inflected: InflectedTerms;
  /** Verbs made from another with a sense-keeping prefix, by the base verb's stem (see `prefixedVerbTerms`). */
  readonly prefixed: InflectedTerms;
}

const isTermLists = (value: unknown): value is [string, string[]][] =>
  Array.isArray(value) && value.every((e) => Array.isArray(e) && typeof e[0] === 'string' && Array.isArray(e[1]) && e[1].every((t: unknown) => typeof t === 'string'));

/**
 * `inflectedTerms` and `prefixedVerbTerms` through a small cache file keyed by the corpus's words
 * and the conjugation table's size and date: looking three hundred words up in a table of fifty
 * thousand forms took ~6 ms of every start, reading the answer back takes a fraction of one. A
 * damaged or missing cache is recomputed (and rewritten if the folder is writable).
 */
export async function cachedInflectedTerms(
  forms: readonly (readonly [surface: string, stem: string])[],
  terms: ReadonlySet<string>,
  language: Language,
  verbFormsFile: string,
  cacheDir: string,
  loadVerbForms: () => Promise<VerbForms>,
  isName: (surface: string) => boolean = () => false,
  /** The corpus's texts, whose spellings (accents kept) decide which words are verb forms; read only when the cache misses. */
  texts: readonly string[] = [],
): Promise<CorpusVerbTerms> {
  const info = await stat(verbFormsFile).catch(() => null);
  const hash = createHash('sha256').update(`inflected ${FORMAT} ${language.code} ${info ? `${info.size}-${Math.round(info.mtimeMs)}` : 'none'}\n`);
  for (const [surface, surfaceStem] of forms) if (terms.has(surfaceStem)) hash.update(`${surface}\t${surfaceStem}\t${isName(surface) ? 'name' : ''}\n`);
  for (const term of terms) hash.update(`${term}\n`);
  for (const text of texts) hash.update(`${text}\0`);
  const file = path.join(cacheDir, `inflected.${hash.digest('hex').slice(0, 24)}.json`);
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as { inflected?: unknown; prefixed?: unknown } | null;
    if (stored && isTermLists(stored.inflected) && isTermLists(stored.prefixed)) {
      return { inflected: new Map(stored.inflected), prefixed: new Map(stored.prefixed) };
    }
  } catch {
    // Not cached yet, or damaged: recomputed below.
  }
  const verbForms = await loadVerbForms();
  const inflected = inflectedTerms(forms, terms, language, verbForms, isName, texts.length ? spellingsOf(texts) : () => []);
  const prefixed = language.code === 'fr' ? prefixedVerbTerms(terms, language, await verbForms.allInfinitives()) : new Map<string, string[]>();
  // A read-only cache folder costs speed, not answers.
  await writeCacheFile(file, JSON.stringify({ inflected: [...inflected], prefixed: [...prefixed] }));
  return { inflected, prefixed };
}
