import { Engine } from '../answer/engine.js';
import { ConfigError, loadEngineEnv } from '../config.js';
import { CorpusError } from '../corpus/parse.js';
import { createLogger } from '../logger.js';
import type { DownloadProgress } from '../search/dense.js';
import { QuestionError } from '../text/question.js';

/** A mistake in how the command was called: one line on stderr, exit code 2. */
export class UsageError extends Error {}

/** Builds the engine from the environment, with download progress on stderr. */
export async function engineFromEnvironment(): Promise<Engine> {
  const { engine, log } = loadEngineEnv();
  const logger = createLogger(log);
  let lastShown = '';
  const onProgress = (p: DownloadProgress): void => {
    if (p.status !== 'progress' || p.progress === undefined || !process.stderr.isTTY) return;
    const line = `downloading ${p.name ?? ''}/${p.file ?? ''}: ${Math.floor(p.progress)}%`;
    if (line !== lastShown) process.stderr.write(`\r${line}`);
    lastShown = line;
  };
  const result = await Engine.create(engine, { logger, onProgress });
  if (lastShown) process.stderr.write('\n');
  return result;
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
