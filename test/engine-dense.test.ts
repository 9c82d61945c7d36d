import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../src/answer/engine.js';
import { loadCorpus } from '../src/corpus/load.js';
import { PACKAGE_ROOT } from '../src/paths.js';
import { words } from '../src/text/normalize.js';
import { testConfig } from './helpers/engine.js';
import { capturingLogger } from './helpers/log-capture.js';
import { buildTinyModel } from '../bench/tiny-model.js';

const MODEL_ID = 'test/tiny-article-model';
const FRENCH_QUESTION = 'Combien de blessés la Russie va-t-elle prendre en charge ?';
let modelDir: string;

beforeAll(async () => {
  // The tiny model knows every word of the article, so its mean-pooled vectors are bags of words.
  const corpus = await loadCorpus(path.join(PACKAGE_ROOT, 'corpus'));
  const vocabulary = [...new Set(corpus.paragraphs.flatMap((p) => words(p.text)).concat(words(FRENCH_QUESTION), ['query', 'passage']))];
  const root = await mkdtemp(path.join(os.tmpdir(), 'models-'));
  ({ modelDir } = await buildTinyModel(root, { modelId: MODEL_ID, vocabulary, dimensions: 512 }));
});

async function hybridEngine(cacheDir: string) {
  const capture = capturingLogger('debug');
  const engine = await Engine.create(testConfig({ EMBEDDING_MODEL: MODEL_ID, MODEL_DIR: modelDir, CACHE_DIR: cacheDir }), { logger: capture.logger });
  return { engine, capture };
}

describe('hybrid mode through transformers.js (tiny model built by the suite)', () => {
  it('loads the model from MODEL_DIR offline, says so, and ranks with dense + BM25', async () => {
    const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'cache-'));
    const { engine, capture } = await hybridEngine(cacheDir);
    expect(engine.status()).toMatchObject({ mode: 'hybrid', model: MODEL_ID, modelProblem: null });
    const ready = capture.lines.find((l) => String(l.msg).startsWith('engine ready'));
    expect(ready).toMatchObject({ mode: 'hybrid', model: MODEL_ID });

    const answer = await engine.ask(FRENCH_QUESTION);
    expect(answer).toMatchObject({ paragraph: 4, mode: 'hybrid', model: MODEL_ID, answered: true });
    const ranking = await engine.explain(FRENCH_QUESTION);
    expect(ranking.every((r) => typeof r.dense === 'number')).toBe(true);
    // Word overlap decides a bag-of-words model: the paragraph sharing the most words wins on cosine alone.
    const byDense = [...ranking].sort((a, b) => b.dense! - a.dense!);
    expect(byDense[0]!.paragraph).toBe(4);
    // English words are unknown to the tiny model; BM25 with the dictionary still carries the answer.
    expect((await engine.ask('How many wounded will Russia treat?')).paragraph).toBe(4);
  });

  it('caches passage vectors on disk, keyed by model, and reuses them after a restart', async () => {
    const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'cache-'));
    const first = await hybridEngine(cacheDir);
    const files = await readdir(path.join(cacheDir, 'vectors'));
    expect(files).toHaveLength(1);
    const embedded = (c: typeof first.capture) => c.lines.find((l) => l.msg === 'corpus embedded');
    const paragraphsAndSentences = first.engine.corpus.paragraphs.reduce((n, p) => n + 1 + p.sentences.length, 0);
    expect(embedded(first.capture)).toMatchObject({ misses: paragraphsAndSentences, hits: 0 });

    const second = await hybridEngine(cacheDir);
    expect(embedded(second.capture)).toMatchObject({ hits: paragraphsAndSentences, misses: 0 });
    expect((await second.engine.ask(FRENCH_QUESTION)).paragraph).toBe(4);
  });

  it('recovers from a corrupt vector cache with a warning and rewrites it', async () => {
    const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'cache-'));
    await hybridEngine(cacheDir);
    const file = path.join(cacheDir, 'vectors', (await readdir(path.join(cacheDir, 'vectors')))[0]!);
    await writeFile(file, '{"format": "truncated');
    const { engine, capture } = await hybridEngine(cacheDir);
    expect(engine.mode).toBe('hybrid');
    expect(capture.lines.some((l) => l.level === 40 && String(l.msg).includes(path.basename(file)))).toBe(true);
    expect(JSON.parse(await readFile(file, 'utf8'))).toHaveProperty('entries');
  });

  it('falls back to lexical mode when the model is missing, naming the model and the folder', async () => {
    const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'cache-'));
    const capture = capturingLogger('info');
    const engine = await Engine.create(testConfig({ EMBEDDING_MODEL: 'test/absent-model', MODEL_DIR: modelDir, CACHE_DIR: cacheDir }), { logger: capture.logger });
    expect(engine.mode).toBe('lexical');
    expect(engine.status().modelProblem).toContain('test/absent-model');
    expect(engine.status().modelProblem).toContain(modelDir);
    expect(capture.lines.find((l) => l.level === 40)?.msg).toMatch(/offline lexical mode/);
    expect((await engine.ask('How many wounded will Russia treat?')).paragraph).toBe(4);
  });
});
