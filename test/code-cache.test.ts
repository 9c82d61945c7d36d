/**
 * V8's code cache for the self-contained CommonJS files the CLI loads (src/code-cache.ts): the
 * module works the same with or without a cache, a cache is written for the next run, and a
 * damaged or foreign cache is ignored and replaced.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { flushCodeCache, requireWithCodeCache } from '../src/code-cache.js';
import { PACKAGE_ROOT } from '../src/paths.js';

/** The compiled module, as the CLI runs it (the suite builds dist/ first). */
const COMPILED = path.join(PACKAGE_ROOT, 'dist/src/code-cache.js');

const SOURCE = `
const path = require('node:path');
let calls = 0;
exports.greet = (name) => { calls++; return 'hello ' + name; };
exports.where = () => path.basename(__dirname) + '/' + path.basename(__filename);
exports.calls = () => calls;
`;

async function setup(): Promise<{ file: string; cacheDir: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'code-cache-'));
  const file = path.join(dir, 'lib.cjs');
  await writeFile(file, SOURCE);
  return { file, cacheDir: path.join(dir, 'compiled') };
}

type Lib = { greet(name: string): string; where(): string; calls(): number };

/** Loads `file` in a process of its own, as the CLI does (V8 would otherwise reuse its in-memory compilation), and calls greet. */
function loadInChild(file: string, cacheDir: string): string {
  return execFileSync(
    process.execPath,
    ['--input-type=module', '-e', `const { requireWithCodeCache } = await import(${JSON.stringify(pathToFileURL(COMPILED).href)}); process.stdout.write(requireWithCodeCache(${JSON.stringify(file)}, ${JSON.stringify(cacheDir)}).greet('c'));`],
    { encoding: 'utf8' },
  );
}

describe('code cache', () => {
  it('loads a CommonJS file with its own require, __dirname and __filename, cache or not', async () => {
    const { file, cacheDir } = await setup();
    for (const dir of [null, cacheDir]) {
      const lib = requireWithCodeCache(file, dir) as Lib;
      expect(lib.greet('you')).toBe('hello you');
      expect(lib.where()).toBe(`${path.basename(path.dirname(file))}/lib.cjs`);
    }
  });

  it('writes the compiled code at exit, and the next process uses it instead of writing it again', async () => {
    const { file, cacheDir } = await setup();
    expect(loadInChild(file, cacheDir)).toBe('hello c');
    const [cached] = await readdir(cacheDir);
    expect(cached).toMatch(/^lib\.cjs\.\d+-\d+\.v\d+\.\d+\.\d+\.bin$/);
    const written = (await stat(path.join(cacheDir, cached!))).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(loadInChild(file, cacheDir)).toBe('hello c');
    // Accepted by V8: nothing to rewrite (a cache that was not used would be written again).
    expect((await stat(path.join(cacheDir, cached!))).mtimeMs).toBe(written);
  });

  it('ignores a damaged cache, runs the module all the same, and replaces the cache at exit', async () => {
    const { file, cacheDir } = await setup();
    expect(loadInChild(file, cacheDir)).toBe('hello c');
    const [cached] = await readdir(cacheDir);
    const good = await readFile(path.join(cacheDir, cached!));
    await writeFile(path.join(cacheDir, cached!), 'not V8 code at all');
    expect(loadInChild(file, cacheDir)).toBe('hello c');
    const rewritten = await readFile(path.join(cacheDir, cached!));
    expect(rewritten.toString()).not.toBe('not V8 code at all');
    expect(rewritten.length).toBe(good.length);
  });

  it('keeps one cache per source: a new build of the file replaces the old one', async () => {
    const { file, cacheDir } = await setup();
    requireWithCodeCache(file, cacheDir);
    flushCodeCache();
    await writeFile(file, `${SOURCE}\nexports.version = 2;\n`);
    expect((requireWithCodeCache(file, cacheDir) as { version: number }).version).toBe(2);
    flushCodeCache();
    expect(await readdir(cacheDir)).toHaveLength(1);
  });
});
