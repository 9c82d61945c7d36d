import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
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
 * Whether the last build type-checked clean: tsc's incremental build info keeps the diagnostics of
 * a build that had errors (`semanticDiagnosticsPerFile`), and has none after a clean one.
 */
function builtClean(buildInfo: string): boolean {
  try {
    return !('semanticDiagnosticsPerFile' in (JSON.parse(readFileSync(buildInfo, 'utf8')) as object));
  } catch {
    return false;
  }
}

/**
 * Compiles and type-checks src/, the tests and the rest to dist/ before the suite (`npm test` is
 * this suite alone), so a type error fails it and CLI tests run what users run. Skipped when the
 * last build type-checked clean, is newer than every source it compiles and was bundled, as right
 * after `npm ci` (its `prepare` builds): type-checking again would find nothing and costs seconds.
 */
export default function setup(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const buildInfo = path.join(root, 'dist/.tsbuildinfo');
  const bundle = path.join(root, 'dist/cli/ask.mjs');
  const sources = ['src', 'commands', 'bench', 'data/build', 'test'].map((dir) => newest(path.join(root, dir)));
  const built = existsSync(buildInfo) ? statSync(buildInfo).mtimeMs : 0;
  const config = statSync(path.join(root, 'tsconfig.json')).mtimeMs;
  const bundled = existsSync(bundle) && statSync(bundle).mtimeMs >= built;
  if (built > Math.max(config, ...sources) && bundled && builtClean(buildInfo)) return;
  execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, [path.join(root, 'scripts/bundle-deps.mjs')], { cwd: root, stdio: 'inherit' });
}
