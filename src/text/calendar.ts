import type { Language } from './languages.js';

/** Month names, folded, January first, by language. */
const MONTHS: Readonly<Record<string, readonly string[]>> = {
  fr: ['janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre'],
  en: ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  de: ['januar', 'februar', 'marz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember'],
  it: ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
  pt: ['janeiro', 'fevereiro', 'marco', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
};

/**
 * The seasons' words, folded, by language, each with its months (0 is January; the northern
 * hemisphere's meteorological seasons). Not the words another sense makes common: English "fall"
 * (the fall of Kadhafi), French "été" (a été).
 */
const SEASONS: Readonly<Record<string, Readonly<Record<string, readonly number[]>>>> = {
  en: { spring: [2, 3, 4], summer: [5, 6, 7], autumn: [8, 9, 10], winter: [11, 0, 1] },
  fr: { printemps: [2, 3, 4], automne: [8, 9, 10], hiver: [11, 0, 1] },
  es: { primavera: [2, 3, 4], verano: [5, 6, 7], otono: [8, 9, 10], invierno: [11, 0, 1] },
  de: { fruhling: [2, 3, 4], fruhjahr: [2, 3, 4], sommer: [5, 6, 7], herbst: [8, 9, 10], winter: [11, 0, 1] },
  it: { primavera: [2, 3, 4], estate: [5, 6, 7], autunno: [8, 9, 10], inverno: [11, 0, 1] },
  pt: { primavera: [2, 3, 4], verao: [5, 6, 7], outono: [8, 9, 10], inverno: [11, 0, 1] },
};

/**
 * The months of a season named by `word` (folded) in `language`, as `corpusLanguage` names them
 * ("automne", "autumn", "Herbst": septembre, octobre, novembre); empty for any other word.
 */
export function seasonMonths(word: string, language: Language, corpusLanguage: Language): string[] {
  const months = SEASONS[language.code]?.[word];
  const names = MONTHS[corpusLanguage.code];
  return months && names ? months.map((month) => names[month]!) : [];
}

/**
 * "Last year" in each language, folded, as typed (an apostrophe or a space between words): the
 * year before the article's, which is when a reader of it means.
 */
const LAST_YEAR: Readonly<Record<string, RegExp>> = {
  en: /(?<!\p{L})(?:last year|the (?:year before|previous year|prior year))(?!\p{L})/giu,
  fr: /(?<!\p{L})l[’'\s]*(?:an (?:dernier|passé|passe)|année (?:dernière|derniere|passée|passee|précédente|precedente|d[’'\s]*avant)|annee (?:derniere|passee|precedente|d[’'\s]*avant))(?!\p{L})/giu,
  es: /(?<!\p{L})el a[ñn]o (?:pasado|anterior)(?!\p{L})/giu,
  de: /(?<!\p{L})(?:(?:letztes|letzten|vergangenes|vergangenen|vorigen|voriges) jahr(?:es)?|im vorjahr)(?!\p{L})/giu,
  it: /(?<!\p{L})l[’'\s]*anno (?:scorso|passato|precedente)(?!\p{L})/giu,
  pt: /(?<!\p{L})(?:no |o )?ano (?:passado|anterior)(?!\p{L})/giu,
};

/** The question with "last year" written as the year before `referenceYear` ("l'an dernier" → 2016 for a 2017 article). */
export function withYearsNamed(question: string, language: Language, referenceYear: number | null): string {
  const pattern = LAST_YEAR[language.code];
  return pattern && referenceYear !== null ? question.replace(pattern, ` ${referenceYear - 1} `) : question;
}
