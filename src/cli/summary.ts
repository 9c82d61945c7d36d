#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { SUMMARY_DEFAULT, SUMMARY_MAX, SUMMARY_MIN } from '../answer/summary.js';
import { ENGINE_OPTIONS, ENGINE_OPTIONS_USAGE, engineFromEnvironment, runCli, UsageError } from './common.js';
import { formatStatus, formatSummary } from './format.js';

const USAGE = `usage: npm run summary -- [--sentences N] [--json] [--verbose] [--retry-model]
  --sentences N    how many sentences, from ${SUMMARY_MIN} to ${SUMMARY_MAX} (default ${SUMMARY_DEFAULT})
  --json           one JSON object
${ENGINE_OPTIONS_USAGE}`;

runCli(async () => {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        sentences: { type: 'string', short: 'n' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
        ...ENGINE_OPTIONS,
      },
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
  const { engine, context } = await engineFromEnvironment({ retryModel: values['retry-model'] });
  const summary = engine.summary(count);
  const status = engine.status();
  // The summary does not depend on the mode: the status is shown only when asked for.
  const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
  process.stdout.write(
    values.json
      ? `${JSON.stringify({ article: summary.articleId, mode: status.mode, sentences: summary.sentences })}\n`
      : `${formatSummary(summary, color)}\n${values.verbose ? `\n${formatStatus(status, context, true).join('\n')}\n` : ''}`,
  );
  return 0;
});
