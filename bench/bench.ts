#!/usr/bin/env node
/**
 * Speed and memory figures, per retrieval mode, printed as a table:
 *  - engine start-up (corpus, dictionaries, model, vectors) in-process,
 *  - answer latency p50/p95 over the evaluation questions (each asked several times),
 *  - peak RSS of the process that did it (each mode runs in its own child process),
 *  - cold start of the CLI (`node dist/src/cli/ask.js --json …`, as `npm run ask` runs it).
 * Modes: lexical (no model); hybrid with the embedding model when it is available
 * (EMBEDDING_MODEL / MODEL_DIR), else with the suite's tiny test model, labelled as such:
 * that measures the pipeline's overhead, not a real model's cost.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { Engine } from '../src/answer/engine.js';
import type { EvalQuestion } from '../src/answer/evaluate.js';
import { engineConfigFrom, engineEnvSchema, parseEnv } from '../src/config.js';
import { loadCorpus } from '../src/corpus/load.js';
import { PACKAGE_ROOT } from '../src/paths.js';
import { words } from '../src/text/normalize.js';
import { buildTinyModel } from './tiny-model.js';

const ROUNDS = 5;
const COLD_STARTS = 5;
const self = fileURLToPath(import.meta.url);

interface WorkerResult {
  mode: string;
  label: string;
  startupMs: number;
  p50: number;
  p95: number;
  answers: number;
  peakRssMb: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

async function questions(): Promise<string[]> {
  const file = path.join(PACKAGE_ROOT, 'test/fixtures/questions.json');
  return (JSON.parse(await readFile(file, 'utf8')) as { questions: EvalQuestion[] }).questions.map((q) => q.question);
}

/** Env for a mode: lexical, the configured model, or the tiny model built into a temp folder. */
async function modeEnv(mode: string): Promise<{ env: Record<string, string>; label: string }> {
  if (mode === 'hybrid-model') {
    // The configured model, from the usual cache: that is where a downloaded model lives.
    const modelId = process.env.EMBEDDING_MODEL ?? 'Xenova/multilingual-e5-small';
    const env: Record<string, string> = { OFFLINE: '1', EMBEDDING_MODEL: modelId, CACHE_DIR: process.env.CACHE_DIR ?? path.join(PACKAGE_ROOT, '.cache') };
    if (process.env.MODEL_DIR) env.MODEL_DIR = process.env.MODEL_DIR;
    return { env, label: `hybrid (${modelId})` };
  }
  // The other modes start from an empty cache, so every run measures the same work.
  const base = { OFFLINE: '1', CACHE_DIR: await mkdtemp(path.join(os.tmpdir(), 'bench-cache-')) };
  if (mode === 'lexical') return { env: { ...base, EMBEDDING_MODEL: 'none' }, label: 'lexical (BM25 + FreeDict + spelling)' };
  const corpus = await loadCorpus(path.join(PACKAGE_ROOT, 'corpus'));
  const vocabulary = [...new Set(corpus.paragraphs.flatMap((p) => words(p.text)).concat(...(await questions()).map(words), ['query', 'passage']))];
  const { modelDir, modelId } = await buildTinyModel(await mkdtemp(path.join(os.tmpdir(), 'bench-model-')), { modelId: 'bench/tiny', vocabulary, dimensions: 384 });
  return { env: { ...base, EMBEDDING_MODEL: modelId, MODEL_DIR: modelDir }, label: 'hybrid (tiny test model: pipeline overhead only)' };
}

async function worker(mode: string): Promise<void> {
  const { env, label } = await modeEnv(mode);
  const config = engineConfigFrom(parseEnv(engineEnvSchema, env));
  const started = performance.now();
  const engine = await Engine.create(config, { logger: pino({ level: 'silent' }) });
  const startupMs = performance.now() - started;
  if (mode !== 'lexical' && engine.mode !== 'hybrid') {
    process.stdout.write(JSON.stringify({ unavailable: engine.status().modelProblem }));
    return;
  }
  const list = await questions();
  // Warm-up: load the dictionaries each question language needs, as a running bot would have.
  for (const q of list) await engine.ask(q);
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of list) {
      const t = performance.now();
      await engine.ask(q);
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  const result: WorkerResult = {
    mode: engine.mode,
    label,
    startupMs,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    answers: times.length,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(JSON.stringify(result));
}

function coldStart(env: Record<string, string>): number[] {
  const cli = path.join(PACKAGE_ROOT, 'dist/src/cli/ask.js');
  const times: number[] = [];
  for (let i = 0; i < COLD_STARTS; i++) {
    const t = performance.now();
    const run = spawnSync(process.execPath, [cli, '--json', 'How many wounded will Russia treat?'], { env: { ...process.env, ...env }, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`CLI failed: ${run.stderr}`);
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

async function main(): Promise<void> {
  const workerMode = process.argv.indexOf('--worker');
  if (workerMode >= 0) return worker(process.argv[workerMode + 1] ?? 'lexical');

  const f = (ms: number): string => `${ms.toFixed(1)} ms`;
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
  console.log(`answer latency: ${ROUNDS} rounds of the evaluation questions, after one warm-up round; each mode in its own process\n`);
  for (const mode of ['lexical', 'hybrid-model', 'hybrid-tiny']) {
    const run = spawnSync(process.execPath, [self, '--worker', mode], { encoding: 'utf8', env: process.env });
    if (run.status !== 0) {
      console.log(`${mode}: failed\n${run.stderr}`);
      continue;
    }
    const result = JSON.parse(run.stdout) as WorkerResult | { unavailable: string };
    if ('unavailable' in result) {
      console.log(`hybrid with the real model: not measured here (${result.unavailable})\n`);
      continue;
    }
    console.log(`${result.label}`);
    console.log(`  engine start-up  ${f(result.startupMs)}`);
    console.log(`  answer latency   p50 ${f(result.p50)}   p95 ${f(result.p95)}   (${result.answers} answers)`);
    console.log(`  peak RSS         ${result.peakRssMb.toFixed(0)} MB\n`);
  }
  const cold = coldStart({ OFFLINE: '1', EMBEDDING_MODEL: 'none' });
  console.log(`CLI cold start (lexical, ${COLD_STARTS} runs): median ${f(percentile(cold, 0.5))}, max ${f(cold[cold.length - 1]!)}`);
  const coldDefault = coldStart({ OFFLINE: '1' });
  console.log(`CLI cold start (default model configured but absent → lexical fallback): median ${f(percentile(coldDefault, 0.5))}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
