
/**
 * Discord's size limits. Lengths are measured in UTF-16 code units (`String#length`), which is
 * never less than what Discord counts, so a text that fits here fits there.
 */
export const LIMITS = {
  content: 2000,
  description: 4096,
  title: 256,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** All titles, descriptions, fields and footers of a message's embeds together. */
  embedTotal: 6000,
  choiceName: 100,
  choices: 25,
  customId: 100,
} as const;

export const ELLIPSIS = '…';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const sentences = new Intl.Segmenter('fr', { granularity: 'sentence' });

/**
 * Cuts plain text to at most `max` code units with an ellipsis, between graphemes (never inside
 * an emoji or a surrogate pair) and at a word boundary when one is near the end.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, Math.max(0, max));
  const room = max - ELLIPSIS.length;
  let cut = 0;
  for (const { segment, index } of graphemes.segment(text)) {
    if (index + segment.length > room) break;
    cut = index + segment.length;
  }
  let head = text.slice(0, cut);
  // Back to the last word boundary, unless the cut already falls on one.
  const space = head.search(/\s\S*$/);
  if (!/^\s/.test(text.slice(cut)) && space > room * 0.7) head = head.slice(0, space);
  return head.trimEnd() + ELLIPSIS;
}

/** Inline markup anywhere in a line: emphasis, code, spoilers, and the opening of <…> forms (mentions, timestamps). */
const INLINE_MARKUP = /[\\*_~`|<]/g;
/** A masked link, [text](url): breaking its "](" is enough, plain brackets stay as written. */
const MASKED_LINK = /\]\(/g;
/** Block markup at the start of a line: a heading, a quote, a list item, a numbered item. */
const LINE_START_MARKUP = /^(\s*)(#|>|[-+](?=\s)|\d+(?=\.\s))/;

/**
 * Text made inert for Discord markdown, on one line. Line breaks would end a block quote and let
 * the rest of a passage escape it; a backslash before every markup character (Discord renders
 * `\x` as `x` for any punctuation) covers emphasis, code, spoilers and the `<…>` forms, and
 * escapes backslashes so none can cancel the closing `**`; masked links lose their `](`, and a
 * heading, quote or list marker at the start is escaped too. One pass of two plain regular expressions: discord.js's
 * escapeMarkdown, with its look-behinds over the whole line, cost more than answering the
 * question in a burst.
 */
export function escapeInline(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine
    .replace(INLINE_MARKUP, '\\$&')
    .replace(MASKED_LINK, ']\\(')
    .replace(LINE_START_MARKUP, (_, space: string, marker: string) => (/^\d/.test(marker) ? `${space}${marker}\\` : `${space}\\${marker}`));
}

/** Escaped text of at most `max` code units: truncated before escaping, so no escape is cut in half. */
export function fitEscaped(plain: string, max: number): string {
  let budget = max;
  for (;;) {
    const out = escapeInline(truncate(plain, budget));
    if (out.length <= max) return out;
    if (budget <= 1) return ELLIPSIS.slice(0, max);
    budget = Math.max(1, budget - (out.length - max));
  }
}

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Sentence spans of a text (start/end offsets, trailing spaces included). */
export function sentenceSpans(text: string): Span[] {
  return [...sentences.segment(text)].map(({ index, segment }) => ({ start: index, end: index + segment.length }));
}

interface Unit {
  readonly text: string;
  readonly highlighted: boolean;
  /** Offset of the unit in the quote. */
  readonly start: number;
}

/** The quote cut into sentences, highlighted ranges kept whole. */
function units(quote: string, ranges: readonly Span[]): Unit[] {
  const sorted = [...ranges]
    .map((r) => ({ start: Math.max(0, Math.min(r.start, quote.length)), end: Math.max(0, Math.min(r.end, quote.length)) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);
  const out: Unit[] = [];
  const plain = (from: number, to: number): void => {
    if (to <= from) return;
    const gap = quote.slice(from, to);
    for (const s of sentenceSpans(gap)) out.push({ text: gap.slice(s.start, s.end), highlighted: false, start: from + s.start });
  };
  let cursor = 0;
  for (const r of sorted) {
    const start = Math.max(r.start, cursor);
    if (r.end <= start) continue;
    plain(cursor, start);
    out.push({ text: quote.slice(start, r.end), highlighted: true, start });
    cursor = r.end;
  }
  plain(cursor, quote.length);
  return out;
}

/** `**sentence**` with the surrounding spaces outside the markers (Discord ignores `** x **`). */
function bold(text: string, max = Infinity): string {
  const core = text.trim();
  if (!core) return ' ';
  const lead = /^\s/.test(text) ? ' ' : '';
  const trail = /\s$/.test(text) ? ' ' : '';
  const inner = Number.isFinite(max) ? fitEscaped(core, Math.max(1, max - 4)) : escapeInline(core);
  return `${lead}**${inner}**${trail}`;
}

/**
 * A highlighted sentence holding the short answer: `**… __500 blessés supplémentaires__ …**`, the
 * answer underlined inside the bold sentence (both markers live; the text between is escaped).
 */
function boldWithSpan(unit: Unit, span: Span): string | null {
  const from = span.start - unit.start;
  const to = span.end - unit.start;
  if (from < 0 || to > unit.text.length || to <= from) return null;
  const lead = /^\s/.test(unit.text) ? ' ' : '';
  const trail = /\s$/.test(unit.text) ? ' ' : '';
  const before = unit.text.slice(0, from).trimStart();
  const raw = unit.text.slice(from, to);
  const answer = raw.trim();
  const after = unit.text.slice(to).trimEnd();
  if (!answer) return null;
  // Discord needs the markers against the text: spaces stay outside them.
  const piece = (text: string) => (text ? escapeInline(text) : '');
  const gapBefore = before.trim() && (/\s$/.test(before) || /^\s/.test(raw)) ? ' ' : '';
  const gapAfter = after.trim() && (/^\s/.test(after) || /\s$/.test(raw)) ? ' ' : '';
  return `${lead}**${piece(before.trimEnd())}${gapBefore}__${piece(answer)}__${gapAfter}${piece(after.trimStart())}**${trail}`;
}

function assembleParts(parts: readonly Unit[], included: readonly boolean[], span: Span | null = null): string {
  let out = '';
  let skipped = false;
  parts.forEach((unit, i) => {
    if (!included[i]) {
      skipped = true;
      return;
    }
    if (skipped) out = out ? `${out.trimEnd()} ${ELLIPSIS} ` : `${ELLIPSIS} `;
    skipped = false;
    out += unit.highlighted ? ((span && boldWithSpan(unit, span)) ?? bold(unit.text)) : escapeInline(unit.text);
  });
  if (skipped && out) out = `${out.trimEnd()} ${ELLIPSIS}`;
  return out.trim();
}

/**
 * A passage as one markdown block quote with its highlighted sentences in bold, at most `max`
 * code units. Too long, it loses whole sentences, farthest from the highlight first (elisions
 * shown as …); the highlight itself is only cut when it alone does not fit.
 */
export function renderQuote(quote: string, ranges: readonly Span[], max: number, prefix = '> ', span: Span | null = null): string {
  // The short answer is shown inside its highlighted sentence; a span outside any highlight is ignored.
  const assemble = (p: readonly Unit[], inc: readonly boolean[]) => assembleParts(p, inc, span);
  const parts = units(quote, ranges);
  const room = max - prefix.length;
  const all = parts.map(() => true);
  const full = assemble(parts, all);
  if (full.length <= room) return prefix + full;

  const marked = parts.flatMap((u, i) => (u.highlighted ? [i] : []));
  const included = parts.map((u) => u.highlighted);
  if (marked.length === 0) {
    // Nothing to keep in particular: the opening sentences.
    const first = parts[0]?.text ?? quote;
    included[0] = true;
    if (assemble(parts, included).length > room) return prefix + fitEscaped(first.trim(), room - 2) + ` ${ELLIPSIS}`;
    for (let i = 1; i < parts.length; i++) {
      included[i] = true;
      if (assemble(parts, included).length > room) {
        included[i] = false;
        break;
      }
    }
    return prefix + assemble(parts, included);
  }

  const highlightOnly = assemble(parts, included);
  if (highlightOnly.length > room) {
    const text = marked.map((i) => parts[i]!.text.trim()).join(' ');
    const lead = marked[0]! > 0 ? `${ELLIPSIS} ` : '';
    const trail = ` ${ELLIPSIS}`;
    return prefix + lead + bold(text, room - lead.length - trail.length) + trail;
  }

  const tryAdd = (i: number): boolean => {
    included[i] = true;
    if (assemble(parts, included).length <= room) return true;
    included[i] = false;
    return false;
  };
  const first = marked[0]!;
  const last = marked[marked.length - 1]!;
  // Sentences between two highlighted ones first, then context around, nearest first.
  for (let i = first + 1; i < last; i++) if (!included[i]) tryAdd(i);
  let before = first - 1;
  let after = last + 1;
  while (before >= 0 || after < parts.length) {
    if (before >= 0) before = tryAdd(before) ? before - 1 : -1;
    if (after < parts.length) after = tryAdd(after) ? after + 1 : parts.length;
  }
  return prefix + assemble(parts, included);
}

/** Offsets of `sentence` strings inside `quote` (the engine gives alternatives' highlights as text). */
export function rangesOf(quote: string, highlighted: readonly string[]): Span[] {
  const out: Span[] = [];
  for (const s of highlighted) {
    const start = quote.indexOf(s);
    if (start >= 0 && s) out.push({ start, end: start + s.length });
  }
  return out;
}
