import pino from 'pino';
import { Engine } from '../../src/answer/engine.js';
import { engineConfigFrom, engineEnvSchema, parseEnv, type EngineConfig } from '../../src/config.js';
import type { Embedder } from '../../src/search/dense.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { Retriever } from '../../src/search/retriever.js';

export const silentLogger = pino({ level: 'silent' });

/** Engine configuration as the CLI would read it, offline, with overrides. */
export function testConfig(env: Record<string, string> = {}): EngineConfig {
  return engineConfigFrom(parseEnv(engineEnvSchema, { OFFLINE: '1', EMBEDDING_MODEL: 'none', ...env }));
}

/** The real engine in offline lexical mode over the real corpus (with the installed FreeDict files). */
export function lexicalEngine(env: Record<string, string> = {}, embedder?: Embedder): Promise<Engine> {
  return Engine.create(testConfig(env), { logger: silentLogger, ...(embedder ? { embedder } : {}) });
}

let shared: Promise<Engine> | null = null;

/**
 * One lexical engine for a test file's questions that need nothing fresh: building it and loading
 * each language's lexicon again for every test costs the suite seconds and tests nothing more.
 */
export function sharedLexicalEngine(): Promise<Engine> {
  return (shared ??= lexicalEngine());
}

let sharedRetriever: Promise<Retriever> | null = null;

/** The retriever of the offline lexical mode over the real corpus (to read a question's concepts), one per test file. */
export function lexicalRetriever(): Promise<Retriever> {
  const config = testConfig();
  return (sharedRetriever ??= loadCorpus(config.corpusDir).then((corpus) => Retriever.create(corpus, { dataDir: config.dataDir, cacheDir: config.cacheDir, embedder: null })));
}
