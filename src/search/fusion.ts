/**
 * Score fusion of the dense and lexical rankings. Each list is scaled to [0, 1] by its own
 * maximum (BM25) or min–max range (cosines, which all sit in a narrow band), then mixed with
 * fixed weights. With one passage per paragraph the lists are short, so rank-based fusion
 * (RRF) would throw away the size of the gaps that tell a clear winner from a tie.
 */
export interface FusionWeights {
  readonly dense: number;
  readonly lexical: number;
}

export const DEFAULT_FUSION: FusionWeights = { dense: 0.6, lexical: 0.4 };

export function scaleByMax(scores: readonly number[]): number[] {
  const max = Math.max(0, ...scores);
  return scores.map((s) => (max > 0 ? s / max : 0));
}

export function scaleMinMax(scores: readonly number[]): number[] {
  if (!scores.length) return [];
  const min = Math.min(...scores);
  const max = Math.max(...scores);
  return scores.map((s) => (max > min ? (s - min) / (max - min) : max > 0 ? 1 : 0));
}

/** Fused scores; without dense scores the lexical ranking stands alone. */
export function fuse(lexical: readonly number[], dense: readonly number[] | null, weights = DEFAULT_FUSION): number[] {
  const lex = scaleByMax(lexical);
  if (!dense) return lex;
  const den = scaleMinMax(dense);
  const lexicalWeight = lexical.some((s) => s > 0) ? weights.lexical : 0;
  const total = weights.dense + lexicalWeight;
  return den.map((d, i) => (weights.dense * d + lexicalWeight * (lex[i] ?? 0)) / total);
}

/** Indices sorted by descending score; ties by descending `tieBreak` when given, then in document order. */
export function rank(scores: readonly number[], tieBreak?: readonly number[]): number[] {
  const second = (i: number): number => tieBreak?.[i] ?? 0;
  return scores.map((_, i) => i).sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || second(b) - second(a) || a - b);
}
