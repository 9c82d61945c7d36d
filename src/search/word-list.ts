import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { writeCacheFile } from '../cache-file.js';

const MAX_REMEMBERED = 20_000;

/**
 * A shipped word list (`<code>.words.gz`: one stem a line, sorted by code unit) as typo
 * correction reads it: a few `has` per question. Looked up by binary search over the text
 * itself, so nothing is indexed at load (a list of eighty thousand lines took ~6 ms to index
 * on every CLI start for a handful of lookups).
 */
export class SortedWordList {
  constructor(private readonly text: string) {}

  /** No word at all (no list ships for the language). */
  get empty(): boolean {
    return !/[^\n]/.test(this.text);
  }

  /** Answers already looked up: questions ask about the same words again and again. Bounded. */
  private readonly answers = new Map<string, boolean>();

  has(word: string): boolean {
    let known = this.answers.get(word);
    if (known === undefined) {
      if (this.answers.size >= MAX_REMEMBERED) this.answers.clear();
      known = findSortedLine(this.text, word) !== null;
      this.answers.set(word, known);
    }
    return known;
  }
}

/**
 * Binary search over text whose lines are sorted by key in code-unit order (a key is the line up
 * to its first tab, or the whole line): the rest of the line after the key's tab ('' when the
 * line is the key alone), or null. Nothing is indexed: a start-up lookup of a few hundred words
 * costs less than indexing a list of fifty thousand lines.
 */
export function findSortedLine(text: string, key: string): string | null {
  // [lo, hi): character range still searched; lo is always the start of a line.
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = mid === 0 ? 0 : text.lastIndexOf('\n', mid - 1) + 1;
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    const tab = line.indexOf('\t');
    const lineKey = tab < 0 ? line : line.slice(0, tab);
    if (lineKey === key) return tab < 0 ? '' : line.slice(tab + 1);
    if (lineKey < key) lo = end + 1;
    else hi = start;
  }
  return null;
}

const gunzipAsync = promisify(zlib.gunzip);
const crc32 = (zlib as { crc32?: (data: string | Uint8Array) => number }).crc32 ?? null;

/**
 * The text of a gzipped data file, decompressed once into `cacheDir` (`<name>.<size>-<mtime of
 * the compressed file>.txt`, its first line the byte length and CRC-32 of the rest): decompressing
 * a word list costs ~10 ms on every start, reading it back ~1, and the compressed file is not even
 * read then. A damaged or missing copy is rewritten; a failed write only costs speed. Without a
 * cache folder (or before Node 20.15, which lacks `zlib.crc32`) the file is decompressed every
 * time. Null when the file does not exist.
 */
export async function readGzippedFile(compressedFile: string, name: string, cacheDir: string | null): Promise<string | null> {
  const info = await stat(compressedFile).catch(() => null);
  if (!info?.isFile()) return null;
  if (!cacheDir || !crc32) return (await gunzipAsync(await readFile(compressedFile))).toString('utf8');
  const file = path.join(cacheDir, `${name}.${info.size}-${Math.round(info.mtimeMs)}.txt`);
  try {
    const cached = await readFile(file);
    const headerEnd = cached.indexOf(10);
    const body = cached.subarray(headerEnd + 1);
    if (headerEnd > 0 && cached.subarray(0, headerEnd).toString('latin1') === header(body)) return body.toString('utf8');
  } catch {
    // Not cached yet.
  }
  const body = await gunzipAsync(await readFile(compressedFile));
  // A read-only cache folder: decompressed again next time.
  await writeCacheFile(file, Buffer.concat([Buffer.from(`${header(body)}\n`, 'latin1'), body]));
  return body.toString('utf8');
}

function header(body: Uint8Array): string {
  return `words ${body.length} ${(crc32!(body) >>> 0).toString(16)}`;
}
