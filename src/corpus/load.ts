import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { corpusCacheFile, readCachedCorpus, writeCachedCorpus, type CorpusFile } from './cache.js';
import { CorpusError, parseArticle } from './parse.js';
import type { Article, Corpus } from './types.js';

export interface LoadCorpusOptions {
  /** Caches the parsed corpus under `<cacheDir>/corpus/` (see ./cache.ts); none: parsed every time. */
  readonly cacheDir?: string | null;
}

/** Loads every `*.md` file of a folder (sorted by name) as one article each. */
export async function loadCorpus(dir: string, options: LoadCorpusOptions = {}): Promise<Corpus> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.md') && name.toLowerCase() !== 'readme.md').sort();
  } catch (error) {
    throw new CorpusError(dir, `cannot read the corpus folder (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (!names.length) throw new CorpusError(dir, 'holds no article (*.md) file');
  const files: CorpusFile[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    files.push({ file, content: await readFile(file, 'utf8') });
  }
  const cacheFile = options.cacheDir ? corpusCacheFile(options.cacheDir, files) : null;
  const cached = cacheFile ? await readCachedCorpus(cacheFile) : null;
  if (cached) return cached;
  const articles: Article[] = files.map(({ file, content }) => parseArticle(file, path.basename(file).slice(0, -3), content));
  const labels = new Map<string, string>();
  for (const article of articles) {
    const other = labels.get(article.label);
    if (other) throw new CorpusError(article.file, `label "${article.label}" is already used by ${other}`);
    labels.set(article.label, article.file);
  }
  const corpus: Corpus = { articles, paragraphs: articles.flatMap((a) => a.paragraphs) };
  if (cacheFile) await writeCachedCorpus(cacheFile, corpus);
  return corpus;
}
