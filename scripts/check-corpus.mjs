#!/usr/bin/env node
// Checks that corpus/article.md keeps every paragraph of the seed article character for
// character. The seed lives outside the repository (../shared/seed/article.txt), so this runs
// in CI where it is present, not in `npm test`; the test suite guards the same text through a
// committed checksum.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seedFile = process.argv[2] ?? path.resolve(root, '../shared/seed/article.txt');
if (!existsSync(seedFile)) {
  console.log(`corpus check skipped: no seed article at ${seedFile}`);
  process.exit(0);
}
const { loadCorpus } = await import(path.join(root, 'dist/src/corpus/load.js'));
const seed = readFileSync(seedFile, 'utf8');
const match = /^\s*date (\d{4}-\d{2}) /.exec(seed);
const blocks = seed
  .slice(match ? match[0].length : 0)
  .split(/\n\s*\n/)
  .map((b) => b.trim())
  .filter(Boolean);
const corpus = await loadCorpus(path.join(root, 'corpus'));
const [article] = corpus.articles;
const expected = blocks.filter((b) => !article.sections.includes(b));
const actual = corpus.paragraphs.map((p) => p.text);
const problems = [];
if (match?.[1] !== article.date) problems.push(`date: seed ${match?.[1]}, corpus ${article.date}`);
if (expected.length !== actual.length) problems.push(`paragraphs: seed ${expected.length}, corpus ${actual.length}`);
expected.forEach((text, i) => {
  if (actual[i] !== text) problems.push(`¶${i + 1} differs from the seed`);
});
for (const section of article.sections) if (!blocks.includes(section)) problems.push(`section "${section}" is not in the seed`);
if (problems.length) {
  console.error(`corpus/article.md does not match ${seedFile}:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`corpus matches the seed article (${actual.length} paragraphs, ${article.sections.length} section)`);
