import { describe, expect, it } from 'vitest';
import { Bm25Index, coverage, type Concept } from '../src/search/bm25.js';
import { fuse, rank, scaleByMax, scaleMinMax } from '../src/search/fusion.js';

const concept = (label: string, ...terms: string[]): Concept => ({ label, terms: new Map(terms.map((t) => [t, 1])) });

describe('BM25', () => {
  const docs = [
    ['russ', 'bless', 'bless', 'charg'],
    ['russ', 'moscou', 'visit'],
    ['benghazi', 'guerr', 'ville', 'tripol', 'russ', 'mains', 'troup', 'control'],
  ];
  const index = new Bm25Index(docs);

  it('gives rarer terms a higher idf', () => {
    expect(index.idf(1)).toBeGreaterThan(index.idf(3));
    expect(index.idf(3)).toBeGreaterThan(0);
  });

  it('ranks the document with the rare term first and ignores absent terms', () => {
    const scores = index.score([concept('bless', 'bless'), concept('russ', 'russ')]);
    expect(rank(scores)[0]).toBe(0);
    expect(index.score([concept('absent', 'zzz')])).toEqual([0, 0, 0]);
  });

  it('saturates term frequency and normalises by length', () => {
    const saturated = new Bm25Index([['a', 'x'], ['a', 'a', 'a', 'a', 'a', 'a', 'a', 'a'], ['b']]);
    const [one, many] = saturated.score([concept('a', 'a')]);
    expect(many).toBeGreaterThan(one!);
    expect(many! / one!).toBeLessThan(2.2);
  });

  it('treats a concept as one synonym class: df of the union, tf summed', () => {
    const synonyms = index.match(concept('treat', 'bless', 'visit'));
    expect(synonyms.idf).toBeCloseTo(index.idf(2));
    expect(synonyms.frequencies).toEqual([2, 1, 0]);
  });

  it('measures coverage as the share of question idf found in a document', () => {
    const matches = [concept('wounded', 'bless'), concept('unknown', 'zzz')].map((c) => index.match(c));
    const cov = coverage(matches, 0);
    // A word found nowhere weighs as much as the rarest word found, not more.
    expect(cov).toBeCloseTo(0.5);
    expect(coverage(matches, 1)).toBe(0);
  });

  it('counts a weak match (a synonym) for its weight, in coverage and in document frequency', () => {
    const weighted: Concept = { label: 'treat', terms: new Map([['bless', 1], ['visit', 0.3]]) };
    const match = index.match(weighted);
    expect(match.strengths).toEqual([1, 0.3, 0]);
    expect(match.idf).toBeCloseTo(index.idf(1.3));
    expect(coverage([match], 0)).toBeCloseTo(1);
    expect(coverage([match], 1)).toBeCloseTo(0.3);
    expect(coverage([match], 1, 0.5)).toBe(0);
  });

  it('counts only the strongest kind of match in a document, so weak synonyms cannot pile up', () => {
    const docs2 = new Bm25Index([['soin', 'aid', 'aid', 'aid'], ['soin']]);
    const match = docs2.match({ label: 'care', terms: new Map([['soin', 1], ['aid', 0.3]]) });
    expect(match.frequencies).toEqual([1, 1]);
  });

  it('matches a phrase translation only where all its words occur', () => {
    const phrase: Concept = { label: 'spokesman', terms: new Map([['port+parol', 1]]) };
    const docs3 = new Bm25Index([['port', 'parol', 'ghanim'], ['port', 'avion'], ['parol', 'parol', 'port', 'port']]);
    expect(docs3.match(phrase).frequencies).toEqual([1, 0, 2]);
  });
});

describe('fusion', () => {
  it('scales BM25 by its maximum and cosines by their range', () => {
    expect(scaleByMax([2, 1, 0])).toEqual([1, 0.5, 0]);
    expect(scaleMinMax([0.8, 0.9, 0.85])).toEqual([0, 1, expect.closeTo(0.5)]);
  });
  it('mixes dense and lexical, and lets dense decide when nothing matched lexically', () => {
    const fused = fuse([0, 4, 2], [0.9, 0.8, 0.85]);
    expect(fused[1]).toBeCloseTo(0.4);
    expect(fused[0]).toBeCloseTo(0.6);
    expect(rank(fuse([0, 0, 0], [0.7, 0.9, 0.8]))).toEqual([1, 2, 0]);
    expect(fuse([3, 1], null)).toEqual([1, 1 / 3]);
  });
  it('ranks stably', () => {
    expect(rank([1, 2, 2, 0])).toEqual([1, 2, 0, 3]);
    expect(rank([0, 0, 1, 0], [0.1, 0.5, 0, 0.5])).toEqual([2, 1, 3, 0]);
  });
});
