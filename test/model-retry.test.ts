/**
 * A model download that failed for lack of network is remembered for a day, so runs without
 * network do not try (and pay for onnxruntime's start-up) every time. The network is replaced by
 * a stub of the global `fetch` that transformers.js calls: nothing here touches the real network.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildTinyModel, type TinyModel } from '../bench/tiny-model.js';
import {
  DOWNLOAD_RETRY_AFTER_MS,
  downloadFailure,
  downloadFailurePath,
  EmbedderUnavailableError,
  forgetDownloadFailure,
  loadEmbedder,
  networkFailure,
  type EmbedderOptions,
} from '../src/search/dense.js';

let root: string;
let tiny: TinyModel;
let cacheDir: string;
let fetchCalls: string[];

const MODEL = 'test/needs-download';

/** What a machine without network gets from fetch: a TypeError whose cause is a DNS failure. */
function noNetwork(url: string): never {
  fetchCalls.push(url);
  throw new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND huggingface.co'), { code: 'ENOTFOUND' }) });
}

const online = (extra: Partial<EmbedderOptions> = {}): EmbedderOptions => ({ modelId: MODEL, offline: false, cacheDir, ...extra });

async function failure(promise: Promise<unknown>): Promise<EmbedderUnavailableError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EmbedderUnavailableError);
  return error as EmbedderUnavailableError;
}

async function writeMarker(record: Record<string, unknown>): Promise<void> {
  await fs.mkdir(cacheDir, { recursive: true });
  await fs.writeFile(downloadFailurePath(cacheDir), JSON.stringify(record));
}

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'model-retry-'));
  tiny = await buildTinyModel(path.join(root, 'models'), { modelId: MODEL });
});

afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

beforeEach(async () => {
  cacheDir = await fs.mkdtemp(path.join(root, 'cache-'));
  fetchCalls = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string | URL) => noNetwork(String(url))));
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('a download that failed for lack of network', () => {
  it('is remembered in the cache folder with the model, the time and the network error', async () => {
    const before = Date.now();
    await failure(loadEmbedder(online()));
    expect(fetchCalls.length).toBeGreaterThan(0);
    const remembered = downloadFailure(cacheDir, MODEL);
    expect(remembered).toMatchObject({ modelId: MODEL, reason: expect.stringMatching(/ENOTFOUND/) });
    expect(Date.parse(remembered!.at)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('is not attempted again while the failure is recent, and the error says how to retry', async () => {
    await failure(loadEmbedder(online()));
    const attempts = fetchCalls.length;
    const error = await failure(loadEmbedder(online()));
    expect(fetchCalls).toHaveLength(attempts);
    expect(error.message).toMatch(/failed for lack of network/);
    expect(error.message).toContain(downloadFailurePath(cacheDir));
    expect(error.details.downloadSkipped).toMatchObject({ modelId: MODEL, marker: downloadFailurePath(cacheDir) });
    expect(Date.parse(error.details.downloadSkipped!.retryAfter) - Date.parse(error.details.downloadSkipped!.at)).toBe(DOWNLOAD_RETRY_AFTER_MS);
  });

  it('is attempted again when forced (retryDownload) or once the marker is deleted', async () => {
    await failure(loadEmbedder(online()));
    let attempts = fetchCalls.length;
    await failure(loadEmbedder(online({ retryDownload: true })));
    expect(fetchCalls.length).toBeGreaterThan(attempts);

    attempts = fetchCalls.length;
    expect(forgetDownloadFailure(cacheDir)).toBe(true);
    expect(forgetDownloadFailure(cacheDir)).toBe(false);
    await failure(loadEmbedder(online()));
    expect(fetchCalls.length).toBeGreaterThan(attempts);
  });

  it('is attempted again once the failure is older than a day, and the marker is renewed', async () => {
    const old = new Date(Date.now() - DOWNLOAD_RETRY_AFTER_MS - 60_000).toISOString();
    await writeMarker({ modelId: MODEL, at: old, reason: 'ENOTFOUND' });
    expect(downloadFailure(cacheDir, MODEL)).toBeNull();
    await failure(loadEmbedder(online()));
    expect(fetchCalls.length).toBeGreaterThan(0);
    expect(Date.parse(downloadFailure(cacheDir, MODEL)!.at)).toBeGreaterThan(Date.parse(old));
  });

  it('does not hold back another model, and a corrupt marker counts as none', async () => {
    await writeMarker({ modelId: 'someone/else', at: new Date().toISOString(), reason: 'ENOTFOUND' });
    await failure(loadEmbedder(online()));
    expect(fetchCalls.length).toBeGreaterThan(0);

    fetchCalls = [];
    await fs.writeFile(downloadFailurePath(cacheDir), '{not json');
    expect(downloadFailure(cacheDir, MODEL)).toBeNull();
    await failure(loadEmbedder(online()));
    expect(fetchCalls.length).toBeGreaterThan(0);
  });

  it('never stops a model that is on disk from loading', async () => {
    await writeMarker({ modelId: MODEL, at: new Date().toISOString(), reason: 'ENOTFOUND' });
    const embedder = await loadEmbedder(online({ modelDir: tiny.modelDir }));
    expect(embedder.modelId).toBe(MODEL);
    expect(fetchCalls).toHaveLength(0);
    await embedder.dispose?.();
  });

  it('is forgotten after a download succeeds', async () => {
    await writeMarker({ modelId: MODEL, at: new Date(Date.now() - DOWNLOAD_RETRY_AFTER_MS - 1).toISOString(), reason: 'ENOTFOUND' });
    // The "network" serves the tiny model's files from disk.
    const modelFolder = path.join(tiny.modelDir, MODEL);
    vi.stubGlobal('fetch', vi.fn(async (url: string | URL) => {
      fetchCalls.push(String(url));
      const file = String(url).split('/resolve/main/')[1];
      if (!file) return new Response('not found', { status: 404 });
      const body = await fs.readFile(path.join(modelFolder, file)).catch(() => null);
      return body ? new Response(body, { status: 200, headers: { 'content-length': String(body.length) } }) : new Response('not found', { status: 404 });
    }));
    const embedder = await loadEmbedder(online());
    expect(fetchCalls.length).toBeGreaterThan(0);
    expect(await fs.stat(downloadFailurePath(cacheDir)).catch(() => null)).toBeNull();
    await embedder.dispose?.();
  });
});

describe('what is not a network failure', () => {
  it('an HTTP error (the model does not exist) is not remembered', async () => {
    vi.stubGlobal('fetch', vi.fn(async (url: string | URL) => {
      fetchCalls.push(String(url));
      return new Response('not found', { status: 404 });
    }));
    await failure(loadEmbedder(online()));
    expect(fetchCalls.length).toBeGreaterThan(0);
    expect(downloadFailure(cacheDir, MODEL)).toBeNull();
  });

  it('offline (OFFLINE=1) neither consults nor writes the marker', async () => {
    await failure(loadEmbedder(online({ offline: true })));
    expect(fetchCalls).toHaveLength(0);
    expect(downloadFailure(cacheDir, MODEL)).toBeNull();
  });

  it('networkFailure finds DNS, refused and reset errors in the cause chain, and nothing else', () => {
    const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }) });
    expect(networkFailure(new Error('wrapped', { cause: refused }))).toMatch(/^ECONNREFUSED/);
    expect(networkFailure(new TypeError('fetch failed'))).toBe('fetch failed');
    expect(networkFailure(new Error('Could not locate file: "https://huggingface.co/x/resolve/main/config.json".'))).toBeNull();
    expect(networkFailure(Object.assign(new Error('disk'), { code: 'ENOSPC' }))).toBeNull();
  });
});
