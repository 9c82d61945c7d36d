import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The name in this package's package.json: the root is the folder that holds it. */
export const PACKAGE_NAME = 'article-oracle';

/**
 * The nearest folder at or above `start` whose package.json is this package's. Walking up to the
 * manifest, rather than cutting the path at a folder named `dist`, keeps working when the
 * checkout itself lives under a `dist` folder (/home/me/dist/article-oracle/dist/src → /home/me/dist/article-oracle).
 * `readManifest` returns a package.json's text, or null when there is none (injectable for tests).
 */
export function findPackageRoot(
  start: string,
  readManifest: (file: string) => string | null = readIfPresent,
  name: string = PACKAGE_NAME,
): string {
  let dir = path.resolve(start);
  for (;;) {
    const text = readManifest(path.join(dir, 'package.json'));
    if (text !== null && manifestName(text) === name) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json of "${name}" in ${start} or any folder above it`);
    dir = parent;
  }
}

function manifestName(text: string): string | undefined {
  try {
    return (JSON.parse(text) as { name?: unknown }).name as string | undefined;
  } catch {
    return undefined;
  }
}

function readIfPresent(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** The package root, whether running from src/ (tests), dist/src/ (built) or a bundle in dist/cli/. */
export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

/**
 * The one-file bundles of dependencies the build makes (scripts/bundle-deps.mjs). Found from the
 * root, not from the calling module, whose place differs in src/, dist/src/ and the bundled CLI.
 */
export const VENDOR_DIR = path.join(PACKAGE_ROOT, 'dist', 'vendor');
