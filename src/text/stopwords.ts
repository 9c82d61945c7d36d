import type { Language } from './languages.js';
import { fold, hyphenatedWords } from './normalize.js';
import { editDistance } from './fuzzy.js';

import { createRequire } from 'node:module';
import path from 'node:path';
import { requireWithCodeCache } from '../code-cache.js';
import { VENDOR_DIR } from '../paths.js';

type StopwordLists = Record<string, string[] | undefined>;

/**
 * The `stopword` package's lists of the engine's languages (ISO 639-3 keys): from the one-file
 * bundle the build makes (scripts/bundle-deps.mjs), or the package's CommonJS build (all its
 * languages) when the bundle is missing.
 */
const lists: StopwordLists = (() => {
  const require = createRequire(import.meta.url);
  try {
    return requireWithCodeCache(path.join(VENDOR_DIR, 'stopwords.cjs')) as StopwordLists;
  } catch {
    return require('stopword') as StopwordLists;
  }
})();

/**
 * Interrogatives and auxiliaries that the `stopword` lists leave in: in a question they say what
 * kind of answer is wanted, not what it is about, so they must not count as unmatched content.
 * With them, other function words those lists miss: prepositions (via, lors, hacia, during, pendant),
 * demonstratives (esos, celui), "other" (autres, otros), "kind of", and contractions as chat writes them, without their
 * apostrophe (whats, dont, jai, pq). General grammar of each language, not vocabulary of any article.
 */
const QUESTION_WORDS: Record<string, string> = {
  en: 'how many much when why which who whom whose what where will would shall can could does did do done is are was were been be has have had may might must please tell me us about regarding concerning its whats whos wheres whens hows whys thats theres via per amid among upon onto towards toward aboard during until till within throughout despite except besides kind sort dont doesnt didnt isnt arent wasnt werent cant wont im ive youre theyre hes shes u ur others',

  fr: 'combien comment quand pourquoi quel quels quelle quelles qui que quoi ou lequel laquelle lesquels est-ce est sont etait ete etre avoir fait font a ont avait peut dire dis va vont sera seront serait concernant lors pendant durant apres malgre sauf jusque jusqu parmi envers afin chez sous plus moins tres celui celle ceux celles autre autres sorte jai quest ya pk pq koi',
  de: 'wie viel viele wieviel wieviele wann warum wieso weshalb welche welcher welches welchem welchen wer wen wem was wo wird werden hat haben ist sind war waren bezuglich betreffend trotz innerhalb ausserhalb art',
  es: 'cuanto cuantos cuantas cuando como por que quien quienes cual cuales donde sera fue es son ha han acerca respecto mediante hacia tras despues alguna alguno algun algunas algunos esos esas estos estas aquellos aquellas aquel aquella esto esa este esta otra otros otras tipo q xq pq',
  it: 'quanto quanti quante quando come perche chi che cosa quale qual quali dove sara e sono ha hanno stato stata stati state riguardo tramite verso presso durante dopo qualche fino senza cio altro altra altri altre tipo',
  nl: 'hoeveel wanneer waarom welke wie wat waar hoe zal zullen heeft hebben is zijn was waren',
  pt: 'quanto quantos quantas quando como porque quem qual quais onde sera foi e sao tem ha fica ficam ficava ficavam respeito perante apos durante algum alguma alguns algumas que outro outra outros outras tipo q pq tb',
};

/**
 * Pronouns the `stopword` lists miss ("sont-elles", "¿quiénes son ellos?", "did she"): who a
 * question points back to, never what it asks about.
 */
const PRONOUNS: Record<string, string> = {
  en: 'one she hers ours theirs yours myself yourself himself herself itself ourselves yourselves themselves',
  fr: 'elles duquel desquels desquelles auxquels auxquelles dont',
  es: 'yo nosotros nosotras vosotros vosotras ellos ellas ello usted ustedes',
  it: 'esso essa essi esse egli ella',
  pt: 'mim ti si desse dessa desses dessas deste desta destes destas nesse nessa nesses nessas neste nesta nestes nestas disso disto nisso nisto',
};

/**
 * Adverbs of time and manner a question adds to what it asks ("hoy", "già", "currently", "ainda"):
 * the article answers as of its date, with or without them. Not "still" or "yet" (ancora, ainda,
 * todavía …): they reach the article's "toujours" ("ne parviennent toujours pas"), which a
 * question about what still holds asks for.
 */
const NOW_WORDS: Record<string, string> = {
  en: 'today currently',
  fr: 'maintenant aujourd hui actuellement deja jamais',
  es: 'ahora hoy actualmente siempre nunca realmente',
  de: 'derzeit aktuell',
  it: 'ora adesso oggi attualmente gia sempre mai davvero',
  pt: 'agora hoje atualmente sempre nunca realmente',
};

/**
 * Words that hedge a count or a date ("roughly how many", "environ combien", "ungefähr wann"): the
 * article's "près de 70" answers with or without them. Not "près", a word the corpus writes.
 */
const HEDGES: Record<string, string> = {
  en: 'roughly approximately approx around nearly almost circa',
  fr: 'environ approximativement presque',
  es: 'aproximadamente cerca casi alrededor',
  de: 'ungefahr circa zirka knapp',
  it: 'circa quasi approssimativamente pressappoco',
  pt: 'aproximadamente cerca quase',
};

/**
 * Conversational filler around a question ("hey, quick question: …", "can you tell me …
 * thanks!"): words of how people talk to a bot, not of what they ask about.
 */
const FILLER_WORDS: Record<string, string> = {
  en: 'hey hi hello yo hiya hmm hm um uh erm exactly sup dude bro mate buddy guy guys folks lol btw tbh imo idk rn pls plz thx ty cheers sorry dumb silly stupid stuff thing things kinda sorta gonna wanna quick question questions wondering wonder curious know knows knew tell telling explain thanks thank thx pls plz please bot guys folks anyone somebody someone ok okay so just really actually basically like remind reminder again sorry fine cool article text news story piece say says said mention mentioned mentions according yeah yep nope not even bruh nah lmao smth sth anyway already ngl idea clue read reading tho though literally learning learn',
  fr: 'salut slt bonjour bjr bsr cc coucou hello yo stp svp mdr bref truc trucs chose machin desole dsl pardon question questions doute rapide petite savoir sais sait jsp dire dis dites expliquer merci svp stp plait voudrais aimerais bot rappeler rappelle encore alors bon bref juste vraiment article texte dit dite selon mentionne parle ca cest voila ouais bah euh hein exactement non ptdr wesh frerot ben peu bete histoire idee demandais demandions quelqu explique lire lu lis rien apprends apprendre',
  es: 'hola hla oye buenas perdon disculpa cosa duda pregunta rapida saber sabes decir dime dices explicar gracias grax favor bot quiero queria quisiera articulo texto dice segun pa osea incluso jaja porfa pues historia tonta idea preguntaba pregunto preguntabamos alguien explica leer leido lei algo vi aprendiendo aprendo aprender leo leyendo',
  de: 'hallo hey hi servus sorry entschuldigung ding sache frage kurze schnelle eigentlich nochmal nochmals wissen weisst sagen sag erklaren danke bitte bot mochte wollte artikel text sagt laut ok halt genau sogar geschichte dumme ahnung fragte jemand erklart lesen gelesen lese gibts lerne lernen',
  it: 'ciao ehi salve scusa scusate cosa dubbio domanda veloce sapere sai dire dimmi dici spiegare grazie grz favore bot vorrei volevo articolo testo dice secondo no ok cioe neanche allora boh raga storia stupida idea chiedo chiedevo domando domandavo qualcuno spiega leggere letto leggo imparando imparo imparare',
  pt: 'ola oi desculpa coisa duvida pergunta rapida saber sabe dizer diga explicar obrigado obrigada obg valeu vlw favor bot queria gostaria artigo texto diz segundo pra pro pras pros vc mano entao pfv kkk ne historia boba ideia pergunto perguntava pensando alguem explica ler lido li aprendendo aprendo aprender',
};

/**
 * Light verbs: in a question they carry tense and motion, rarely the fact asked about ("how
 * many times did Haftar go to Moscow"), and their translations (aller, faire) match anything.
 * Phrases that hold one ("take care of") are still looked up whole in the lexicon. Only
 * questions drop them: in the indexed text they belong to idioms (prendre en charge).
 * The forms of "be", "have" and "stay" that the stop word lists leave out are here too
 * (Portuguese "esteve", Spanish "hubo", Italian "essere"): translated, they reach whatever the
 * dictionaries list under être, avoir or se trouver ("esteve" reached the article's porte-avions).
 */
const LIGHT_VERBS: Record<string, string> = {
  en: 'go goes going went gone get gets getting got gotten make makes making made take takes taking took taken give gives gave given come comes came put puts keep keeps kept let lets seem seems seemed become becomes became happen happens happened having must',
  fr: 'aller allé allée allés va vont allait faire fais fait faits faite font mettre mis prendre pris donner donné venir venu vient arriver arrivé passer passé dois doit doivent devez peux pouvez peuvent pourrait pourrais pourriez faut',
  es: 'ir va van fue fueron ido hacer hace hizo hecho poner puso dar dio tomar tomo venir vino pasar paso pasado ocurrir ocurrio ocurrido suceder sucedio sucedido estar estuvo estuvieron estaba estaban estan estoy ser era eran sido haber hay hubo habia habian tener tiene tienen tuvo tuvieron tenia tenian tenido quedar queda quedan quedo debo debe deben puedo puedes puede pueden podria esta estas',
  de: 'gehen geht ging gegangen machen macht machte gemacht nehmen nimmt nahm genommen geben gibt gab gegeben kommen kommt kam gekommen passieren passiert geschehen geschah geschieht bleiben bleibt blieb blieben geblieben muss musst mussen konnte',
  it: 'andare andato andata andati va vanno fare fatto fatta fa prendere preso dare dato venire venuto succedere successo succede accadere accaduto essere stare avere restare resta restano resto devo deve devono posso puoi puo possono potrebbe',
  pt: 'ir vai vao foi foram ido fazer faz fez feito tomar tomou dar deu vir veio acontecer aconteceu acontece ocorrer ocorreu estar esteve estiveram estava estavam estao estou ser seria era eram sido ter teve tiveram tinha tinham tido tenho haver houve havia ficar fica ficam ficou ficaram devo deve devem posso podes pode podem poderia esta estas',
};

/**
 * Articles, folded. A stop word right after one is a noun that shares its spelling (l'est: the
 * east, not "is"; le pouvoir: power, not "can"; the US; el este), and carries content.
 */
const ARTICLES: Record<string, string> = {
  en: 'the',
  fr: 'l le la les un une du des au aux',
  es: 'el la los las un una del al',
  it: 'l il lo la i gli le un una del dello della dei degli delle al allo alla ai agli alle',
  pt: 'o a os as um uma do da dos das no na nos nas ao aos',
  de: 'der die das den dem des ein eine einen einem einer eines',
};
/**
 * Stop words that follow an article without being nouns: comparatives, "same", "other", and the
 * Portuguese and Spanish "o que", "lo que" (what). Folded.
 */
const AFTER_ARTICLE_NOT_NOUNS: Record<string, string> = {
  en: 'most more least less same other others',
  fr: 'plus moins meme memes autre autres apres peut peux pourrait',
  es: 'que mas menos mismo misma mismos mismas otro otra otros otras',
  it: 'piu meno stesso stessa stessi stesse altro altra altri altre',
  pt: 'que mais menos mesmo mesma mesmos mesmas outro outra outros outras',
  de: 'meisten mehr gleiche gleichen andere anderen',
};
/** Sets built by `wordSet`, by name, then by language code (no key is built per call: `stopwords` is called for every token). */
const wordSets = new Map<string, Map<string, Set<string>>>();

/**
 * Pronouns a hyphen attaches to a verb ("tiennent-ils", "a-t-elle", "deu-lhe"): the hyphen makes
 * no noun of them. Folded.
 */
const HYPHENATED_PRONOUNS: Record<string, string> = {
  fr: 'je tu il ils elle elles on nous vous ce moi toi lui leur y en',
  pt: 'me te se lhe lhes nos vos o a os as lo la los las no na nos nas',
};
/** A language's words from some of the lists above (space-separated), as one set built on first use and kept under `name`. */
function wordSet(name: string, language: Language, words: () => Iterable<string>): Set<string> {
  let byLanguage = wordSets.get(name);
  if (!byLanguage) wordSets.set(name, (byLanguage = new Map()));
  let set = byLanguage.get(language.code);
  if (!set) byLanguage.set(language.code, (set = new Set([...words()].filter(Boolean))));
  return set;
}

/** The words of space-separated lists, for `wordSet`. */
function listed(...lists: (string | undefined)[]): string[] {
  return lists.join(' ').split(' ');
}

/** What an article does not make a noun: the words above, and conversational filler ("a quick question", "uma dúvida"). */
function notNouns(language: Language): Set<string> {
  return wordSet('not-nouns', language, () => listed(AFTER_ARTICLE_NOT_NOUNS[language.code], FILLER_WORDS[language.code]));
}

/** Whether a folded token is a word an article does not make a noun ("other", "same", "more", filler). */
export function isNotNoun(token: string, language: Language): boolean {
  return notNouns(language).has(token);
}

function articles(language: Language): Set<string> {
  return wordSet('articles', language, () => listed(ARTICLES[language.code]));
}

/** Whether a folded token is an article of the language. */
export function isArticle(token: string, language: Language): boolean {
  return articles(language).has(token);
}

/** Space-separated word lists by language code, as one set per language. */
export function wordSetsByLanguage(lists: Readonly<Record<string, string>>): Record<string, ReadonlySet<string>> {
  return Object.fromEntries(Object.entries(lists).map(([code, list]) => [code, new Set(list.split(' '))]));
}

/** Nouns of someone's role or position, folded, by language (see `isRoleWord`). */
const ROLE_WORDS: Record<string, string> = {
  en: 'role roles job jobs position title function post occupation',
  fr: 'role roles fonction fonctions poste titre metier',
  es: 'papel rol cargo funcion puesto titulo oficio',
  de: 'rolle funktion position posten amt titel beruf aufgabe',
  it: 'ruolo funzione carica posizione titolo mestiere incarico',
  pt: 'papel funcao cargo posicao titulo oficio',
};

/** Whether a folded word names someone's role or position ("role", "fonction", "Funktion"). */
export function isRoleWord(token: string, language: Language): boolean {
  return wordSet('roles', language, () => listed(ROLE_WORDS[language.code])).has(token);
}

/**
 * Verbs of holding a role ("what post does he hold", "che incarico ricopre", "qué cargo ocupa"):
 * beside a role word they say nothing more than it. Folded.
 */
const ROLE_VERBS: Record<string, string> = {
  en: 'hold holds held occupy occupies occupied',
  fr: 'occupe occupait occupent exerce exercait detient',
  es: 'ocupa ocupaba desempena desempenaba ejerce',
  de: 'bekleidet bekleidete innehat',
  it: 'ricopre ricopriva occupa svolge',
  pt: 'ocupa ocupava exerce desempenha',
};

/**
 * The words that open a question for something ("who", "combien", "wo"), folded, by language: a
 * clause without one, and without any word the article has, frames the question rather than asks
 * it ("for my homework:", "(asking for a friend)"). See `withoutFraming` in search/query.ts.
 */
const INTERROGATIVES = wordSetsByLanguage({
  en: 'how what when where which who whom whose why whats whos wheres hows whys',
  fr: 'combien comment quand pourquoi quel quels quelle quelles qui quoi ou lequel laquelle lesquels lesquelles',
  es: 'cuanto cuantos cuanta cuantas cuando como que quien quienes cual cuales donde',
  de: 'wie wann warum wieso weshalb welche welcher welches welchem welchen wer wen wem was wo woher wohin wozu worum woran wofur womit wovon wodurch wogegen',
  it: 'quanto quanti quanta quante quando come perche chi che cosa quale quali dove',
  pt: 'quanto quantos quanta quantas quando como porque que quem qual quais onde',
});

/** Whether a folded token opens a question for something in `language` (see INTERROGATIVES); true when the language has no list. */
export function isInterrogative(token: string, language: Language): boolean {
  const list = INTERROGATIVES[language.code];
  return list === undefined || list.has(token);
}

/** Whether a folded token is a verb of holding a role in `language` (see ROLE_VERBS). */
export function isRoleVerb(token: string, language: Language): boolean {
  return wordSet('role-verbs', language, () => listed(ROLE_VERBS[language.code])).has(token);
}

/** Determiners other than articles: demonstratives, possessives, interrogatives ("cette force", "quelle partie"). Folded. */
const OTHER_DETERMINERS: Record<string, string> = {
  en: 'a an this that these those my your his her its our their which what',
  fr: 'ce cet cette ces mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs quel quelle quels quelles',
  es: 'este esta estos estas ese esa esos esas su sus mi mis cual cuales',
  it: 'questo questa questi queste quel quella quei quelle suo sua suoi sue mio mia quale quali',
  pt: 'este esta estes estas esse essa esses essas seu sua seus suas qual quais',
  de: 'dieser diese dieses diesen diesem sein seine ihr ihre welche welcher welches welchen',
};

function determiners(language: Language): Set<string> {
  return wordSet('determiners', language, () => listed(ARTICLES[language.code], OTHER_DETERMINERS[language.code]));
}

/** Whether a folded token is a determiner of the language: what shows that the word after it is a noun. */
export function isDeterminer(token: string | undefined, language: Language): boolean {
  return token !== undefined && determiners(language).has(token);
}

const anyArticle = new Set(Object.values(ARTICLES).flatMap((list) => list.split(' ')));

/** Whether a folded token is an article in any of the question languages (for rules that read tokens before knowing the language). */
export function isArticleOfAnyLanguage(token: string): boolean {
  return anyArticle.has(token);
}

/**
 * For each folded token of a text, whether it carries content: `isContentWord`, plus stop words
 * used as nouns: after an article (see ARTICLES; not "the most", "o que"), or hyphenated to a content word (porte-avions:
 * "avions" is planes there, not "we had"; sud-est), unless it is a pronoun after a verb ("tiennent-ils"). `joined[i]` says whether a hyphen joins
 * token i to token i − 1. Articles themselves never count.
 */
export function contentMask(tokens: readonly string[], language: Language, joined: readonly boolean[] = []): boolean[] {
  const articleSet = articles(language);
  const plain = tokens.map((token) => isContentWord(token, language));
  return tokens.map((token, i) => {
    if (plain[i]) return true;
    if (token.length < 2 || articleSet.has(token) || /^\d+$/.test(token)) return false;
    const previous = tokens[i - 1];
    if (previous !== undefined && articleSet.has(previous) && !notNouns(language).has(token)) return true;
    if (joined[i] && hyphenatedPronouns(language).has(token)) return false;
    return Boolean((joined[i] && plain[i - 1]) || (joined[i + 1] && plain[i + 1]));
  });
}

function hyphenatedPronouns(language: Language): Set<string> {
  return wordSet('hyphenated-pronouns', language, () => listed(HYPHENATED_PRONOUNS[language.code]));
}

/** The tokens of a text that carry content (see `contentMask`), in order. */
export function contentTokens(tokens: readonly string[], language: Language, joined: readonly boolean[] = []): string[] {
  const mask = contentMask(tokens, language, joined);
  return tokens.filter((_, i) => mask[i]);
}

/** The content tokens of a text (see `contentMask`), hyphenated compounds included. */
export function contentWordsOf(text: string, language: Language): string[] {
  const { tokens, joined } = hyphenatedWords(text);
  return contentTokens(tokens, language, joined);
}

/** Shortest function word a typo is compared with: under five letters, one edit turns a word into another. */
const MIN_MISSPELT = 5;

/** Shortest word a typo of six letters or more may misspell by two edits ("cobmin": combien). */
const MIN_TWO_EDITS = 7;

/**
 * The first word of `lists` (words of five letters or more) that `token` misspells by one edit
 * (by two, for a long word that `twoEdits` allows), its length off by at most `lengthSlack`, or
 * null; remembered in `memo` under `key`.
 */
function nearestMisspelt(memo: Map<string, string | null>, key: string, token: string, lists: readonly Iterable<string>[], lengthSlack: number, twoEdits: (word: string) => boolean = () => false): string | null {
  let found = memo.get(key);
  if (found !== undefined) return found;
  found = null;
  let nearest = Infinity;
  search: for (const list of lists) {
    for (const word of list) {
      if (word.length < MIN_MISSPELT || Math.abs(word.length - token.length) > lengthSlack) continue;
      const edits = word.length >= MIN_TWO_EDITS && token.length >= MIN_TWO_EDITS - 1 && twoEdits(word) ? 2 : 1;
      const distance = editDistance(token, word, edits);
      // The nearest word wins ("cauntas" is one edit from "cuantas", two from "cuantos"); of as near, the first.
      if (distance <= edits && distance < nearest) {
        found = word;
        nearest = distance;
        if (distance === 1) break search;
      }
    }
  }
  if (memo.size >= 10_000) memo.clear();
  memo.set(key, found);
  return found;
}

/** A language's function, question and filler words and light verbs of five letters or more, folded. */
function longFunctionWords(language: Language): Set<string> {
  return wordSet('long-function', language, () =>
    [...stopwords(language), ...listed(LIGHT_VERBS[language.code]).map((w) => fold(w))].filter((w) => w.length >= MIN_MISSPELT),
  );
}

/**
 * The function word, question word, filler or light verb of its language that a folded token
 * no source knows misspells by one letter ("accordign", "garzie", "wurdn", "cauntas"), or null:
 * it says as little as (or asks the same as) the word it stands for. `known` tells a real word
 * (never taken for a typo) from an unknown one; `more` adds words to compare with (the nouns
 * that name an answer type, say). A question word or one of `more` of seven letters or more may
 * be misspelt by two ("cobmin", "qunats", "ditsane": what the question asks is read through them);
 * other function words by one only (two made "sanermo" and "Soldtaen" function words).
 */
export function misspeltFunctionWord(token: string, language: Language, known: (token: string) => boolean, more: readonly string[] = NO_MORE): string | null {
  if (token.length < MIN_MISSPELT - 1 || known(token)) return null;
  let memo = nearFunctionWords.get(more);
  if (!memo) nearFunctionWords.set(more, (memo = new Map()));
  const asking = wordSet('question-folded', language, () => listed(QUESTION_WORDS[language.code]).map((w) => fold(w)));
  return nearestMisspelt(memo, `${language.code}:${token}`, token, [longFunctionWords(language), more], 1, (word) => asking.has(word) || more.includes(word));
}

const NO_MORE: readonly string[] = [];

/** Words already compared with the function words, per list of extra words (names come back in every question). */
const nearFunctionWords = new WeakMap<readonly string[], Map<string, string | null>>();

/** The `stopword` package's list for a language, as written. */
function packageList(language: Language): string[] {
  const list = lists[language.iso3];
  return Array.isArray(list) ? (list as string[]) : [];
}

/**
 * Words a `stopword` list drops that a question asks about: the German list has the numbers from
 * two to ten and "Jahr", "Tag" ("seit drei Jahren" is the article's "depuis trois ans").
 */
const NOT_STOP_WORDS: Record<string, string> = {
  de: 'zwei drei vier funf sechs sieben acht neun zehn jahr jahre jahren tag tage tagen',
};

/** This module's own function words of a language, beyond the `stopword` package's list (see the lists above). */
function ownFunctionWords(language: Language): string[] {
  return listed(QUESTION_WORDS[language.code], FILLER_WORDS[language.code], PRONOUNS[language.code], HEDGES[language.code], NOW_WORDS[language.code]);
}

/** Folded stop words of a language (function words plus question words). */
export function stopwords(language: Language): Set<string> {
  return wordSet('stop', language, () => {
    const kept = new Set(listed(NOT_STOP_WORDS[language.code]));
    return [...packageList(language), ...ownFunctionWords(language)].map((w) => fold(w)).filter((w) => !kept.has(w));
  });
}

/** Whether a folded token carries content: not a stop word, not a lone letter (elided l', d', qu'). */
export function isContentWord(token: string, language: Language): boolean {
  if (/^\d+$/.test(token)) return true;
  return token.length > 1 && !stopwords(language).has(token) && !LAUGHTER.test(token);
}

/** Chat's laughter and its acronyms, in any language and at any length ("ahah", "jajaja", "kkkk", "mdr", "xD"). */
const LAUGHTER = /^(?:[ah]*(?:ha|ah){2,}[ah]*|(?:ja|je|ji|he|hi|hu){2,}|k{3,}|rs+|x+d+|lo+l+|mdr+|ptdr+|lmf?ao+|rofl+)$/;

/**
 * The question word of its language ("quando", "welche", "cuantos") that a folded token no
 * list has misspells by one letter, or null: words of five letters or more only (a letter more
 * or less only from six), where one edit does not turn one word into another. Filler and light
 * verbs are left out: "porta" is no misspelt "sorta".
 */
export function misspeltQuestionWord(token: string, language: Language): string | null {
  // A letter more or less turns short words of one language into another's ("armi": "parmi").
  if (token.length < MIN_MISSPELT) return null;
  const questionWords = wordSet('long-question', language, () => listed(QUESTION_WORDS[language.code]).map((w) => fold(w)).filter((w) => w.length >= MIN_MISSPELT));
  return nearestMisspelt(nearQuestionWords, `${language.code}:${token}`, token, [questionWords], token.length > MIN_MISSPELT ? 1 : 0);
}

/** Words already compared with the question words: the names of the article come back in every question. */
const nearQuestionWords = new Map<string, string | null>();

/** This module's own function words and the light verbs (written without accents, so only their folded forms exist). */
function extraWords(language: Language): Set<string> {
  return wordSet('extra', language, () => [...ownFunctionWords(language), ...listed(LIGHT_VERBS[language.code])]);
}

/** Whether a folded token of a question is a light verb of its language. */
export function isLightVerb(token: string, language: Language): boolean {
  return wordSet('light-verbs', language, () => listed(LIGHT_VERBS[language.code]).map((w) => fold(w))).has(token);
}

/** Stop words as written, accents kept: "ne" is a function word, "né" (born) is not. */
function writtenStopwords(language: Language): Set<string> {
  return wordSet('written-stop', language, () => packageList(language).map((w) => w.normalize('NFC').toLowerCase()));
}

/**
 * Whether a word written with an accent ("allé", "à") can be the function word its folding
 * spells in `language`: not where the language writes that word without one (Italian and German
 * "alle", Italian "a"), so an accent is no vote for a language that never writes it.
 */
export function accentFitsFunctionWord(written: string, language: Language): boolean {
  const raw = written.normalize('NFC').toLowerCase();
  const folded = fold(raw);
  return raw === folded || writtenStopwords(language).has(raw) || !writtenStopwords(language).has(folded);
}

/**
 * Folded words of `text` that carry content only because of their accents: written with a
 * diacritic that folding removes, and not a stop word as written (né, but not été or où).
 */
export function accentedContentWords(text: string, language: Language): Set<string> {
  const out = new Set<string>();
  const stop = writtenStopwords(language);
  const raws = text.normalize('NFC').toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  for (const raw of raws) {
    const folded = fold(raw);
    if (folded !== raw && folded.length > 1 && !stop.has(raw) && !extraWords(language).has(folded) && !/^\d+$/.test(folded)) out.add(folded);
  }
  // Typed without its accent: a particle that needs a partner after it and has none is the
  // accented word folded onto it ("quand est-il ne" is né, born; "il ne vient pas" is ne).
  const particle = PARTNERED_PARTICLES[language.code];
  if (particle) {
    const folded = raws.map((raw) => fold(raw));
    const at = folded.lastIndexOf(particle.word);
    if (at >= 0 && !folded.slice(at + 1).some((word) => particle.partners.has(word))) out.add(particle.word);
  }
  return out;
}

/** Function words that only work with a partner later in the sentence (French ne … pas). Folded. */
const PARTNERED_PARTICLES: Record<string, { readonly word: string; readonly partners: ReadonlySet<string> }> = {
  fr: { word: 'ne', partners: new Set('pas plus jamais rien personne guere point aucun aucune nul nulle que ni'.split(' ')) },
};
