/**
 * Text folding shared by indexing and querying, so both sides meet on the same forms:
 * case, accents, the typographic apostrophes (’ ‘ ʼ ′ and '), and digit groups
 * ("1 000", "1,000", "1 000" with a narrow no-break space all become "1000").
 */

const APOSTROPHES = /['’‘ʼ′`´]/g;
// Zero-width and BOM characters survive NFKC; they would split or glue words invisibly.
const INVISIBLE = /[\u200b-\u200f\u2060-\u2064\ufeff\u00ad]/g;
const DIGIT_GROUP = /(\d)[\s\u00a0\u202f,.](?=\d{3}(?!\d))/g;
const PLAIN = /^[a-z]*$/;

/** Lower-cased, accent-free, apostrophe-unified form of `text`, same length semantics as a plain string. */
export function fold(text: string): string {
  // Most words (every stop word list at start-up) are plain lower-case ASCII: nothing to fold.
  if (PLAIN.test(text)) return text;
  let out = text.normalize('NFKC').replace(INVISIBLE, '').toLowerCase();
  out = out.normalize('NFD').replace(/\p{M}+/gu, '');
  out = out.replace(APOSTROPHES, "'").replace(/œ/g, 'oe').replace(/æ/g, 'ae').replace(/ß/g, 'ss');
  // Applied twice: "1 000 000" needs two passes because matches cannot overlap.
  return out.replace(DIGIT_GROUP, '$1').replace(DIGIT_GROUP, '$1');
}

/** Word tokens of folded text: runs of letters and digits; apostrophes and hyphens split words. */
export function words(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Word tokens as `words` gives them, with, for each, whether a hyphen joins it to the previous
 * one (porte-avions, sud-est): a compound's parts are read together.
 */
export function hyphenatedWords(text: string): { tokens: string[]; joined: boolean[] } {
  const folded = fold(text);
  const tokens: string[] = [];
  const joined: boolean[] = [];
  let previousEnd = -1;
  for (const match of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
    tokens.push(match[0]);
    joined.push(previousEnd >= 0 && match.index === previousEnd + 1 && folded[previousEnd] === '-');
    previousEnd = match.index + match[0].length;
  }
  return { tokens, joined };
}
