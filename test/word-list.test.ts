import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { findSortedLine, readGzippedFile, SortedWordList } from '../src/search/word-list.js';

describe('SortedWordList', () => {
  it('finds exactly the lines of a code-unit-sorted text', () => {
    const words = ['a', 'ab', 'abc', 'b', 'bless', 'blesse', 'zz', 'zzz', 'é', 'œuvr'].sort();
    for (const text of [words.join('\n'), `${words.join('\n')}\n`]) {
      const list = new SortedWordList(text);
      expect(list.empty).toBe(false);
      for (const word of words) expect(list.has(word)).toBe(true);
      for (const word of ['', 'aa', 'abcd', 'bles', 'c', 'zzzz', 'e', 'b\nbless']) expect(list.has(word)).toBe(false);
    }
    expect(new SortedWordList('').empty).toBe(true);
    expect(new SortedWordList('\n').empty).toBe(true);
    expect(new SortedWordList('').has('a')).toBe(false);
  });

  it('agrees with a Set on a large list', () => {
    const words = [...new Set(Array.from({ length: 5000 }, (_, i) => ((i * 2654435761) >>> 0).toString(36)))].sort();
    const list = new SortedWordList(`${words.join('\n')}\n`);
    const set = new Set(words);
    for (let i = 0; i < 3000; i++) {
      const probe = ((i * 40503) >>> 0).toString(36);
      expect(list.has(probe)).toBe(set.has(probe));
    }
    for (const word of words.slice(0, 500)) expect(list.has(word)).toBe(true);
  });
});

describe('findSortedLine', () => {
  it('finds a key before its tab and returns the rest of the line, or null', () => {
    const text = 'pris\tprendre\npu\tpaitre pouvoir\nreconnu\treconnaitre\nzz\n';
    expect(findSortedLine(text, 'pu')).toBe('paitre pouvoir');
    expect(findSortedLine(text, 'reconnu')).toBe('reconnaitre');
    expect(findSortedLine(text, 'pris')).toBe('prendre');
    expect(findSortedLine(text, 'zz')).toBe('');
    for (const key of ['p', 'pri', 'reconnue', 'a', 'zzz', 'prendre']) expect(findSortedLine(text, key)).toBeNull();
  });
});

describe('readGzippedFile', () => {
  async function dataFile(name: string, text: string): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'word-data-'));
    const file = path.join(dir, name);
    writeFileSync(file, gzipSync(text));
    return file;
  }

  it('decompresses once into the cache folder, and rebuilds a damaged copy', async () => {
    const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'word-cache-'));
    const text = 'alpha\nbeta\ngamma\n';
    const data = await dataFile('xx.words.gz', text);
    expect(await readGzippedFile(data, 'xx.words', cacheDir)).toBe(text);
    const [file] = readdirSync(cacheDir);
    expect(file).toMatch(/^xx\.words\./);
    const full = path.join(cacheDir, file!);
    // Read back from the cache (its content is what is returned).
    expect(await readGzippedFile(data, 'xx.words', cacheDir)).toBe(text);
    for (const damage of [(s: string) => s.slice(0, -3), (s: string) => s.replace('beta', 'bexa'), () => '', (s: string) => `${s}delta\n`]) {
      writeFileSync(full, damage(readFileSync(full, 'utf8')));
      expect(await readGzippedFile(data, 'xx.words', cacheDir)).toBe(text);
      expect(readFileSync(full, 'utf8').endsWith(`\n${text}`)).toBe(true);
    }
    // A new version of the data file (another size) is another cache entry.
    writeFileSync(data, gzipSync('one\ntwo\nthree\nfour\n'));
    expect(await readGzippedFile(data, 'xx.words', cacheDir)).toBe('one\ntwo\nthree\nfour\n');
    expect(readdirSync(cacheDir).length).toBe(2);
  });

  it('works without a cache folder, and is null without the file', async () => {
    expect(await readGzippedFile(await dataFile('yy.words.gz', 'x\ny\n'), 'yy.words', null)).toBe('x\ny\n');
    expect(await readGzippedFile(path.join(os.tmpdir(), 'no-such-file.gz'), 'zz.words', null)).toBeNull();
  });
});
