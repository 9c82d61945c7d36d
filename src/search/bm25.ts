import { GROUP_SEPARATOR } from './lexicon-format.js';

/**
 * Okapi BM25 over pre-analysed documents (arrays of stems), scoring "concept" queries:
 * each concept is a set of alternative terms (a word's translations, its spelling variants)
 * treated as one synonym class, following Pirkola's structured queries for cross-language
 * retrieval: term frequencies are summed inside the class and its document frequency is that
 * of the union, so a word with many translations does not outweigh a word with one.
 */

export interface Concept {
  /** What the concept stands for in the question (for explanations and debugging). */
  readonly label: string;
  /** Index term → weight in [0, 1] (1 for an exact or dictionary match, less for a spelling match). */
  readonly terms: ReadonlyMap<string, number>;
  /** A name, acronym or number: it says which facts are asked about, not which fact is asked. */
  readonly name?: boolean;
}

export interface Bm25Options {
  readonly k1?: number;
  readonly b?: number;
}

export interface ConceptMatch {
  readonly concept: Concept;
  readonly idf: number;
  /** Per document: weighted term frequency of the concept (0 when absent). */
  readonly frequencies: readonly number[];
  /** Per document: the weight of the strongest of the concept's terms it contains (0 when none). */
  readonly strengths: readonly number[];
}

/** Terms within this share of a concept's strongest match in a document count toward its frequency. */
const STRONGEST_KIND = 0.99;
/** A concept found nowhere counts with the document frequency of a word found once. */
const UNSEEN_AS = 1;

/**
 * Occurrences of an index term in a document; a group of terms joined by `+` (a translation
 * of several words: port+parol for "spokesman") occurs as often as its rarest member, and not
 * at all where one is missing.
 */
function termCount(counts: ReadonlyMap<string, number>, term: string): number {
  if (!term.includes(GROUP_SEPARATOR)) return counts.get(term) ?? 0;
  let least = Infinity;
  for (const member of term.split(GROUP_SEPARATOR)) least = Math.min(least, counts.get(member) ?? 0);
  return least;
}

export class Bm25Index {
  readonly k1: number;
  readonly b: number;
  private readonly termFrequencies: Map<string, number>[];
  private readonly lengths: number[];
  private readonly averageLength: number;
  readonly vocabulary: ReadonlySet<string>;

  constructor(documents: readonly (readonly string[])[], options: Bm25Options = {}) {
    this.k1 = options.k1 ?? 1.2;
    this.b = options.b ?? 0.75;
    this.termFrequencies = documents.map((terms) => {
      const counts = new Map<string, number>();
      for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
      return counts;
    });
    this.lengths = documents.map((terms) => terms.length);
    this.averageLength = this.lengths.reduce((a, b) => a + b, 0) / Math.max(1, documents.length) || 1;
    this.vocabulary = new Set(documents.flat());
  }

  get size(): number {
    return this.lengths.length;
  }

  /** Robertson–Spärck Jones idf with the +1 that keeps it positive for common terms. */
  idf(documentFrequency: number): number {
    const n = this.size;
    return Math.log(1 + (n - documentFrequency + 0.5) / (documentFrequency + 0.5));
  }

  match(concept: Concept): ConceptMatch {
    let documentFrequency = 0;
    const strengths: number[] = [];
    const frequencies = this.termFrequencies.map((counts) => {
      const countOf = (term: string): number => termCount(counts, term);
      let strength = 0;
      for (const [term, weight] of concept.terms) if (weight > strength && countOf(term) > 0) strength = weight;
      // Only the strongest kind of match present counts: many weak synonyms of a word in one
      // paragraph must not outweigh the word's own translation in another.
      let tf = 0;
      for (const [term, weight] of concept.terms) if (weight >= strength * STRONGEST_KIND) tf += countOf(term) * weight;
      // A document counts toward the concept's frequency by the strength of its match: weak
      // synonyms found everywhere must not make the word itself look common.
      documentFrequency += strength;
      strengths.push(strength);
      return tf;
    });
    // A word found nowhere weighs as much as the rarest word found (not more): its absence says
    // "not here", the threshold decides whether that is too much missing.
    return { concept, idf: this.idf(Math.max(UNSEEN_AS, documentFrequency)), frequencies, strengths };
  }

  /** BM25 score of every document for the concepts. */
  score(concepts: readonly Concept[]): number[] {
    return this.scoreMatches(concepts.map((c) => this.match(c)));
  }

  scoreMatches(matches: readonly ConceptMatch[]): number[] {
    const scores = new Array<number>(this.size).fill(0);
    for (const { idf, frequencies } of matches) {
      frequencies.forEach((tf, doc) => {
        if (tf <= 0) return;
        const norm = this.k1 * (1 - this.b + (this.b * (this.lengths[doc] ?? 0)) / this.averageLength);
        scores[doc] = (scores[doc] ?? 0) + (idf * (tf * (this.k1 + 1))) / (tf + norm);
      });
    }
    return scores;
  }
}

/**
 * Share of the question's weight that a document contains: the idf mass of the concepts
 * present in `doc` over the idf mass of all concepts (a concept found nowhere counts with
 * the idf of an unseen term). It says "how much of what was asked is here", independent of
 * document length, which is what deciding "not covered" needs.
 */
export function coverage(matches: readonly ConceptMatch[], doc: number, minimumStrength = 0): number {
  let total = 0;
  let found = 0;
  for (const match of matches) {
    total += match.idf;
    if ((match.strengths[doc] ?? 0) < minimumStrength) continue;
    // A concept found only through a synonym, a pivot or a look-alike counts for that weight:
    // "Einwohner" reaching "groupes" through a synonym is not the word itself, however often it occurs.
    found += match.idf * (match.strengths[doc] ?? 0);
  }
  return total > 0 ? found / total : 0;
}
