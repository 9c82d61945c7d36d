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
 *
 * src/zod.ts, src/logger.ts and src/text/stopwords.ts fall back to the packages when a bundle is missing. Run by
 * `npm run build` and by the test suite's build step.
 */
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
