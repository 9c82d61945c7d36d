import type { Language } from './languages.js';
import { fold } from './normalize.js';

/**
 * Numbers written out in words, read as the digits a news text would write ("seventy", "cinq
 * cents", "una settantina", "fünfhundert" → 70, 500, 70, 500). Only numbers above ten: below
 * that, texts spell numbers out too ("trois ans", "deux reprises"), and the dictionaries carry
 * those words across languages. General grammar of each language, not vocabulary of an article.
 */

interface NumberWords {
  /** Words with their value: units, teens and tens. */
  readonly values: Readonly<Record<string, number>>;
  /** Words that multiply what comes before them (hundred, thousand), with their factor. */
  readonly scales: Readonly<Record<string, number>>;
  /** Words that only join parts ("and", "et", "y", "und", "e"). */
  readonly joiners: ReadonlySet<string>;
  /** Approximate amounts ("une soixantaine", "una settantina"): about this many. */
  readonly about: Readonly<Record<string, number>>;
  /** Whether the language writes compounds as one word (German, Italian): split into known parts. */
  readonly compounds: boolean;
}

const list = (words: string, from: number, step = 1): Record<string, number> =>
  Object.fromEntries(words.split(' ').map((word, i) => [word, from + i * step]));

const NUMBER_WORDS: Record<string, NumberWords> = {
  en: {
    values: { ...list('one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen', 1), ...list('twenty thirty forty fifty sixty seventy eighty ninety', 20, 10) },
    scales: { hundred: 100, hundreds: 100, thousand: 1000, thousands: 1000 },
    joiners: new Set(['and']),
    about: { dozen: 12, dozens: 12 },
    compounds: false,
  },
  fr: {
    values: { un: 1, une: 1, ...list('deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize', 2), ...list('vingt trente quarante cinquante soixante', 20, 10), vingts: 20 },
    scales: { cent: 100, cents: 100, mille: 1000 },
    joiners: new Set(['et']),
    about: { dizaine: 10, douzaine: 12, quinzaine: 15, vingtaine: 20, trentaine: 30, quarantaine: 40, cinquantaine: 50, soixantaine: 60, centaine: 100, centaines: 100, millier: 1000, milliers: 1000 },
    compounds: false,
  },
  es: {
    values: {
      uno: 1, una: 1, un: 1,
      ...list('dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciseis diecisiete dieciocho diecinueve veinte', 2),
      ...list('veintiuno veintidos veintitres veinticuatro veinticinco veintiseis veintisiete veintiocho veintinueve', 21),
      ...list('treinta cuarenta cincuenta sesenta setenta ochenta noventa', 30, 10),
      cien: 100, ciento: 100,
      ...list('doscientos trescientos cuatrocientos quinientos seiscientos setecientos ochocientos novecientos', 200, 100),
      ...list('doscientas trescientas cuatrocientas quinientas seiscientas setecientas ochocientas novecientas', 200, 100),
    },
    scales: { mil: 1000 },
    joiners: new Set(['y']),
    about: { decena: 10, docena: 12, veintena: 20, centenar: 100, centenares: 100 },
    compounds: false,
  },
  pt: {
    values: {
      um: 1, uma: 1, dois: 2, duas: 2,
      ...list('tres quatro cinco seis sete oito nove dez onze doze treze', 3), catorze: 14, quatorze: 14, quinze: 15,
      dezesseis: 16, dezasseis: 16, dezessete: 17, dezassete: 17, dezoito: 18, dezenove: 19, dezanove: 19,
      ...list('vinte trinta quarenta cinquenta sessenta setenta oitenta noventa', 20, 10),
      cem: 100, cento: 100,
      ...list('duzentos trezentos quatrocentos quinhentos seiscentos setecentos oitocentos novecentos', 200, 100),
      ...list('duzentas trezentas quatrocentas quinhentas seiscentas setecentas oitocentas novecentas', 200, 100),
    },
    scales: { mil: 1000 },
    joiners: new Set(['e']),
    about: { dezena: 10, duzia: 12, vintena: 20, centena: 100, centenas: 100 },
    compounds: false,
  },
  it: {
    values: {
      ...list('uno due tre quattro cinque sei sette otto nove dieci undici dodici tredici quattordici quindici sedici diciassette diciotto diciannove', 1),
      un: 1, una: 1,
      ...list('venti trenta quaranta cinquanta sessanta settanta ottanta novanta', 20, 10),
      // Elided before "uno" and "otto": ventuno, trentotto.
      ...list('vent trent quarant cinquant sessant settant ottant novant', 20, 10),
    },
    scales: { cento: 100, mille: 1000, mila: 1000 },
    joiners: new Set(['e']),
    about: { decina: 10, dozzina: 12, ventina: 20, trentina: 30, quarantina: 40, cinquantina: 50, sessantina: 60, settantina: 70, ottantina: 80, novantina: 90, centinaio: 100, centinaia: 100, migliaio: 1000, migliaia: 1000 },
    compounds: true,
  },
  de: {
    values: {
      ein: 1, eins: 1, eine: 1, einen: 1,
      ...list('zwei drei vier funf sechs sieben acht neun zehn elf zwolf dreizehn vierzehn funfzehn sechzehn siebzehn achtzehn neunzehn', 2),
      ...list('zwanzig dreissig vierzig funfzig sechzig siebzig achtzig neunzig', 20, 10),
    },
    scales: { hundert: 100, tausend: 1000 },
    joiners: new Set(['und']),
    about: { dutzend: 12, dutzende: 12 },
    compounds: true,
  },
};

/** A language's number words and joiners, longest first (what a compound is split into); built once. */
const orderedParts = new Map<NumberWords, readonly string[]>();

function partsLongestFirst(words: NumberWords): readonly string[] {
  let known = orderedParts.get(words);
  if (!known) orderedParts.set(words, (known = [...Object.keys(words.values), ...Object.keys(words.scales), ...words.joiners].sort((a, b) => b.length - a.length)));
  return known;
}

/**
 * The number words a folded word is made of: itself when it is one, the parts of a compound
 * written as one word ("fünfhundert", "einundzwanzig", "cinquecento", "settantacinque") in the
 * languages that write them so, longest parts first; null when it is no number word.
 */
function partsOf(word: string, words: NumberWords): string[] | null {
  if (words.values[word] !== undefined || words.scales[word] !== undefined) return [word];
  if (!words.compounds) return null;
  const known = partsLongestFirst(words);
  const parts: string[] = [];
  let rest = word;
  while (rest) {
    const part = known.find((candidate) => rest.startsWith(candidate));
    if (!part) return null;
    parts.push(part);
    rest = rest.slice(part.length);
  }
  return parts.length > 1 && valueOf(parts, words) !== null ? parts : null;
}

/** The value of a run of number words, or null when they do not make one number. */
function valueOf(parts: readonly string[], words: NumberWords): number | null {
  let total = 0;
  let current = 0;
  let seen = false;
  for (const part of parts) {
    if (words.joiners.has(part)) continue;
    const scale = words.scales[part];
    if (scale !== undefined) {
      current = (current || 1) * scale;
      if (scale >= 1000) {
        total += current;
        current = 0;
      }
      seen = true;
      continue;
    }
    const value = words.values[part];
    if (value === undefined) return null;
    // French "quatre-vingt(s)": four twenties. (German "einundzwanzig", units first, sums alike.)
    if (value === 20 && current > 0 && current < 10 && (part === 'vingt' || part === 'vingts')) current *= 20;
    else current += value;
    seen = true;
  }
  return seen ? total + current : null;
}

/** Above this, a number written out in words is read as digits (see the module comment). */
const SPELLED_OUT_MAX = 10;

/**
 * The question with its numbers above ten written out in words replaced by digits, in the
 * question's language; unchanged when it has none.
 */
export function numbersAsDigits(question: string, language: Language): string {
  const words = NUMBER_WORDS[language.code];
  if (!words) return question;
  // Runs of words joined by spaces or hyphens; inside them, runs of number words and the joiners
  // between them ("soixante-dix", "five hundred and twenty", "veinte y dos").
  return question.replace(/\p{L}+(?:[\s-]+\p{L}+)*/gu, (phrase) => {
    const tokens = phrase.split(/([\s-]+)/);
    let out = '';
    let i = 0;
    while (i < tokens.length) {
      const first = fold(tokens[i]!);
      const about = words.about[first];
      if (about !== undefined && about > SPELLED_OUT_MAX) {
        out += String(about);
        i++;
        continue;
      }
      const parts: string[] = [];
      let end = -1;
      for (let k = i; k < tokens.length; k += 2) {
        const word = fold(tokens[k]!);
        const next = tokens[k + 2];
        if (parts.length && words.joiners.has(word) && next !== undefined && partsOf(fold(next), words)) {
          parts.push(word);
          continue;
        }
        const own = partsOf(word, words);
        if (!own) break;
        parts.push(...own);
        end = k;
      }
      const value = end >= i ? valueOf(parts, words) : null;
      if (value !== null && value > SPELLED_OUT_MAX) {
        out += String(value);
        i = end + 1;
      } else {
        out += tokens[i]!;
        i++;
      }
    }
    return out;
  });
}
