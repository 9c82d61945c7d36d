/**
 * Builds a tiny, fully local "sentence embedding" model in the layout transformers.js expects
 * (<rootDir>/<modelId>/config.json, tokenizer.json, tokenizer_config.json, onnx/model(_quantized).onnx),
 * so the test suite can exercise the real `pipeline('feature-extraction')` path without the network.
 * It lives in bench/, not test/, because `npm run bench` uses it too (its hybrid figures) and the npm
 * scripts must not depend on test files compiled into dist/; the test suites import it from here.
 *
 * The ONNX graph is a single Gather over an embedding table: last_hidden_state[b, s, :] = table[input_ids[b, s]].
 * Every word gets a deterministic pseudo-random unit vector, so mean pooling turns a text into a
 * bag-of-words vector: texts sharing words have a higher cosine.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import onnxProto from 'onnx-proto';
import type { onnx as OnnxTypes } from 'onnx-proto';

// onnx-proto is a CommonJS protobufjs bundle (`module.exports = $root`): only the default import works from ESM.
const { onnx } = onnxProto;

export const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]'] as const;

export const DEFAULT_VOCABULARY: readonly string[] = [
  // words of the e5 prefixes, so that 'query: ' / 'passage: ' really change the vectors
  'query', 'passage', ':',
  'le', 'la', 'les', 'un', 'une', 'des', 'de', 'du', 'et', 'a', 'en', 'dans', 'pour', 'sur', 'par', 'qui', 'que',
  'est', 'sont', 'ont', 'été', 'maire', 'ville', 'conseil', 'municipal', 'budget', 'école', 'écoles', 'élèves',
  'travaux', 'pont', 'route', 'fermé', 'fermée', 'ouvert', 'mars', 'avril', 'lundi', 'mardi', 'euros', 'millions',
  'chat', 'chien', 'dort', 'mange', 'pluie', 'soleil', 'tempête', 'inondation', 'pompiers', 'police', 'hôpital',
  'festival', 'musique', 'concert', 'théâtre', 'train', 'gare', 'grève', 'bus', 'vélo', 'piste', 'cyclable',
  'quand', 'combien', 'pourquoi', 'où', 'comment', 'coûte', 'coût', '?', '.', ',',
];

export interface TinyModelOptions {
  /** Model id, may contain one '/' (e.g. 'test/tiny-bert'); becomes the sub-folder of rootDir. */
  modelId?: string;
  /** Words of the vocabulary (normalised like the tokenizer does: lower case, accents stripped). */
  vocabulary?: readonly string[];
  /** Embedding size (hidden_size). Default 128: more than the default vocabulary, so word vectors are orthogonal. */
  dimensions?: number;
  /** Seed of the embedding table of onnx/model.onnx. */
  seed?: number;
  /** Seed of the table of onnx/model_quantized.onnx; defaults to `seed` (identical files). */
  quantizedSeed?: number;
}

export interface TinyModel {
  /** Pass as `modelDir` to loadEmbedder (the folder that contains <modelId>/). */
  modelDir: string;
  modelId: string;
  /** Normalised token → id (special tokens included). */
  vocab: Map<string, number>;
  dimensions: number;
  /** Embedding table of onnx/model.onnx, rows indexed by token id. */
  table: Float32Array[];
  /** Embedding table of onnx/model_quantized.onnx. */
  quantizedTable: Float32Array[];
}

/** Same normalisation as the BertNormalizer configured below (lowercase + NFD accent stripping). */
export function normalizeWord(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** mulberry32: small deterministic PRNG, good enough for test vectors. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomUnitVector(rand: () => number, dims: number): Float32Array {
  const v = new Float32Array(dims);
  let norm = 0;
  for (let i = 0; i < dims; i++) {
    // Box–Muller: Gaussian components give directions uniformly spread on the sphere.
    const u1 = Math.max(rand(), 1e-12);
    const u2 = rand();
    const g = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    v[i] = g;
    norm += g * g;
  }
  norm = Math.sqrt(norm);
  for (let i = 0; i < dims; i++) v[i] = (v[i] ?? 0) / norm;
  return v;
}

/**
 * Rows: [PAD], [CLS], [SEP] and every word get a random unit vector; [UNK] is zero so that unknown
 * words add no spurious similarity. [CLS]/[SEP]/[PAD] are deliberately NON-zero: a zero row cannot be
 * told apart from a missing one after normalisation, whereas non-zero rows let the tests check that
 * [CLS]/[SEP] are part of the mean and that padded positions are excluded by the attention mask.
 * While there are fewer rows than dimensions the rows are made exactly orthonormal (Gram–Schmidt), so
 * the cosine of two texts depends only on the words they share, not on random overlap between words.
 */
export function makeEmbeddingTable(size: number, unkId: number, dims: number, seed: number): Float32Array[] {
  const rand = mulberry32(seed);
  const basis: Float64Array[] = [];
  const table: Float32Array[] = [];
  for (let id = 0; id < size; id++) {
    const row = Float64Array.from(randomUnitVector(rand, dims)); // always draw, so rows do not shift when unk changes
    if (basis.length < dims) {
      for (const b of basis) {
        let dot = 0;
        for (let i = 0; i < dims; i++) dot += (row[i] as number) * (b[i] as number);
        for (let i = 0; i < dims; i++) row[i] = (row[i] as number) - dot * (b[i] as number);
      }
      let n = 0;
      for (const x of row) n += x * x;
      n = Math.sqrt(n);
      for (let i = 0; i < dims; i++) row[i] = (row[i] as number) / n;
      basis.push(row);
    }
    table.push(id === unkId ? new Float32Array(dims) : Float32Array.from(row));
  }
  return table;
}

/** Serialises the Gather-only graph. `attention_mask` is declared but unused (onnxruntime-node accepts that). */
export function encodeEmbeddingModel(table: Float32Array[], dims: number): Uint8Array {
  const vocabSize = table.length;
  const flat = new Float32Array(vocabSize * dims);
  table.forEach((row, i) => flat.set(row, i * dims));

  const int64 = onnx.TensorProto.DataType.INT64;
  const float = onnx.TensorProto.DataType.FLOAT;
  const dim = (d: string | number): OnnxTypes.TensorShapeProto.IDimension =>
    typeof d === 'string' ? { dimParam: d } : { dimValue: d };
  const valueInfo = (name: string, elemType: number, shape: (string | number)[]): OnnxTypes.IValueInfoProto => ({
    name,
    type: { tensorType: { elemType, shape: { dim: shape.map(dim) } } },
  });

  const model: OnnxTypes.IModelProto = {
    irVersion: 7,
    producerName: 'article-oracle-tests',
    opsetImport: [{ domain: '', version: 13 }],
    graph: {
      name: 'tiny_bag_of_words',
      initializer: [
        {
          name: 'embeddings',
          dataType: float,
          dims: [vocabSize, dims],
          // raw little-endian bytes: compact and exactly what onnxruntime reads
          rawData: new Uint8Array(flat.buffer, flat.byteOffset, flat.byteLength),
        },
      ],
      node: [{ opType: 'Gather', name: 'lookup', input: ['embeddings', 'input_ids'], output: ['last_hidden_state'], attribute: [{ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 0 }] }],
      input: [
        valueInfo('input_ids', int64, ['batch', 'sequence']),
        valueInfo('attention_mask', int64, ['batch', 'sequence']),
      ],
      output: [valueInfo('last_hidden_state', float, ['batch', 'sequence', dims])],
    },
  };
  const err = onnx.ModelProto.verify(model);
  if (err) throw new Error(`invalid tiny ONNX model: ${err}`);
  return onnx.ModelProto.encode(model).finish();
}

/** Tokens the tiny tokenizer produces for `text` (without [CLS]/[SEP]); mirrors BertPreTokenizer + WordPiece for whole words. */
export function tinyTokenize(text: string, vocab: Map<string, number>): string[] {
  const normalized = normalizeWord(text);
  const pieces = normalized.match(/[^\s\p{P}\p{S}]+|[\p{P}\p{S}]/gu) ?? [];
  return pieces.map((p) => (vocab.has(p) ? p : '[UNK]'));
}

export async function buildTinyModel(rootDir: string, opts: TinyModelOptions = {}): Promise<TinyModel> {
  const modelId = opts.modelId ?? 'test/tiny-bert';
  const dims = opts.dimensions ?? 128;
  const seed = opts.seed ?? 42;
  const quantizedSeed = opts.quantizedSeed ?? seed;

  const vocab = new Map<string, number>();
  for (const t of SPECIAL_TOKENS) vocab.set(t, vocab.size);
  for (const w of opts.vocabulary ?? DEFAULT_VOCABULARY) {
    const n = normalizeWord(w);
    if (n && !vocab.has(n)) vocab.set(n, vocab.size);
  }
  const unkId = vocab.get('[UNK]') ?? 1;
  const table = makeEmbeddingTable(vocab.size, unkId, dims, seed);
  const quantizedTable = quantizedSeed === seed ? table : makeEmbeddingTable(vocab.size, unkId, dims, quantizedSeed);

  const dir = path.join(rootDir, ...modelId.split('/'));
  await fs.mkdir(path.join(dir, 'onnx'), { recursive: true });

  const config = {
    model_type: 'bert',
    architectures: ['BertModel'],
    hidden_size: dims,
    num_hidden_layers: 0,
    num_attention_heads: 1,
    intermediate_size: dims,
    max_position_embeddings: 512,
    vocab_size: vocab.size,
    type_vocab_size: 2,
    pad_token_id: vocab.get('[PAD]'),
  };

  const specialIds = SPECIAL_TOKENS.map((t) => vocab.get(t) ?? -1);
  const tokenizer = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content, i) => ({
      id: specialIds[i],
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: true, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
      ],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [vocab.get('[CLS]')], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [vocab.get('[SEP]')], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocab),
    },
  };

  const tokenizerConfig = {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    strip_accents: true,
    model_max_length: 512,
    clean_up_tokenization_spaces: true,
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    cls_token: '[CLS]',
    sep_token: '[SEP]',
  };

  await Promise.all([
    fs.writeFile(path.join(dir, 'config.json'), JSON.stringify(config, null, 2)),
    fs.writeFile(path.join(dir, 'tokenizer.json'), JSON.stringify(tokenizer)),
    fs.writeFile(path.join(dir, 'tokenizer_config.json'), JSON.stringify(tokenizerConfig, null, 2)),
    fs.writeFile(path.join(dir, 'onnx', 'model.onnx'), encodeEmbeddingModel(table, dims)),
    fs.writeFile(path.join(dir, 'onnx', 'model_quantized.onnx'), encodeEmbeddingModel(quantizedTable, dims)),
  ]);

  return { modelDir: rootDir, modelId, vocab, dimensions: dims, table, quantizedTable };
}

/**
 * What the feature-extraction pipeline should return for `text` with mean pooling + L2 normalisation:
 * the normalised mean of the rows of [CLS], each token, and [SEP] (all with attention 1).
 */
export function expectedSentenceVector(text: string, model: Pick<TinyModel, 'vocab' | 'dimensions'>, table: Float32Array[]): Float32Array {
  const tokens = ['[CLS]', ...tinyTokenize(text, model.vocab), '[SEP]'];
  const mean = new Float64Array(model.dimensions);
  for (const t of tokens) {
    const row = table[model.vocab.get(t) ?? -1];
    if (!row) throw new Error(`no row for token ${t}`);
    for (let i = 0; i < mean.length; i++) mean[i] = (mean[i] ?? 0) + (row[i] ?? 0) / tokens.length;
  }
  let norm = 0;
  for (const x of mean) norm += x * x;
  norm = Math.sqrt(norm);
  return Float32Array.from(mean, (x) => x / norm);
}
