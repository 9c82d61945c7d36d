import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CorpusError, parseArticle } from './parse.js';
import type { Article, Corpus } from './types.js';

/** Loads every `*.md` file of a folder (sorted by name) as one article each. */
export async function loadCorpus(dir: string): Promise<Corpus> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.md') && name.toLowerCase() !== 'readme.md').sort();
  } catch (error) {
    throw new CorpusError(dir, `cannot read the corpus folder (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (!names.length) throw new CorpusError(dir, 'holds no article (*.md) file');
  const articles: Article[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const content = await readFile(file, 'utf8');
    articles.push(parseArticle(file, name.slice(0, -3), content));
  }
  const labels = new Map<string, string>();
  for (const article of articles) {
    const other = labels.get(article.label);
    if (other) throw new CorpusError(article.file, `label "${article.label}" is already used by ${other}`);
    labels.set(article.label, article.file);
  }
  return { articles, paragraphs: articles.flatMap((a) => a.paragraphs) };
}
