#!/usr/bin/env node
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { evaluate, type EvalQuestion } from '../answer/evaluate.js';
import { describeMode } from '../answer/engine.js';
import { PACKAGE_ROOT } from '../paths.js';
import { engineFromEnvironment, runCli, UsageError } from './common.js';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

runCli(async () => {
  let values;
  try {
    ({ values } = parseArgs({ options: { questions: { type: 'string' }, json: { type: 'boolean', default: false }, verbose: { type: 'boolean', short: 'v' } } }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\nusage: npm run eval -- [--questions FILE] [--json] [--verbose]`);
  }
  const file = values.questions ?? path.join(PACKAGE_ROOT, 'test/fixtures/questions.json');
  const { questions } = JSON.parse(await readFile(file, 'utf8')) as { questions: EvalQuestion[] };
  const engine = await engineFromEnvironment();
  const report = await evaluate(engine, questions);
  if (values.json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return 0;
  }
  const out: string[] = [];
  out.push(`mode: ${describeMode(engine.status())}`);
  out.push(`questions: ${report.rows.length} (${report.answerable} answerable, ${report.offTopic} off-topic) from ${path.relative(process.cwd(), file)}`);
  out.push(`top-1 accuracy: ${pct(report.top1)}   MRR: ${report.mrr.toFixed(3)}`);
  for (const [language, figures] of Object.entries(report.byLanguage)) out.push(`  ${language}: top-1 ${pct(figures.top1)} of ${figures.questions}`);
  out.push(`threshold ${report.threshold}: abstention precision ${pct(report.abstentionPrecision)}, recall ${pct(report.abstentionRecall)}; answerable questions answered with a right paragraph: ${pct(report.answeredCorrectly)}`);
  out.push('', 'threshold sweep: precision / recall of "not covered" · answerable answered correctly · balanced accuracy');
  for (const s of report.sweep) {
    const mark = s.threshold === report.bestThreshold ? '  ← best balanced accuracy' : '';
    out.push(`  ${s.threshold.toFixed(2)}  ${pct(s.precision).padStart(6)} / ${pct(s.recall).padStart(6)} · ${pct(s.answeredCorrectly).padStart(6)} · ${pct(s.balanced).padStart(6)}${mark}`);
  }
  const misses = report.rows.filter((r) => (r.expected ? r.rank !== 1 || !r.answered : r.answered));
  out.push('', misses.length ? 'misses:' : 'no misses');
  for (const r of values.verbose ? report.rows : misses) {
    out.push(`  ${r.id} [${r.detected}] expected ${r.expected ? `¶${r.expected.join('/¶')}` : 'not covered'}, got ¶${r.top} (${r.answered ? 'answered' : 'declined'}, score ${r.score}) — ${r.question}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
});
