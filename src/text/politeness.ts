import type { Language } from './languages.js';

interface Formula {
  /** The formula's own word or words (a phrase joined by "_", which also stands for an apostrophe: "guten_morgen", "t_es_sûr"). */
  readonly head: string;
  /** Words that may come before it ("many thanks", "vielen Dank"); none when absent. */
  readonly before?: string;
  /** Words that may come after it ("thanks a lot", "grazie mille", "hi everyone", "oi gente"); none when absent. */
  readonly after?: string;
}

/**
 * Thanking formulas, by language: space-separated, accented and plain spellings both, since a
 * formula is matched as typed.
 */
const THANKS: Record<string, Formula> = {
  en: { head: 'thanks thank thx ty tysm', before: 'many big', after: 'a lot lots so much very you in advance again for your the help ton tons heaps bunch' },
  fr: { head: 'merci', before: 'un grand', after: 'beaucoup bien mille infiniment encore d avance par pour la ton votre aide' },
  es: { head: 'gracias', before: 'muchas muchísimas muchisimas mil', after: 'muchas mil de antemano por adelantado la tu su ayuda' },
  de: { head: 'danke dank', before: 'vielen herzlichen besten tausend', after: 'schön schon sehr vielmals im voraus für fur die deine eure hilfe' },
  it: { head: 'grazie', before: 'mille tante molte', after: 'mille tante molte in anticipo per l aiuto' },
  pt: { head: 'obrigado obrigada valeu', before: 'muito muitíssimo muitissimo', after: 'muito mesmo desde já ja antecipadamente pela ajuda' },
};

/**
 * Greetings and whom they greet ("hi everyone", "salut tout le monde", "oi gente", "hallo
 * zusammen"): "gente" or "Leute" there ask nothing about people. Times of day only in their
 * phrase: "morgen" alone is tomorrow.
 */
const GREETINGS: Record<string, Formula> = {
  en: { head: 'hi hello hey hiya howdy good_morning good_evening good_afternoon', after: 'there everyone everybody all guys folks people team bot' },
  fr: { head: 'salut bonjour bonsoir coucou hello', after: 'à a tous toutes tout le monde les gens amis bot' },
  es: { head: 'hola buenas buenos_días buenos_dias buenas_tardes buenas_noches', after: 'a todos todas gente amigos chicos bot' },
  de: { head: 'hallo servus moin guten_morgen guten_tag guten_abend', after: 'zusammen leute alle bot' },
  it: { head: 'ciao salve buongiorno buonasera buon_giorno buona_sera', after: 'a tutti ragazzi gente bot' },
  pt: { head: 'oi olá ola bom_dia boa_tarde boa_noite', after: 'gente pessoal galera todos a bot' },
};

/** Asking whether the bot is sure ("… are you sure?", "t'es sûr ?"): no word of the question. */
const CHECKS: Record<string, Formula> = {
  en: { head: 'are_you_sure you_sure is_that_right is_that_true', after: 'about_that' },
  fr: { head: 't_es_sûr t_es_sur tu_es_sûr tu_es_sur es-tu_sûr es-tu_sur vous_êtes_sûr vous_etes_sur c_est_bien_ça c_est_bien_ca' },
  es: { head: 'estás_seguro estas_seguro está_seguro esta_seguro es_correcto' },
  de: { head: 'bist_du_sicher sind_sie_sicher stimmt_das' },
  it: { head: 'sei_sicuro sei_sicura è_giusto e_giusto' },
  pt: { head: 'tem_certeza tens_a_certeza está_certo esta_certo' },
};

/**
 * Prepositional locutions that only place or relate what is asked ("au cours de l'année",
 * "par rapport à Tripoli", "em relação a", "nel corso di"): their nouns (cours, rapport, niveau,
 * relação, corso) are no word of the question. Not those that add ("in addition to", "oltre a":
 * the article's "supplémentaires") or name a place ("à bord de").
 */
const LOCUTIONS: Record<string, Formula> = {
  en: { head: 'in_the_course_of in_relation_to with_regard_to with_respect_to in_terms_of as_regards' },
  fr: {
    head: 'au_cours_de au_cours_du au_cours_des au_niveau_de au_niveau_du au_niveau_des par_rapport_à par_rapport_a par_rapport_au par_rapport_aux en_ce_qui_concerne au_sujet_de au_sujet_du au_sujet_des à_propos_de a_propos_de à_propos_du a_propos_du vis-à-vis_de vis-a-vis_de vis-à-vis_du vis-a-vis_du',
  },
  es: { head: 'en_el_curso_de a_lo_largo_de a_lo_largo_del en_relación_con en_relacion_con en_relación_a en_relacion_a con_respecto_a con_respecto_al en_cuanto_a en_cuanto_al' },
  de: { head: 'im_laufe_des im_laufe_der im_laufe in_bezug_auf im_hinblick_auf' },
  it: { head: 'nel_corso_di nel_corso_del nel_corso_della nel_corso_dell nel_corso_degli rispetto_a rispetto_al rispetto_alla per_quanto_riguarda in_relazione_a a_proposito_di nei_confronti_di' },
  pt: { head: 'em_relação_a em_relacao_a em_relação_ao em_relacao_ao em_relação_à em_relacao_à ao_longo_de ao_longo_do ao_longo_da no_decorrer_de no_decorrer_do no_decorrer_da a_respeito_de com_relação_a com_relacao_a' },
};

const FORMULAS: readonly Record<string, Formula>[] = [THANKS, GREETINGS, CHECKS, LOCUTIONS];

function alternation(list: string): string {
  // Longest first: "buenas tardes" before "buenas".
  return list
    .split(' ')
    .sort((a, b) => b.length - a.length)
    .map((word) => word.replace(/_/g, "[\\s’']+"))
    .join('|');
}

const patterns = new Map<string, RegExp[]>();

/** The language's formulas as patterns: the head, with its own words before and after, each a whole word. */
function formulaPatterns(language: Language): RegExp[] {
  let found = patterns.get(language.code);
  if (!found) {
    const word = (list: string) => `(?<!\\p{L})(?:${alternation(list)})(?!\\p{L})`;
    found = FORMULAS.flatMap((formulas) => formulas[language.code] ?? []).map(
      ({ head, before = '', after = '' }) => new RegExp(`${before ? `(?:${word(before)}[\\s’']*)*` : ''}${word(head)}(?:[\\s’',]*${word(after)})*`, 'giu'),
    );
    patterns.set(language.code, found);
  }
  return found;
}

/**
 * The text without its formulas of politeness and its relating locutions: "… ? grazie mille" asks
 * nothing about a thousand, "merci beaucoup", "thx a lot", "vielen Dank" or "oi gente" carry no
 * word of the question, nor does "au cours de". Each formula becomes a space, so the words around
 * it stay apart.
 */
export function withoutFormulas(text: string, language: Language): string {
  return formulaPatterns(language).reduce((left, pattern) => left.replace(pattern, ' '), text);
}
