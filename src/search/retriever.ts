import type { Logger } from 'pino';
import type { Corpus, Paragraph } from '../corpus/types.js';
import type { Language } from '../text/languages.js';
import { LANGUAGES } from '../text/languages.js';
import { words } from '../text/normalize.js';
import { analyze, SurfaceVocabulary } from './analyze.js';
import { Bm25Index, coverage, type ConceptMatch } from './bm25.js';
import { cosine, type Embedder } from './dense.js';
import { fuse, rank } from './fusion.js';
import { detectLanguage } from './language-id.js';
import { loadLexicon, type BilingualLexicon } from './lexicon.js';
import { buildQuery, type AnalysedQuery } from './query.js';
import { embedPassagesCached, VectorCache } from './vector-cache.js';

export interface RetrieverOptions {
  readonly dictionaryDir: string;
  readonly cacheDir: string;
  readonly embedder: Embedder | null;
  readonly logger?: Logger;
}

/** How one paragraph fared against a question. */
export interface ParagraphHit {
  readonly paragraph: Paragraph;
  /** Position in `corpus.paragraphs`. */
  readonly index: number;
  /** Fused ranking score in [0, 1] (relative to the other paragraphs). */
  readonly fused: number;
  readonly bm25: number;
  /** Cosine with the question, or null without a model. */
  readonly dense: number | null;
  /** Share of the question's weight found in the paragraph, in [0, 1]. */
  readonly coverage: number;
}

export interface SentenceHit {
  readonly sentence: number;
  readonly score: number;
}

export interface Retrieval {
  readonly query: AnalysedQuery;
  /** Every paragraph, best first. */
  readonly hits: ParagraphHit[];
  /** Sentence scores inside a paragraph (for highlighting), best first. */
  sentences(hit: ParagraphHit): SentenceHit[];
  /** What limited this retrieval (a missing dictionary, say), in plain words. */
  readonly notes: string[];
}

interface SentenceRef {
  readonly paragraph: number;
  readonly sentence: number;
}

/**
 * Lexical and dense retrieval over the paragraphs of a corpus, plus sentence scoring for
 * highlighting. Built once; `search` is cheap and safe to call concurrently.
 */
export class Retriever {
  private readonly paragraphIndex: Bm25Index;
  private readonly sentenceIndex: Bm25Index;
  private readonly sentenceRefs: SentenceRef[] = [];
  private readonly vocabulary = new SurfaceVocabulary();
  private readonly lexicons = new Map<string, Promise<BilingualLexicon | null>>();
  private paragraphVectors: Float32Array[] | null = null;
  private sentenceVectors: Float32Array[] | null = null;
  readonly corpusLanguage: Language;

  private constructor(
    readonly corpus: Corpus,
    private readonly options: RetrieverOptions,
  ) {
    // Articles in several languages are indexed each with its own stemmer; queries target the first.
    this.corpusLanguage = corpus.articles[0]!.language;
    const languageOf = new Map(corpus.articles.map((a) => [a.id, a.language]));
    const paragraphTerms: string[][] = [];
    const sentenceTerms: string[][] = [];
    corpus.paragraphs.forEach((paragraph, p) => {
      const language = languageOf.get(paragraph.articleId)!;
      this.vocabulary.add(paragraph.text, language);
      paragraphTerms.push(analyze(paragraph.text, language));
      paragraph.sentences.forEach((sentence, s) => {
        sentenceTerms.push(analyze(sentence.text, language));
        this.sentenceRefs.push({ paragraph: p, sentence: s });
      });
    });
    this.paragraphIndex = new Bm25Index(paragraphTerms);
    this.sentenceIndex = new Bm25Index(sentenceTerms);
  }

  static async create(corpus: Corpus, options: RetrieverOptions): Promise<Retriever> {
    const retriever = new Retriever(corpus, options);
    if (options.embedder) await retriever.embedCorpus(options.embedder);
    return retriever;
  }

  get embedder(): Embedder | null {
    return this.options.embedder;
  }

  /** Embeds paragraphs and sentences once, through the on-disk vector cache. */
  private async embedCorpus(embedder: Embedder): Promise<void> {
    const cache = new VectorCache(`${this.options.cacheDir}/vectors`, embedder.cacheKey ?? embedder.modelId, this.options.logger);
    await cache.load();
    const paragraphs = this.corpus.paragraphs.map((p) => p.text);
    const sentences = this.sentenceRefs.map((ref) => this.corpus.paragraphs[ref.paragraph]!.sentences[ref.sentence]!.text);
    const vectors = await embedPassagesCached(embedder, cache, [...paragraphs, ...sentences]);
    this.paragraphVectors = vectors.slice(0, paragraphs.length);
    this.sentenceVectors = vectors.slice(paragraphs.length);
    this.options.logger?.info({ model: embedder.modelId, ...cache.stats }, 'corpus embedded');
  }

  /** The lexicon from `language` into the corpus language, loaded on first use. */
  lexicon(language: Language): Promise<BilingualLexicon | null> {
    let pending = this.lexicons.get(language.code);
    if (!pending) {
      pending = loadLexicon(this.options.dictionaryDir, language, this.corpusLanguage, {
        ...(this.options.logger ? { logger: this.options.logger } : {}),
        cacheDir: `${this.options.cacheDir}/lexicons`,
      }).catch((error: unknown) => {
        this.options.logger?.warn({ err: error, language: language.code }, 'dictionary unreadable; continuing without it');
        return null;
      });
      this.lexicons.set(language.code, pending);
    }
    return pending;
  }

  /** The question's language: forced, detected from its function words, or the corpus language. */
  detect(question: string, forced?: Language): Language {
    if (forced) return forced;
    const candidates = [this.corpusLanguage, ...LANGUAGES.filter((l) => l !== this.corpusLanguage)];
    return detectLanguage(words(question), candidates) ?? this.corpusLanguage;
  }

  async search(question: string, forcedLanguage?: Language): Promise<Retrieval> {
    const language = this.detect(question, forcedLanguage);
    const notes: string[] = [];
    let lexicon: BilingualLexicon | null = null;
    if (language !== this.corpusLanguage) {
      lexicon = await this.lexicon(language);
      if (!lexicon && !this.embedder) {
        notes.push(
          `No ${language.name}–${this.corpusLanguage.name} dictionary is installed, so only names, numbers and look-alike words were matched ` +
            `(install dict-freedict-${language.iso3}-${this.corpusLanguage.iso3} or dict-freedict-${this.corpusLanguage.iso3}-${language.iso3}, or provide the embedding model).`,
        );
      }
    }
    const query = buildQuery(question, language, {
      corpusLanguage: this.corpusLanguage,
      vocabulary: this.vocabulary,
      indexTerms: this.paragraphIndex.vocabulary,
    }, lexicon);

    const matches: ConceptMatch[] = query.concepts.map((c) => this.paragraphIndex.match(c));
    const bm25 = this.paragraphIndex.scoreMatches(matches);
    let dense: number[] | null = null;
    let queryVector: Float32Array | null = null;
    if (this.embedder && this.paragraphVectors) {
      queryVector = (await this.embedder.embedQueries([question]))[0] ?? null;
      if (queryVector) dense = this.paragraphVectors.map((v) => cosine(queryVector!, v));
    }
    const fused = fuse(bm25, dense);
    const hits = rank(fused).map<ParagraphHit>((index) => ({
      paragraph: this.corpus.paragraphs[index]!,
      index,
      fused: fused[index] ?? 0,
      bm25: bm25[index] ?? 0,
      dense: dense ? (dense[index] ?? 0) : null,
      coverage: coverage(this.paragraphIndex, matches, index),
    }));

    const sentenceMatches = query.concepts.map((c) => this.sentenceIndex.match(c));
    const sentenceBm25 = this.sentenceIndex.scoreMatches(sentenceMatches);
    const sentenceDense = queryVector && this.sentenceVectors ? this.sentenceVectors.map((v) => cosine(queryVector!, v)) : null;
    const sentences = (hit: ParagraphHit): SentenceHit[] => {
      const ids = this.sentenceRefs.flatMap((ref, i) => (ref.paragraph === hit.index ? [i] : []));
      const scores = fuse(
        ids.map((i) => sentenceBm25[i] ?? 0),
        sentenceDense ? ids.map((i) => sentenceDense[i] ?? 0) : null,
      );
      return rank(scores).map((k) => ({ sentence: this.sentenceRefs[ids[k]!]!.sentence, score: scores[k] ?? 0 }));
    };
    return { query, hits, sentences, notes };
  }
}
