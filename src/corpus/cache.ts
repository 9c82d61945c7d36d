import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeCacheFile } from '../cache-file.js';
import { PACKAGE_ROOT } from '../paths.js';
import { languageByCode } from '../text/languages.js';
import type { Article, Corpus, Paragraph } from './types.js';

/**
 * The parsed corpus, cached: splitting paragraphs into sentences starts ICU's sentence rules,
 * ~10 ms of every CLI start for the same few paragraphs. One JSON file per corpus under
 * `<cache dir>/corpus/`, named by the SHA-256 of the format version, the parser's code and every
 * article file's path and content (an edited, added or removed article is another name, so it is parsed
 * afresh); its first line is the SHA-256 of the rest, so a damaged file is parsed afresh and
 * rewritten, silently. A failed write costs only speed.
 */

/** Bump when the stored layout changes. */
const FORMAT = 1;

/**
 * The parser's own code is part of the key: a change to how articles are split (a new
 * sentence rule) must not be served from a cache the old code wrote. The compiled parser is read
 * from the build, which the bundled CLI is made from too.
 */
let parserCode: string | null = null;
function parserFingerprint(): string {
  if (parserCode === null) {
    try {
      parserCode = readFileSync(path.join(PACKAGE_ROOT, 'dist', 'src', 'corpus', 'parse.js'), 'utf8');
    } catch {
      // Not built (tests run from the sources): the cache is still keyed by the articles and the format.
      parserCode = '';
    }
  }
  return parserCode;
}

export interface CorpusFile {
  readonly file: string;
  readonly content: string;
}

/** Where the parsed form of these files is cached. */
export function corpusCacheFile(cacheDir: string, files: readonly CorpusFile[]): string {
  const hash = createHash('sha256').update(`corpus cache ${FORMAT}\n`).update(parserFingerprint()).update('\0');
  for (const { file, content } of files) hash.update(`${file}\0${content.length}\0`).update(content);
  return path.join(cacheDir, 'corpus', `${hash.digest('hex').slice(0, 24)}.json`);
}

type StoredArticle = Omit<Article, 'language'> & { readonly language: string };

/** The cached corpus, or null when there is none or it is damaged. */
export async function readCachedCorpus(file: string): Promise<Corpus | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const newline = text.indexOf('\n');
    const body = text.slice(newline + 1);
    if (newline < 0 || text.slice(0, newline) !== sha256(body)) return null;
    const stored = JSON.parse(body) as { format?: unknown; articles?: StoredArticle[] };
    if (stored.format !== FORMAT || !Array.isArray(stored.articles)) return null;
    const articles: Article[] = stored.articles.map((a) => {
      const language = languageByCode(a.language);
      if (!language) throw new Error(`unknown language ${a.language}`);
      return { ...a, language };
    });
    return { articles, paragraphs: articles.flatMap((a): readonly Paragraph[] => a.paragraphs) };
  } catch {
    return null;
  }
}

export async function writeCachedCorpus(file: string, corpus: Corpus): Promise<void> {
  const articles: StoredArticle[] = corpus.articles.map((a) => ({ ...a, language: a.language.code }));
  const body = JSON.stringify({ format: FORMAT, articles });
  // A read-only cache folder: the corpus is parsed again next time.
  await writeCacheFile(file, `${sha256(body)}\n${body}`);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
