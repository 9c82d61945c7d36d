import type { Answer, Summary } from '../answer/types.js';
import { describeMode } from '../answer/engine.js';
import type { EngineStatus } from '../answer/types.js';
import { statusLine, type StatusContext } from './status.js';

/** Width of the text when the terminal reports none (a pipe, a file, an emacs shell). */
export const DEFAULT_COLUMNS = 80;

/** Columns available for text: the terminal's, else DEFAULT_COLUMNS; never more than 100 nor less than 40. */
export function textWidth(columns: number | undefined): number {
  const cols = columns && columns > 0 ? columns : DEFAULT_COLUMNS;
  return Math.max(40, Math.min(100, cols)) - 4;
}

const ansi = (code: string, text: string, color: boolean): string => (color ? `\u001b[${code}m${text}\u001b[0m` : text);

/** The quote with its highlighted sentences in bold on a terminal; plain text elsewhere (no markup characters). */
export function markHighlight(answer: Pick<Answer, 'quote' | 'highlightRanges'>, color: boolean): string {
  let out = '';
  let cursor = 0;
  for (const { start, end } of answer.highlightRanges) {
    out += answer.quote.slice(cursor, start);
    const sentence = answer.quote.slice(start, end);
    out += ansi('1;33', sentence, color);
    cursor = end;
  }
  return out + answer.quote.slice(cursor);
}

export function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    // Escape sequences have no width; measure without them.
    const visible = (line + ' ' + word).replace(/\u001b\[[\d;]*m/g, '');
    if (line && visible.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => indent + l).join('\n');
}

export interface FormatOptions {
  /** ANSI styles (a terminal without NO_COLOR); plain text otherwise. */
  readonly color: boolean;
  /** The long mode description and the model's whole problem instead of the short status line. */
  readonly verbose: boolean;
  /** Terminal columns, if the terminal reports them. */
  readonly columns?: number | undefined;
}

/** The status line (short), or with --verbose the full description of the mode and of what is missing. */
export function formatStatus(status: EngineStatus, context: StatusContext, verbose: boolean): string[] {
  if (!verbose) return [statusLine(status, context)];
  const lines = [`mode: ${describeMode(status)}`];
  if (status.modelProblem) lines.push(`model: ${status.modelProblem}`);
  if (context.downloadFailure) {
    const { at, reason, marker } = context.downloadFailure;
    lines.push(`model download: the last attempt (${at}) failed for lack of network (${reason}); not retried for 24 h unless you pass --retry-model or delete ${marker}`);
  }
  return lines;
}

export function formatAnswer(answer: Answer, status: EngineStatus, context: StatusContext, options: FormatOptions): string {
  const { color } = options;
  const width = textWidth(options.columns);
  const out: string[] = [];
  if (answer.answered) {
    out.push(ansi('1', `${answer.citation}`, color));
  } else {
    out.push(ansi('1', 'The article does not cover this question.', color));
    out.push(`Closest passage: ${answer.citation}`);
  }
  out.push('', wrap(markHighlight(answer, color), width, '  '), '');
  if (answer.answered && answer.span) out.push(`${ansi('1', 'answer:', color)} ${answer.span.text}`);
  const confidence = answer.answered ? `${answer.confidence} confidence (score ${answer.score})` : `score ${answer.score}, below the threshold`;
  out.push(ansi('2', `${confidence} · question read as ${answer.language}`, color));
  if (answer.unmatched.length) out.push(ansi('2', `not found in the article: ${answer.unmatched.join(', ')}`, color));
  for (const note of answer.notes) out.push(ansi('2', `note: ${note}`, color));
  if (answer.alternatives.length) {
    // With one article, the paragraph number says it all; with several, the citation names the article.
    const name = (a: Answer['alternatives'][number]): string => (status.articles.length > 1 ? a.citation : `¶${a.paragraph}`);
    out.push(ansi('2', `other matches: ${answer.alternatives.map((a) => `${name(a)} (score ${a.score})`).join(', ')}`, color));
  }
  for (const line of formatStatus(status, context, options.verbose)) out.push(ansi('2', line, color));
  return out.join('\n');
}

/** The JSON contract of `npm run ask -- --json`: stable field names, documented in the README. */
export function answerJson(answer: Answer): Record<string, unknown> {
  return {
    question: answer.question,
    answered: answer.answered,
    paragraph: answer.paragraph,
    section: answer.section,
    quote: answer.quote,
    highlight: answer.highlight,
    span: answer.span ? { text: answer.span.text, type: answer.span.type, start: answer.span.start, end: answer.span.end } : null,
    citation: answer.citation,
    score: answer.score,
    confidence: answer.confidence,
    mode: answer.mode,
    model: answer.model,
    language: answer.language,
    article: answer.articleId,
    alternatives: answer.alternatives.map((a) => ({
      paragraph: a.paragraph,
      section: a.section,
      citation: a.citation,
      score: a.score,
      highlight: a.highlight,
      quote: a.quote,
    })),
    unmatched: answer.unmatched,
    notes: answer.notes,
  };
}

export function formatSummary(summary: Summary, color: boolean): string {
  return summary.sentences.map((s) => `• ${s.text}\n  ${ansi('2', s.citation, color)}`).join('\n');
}
