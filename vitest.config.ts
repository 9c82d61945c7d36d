import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The CLI tests run the compiled entry points, exactly as `npm run ask` does.
    globalSetup: ['test/helpers/build-once.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Two cores: more workers only make the model-loading tests fight.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    pool: 'forks',
    // In CI, also write machine-readable results so .ci/run can print a plain "N passed, N failed" line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.cache/test-results.json' }]] : ['default'],
  },
});
