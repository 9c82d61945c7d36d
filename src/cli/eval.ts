#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { describeMode } from '../answer/engine.js';
import { chatRobustness, engineSystem, evaluate, parseQuestionSet, typoRobustness, type EvalFigures, type EvalReport, type EvalRow, type RobustnessFigures } from '../answer/evaluate.js';
import { PACKAGE_ROOT } from '../paths.js';
import { BASELINE_DESCRIPTION, miniSearchBaseline } from './baseline.js';
import { ENGINE_OPTIONS, ENGINE_OPTIONS_USAGE, engineFromEnvironment, runCli, UsageError } from './common.js';
import { statusLine } from './status.js';

/** The sets evaluated by default: the development set (threshold sweep printed) and the held-out set. */
export const DEFAULT_SETS = [
  { name: 'dev', file: 'eval/dev.json' },
  { name: 'heldout', file: 'eval/heldout.json' },
] as const;

const USAGE = `usage: npm run eval -- [--questions FILE] [--json] [--verbose] [--retry-model]
  (default: ${DEFAULT_SETS.map((s) => s.file).join(' and ')}, each beside the MiniSearch baseline)
  --questions FILE  evaluate this question set only ({ "questions": [{ id, language, kind, question, expected, answer? }] })
  --json            one JSON object: per set, the engine's and the baseline's figures and rows
${ENGINE_OPTIONS_USAGE}
                    (--verbose also lists every question the engine missed)`;

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const nOf = (n: number, of: number): string => `${n} of ${of}`;

interface SetResult {
  readonly name: string;
  readonly file: string;
  readonly engine: EvalReport;
  readonly baseline: EvalReport;
  readonly typos: { readonly engine: RobustnessFigures; readonly baseline: RobustnessFigures };
  /** The same, with the questions in a chat frame ("hey everyone, …", "… thanks a lot!"). */
  readonly chat: { readonly engine: RobustnessFigures; readonly baseline: RobustnessFigures };
}

/** The main figures, engine and baseline side by side. */
function sideBySide(engine: EvalReport, baseline: EvalReport): string[] {
  const col = (a: string, b: string, label: string): string => `  ${label.padEnd(44)}${a.padStart(18)}${b.padStart(18)}`;
  const lines = [col('engine', 'MiniSearch', '')];
  lines.push(col(pct(engine.answeredRight), pct(baseline.answeredRight), `answerable (${engine.answerable}): answered, right paragraph`));
  lines.push(col(pct(engine.declined), pct(baseline.declined), 'answerable: declined ("not covered")'));
  lines.push(col(pct(engine.answeredWrong), pct(baseline.answeredWrong), 'answerable: answered, wrong paragraph'));
  lines.push(col(nOf(engine.toDeclineDeclined, engine.toDecline), nOf(baseline.toDeclineDeclined, baseline.toDecline), 'traps + off-topic declined'));
  lines.push(col(pct(engine.top1), pct(baseline.top1), 'top-1 (expected paragraph ranked first)'));
  lines.push(col(engine.mrr.toFixed(3), baseline.mrr.toFixed(3), 'MRR'));
  const spans = (r: EvalReport): string => (r.spans.spans ? `${nOf(r.spans.matching, r.spans.spans)} (${pct(r.spans.precision)})` : 'no span');
  lines.push(col(spans(engine), spans(baseline), `short-answer spans right (${engine.spans.withAnswer} ask one)`));
  return lines;
}

/** One line per language or kind: right / declined / wrong, top-1, declined of the questions to decline; both systems. */
function breakdown(title: string, engine: Record<string, EvalFigures>, baseline: Record<string, EvalFigures>): string[] {
  const columns = (values: string[]): string => values.map((v) => v.padStart(7)).join('');
  const cell = (f: EvalFigures | undefined): string => {
    if (!f) return columns(['', '', '', '', '']);
    const answerable = f.answerable ? [f.answeredRight, f.declined, f.answeredWrong, f.top1].map(pct) : ['', '', '', ''];
    return columns([...answerable, f.toDecline ? `${f.toDeclineDeclined}/${f.toDecline}` : '–']);
  };
  const head = columns(['right', 'decl.', 'wrong', 'top-1', 'decl.']);
  const lines = [
    `  ${''.padEnd(16)}${'engine'.padEnd(35)}   MiniSearch`,
    `  ${title.padEnd(12)}${'n'.padStart(4)}${head}   ${head}`,
  ];
  for (const key of Object.keys(engine).sort()) {
    lines.push(`  ${key.padEnd(12)}${String(engine[key]!.questions).padStart(4)}${cell(engine[key])}   ${cell(baseline[key])}`);
  }
  return lines;
}

/** Right answers asked again with one typo, and in a chat frame: how many stay right, how many turn wrong. */
function robustnessLines(r: Pick<SetResult, 'typos' | 'chat'>): string[] {
  const cell = (t: RobustnessFigures): string => `${nOf(t.unchanged, t.tried)}, ${t.wrong} wrong`;
  return [
    `  ${'right answers retyped with one typo: kept'.padEnd(44)}${cell(r.typos.engine).padStart(18)}${cell(r.typos.baseline).padStart(18)}`,
    `  ${'right answers asked in a chat frame: kept'.padEnd(44)}${cell(r.chat.engine).padStart(18)}${cell(r.chat.baseline).padStart(18)}`,
  ];
}

function sweepLines(report: EvalReport): string[] {
  if (!report.sweep) return [];
  const lines = ['threshold sweep (engine): precision / recall of "not covered" · answerable answered right · balanced accuracy'];
  for (const s of report.sweep) {
    const marks = [s.threshold === report.threshold ? 'in use' : '', s.threshold === report.bestThreshold ? 'best balanced accuracy' : ''].filter(Boolean);
    lines.push(
      `  ${s.threshold.toFixed(2)}  ${pct(s.precision).padStart(6)} / ${pct(s.recall).padStart(6)} · ${pct(s.answeredRight).padStart(6)} · ${pct(s.balanced).padStart(6)}${marks.length ? `  ← ${marks.join(', ')}` : ''}`,
    );
  }
  return lines;
}

function missLine(r: EvalRow): string {
  const expected = r.expected ? `¶${r.expected.join('/¶')}` : 'not covered';
  const got = r.top === null ? 'nothing' : `¶${r.top} (${r.answered ? 'answered' : 'declined'}, score ${r.score})`;
  return `  ${r.id} [${r.kind}, read as ${r.detected ?? '?'}] expected ${expected}, got ${got} — ${r.question}`;
}

const isMiss = (r: EvalRow): boolean => (r.expected ? !r.answered || r.top === null || !r.expected.includes(r.top) : r.answered);

runCli(async () => {
  let values;
  try {
    ({ values } = parseArgs({
      options: { questions: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' }, ...ENGINE_OPTIONS },
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const sets = values.questions
    ? [{ name: path.basename(values.questions, '.json'), file: path.resolve(values.questions) }]
    : DEFAULT_SETS.map((s) => ({ name: s.name, file: path.join(PACKAGE_ROOT, s.file) }));
  for (const set of sets) {
    if (!existsSync(set.file)) throw new UsageError(`no question set at ${set.file}${values.questions ? '' : ' (pass --questions FILE to evaluate another set)'}`);
  }

  const { engine, context } = await engineFromEnvironment({ retryModel: values['retry-model'] });
  const engineUnderTest = engineSystem(engine);
  const baseline = miniSearchBaseline(engine.corpus);
  const results: SetResult[] = [];
  for (const set of sets) {
    const questions = parseQuestionSet(await readFile(set.file, 'utf8'), set.file);
    const engineReport = await evaluate(engineUnderTest, questions);
    const baselineReport = await evaluate(baseline, questions);
    const typos = {
      engine: await typoRobustness(engineUnderTest, questions, engineReport),
      baseline: await typoRobustness(baseline, questions, baselineReport),
    };
    const chat = {
      engine: await chatRobustness(engineUnderTest, questions, engineReport),
      baseline: await chatRobustness(baseline, questions, baselineReport),
    };
    results.push({ name: set.name, file: set.file, engine: engineReport, baseline: baselineReport, typos, chat });
  }

  const status = engine.status();
  if (values.json) {
    process.stdout.write(
      `${JSON.stringify({
        mode: status.mode,
        model: status.model,
        status: statusLine(status, context),
        baseline: BASELINE_DESCRIPTION,
        sets: results.map((r) => ({ name: r.name, file: path.relative(PACKAGE_ROOT, r.file), engine: r.engine, baseline: r.baseline, typos: r.typos, chat: r.chat })),
      })}\n`,
    );
    return 0;
  }

  const out: string[] = [];
  out.push(`engine: ${values.verbose ? describeMode(status) : statusLine(status, context)}`);
  out.push(`baseline: ${BASELINE_DESCRIPTION}`);
  out.push('per language and kind: answerable questions answered right, declined, answered wrong, top-1; questions to decline declined');
  results.forEach((r, i) => {
    const e = r.engine;
    out.push('', `${r.name} set (${path.relative(process.cwd(), r.file) || r.file}): ${e.questions} questions, ${e.answerable} answerable, ${e.toDecline} to decline (traps and off-topic)`);
    out.push(...sideBySide(e, r.baseline), ...robustnessLines(r), '');
    out.push(...breakdown('language', e.byLanguage, r.baseline.byLanguage), '');
    out.push(...breakdown('kind', e.byKind, r.baseline.byKind));
    // The sweep calibrates the threshold: on the development set only, never on the held-out one.
    if (i === 0) out.push('', ...sweepLines(e));
    if (values.verbose) {
      const misses = e.rows.filter(isMiss);
      out.push('', misses.length ? `engine misses (${misses.length}):` : 'engine: no misses', ...misses.map(missLine));
    }
  });
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
});
