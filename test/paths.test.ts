import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPackageRoot, PACKAGE_NAME, PACKAGE_ROOT } from '../src/paths.js';

/** A fake file system: the package.json files that exist, by path, with their text. */
function manifests(files: Record<string, unknown>): (file: string) => string | null {
  return (file) => (file in files ? JSON.stringify(files[file]) : null);
}

const p = (...parts: string[]): string => path.join(path.sep, ...parts);

describe('findPackageRoot', () => {
  const checkout = p('home', 'me', 'dist', 'article-oracle');
  const fs = manifests({ [path.join(checkout, 'package.json')]: { name: PACKAGE_NAME } });

  it('finds the checkout from the compiled code even when a folder above it is named dist', () => {
    expect(findPackageRoot(path.join(checkout, 'dist', 'src'), fs)).toBe(checkout);
    expect(findPackageRoot(path.join(checkout, 'dist', 'src', 'cli'), fs)).toBe(checkout);
  });

  it('finds the checkout from the sources (tests run src/ directly)', () => {
    expect(findPackageRoot(path.join(checkout, 'src'), fs)).toBe(checkout);
  });

  it("skips another package's package.json on the way up", () => {
    const nested = manifests({
      [path.join(checkout, 'package.json')]: { name: PACKAGE_NAME },
      [path.join(checkout, 'dist', 'package.json')]: { type: 'module' },
      [path.join(checkout, 'dist', 'src', 'package.json')]: 'not json at all',
    });
    expect(findPackageRoot(path.join(checkout, 'dist', 'src'), nested)).toBe(checkout);
  });

  it('says so when no package.json of this package is above the start', () => {
    expect(() => findPackageRoot(p('elsewhere', 'dist', 'src'), fs)).toThrow(/no package.json of "article-oracle"/);
  });

  it('resolves this checkout to the folder that holds its package.json', () => {
    expect(path.isAbsolute(PACKAGE_ROOT)).toBe(true);
    expect(findPackageRoot(path.join(PACKAGE_ROOT, 'src'))).toBe(PACKAGE_ROOT);
  });
});
