import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import type { Language } from '../../src/text/languages.js';

/** One FreeDict dictionary in dictd format (`freedict-<from>-<to>.index` + `.dict.dz`). */
export interface DictionaryFile {
  readonly from: Language;
  readonly to: Language;
  readonly index: string;
  readonly data: string;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** dictd's own base-64 numbers (most significant digit first, no padding). */
export function decodeDictdNumber(text: string): number {
  let value = 0;
  for (const char of text) {
    const digit = B64.indexOf(char);
    if (digit < 0) throw new Error(`not a dictd number: ${JSON.stringify(text)}`);
    value = value * 64 + digit;
  }
  return value;
}

/** A headword with the translations of its senses. */
export interface DictionaryEntry {
  readonly headword: string;
  readonly translations: string[];
}

/**
 * Translations of one dictd entry. FreeDict entries start with the headword line
 * (`word /ipa/ <pos>`); a sense is either a numbered line (`2. a, b`) or the first line after
 * the headword. Other lines are glosses or examples in the headword's own language and are
 * skipped: they are definitions, not equivalents.
 */
export function parseEntry(text: string): DictionaryEntry | null {
  const lines = text.split('\n').map((line) => line.trim());
  const head = lines[0];
  if (!head) return null;
  const headword = head.replace(/\s*\/[^/]*\/.*$/, '').replace(/\s*<[^>]*>\s*$/, '').trim();
  const translations: string[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const numbered = /^\d+\.\s*(.*)$/.exec(line);
    if (!numbered && i !== 1) continue;
    const sense = (numbered ? numbered[1] ?? '' : line)
      .replace(/\[[^\]]*\]/g, ' ')
      .replace(/\([^)]*\)/g, ' ')
      .replace(/<[^>]*>/g, ' ');
    for (const item of sense.split(/[,;]/)) {
      const phrase = item.replace(/\s+/g, ' ').trim();
      // Long items are definitions ("sich eine physische Wunde zugezogen habend"), not translations.
      if (phrase && phrase.split(' ').length <= 4 && !/^(see|note|syn|cf)\b/i.test(phrase)) translations.push(phrase);
    }
  }
  return headword && !headword.startsWith('00database') ? { headword, translations } : null;
}

/** Reads every entry of a dictionary. */
export async function readDictionary(file: DictionaryFile): Promise<DictionaryEntry[]> {
  const [indexText, raw] = await Promise.all([readFile(file.index, 'utf8'), readFile(file.data)]);
  const data = file.data.endsWith('.dz') ? gunzipSync(raw) : raw;
  const entries: DictionaryEntry[] = [];
  for (const line of indexText.split('\n')) {
    const [word, offset, length] = line.split('\t');
    if (!word || !offset || !length || word.startsWith('00database')) continue;
    const start = decodeDictdNumber(offset);
    const entry = parseEntry(data.subarray(start, start + decodeDictdNumber(length)).toString('utf8'));
    if (entry?.translations.length) entries.push(entry);
  }
  return entries;
}

/**
 * Whether a listed form is one of the verb's own, not of a synonym listed with it ("gebeten" under
 * bitten, not "gefragt"): past a participle's "ge" (also after a particle: auf-ge-hoben), their
 * first two consonants agree, whatever the vowels do (gebeten/bitten, flog/fliegen).
 */
export function sameRoot(form: string, verb: string): boolean {
  let shared = 0;
  while (shared < form.length && form[shared] === verb[shared]) shared++;
  const bare = form.startsWith('ge', shared) && !verb.startsWith('ge', shared) ? form.slice(0, shared) + form.slice(shared + 2) : form;
  const consonants = (word: string): string => word.replace(/[aeiouyäöü]/g, '').slice(0, 2);
  return consonants(bare).length === 2 && consonants(bare) === consonants(verb);
}

/**
 * The inflected forms FreeDict lists under a verb's entry (`see: {fliegend}, {geflogen}, {er/sie
 * fliegt}, {ich/er/sie flog}`), as (form, infinitive) pairs: the German–English dictionary does so
 * for its verbs. A listed form with its pronouns ("er/sie fliegt") gives its verb; a phrase or an
 * example sentence ("mit dem Flugzeug geflogen", "Das spricht Bände.") gives nothing.
 */
export async function readListedVerbForms(file: DictionaryFile): Promise<[form: string, infinitive: string][]> {
  const raw = await readFile(file.data);
  return listedVerbForms((file.data.endsWith('.dz') ? gunzipSync(raw) : raw).toString('utf8'));
}

/** The (form, infinitive) pairs of a dictionary's text (see readListedVerbForms). */
export function listedVerbForms(text: string): [form: string, infinitive: string][] {
  const pairs: [string, string][] = [];
  let verb: string | null = null;
  for (const line of text.split('\n')) {
    // Every entry opens with its headword and pronunciation; a verb's with a <v…> part of speech.
    const head = /^(\S.*?) \/[^/]*\/(?: <([^>]*)>)?$/.exec(line);
    if (head) {
      verb = /^v\b/.test(head[2] ?? '') && /^\S+$/.test(head[1]!) ? head[1]! : null;
      continue;
    }
    const listed = verb && /^ see: (.*)$/.exec(line);
    if (!verb || !listed) continue;
    for (const [, item = ''] of listed[1]!.matchAll(/\{([^}]*)\}/g)) {
      const form = item.replace(/^(?:(?:ich|du|er|sie|es|wir|ihr)\/)*(?:ich|du|er|sie|es|wir|ihr)\s+/, '');
      if (/^\p{Ll}+$/u.test(form) && form !== verb && sameRoot(form, verb)) pairs.push([form, verb]);
    }
  }
  return pairs;
}
