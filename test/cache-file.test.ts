import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCacheFile } from '../src/cache-file.js';

describe('cache files', () => {
  it('writes a file whole, creating its folder, and leaves no temporary file behind', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cache-file-'));
    const file = path.join(dir, 'deeper', 'entries.tsv');
    expect(await writeCacheFile(file, 'key\tvalue\n')).toBeNull();
    expect(await readFile(file, 'utf8')).toBe('key\tvalue\n');
    expect(await readdir(path.dirname(file))).toEqual(['entries.tsv']);
  });

  it('returns the error, without throwing, when the folder cannot be made', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cache-file-'));
    const notAFolder = path.join(dir, 'plain');
    await writeFile(notAFolder, 'a file, not a folder');
    const error = await writeCacheFile(path.join(notAFolder, 'entries.tsv'), 'x');
    expect(error).toBeInstanceOf(Error);
    expect((error as NodeJS.ErrnoException).code).toMatch(/ENOTDIR|EEXIST/);
  });
});
