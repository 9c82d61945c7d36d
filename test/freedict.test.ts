import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeDictdNumber, findDictionaries, parseEntry, readDictionary } from '../src/search/freedict.js';
import { loadLexicon } from '../src/search/lexicon.js';
import { languageByCode } from '../src/text/languages.js';
import { words } from '../src/text/normalize.js';

const en = languageByCode('en')!;
const fr = languageByCode('fr')!;
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const encode = (n: number): string => {
  let out = '';
  do {
    out = B64[n % 64] + out;
    n = Math.floor(n / 64);
  } while (n > 0);
  return out;
};

/** Writes a dictd dictionary (index + gzip data) as FreeDict ships it. */
async function writeDictionary(dir: string, name: string, entries: string[]): Promise<void> {
  let data = '';
  const index: string[] = [];
  for (const entry of entries) {
    const headword = entry.split('\n')[0]!.replace(/\s*\/.*$/, '');
    index.push(`${headword}\t${encode(Buffer.byteLength(data))}\t${encode(Buffer.byteLength(entry))}`);
    data += entry;
  }
  await writeFile(path.join(dir, `${name}.index`), `${index.join('\n')}\n`);
  await writeFile(path.join(dir, `${name}.dict.dz`), gzipSync(Buffer.from(data)));
}

describe('FreeDict dictd files', () => {
  it('decodes dictd base-64 numbers', () => {
    expect(decodeDictdNumber('A')).toBe(0);
    expect(decodeDictdNumber('b')).toBe(27);
    expect(decodeDictdNumber('BA')).toBe(64);
    expect(() => decodeDictdNumber('*')).toThrow(/not a dictd number/);
  });

  it('reads numbered senses, and skips glosses written in the headword language', () => {
    expect(parseEntry('treat /triːt/\n1. guérir, soigner\n2. régaler\n3. traiter\n')).toEqual({
      headword: 'treat',
      translations: ['guérir', 'soigner', 'régaler', 'traiter'],
    });
    expect(parseEntry('verwundet /fɛɐ̯ˈvʊndət/ <adj>\nblessé\nsich eine physische Wunde zugezogen habend\n')).toEqual({
      headword: 'verwundet',
      translations: ['blessé'],
    });
    expect(parseEntry('bleu /blø/ <adj>\n1. blue\n2.  [cul] very rare (steak)\n')?.translations).toEqual(['blue', 'very rare']);
  });

  it('finds installed pairs by file name and reads them in both directions', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dictd-'));
    await writeDictionary(dir, 'freedict-eng-fra', ['wounded /wuːndid/\nblessé\n', 'warship /x/\nnavire de guerre\n']);
    await writeDictionary(dir, 'freedict-fra-eng', ['soin /swɛ̃/ <n, masc>\ncare, concern\n']);
    await writeFile(path.join(dir, 'freedict-xxx-fra.index'), 'ignored\n');
    const found = findDictionaries(dir, fr).map((d) => `${d.from.code}-${d.to.code}`);
    expect(found).toEqual(['en-fr', 'fr-en']);
    expect(await readDictionary(findDictionaries(dir, fr)[1]!)).toEqual([{ headword: 'soin', translations: ['care', 'concern'] }]);

    const lexicon = (await loadLexicon(dir, en, fr))!;
    const translations = lexicon.translate(words('Who visited the warship for medical care of the wounded?'));
    expect(translations.map((t) => [t.source, [...t.targets]])).toEqual([
      ['warship', ['navir', 'guerr']],
      ['care', ['soin']],
      ['wounded', ['bless']],
    ]);
    expect(await loadLexicon(dir, languageByCode('de')!, fr)).toBeNull();
  });

  it('is installed on this machine (CI installs dict-freedict-eng-fra and -fra-eng)', async () => {
    expect(existsSync('/usr/share/dictd/freedict-eng-fra.index')).toBe(true);
    const lexicon = (await loadLexicon('/usr/share/dictd', en, fr))!;
    const wounded = lexicon.translate(['wounded'])[0];
    expect([...wounded!.targets]).toContain('bless');
  });
});
