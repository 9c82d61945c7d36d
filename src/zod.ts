import { createRequire } from 'node:module';
import type { z as Zod } from 'zod';

/**
 * zod, required through its CommonJS build: imported as ESM it loads a few dozen modules
 * through the ESM loader, which costs a CLI that starts for every question ~35 ms. Types come
 * from `import type { z } from 'zod'` as usual.
 */
export const z = createRequire(import.meta.url)('zod').z as typeof Zod;
