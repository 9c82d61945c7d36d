/**
 * The languages the engine can stem, detect and (with a FreeDict pair installed) translate from.
 * Codes: ISO 639-1 for people and logs, ISO 639-3 because FreeDict names its files with it,
 * and the Snowball algorithm name.
 */
export interface Language {
  readonly code: string;
  readonly iso3: string;
  readonly snowball: string;
  readonly name: string;
  /** The letters its words use beyond a to z, lower case: a word written with another is none of its words. */
  readonly letters: string;
}

export const LANGUAGES: readonly Language[] = [
  { code: 'fr', iso3: 'fra', snowball: 'french', name: 'French', letters: 'àâæçéèêëîïôœùûüÿ' },
  { code: 'en', iso3: 'eng', snowball: 'english', name: 'English', letters: '' },
  { code: 'de', iso3: 'deu', snowball: 'german', name: 'German', letters: 'äöüß' },
  { code: 'es', iso3: 'spa', snowball: 'spanish', name: 'Spanish', letters: 'áéíñóúü' },
  { code: 'it', iso3: 'ita', snowball: 'italian', name: 'Italian', letters: 'àèéìíîòóù' },
  { code: 'nl', iso3: 'nld', snowball: 'dutch', name: 'Dutch', letters: 'áéíóúàèëïöü' },
  { code: 'pt', iso3: 'por', snowball: 'portuguese', name: 'Portuguese', letters: 'áâãàçéêíóôõú' },
  { code: 'sv', iso3: 'swe', snowball: 'swedish', name: 'Swedish', letters: 'åäöé' },
  { code: 'fi', iso3: 'fin', snowball: 'finnish', name: 'Finnish', letters: 'åäö' },
];

export function languageByCode(code: string): Language | undefined {
  const lower = code.toLowerCase();
  return LANGUAGES.find((l) => l.code === lower || l.iso3 === lower);
}
