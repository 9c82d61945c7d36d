import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { PACKAGE_ROOT } from './paths.js';

/**
 * Where compiled code is kept: beside the build it belongs to (like Python's __pycache__), not
 * in the user's CACHE_DIR, which is only known once the configuration, validated with zod
 * (itself loaded through here), has been read.
 */
export const CODE_CACHE_DIR = path.join(PACKAGE_ROOT, 'dist', '.code-cache');

interface Pending {
  readonly script: vm.Script;
  readonly cacheFile: string;
  /** The source file's name, which every cache file of it starts with. */
  readonly source: string;
}
const pending: Pending[] = [];

/**
 * Writes the code V8 compiled during the run (the functions it ran included) for the next run;
 * called at exit, exported for tests.
 */
export function flushCodeCache(): void {
  for (const { script, cacheFile, source } of pending.splice(0)) {
    try {
      const dir = path.dirname(cacheFile);
      mkdirSync(dir, { recursive: true });
      // Older caches of the same source (an earlier build of it) are of no use any more.
      for (const name of readdirSync(dir)) {
        if (name.startsWith(`${source}.`) && name.endsWith('.bin') && path.join(dir, name) !== cacheFile) rmSync(path.join(dir, name), { force: true });
      }
      const temporary = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, cacheFile);
    } catch {
      // A read-only install: compiled again next time.
    }
  }
}

/**
 * Loads a self-contained CommonJS file (the bundles in dist/vendor, the Snowball stemmers) with
 * V8's code cache: the code an earlier run compiled is handed back to V8 instead of compiling a
 * megabyte of JavaScript again on every CLI start (~28 ms → ~13 ms for the four files). Node 20
 * has no compile cache of its own (that is Node 22's module.enableCompileCache).
 *
 * One cache file per source, named after its name, size and modification time and the Node
 * version; V8 checks the rest and rejects data that does not fit (other flags), in which case
 * the file is compiled as usual and the cache rewritten at exit. Nothing here fails a run.
 */
export function requireWithCodeCache(file: string, cacheDir: string | null = CODE_CACHE_DIR): unknown {
  const source = readFileSync(file, 'utf8');
  const info = statSync(file);
  const cacheFile = cacheDir ? path.join(cacheDir, `${path.basename(file)}.${info.size}-${Math.round(info.mtimeMs)}.${process.version}.bin`) : null;
  let cachedData: Buffer | undefined;
  if (cacheFile) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // Not cached yet.
    }
  }
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapper, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as unknown };
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  if (cacheFile && (!cachedData || script.cachedDataRejected)) {
    if (!pending.length) process.once('exit', flushCodeCache);
    pending.push({ script, cacheFile, source: path.basename(file) });
  }
  return module.exports;
}
