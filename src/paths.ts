import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root, whether running from src/ (tests) or dist/src/ (built). */
export const PACKAGE_ROOT = (() => {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const parts = here.split(path.sep);
  const distIndex = parts.lastIndexOf('dist');
  return distIndex >= 0 ? parts.slice(0, distIndex).join(path.sep) || path.sep : path.resolve(here, '..');
})();
