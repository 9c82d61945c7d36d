/**
 * Dense (embedding) side of the retriever: loads a sentence-embedding model with transformers.js
 * (`pipeline('feature-extraction')`, mean pooling + L2 normalisation) and embeds queries/passages.
 *
 * How transformers.js 2.17.2 finds files (src/utils/hub.js, getModelFile), which this module relies on:
 *  1. if `env.useFSCache`: the file-system cache `<cache_dir ?? env.cacheDir>/<modelId>/<file>` (checked FIRST);
 *  2. if `env.allowLocalModels`: `<env.localModelPath>/<modelId>/<file>`;
 *  3. if remote is allowed (`env.allowRemoteModels && !local_files_only`): download from the Hub, then store
 *     it in the file-system cache. Otherwise a missing file throws immediately
 *     ("`local_files_only=true` or `env.allowRemoteModels=false` and file was not found locally at ...").
 * Model weights are `onnx/model_quantized.onnx` when `quantized` (the default) and `onnx/model.onnx` otherwise.
 *
 * IMPORTANT: transformers.js `env` is a process-global singleton and it is read lazily, at several awaits
 * inside pipeline() (tokenizer, config and ONNX files load concurrently). We therefore set `env` right before
 * each pipeline() call and serialise all loads of this module through a promise chain, so two different
 * configurations (e.g. offline test model + online app model) never see each other's settings. Once a
 * pipeline is loaded, inference no longer reads these settings. We do not restore the previous values:
 * the last load's configuration stays in effect for any other transformers.js user in the process.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';

/** Progress event forwarded from transformers.js' `progress_callback`. Local reads also emit 'download'/'progress'. */
export interface DownloadProgress {
  status: 'initiate' | 'download' | 'progress' | 'done' | 'ready';
  /** Model id (transformers.js calls it `name` for file events and `model` for 'ready'). */
  name?: string;
  model?: string;
  task?: string;
  /** File inside the model folder, e.g. 'onnx/model_quantized.onnx'. */
  file?: string;
  /** Percentage 0..100 (only for 'progress'). */
  progress?: number;
  loaded?: number;
  total?: number;
}

/** Minimal logger surface used here; a pino Logger satisfies it. */
export type EmbedderLogger = Pick<Logger, 'info' | 'debug' | 'warn'>;

export interface EmbedderOptions {
  /** Hub-style id, e.g. 'Xenova/multilingual-e5-small' (the app default). */
  modelId: string;
  /** Local folder of models in the transformers.js layout: <modelDir>/<modelId>/config.json, tokenizer.json, tokenizer_config.json, onnx/model(_quantized).onnx. */
  modelDir?: string;
  /** true: never download (env.allowRemoteModels = false). */
  offline: boolean;
  /** Load onnx/model_quantized.onnx (default true, the transformers.js default) instead of onnx/model.onnx. */
  quantized?: boolean;
  /** Where downloads go (env.cacheDir). Default '.cache/models' (relative to the working directory). */
  cacheDir?: string;
  /** Defaults come from modelPrefixes(modelId). */
  queryPrefix?: string;
  passagePrefix?: string;
  /** Texts per forward pass (default 16). Texts are length-sorted first so batches pad little. */
  batchSize?: number;
  onProgress?: (p: DownloadProgress) => void;
  logger?: EmbedderLogger;
  /**
   * Try the download even if one failed for lack of network less than DOWNLOAD_RETRY_AFTER_MS ago
   * (see `downloadFailure`). The CLI's `--retry-model` does the same by deleting the marker.
   */
  retryDownload?: boolean;
}

export interface Embedder {
  readonly modelId: string;
  readonly dimensions: number;
  /** Prefixes actually applied (optional so simple fakes still satisfy the interface). */
  readonly queryPrefix?: string;
  readonly passagePrefix?: string;
  /**
   * Identifies the exact weights (model id + quantized or not) for caches of vectors:
   * `modelId` for the quantized default, `${modelId}#fp32` for the full-precision file.
   */
  readonly cacheKey?: string;
  embedQueries(texts: string[]): Promise<Float32Array[]>;
  embedPassages(texts: string[]): Promise<Float32Array[]>;
  /** Frees the onnxruntime session. */
  dispose?(): Promise<void>;
}

export class EmbedderUnavailableError extends Error {
  override readonly name = 'EmbedderUnavailableError';
  constructor(
    message: string,
    /** What was attempted: `searched` lists the folders that were looked in (each holding <modelId>/...). */
    readonly details: {
      modelId: string;
      offline: boolean;
      quantized: boolean;
      searched: string[];
      /** Set when no download was attempted because a recent one failed for lack of network. */
      downloadSkipped?: DownloadFailure & { marker: string; retryAfter: string };
    },
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * A download that failed for lack of network is remembered in `<cacheDir>/download-failed.json`
 * ({ modelId, at, reason }) and not attempted again for this long: without it every run, offline
 * by circumstance rather than by OFFLINE=1, would pay for onnxruntime's start-up and a failing
 * request. Deleting the file (the CLI's `--retry-model`) or `retryDownload: true` retries at once.
 */
export const DOWNLOAD_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;
export const DOWNLOAD_FAILURE_FILE = 'download-failed.json';

export interface DownloadFailure {
  readonly modelId: string;
  /** ISO time of the failed attempt. */
  readonly at: string;
  /** The network error, in one line. */
  readonly reason: string;
}

export function downloadFailurePath(cacheDir: string = DEFAULT_MODEL_CACHE_DIR): string {
  return path.join(path.resolve(cacheDir), DOWNLOAD_FAILURE_FILE);
}

/**
 * The remembered download failure of `modelId` in `cacheDir`, if it is recent enough to skip the
 * download (null when there is none, it is older than DOWNLOAD_RETRY_AFTER_MS, is for another
 * model, or cannot be read).
 */
export function downloadFailure(cacheDir: string, modelId: string, now: number = Date.now()): DownloadFailure | null {
  let record: Partial<DownloadFailure>;
  try {
    record = JSON.parse(readFileSync(downloadFailurePath(cacheDir), 'utf8')) as Partial<DownloadFailure>;
  } catch {
    return null;
  }
  if (record.modelId !== modelId || typeof record.at !== 'string') return null;
  const at = Date.parse(record.at);
  if (!Number.isFinite(at) || now - at >= DOWNLOAD_RETRY_AFTER_MS || at > now + 60_000) return null;
  return { modelId, at: record.at, reason: typeof record.reason === 'string' ? record.reason : 'network error' };
}

/** Forgets a remembered download failure, so the next load tries the network again. True if there was one. */
export function forgetDownloadFailure(cacheDir: string = DEFAULT_MODEL_CACHE_DIR): boolean {
  const file = downloadFailurePath(cacheDir);
  if (!existsSync(file)) return false;
  rmSync(file, { force: true });
  return true;
}

function rememberDownloadFailure(cacheDir: string, modelId: string, reason: string, log?: EmbedderLogger): void {
  try {
    mkdirSync(path.resolve(cacheDir), { recursive: true });
    const record: DownloadFailure = { modelId, at: new Date().toISOString(), reason };
    writeFileSync(downloadFailurePath(cacheDir), `${JSON.stringify(record)}\n`);
  } catch (error) {
    // A read-only cache only costs a retry next time.
    log?.debug({ err: error }, 'could not remember the failed model download');
  }
}

const NETWORK_CODES = new Set([
  'ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN',
  'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET', 'UND_ERR_HEADERS_TIMEOUT',
]);

/** The network error in an error's cause chain (DNS, refused or reset connection, time-out), in one line; else null. */
export function networkFailure(error: unknown): string | null {
  for (let e: unknown = error, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return `${code}: ${errorMessage(e)}`;
  }
  for (let e: unknown = error, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof TypeError && e.message === 'fetch failed') return errorMessage(e);
  }
  return null;
}

export const DEFAULT_MODEL_ID = 'Xenova/multilingual-e5-small';
export const DEFAULT_MODEL_CACHE_DIR = '.cache/models';
const DEFAULT_BATCH_SIZE = 16;

/**
 * E5 models are trained with 'query: ' / 'passage: ' prefixes and degrade noticeably without them.
 * The *-instruct variants instead want an instruction on the query side and nothing on passages.
 */
export function modelPrefixes(modelId: string): { query: string; passage: string } {
  const name = modelId.toLowerCase().split('/').pop() ?? '';
  if (/(^|[-_])e5([-_]|$)/.test(name)) {
    if (name.includes('instruct')) {
      return {
        query: 'Instruct: Given a question about a news article, retrieve the paragraph that answers it\nQuery: ',
        passage: '',
      };
    }
    return { query: 'query: ', passage: 'passage: ' };
  }
  return { query: '', passage: '' };
}

/** Cosine similarity; 0 when either vector is zero. Vectors from an Embedder are unit-norm, so this equals the dot product. */
export function cosine(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new RangeError(`cosine: length mismatch ${a.length} vs ${b.length}`);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  if (na === 0 || nb === 0) return 0;
  return dot / Math.sqrt(na * nb);
}

// Serialises loads: see the note on the global `env` at the top of the file.
let loadChain: Promise<unknown> = Promise.resolve();

function modelFiles(quantized: boolean): string[] {
  return ['config.json', 'tokenizer.json', 'tokenizer_config.json', `onnx/model${quantized ? '_quantized' : ''}.onnx`];
}

interface FeatureExtractor {
  (texts: string[], options: { pooling: 'mean'; normalize: boolean }): Promise<{ data: ArrayLike<number>; dims: number[] }>;
  dispose?: () => Promise<unknown>;
}

export async function loadEmbedder(opts: EmbedderOptions): Promise<Embedder> {
  const run = loadChain.then(() => loadEmbedderUnlocked(opts));
  loadChain = run.catch(() => undefined);
  return run;
}

async function loadEmbedderUnlocked(opts: EmbedderOptions): Promise<Embedder> {
  const modelId = opts.modelId?.trim() ?? '';
  const quantized = opts.quantized ?? true;
  const offline = opts.offline;
  const cacheDir = path.resolve(opts.cacheDir ?? DEFAULT_MODEL_CACHE_DIR);
  const modelDir = opts.modelDir !== undefined ? path.resolve(opts.modelDir) : undefined;
  const defaults = modelPrefixes(modelId);
  const queryPrefix = opts.queryPrefix ?? defaults.query;
  const passagePrefix = opts.passagePrefix ?? defaults.passage;
  const batchSize = Math.max(1, Math.floor(opts.batchSize ?? DEFAULT_BATCH_SIZE));
  const log = opts.logger;

  // Offline, only one folder is consulted: modelDir if given, else the download cache (where an earlier
  // online run stored the files, in the same <modelId>/<file> layout). The FS cache lookup is disabled
  // so that a stale copy in cacheDir can never shadow an explicitly given modelDir.
  // Online, transformers.js checks cacheDir, then modelDir, then downloads into cacheDir.
  const localDir = modelDir ?? cacheDir;
  const searched = offline ? [localDir] : [...new Set([cacheDir, localDir])];
  const details = { modelId, offline, quantized, searched };

  if (!modelId) {
    // pipeline() would silently fall back to its own default model on an empty id.
    throw new EmbedderUnavailableError('Cannot load embedding model: modelId is empty.', details);
  }

  if (offline && !existsSync(path.join(localDir, modelId, 'config.json'))) {
    // Nothing to load and nothing may be downloaded: say so without paying for onnxruntime's start-up.
    const cause = new Error(`no ${path.join(modelId, 'config.json')} in ${localDir}`);
    throw new EmbedderUnavailableError(describeFailure(modelId, quantized, offline, searched, cause), details, { cause });
  }

  // Online, a model that is not complete on disk must be downloaded: not while a recent attempt
  // failed for lack of network (it would fail again, after paying for onnxruntime's start-up).
  const needsDownload = !offline && searched.every((dir) => modelFiles(quantized).some((f) => !existsSync(path.join(dir, modelId, f))));
  if (needsDownload && !opts.retryDownload) {
    const failed = downloadFailure(cacheDir, modelId);
    if (failed) {
      const next = new Date(Date.parse(failed.at) + DOWNLOAD_RETRY_AFTER_MS).toISOString();
      throw new EmbedderUnavailableError(
        `Not downloading embedding model "${modelId}": the last attempt (${failed.at}) failed for lack of network (${failed.reason}); ` +
          `the next one will be after ${next}. To retry now, delete ${downloadFailurePath(cacheDir)} (the CLI's --retry-model does).`,
        { ...details, downloadSkipped: { ...failed, marker: downloadFailurePath(cacheDir), retryAfter: next } },
      );
    }
  }

  // Imported here, not at the top: onnxruntime costs ~0.5 s and ~100 MB, which lexical mode never needs.
  const { env, pipeline } = await import('@xenova/transformers');
  env.allowLocalModels = true;
  env.localModelPath = localDir;
  env.allowRemoteModels = !offline;
  env.useFSCache = !offline;
  env.cacheDir = cacheDir;

  const progress = opts.onProgress;
  const started = Date.now();
  let extractor: FeatureExtractor;
  try {
    extractor = (await pipeline('feature-extraction', modelId, {
      quantized,
      local_files_only: offline, // per-call guard in addition to the global env flag
      cache_dir: cacheDir,
      progress_callback: progress
        ? (p: DownloadProgress) => {
            try {
              progress(p);
            } catch {
              // a faulty progress display must not abort the model load
            }
          }
        : undefined,
    })) as unknown as FeatureExtractor;
  } catch (cause) {
    const network = needsDownload ? networkFailure(cause) : null;
    if (network) rememberDownloadFailure(cacheDir, modelId, network, log);
    throw new EmbedderUnavailableError(describeFailure(modelId, quantized, offline, searched, cause), details, { cause });
  }
  if (needsDownload) forgetDownloadFailure(cacheDir);

  const embed = async (texts: string[]): Promise<Float32Array[]> => {
    const out = new Array<Float32Array>(texts.length);
    // Length-sorted batches: padding makes every row as long as the longest text of its batch.
    const order = texts.map((_, i) => i).sort((a, b) => (texts[b] as string).length - (texts[a] as string).length);
    for (let start = 0; start < order.length; start += batchSize) {
      const idx = order.slice(start, start + batchSize);
      const tensor = await extractor(idx.map((i) => texts[i] as string), { pooling: 'mean', normalize: true });
      const dim = tensor.dims[tensor.dims.length - 1] ?? 0;
      idx.forEach((textIndex, row) => {
        const v = Float32Array.from(tensor.data instanceof Float32Array ? tensor.data.subarray(row * dim, (row + 1) * dim) : Array.prototype.slice.call(tensor.data, row * dim, (row + 1) * dim) as number[]);
        // A text made only of zero-vector tokens has norm 0 and normalize() yields NaN: use a zero vector (cosine 0).
        if (v.some((x) => !Number.isFinite(x))) v.fill(0);
        out[textIndex] = v;
      });
    }
    return out;
  };

  let dimensions: number;
  try {
    // One probe both gives the real output size and proves the session runs, so failures surface at load time.
    const [probe] = await embed([`${passagePrefix}probe`]);
    dimensions = probe?.length ?? 0;
    if (dimensions === 0) throw new Error('the model returned an empty embedding');
  } catch (cause) {
    throw new EmbedderUnavailableError(
      `Embedding model "${modelId}" loaded but cannot produce embeddings: ${errorMessage(cause)}`,
      details,
      { cause },
    );
  }

  log?.info(
    { modelId, quantized, offline, dimensions, modelDir: localDir, ms: Date.now() - started },
    'embedding model loaded',
  );

  return {
    modelId,
    dimensions,
    queryPrefix,
    passagePrefix,
    cacheKey: quantized ? modelId : `${modelId}#fp32`,
    embedQueries: (texts) => embed(texts.map((t) => queryPrefix + t)),
    embedPassages: (texts) => embed(texts.map((t) => passagePrefix + t)),
    dispose: async () => {
      await extractor.dispose?.();
    },
  };
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function describeFailure(modelId: string, quantized: boolean, offline: boolean, searched: string[], cause: unknown): string {
  const files = modelFiles(quantized);
  const where = searched
    .map((dir) => {
      const base = path.join(dir, ...modelId.split('/'));
      const missing = files.filter((f) => !existsSync(path.join(base, f)));
      return missing.length ? `${base} (missing: ${missing.join(', ')})` : `${base} (all files present)`;
    })
    .join('; ');
  let msg =
    `Cannot load embedding model "${modelId}" (${offline ? 'offline: downloads disabled' : 'online: downloads allowed'}, ` +
    `quantized: ${quantized}). Looked in: ${where}. Cause: ${errorMessage(cause)}`;
  if (/create a session/i.test(errorMessage(cause))) {
    msg += ` (onnxruntime could not open onnx/model${quantized ? '_quantized' : ''}.onnx: corrupt file or unsupported operator)`;
  }
  if (offline) {
    msg += `. Provide the files in that folder or run once with offline=false to download them into the cache.`;
  }
  return msg;
}
