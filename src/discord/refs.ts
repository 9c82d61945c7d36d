/**
 * Button custom ids carry everything a click needs, so buttons keep working after a restart
 * and the bot keeps no per-message state. A passage reference is
 * `<paragraph>[.<highlighted sentences, base-36 bit mask of any length>][~<article index>]`,
 * e.g. `ask:full:4`, `ask:alts:1.2,5.1`.
 */
import { LIMITS, sentenceSpans, type Span } from './format.js';

export interface PassageRef {
  readonly paragraph: number;
  /** Index of the article in the corpus (0 for the first, the usual case). */
  readonly article: number;
  /** Indices of the sentences to highlight (of `sentenceSpans(quote)`). */
  readonly sentences: readonly number[];
}

export type ButtonAction = 'full' | 'alts';

/** Base-36 digits of a mask: 60 digits hold 310 sentences, far more than a paragraph has (custom ids are 100 characters). */
const MAX_MASK_DIGITS = 60;
const REF = new RegExp(`^(\\d{1,5})(?:\\.([0-9a-z]{1,${MAX_MASK_DIGITS}}))?(?:~(\\d{1,3}))?$`);

/** A BigInt bit mask: a paragraph may have any number of sentences (a 32-bit integer broke at 31). */
export function encodeRef(ref: PassageRef): string {
  const mask = ref.sentences.filter((i) => Number.isInteger(i) && i >= 0).reduce((m, i) => m | (1n << BigInt(i)), 0n);
  const digits = mask.toString(36);
  const sentences = mask && digits.length <= MAX_MASK_DIGITS ? `.${digits}` : '';
  return `${ref.paragraph}${sentences}${ref.article ? `~${ref.article}` : ''}`;
}

function parseBase36(digits: string): bigint {
  let value = 0n;
  for (const d of digits) value = value * 36n + BigInt(parseInt(d, 36));
  return value;
}

export function decodeRef(text: string): PassageRef | null {
  const m = REF.exec(text);
  if (!m) return null;
  let mask = m[2] ? parseBase36(m[2]) : 0n;
  const sentences: number[] = [];
  for (let i = 0; mask > 0n; i++, mask >>= 1n) if (mask & 1n) sentences.push(i);
  return { paragraph: Number(m[1]), article: m[3] ? Number(m[3]) : 0, sentences };
}

/** The custom id of an /ask button; alternatives that would overflow Discord's 100 characters are dropped. */
export function buttonId(action: ButtonAction, refs: readonly PassageRef[]): string {
  const prefix = `ask:${action}:`;
  const parts: string[] = [];
  for (const ref of refs) {
    const next = [...parts, encodeRef(ref)];
    if (prefix.length + next.join(',').length > LIMITS.customId) break;
    parts.push(encodeRef(ref));
  }
  return prefix + parts.join(',');
}

export function parseButtonId(customId: string): { action: ButtonAction; refs: PassageRef[] } | null {
  const m = /^ask:(full|alts):(.*)$/.exec(customId);
  if (!m) return null;
  const refs = m[2] ? m[2].split(',').map(decodeRef) : [];
  if (refs.some((r) => r === null)) return null;
  return { action: m[1] as ButtonAction, refs: refs as PassageRef[] };
}

/** Which sentences of `quote` the highlight ranges touch. */
export function sentencesTouched(quote: string, ranges: readonly Span[]): number[] {
  return sentenceSpans(quote).flatMap((s, i) => (ranges.some((r) => r.start < s.end && r.end > s.start) ? [i] : []));
}

/** Back from sentence indices to ranges of `quote`. */
export function sentenceRanges(quote: string, indices: readonly number[]): Span[] {
  const spans = sentenceSpans(quote);
  return indices.flatMap((i) => {
    const s = spans[i];
    if (!s) return [];
    // Trailing spaces are not part of the highlight.
    const text = quote.slice(s.start, s.end);
    return [{ start: s.start, end: s.start + text.trimEnd().length }];
  });
}
