/**
 * The bot's own words in the user's language: French for a French locale, English otherwise.
 * Quotes, citations and the engine's notes are never translated (quotes are verbatim).
 */
import type { Locale } from 'discord.js';
import { languageByCode } from '../text/languages.js';
import type { QuestionError } from '../text/question.js';

export type Lang = 'fr' | 'en';

/** `fr`, `fr-FR`… → French; anything else (or nothing) → English. */
export function langOf(locale: Locale | string | null | undefined): Lang {
  return typeof locale === 'string' && locale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/**
 * For replies read by a whole channel (mentions, the context menu): the language of the question
 * when the bot speaks it, else the server's preferred locale.
 */
export function langForChannel(questionLanguage: string | null | undefined, guildLocale: Locale | string | null | undefined): Lang {
  if (questionLanguage === 'fr' || questionLanguage === 'en') return questionLanguage;
  return langOf(guildLocale);
}

const FRENCH_LANGUAGE_NAMES: Record<string, string> = {
  fr: 'français',
  en: 'anglais',
  de: 'allemand',
  es: 'espagnol',
  it: 'italien',
  nl: 'néerlandais',
  pt: 'portugais',
  sv: 'suédois',
  fi: 'finnois',
};

/** A language's name in `lang` ("German" / "allemand"). */
export function languageName(code: string, lang: Lang): string {
  const language = languageByCode(code);
  if (!language) return code;
  return lang === 'fr' ? (FRENCH_LANGUAGE_NAMES[language.code] ?? language.name) : language.name;
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export const MESSAGES = {
  en: {
    genericError: 'Sorry, something went wrong while answering. Please try again in a moment.',
    unknownCommand: 'This command is not available any more. Please try again in a minute.',
    restarting: 'The bot is restarting: please ask again in a minute.',
    cooldown: (s: number) => `You're asking a bit fast: try again in ${s}s.`,
    notCovered: (where: string) => `**The article does not cover this question.** The closest passage is ${where}:\n`,
    questionReadAs: (language: string) => `Question read as ${language}`,
    notFound: (words: string) => `not found in the article: ${words}`,
    source: 'Source',
    confidence: 'Confidence',
    confidenceLevel: { high: 'High', medium: 'Medium', low: 'Low' },
    score: (s: string) => `score ${s}`,
    hybridMode: (model: string) => `hybrid mode (${model} + BM25)`,
    lexicalMode: 'offline lexical mode (BM25 + dictionaries)',
    fullParagraph: 'Full paragraph',
    otherMatches: (n: number) => `Other matches (${n})`,
    noOtherMatches: 'No other matches',
    shortened: 'Shortened to fit in a Discord message.',
    noAlternatives: 'No other passage of the article matches this question.',
    otherPassages: 'Other passages that match',
    summaryTitle: (n: number) => `Summary in ${n} ${plural(n, 'sentence', 'sentences')}`,
    summaryFooter: 'Sentences taken verbatim from the article, in its order.',
    staleButton: 'This button does not work any more: ask the question again.',
    paragraphGone: 'That paragraph is not in the article any more.',
    noText: 'That message has no text to look up in the article.',
    summaryRange: (min: number, max: number) => `Choose from ${min} to ${max} sentences.`,
    quoteNeedsOption: 'Give a paragraph number (`paragraph`) or words to look for (`text`).',
    noSuchParagraph: (n: number, count: number) => `There is no paragraph ${n}: the article has paragraphs 1 to ${count}.`,
    noParagraphMatches: (words: string, citation: string, hint: string) => `No paragraph matches “${words}” well; the closest is ${citation}${hint}.`,
    postsIt: (n: number) => ` (\`paragraph: ${n}\` posts it)`,
    question: {
      empty: 'The question is empty: type a question about the article.',
      'too-long': (length: number, max: number) => `The question is too long (${length} characters; at most ${max}).`,
      'no-text': 'The question has no readable text (only mentions, formatting or control characters).',
      'no-words': 'The question has no words: type a question about the article.',
    },
    about: {
      title: 'About this bot',
      description: 'Answers questions about one news article with verbatim, cited quotes. Try `/ask`, `/summary` or `/quote`.',
      article: (label: string) => `Article: ${label}`,
      date: 'Date',
      language: 'Language',
      label: 'Label',
      paragraphs: 'Paragraphs',
      sections: 'Sections',
      none: 'none',
      titleField: 'Title',
      sourceField: 'Source',
      more: 'More articles',
      moreValue: (n: number) => `${n} more not listed`,
      retrieval: 'Retrieval',
      model: 'Model',
      dictionaries: 'Dictionaries',
      bot: 'Bot',
      botValue: (version: string, mentions: boolean, cooldown: number) =>
        `version ${version} · @mentions ${mentions ? 'on' : 'off'} · cooldown ${cooldown ? `${cooldown} s` : 'off'}`,
    },
  },
  fr: {
    genericError: 'Désolé, un problème est survenu pendant la réponse. Réessayez dans un instant.',
    unknownCommand: 'Cette commande n’est plus disponible. Réessayez dans une minute.',
    restarting: 'Le bot redémarre : reposez votre question dans une minute.',
    cooldown: (s: number) => `Vous posez vos questions un peu vite : réessayez dans ${s} s.`,
    notCovered: (where: string) => `**L’article ne traite pas de cette question.** Le passage le plus proche est ${where} :\n`,
    questionReadAs: (language: string) => `Langue de la question : ${language}`,
    notFound: (words: string) => `absent de l’article : ${words}`,
    source: 'Source',
    confidence: 'Confiance',
    confidenceLevel: { high: 'Élevée', medium: 'Moyenne', low: 'Faible' },
    score: (s: string) => `score ${s.replace('.', ',')}`,
    hybridMode: (model: string) => `mode hybride (${model} + BM25)`,
    lexicalMode: 'mode lexical hors ligne (BM25 + dictionnaires)',
    fullParagraph: 'Paragraphe entier',
    otherMatches: (n: number) => `Autres passages (${n})`,
    noOtherMatches: 'Aucun autre passage',
    shortened: 'Raccourci pour tenir dans un message Discord.',
    noAlternatives: 'Aucun autre passage de l’article ne répond à cette question.',
    otherPassages: 'Autres passages qui correspondent',
    summaryTitle: (n: number) => `Résumé en ${n} ${plural(n, 'phrase', 'phrases')}`,
    summaryFooter: 'Phrases reprises telles quelles de l’article, dans son ordre.',
    staleButton: 'Ce bouton ne fonctionne plus : reposez la question.',
    paragraphGone: 'Ce paragraphe n’est plus dans l’article.',
    noText: 'Ce message ne contient pas de texte à chercher dans l’article.',
    summaryRange: (min: number, max: number) => `Choisissez de ${min} à ${max} phrases.`,
    quoteNeedsOption: 'Indiquez un numéro de paragraphe (`paragraphe`) ou des mots à chercher (`texte`).',
    noSuchParagraph: (n: number, count: number) => `Il n’y a pas de paragraphe ${n} : l’article a les paragraphes 1 à ${count}.`,
    noParagraphMatches: (words: string, citation: string, hint: string) =>
      `Aucun paragraphe ne correspond bien à « ${words} » ; le plus proche est ${citation}${hint}.`,
    postsIt: (n: number) => ` (\`paragraphe: ${n}\` le publie)`,
    question: {
      empty: 'La question est vide : tapez une question sur l’article.',
      'too-long': (length: number, max: number) => `La question est trop longue (${length} caractères ; ${max} au plus).`,
      'no-text': 'La question n’a pas de texte lisible (seulement des mentions, de la mise en forme ou des caractères de contrôle).',
      'no-words': 'La question ne contient aucun mot : tapez une question sur l’article.',
    },
    about: {
      title: 'À propos de ce bot',
      description: 'Répond aux questions sur un article de presse par des citations exactes et référencées. Essayez `/demander`, `/résumé` ou `/citer`.',
      article: (label: string) => `Article : ${label}`,
      date: 'Date',
      language: 'Langue',
      label: 'Libellé',
      paragraphs: 'Paragraphes',
      sections: 'Sections',
      none: 'aucune',
      titleField: 'Titre',
      sourceField: 'Source',
      more: 'Autres articles',
      moreValue: (n: number) => `${n} de plus, non listés`,
      retrieval: 'Recherche',
      model: 'Modèle',
      dictionaries: 'Dictionnaires',
      bot: 'Bot',
      botValue: (version: string, mentions: boolean, cooldown: number) =>
        `version ${version} · @mentions ${mentions ? 'activées' : 'désactivées'} · délai ${cooldown ? `${cooldown} s` : 'aucun'}`,
    },
  },
} as const;

export type Messages = (typeof MESSAGES)['en'] | (typeof MESSAGES)['fr'];

export function t(lang: Lang): Messages {
  return MESSAGES[lang];
}

/** The user-facing text of a refused question, in `lang` (the engine's own words for other problems). */
export function questionProblem(error: QuestionError, lang: Lang): string {
  const m = t(lang).question;
  switch (error.problem) {
    case 'empty':
    case 'no-text':
    case 'no-words':
      return m[error.problem];
    case 'too-long':
      return m['too-long'](error.detail.length ?? 0, error.detail.max ?? 0);
    default:
      return error.message;
  }
}
