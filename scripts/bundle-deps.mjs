#!/usr/bin/env node
/**
 * Bundles dependencies into one file each under dist/vendor/, for start-up time:
 * a CLI that starts for every question pays for every module it resolves and compiles.
 *
 * - zod-subset.cjs: the part of zod the project uses (object, string, coerce, enum, NEVER),
 *   about 90 kB. zod itself is a hundred modules, locales included: 50–70 ms to require against
 *   about 10. Same code, same messages.
 * - pino.cjs: pino and its dependencies, about 60 kB (some 15 modules: ~20 ms → ~12 ms). The
 *   project uses no pino transport (worker threads load files by path, which a bundle breaks).
 *
 * - stopwords.cjs: the stop word lists of the engine's nine languages from `stopword` (nine
 *   modules, ~15 ms, against one file of a few kilobytes).
 * - snowball.cjs: `snowball-stemmers` (one 860 kB file of 24 algorithms, each built as a class
 *   when the file loads) cut to the engine's languages: about 9,000 lines of 23,000, ~4 ms less
 *   per start. The cut is checked (every kept algorithm must stem, every other must be gone);
 *   when the package's layout no longer fits it, no file is written and the package is used.
 *
 * - cli/ask.mjs, cli/summary.mjs: the CLI entry points with the project's own modules (compiled by
 *   tsc into dist/src), one ES module each. A CLI starts for every question: resolving and linking
 *   some fifty modules costs ~30 ms of every start, one file a few. Packages stay outside.
 *   `npm run ask` and `npm run summary` run these.
 *
 * src/zod.ts, src/logger.ts, src/text/stopwords.ts and src/text/stem.ts fall back to the packages when a
 * bundle is missing. Run by `npm run build` and by the test suite's build step.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const common = { bundle: true, format: 'cjs', platform: 'node', target: 'node20', minify: true, legalComments: 'inline', logLevel: 'warning' };
await build({
  ...common,
  stdin: { contents: "export { object, string, coerce, NEVER, enum } from 'zod';", resolveDir: root, loader: 'js' },
  outfile: path.join(root, 'dist/vendor/zod-subset.cjs'),
});
await build({ ...common, entryPoints: [path.join(root, 'node_modules/pino/pino.js')], outfile: path.join(root, 'dist/vendor/pino.cjs') });
await build({
  ...common,
  stdin: {
    contents: ['fra', 'eng', 'deu', 'spa', 'ita', 'nld', 'por', 'swe', 'fin'].map((code) => `export { ${code} } from 'stopword/src/stopwords_${code}.js';`).join('\n'),
    resolveDir: root,
    loader: 'js',
  },
  outfile: path.join(root, 'dist/vendor/stopwords.cjs'),
});

/**
 * The Snowball file without the algorithms of languages the engine does not have. Each algorithm
 * is one top-level `var xStemmer = function (_SnowballStemmer…) {` … `}(SnowballStemmer);` block,
 * listed once more in newStemmer's map; both are dropped for the other languages.
 */
function snowballFor(source, keep) {
  const out = [];
  let dropping = false;
  for (const line of source.split('\n')) {
    const start = /^ {4}var (\w+)Stemmer = function \(_SnowballStemmer\d*\) \{$/.exec(line);
    if (start && !keep.has(start[1])) {
      dropping = true;
      continue;
    }
    if (dropping) {
      if (/^ {4}\}\(SnowballStemmer\);$/.test(line)) dropping = false;
      continue;
    }
    const entry = /^ {12}(\w+): (\w+)Stemmer,?$/.exec(line);
    if (entry && !keep.has(entry[1])) continue;
    out.push(line);
  }
  return out.join('\n');
}

const { LANGUAGES } = await import(path.join(root, 'dist/src/text/languages.js'));
const snowballOut = path.join(root, 'dist/vendor/snowball.cjs');
const keep = new Set(LANGUAGES.map((language) => language.snowball));
const require = createRequire(import.meta.url);
const snowballSource = readFileSync(require.resolve('snowball-stemmers'), 'utf8');
const trimmed = snowballFor(snowballSource, keep);
rmSync(snowballOut, { force: true });
mkdirSync(path.dirname(snowballOut), { recursive: true });
const temporary = `${snowballOut}.tmp.cjs`;
writeFileSync(temporary, trimmed);
try {
  const full = require('snowball-stemmers');
  const cut = require(temporary);
  for (const name of keep) {
    for (const word of ['nationalisations', 'blessées', 'Krankenhäuser']) {
      if (cut.newStemmer(name).stem(word) !== full.newStemmer(name).stem(word)) throw new Error(`${name} stems differently`);
    }
  }
  const dropped = full.algorithms().filter((name) => !keep.has(name));
  if (dropped.some((name) => new RegExp(`var ${name}Stemmer\\b`).test(trimmed))) throw new Error('an algorithm was not dropped');
  // The file just checked becomes the bundle: written once.
  renameSync(temporary, snowballOut);
} catch (error) {
  console.warn(`bundle-deps: snowball-stemmers not cut (${error.message}); the package is used whole`);
} finally {
  rmSync(temporary, { force: true });
}

/**
 * The CLI entry points, bundled from tsc's output (the same code the tests and `npm run eval`
 * run) into one ES module each. Not CommonJS through the code cache: on Node 20, a script
 * compiled from V8's cache loses its dynamic import() callback, and transformers.js is an ES
 * module only import() can load.
 */
for (const name of ['ask', 'summary']) {
  await build({
    ...common,
    format: 'esm',
    minify: false,
    packages: 'external',
    entryPoints: [path.join(root, `dist/src/cli/${name}.js`)],
    outfile: path.join(root, `dist/cli/${name}.mjs`),
  });
}
