/**
 * The command-line tools as users run them (the compiled entry points, in a child process), over a
 * small corpus written here, so that what is tested is the CLI's behaviour, not the engine's
 * scores on the real article or the dictionaries installed on the machine.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer, EngineStatus } from '../src/answer/types.js';
import { answerJson, formatAnswer, markHighlight, textWidth } from '../src/cli/format.js';
import { STATUS_MAX, statusLine, type StatusContext } from '../src/cli/status.js';
import { PACKAGE_ROOT } from '../src/paths.js';
import { downloadFailurePath } from '../src/search/dense.js';
import { LANGUAGES } from '../src/text/languages.js';
import { buildTinyModel } from '../bench/tiny-model.js';

const LONG_PARAGRAPH =
  'Le conseil municipal de Villeneuve a voté mardi soir un budget de 12 millions d’euros pour rénover les trois écoles ' +
  'primaires de la commune, dont les toitures fuient depuis l’hiver dernier. Les travaux commenceront en avril et ' +
  'dureront deux ans, selon le maire, qui promet que les élèves ne changeront pas de bâtiment pendant le chantier.';

const ARTICLE = `---
date: 2021-03
language: fr
---

${LONG_PARAGRAPH}

La piste cyclable du pont Neuf sera fermée une semaine pour des réparations. Les cyclistes passeront par la gare.

## Culture

Le festival de musique aura lieu en juillet sur la place du marché. Vingt concerts gratuits sont prévus.
`;

let corpusDir: string;

/** What `npm run <name>` runs (package.json): the bundled ask and summary, the compiled eval. */
const ENTRY_POINTS = { ask: 'dist/cli/ask.mjs', summary: 'dist/cli/summary.mjs', eval: 'dist/src/cli/eval.js' } as const;

/** Runs a built CLI entry point as `npm run <name>` does: offline, no model, over the small corpus. */
function run(script: keyof typeof ENTRY_POINTS, args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, [path.join(PACKAGE_ROOT, ENTRY_POINTS[script]), ...args], {
    cwd: PACKAGE_ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', OFFLINE: '1', EMBEDDING_MODEL: 'none', CORPUS_DIR: corpusDir, ...options.env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const JSON_FIELDS = ['question', 'answered', 'paragraph', 'section', 'quote', 'highlight', 'span', 'citation', 'score', 'confidence', 'mode', 'model', 'language', 'article', 'alternatives', 'unmatched', 'notes'];
const ANSI = /\u001b\[/;

beforeAll(async () => {
  corpusDir = await mkdtemp(path.join(os.tmpdir(), 'cli-corpus-'));
  await writeFile(path.join(corpusDir, 'ville.md'), ARTICLE);
});

describe('npm run ask', () => {
  it('--json prints one JSON object with the documented fields, quoting the paragraph verbatim', () => {
    const { code, stdout, stderr } = run('ask', ['--json', 'Quand commenceront les travaux des écoles ?']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(Object.keys(answer).sort()).toEqual([...JSON_FIELDS].sort());
    expect(answer).toMatchObject({ answered: true, paragraph: 1, section: null, citation: '¶1 · article du 2021-03', mode: 'lexical', model: null, language: 'fr' });
    expect(answer.quote).toBe(LONG_PARAGRAPH);
  });

  it('off a terminal prints plain text: no ** markers, no escape codes, lines wrapped to 80 columns', () => {
    const { code, stdout } = run('ask', ['Quand', 'commenceront', 'les', 'travaux', 'des', 'écoles', '?']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^¶1 · article du 2021-03\n/);
    expect(stdout).not.toContain('**');
    expect(stdout).not.toMatch(ANSI);
    // The quote is all there, only re-wrapped.
    const quoteLines = stdout.split('\n').filter((l) => l.startsWith('  '));
    expect(quoteLines.map((l) => l.trim()).join(' ')).toBe(LONG_PARAGRAPH);
    for (const line of quoteLines) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('ends with one short status line naming the mode and what is missing; --verbose gives the details', () => {
    const short = run('ask', ['Quand commenceront les travaux ?']).stdout.trim().split('\n');
    const status = short[short.length - 1]!;
    expect(status).toMatch(/^offline lexical mode: BM25/);
    expect(status).toMatch(/no embedding model \(switched off by EMBEDDING_MODEL=none\)/);
    expect(status.length).toBeLessThanOrEqual(STATUS_MAX);

    const verbose = run('ask', ['--verbose', 'Quand commenceront les travaux ?']).stdout;
    expect(verbose).toMatch(/^mode: offline lexical/m);
    expect(verbose).toMatch(/^model: dense retrieval is switched off/m);
  });

  it('says plainly when the article does not cover the question', () => {
    const { code, stdout } = run('ask', ['Quelle est la capitale de l’Australie ?']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^The article does not cover this question\.\nClosest passage: ¶\d/);
    expect(JSON.parse(run('ask', ['--json', 'Quelle est la capitale de l’Australie ?']).stdout)).toMatchObject({ answered: false });
  });

  it('reads one question per line from standard input, one JSON line each, bad lines reported in place', () => {
    const input = 'Quand commenceront les travaux des écoles ?\n\nPourquoi la piste cyclable du pont sera-t-elle fermée ?\n\u0001\u0002\nQuelle est la capitale de l’Australie ?\n';
    const { code, stdout } = run('ask', ['--json'], { input });
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.paragraph ?? l.error)).toEqual([1, 2, expect.stringMatching(/no readable text/), expect.any(Number)]);
    expect(lines[3]).toMatchObject({ answered: false });
  });

  it('answers a batch bigger than one output block (written in blocks on a pipe): every line, in order', () => {
    const questions = Array.from({ length: 120 }, (_, i) => (i % 2 ? `Pourquoi la piste cyclable sera-t-elle fermée ? (${i})` : `Quand commenceront les travaux des écoles ? (${i})`));
    const { code, stdout } = run('ask', ['--json'], { input: `${questions.join('\n')}\n` });
    expect(code).toBe(0);
    expect(stdout.length).toBeGreaterThan(64 * 1024);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as { question: string; paragraph: number });
    expect(lines.map((l) => l.question)).toEqual(questions);
    expect(lines.map((l) => l.paragraph)).toEqual(questions.map((_, i) => (i % 2 ? 2 : 1)));
  });

  it('--lang forces the language; an unknown code is refused with the list of valid ones', () => {
    expect(JSON.parse(run('ask', ['--json', '--lang', 'FR', 'travaux des écoles']).stdout)).toMatchObject({ language: 'fr' });
    const { code, stdout, stderr } = run('ask', ['--lang', 'xx', 'travaux']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim()).toBe(`error: unknown language "xx" for --lang; valid codes: ${LANGUAGES.map((l) => l.code).join(', ')}`);
  });

  it.each([
    ['an empty question', ['--json', ''], /^error: The question is empty/],
    ['a whitespace-only question', ['   '], /^error: The question is empty/],
    ['a question over 500 characters', ['x'.repeat(501)], /^error: The question is too long \(501 characters; at most 500\)\.$/],
    ['control characters only', ['\u0001\u0007'], /^error: The question has no readable text/],
    ['an unknown option', ['--nope', 'q'], /^error: Unknown option '--nope'/],
  ])('rejects %s with one line and exit code 2', (_case, args, message) => {
    const { code, stdout, stderr } = run('ask', args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('reports a malformed corpus by file and problem, exit code 1', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'corpus-'));
    await writeFile(path.join(dir, 'broken.md'), '---\ndate: sometime\nlanguage: fr\n---\n\nText.\n');
    const { code, stderr } = run('ask', ['question'], { env: { CORPUS_DIR: dir } });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^corpus error: .*broken\.md: front matter "date" must be YYYY, YYYY-MM or YYYY-MM-DD/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('reports invalid configuration one line per variable', () => {
    const { code, stderr } = run('ask', ['q'], { env: { OFFLINE: 'maybe', ANSWER_THRESHOLD: '3' } });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^configuration error:\n {2}- OFFLINE is invalid: must be 1\/0/);
    expect(stderr).toMatch(/ANSWER_THRESHOLD is invalid/);
  });

  it('falls back to lexical mode when the model is missing, and the status line says why', () => {
    const env = { EMBEDDING_MODEL: 'Xenova/multilingual-e5-small', MODEL_DIR: '/nonexistent/models' };
    const json = run('ask', ['--json', 'travaux des écoles'], { env });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ paragraph: 1, mode: 'lexical', model: null });
    expect(run('ask', ['travaux des écoles'], { env }).stdout).toMatch(/no embedding model \(not downloaded, OFFLINE=1\)$/m);
  });
});

describe('npm run ask with a model', () => {
  it('loads it through transformers.js and answers in hybrid mode (the tiny model the suite builds)', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'cli-model-'));
    const { modelDir, modelId } = await buildTinyModel(root, { vocabulary: ['travaux', 'écoles', 'festival', 'musique', 'piste', 'cyclable'] });
    const env = { EMBEDDING_MODEL: modelId, MODEL_DIR: modelDir, CACHE_DIR: path.join(root, 'cache') };
    const { code, stdout, stderr } = run('ask', ['--json', 'travaux des écoles'], { env });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ paragraph: 1, mode: 'hybrid', model: modelId });
  });
});

describe('a model download that failed for lack of network', () => {
  async function cacheWithFailure(modelId: string): Promise<string> {
    const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'cli-cache-'));
    await mkdir(path.join(cacheDir, 'models'), { recursive: true });
    await writeFile(downloadFailurePath(path.join(cacheDir, 'models')), JSON.stringify({ modelId, at: new Date().toISOString(), reason: 'ENOTFOUND: getaddrinfo ENOTFOUND huggingface.co' }));
    return cacheDir;
  }

  it('is not retried within a day, and the status line says how to force it', async () => {
    const cacheDir = await cacheWithFailure('test/not-downloadable');
    // Online: without the remembered failure this run would try the network.
    const env = { OFFLINE: '0', EMBEDDING_MODEL: 'test/not-downloadable', CACHE_DIR: cacheDir };
    const { code, stdout } = run('ask', ['travaux des écoles'], { env });
    expect(code).toBe(0);
    expect(stdout).toMatch(/no embedding model \(download failed (just now|\d+ min ago): no network; --retry-model\)$/m);
    expect(run('ask', ['--verbose', 'travaux des écoles'], { env }).stdout).toContain(downloadFailurePath(path.join(cacheDir, 'models')));
  });

  it('--retry-model forgets it', async () => {
    const cacheDir = await cacheWithFailure('test/not-downloadable');
    // OFFLINE=1 so that the retry itself does not reach for the network in this test.
    const { code } = run('ask', ['--retry-model', 'travaux'], { env: { OFFLINE: '1', EMBEDDING_MODEL: 'test/not-downloadable', CACHE_DIR: cacheDir } });
    expect(code).toBe(0);
    expect(existsSync(downloadFailurePath(path.join(cacheDir, 'models')))).toBe(false);
  });
});

describe('npm run summary', () => {
  it('prints N sentences with citations, as text or JSON', () => {
    const text = run('summary', ['--sentences', '2']);
    expect(text.code).toBe(0);
    expect(text.stdout.match(/^• /gm)).toHaveLength(2);
    expect(text.stdout).toMatch(/^ {2}¶\d · (« Culture » · )?article du 2021-03$/m);
    const json = JSON.parse(run('summary', ['--json']).stdout) as { sentences: { paragraph: number; citation: string }[]; mode: string };
    expect(json.sentences).toHaveLength(3);
    expect(json.mode).toBe('lexical');
  });

  it.each([['0'], ['7'], ['two'], ['2.5']])('rejects --sentences %s with exit code 2', (n) => {
    const { code, stderr } = run('summary', ['--sentences', n]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: --sentences must be a whole number from 1 to 6/);
  });
});

describe('npm run eval', () => {
  it('evaluates a question set beside the MiniSearch baseline, as JSON', async () => {
    const file = path.join(corpusDir, '..', `questions-${path.basename(corpusDir)}.json`);
    await writeFile(
      file,
      JSON.stringify({
        questions: [
          { id: 'q1', language: 'fr', kind: 'direct', question: 'Quand commenceront les travaux des écoles ?', expected: [1], answer: 'avril' },
          { id: 'q2', language: 'fr', kind: 'offtopic', question: 'Quelle est la capitale de l’Australie ?', expected: null },
        ],
      }),
    );
    const { code, stdout, stderr } = run('eval', ['--json', '--questions', file]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { mode: string; sets: { engine: Record<string, unknown>; baseline: Record<string, unknown>; typos: unknown; chat: unknown }[] };
    expect(out.mode).toBe('lexical');
    expect(out.sets).toHaveLength(1);
    for (const system of [out.sets[0]!.engine, out.sets[0]!.baseline]) {
      expect(system).toMatchObject({ questions: 2, answerable: 1, toDecline: 1 });
      expect(Object.keys(system.byLanguage as object)).toEqual(['fr']);
    }
    expect(out.sets[0]!.engine.sweep).not.toBeNull();
    expect(out.sets[0]!.baseline.sweep).toBeNull();
    // The one right answer, asked again with a typo and in a chat frame ("salut tout le monde, quand …").
    expect(out.sets[0]!.typos).toMatchObject({ engine: { tried: 1 } });
    expect(out.sets[0]!.chat).toMatchObject({ engine: { tried: 1, unchanged: 1, wrong: 0 } });
  });

  it('refuses a missing question set with exit code 2', () => {
    const { code, stderr } = run('eval', ['--questions', '/nonexistent/questions.json']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: no question set at \/nonexistent\/questions\.json/);
  });
});

describe('the npm scripts', () => {
  /** Every source file reachable through relative imports (static or dynamic) from `entry`. */
  function reachable(entry: string): Set<string> {
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const [, spec] of text.matchAll(/(?:from\s+|import\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) {
        visit(path.resolve(path.dirname(file), spec!.replace(/\.js$/, '.ts')));
      }
    };
    visit(path.join(PACKAGE_ROOT, entry));
    return seen;
  }

  it('run the entry points these tests run', () => {
    const scripts = (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    for (const [name, entry] of Object.entries(ENTRY_POINTS)) expect(scripts[name], name).toBe(`node ${entry}`);
  });

  it.each([['src/cli/eval.ts'], ['bench/bench.ts'], ['src/cli/ask.ts'], ['src/cli/summary.ts']])('%s imports nothing under test/', (entry) => {
    const files = [...reachable(entry)].map((f) => path.relative(PACKAGE_ROOT, f));
    expect(files.length).toBeGreaterThan(3);
    expect(files.filter((f) => f.startsWith(`test${path.sep}`))).toEqual([]);
  });
});

describe('formatting', () => {
  const answer = {
    quote: 'Première phrase. Deuxième phrase qui répond. Troisième.',
    highlightRanges: [{ start: 17, end: 44 }],
  };

  it('bolds the highlight only when colour is on; plain text is the quote unchanged', () => {
    expect(markHighlight(answer, false)).toBe(answer.quote);
    const coloured = markHighlight(answer, true);
    expect(coloured).toMatch(ANSI);
    expect(coloured.replace(/\u001b\[[\d;]*m/g, '')).toBe(answer.quote);
  });

  it('uses 80 columns when the terminal reports none, and stays between 40 and 100', () => {
    expect(textWidth(undefined)).toBe(76);
    expect(textWidth(0)).toBe(76);
    expect(textWidth(20)).toBe(36);
    expect(textWidth(300)).toBe(96);
  });

  const status = (extra: Partial<EngineStatus> = {}): EngineStatus => ({
    mode: 'lexical',
    model: null,
    modelProblem: 'some long explanation of why the model could not be loaded, with folders and files'.repeat(3),
    dictionaries: Array.from({ length: 30 }, (_, i) => `l${i}a-fra`),
    articles: [{ id: 'a', label: 'a', date: '2020', language: 'fr', title: null, source: null, paragraphs: 3, sections: [] }],
    version: '0.0.0',
    ...extra,
  });
  const context: StatusContext = { configuredModel: 'org/model', offline: false, downloadFailure: null };

  it('keeps the status line short whatever the number of lexicons, listing them when they fit', () => {
    const many = statusLine(status(), context);
    expect(many.length).toBeLessThanOrEqual(STATUS_MAX);
    expect(many).toMatch(/30 lexicons/);
    expect(statusLine(status({ dictionaries: ['xxx-fra', 'fra-xxx'] }), context)).toMatch(/lexicons xxx-fra, fra-xxx/);
    expect(statusLine(status({ dictionaries: [] }), context)).toMatch(/no bilingual lexicon \(questions in fr only\)/);
    expect(statusLine(status({ mode: 'hybrid', model: 'org/model', modelProblem: null }), context)).toMatch(/^hybrid mode: org\/model embeddings/);
  });

  it('says how long ago a download failed', () => {
    const now = Date.parse('2024-01-02T12:00:00Z');
    const failed = { modelId: 'org/model', at: '2024-01-02T09:00:00Z', reason: 'ENOTFOUND', marker: '/c/models/download-failed.json' };
    expect(statusLine(status(), { ...context, downloadFailure: failed, now })).toMatch(/download failed 3 h ago: no network; --retry-model/);
  });

  const baseAnswer = (): Answer => ({
    ...answer,
    articleId: 'a',
    paragraph: 1,
    section: null,
    citation: '¶1 · article du 2020',
    question: 'q',
    answered: true,
    highlight: ['Deuxième phrase qui répond.'],
    span: null,
    score: 0.5,
    confidence: 'medium',
    mode: 'lexical',
    model: null,
    language: 'fr',
    alternatives: [],
    unmatched: [],
    notes: [],
  });

  it('prints the status line after the answer, without colour when colour is off', () => {
    const full = baseAnswer();
    const text = formatAnswer(full, status(), context, { color: false, verbose: false });
    expect(text).not.toMatch(ANSI);
    expect(text.split('\n').at(-1)).toBe(statusLine(status(), context));
    expect(text).not.toMatch(/^answer:/m);
  });

  it('prints the short answer when the engine found one, and gives it in JSON with its offsets', () => {
    const withSpan = { ...baseAnswer(), span: { start: 17, end: 25, text: 'Deuxième', type: 'number' as const } };
    expect(formatAnswer(withSpan, status(), context, { color: false, verbose: false })).toMatch(/^answer: Deuxième$/m);
    expect(answerJson(withSpan).span).toEqual({ text: 'Deuxième', type: 'number', start: 17, end: 25 });
    expect(answerJson(baseAnswer()).span).toBeNull();
  });
});
