/**
 * The one-file bundles the build makes (scripts/bundle-deps.mjs → dist/vendor/), which the
 * compiled program loads: the zod subset the configuration is validated with accepts, rejects
 * and words its messages as the zod package does; the pino bundle writes and redacts as pino;
 * the Snowball file cut to the engine's languages stems as the package does and holds no other.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import pinoPackage from 'pino';
import { z as full } from 'zod';
import { PACKAGE_ROOT } from '../src/paths.js';
import type { ZodSubset } from '../src/zod.js';
import { LANGUAGES } from '../src/text/languages.js';
import { stem } from '../src/text/stem.js';

const bundle = path.join(PACKAGE_ROOT, 'dist/vendor/zod-subset.cjs');
const pinoBundle = path.join(PACKAGE_ROOT, 'dist/vendor/pino.cjs');
const snowballBundle = path.join(PACKAGE_ROOT, 'dist/vendor/snowball.cjs');

const schemaOf = (zod: ZodSubset) =>
  zod.object({
    name: zod.string().trim().min(1),
    count: zod.coerce.number().int().min(1).default(3),
    level: zod.enum(['info', 'warn']).optional(),
  });

describe('the zod subset', () => {
  it('is bundled by the build', () => {
    expect(existsSync(bundle)).toBe(true);
  });

  it('parses, defaults and rejects with the same messages as zod', () => {
    const z = createRequire(import.meta.url)(bundle) as ZodSubset;
    const inputs = [{ name: ' a ', count: '2' }, { name: 'b' }, { name: '', count: 'x', level: 'loud' }, {}];
    for (const input of inputs) {
      const mine = schemaOf(z).safeParse(input);
      const theirs = schemaOf(full).safeParse(input);
      expect(mine.success).toBe(theirs.success);
      if (mine.success && theirs.success) expect(mine.data).toEqual(theirs.data);
      else expect(mine.error!.issues.map((i) => [i.path, i.message])).toEqual(theirs.error!.issues.map((i) => [i.path, i.message]));
    }
  });
});

describe('the pino bundle', () => {
  it('writes the same lines as pino, redacted paths included', () => {
    const bundled = createRequire(import.meta.url)(pinoBundle) as typeof pinoPackage;
    const lines = (factory: typeof pinoPackage): unknown[] => {
      const out: string[] = [];
      const logger = factory({ level: 'info', base: null, timestamp: false, redact: { paths: ['token', '*.token'], censor: '[redacted]' } }, { write: (line: string) => out.push(line) });
      logger.info({ token: 'secret', nested: { token: 'also' }, n: 1 }, 'hello');
      logger.debug('not written');
      logger.child({ interactionId: '42' }).warn({ err: new Error('boom') }, 'failed');
      return out.map((line) => {
        const entry = JSON.parse(line) as { err?: { stack?: string } };
        delete entry.err?.stack;
        return entry;
      });
    };
    const mine = lines(bundled);
    expect(mine).toEqual(lines(pinoPackage));
    expect(JSON.stringify(mine)).not.toContain('secret');
    expect(mine).toHaveLength(2);
  });
});

describe('the Snowball file cut to the engine\'s languages', () => {
  type Snowball = { newStemmer(name: string): { stem(word: string): string }; algorithms(): string[] };
  const load = createRequire(import.meta.url);

  it('stems every word of every engine language as the package does', () => {
    const cut = load(snowballBundle) as Snowball;
    const full = load('snowball-stemmers') as Snowball;
    const words = ['blessées', 'hospitalisations', 'Krankenhäusern', 'soldados', 'feriti', 'tratamento', 'gewonden', 'sjukhusen', 'sairaaloissa', 'running'];
    for (const { snowball } of LANGUAGES) {
      for (const word of words) expect(cut.newStemmer(snowball).stem(word), `${snowball}: ${word}`).toBe(full.newStemmer(snowball).stem(word));
    }
  });

  it('leaves a language it lacks to the whole package (the data build stems Catalan, a pivot)', () => {
    const catalan = { code: 'ca', iso3: 'cat', snowball: 'catalan', name: 'Catalan', letters: 'àçèéíïòóúü' };
    const full = load('snowball-stemmers') as Snowball;
    expect(stem('universitats', catalan)).toBe(full.newStemmer('catalan').stem('universitats'));
    expect(stem('universitats', catalan)).not.toBe('universitats');
  });

  it('holds no algorithm of a language the engine does not have', () => {
    const cut = load(snowballBundle) as Snowball;
    const engine = new Set(LANGUAGES.map((language) => language.snowball));
    const others = cut.algorithms().filter((name) => !engine.has(name));
    expect(others).toContain('arabic');
    for (const name of others) expect(() => cut.newStemmer(name), name).toThrow();
  });
});
