/**
 * Evaluation on question sets (eval/dev.json, eval/heldout.json): for any system that answers with
 * a paragraph or declines (the engine, or a baseline), the share of answerable questions answered
 * with a right paragraph, declined, or answered with a wrong one; how many questions to decline
 * (traps, off-topic) were declined; top-1 and MRR of the ranking; the same per language and per
 * kind; the precision of short-answer spans; and, for a system with a score, a threshold sweep.
 */
import { fold } from '../text/normalize.js';
import type { Engine } from './engine.js';

export interface EvalQuestion {
  readonly id: string;
  readonly language: string;
  /** How the question is asked: direct, paraphrase, keyword, typo, chatty, or trap/offtopic (to decline). */
  readonly kind?: string;
  readonly question: string;
  /** Paragraphs that answer (the first is the best one); null when the article does not cover it. */
  readonly expected: number[] | null;
  /** The short answer, when the question asks for one (a number, a name, a date…). */
  readonly answer?: string;
}

/** What a system says about one question. */
export interface EvalOutcome {
  readonly answered: boolean;
  /** The paragraph given (answered) or offered as closest (declined); null when there is none at all. */
  readonly top: number | null;
  /** Paragraph numbers, best first (may be partial: a paragraph missing from it has no rank). */
  readonly ranking: readonly number[];
  /** The system's own score of its top paragraph (engine: evidence in [0, 1]). */
  readonly score: number;
  /** The language the system read the question in, when it says. */
  readonly detected?: string;
  /** The short answer the system picked inside its quote, if any. */
  readonly span?: { readonly text: string } | null;
}

/** Anything that can be evaluated: the engine, or a baseline. */
export interface EvalSystem {
  readonly name: string;
  /** The score threshold under which it declines, when it has one (the sweep needs it). */
  readonly threshold: number | null;
  ask(question: EvalQuestion): Promise<EvalOutcome>;
}

export interface EvalRow {
  readonly id: string;
  readonly language: string;
  readonly kind: string;
  readonly question: string;
  readonly expected: number[] | null;
  readonly answer: string | null;
  readonly detected: string | null;
  readonly top: number | null;
  /** 1-based rank of the first expected paragraph, or null (question to decline, or not ranked). */
  readonly rank: number | null;
  readonly score: number;
  readonly answered: boolean;
  readonly span: string | null;
}

/** The figures of one group of rows (a whole set, a language, a kind). Shares are in [0, 1]. */
export interface EvalFigures {
  readonly questions: number;
  readonly answerable: number;
  /** Answerable questions answered with an expected paragraph. */
  readonly answeredRight: number;
  /** Answerable questions declined ("not covered"). */
  readonly declined: number;
  /** Answerable questions answered with a paragraph that is not expected. */
  readonly answeredWrong: number;
  /** Questions to decline (expected null: traps and off-topic), and how many of them were declined. */
  readonly toDecline: number;
  readonly toDeclineDeclined: number;
  /** Over the answerable questions: expected paragraph ranked first, and mean reciprocal rank. */
  readonly top1: number;
  readonly mrr: number;
}

export interface SpanFigures {
  /** Questions with an expected short answer. */
  readonly withAnswer: number;
  /** Of those, answered with a right paragraph and a span. */
  readonly spans: number;
  /** Of those spans, the ones that match the expected answer. */
  readonly matching: number;
  /** matching / spans (0 when there is no span). */
  readonly precision: number;
}

export interface SweepPoint {
  readonly threshold: number;
  /** Of the questions declined at this threshold, the share that were to decline. */
  readonly precision: number;
  /** Of the questions to decline, the share declined. */
  readonly recall: number;
  /** Answerable questions answered with a right paragraph. */
  readonly answeredRight: number;
  /** (recall + answeredRight) / 2: answering the answerable and declining the rest weigh the same. */
  readonly balanced: number;
}

export interface EvalReport extends EvalFigures {
  readonly system: string;
  readonly threshold: number | null;
  readonly rows: EvalRow[];
  readonly byLanguage: Record<string, EvalFigures>;
  readonly byKind: Record<string, EvalFigures>;
  readonly spans: SpanFigures;
  /** For a system with a threshold: what other thresholds would do, and the best of them. */
  readonly sweep: SweepPoint[] | null;
  readonly bestThreshold: number | null;
}

const ratio = (a: number, b: number): number => (b ? a / b : 0);

const isRight = (row: EvalRow): boolean => row.expected !== null && row.top !== null && row.expected.includes(row.top);

/** The figures of a group of rows. */
export function figures(rows: readonly EvalRow[]): EvalFigures {
  const answerable = rows.filter((r) => r.expected !== null);
  const toDecline = rows.filter((r) => r.expected === null);
  return {
    questions: rows.length,
    answerable: answerable.length,
    answeredRight: ratio(answerable.filter((r) => r.answered && isRight(r)).length, answerable.length),
    declined: ratio(answerable.filter((r) => !r.answered).length, answerable.length),
    answeredWrong: ratio(answerable.filter((r) => r.answered && !isRight(r)).length, answerable.length),
    toDecline: toDecline.length,
    toDeclineDeclined: toDecline.filter((r) => !r.answered).length,
    top1: ratio(answerable.filter((r) => r.rank === 1).length, answerable.length),
    mrr: ratio(answerable.reduce((sum, r) => sum + (r.rank ? 1 / r.rank : 0), 0), answerable.length),
  };
}

function groupBy(rows: readonly EvalRow[], key: (row: EvalRow) => string): Record<string, EvalFigures> {
  const groups = new Map<string, EvalRow[]>();
  for (const row of rows) {
    const k = key(row);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(row);
  }
  return Object.fromEntries([...groups].map(([k, group]) => [k, figures(group)]));
}

/**
 * Whether a span gives the expected short answer: after folding (case, accents, apostrophes, digit
 * groups) and squeezing spaces, one contains the other, or they share a number or a word of at
 * least four letters ("Fayez al-Sarraj" ~ "M. Sarraj"; "500" ~ "500 blessés").
 */
export function spanMatches(span: string, expected: string): boolean {
  const norm = (s: string): string => fold(s).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const a = norm(span);
  const b = norm(expected);
  if (!a || !b) return false;
  if (a.includes(b) || b.includes(a)) return true;
  const significant = (s: string): Set<string> => new Set(s.split(' ').filter((w) => /^\p{N}+$/u.test(w) || w.length >= 4));
  const wanted = significant(b);
  return [...significant(a)].some((w) => wanted.has(w));
}

function spanFigures(rows: readonly EvalRow[]): SpanFigures {
  const withAnswer = rows.filter((r) => r.answer !== null);
  const spans = withAnswer.filter((r) => r.answered && isRight(r) && r.span !== null);
  const matching = spans.filter((r) => spanMatches(r.span!, r.answer!)).length;
  return { withAnswer: withAnswer.length, spans: spans.length, matching, precision: ratio(matching, spans.length) };
}

/** Every figure of a report, from rows already computed (the unit under test). */
export function report(system: string, threshold: number | null, rows: EvalRow[]): EvalReport {
  const points = threshold === null ? null : sweep(rows);
  return {
    system,
    threshold,
    rows,
    ...figures(rows),
    byLanguage: groupBy(rows, (r) => r.language),
    byKind: groupBy(rows, (r) => r.kind),
    spans: spanFigures(rows),
    sweep: points,
    bestThreshold: points ? bestThreshold(points) : null,
  };
}

/**
 * What would happen at other thresholds, from each row's score: a question is declined when its
 * score is under the threshold. Only meaningful for a system whose `answered` is its score against
 * a threshold (the engine); it is what a hybrid-mode user needs to calibrate ANSWER_THRESHOLD.
 */
export function sweep(rows: readonly EvalRow[], thresholds: readonly number[] = SWEEP_THRESHOLDS): SweepPoint[] {
  const answerable = rows.filter((r) => r.expected !== null);
  const toDecline = rows.filter((r) => r.expected === null);
  return thresholds.map((threshold) => {
    const declined = rows.filter((r) => r.score < threshold);
    const rightlyDeclined = declined.filter((r) => r.expected === null).length;
    const recall = ratio(rightlyDeclined, toDecline.length);
    const answeredRight = ratio(answerable.filter((r) => r.score >= threshold && isRight(r)).length, answerable.length);
    return { threshold, precision: ratio(rightlyDeclined, declined.length), recall, answeredRight, balanced: (recall + answeredRight) / 2 };
  });
}

export const SWEEP_THRESHOLDS: readonly number[] = Array.from({ length: 13 }, (_, i) => Math.round((0.1 + i * 0.05) * 100) / 100);

/** The swept threshold with the best balanced accuracy (ties: the lower threshold). */
export function bestThreshold(points: readonly SweepPoint[]): number | null {
  if (!points.length) return null;
  return points.reduce((best, p) => (p.balanced > best.balanced ? p : best)).threshold;
}

/** Runs a question set through a system, one question at a time, and computes the figures. */
export async function evaluate(evaluated: EvalSystem | Engine, questions: readonly EvalQuestion[]): Promise<EvalReport> {
  const system = 'explain' in evaluated ? engineSystem(evaluated) : evaluated;
  const rows: EvalRow[] = [];
  for (const q of questions) {
    const outcome = await system.ask(q);
    const position = q.expected ? outcome.ranking.findIndex((p) => q.expected!.includes(p)) : -1;
    rows.push({
      id: q.id,
      language: q.language,
      kind: q.kind ?? (q.expected === null ? 'offtopic' : 'unspecified'),
      question: q.question,
      expected: q.expected,
      answer: q.answer ?? null,
      detected: outcome.detected ?? null,
      top: outcome.top,
      rank: position >= 0 ? position + 1 : null,
      score: outcome.score,
      answered: outcome.answered,
      span: outcome.span?.text ?? null,
    });
  }
  return report(system.name, system.threshold, rows);
}

/** The engine as an evaluated system: its answer, and its full ranking from `explain`. */
export function engineSystem(engine: Engine, name = 'engine'): EvalSystem {
  return {
    name,
    threshold: engine.threshold,
    async ask(q) {
      const answer = await engine.ask(q.question);
      const ranking = await engine.explain(q.question);
      return {
        answered: answer.answered,
        top: answer.paragraph,
        ranking: ranking.map((r) => r.paragraph),
        score: answer.score,
        detected: answer.language,
        span: answer.span ?? null,
      };
    },
  };
}

/** Reads a question set: `{ questions: [...] }`, checked enough to fail with a clear message. */
export function parseQuestionSet(text: string, file: string): EvalQuestion[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not JSON (${(error as Error).message})`);
  }
  const questions = (data as { questions?: unknown }).questions;
  if (!Array.isArray(questions)) throw new Error(`${file}: expected { "questions": [...] }`);
  questions.forEach((q: Partial<EvalQuestion>, i) => {
    const ok =
      q && typeof q.id === 'string' && typeof q.question === 'string' && typeof q.language === 'string' &&
      (q.expected === null || (Array.isArray(q.expected) && q.expected.every((n) => Number.isInteger(n))));
    if (!ok) throw new Error(`${file}: question ${i + 1} needs id, language, question and expected (paragraph numbers or null)`);
  });
  return questions as EvalQuestion[];
}

/**
 * One typo per question, made deterministically (a small linear congruential generator from
 * `seed`): in one word of six letters or more, two neighbouring letters swapped or one dropped,
 * never the first letter. What a user types in a hurry ("wonuded", "Russa").
 */
export function typoVariant(question: string, seed: number): string | null {
  const words = [...question.matchAll(/\p{L}{6,}/gu)];
  if (!words.length) return null;
  let state = seed >>> 0;
  const next = (n: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  const word = words[next(words.length)]!;
  const letters = [...word[0]];
  const at = 1 + next(letters.length - 2);
  // Swapping two equal letters ("ss") would change nothing: that one is dropped instead.
  if (next(2) === 0 && letters[at] !== letters[at + 1]) [letters[at], letters[at + 1]] = [letters[at + 1]!, letters[at]!];
  else letters.splice(at, 1);
  const start = word.index;
  return question.slice(0, start) + letters.join('') + question.slice(start + word[0].length);
}

/**
 * Chat around the question, as people write it in a chat room, by the question's language: a
 * greeting, a clause that frames the question, a statement that sets the scene, thanks, laughter,
 * "any idea?". One per question, chosen from `seed`; null for a language without them.
 */
const CHAT_FRAMES: Record<string, readonly (readonly [string, string])[]> = {
  en: [['hey everyone, ', ''], ['for my homework: ', ''], ['I was reading the news this morning. ', ''], ['', ' thanks a lot!'], ['', ' lol'], ['', ' (asking for a friend)'], ['I just read the article and ', '']],
  fr: [['salut tout le monde, ', ''], ['pour mon devoir : ', ''], ["quelqu'un peut m'expliquer ", ''], ['', ' merci beaucoup !'], ['', ' mdr'], ['', ' une idée ?'], ["je viens de lire l'article et ", '']],
  es: [['hola a todos, ', ''], ['para mi tarea: ', ''], ['alguien me explica ', ''], ['', ' ¡muchas gracias!'], ['', ' jajaja'], ['', ' ¿alguna idea?'], ['me preguntaba, ', '']],
  de: [['hallo zusammen, ', ''], ['für meine Hausaufgaben: ', ''], ['kann mir jemand erklären, ', ''], ['', ' vielen Dank!'], ['', ' lol'], ['', ' (frage für einen Freund)'], ['', ' danke im Voraus']],
  it: [['ciao a tutti, ', ''], ['per i compiti: ', ''], ['qualcuno mi spiega ', ''], ['', ' grazie mille!'], ['', ' ahah'], ['', ' (chiedo per un amico)'], ['mi chiedevo, ', '']],
  pt: [['oi gente, ', ''], ['para o meu trabalho: ', ''], ['alguém me explica ', ''], ['', ' muito obrigado!'], ['', ' kkkk'], ['', ' alguma ideia?'], ['eu tava pensando, ', '']],
};

/** The question in one of its language's chat frames (see CHAT_FRAMES), chosen from `seed`; null when it has none. */
export function chatVariant(question: string, language: string, seed: number): string | null {
  const frames = CHAT_FRAMES[language];
  if (!frames) return null;
  const [before, after] = frames[(Math.imul(seed >>> 0, 2654435761) >>> 0) % frames.length]!;
  // A prefix runs into the question, as typed in a chat: its first letter in lower case.
  const body = before && !before.endsWith('. ') ? question.charAt(0).toLowerCase() + question.slice(1) : question;
  return `${before}${body}${after}`;
}

export interface RobustnessFigures {
  /** Answerable questions the system answered with a right paragraph (the ones asked again, changed). */
  readonly tried: number;
  /** Of those, still answered with a right paragraph once changed. */
  readonly unchanged: number;
  /** Of those, answered with a wrong paragraph once changed. */
  readonly wrong: number;
}

/** Asks again, changed by `variant`, every answerable question a system answered right in `report`. */
async function robustness(
  system: EvalSystem,
  questions: readonly EvalQuestion[],
  report: EvalReport,
  variant: (question: EvalQuestion, index: number) => string | null,
): Promise<RobustnessFigures> {
  let tried = 0;
  let unchanged = 0;
  let wrong = 0;
  const rows = new Map(report.rows.map((r) => [r.id, r]));
  for (const [i, q] of questions.entries()) {
    const row = rows.get(q.id);
    if (!q.expected || !row?.answered || row.top === null || !q.expected.includes(row.top)) continue;
    const changed = variant(q, i);
    if (!changed) continue;
    tried++;
    const outcome = await system.ask({ ...q, question: changed });
    if (!outcome.answered || outcome.top === null) continue;
    if (q.expected.includes(outcome.top)) unchanged++;
    else wrong++;
  }
  return { tried, unchanged, wrong };
}

/** Asks again, with one typo each, every answerable question a system answered right in `report`. */
export function typoRobustness(system: EvalSystem, questions: readonly EvalQuestion[], report: EvalReport): Promise<RobustnessFigures> {
  return robustness(system, questions, report, (q, i) => typoVariant(q.question, i + 1));
}

/** Asks again, in a chat frame each (see `chatVariant`), every answerable question a system answered right in `report`. */
export function chatRobustness(system: EvalSystem, questions: readonly EvalQuestion[], report: EvalReport): Promise<RobustnessFigures> {
  return robustness(system, questions, report, (q, i) => chatVariant(q.question, q.language, i + 1));
}
