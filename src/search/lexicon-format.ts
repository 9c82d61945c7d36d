import type { Language } from '../text/languages.js';
import { stem } from '../text/stem.js';

/**
 * The text format of the shipped lexicon files (data/lexicons/*.tsv.gz), shared by the script
 * that writes them and the engine that reads them. One line per key:
 *
 *   <source stems, space-separated>\t<target stem>[~<weight %>] <target stem>[~<weight %>] …
 *
 * A target without `~` has weight 1 (a direct dictionary translation). A target phrase of several
 * words is one group of stems joined by `+` ("porte-parole" → `port+parol`): the engine keeps
 * it in full only where all of its stems occur ("foreign minister" → `ministr+affair+etrang`
 * is not "ministre" alone).
 */

export const GROUP_SEPARATOR = '+';

/** Longest headword, in words, that a question is matched against ("aircraft carrier", "how many"). */
export const MAX_PHRASE = 3;

/**
 * A word asked about (a focus word) counts as found only through a match at least this strong:
 * the word itself, a translation, a pivot or a close synonym, not a synonym of a translation
 * ("old" → "ancien" → "nouveau" does not make "How old is Haftar?" answered). Used by the
 * retriever's focus share, by the question's own reading (see QUALIFIED_FACTOR in query.ts) and
 * by the lexicon's reading of phrases.
 */
export const FOCUS_STRENGTH = 0.55;

/** How much a target counts, by how it was reached. */
export const WEIGHT = {
  /** A dictionary translation of the word itself. */
  direct: 1,
  /** Read backwards from the other language's dictionary, for a word that has entries of its own. */
  reverse: 0.8,
  /** Through a translation into English and English into French. */
  pivot: 0.6,
  /** Through a synonym of the word in its own language. */
  synonym: 0.6,
  /** A French synonym that shares a translation with the word in FreeDict's dictionaries from French. */
  confirmedSynonym: 1,
} as const;

/**
 * Key of one word: its stem, so that "wounded"/"wounds" find the entry for "wound". English
 * agent nouns keep their "-er": the stemmer folds "supporters" onto "support" and "commander"
 * onto "command", whose senses differ (supporters → parti, suite; support → appui).
 */
export function wordKey(token: string, language: Language): string {
  const key = stem(token, language);
  if (language.code !== 'en') return key;
  const singular = token.endsWith('ers') ? token.slice(0, -1) : token;
  return singular === `${key}er` ? singular : key;
}

/** Key of a word sequence: the keys of its words. */
export function phraseKey(tokens: readonly string[], language: Language): string {
  return tokens.map((token) => wordKey(token, language)).join(' ');
}

/** Targets in the file format, strongest first (ties by stem, so the output is deterministic). */
export function formatTargets(targets: ReadonlyMap<string, number>): string {
  const sorted = [...targets].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return sorted.map(([s, w]) => (w >= 1 ? s : `${s}~${Math.round(w * 100)}`)).join(' ');
}

export function formatLexiconLine(key: string, targets: ReadonlyMap<string, number>): string {
  return `${key}\t${formatTargets(targets)}`;
}

/** Parses the targets part of a line into [stem, weight] pairs. */
export function parseTargets(field: string): [string, number][] {
  const out: [string, number][] = [];
  for (const item of field.split(' ')) {
    if (!item) continue;
    const tilde = item.indexOf('~');
    out.push(tilde < 0 ? [item, 1] : [item.slice(0, tilde), Number(item.slice(tilde + 1)) / 100]);
  }
  return out;
}
