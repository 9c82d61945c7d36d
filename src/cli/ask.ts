#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { engineFromEnvironment, runCli, stdinLines, UsageError } from './common.js';
import { answerJson, formatAnswer } from './format.js';
import { QuestionError } from '../text/question.js';

const USAGE = `usage: npm run ask -- [--json] [--lang CODE] "question"
       npm run ask -- --json < questions.txt     (one question per line, one JSON line each)`;

runCli(async () => {
  const { values, positionals } = (() => {
    try {
      return parseArgs({
        allowPositionals: true,
        options: { json: { type: 'boolean', default: false }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      });
    } catch (error) {
      throw new UsageError(`${(error as Error).message}\n${USAGE}`);
    }
  })();
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const options = values.lang ? { language: values.lang } : {};
  const color = !values.json && process.stdout.isTTY === true && !process.env.NO_COLOR;

  if (positionals.length) {
    // Words typed without quotes are one question.
    const question = positionals.join(' ');
    const engine = await engineFromEnvironment();
    const answer = await engine.ask(question, options);
    process.stdout.write(values.json ? `${JSON.stringify(answerJson(answer))}\n` : `${formatAnswer(answer, engine.status(), color)}\n`);
    return 0;
  }

  if (process.stdin.isTTY && values.json) throw new UsageError(`no question given\n${USAGE}`);
  const engine = await engineFromEnvironment();
  if (process.stdin.isTTY) process.stderr.write('Ask a question about the article (Ctrl-D to quit).\n> ');
  for await (const line of stdinLines()) {
    if (!line.trim()) {
      if (process.stdin.isTTY) process.stderr.write('> ');
      continue;
    }
    try {
      const answer = await engine.ask(line, options);
      process.stdout.write(values.json ? `${JSON.stringify(answerJson(answer))}\n` : `${formatAnswer(answer, engine.status(), color)}\n\n`);
    } catch (error) {
      // In a batch, one bad line is reported in place and the others still get answers.
      if (!(error instanceof QuestionError)) throw error;
      process.stdout.write(values.json ? `${JSON.stringify({ question: line, error: error.message })}\n` : `error: ${error.message}\n\n`);
    }
    if (process.stdin.isTTY) process.stderr.write('> ');
  }
  return 0;
});
