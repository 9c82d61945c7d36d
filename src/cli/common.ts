import { Engine } from '../answer/engine.js';
import { ConfigError, loadEngineEnv, type EngineConfig } from '../config.js';
import { CorpusError } from '../corpus/parse.js';
import { createLogger } from '../logger.js';
import { forgetDownloadFailure, type DownloadProgress } from '../search/dense.js';
import { LANGUAGES, languageByCode } from '../text/languages.js';
import { QuestionError } from '../text/question.js';
import { modelCacheDir, statusContext, type StatusContext } from './status.js';

/** A mistake in how the command was called: one line on stderr, exit code 2. */
export class UsageError extends Error {}

/** Options every command that loads the engine understands (node:util parseArgs format). */
export const ENGINE_OPTIONS = {
  verbose: { type: 'boolean', short: 'v', default: false },
  'retry-model': { type: 'boolean', default: false },
} as const;

export const ENGINE_OPTIONS_USAGE = `  --verbose, -v    the full mode description and why the model is not in use
  --retry-model    try to download the embedding model now, even if the last attempt failed
                   for lack of network less than 24 h ago (it is otherwise skipped for 24 h)`;

/** A --lang value as the engine's language code; an unknown one is a usage error listing the valid codes. */
export function languageOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const language = languageByCode(value);
  if (!language) throw new UsageError(`unknown language "${value}" for --lang; valid codes: ${LANGUAGES.map((l) => l.code).join(', ')}`);
  return language.code;
}

export interface LoadedEngine {
  readonly engine: Engine;
  readonly config: EngineConfig;
  /** What the status line needs beyond engine.status(). */
  readonly context: StatusContext;
}

/**
 * Builds the engine from the environment, with download progress on stderr. `retryModel` forgets
 * a remembered download failure first, so the download is attempted again.
 */
export async function engineFromEnvironment(options: { retryModel?: boolean } = {}): Promise<LoadedEngine> {
  const { engine: config, log } = loadEngineEnv();
  if (options.retryModel) forgetDownloadFailure(modelCacheDir(config));
  const logger = createLogger(log);
  let lastShown = '';
  const onProgress = (p: DownloadProgress): void => {
    if (p.status !== 'progress' || p.progress === undefined || !process.stderr.isTTY) return;
    const line = `downloading ${p.name ?? ''}/${p.file ?? ''}: ${Math.floor(p.progress)}%`;
    if (line !== lastShown) process.stderr.write(`\r${line}`);
    lastShown = line;
  };
  const engine = await Engine.create(config, { logger, onProgress });
  if (lastShown) process.stderr.write('\n');
  return { engine, config, context: statusContext(config) };
}

/**
 * Runs a CLI entry point: expected failures become one readable line (exit 2 for usage and
 * bad questions, 1 for configuration and data problems), never a stack trace.
 */
export function runCli(main: () => Promise<number | void>): void {
  main().then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (error: unknown) => {
      if (error instanceof UsageError || error instanceof QuestionError || error instanceof RangeError) {
        process.stderr.write(`error: ${error.message}\n`);
        process.exitCode = 2;
      } else if (error instanceof ConfigError) {
        process.stderr.write(`configuration error:\n${error.problems.map((p) => `  - ${p}`).join('\n')}\n`);
        process.exitCode = 1;
      } else if (error instanceof CorpusError) {
        process.stderr.write(`corpus error: ${error.message}\n`);
        process.exitCode = 1;
      } else {
        process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
        if (process.env.DEBUG) console.error(error);
        process.exitCode = 1;
      }
    },
  );
}

/** Lines of standard input, one at a time. */
export async function* stdinLines(): AsyncGenerator<string> {
  const { createInterface } = await import('node:readline');
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
  for await (const line of rl) yield line;
}
