#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { ENGINE_OPTIONS, ENGINE_OPTIONS_USAGE, engineFromEnvironment, languageOption, runCli, stdinLines, UsageError } from './common.js';
import { answerJson, formatAnswer, type FormatOptions } from './format.js';
import { QuestionError } from '../text/question.js';

/** Bytes of answers gathered before a write, when questions come from a pipe or a file. */
const OUTPUT_BLOCK = 64 * 1024;

const USAGE = `usage: npm run ask -- [--json] [--lang CODE] [--verbose] [--retry-model] "question"
       npm run ask -- --json < questions.txt     (one question per line, one JSON line each)
       npm run ask                               (interactive; Ctrl-D to quit)
  --json           one JSON object per answer
  --lang CODE      the question's language (ISO 639-1), instead of detecting it
${ENGINE_OPTIONS_USAGE}`;

runCli(async () => {
  const { values, positionals } = (() => {
    try {
      return parseArgs({
        allowPositionals: true,
        options: {
          json: { type: 'boolean', default: false },
          lang: { type: 'string' },
          help: { type: 'boolean', short: 'h' },
          ...ENGINE_OPTIONS,
        },
      });
    } catch (error) {
      throw new UsageError(`${(error as Error).message}\n${USAGE}`);
    }
  })();
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const language = languageOption(values.lang);
  const options = language ? { language } : {};
  const format: FormatOptions = {
    color: !values.json && process.stdout.isTTY === true && !process.env.NO_COLOR,
    verbose: values.verbose,
    columns: process.stdout.columns,
  };
  const load = () => engineFromEnvironment({ retryModel: values['retry-model'] });

  if (positionals.length) {
    // Words typed without quotes are one question.
    const question = positionals.join(' ');
    const { engine, context } = await load();
    const answer = await engine.ask(question, options);
    process.stdout.write(values.json ? `${JSON.stringify(answerJson(answer))}\n` : `${formatAnswer(answer, engine.status(), context, format)}\n`);
    return 0;
  }

  if (process.stdin.isTTY && values.json) throw new UsageError(`no question given\n${USAGE}`);
  const { engine, context } = await load();
  if (process.stdin.isTTY) process.stderr.write('Ask a question about the article (Ctrl-D to quit).\n> ');
  // Typed questions get their answer at once; piped ones are written in blocks, as C's stdio
  // does on a pipe (one write per answer cost a batch more than the answers themselves).
  const interactive = Boolean(process.stdin.isTTY);
  let pending = '';
  const emit = (text: string): void => {
    pending += text;
    if (interactive || pending.length >= OUTPUT_BLOCK) flush();
  };
  const flush = (): void => {
    if (pending) process.stdout.write(pending);
    pending = '';
  };
  try {
    for await (const line of stdinLines()) {
      if (!line.trim()) {
        if (interactive) process.stderr.write('> ');
        continue;
      }
      try {
        const answer = await engine.ask(line, options);
        emit(values.json ? `${JSON.stringify(answerJson(answer))}\n` : `${formatAnswer(answer, engine.status(), context, format)}\n\n`);
      } catch (error) {
        // In a batch, one bad line is reported in place and the others still get answers.
        if (!(error instanceof QuestionError)) throw error;
        emit(values.json ? `${JSON.stringify({ question: line, error: error.message })}\n` : `error: ${error.message}\n\n`);
      }
      if (interactive) process.stderr.write('> ');
    }
  } finally {
    flush();
  }
  return 0;
});
