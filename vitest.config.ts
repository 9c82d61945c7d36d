import { defineConfig } from 'vitest/config';
import SlowFirstSequencer from './test/helpers/slow-first.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The CLI tests run the compiled entry points, exactly as `npm run ask` does.
    globalSetup: ['test/helpers/build-once.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Two cores: more workers only make the model-loading tests fight. The test files share their worker
    // and the modules it has loaded (discord.js, the engine and its lexicons): loading them again for
    // each file cost a quarter of the suite. So every test puts back what it changes in the process.
    poolOptions: { forks: { maxForks: 2, minForks: 1, isolate: false } },
    pool: 'forks',
    // The slowest files first, so that the two workers share them (see the sequencer).
    sequence: { sequencer: SlowFirstSequencer },
    // In CI, also write machine-readable results so .ci/run can print a plain "N passed, N failed" line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.cache/test-results.json' }]] : ['default'],
  },
});
