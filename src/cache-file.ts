import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a cache file whole or not at all: into a temporary file beside it, then renamed over it,
 * so that a reader (another process starting at the same moment) never sees half a file. Creates
 * the folder. A folder that cannot be written only costs speed: the error is returned, not thrown
 * (null when the file was written).
 */
export async function writeCacheFile(file: string, content: string | Uint8Array): Promise<unknown> {
  try {
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, content);
    await rename(temporary, file);
    return null;
  } catch (error) {
    return error;
  }
}
