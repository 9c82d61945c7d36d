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
