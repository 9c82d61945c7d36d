import { createRequire } from 'node:module';
import path from 'node:path';
import type { z as Zod } from 'zod';
import { requireWithCodeCache } from './code-cache.js';
import { VENDOR_DIR } from './paths.js';

/** The part of zod the project uses (see scripts/bundle-deps.mjs, which must export the same names). */
export type ZodSubset = Pick<typeof Zod, 'object' | 'string' | 'coerce' | 'enum' | 'NEVER'>;

const require = createRequire(import.meta.url);

/**
 * zod, from the one-file subset `npm run build` bundles (dist/vendor/zod-subset.cjs): the
 * package itself is a hundred CommonJS modules, locales included, which cost a CLI that starts
 * for every question 50–70 ms against about 10. Without the bundle (a build that skipped it),
 * the package as usual. Types come from `import type { z } from 'zod'`.
 */
function loadZod(): ZodSubset {
  try {
    return requireWithCodeCache(path.join(VENDOR_DIR, 'zod-subset.cjs')) as ZodSubset;
  } catch {
    return require('zod').z as ZodSubset;
  }
}

export const z = loadZod();
