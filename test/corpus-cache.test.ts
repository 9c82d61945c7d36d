/**
 * The parsed corpus cached under CACHE_DIR/corpus (src/corpus/cache.ts): the same corpus as
 * parsing, an edited, added or removed article parsed afresh, a damaged cache rebuilt silently.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/load.js';
import { PACKAGE_ROOT } from '../src/paths.js';

const A = '---\ndate: 2017-02\nlanguage: fr\nlabel: Libye\n---\n\nPremier paragraphe. Deux phrases ici.\n\n## Suite\n\nDeuxième\nparagraphe sur deux lignes.\n';
const B = '---\ndate: 2018\nlanguage: en\n---\n\nOnly paragraph. With two sentences.\n';

async function setup(): Promise<{ corpusDir: string; cacheDir: string }> {
  const corpusDir = await mkdtemp(path.join(os.tmpdir(), 'corpus-cache-corpus-'));
  const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'corpus-cache-'));
  await writeFile(path.join(corpusDir, 'a.md'), A);
  await writeFile(path.join(corpusDir, 'b.md'), B);
  return { corpusDir, cacheDir };
}

const cached = (cacheDir: string) => readdirSync(path.join(cacheDir, 'corpus')).filter((f) => f.endsWith('.json'));

describe('corpus cache', () => {
  it('gives the corpus parsing gives, first from parsing then from the cache', async () => {
    for (const dir of [path.join(PACKAGE_ROOT, 'corpus'), (await setup()).corpusDir]) {
      const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'corpus-cache-'));
      const parsed = await loadCorpus(dir);
      expect(await loadCorpus(dir, { cacheDir })).toEqual(parsed);
      expect(cached(cacheDir)).toHaveLength(1);
      const fromCache = await loadCorpus(dir, { cacheDir });
      expect(fromCache).toEqual(parsed);
      // The same Language objects as the parser's (the engine compares them by identity).
      expect(fromCache.articles[0]!.language).toBe(parsed.articles[0]!.language);
    }
  });

  it('parses an edited, added or removed article afresh', async () => {
    const { corpusDir, cacheDir } = await setup();
    await loadCorpus(corpusDir, { cacheDir });
    await writeFile(path.join(corpusDir, 'b.md'), B.replace('Only paragraph.', 'Only one paragraph.'));
    let corpus = await loadCorpus(corpusDir, { cacheDir });
    expect(corpus.paragraphs.at(-1)!.text).toBe('Only one paragraph. With two sentences.');
    expect(corpus.paragraphs.at(-1)!.sentences.map((s) => s.text)).toEqual(['Only one paragraph.', 'With two sentences.']);
    await writeFile(path.join(corpusDir, 'c.md'), B);
    corpus = await loadCorpus(corpusDir, { cacheDir });
    expect(corpus.articles.map((a) => a.id)).toEqual(['a', 'b', 'c']);
    await rm(path.join(corpusDir, 'a.md'));
    corpus = await loadCorpus(corpusDir, { cacheDir });
    expect(corpus.articles.map((a) => a.id)).toEqual(['b', 'c']);
    expect(await loadCorpus(corpusDir, { cacheDir })).toEqual(await loadCorpus(corpusDir));
  });

  it.each([
    ['emptied', () => ''],
    ['truncated', (text: string) => text.slice(0, text.length >> 1)],
    ['a quote edited', (text: string) => text.replace('Premier', 'Dernier')],
    ['valid JSON of another shape', () => '{"format":1}'],
  ])('damaged (%s): rebuilt silently', async (_, damage) => {
    const { corpusDir, cacheDir } = await setup();
    const parsed = await loadCorpus(corpusDir);
    await loadCorpus(corpusDir, { cacheDir });
    const [file] = cached(cacheDir);
    const full = path.join(cacheDir, 'corpus', file!);
    const good = readFileSync(full, 'utf8');
    writeFileSync(full, damage(good));
    expect(await loadCorpus(corpusDir, { cacheDir })).toEqual(parsed);
    expect(readFileSync(full, 'utf8')).toBe(good);
  });

  it('reports corpus errors as before, and caches nothing for them', async () => {
    const { corpusDir, cacheDir } = await setup();
    await writeFile(path.join(corpusDir, 'c.md'), B.replace('2018', '18'));
    await expect(loadCorpus(corpusDir, { cacheDir })).rejects.toThrow(/c\.md: front matter "date"/);
    await expect(loadCorpus(corpusDir, { cacheDir })).rejects.toThrow(/c\.md: front matter "date"/);
  });
});
