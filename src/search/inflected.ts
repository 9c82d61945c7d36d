import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeCacheFile } from '../cache-file.js';
import type { Language } from '../text/languages.js';
import { fold } from '../text/normalize.js';
import { stem } from '../text/stem.js';
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

const FORMAT = 4;

/**
 * `inflectedTerms` through a small cache file keyed by the corpus's words and the conjugation
 * table's size and date: looking three hundred words up in a table of fifty thousand forms took
 * ~6 ms of every start, reading the answer back takes a fraction of one. A damaged or missing
 * cache is recomputed (and rewritten if the folder is writable).
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
): Promise<InflectedTerms> {
  const info = await stat(verbFormsFile).catch(() => null);
  const hash = createHash('sha256').update(`inflected ${FORMAT} ${language.code} ${info ? `${info.size}-${Math.round(info.mtimeMs)}` : 'none'}\n`);
  for (const [surface, surfaceStem] of forms) if (terms.has(surfaceStem)) hash.update(`${surface}\t${surfaceStem}\t${isName(surface) ? 'name' : ''}\n`);
  for (const term of terms) hash.update(`${term}\n`);
  for (const text of texts) hash.update(`${text}\0`);
  const file = path.join(cacheDir, `inflected.${hash.digest('hex').slice(0, 24)}.json`);
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as unknown;
    if (Array.isArray(stored) && stored.every((e) => Array.isArray(e) && typeof e[0] === 'string' && Array.isArray(e[1]) && e[1].every((t: unknown) => typeof t === 'string'))) {
      return new Map(stored as [string, string[]][]);
    }
  } catch {
    // Not cached yet, or damaged: recomputed below.
  }
  const computed = inflectedTerms(forms, terms, language, await loadVerbForms(), isName, texts.length ? spellingsOf(texts) : () => []);
  // A read-only cache folder costs speed, not answers.
  await writeCacheFile(file, JSON.stringify([...computed]));
  return computed;
}
