import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../src/paths.js';

/** Runs a built CLI entry point as `npm run <name>` does, offline and without a model. */
function run(script: 'ask' | 'summary', args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, [path.join(PACKAGE_ROOT, `dist/src/cli/${script}.js`), ...args], {
    cwd: PACKAGE_ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', OFFLINE: '1', EMBEDDING_MODEL: 'none', NO_COLOR: '1', ...options.env },
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const JSON_FIELDS = ['question', 'answered', 'paragraph', 'section', 'quote', 'highlight', 'citation', 'score', 'mode', 'alternatives'];

describe('npm run ask', () => {
  it('--json answers the flagship question with paragraph 4 and the documented fields', () => {
    const { code, stdout, stderr } = run('ask', ['--json', 'how many wounded will Russia treat?']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0]!) as Record<string, unknown>;
    for (const field of JSON_FIELDS) expect(answer).toHaveProperty(field);
    expect(answer).toMatchObject({ answered: true, paragraph: 4, section: null, citation: '¶4 · article du 2017-02', mode: 'lexical' });
    expect(answer.quote).toMatch(/^La Russie s’est engagée par ailleurs à prendre en charge 500 blessés/);
  });

  it('prints a readable quote with the highlight, the citation and the mode', () => {
    const { code, stdout } = run('ask', ['How', 'many', 'wounded', 'will', 'Russia', 'treat?']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^¶4 · article du 2017-02\n/);
    expect(stdout).toContain('**La Russie s’est engagée');
    expect(stdout).toMatch(/offline lexical/);
  });

  it('says plainly when the article does not cover the question', () => {
    const { code, stdout } = run('ask', ['What is the capital of Australia?']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^The article does not cover this question\.\nClosest passage: ¶\d/);
    expect(JSON.parse(run('ask', ['--json', 'What is the capital of Australia?']).stdout)).toMatchObject({ answered: false });
  });

  it('reads one question per line from standard input, one JSON line each, bad lines reported in place', () => {
    const input = 'How many wounded will Russia treat?\n\nQui est le porte-parole de l’ANL ?\n\u0001\u0002\nWhat is the capital of Australia?\n';
    const { code, stdout } = run('ask', ['--json'], { input });
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.paragraph ?? l.error)).toEqual([4, 4, expect.stringMatching(/no readable text/), expect.any(Number)]);
    expect(lines[3]).toMatchObject({ answered: false });
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

  it('falls back to offline mode when the model is missing and says so in the output', () => {
    const { code, stdout } = run('ask', ['--json', 'How many wounded will Russia treat?'], {
      env: { EMBEDDING_MODEL: 'Xenova/multilingual-e5-small', MODEL_DIR: '/nonexistent/models' },
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ paragraph: 4, mode: 'lexical', model: null });
  });
});

describe('npm run summary', () => {
  it('prints N sentences with citations, as text or JSON', () => {
    const text = run('summary', ['--sentences', '2']);
    expect(text.code).toBe(0);
    expect(text.stdout.match(/^• /gm)).toHaveLength(2);
    expect(text.stdout).toMatch(/¶1 · article du 2017-02/);
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
