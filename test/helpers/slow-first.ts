import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Test files that spawn processes or wait on the emulator, slowest first (measured in a fresh
 * clone: the CLI's 16 s, sharding's 12 s, the bot's process 9 s). Vitest orders files by the
 * durations it remembers; a fresh clone has none, and a slow file picked last by one of the two
 * workers made the whole suite wait for it.
 */
const SLOW_FIRST = [
  'test/cli.test.ts',
  'test/discord/sharding.e2e.test.ts',
  'test/discord/main-process.e2e.test.ts',
  'test/engine.test.ts',
  'test/discord/deferred.e2e.test.ts',
  'test/discord-emulator/emulator.test.ts',
  'test/engine-dense.test.ts',
  'test/question-analysis.test.ts',
];

export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification): number => {
      const at = SLOW_FIRST.findIndex((slow) => file.moduleId.endsWith(slow));
      return at < 0 ? SLOW_FIRST.length : at;
    };
    return sorted.map((file, i) => ({ file, i })).sort((a, b) => rank(a.file) - rank(b.file) || a.i - b.i).map(({ file }) => file);
  }
}
