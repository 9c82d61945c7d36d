/**
 * On-disk cache of passage vectors, so a restart does not re-embed the article.
 *
 * Key: SHA-256 of the exact text given to the model (prefix included), inside one file per model:
 * an edited paragraph hashes differently and is re-embedded; another model (or the fp32 vs quantized
 * weights of the same model, see Embedder.cacheKey) uses another file and never reuses vectors.
 *
 * File format (`<dir>/<safe model id>.json`):
 *   { "format": "article-oracle/vectors", "version": 1, "modelId": "...", "dimensions": 384,
 *     "entries": { "<sha256 hex>": "<base64 of little-endian float32>" , ... } }
 * Base64 of raw float32 is ~4x smaller than a JSON number array and loads without float re-parsing.
 */
import { createHash, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Embedder } from './dense.js';

export const DEFAULT_VECTOR_CACHE_DIR = '.cache/vectors';
const FORMAT = 'article-oracle/vectors';
const VERSION = 1;

export type VectorCacheLogger = Pick<Logger, 'info' | 'debug' | 'warn'>;

/** Falls back to console for warnings so a corrupt cache is never silently ignored. */
const consoleLogger = {
  info: () => undefined,
  debug: () => undefined,
  warn: (obj: unknown, msg?: string) => console.warn(`[vector-cache] ${msg ?? ''}`, obj),
} as unknown as VectorCacheLogger;

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** File name for a model id: readable, filesystem-safe, and collision-free ('a/b' vs 'a_b') thanks to a hash suffix. */
export function vectorCacheFileName(modelId: string): string {
  const readable = modelId.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(0, 80) || 'model';
  return `${readable}-${sha256(modelId).slice(0, 10)}.json`;
}

function encodeVector(v: Float32Array): string {
  const buf = Buffer.allocUnsafe(v.length * 4);
  for (let i = 0; i < v.length; i++) buf.writeFloatLE(v[i] as number, i * 4);
  return buf.toString('base64');
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Strict decode: Buffer.from(…, 'base64') silently skips junk, so validate the alphabet and the length first. */
function decodeVector(b64: string, dimensions: number): Float32Array | string {
  if (!BASE64.test(b64)) return 'invalid base64';
  const buf = Buffer.from(b64, 'base64');
  if (buf.length !== dimensions * 4) return `vector has ${buf.length / 4} dimensions, expected ${dimensions}`;
  const v = new Float32Array(dimensions);
  for (let i = 0; i < dimensions; i++) {
    const x = buf.readFloatLE(i * 4);
    if (!Number.isFinite(x)) return 'vector contains a non-finite value';
    v[i] = x;
  }
  return v;
}

export class VectorCache {
  readonly file: string;
  readonly stats = { hits: 0, misses: 0, loadedEntries: 0 };
  private entries = new Map<string, Float32Array>();
  /** Keys read or written since load: everything else is stale and dropped on save. */
  private used = new Set<string>();
  private dims: number | undefined;
  private dirty = false;
  readonly log: VectorCacheLogger;

  constructor(
    readonly dir: string,
    readonly modelId: string,
    logger?: VectorCacheLogger,
  ) {
    this.file = path.join(dir, vectorCacheFileName(modelId));
    this.log = logger ?? consoleLogger;
  }

  /** Vector size of the entries (undefined while empty). */
  get dimensions(): number | undefined {
    return this.dims;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Reads the file. Missing → empty; unreadable/corrupt → warning, empty, and the file is rewritten on the next save. */
  async load(): Promise<void> {
    this.entries = new Map();
    this.used = new Set();
    this.dims = undefined;
    this.dirty = false;
    this.stats.loadedEntries = 0;

    let raw: string;
    try {
      raw = await fs.readFile(this.file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        this.log.debug({ file: this.file }, 'no vector cache yet');
      } else {
        this.discard(`unreadable: ${(e as Error).message}`);
      }
      return;
    }

    const parsed = this.parse(raw);
    if (typeof parsed === 'string') {
      this.discard(parsed);
      return;
    }
    this.entries = parsed.entries;
    this.dims = parsed.dimensions;
    this.stats.loadedEntries = parsed.entries.size;
    this.log.debug({ file: this.file, entries: parsed.entries.size }, 'vector cache loaded');
  }

  private discard(problem: string): void {
    this.log.warn({ file: this.file, problem }, `ignoring corrupt vector cache ${this.file} (${problem}); starting empty, it will be overwritten`);
    this.entries = new Map();
    this.dims = undefined;
    this.dirty = true; // overwrite the bad file on save even if nothing new is embedded
  }

  private parse(raw: string): { dimensions: number | undefined; entries: Map<string, Float32Array> } | string {
    let doc: unknown;
    try {
      doc = JSON.parse(raw);
    } catch (e) {
      return `invalid JSON: ${(e as Error).message}`;
    }
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return 'not a JSON object';
    const d = doc as Record<string, unknown>;
    if (d.format !== FORMAT || d.version !== VERSION) return `unknown format/version ${String(d.format)}/${String(d.version)}`;
    if (d.modelId !== this.modelId) return `written for model "${String(d.modelId)}", expected "${this.modelId}"`;
    const dimensions = d.dimensions;
    if (typeof dimensions !== 'number' || !Number.isInteger(dimensions) || dimensions < 0) return `invalid dimensions ${String(dimensions)}`;
    if (typeof d.entries !== 'object' || d.entries === null || Array.isArray(d.entries)) return 'entries is not an object';
    if (dimensions === 0) {
      return Object.keys(d.entries).length === 0 ? { dimensions: undefined, entries: new Map() } : 'dimensions 0 with non-empty entries';
    }
    const entries = new Map<string, Float32Array>();
    for (const [key, value] of Object.entries(d.entries as Record<string, unknown>)) {
      if (!/^[0-9a-f]{64}$/.test(key)) return `invalid key ${JSON.stringify(key.slice(0, 80))}`;
      if (typeof value !== 'string') return `entry ${key.slice(0, 12)}… is not a string`;
      const v = decodeVector(value, dimensions);
      if (typeof v === 'string') return `entry ${key.slice(0, 12)}…: ${v}`;
      entries.set(key, v);
    }
    return { dimensions, entries };
  }

  /** `text` is the exact string that was embedded (prefix included). Counts a hit or a miss. */
  get(text: string): Float32Array | undefined {
    const key = sha256(text);
    const v = this.entries.get(key);
    if (v) {
      this.stats.hits++;
      this.used.add(key);
    } else {
      this.stats.misses++;
    }
    return v;
  }

  set(text: string, v: Float32Array): void {
    if (this.dims !== undefined && v.length !== this.dims) {
      throw new RangeError(`VectorCache(${this.modelId}): vector has ${v.length} dimensions, cache holds ${this.dims}`);
    }
    this.dims = v.length;
    const key = sha256(text);
    this.entries.set(key, Float32Array.from(v));
    this.used.add(key);
    this.dirty = true;
  }

  /**
   * Drops everything when the embedder's output size differs from the stored vectors (e.g. the model files behind
   * an id changed). Returns true if entries were dropped.
   */
  ensureDimensions(dimensions: number): boolean {
    if (this.dims === undefined || this.dims === dimensions) return false;
    this.log.warn(
      { file: this.file, cached: this.dims, expected: dimensions },
      `vector cache ${this.file} holds ${this.dims}-dimensional vectors but the model produces ${dimensions}; starting empty`,
    );
    this.entries = new Map();
    this.used = new Set();
    this.dims = undefined;
    this.dirty = true;
    return true;
  }

  /**
   * Writes atomically (temp file in the same directory, then rename) so a crash never leaves a half-written cache.
   * With `prune` (default) only entries read or written since load() are kept: texts no longer in the corpus go away.
   * Skips the write when nothing changed.
   */
  async save(opts: { prune?: boolean } = {}): Promise<void> {
    const prune = opts.prune ?? true;
    const keep = prune ? [...this.used] : [...this.entries.keys()];
    if (!this.dirty && keep.length === this.entries.size) return;

    const entries: Record<string, string> = {};
    for (const key of keep.sort()) {
      const v = this.entries.get(key);
      if (v) entries[key] = encodeVector(v);
    }
    // dimensions 0 is only valid for an empty cache (e.g. rewriting a corrupt file before anything was embedded)
    const doc = { format: FORMAT, version: VERSION, modelId: this.modelId, dimensions: this.dims ?? 0, entries };

    await fs.mkdir(this.dir, { recursive: true });
    const tmp = `${this.file}.${process.pid}.${randomUUID()}.tmp`;
    try {
      await fs.writeFile(tmp, JSON.stringify(doc));
      await fs.rename(tmp, this.file);
    } catch (e) {
      await fs.rm(tmp, { force: true }).catch(() => undefined);
      throw e;
    }
    if (prune) {
      for (const key of [...this.entries.keys()]) if (!this.used.has(key)) this.entries.delete(key);
    }
    this.dirty = false;
    this.log.debug({ file: this.file, entries: Object.keys(entries).length }, 'vector cache saved');
  }
}

/**
 * Embeds `texts` as passages, reusing cached vectors; only the misses go through the model, in one call,
 * and the cache is saved once. A failing save is logged, not thrown: the vectors are still valid.
 */
export async function embedPassagesCached(embedder: Embedder, cache: VectorCache, texts: string[]): Promise<Float32Array[]> {
  const expectedId = embedder.cacheKey ?? embedder.modelId;
  if (cache.modelId !== expectedId) {
    throw new Error(`VectorCache is for "${cache.modelId}" but the embedder is "${expectedId}": create it with new VectorCache(dir, embedder.cacheKey ?? embedder.modelId)`);
  }
  cache.ensureDimensions(embedder.dimensions);

  const prefix = embedder.passagePrefix ?? '';
  const out = new Array<Float32Array | undefined>(texts.length);
  const missing: number[] = [];
  texts.forEach((t, i) => {
    const v = cache.get(prefix + t);
    if (v) out[i] = v;
    else missing.push(i);
  });

  // Identical texts are embedded once.
  const uniqueMissing = [...new Set(missing.map((i) => texts[i] as string))];
  if (uniqueMissing.length > 0) {
    const vectors = await embedder.embedPassages(uniqueMissing);
    const byText = new Map<string, Float32Array>();
    uniqueMissing.forEach((t, j) => {
      const v = vectors[j];
      if (!v) throw new Error(`embedder returned ${vectors.length} vectors for ${uniqueMissing.length} texts`);
      byText.set(t, v);
      cache.set(prefix + t, v);
    });
    for (const i of missing) out[i] = byText.get(texts[i] as string);
  }

  try {
    await cache.save();
  } catch (e) {
    cache.log.warn(
      { file: cache.file, err: (e as Error).message },
      `could not save vector cache ${cache.file}`,
    );
  }
  return out as Float32Array[];
}
