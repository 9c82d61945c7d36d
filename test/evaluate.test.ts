/**
 * The evaluation's arithmetic, on fake systems and made-up questions: what each figure counts,
 * not what the real engine scores on the real sets.
 */
import { describe, expect, it } from 'vitest';
import {
  bestThreshold,
  evaluate,
  figures,
  spanMatches,
  sweep,
  chatRobustness,
  chatVariant,
  typoRobustness,
  typoVariant,
  type EvalOutcome,
  type EvalQuestion,
  type EvalRow,
  type EvalSystem,
} from '../src/answer/evaluate.js';
import type { Corpus, Paragraph } from '../src/corpus/types.js';
import { miniSearchBaseline } from '../src/cli/baseline.js';

const q = (id: string, expected: number[] | null, extra: Partial<EvalQuestion> = {}): EvalQuestion => ({
  id,
  language: 'en',
  kind: expected ? 'direct' : 'offtopic',
  question: `question ${id}`,
  expected,
  ...extra,
});

/** A system that gives, for each question id, a scripted outcome. */
function scripted(outcomes: Record<string, Partial<EvalOutcome>>, threshold: number | null = null): EvalSystem {
  return {
    name: 'fake',
    threshold,
    async ask(question) {
      const o = outcomes[question.id] ?? {};
      const top = o.top ?? null;
      return { answered: false, score: 0, ranking: top === null ? [] : [top], ...o, top };
    },
  };
}

const row = (expected: number[] | null, top: number | null, answered: boolean, extra: Partial<EvalRow> = {}): EvalRow => ({
  id: 'x',
  language: 'en',
  kind: expected ? 'direct' : 'offtopic',
  question: 'q',
  expected,
  answer: null,
  detected: null,
  top,
  rank: expected && top !== null && expected.includes(top) ? 1 : null,
  score: answered ? 1 : 0,
  answered,
  span: null,
  ...extra,
});

describe('figures', () => {
  it('splits the answerable questions into answered right, declined and answered wrong (summing to 1)', () => {
    const f = figures([
      row([1], 1, true),
      row([2, 3], 3, true), // any expected paragraph is right
      row([1], 4, true), // wrong paragraph
      row([1], 1, false), // declined, even though the closest passage was right
      row(null, 5, false),
      row(null, 5, true),
    ]);
    expect(f).toMatchObject({ questions: 6, answerable: 4, toDecline: 2, toDeclineDeclined: 1 });
    expect(f.answeredRight).toBeCloseTo(2 / 4);
    expect(f.answeredWrong).toBeCloseTo(1 / 4);
    expect(f.declined).toBeCloseTo(1 / 4);
    expect(f.answeredRight + f.declined + f.answeredWrong).toBeCloseTo(1);
  });

  it('gives zeros, not NaN, for a group without answerable questions', () => {
    const f = figures([row(null, 1, false)]);
    expect(f).toMatchObject({ answerable: 0, answeredRight: 0, declined: 0, top1: 0, mrr: 0, toDecline: 1, toDeclineDeclined: 1 });
  });
});

describe('evaluate', () => {
  it('ranks by the first expected paragraph in the ranking: top-1 and MRR over the answerable questions only', async () => {
    const questions = [q('a', [1]), q('b', [2, 5]), q('c', [3]), q('d', null)];
    const system = scripted({
      a: { top: 1, ranking: [1, 2, 3], answered: true },
      b: { top: 4, ranking: [4, 5, 2], answered: true }, // ¶5 at rank 2 (¶2 further down does not count)
      c: { top: 1, ranking: [1, 2], answered: true }, // ¶3 not ranked at all
      d: { top: 2, ranking: [2, 1], answered: false },
    });
    const r = await evaluate(system, questions);
    expect(r.rows.map((x) => x.rank)).toEqual([1, 2, null, null]);
    expect(r.top1).toBeCloseTo(1 / 3);
    expect(r.mrr).toBeCloseTo((1 + 1 / 2 + 0) / 3);
    expect(r.toDeclineDeclined).toBe(1);
  });

  it('breaks the figures down by language and by kind', async () => {
    const questions = [
      q('en1', [1], { language: 'en', kind: 'typo' }),
      q('fr1', [1], { language: 'fr', kind: 'typo' }),
      q('fr2', null, { language: 'fr', kind: 'trap' }),
    ];
    const r = await evaluate(scripted({ en1: { top: 1, answered: true }, fr1: { top: 2, answered: true }, fr2: { top: 1, answered: true } }), questions);
    expect(Object.keys(r.byLanguage).sort()).toEqual(['en', 'fr']);
    expect(r.byLanguage.en).toMatchObject({ questions: 1, answeredRight: 1 });
    expect(r.byLanguage.fr).toMatchObject({ questions: 2, answerable: 1, answeredRight: 0, answeredWrong: 1, toDecline: 1, toDeclineDeclined: 0 });
    expect(r.byKind.typo).toMatchObject({ questions: 2, answeredRight: 0.5 });
    expect(r.byKind.trap).toMatchObject({ questions: 1, toDecline: 1 });
  });

  it('counts span precision over right answers that carry a span', async () => {
    const questions = [
      q('a', [1], { answer: '500' }),
      q('b', [1], { answer: 'Fayez al-Sarraj' }),
      q('c', [1], { answer: '70' }), // wrong paragraph: its span is not judged
      q('d', [1], { answer: 'Moscou' }), // no span given
      q('e', [1]), // no expected answer: not counted
    ];
    const r = await evaluate(
      scripted({
        a: { top: 1, answered: true, span: { text: '500 blessés' } },
        b: { top: 1, answered: true, span: { text: 'Khalifa Haftar' } },
        c: { top: 2, answered: true, span: { text: '70' } },
        d: { top: 1, answered: true, span: null },
        e: { top: 1, answered: true, span: { text: 'x' } },
      }),
      questions,
    );
    expect(r.spans).toEqual({ withAnswer: 4, spans: 2, matching: 1, precision: 0.5 });
  });

  it('sweeps thresholds only for a system that has one', async () => {
    const questions = [q('a', [1]), q('b', null)];
    const outcomes = { a: { top: 1, answered: true, score: 0.6 }, b: { top: 1, answered: true, score: 0.3 } };
    expect((await evaluate(scripted(outcomes), questions)).sweep).toBeNull();
    const r = await evaluate(scripted(outcomes, 0.25), questions);
    expect(r.sweep).not.toBeNull();
    // Between 0.3 and 0.6 the off-topic question is declined and the answerable one still answered.
    expect(r.bestThreshold).toBeGreaterThan(0.3);
    expect(r.bestThreshold).toBeLessThanOrEqual(0.6);
  });
});

describe('typos', () => {
  it('misspells one long word by a swap or a drop, never its first letter, the same way for the same seed', () => {
    const question = 'How many wounded will Russia treat?';
    const variants = Array.from({ length: 20 }, (_, seed) => typoVariant(question, seed + 1)!);
    for (const variant of variants) {
      const changed = variant.split(' ').filter((word, i) => word !== question.split(' ')[i]);
      expect(changed).toHaveLength(1);
      const original = question.split(' ')[variant.split(' ').indexOf(changed[0]!)]!;
      expect(['wounded', 'Russia', 'treat?']).toContain(original);
      expect(changed[0]![0]).toBe(original[0]);
      expect(Math.abs(changed[0]!.length - original.length)).toBeLessThanOrEqual(1);
    }
    expect(new Set(variants).size).toBeGreaterThan(3);
    expect(typoVariant(question, 7)).toBe(typoVariant(question, 7));
    expect(typoVariant('Who is he?', 1)).toBeNull();
  });

  it('asks again only the questions answered right, and counts what stays right and what turns wrong', async () => {
    const questions = [q('a', [1], { question: 'answerable question' }), q('b', [2], { question: 'another question' }), q('c', [3], { question: 'declined question' }), q('d', null, { question: 'offtopic question' })];
    const first = await evaluate(scripted({ a: { top: 1, answered: true }, b: { top: 2, answered: true }, c: { top: 3, answered: false }, d: { top: 1, answered: true } }), questions);
    // With the typo, a stays right and b turns to ¶4.
    const retyped: EvalSystem = {
      name: 'fake',
      threshold: null,
      async ask(question) {
        expect(question.question).not.toBe(questions.find((x) => x.id === question.id)!.question);
        return question.id === 'a' ? { answered: true, top: 1, ranking: [1], score: 1 } : { answered: true, top: 4, ranking: [4], score: 1 };
      },
    };
    expect(await typoRobustness(retyped, questions, first)).toEqual({ tried: 2, unchanged: 1, wrong: 1 });
  });
});

describe('chat frames', () => {
  it('wrap a question in a greeting, a framing clause, a scene, thanks or laughter of its language, the same way for the same seed', () => {
    const question = 'How many wounded will Russia treat?';
    const variants = new Set(Array.from({ length: 30 }, (_, seed) => chatVariant(question, 'en', seed + 1)!));
    expect(variants.size).toBeGreaterThan(4);
    for (const variant of variants) {
      expect(variant.toLowerCase()).toContain('ow many wounded will russia treat?');
      expect(variant).not.toBe(question);
    }
    expect(variants).toContain('I was reading the news this morning. How many wounded will Russia treat?');
    expect(variants).toContain('hey everyone, how many wounded will Russia treat?');
    expect(chatVariant(question, 'en', 5)).toBe(chatVariant(question, 'en', 5));
    const french = new Set(Array.from({ length: 30 }, (_, seed) => chatVariant('Combien de blessés ?', 'fr', seed + 1)));
    expect(french).toContain('salut tout le monde, combien de blessés ?');
    expect(french).toContain('Combien de blessés ? merci beaucoup !');
    expect(chatVariant(question, 'nl', 1)).toBeNull();
  });

  it('ask again only the questions answered right, framed, and count what stays right and what turns wrong', async () => {
    const questions = [q('a', [1], { question: 'answerable question' }), q('b', [2], { question: 'another question' }), q('c', [3], { question: 'declined question' })];
    const first = await evaluate(scripted({ a: { top: 1, answered: true }, b: { top: 2, answered: true }, c: { top: 3, answered: false } }), questions);
    const framed: EvalSystem = {
      name: 'fake',
      threshold: null,
      async ask(question) {
        expect(question.question).toContain(questions.find((x) => x.id === question.id)!.question.slice(1));
        expect(question.question).not.toBe(questions.find((x) => x.id === question.id)!.question);
        return question.id === 'a' ? { answered: false, top: 1, ranking: [1], score: 0 } : { answered: true, top: 2, ranking: [2], score: 1 };
      },
    };
    expect(await chatRobustness(framed, questions, first)).toEqual({ tried: 2, unchanged: 1, wrong: 0 });
  });
});

describe('sweep', () => {
  it('declines under the threshold and computes precision, recall and balanced accuracy', () => {
    const rows = [row([1], 1, true, { score: 0.8 }), row([1], 1, true, { score: 0.2 }), row(null, 2, true, { score: 0.3 }), row(null, 2, false, { score: 0.1 })];
    const [low, mid, high] = sweep(rows, [0.15, 0.5, 0.9]);
    // 0.15: declines only the 0.1 off-topic row.
    expect(low).toMatchObject({ precision: 1, recall: 0.5, answeredRight: 1 });
    // 0.5: declines 0.2 (answerable), 0.3 and 0.1 (off-topic).
    expect(mid!.precision).toBeCloseTo(2 / 3);
    expect(mid).toMatchObject({ recall: 1, answeredRight: 0.5, balanced: 0.75 });
    // 0.9: declines everything.
    expect(high).toMatchObject({ precision: 0.5, recall: 1, answeredRight: 0, balanced: 0.5 });
    expect(bestThreshold([low!, mid!, high!])).toBe(0.15); // 0.75 ties 0.75: the lower threshold
  });
});

describe('spanMatches', () => {
  it.each([
    ['500', '500', true],
    ['500 blessés supplémentaires', '500', true],
    ['Fayez Al-Sarraj', 'fayez al-sarraj', true],
    ['M. Sarraj', 'Fayez al-Sarraj', true],
    ['l’État russe', "l'etat russe", true],
    ['1 000', '1000', true],
    ['Khalifa Haftar', 'Fayez al-Sarraj', false],
    ['70', '500', false],
    ['de la', 'de', true], // containment, however short
    ['', '500', false],
  ])('%s ~ %s: %s', (span, expected, result) => {
    expect(spanMatches(span, expected)).toBe(result);
  });
});

describe('the MiniSearch baseline', () => {
  const paragraph = (number: number, text: string): Paragraph => ({ id: `a#${number}`, articleId: 'a', number, section: null, text, sentences: [] });
  const corpus = {
    articles: [],
    paragraphs: [paragraph(1, 'La Russie a soigné soixante-dix blessés.'), paragraph(2, 'Le maréchal Haftar est monté à bord du porte-avions.')],
  } as unknown as Corpus;
  const baseline = miniSearchBaseline(corpus);

  it('answers with its top paragraph, matching accent-folded words', async () => {
    const outcome = await baseline.ask(q('a', [2], { question: 'marechal porte-avions' }));
    expect(outcome).toMatchObject({ answered: true, top: 2 });
    expect(outcome.ranking[0]).toBe(2);
  });

  it('tolerates a typo in a long word, and declines when nothing matches', async () => {
    expect(await baseline.ask(q('b', [1], { question: 'blesssés' }))).toMatchObject({ answered: true, top: 1 });
    expect(await baseline.ask(q('c', null, { question: 'kangourou australien' }))).toMatchObject({ answered: false, top: null, ranking: [] });
  });

  it('has no threshold to sweep', () => {
    expect(baseline.threshold).toBeNull();
  });
});
