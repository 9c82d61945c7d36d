import { createRequire } from 'node:module';
import type { Language } from './languages.js';
import { fold } from './normalize.js';

const require = createRequire(import.meta.url);
const lists = require('stopword') as Record<string, unknown>;

/**
 * Interrogatives and auxiliaries that the `stopword` lists leave in: in a question they say what
 * kind of answer is wanted, not what it is about, so they must not count as unmatched content.
 * General grammar of each language, not vocabulary of any article.
 */
const QUESTION_WORDS: Record<string, string> = {
  en: 'how many much when why which who whom whose what where will would shall can could does did do done is are was were been be has have had may might must please tell me us about',
  fr: 'combien comment quand pourquoi quel quels quelle quelles qui que quoi ou lequel laquelle lesquels est-ce est sont etait ete etre avoir fait font a ont avait peut dire dis va vont sera seront serait',
  de: 'wie viel viele wann warum welche welcher welches wer wen wem was wo wird werden hat haben ist sind war waren',
  es: 'cuanto cuantos cuantas cuando como por que quien quienes cual cuales donde sera fue es son ha han',
  it: 'quanto quanti quante quando come perche chi che cosa quale quali dove sara e sono ha hanno',
  nl: 'hoeveel wanneer waarom welke wie wat waar hoe zal zullen heeft hebben is zijn was waren',
  pt: 'quanto quantos quantas quando como porque quem qual quais onde sera foi e sao tem',
};

const cache = new Map<string, Set<string>>();

/** Folded stop words of a language (function words plus question words). */
export function stopwords(language: Language): Set<string> {
  let set = cache.get(language.code);
  if (!set) {
    const list = lists[language.iso3];
    const base = Array.isArray(list) ? (list as string[]) : [];
    const extra = (QUESTION_WORDS[language.code] ?? '').split(' ');
    set = new Set([...base, ...extra].map((w) => fold(w)).filter(Boolean));
    cache.set(language.code, set);
  }
  return set;
}

/** Whether a folded token carries content: not a stop word, not a lone letter (elided l', d', qu'). */
export function isContentWord(token: string, language: Language): boolean {
  if (/^\d+$/.test(token)) return true;
  return token.length > 1 && !stopwords(language).has(token);
}
