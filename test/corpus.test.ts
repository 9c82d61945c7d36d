import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/load.js';
import { CorpusError, parseArticle, splitSentences } from '../src/corpus/parse.js';
import { PACKAGE_ROOT } from '../src/paths.js';

async function tempCorpus(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'corpus-'));
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
  return dir;
}

describe('the article corpus', () => {
  it('numbers the seven body paragraphs and puts ¶5–¶7 under the subheading', async () => {
    const corpus = await loadCorpus(path.join(PACKAGE_ROOT, 'corpus'));
    expect(corpus.articles).toHaveLength(1);
    const [article] = corpus.articles;
    expect(article!.date).toBe('2017-02');
    expect(article!.language.code).toBe('fr');
    expect(article!.title).toBeNull();
    expect(article!.sections).toEqual(['Deux visites à Moscou en 2016']);
    expect(corpus.paragraphs.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(corpus.paragraphs.map((p) => p.section)).toEqual([null, null, null, null, ...Array(3).fill('Deux visites à Moscou en 2016')]);
    expect(corpus.paragraphs[3]!.text.startsWith('La Russie s’est engagée par ailleurs à prendre en charge 500 blessés supplémentaires')).toBe(true);
  });

  it('keeps the paragraphs that scripts/check-corpus.mjs verified against the seed article', async () => {
    // CI compares corpus/article.md with ../shared/seed/article.txt (outside the repository);
    // this checksum of the verified paragraphs catches any later edit without reading outside.
    const corpus = await loadCorpus(path.join(PACKAGE_ROOT, 'corpus'));
    const digest = createHash('sha256')
      .update(corpus.paragraphs.map((p) => p.text).join('\n\n'))
      .digest('hex');
    expect(digest).toBe('e149432a8b9300c72dfb22231a412e62dc2baaff11aeec7d513c1976a408f19f');
  });

  it('splits sentences with their offsets in the paragraph', () => {
    const text = 'Le 11 janvier, il a visité le navire. En novembre, « il y avait sollicité l’aide ». Fin.';
    const sentences = splitSentences(text, 'fr');
    expect(sentences.map((s) => s.text)).toEqual(['Le 11 janvier, il a visité le navire.', 'En novembre, « il y avait sollicité l’aide ».', 'Fin.']);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('cites several articles separately, by label', async () => {
    const dir = await tempCorpus({
      'a.md': '---\ndate: 2017-02\nlanguage: fr\nlabel: Libye\n---\n\nPremier paragraphe.\n\nDeuxième\nparagraphe sur deux lignes.\n',
      'b.md': '---\ndate: 2018\nlanguage: en\n---\n\nOnly paragraph.\n',
    });
    const corpus = await loadCorpus(dir);
    expect(corpus.articles.map((a) => a.label)).toEqual(['Libye', 'b']);
    expect(corpus.paragraphs.map((p) => p.id)).toEqual(['a#1', 'a#2', 'b#1']);
    expect(corpus.paragraphs[1]!.text).toBe('Deuxième paragraphe sur deux lignes.');
  });

  it.each([
    ['no front matter', 'Just text.\n', /must start with a "---" line/],
    ['unclosed front matter', '---\ndate: 2017-02\n', /not closed/],
    ['missing date', '---\nlanguage: fr\n---\n\nText.\n', /lacks "date"/],
    ['bad date', '---\ndate: February\nlanguage: fr\n---\n\nText.\n', /"date" must be YYYY/],
    ['unknown language', '---\ndate: 2017\nlanguage: xx\n---\n\nText.\n', /"language" must be one of/],
    ['unknown key', '---\ndate: 2017\nlanguage: fr\nauthor: Someone\n---\n\nText.\n', /unknown front matter key\(s\): author/],
    ['no paragraph', '---\ndate: 2017\nlanguage: fr\n---\n\n', /has no paragraph/],
    ['empty section', '---\ndate: 2017\nlanguage: fr\n---\n\nText.\n\n## Section\n', /subheading on line 8 has no paragraph/],
    ['deeper heading', '---\ndate: 2017\nlanguage: fr\n---\n\n# Title\n\nText.\n', /only "## " subheadings/],
  ])('rejects a file with %s, naming the file', (_case, content, problem) => {
    expect(() => parseArticle('corpus/bad.md', 'bad', content)).toThrowError(CorpusError);
    expect(() => parseArticle('corpus/bad.md', 'bad', content)).toThrowError(problem);
    expect(() => parseArticle('corpus/bad.md', 'bad', content)).toThrowError(/^corpus\/bad\.md: /);
  });

  it('reports an empty or missing corpus folder and duplicate labels', async () => {
    await expect(loadCorpus(await tempCorpus({}))).rejects.toThrow(/holds no article/);
    await expect(loadCorpus('/nonexistent/corpus')).rejects.toThrow(/cannot read the corpus folder \(ENOENT\)/);
    const dir = await tempCorpus({
      'a.md': '---\ndate: 2017\nlanguage: fr\nlabel: X\n---\n\nA.\n',
      'b.md': '---\ndate: 2017\nlanguage: fr\nlabel: X\n---\n\nB.\n',
    });
    await expect(loadCorpus(dir)).rejects.toThrow(/b\.md: label "X" is already used/);
  });
});
