#!/usr/bin/env node
/**
 * `npm run bench`: speed and memory on this machine, each figure beside its target, in one run.
 *
 *  - CLI cold start: `node dist/cli/ask.mjs --json "…"` (OFFLINE=1, as `npm run ask` runs it),
 *    median of COLD_RUNS, against the median of `node -e 0` (the floor any Node CLI pays); target ≤ 3×.
 *  - Marginal cost of one more question in batch mode: one process asks the evaluation questions
 *    ROUNDS times after a warm-up round; total time / count (target ≤ 0.5 ms), with p50/p95. The
 *    same through the CLI: `ask --json` fed N lines minus fed 1 line, divided by N − 1.
 *  - Peak RSS of a batch asking in all six languages (en, fr, es, de, it, pt), in a fresh child
 *    process (process.resourceUsage().maxRSS); target ≤ 100 MB.
 *  - Longest event-loop block while Engine.create runs (perf_hooks.monitorEventLoopDelay, 10 ms
 *    resolution, cross-checked by a setInterval drift probe), with an empty cache (the first run)
 *    and a warm one; target ≤ 50 ms. Also the longest block while the first question of each
 *    language is answered (lazy loads), for information.
 *  - Engine start-up time, and the hybrid figures: with the configured model when it is available,
 *    else with the tiny test model (pipeline overhead only, not a real model's cost).
 *
 * Everything uses the public Engine API (Engine.create(config, { logger }), engine.ask(question,
 * { language })); each measure runs in its own child process so they do not share warm caches or heap.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Engine } from '../src/answer/engine.js';
import { engineConfigFrom, engineEnvSchema, parseEnv } from '../src/config.js';
import { loadCorpus } from '../src/corpus/load.js';
import { PACKAGE_ROOT } from '../src/paths.js';
import { words } from '../src/text/normalize.js';
import { createLogger } from '../src/logger.js';

const ROUNDS = 5;
const COLD_RUNS = 9;
/** The CLI batch is timed on the question list repeated 1× and CLI_BATCH_REPEAT×: both load every language once. */
const CLI_BATCH_REPEAT = 8;
/** Runs of each, interleaved, whose medians are compared: a process start varies by tens of ms on a shared VM. */
const CLI_BATCH_RUNS = 7;
const FLAGSHIP = 'How many wounded will Russia treat?';
const self = fileURLToPath(import.meta.url);
const CLI = path.join(PACKAGE_ROOT, 'dist/cli/ask.mjs');

export const TARGETS = {
  coldStartRatio: 3,
  marginalMs: 0.5,
  peakRssMb: 100,
  loadBlockMs: 50,
} as const;

/** A few questions in each of the six languages: the same facts asked six ways (used when no eval set is there, and for the RSS batch). */
const SIX_LANGUAGES: Record<string, string[]> = {
  en: [FLAGSHIP, 'Who is the spokesman of the Libyan National Army?', 'Which aircraft carrier did Haftar visit?'],
  fr: ['Combien de blessés la Russie va-t-elle soigner ?', 'Qui est le porte-parole de l’Armée nationale libyenne ?', 'Sur quel porte-avions Haftar est-il monté ?'],
  es: ['¿Cuántos heridos tratará Rusia?', '¿Quién es el portavoz del Ejército Nacional Libio?', '¿Qué portaaviones visitó Haftar?'],
  de: ['Wie viele Verwundete wird Russland behandeln?', 'Wer ist der Sprecher der Libyschen Nationalarmee?', 'Welchen Flugzeugträger besuchte Haftar?'],
  it: ['Quanti feriti curerà la Russia?', 'Chi è il portavoce dell’Esercito nazionale libico?', 'Quale portaerei ha visitato Haftar?'],
  pt: ['Quantos feridos a Rússia vai tratar?', 'Quem é o porta-voz do Exército Nacional Líbio?', 'Que porta-aviões Haftar visitou?'],
};

// The workers measure the engine, not the benchmark: the tiny-model builder (protobufjs) is
// imported only by the hybrid worker, and pino through the project's logger factory.
const silent = createLogger({ level: 'silent', pretty: false });

function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

const median = (values: readonly number[]): number => percentile([...values].sort((a, b) => a - b), 0.5);

/** The evaluation questions (dev + held-out) with their languages, or the built-in six-language list. */
async function questionList(): Promise<{ question: string; language: string }[]> {
  const out: { question: string; language: string }[] = [];
  for (const file of ['eval/dev.json', 'eval/heldout.json']) {
    const full = path.join(PACKAGE_ROOT, file);
    if (!existsSync(full)) continue;
    const { questions } = JSON.parse(await readFile(full, 'utf8')) as { questions: { question: string; language: string }[] };
    out.push(...questions.map((q) => ({ question: q.question, language: q.language })));
  }
  return out.length ? out : Object.entries(SIX_LANGUAGES).flatMap(([language, qs]) => qs.map((question) => ({ question, language })));
}

/** Configuration as the CLI reads it, with overrides (OFFLINE=1 always: the bench never downloads). */
function config(env: Record<string, string>) {
  return engineConfigFrom(parseEnv(engineEnvSchema, { ...process.env, OFFLINE: '1', ...env }));
}

/** Runs `work` while measuring the longest event-loop block two ways; returns its result and the blocks in ms. */
async function measureBlocking<T>(work: () => Promise<T>): Promise<{ result: T; histogramMs: number; driftMs: number; ms: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  const PERIOD = 5;
  let last = performance.now();
  let drift = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    drift = Math.max(drift, now - last - PERIOD);
    last = now;
  }, PERIOD);
  histogram.enable();
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  // One more turn of the loop so a block at the very end is seen by both probes.
  await new Promise((resolve) => setTimeout(resolve, 2 * PERIOD));
  histogram.disable();
  clearInterval(timer);
  drift = Math.max(drift, performance.now() - last - PERIOD);
  return { result, histogramMs: histogram.max / 1e6, driftMs: drift, ms };
}

// ---------------------------------------------------------------------------------------------
// Workers: each runs in its own process and prints one JSON object.

type Worker = (arg: string | undefined) => Promise<unknown>;

const workers: Record<string, Worker> = {
  /** Engine start-up, the longest block during it, and the first question of each language. */
  async load(cacheDir) {
    const cfg = config({ EMBEDDING_MODEL: 'none', ...(cacheDir ? { CACHE_DIR: cacheDir } : {}) });
    const load = await measureBlocking(() => Engine.create(cfg, { logger: silent }));
    const engine = load.result;
    const firsts = await measureBlocking(async () => {
      for (const [language, qs] of Object.entries(SIX_LANGUAGES)) await engine.ask(qs[0]!, { language });
    });
    return { startupMs: load.ms, blockMs: load.histogramMs, driftMs: load.driftMs, firstQuestionsMs: firsts.ms, firstBlockMs: Math.max(firsts.histogramMs, firsts.driftMs) };
  },

  /** Batch: total time / count after a warm-up round, and p50/p95 per question. */
  async batch(mode) {
    const env = await modeEnv(mode ?? 'lexical');
    if (!env) return { unavailable: 'no model' };
    const cfg = config(env.env);
    const started = performance.now();
    const engine = await Engine.create(cfg, { logger: silent });
    const startupMs = performance.now() - started;
    if (mode !== 'lexical' && engine.mode !== 'hybrid') return { unavailable: engine.status().modelProblem };
    const list = await questionList();
    for (const q of list) await engine.ask(q.question);
    const times: number[] = [];
    const total = performance.now();
    for (let round = 0; round < ROUNDS; round++) {
      for (const q of list) {
        const t = performance.now();
        await engine.ask(q.question);
        times.push(performance.now() - t);
      }
    }
    const totalMs = performance.now() - total;
    times.sort((a, b) => a - b);
    return {
      label: env.label,
      startupMs,
      perQuestionMs: totalMs / times.length,
      p50: percentile(times, 0.5),
      p95: percentile(times, 0.95),
      answers: times.length,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    };
  },

  /** Peak RSS of a fresh process that asks a few questions in each of the six languages. */
  async rss() {
    const engine = await Engine.create(config({ EMBEDDING_MODEL: 'none' }), { logger: silent });
    let answers = 0;
    for (const [language, qs] of Object.entries(SIX_LANGUAGES)) {
      for (const q of qs) {
        await engine.ask(q, { language });
        answers++;
      }
    }
    return { peakRssMb: process.resourceUsage().maxRSS / 1024, answers, languages: Object.keys(SIX_LANGUAGES) };
  },
};

/** Env for a batch mode: lexical, the configured model, or the tiny model built into a temp folder. */
async function modeEnv(mode: string): Promise<{ env: Record<string, string>; label: string } | null> {
  if (mode === 'lexical') return { env: { EMBEDDING_MODEL: 'none' }, label: 'lexical' };
  if (mode === 'hybrid-model') {
    const modelId = process.env.EMBEDDING_MODEL && process.env.EMBEDDING_MODEL !== 'none' ? process.env.EMBEDDING_MODEL : 'Xenova/multilingual-e5-small';
    return { env: { EMBEDDING_MODEL: modelId }, label: `hybrid (${modelId})` };
  }
  // The tiny model, and an empty vector cache so every run embeds the same passages.
  const corpus = await loadCorpus(config({}).corpusDir);
  const vocabulary = [...new Set(corpus.paragraphs.flatMap((p) => words(p.text)).concat(...(await questionList()).map((q) => words(q.question)), ['query', 'passage']))];
  const { buildTinyModel } = await import('./tiny-model.js');
  const { modelDir, modelId } = await buildTinyModel(await mkdtemp(path.join(os.tmpdir(), 'bench-model-')), { modelId: 'bench/tiny', vocabulary, dimensions: 384 });
  const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'bench-cache-'));
  return { env: { EMBEDDING_MODEL: modelId, MODEL_DIR: modelDir, CACHE_DIR: cacheDir }, label: 'hybrid (tiny test model: pipeline overhead only)' };
}

function runWorker<T>(name: string, arg?: string): T {
  const run = spawnSync(process.execPath, [self, '--worker', name, ...(arg ? [arg] : [])], { encoding: 'utf8', env: process.env, maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(`bench worker ${name} failed:\n${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}

// ---------------------------------------------------------------------------------------------
// The parent: CLI timings, then the workers, then one table.

function timeSpawn(args: string[], env: Record<string, string | undefined>, input?: string): number {
  const t = performance.now();
  const run = spawnSync(process.execPath, args, { env, encoding: 'utf8', ...(input !== undefined ? { input } : {}), maxBuffer: 1 << 26 });
  const ms = performance.now() - t;
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed: ${run.stderr}`);
  return ms;
}

function coldStarts(): { cli: number[]; node: number[] } {
  const env = { ...process.env, OFFLINE: '1' };
  const cli: number[] = [];
  const node: number[] = [];
  // Interleaved, so a slow moment of the machine weighs on both.
  timeSpawn([CLI, '--json', FLAGSHIP], env); // fills the caches a first run builds
  for (let i = 0; i < COLD_RUNS; i++) {
    node.push(timeSpawn(['-e', '0'], env));
    cli.push(timeSpawn([CLI, '--json', FLAGSHIP], env));
  }
  return { cli, node };
}

/**
 * Through `ask --json` reading standard input: (time for the list repeated R times − time for it
 * once) / ((R − 1) × its length). Both runs start the process and load every question language,
 * so the difference is the cost of the extra questions alone.
 */
async function cliMarginal(): Promise<{ ms: number; lines: number }> {
  const list = (await questionList()).map((q) => q.question.replace(/\s+/g, ' '));
  const once = `${list.join('\n')}\n`;
  const env = { ...process.env, OFFLINE: '1' };
  const one: number[] = [];
  const many: number[] = [];
  for (let i = 0; i < CLI_BATCH_RUNS; i++) {
    one.push(timeSpawn([CLI, '--json'], env, once));
    many.push(timeSpawn([CLI, '--json'], env, once.repeat(CLI_BATCH_REPEAT)));
  }
  return { ms: (median(many) - median(one)) / ((CLI_BATCH_REPEAT - 1) * list.length), lines: list.length * CLI_BATCH_REPEAT };
}

const f = (ms: number): string => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
const check = (ok: boolean): string => (ok ? '✓' : '✗');

function row(label: string, value: string, target: string, ok: boolean | null): string {
  return `  ${label.padEnd(52)}${value.padStart(20)}   ${target.padEnd(11)}${ok === null ? '' : check(ok)}`;
}

interface LoadResult {
  startupMs: number;
  blockMs: number;
  driftMs: number;
  firstQuestionsMs: number;
  firstBlockMs: number;
}
interface BatchResult {
  label: string;
  startupMs: number;
  perQuestionMs: number;
  p50: number;
  p95: number;
  answers: number;
  peakRssMb: number;
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--worker');
  if (at >= 0) {
    const name = process.argv[at + 1] ?? '';
    const worker = workers[name];
    if (!worker) throw new Error(`unknown worker ${name}`);
    process.stdout.write(JSON.stringify(await worker(process.argv[at + 2])));
    return;
  }
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);

  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
  const list = await questionList();
  console.log(`questions: ${list.length} (${[...new Set(list.map((q) => q.language))].join(', ')}), ${ROUNDS} rounds after a warm-up round\n`);
  console.log(row('', 'measured', 'target', null));

  const cold = coldStarts();
  const cliMs = median(cold.cli);
  const nodeMs = median(cold.node);
  const ratio = cliMs / nodeMs;
  console.log(row(`CLI cold start: ask --json, OFFLINE=1 (median of ${COLD_RUNS})`, f(cliMs), '', null));
  console.log(row('  node -e 0 (median)', f(nodeMs), '', null));
  console.log(row('  ratio', `${ratio.toFixed(2)}×`, `≤ ${TARGETS.coldStartRatio}×`, ratio <= TARGETS.coldStartRatio));

  const batch = runWorker<BatchResult>('batch', 'lexical');
  console.log(row(`one more question, batch in one process (${batch.answers} asks)`, f(batch.perQuestionMs), `≤ ${TARGETS.marginalMs} ms`, batch.perQuestionMs <= TARGETS.marginalMs));
  console.log(row('  per question p50 / p95', `${f(batch.p50)} / ${f(batch.p95)}`, '', null));
  const marginal = await cliMarginal();
  console.log(row(`one more question, ask --json < ${marginal.lines} lines`, f(marginal.ms), `≤ ${TARGETS.marginalMs} ms`, marginal.ms <= TARGETS.marginalMs));

  const rss = runWorker<{ peakRssMb: number; answers: number; languages: string[] }>('rss');
  console.log(row(`peak RSS, ${rss.answers} questions in ${rss.languages.join(' ')}`, `${rss.peakRssMb.toFixed(1)} MB`, `≤ ${TARGETS.peakRssMb} MB`, rss.peakRssMb <= TARGETS.peakRssMb));

  const coldCache = await mkdtemp(path.join(os.tmpdir(), 'bench-cache-'));
  const first = runWorker<LoadResult>('load', coldCache);
  const warm = runWorker<LoadResult>('load', coldCache);
  for (const [label, r] of [['empty cache', first], ['warm cache', warm]] as const) {
    const block = Math.max(r.blockMs, r.driftMs);
    console.log(row(`longest event-loop block, Engine.create, ${label}`, f(block), `≤ ${TARGETS.loadBlockMs} ms`, block <= TARGETS.loadBlockMs));
  }
  console.log(row('engine start-up, lexical, empty / warm cache', `${f(first.startupMs)} / ${f(warm.startupMs)}`, '', null));
  console.log(row('first question in each language, empty / warm', `${f(first.firstQuestionsMs)} / ${f(warm.firstQuestionsMs)}`, '', null));
  console.log(row('  its longest event-loop block, empty / warm', `${f(first.firstBlockMs)} / ${f(warm.firstBlockMs)}`, '', null));
  console.log(row('peak RSS of the batch process (lexical)', `${batch.peakRssMb.toFixed(1)} MB`, '', null));

  for (const mode of ['hybrid-model', 'hybrid-tiny']) {
    const r = runWorker<BatchResult | { unavailable: string }>('batch', mode);
    if ('unavailable' in r) {
      const why = r.unavailable.length > 90 ? `${r.unavailable.slice(0, 89)}…` : r.unavailable;
      console.log(`\n  hybrid with the real model: not measured (${why})`);
      continue;
    }
    console.log(`\n  ${r.label}`);
    console.log(row('  engine start-up', f(r.startupMs), '', null));
    console.log(row(`  per question (${r.answers}), p50 / p95`, `${f(r.perQuestionMs)} · ${f(r.p50)} / ${f(r.p95)}`, '', null));
    console.log(row('  peak RSS', `${r.peakRssMb.toFixed(1)} MB`, '', null));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
