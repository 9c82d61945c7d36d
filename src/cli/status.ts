import type { EngineConfig } from '../config.js';
import type { EngineStatus } from '../answer/types.js';
import { downloadFailure, downloadFailurePath, type DownloadFailure } from '../search/dense.js';

/** What the engine's status alone does not say: what was asked for, and a remembered download failure. */
export interface StatusContext {
  /** The configured model (null: EMBEDDING_MODEL=none). */
  readonly configuredModel: string | null;
  readonly offline: boolean;
  /** A recent download failure that made the engine skip the download (see src/search/dense.ts). */
  readonly downloadFailure: (DownloadFailure & { readonly marker: string }) | null;
  /** For tests; defaults to Date.now(). */
  readonly now?: number;
}

export const STATUS_MAX = 120;

/** Where the engine keeps downloaded models (it passes `<CACHE_DIR>/models` to loadEmbedder). */
export function modelCacheDir(config: Pick<EngineConfig, 'cacheDir'>): string {
  return `${config.cacheDir}/models`;
}

export function statusContext(config: EngineConfig): StatusContext {
  const failure = config.embeddingModel && !config.offline ? downloadFailure(modelCacheDir(config), config.embeddingModel) : null;
  return {
    configuredModel: config.embeddingModel,
    offline: config.offline,
    downloadFailure: failure ? { ...failure, marker: downloadFailurePath(modelCacheDir(config)) } : null,
  };
}

function ago(iso: string, now: number): string {
  const minutes = Math.max(0, Math.round((now - Date.parse(iso)) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 90) return `${minutes} min ago`;
  return `${Math.round(minutes / 60)} h ago`;
}

/** Why there is no model, in a few words (the whole story is in `--verbose`). */
function missingModel(status: EngineStatus, context: StatusContext): string {
  const now = context.now ?? Date.now();
  if (!context.configuredModel) return 'switched off by EMBEDDING_MODEL=none';
  if (context.downloadFailure) return `download failed ${ago(context.downloadFailure.at, now)}: no network; --retry-model`;
  if (context.offline) return 'not downloaded, OFFLINE=1';
  return status.modelProblem && /could not be downloaded/.test(status.modelProblem) ? 'could not be downloaded' : 'failed to load; see --verbose';
}

function lexicons(status: EngineStatus, listed: boolean): string {
  const n = status.dictionaries.length;
  if (!n) {
    const languages = [...new Set(status.articles.map((a) => a.language))].join('/');
    return `BM25 only, no bilingual lexicon (questions in ${languages || 'the article’s language'} only)`;
  }
  return `BM25 + ${listed ? `lexicons ${status.dictionaries.join(', ')}` : `${n} lexicon${n > 1 ? 's' : ''}`}`;
}

/**
 * One line, at most STATUS_MAX characters: the mode, and what is missing. The long form
 * (describeMode, the model's full problem) is for `--verbose`.
 */
export function statusLine(status: EngineStatus, context: StatusContext, max = STATUS_MAX): string {
  const build = (listed: boolean): string =>
    status.mode === 'hybrid'
      ? `hybrid mode: ${status.model} embeddings + ${lexicons(status, listed)}`
      : `offline lexical mode: ${lexicons(status, listed)} · no embedding model (${missingModel(status, context)})`;
  let line = build(true);
  if (line.length > max) line = build(false);
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
