import type { Engine } from './engine.js';

export interface EvalQuestion {
  readonly id: string;
  readonly language: string;
  readonly question: string;
  /** Paragraphs that answer (the first is the best one); null when the article does not cover it. */
  readonly expected: number[] | null;
}

export interface EvalRow {
  readonly id: string;
  readonly language: string;
  readonly question: string;
  readonly expected: number[] | null;
  readonly detected: string;
  readonly top: number;
  /** 1-based rank of the first expected paragraph, or null (off-topic question or not ranked). */
  readonly rank: number | null;
  readonly score: number;
  readonly answered: boolean;
}

export interface EvalReport {
  readonly mode: string;
  readonly threshold: number;
  readonly rows: EvalRow[];
  readonly answerable: number;
  readonly offTopic: number;
  readonly top1: number;
  readonly mrr: number;
  /** Of the questions the engine declined, the share that were really off-topic. */
  readonly abstentionPrecision: number;
  /** Of the off-topic questions, the share the engine declined. */
  readonly abstentionRecall: number;
  /** Answerable questions answered with an expected paragraph. */
  readonly answeredCorrectly: number;
  readonly byLanguage: Record<string, { questions: number; top1: number }>;
  readonly sweep: { threshold: number; precision: number; recall: number; answeredCorrectly: number; balanced: number }[];
  /** The swept threshold with the best balanced accuracy (ties: the lower threshold). */
  readonly bestThreshold: number;
}

const ratio = (a: number, b: number): number => (b ? a / b : 0);

function abstention(rows: readonly EvalRow[], threshold: number) {
  const declined = rows.filter((r) => r.score < threshold);
  const offTopic = rows.filter((r) => r.expected === null);
  const truePositives = declined.filter((r) => r.expected === null).length;
  const answeredCorrectly = rows.filter((r) => r.expected && r.score >= threshold && r.expected.includes(r.top)).length;
  const recall = ratio(truePositives, offTopic.length);
  const correct = ratio(answeredCorrectly, rows.length - offTopic.length);
  return {
    precision: ratio(truePositives, declined.length),
    recall,
    answeredCorrectly: correct,
    // Balanced accuracy: answering the answerable and declining the off-topic weigh the same.
    balanced: (recall + correct) / 2,
  };
}

/** Runs the question set through the engine and computes retrieval and abstention figures. */
export async function evaluate(engine: Engine, questions: readonly EvalQuestion[]): Promise<EvalReport> {
  const rows: EvalRow[] = [];
  for (const q of questions) {
    const answer = await engine.ask(q.question);
    const ranking = await engine.explain(q.question);
    const position = q.expected ? ranking.findIndex((r) => q.expected!.includes(r.paragraph)) : -1;
    rows.push({
      id: q.id,
      language: q.language,
      question: q.question,
      expected: q.expected,
      detected: answer.language,
      top: answer.paragraph,
      rank: position >= 0 ? position + 1 : null,
      score: answer.score,
      answered: answer.answered,
    });
  }
  const answerable = rows.filter((r) => r.expected);
  const offTopic = rows.length - answerable.length;
  const { precision, recall, answeredCorrectly } = abstention(rows, engine.threshold);
  const byLanguage: Record<string, { questions: number; top1: number }> = {};
  for (const row of answerable) {
    const entry = (byLanguage[row.language] ??= { questions: 0, top1: 0 });
    entry.questions++;
    if (row.rank === 1) entry.top1++;
  }
  for (const entry of Object.values(byLanguage)) entry.top1 = ratio(entry.top1, entry.questions);
  const sweep = Array.from({ length: 13 }, (_, i) => 0.1 + i * 0.05).map((t) => ({ threshold: Math.round(t * 100) / 100, ...abstention(rows, t) }));
  const bestThreshold = sweep.reduce((best, s) => (s.balanced > best.balanced ? s : best)).threshold;
  return {
    mode: engine.mode,
    bestThreshold,
    threshold: engine.threshold,
    rows,
    answerable: answerable.length,
    offTopic,
    top1: ratio(answerable.filter((r) => r.rank === 1).length, answerable.length),
    mrr: ratio(answerable.reduce((sum, r) => sum + (r.rank ? 1 / r.rank : 0), 0), answerable.length),
    abstentionPrecision: precision,
    abstentionRecall: recall,
    answeredCorrectly,
    byLanguage,
    sweep,
  };
}
