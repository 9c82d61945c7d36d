import type { Language } from './languages.js';

/**
 * Thanking formulas, by language: the word of thanks, the words that may come before it ("many
 * thanks", "muchas gracias", "vielen Dank") and after it ("thanks a lot", "merci beaucoup",
 * "grazie mille", "thank you in advance"). Space-separated; accented and plain spellings both,
 * since the formula is matched as typed.
 */
const THANKS: Record<string, { readonly thanks: string; readonly before: string; readonly after: string }> = {
  en: { thanks: 'thanks thank thx ty tysm', before: 'many big', after: 'a lot lots so much very you in advance again for your the help ton tons heaps bunch' },
  fr: { thanks: 'merci', before: 'un grand', after: 'beaucoup bien mille infiniment encore d avance par pour la ton votre aide' },
  es: { thanks: 'gracias', before: 'muchas muchísimas muchisimas mil', after: 'muchas mil de antemano por adelantado la tu su ayuda' },
  de: { thanks: 'danke dank', before: 'vielen herzlichen besten tausend', after: 'schön schon sehr vielmals im voraus für fur die deine eure hilfe' },
  it: { thanks: 'grazie', before: 'mille tante molte', after: 'mille tante molte in anticipo per l aiuto' },
  pt: { thanks: 'obrigado obrigada valeu', before: 'muito muitíssimo muitissimo', after: 'muito mesmo desde já ja antecipadamente pela ajuda' },
};

function alternation(list: string): string {
  return list.split(' ').join('|');
}

const patterns = new Map<string, RegExp | null>();

/** The language's thanking formula as a pattern: thanks, with its own words before and after, each a whole word. */
function thanksPattern(language: Language): RegExp | null {
  let pattern = patterns.get(language.code);
  if (pattern === undefined) {
    const words = THANKS[language.code];
    const word = (list: string) => `(?<!\\p{L})(?:${alternation(list)})(?!\\p{L})`;
    pattern = words
      ? new RegExp(`(?:${word(words.before)}[\\s’']*)*${word(words.thanks)}(?:[\\s’']*${word(words.after)})*`, 'giu')
      : null;
    patterns.set(language.code, pattern);
  }
  return pattern;
}

/**
 * The text without its thanking formulas: "… ? grazie mille" asks nothing about a thousand, and
 * "merci beaucoup", "thx a lot" or "vielen Dank" carry no word of the question. Each formula
 * becomes a space, so the words around it stay apart.
 */
export function withoutThanks(text: string, language: Language): string {
  const pattern = thanksPattern(language);
  return pattern ? text.replace(pattern, ' ') : text;
}
