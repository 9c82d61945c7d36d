import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadEmbedder, type Embedder } from '../src/search/dense.js';
import {
  VectorCache,
  embedPassagesCached,
  sha256,
  vectorCacheFileName,
  type VectorCacheLogger,
} from '../src/search/vector-cache.js';
import { buildTinyModel } from '../bench/tiny-model.js';

let root: string;
let dir: string; // fresh vector-cache dir per test
let bert: Embedder;
let e5: Embedder;

const article = [
  'Le conseil municipal a voté le budget des écoles.',
  'Le pont sur la route de la gare est fermé pour travaux.',
  'Le festival de musique aura lieu en avril.',
];

function fakeLogger() {
  const warn = vi.fn();
  const logger = { warn, info: vi.fn(), debug: vi.fn() } as unknown as VectorCacheLogger;
  return { logger, warn };
}

/** Wraps an embedder so the test can count what really goes through the model. */
function counting(e: Embedder): Embedder & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    modelId: e.modelId,
    dimensions: e.dimensions,
    queryPrefix: e.queryPrefix,
    passagePrefix: e.passagePrefix,
    cacheKey: e.cacheKey,
    calls,
    embedQueries: (t) => e.embedQueries(t),
    embedPassages: (t) => {
      calls.push([...t]);
      return e.embedPassages(t);
    },
  } as Embedder & { calls: string[][] };
}

async function freshCache(modelId = bert.modelId) {
  const { logger, warn } = fakeLogger();
  const cache = new VectorCache(dir, modelId, logger);
  await cache.load();
  return { cache, warn };
}

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'vector-cache-test-'));
  const models = path.join(root, 'models');
  await buildTinyModel(models, { modelId: 'test/tiny-bert', seed: 5 });
  await buildTinyModel(models, { modelId: 'test/tiny-e5', seed: 6 });
  const common = { modelDir: models, offline: true, cacheDir: path.join(root, '.cache-models') };
  bert = await loadEmbedder({ modelId: 'test/tiny-bert', ...common });
  e5 = await loadEmbedder({ modelId: 'test/tiny-e5', ...common });
});

afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

let counter = 0;
beforeEach(async () => {
  dir = path.join(root, `vectors-${counter++}`);
});

describe('VectorCache + embedPassagesCached', () => {
  it('first run embeds everything, a restart embeds nothing', async () => {
    const first = counting(bert);
    const { cache: c1 } = await freshCache();
    const v1 = await embedPassagesCached(first, c1, article);
    expect(first.calls).toEqual([article]); // one model call for all misses
    expect(c1.stats).toMatchObject({ hits: 0, misses: 3, loadedEntries: 0 });
    expect(await fs.readdir(dir)).toEqual([vectorCacheFileName('test/tiny-bert')]);

    const second = counting(bert);
    const { cache: c2, warn } = await freshCache();
    expect(c2.stats.loadedEntries).toBe(3);
    const v2 = await embedPassagesCached(second, c2, article);
    expect(second.calls).toEqual([]);
    expect(c2.stats).toMatchObject({ hits: 3, misses: 0 });
    expect(warn).not.toHaveBeenCalled();
    // vectors survive the disk round trip bit for bit
    v2.forEach((v, i) => expect(Array.from(v)).toEqual(Array.from(v1[i]!)));
  });

  it('re-embeds only an edited paragraph and drops the stale entry on save', async () => {
    const { cache: c1 } = await freshCache();
    await embedPassagesCached(bert, c1, article);

    const edited = [article[0]!, 'Le pont sur la route de la gare est ouvert.', article[2]!];
    const e = counting(bert);
    const { cache: c2 } = await freshCache();
    const vs = await embedPassagesCached(e, c2, edited);
    expect(e.calls).toEqual([[edited[1]]]);
    expect(c2.stats).toMatchObject({ hits: 2, misses: 1 });
    const [direct] = await bert.embedPassages([edited[1]!]);
    expect(Array.from(vs[1]!)).toEqual(Array.from(direct!));

    const onDisk = JSON.parse(await fs.readFile(c2.file, 'utf8')) as { entries: Record<string, string> };
    expect(Object.keys(onDisk.entries).sort()).toEqual(edited.map((t) => sha256(t)).sort());
  });

  it('keys on the exact embedded text, prefix included', async () => {
    expect(e5.passagePrefix).toBe('passage: ');
    const { cache } = await freshCache(e5.modelId);
    await embedPassagesCached(e5, cache, [article[0]!]);
    const { cache: reloaded } = await freshCache(e5.modelId);
    expect(reloaded.get(`passage: ${article[0]}`)).toBeDefined();
    expect(reloaded.get(article[0]!)).toBeUndefined();
  });

  it('does not reuse vectors across model ids', async () => {
    const { cache: c1 } = await freshCache('test/tiny-bert');
    await embedPassagesCached(bert, c1, article);

    // same texts, same (empty) prefix, other model: its own file, all misses
    const other = counting({ ...bert, modelId: 'test/tiny-e5', cacheKey: 'test/tiny-e5', passagePrefix: '' });
    const { cache: c2 } = await freshCache('test/tiny-e5');
    expect(c2.file).not.toBe(c1.file);
    await embedPassagesCached(other, c2, article);
    expect(other.calls).toEqual([article]);
    expect(c2.stats.misses).toBe(3);

    // and a cache for one model refuses another model's embedder
    await expect(embedPassagesCached(bert, c2, article)).rejects.toThrow(/test\/tiny-e5.*test\/tiny-bert/);
  });

  it('keeps quantized and fp32 vectors apart through Embedder.cacheKey', async () => {
    const fp32 = { ...bert, cacheKey: `${bert.modelId}#fp32` };
    const { cache } = await freshCache(bert.modelId);
    await expect(embedPassagesCached(fp32, cache, article)).rejects.toThrow(/#fp32/);
    expect(vectorCacheFileName('a/b')).not.toBe(vectorCacheFileName('a_b'));
    expect(vectorCacheFileName('../../etc/passwd')).not.toMatch(/[/\\]/);
  });

  it('embeds duplicate texts once', async () => {
    const e = counting(bert);
    const { cache } = await freshCache();
    const vs = await embedPassagesCached(e, cache, [article[0]!, article[0]!]);
    expect(e.calls).toEqual([[article[0]]]);
    expect(vs[0]).toBe(vs[1]);
  });

  it('does not rewrite the file when nothing changed', async () => {
    const { cache: c1 } = await freshCache();
    await embedPassagesCached(bert, c1, article);
    const before = await fs.stat(c1.file);
    await new Promise((r) => setTimeout(r, 20));
    const { cache: c2 } = await freshCache();
    await embedPassagesCached(bert, c2, article);
    expect((await fs.stat(c2.file)).mtimeMs).toBe(before.mtimeMs);
  });
});

describe('corrupt cache files', () => {
  async function validFile(): Promise<string> {
    const { cache } = await freshCache();
    await embedPassagesCached(bert, cache, article);
    return cache.file;
  }

  async function expectRecovery(file: string, problem: RegExp) {
    const { cache, warn } = await freshCache(); // must not throw
    expect(cache.stats.loadedEntries).toBe(0);
    expect(warn).toHaveBeenCalledTimes(1);
    const [obj, msg] = warn.mock.calls[0] as [{ file: string; problem: string }, string];
    expect(obj.file).toBe(file);
    expect(msg).toContain(file);
    expect(obj.problem).toMatch(problem);

    const e = counting(bert);
    await embedPassagesCached(e, cache, article);
    expect(e.calls).toEqual([article]); // re-embedded from scratch
    // the bad file was overwritten with a valid one
    const { cache: again, warn: warn2 } = await freshCache();
    expect(warn2).not.toHaveBeenCalled();
    expect(again.stats.loadedEntries).toBe(3);
  }

  it('truncated JSON', async () => {
    const file = await validFile();
    const text = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, text.slice(0, Math.floor(text.length / 2)));
    await expectRecovery(file, /invalid JSON/);
  });

  it('binary garbage', async () => {
    const file = await validFile();
    await fs.writeFile(file, Buffer.from([0xff, 0x00, 0x13, 0x37, 0xde, 0xad]));
    await expectRecovery(file, /invalid JSON/);
  });

  it('vectors whose size does not match the declared dimensions', async () => {
    const file = await validFile();
    const doc = JSON.parse(await fs.readFile(file, 'utf8')) as { dimensions: number };
    doc.dimensions = 64;
    await fs.writeFile(file, JSON.stringify(doc));
    await expectRecovery(file, /dimensions/);
  });

  it('bad base64', async () => {
    const file = await validFile();
    const doc = JSON.parse(await fs.readFile(file, 'utf8')) as { entries: Record<string, string> };
    const key = Object.keys(doc.entries)[0]!;
    doc.entries[key] = '!!!not*base64!!!';
    await fs.writeFile(file, JSON.stringify(doc));
    await expectRecovery(file, /base64/);
  });

  it('another model id inside the file', async () => {
    const file = await validFile();
    const doc = JSON.parse(await fs.readFile(file, 'utf8')) as { modelId: string };
    doc.modelId = 'someone/else';
    await fs.writeFile(file, JSON.stringify(doc));
    await expectRecovery(file, /someone\/else/);
  });

  it('a file that cannot be read (a directory in its place)', async () => {
    const { cache } = await freshCache();
    await fs.mkdir(cache.file, { recursive: true });
    const { cache: c2, warn } = await freshCache();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[1])).toContain(cache.file);
    expect(c2.stats.loadedEntries).toBe(0);
  });

  it('vectors of another size than the model produces (model files changed behind the id)', async () => {
    const file = await validFile();
    const doc = JSON.parse(await fs.readFile(file, 'utf8')) as { dimensions: number; entries: Record<string, string> };
    const small = Buffer.alloc(4 * 4).toString('base64'); // consistent 4-dim file: loads fine, but mismatches the model
    doc.dimensions = 4;
    for (const k of Object.keys(doc.entries)) doc.entries[k] = small;
    await fs.writeFile(file, JSON.stringify(doc));

    const { cache, warn } = await freshCache();
    expect(cache.stats.loadedEntries).toBe(3);
    const e = counting(bert);
    const vs = await embedPassagesCached(e, cache, article);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[1])).toContain(file);
    expect(e.calls).toEqual([article]);
    expect(vs.every((v) => v.length === bert.dimensions)).toBe(true);
  });
});

describe('atomic writes', () => {
  it('leaves only the final file, no temp file', async () => {
    const { cache } = await freshCache();
    await embedPassagesCached(bert, cache, article);
    await embedPassagesCached(bert, cache, [...article, 'Une tempête est annoncée.']);
    expect(await fs.readdir(dir)).toEqual([path.basename(cache.file)]);
  });

  it('a failed rename removes the temp file and keeps going (warning, vectors still returned)', async () => {
    const { cache } = await freshCache();
    // a non-empty directory where the file should go makes rename() fail
    await fs.mkdir(path.join(cache.file, 'blocker'), { recursive: true });
    await expect(cache.save()).resolves.toBeUndefined(); // nothing to write yet: no-op

    const { logger, warn } = fakeLogger();
    const c2 = new VectorCache(dir, bert.modelId, logger);
    await c2.load(); // warns: unreadable
    const vs = await embedPassagesCached(bert, c2, article);
    expect(vs).toHaveLength(3);
    expect(warn.mock.calls.some((c) => String(c[1]).startsWith('could not save vector cache'))).toBe(true);
    await expect(c2.save()).rejects.toThrow();
    expect((await fs.readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
