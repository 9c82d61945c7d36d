import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Newest modification time of the TypeScript files under `dir` (0 when there are none). */
function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(file));
    else if (entry.name.endsWith('.ts')) latest = Math.max(latest, statSync(file).mtimeMs);
  }
  return latest;
}

/**
 * Compiles src/ to dist/ before the suite, so CLI tests run what users run. Skipped when the
 * last build (its build info) is newer than every source it compiles, as right after `npm ci`.
 */
export default function setup(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const buildInfo = path.join(root, 'dist/.tsbuildinfo');
  const sources = ['src', 'commands', 'bench', 'data/build', 'test'].map((dir) => newest(path.join(root, dir)));
  const built = existsSync(buildInfo) ? statSync(buildInfo).mtimeMs : 0;
  const config = statSync(path.join(root, 'tsconfig.json')).mtimeMs;
  if (built > Math.max(config, ...sources)) return;
  execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, [path.join(root, 'scripts/bundle-deps.mjs')], { cwd: root, stdio: 'inherit' });
}
