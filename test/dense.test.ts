import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  EmbedderUnavailableError,
  cosine,
  loadEmbedder,
  modelPrefixes,
  type DownloadProgress,
  type Embedder,
  type EmbedderOptions,
} from '../src/search/dense.js';
import { buildTinyModel, expectedSentenceVector, type TinyModel } from '../bench/tiny-model.js';

let root: string;
let cacheDir: string;
let tiny: TinyModel; // quantized file built from another seed than model.onnx, so the two are distinguishable
let tinyE5: TinyModel;
let embedder: Embedder;

// Always offline, and the download cache lives in the temp dir too: nothing may touch the network or the repo.
const opts = (extra: Partial<EmbedderOptions> & { modelId: string }): EmbedderOptions => ({
  modelDir: root,
  offline: true,
  cacheDir,
  ...extra,
});

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs((a[i] as number) - (b[i] as number)));
  return m;
}

function norm(v: Float32Array): number {
  return Math.sqrt(v.reduce((s, x) => s + x * x, 0));
}

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'dense-test-'));
  cacheDir = path.join(root, '.cache-models');
  tiny = await buildTinyModel(root, { modelId: 'test/tiny-bert', seed: 1, quantizedSeed: 2 });
  tinyE5 = await buildTinyModel(root, { modelId: 'test/tiny-e5-small', dimensions: 24, seed: 3 });
  embedder = await loadEmbedder(opts({ modelId: tiny.modelId }));
});

afterAll(async () => {
  await embedder?.dispose?.();
  await fs.rm(root, { recursive: true, force: true });
});

describe('modelPrefixes', () => {
  it('gives e5 models their training prefixes and others none', () => {
    expect(modelPrefixes('Xenova/multilingual-e5-small')).toEqual({ query: 'query: ', passage: 'passage: ' });
    expect(modelPrefixes('intfloat/e5-base-v2')).toEqual({ query: 'query: ', passage: 'passage: ' });
    expect(modelPrefixes('Xenova/all-MiniLM-L6-v2')).toEqual({ query: '', passage: '' });
    expect(modelPrefixes('someone/e5x-like-name')).toEqual({ query: '', passage: '' });
    const instruct = modelPrefixes('intfloat/multilingual-e5-large-instruct');
    expect(instruct.passage).toBe('');
    expect(instruct.query).toMatch(/^Instruct: .*\nQuery: $/s);
  });
});

describe('cosine', () => {
  it('is 1 for identical directions, -1 for opposite, 0 for a zero vector', () => {
    const a = Float32Array.from([1, 2, 3]);
    expect(cosine(a, Float32Array.from([2, 4, 6]))).toBeCloseTo(1, 6);
    expect(cosine(a, Float32Array.from([-1, -2, -3]))).toBeCloseTo(-1, 6);
    expect(cosine(a, new Float32Array(3))).toBe(0);
    expect(() => cosine(a, new Float32Array(2))).toThrow(RangeError);
  });
});

describe('loadEmbedder with a tiny local model (real feature-extraction pipeline)', () => {
  it('reports the model id and the embedding size', () => {
    expect(embedder.modelId).toBe('test/tiny-bert');
    expect(embedder.dimensions).toBe(128);
    expect(embedder.queryPrefix).toBe('');
    expect(embedder.passagePrefix).toBe('');
  });

  it('returns unit-norm vectors of the right size, in input order', async () => {
    const texts = ['Le chat dort.', 'Le maire de la ville a fermé le pont', 'pluie'];
    const vs = await embedder.embedPassages(texts);
    expect(vs).toHaveLength(3);
    for (const v of vs) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v.length).toBe(128);
      expect(Math.abs(norm(v) - 1)).toBeLessThan(1e-5);
    }
    // order is preserved although batches are length-sorted internally
    const single = await embedder.embedPassages(['pluie']);
    expect(maxAbsDiff(vs[2]!, single[0]!)).toBeLessThan(1e-6);
  });

  it('applies mean pooling over [CLS] + tokens + [SEP], then L2 normalisation', async () => {
    const text = 'Le chat dort.';
    const [v] = await embedder.embedPassages([text]);
    // tokens: [CLS] le chat dort . [SEP] → normalised mean of these 6 rows of the (quantized) table
    expect(maxAbsDiff(v!, expectedSentenceVector(text, tiny, tiny.quantizedTable))).toBeLessThan(1e-5);
  });

  it('excludes padding from the mean (attention mask is honoured inside a batch)', async () => {
    // [PAD] has a non-zero row in the tiny model: counting padded positions would move the short text's vector.
    const short = 'chat';
    const long = 'Le maire de la ville a fermé le pont pour des travaux en mars et avril';
    const [vLong, vShort] = await embedder.embedPassages([long, short]);
    expect(maxAbsDiff(vShort!, expectedSentenceVector(short, tiny, tiny.quantizedTable))).toBeLessThan(1e-5);
    expect(maxAbsDiff(vLong!, expectedSentenceVector(long, tiny, tiny.quantizedTable))).toBeLessThan(1e-5);
  });

  it('batches large inputs and still returns every vector in order', async () => {
    const many = await loadEmbedder(opts({ modelId: tiny.modelId, batchSize: 3 }));
    const texts = Array.from({ length: 10 }, (_, i) => `chat ${'dort '.repeat(i)}`);
    const vs = await many.embedPassages(texts);
    expect(vs).toHaveLength(10);
    vs.forEach((v, i) => {
      expect(maxAbsDiff(v, expectedSentenceVector(texts[i]!, tiny, tiny.quantizedTable))).toBeLessThan(1e-5);
    });
    expect(await many.embedPassages([])).toEqual([]);
  });

  it('ranks the passage that shares words with the query first', async () => {
    const passages = [
      'Le conseil municipal a voté le budget des écoles.',
      'Le pont sur la route de la gare est fermé pour travaux, un coût de deux millions euros.',
      'Le festival de musique aura lieu en avril avec un concert au théâtre.',
      'Les pompiers et la police sont intervenus pendant la tempête.',
    ];
    const pv = await embedder.embedPassages(passages);
    const [q] = await embedder.embedQueries(['Quel est le coût des travaux du pont ?']);
    const scores = pv.map((p) => cosine(q!, p));
    const best = scores.indexOf(Math.max(...scores));
    expect(best).toBe(1);
  });
});

describe('query/passage prefixes', () => {
  it('applies query: / passage: for e5 model ids', async () => {
    const e5 = await loadEmbedder(opts({ modelId: tinyE5.modelId }));
    expect(e5.dimensions).toBe(24);
    expect(e5.queryPrefix).toBe('query: ');
    expect(e5.passagePrefix).toBe('passage: ');
    const [q] = await e5.embedQueries(['chat']);
    const [p] = await e5.embedPassages(['chat']);
    expect(maxAbsDiff(q!, expectedSentenceVector('query: chat', tinyE5, tinyE5.quantizedTable))).toBeLessThan(1e-5);
    expect(maxAbsDiff(p!, expectedSentenceVector('passage: chat', tinyE5, tinyE5.quantizedTable))).toBeLessThan(1e-5);
    expect(cosine(q!, p!)).toBeLessThan(0.99);
  });

  it('uses explicit prefixes when given (a prefix word in the vocabulary changes the vector)', async () => {
    const custom = await loadEmbedder(opts({ modelId: tiny.modelId, queryPrefix: 'query: ', passagePrefix: '' }));
    const [withPrefix] = await custom.embedQueries(['chat']);
    const [without] = await embedder.embedQueries(['chat']);
    expect(maxAbsDiff(withPrefix!, expectedSentenceVector('query: chat', tiny, tiny.quantizedTable))).toBeLessThan(1e-5);
    expect(cosine(withPrefix!, without!)).toBeLessThan(0.99);
    // non-e5 default: queries and passages are embedded identically
    const [q] = await embedder.embedQueries(['chat']);
    const [p] = await embedder.embedPassages(['chat']);
    expect(maxAbsDiff(q!, p!)).toBe(0);
  });
});

describe('quantized option', () => {
  it('quantized (default) reads onnx/model_quantized.onnx, quantized:false reads onnx/model.onnx', async () => {
    const fp32 = await loadEmbedder(opts({ modelId: tiny.modelId, quantized: false }));
    const text = 'Le maire ferme la gare';
    const [vq] = await embedder.embedPassages([text]);
    const [vf] = await fp32.embedPassages([text]);
    expect(maxAbsDiff(vq!, expectedSentenceVector(text, tiny, tiny.quantizedTable))).toBeLessThan(1e-5);
    expect(maxAbsDiff(vf!, expectedSentenceVector(text, tiny, tiny.table))).toBeLessThan(1e-5);
    expect(maxAbsDiff(vq!, vf!)).toBeGreaterThan(1e-2);
    expect(embedder.cacheKey).toBe('test/tiny-bert');
    expect(fp32.cacheKey).toBe('test/tiny-bert#fp32');
  });

  it('fails with a clear error when only the other weights file exists', async () => {
    const only = await buildTinyModel(root, { modelId: 'test/only-fp32' });
    await fs.rm(path.join(root, 'test', 'only-fp32', 'onnx', 'model_quantized.onnx'));
    await expect(loadEmbedder(opts({ modelId: only.modelId, quantized: false }))).resolves.toBeDefined();
    const err = await loadEmbedder(opts({ modelId: only.modelId })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EmbedderUnavailableError);
    expect((err as Error).message).toContain('onnx/model_quantized.onnx');
  });
});

describe('failures', () => {
  it('offline + missing model: EmbedderUnavailableError quickly, naming the model and the folder', async () => {
    const started = Date.now();
    const err = await loadEmbedder(opts({ modelId: 'test/not-there' })).catch((e: unknown) => e);
    const elapsed = Date.now() - started;
    expect(err).toBeInstanceOf(EmbedderUnavailableError);
    const msg = (err as Error).message;
    expect(msg).toContain('test/not-there');
    expect(msg).toContain(root);
    expect(msg).toMatch(/offline/);
    expect(msg).toContain('config.json');
    expect((err as EmbedderUnavailableError).details).toMatchObject({ modelId: 'test/not-there', offline: true, searched: [root] });
    expect((err as Error).cause).toBeInstanceOf(Error);
    expect(elapsed).toBeLessThan(2000);
  });

  it('offline without modelDir looks in the download cache folder', async () => {
    const err = await loadEmbedder({ modelId: 'test/not-there', offline: true, cacheDir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EmbedderUnavailableError);
    expect((err as Error).message).toContain(cacheDir);
  });

  it('rejects an empty model id instead of letting transformers.js pick its own default model', async () => {
    await expect(loadEmbedder(opts({ modelId: '' }))).rejects.toBeInstanceOf(EmbedderUnavailableError);
  });

  it('a corrupt ONNX file gives EmbedderUnavailableError, not a hang', async () => {
    const bad = await buildTinyModel(root, { modelId: 'test/corrupt' });
    await fs.writeFile(path.join(root, 'test', 'corrupt', 'onnx', 'model_quantized.onnx'), 'not a protobuf');
    // transformers.js prints the onnxruntime failure and its wasm fallback attempt with console.warn
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const err = await loadEmbedder(opts({ modelId: bad.modelId })).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(EmbedderUnavailableError);
      expect((err as Error).message).toContain('test/corrupt');
      expect((err as Error).message).toMatch(/onnxruntime could not open/);
    } finally {
      warn.mockRestore();
    }
  });
});

describe('process-global transformers.js env', () => {
  it('concurrent loads with different folders each get their own model', async () => {
    const rootA = path.join(root, 'A');
    const rootB = path.join(root, 'B');
    const a = await buildTinyModel(rootA, { modelId: 'test/same-id', seed: 11 });
    const b = await buildTinyModel(rootB, { modelId: 'test/same-id', seed: 12 });
    const [ea, eb] = await Promise.all([
      loadEmbedder({ modelId: 'test/same-id', modelDir: rootA, offline: true, cacheDir }),
      loadEmbedder({ modelId: 'test/same-id', modelDir: rootB, offline: true, cacheDir }),
    ]);
    const text = 'le chat dort';
    const [va] = await ea.embedPassages([text]);
    const [vb] = await eb.embedPassages([text]);
    expect(maxAbsDiff(va!, expectedSentenceVector(text, a, a.quantizedTable))).toBeLessThan(1e-5);
    expect(maxAbsDiff(vb!, expectedSentenceVector(text, b, b.quantizedTable))).toBeLessThan(1e-5);
  });

  it('reports loading progress, ending with ready', async () => {
    const events: DownloadProgress[] = [];
    await loadEmbedder(opts({ modelId: tiny.modelId, onProgress: (p) => events.push(p) }));
    expect(events.some((e) => e.status === 'done' && e.file === 'onnx/model_quantized.onnx')).toBe(true);
    expect(events.at(-1)?.status).toBe('ready');
  });
});
