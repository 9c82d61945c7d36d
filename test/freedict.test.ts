import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeDictdNumber, findDictionaries, parseEntry, readDictionary } from '../src/search/freedict.js';
import { loadLexicon } from '../src/search/lexicon.js';
import { languageByCode } from '../src/text/languages.js';
import { words } from '../src/text/normalize.js';
import { capturingLogger } from './helpers/log-capture.js';

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

describe('the lexicon cache (an ignored parsed copy of the dictionaries)', () => {
  async function setup() {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dictd-'));
    await writeDictionary(dir, 'freedict-eng-fra', ['wounded /wuːndid/\nblessé\n']);
    const cacheDir = path.join(dir, 'cache');
    return { dir, cacheDir };
  }
  const loadedFromCache = (lines: Record<string, unknown>[]) => lines.filter((l) => l.msg === 'bilingual lexicon loaded').map((l) => l.fromCache);

  it('is written on first use, read afterwards, and rebuilt when a dictionary changes', async () => {
    const { dir, cacheDir } = await setup();
    const capture = capturingLogger('info');
    const first = (await loadLexicon(dir, en, fr, { logger: capture.logger, cacheDir }))!;
    const second = (await loadLexicon(dir, en, fr, { logger: capture.logger, cacheDir }))!;
    expect([...second.translate(['wounded'])[0]!.targets]).toEqual([...first.translate(['wounded'])[0]!.targets]);
    await writeDictionary(dir, 'freedict-eng-fra', ['wounded /wuːndid/\nblessé\n', 'soldier /x/\nsoldat\n']);
    const third = (await loadLexicon(dir, en, fr, { logger: capture.logger, cacheDir }))!;
    expect(third.translate(['soldier'])).toHaveLength(1);
    expect(loadedFromCache(capture.lines)).toEqual([false, true, false]);
  });

  it('survives a corrupt cache file with a warning and rewrites it', async () => {
    const { dir, cacheDir } = await setup();
    await loadLexicon(dir, en, fr, { cacheDir });
    const file = path.join(cacheDir, 'eng-fra.json');
    await writeFile(file, '{"format":1,"entr');
    const capture = capturingLogger('info');
    const lexicon = (await loadLexicon(dir, en, fr, { logger: capture.logger, cacheDir }))!;
    expect([...lexicon.translate(['wounded'])[0]!.targets]).toEqual(['bless']);
    expect(capture.lines.find((l) => l.level === 40)).toMatchObject({ file, msg: expect.stringMatching(/lexicon cache unreadable/) });
    expect(JSON.parse(await readFile(file, 'utf8'))).toHaveProperty('entries');
  });
});
