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
