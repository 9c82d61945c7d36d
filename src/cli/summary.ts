#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { SUMMARY_DEFAULT, SUMMARY_MAX, SUMMARY_MIN } from '../answer/summary.js';
import { engineFromEnvironment, runCli, UsageError } from './common.js';
import { formatSummary } from './format.js';

const USAGE = `usage: npm run summary -- [--sentences N] [--json]     (N from ${SUMMARY_MIN} to ${SUMMARY_MAX}, default ${SUMMARY_DEFAULT})`;

runCli(async () => {
  let parsed;
  try {
    parsed = parseArgs({
      options: { sentences: { type: 'string', short: 'n' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const { values } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const raw = values.sentences ?? String(SUMMARY_DEFAULT);
  const count = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(count) || count < SUMMARY_MIN || count > SUMMARY_MAX) {
    throw new UsageError(`--sentences must be a whole number from ${SUMMARY_MIN} to ${SUMMARY_MAX} (got "${raw}")`);
  }
  const engine = await engineFromEnvironment();
  const summary = engine.summary(count);
  const status = engine.status();
  process.stdout.write(
    values.json
      ? `${JSON.stringify({ article: summary.articleId, mode: status.mode, sentences: summary.sentences })}\n`
      : `${formatSummary(summary, process.stdout.isTTY === true && !process.env.NO_COLOR)}\n`,
  );
  return 0;
});
