/**
 * What kind of short answer a question asks for (how many → a number, when → a date, who → a
 * person, where → a place, how far → a distance, how long → a duration, how much … cost → an amount
 * of money, how old → an age), and where a text holds candidates of that
 * kind. Question cues cover the six question languages; candidates are read from French text
 * (the corpus language) with general patterns of French news writing, nothing of one article.
 */
import { fold } from '../text/normalize.js';
import type { Language } from '../text/languages.js';
import { stem } from '../text/stem.js';
import { isArticleOfAnyLanguage, wordSetsByLanguage } from '../text/stopwords.js';

export type AnswerType = 'number' | 'date' | 'person' | 'place' | 'distance' | 'duration' | 'money' | 'age' | 'size' | 'organisation' | 'statement';

/**
 * Verbs of being called, folded: "comment s'appelle …", "wie heißt …", "what is … called". In a
 * question for a name they ask for the name and are not searched for as words.
 */
const NAMING_VERB_FORMS: Record<string, { readonly pronoun: string; readonly forms: string }> = {
  en: { pronoun: '', forms: 'called named' },
  fr: { pronoun: 's', forms: 'appelle appellent appelait appelaient' },
  es: { pronoun: 'se', forms: 'llama llaman llamaba llamaban' },
  de: { pronoun: '', forms: 'heisst heissen hiess hiessen' },
  it: { pronoun: 'si', forms: 'chiama chiamano chiamava chiamavano' },
  pt: { pronoun: 'se', forms: 'chama chamam chamava chamavam' },
};
const NAMING_VERBS = new Set(Object.values(NAMING_VERB_FORMS).flatMap(({ forms }) => forms.split(' ')));

/**
 * Ways of asking what someone or something is called, folded: the answer is a name. The
 * reflexive verbs only with their pronoun ("se llama", not the "llama" of "llama a la policía").
 */
const CALLED = [
  'name of',
  'nom d[eu]',
  ...Object.values(NAMING_VERB_FORMS).map(({ pronoun, forms }) => `${pronoun ? `${pronoun} ` : ''}(${forms.split(' ').join('|')})`),
].join('|');

/**
 * In a question for a name, where the kind whose name is asked for stands: the first content word
 * after the noun "name" ("the names of the jihadist groups", "nomes dos grupos") or after a verb
 * of being called ("wie heißen die Gruppen", "cómo se llaman los grupos"); null when none follows.
 */
export function namedKindAt(tokens: readonly string[], language: Language, isContent: (token: string) => boolean): number | null {
  const at = tokens.findIndex((token) => isNameNoun(token, language) || NAMING_VERBS.has(token));
  if (at < 0) return null;
  const kind = tokens.findIndex((token, i) => i > at && isContent(token));
  return kind < 0 ? null : kind;
}

/** Whether a folded word is a verb of being called (see NAMING_VERBS). */
export function isNamingVerb(word: string): boolean {
  return NAMING_VERBS.has(word);
}

/**
 * "What does LNA stand for", "que signifie GNA", "wofür steht ANL": what an acronym (or a name)
 * stands for. Its verbs and nouns (DEFINITION_WORDS) are then no words asked about.
 */
const DEFINITION_CUE =
  /\b(stand|stands|stood) for\b|\bshort for\b|\bwhat (does|do|did) (\w+ ){1,3}mean\b|\b(meaning|abbreviation|acronym) of\b|\b(signifie|signifient|signifiait|veut dire|veulent dire|voulait dire|signification d|sigle|acronyme)\b|\b(significa|significan|quiere decir|significado d|sigla|siglas|acronimo|sta per|stanno per|vuol dire|quer dizer)\b|\b(steht|stehen|stand) (\w+ ){0,3}fur\b|\bwofur (steht|stehen)\b|\b(bedeutet|bedeuten|bedeutung|abkurzung)\b/;

/** Whether a question asks what something stands for (see DEFINITION_CUE). */
export function asksDefinition(question: string): boolean {
  return DEFINITION_CUE.test(cueText(question));
}

/** The words of a definition's cue, folded, by language: no words asked about in such a question. */
const DEFINITION_WORDS = wordSetsByLanguage({
  en: 'stand stands stood short mean means meaning abbreviation acronym',
  fr: 'signifie signifient signifiait veut veulent voulait dire signification sigle acronyme',
  es: 'significa significan quiere decir significado sigla siglas acronimo',
  de: 'steht stehen stand fur wofur bedeutet bedeuten bedeutung abkurzung',
  it: 'significa significano sta stanno per vuol dire significato sigla acronimo',
  pt: 'significa significam quer dizer significado sigla acronimo',
});

/** Whether a folded word belongs to the cue of a definition question in `language`. */
export function isDefinitionWord(word: string, language: Language): boolean {
  return DEFINITION_WORDS[language.code]?.has(word) ?? false;
}

/** "In what part of the country", "dans quelle région", "in quale zona": a region is asked for. */
const REGION_CUE = /\b((what|which) (part|parts|region|area) of|(quelle|quelles) (partie|parties|region) d|(que|qual|quale|che|cual) (parte|region|regiao|regione|zona) d[eiao]|welche[mnrs]? (teil|region|gegend) )/;

/** Whether a question asks for a region (see `isRegion`) rather than any place. */
export function asksRegion(question: string): boolean {
  return REGION_CUE.test(cueText(question));
}

/**
 * What someone said, answered, promised, agreed on or thought, or how they reacted ("what did Shoigu tell Haftar",
 * "how did Sarraj react", "de quoi ont-ils parlé", "qué opina", "was hat Putin gesagt"): only a
 * sentence that reports speech answers (see the 'statement' pattern). A text that "says" something
 * ("what does the article say", "what does Moscow's help say about its ties") is not asked about.
 */
const STATEMENT_CUE = new RegExp(
  [
    String.raw`what (exactly |else |topics? |subjects? )?(did|has|have|had) (?!(the |this )?(article|text|piece|story|report|author|writer|journalist|paper|it) )(\w+ ){1,6}(say|said|tell|told|declare|declared|announce|announced|reply|replied|respond|responded|answer|answered|promise|promised|pledge|pledged|discuss|discussed|(talk|talked|speak|spoke|chat|chatted) about|(agree|agreed|settle|settled|decide|decided) (on|upon))`,
    String.raw`(se sont|s est) (\w+ ){0,2}mise?s? d accord|(ont|a) (convenu|decide) de quoi|sur quoi (\w+ ){1,6}(accord|entendus|entendu)`,
    String.raw`(en )?que (acordaron|pactaron|decidieron|convinieron)|worauf (\w+ ){1,6}(geeinigt|verstandigt)|(su )?(cosa|che) (\w+ ){0,6}(concordato|deciso|pattuito|accordati)|o que (\w+ ){0,6}(combinaram|acordaram|decidiram)`,
    String.raw`what was (said|discussed)`,
    String.raw`how (did|has|have) (\w+ ){1,6}(react|reacted|respond|responded|reply|replied)`,
    String.raw`what (does|do|did) (\w+ ){1,6}think (of|about)`,
    String.raw`(reaction|reactions|response|reply|opinion) (of|from|by|to|on|about)`,
    String.raw`s (reaction|response|reply|opinion)`,
    String.raw`qu (a|ont) (t (il|elle|ils|elles|on) )?(dit|declare|repondu|annonce|affirme|promis|discute)`,
    String.raw`(a|ont) promis quoi`,
    String.raw`qu est ce qu[e ]? ?(\w+ ){1,6}(a|ont) (dit|declare|repondu|annonce|affirme)`,
    String.raw`(se sont|se sont ils|se sont elles|s etaient) (dit|dits|raconte|racontes|promis)`,
    String.raw`(que|qu en) (pense|pensent|pensait)`,
    String.raw`comment (\w+ ){0,6}(reagi|repondu|reagit|reagissent|reagira)`,
    String.raw`(reaction|reactions|reponse|reponses) (de|du|des|d)`,
    String.raw`de quoi (\w+ ){1,6}(parle|parles|discute|parler|discuter)`,
    String.raw`que (le |les )?(dijo|dijeron|respondio|respondieron|contesto|contestaron|declaro|declararon|anuncio|prometio|prometieron|ha dicho|han dicho|ha prometido)`,
    String.raw`como (reacciono|reaccionaron|respondio|respondieron|ha reaccionado|han reaccionado)`,
    String.raw`de que (hablaron|conversaron|discutieron|hablo)`,
    String.raw`que (opina|opinan|piensa|piensan)`,
    String.raw`(reaccion|respuesta) (de|del)`,
    String.raw`was (hat|haben) (\w+ ){1,6}(gesagt|geantwortet|erklart|erwidert|verkundet|versprochen|besprochen)`,
    String.raw`was (sagte|sagten|antwortete|antworteten|erwiderte)`,
    String.raw`wie (hat|haben) (\w+ ){1,6}(reagiert|geantwortet)`,
    String.raw`wie (reagierte|reagierten|antwortete|antworteten)`,
    String.raw`woruber (\w+ ){0,6}(gesprochen|geredet|diskutiert|sprachen|redeten|diskutierten)`,
    String.raw`was (halt|halten|denkt|denken) (\w+ ){1,6}(von|uber)`,
    String.raw`(reaktion|antwort) (von|der|des|auf)`,
    String.raw`(cosa|che) (\w+ ){0,6}(ha|hanno) (detto|risposto|dichiarato|annunciato|promesso)`,
    String.raw`come (\w+ ){0,6}(ha|hanno) (reagito|risposto)`,
    String.raw`di (cosa|che) (\w+ ){0,6}(parlato|discusso)`,
    String.raw`(cosa|che) (ne )?(pensa|pensano)`,
    String.raw`(reazione|risposta) (di|del|della|dei|degli)`,
    String.raw`o que (\w+ ){0,6}(disse|disseram|respondeu|responderam|declarou|declararam|anunciou|prometeu|prometeram)`,
    String.raw`como (\w+ ){0,6}(reagiu|reagiram|respondeu|responderam)`,
    String.raw`sobre o que (\w+ ){0,6}(falaram|conversaram|discutiram)`,
    String.raw`o que (\w+ ){0,4}(acha|acham|pensa|pensam)`,
    String.raw`(reacao|resposta) (de|do|da|dos|das)`,
  ].map((cue) => String.raw`\b${cue}\b`).join('|'),
);

/** Question cues, folded, matched as whole words at the start of a phrase; longest first within a language. */
const CUES: [AnswerType, RegExp][] = [
  // Before counts: "cuántos años tiene", "quanti anni ha" ask for an age ("da quanti anni" does not).
  ['age', /\b(how old|what age|at what age|quel age|a quel age|que edad|a que edad|cuantos anos (tiene|tenia|tendra)|wie alt|in welchem alter|che eta|a che eta|(?<!da )quanti anni (ha|aveva|avra)|que idade|com que idade|quantos anos (tem|tinha|tera))\b/],
  // How big, tall, heavy or long a thing is ("wie groß ist der Flugzeugträger", "quelle est la taille du
  // porte-avions"): a measure answers it, as an amount answers a cost. Before distances ("how long" is a
  // duration unless "long" measures a thing: see 'duration').
  ['size', /\b(how (big|large|tall|high|heavy|wide)|what size|(quelle est la |de quelle )?(taille|hauteur|longueur|largeur)|quel (poids|tonnage)|que (tamano|altura|longitud)|(cual es|de que) (el tamano|la altura|la longitud)|wie (gross|hoch|schwer|breit)|welche (grosse|hohe|lange)|quanto (e )?(grande|alto|alta|pesa|lungo|lunga)|che (dimensioni|altezza|lunghezza)|qual (e )?(o tamanho|a altura|o comprimento)|que tamanho|quao (grande|alto))\b/],
  ['distance', /\b(how far|how many (km|kilometres|kilometers|miles)|what distance|a quelle distance|quelle distance|combien de (km|kilometres)|a que distancia|que distancia|cuantos (km|kilometros)|wie weit|welche entfernung|wie viele (km|kilometer)|quanto dista|a che distanza|quanti (km|chilometri)|que distancia|a que distancia|quantos (km|quilometros))\b/],
  // Before counts and dates: "cuánto tiempo", "quanto tempo" hold a count's cue, "how long ago" asks for a date.
  // "Since when" too: a starting point answers it ("depuis 2011", "depuis la chute de …"), or how long ("depuis trois ans").
  ['duration', /\b(how long(?! ago)|combien de temps|cuanto tiempo|wie lange?|seit wie langem|quanto tempo|da quanto(?! anni)|since when|depuis quand|desde cuando|seit wann|da quando|desde quando|(for )?how many (years|months|weeks|days)(?! ago)|(depuis )?combien d (annees|mois|semaines|jours)|(desde hace )?cuantos (anos|meses|dias) (lleva|llevan|hace)|seit wie vielen (jahren|monaten|wochen|tagen)|da quanti (anni|mesi|giorni)|ha quantos (anos|meses|dias))\b/],
  ['number', /\b(how many|how much|how often|combien|cuant[oa]s?|wie viele?|wie oft|quant[ieoa]s?|wieviele?)\b/],
  ['date', /\b(how long ago|when|what (day|date|year|month)|which (day|date|year|month)|quand|quel jour|quelle (date|annee)|en quelle annee|cuando|que (dia|fecha|ano)|wann|an welchem tag|in welchem jahr|quando|in che anno|que dia|em que ano)\b/],
  // "Which news agency", "à quelle agence", "welcher Nachrichtenagentur", "which organisation": an
  // acronym answers (AFP, ONU), not the word.
  ['organisation', new RegExp(String.raw`\b((what|which) (\w+ ){0,2}(agency|organi[sz]ation|institution)|quel(le)?s? (\w+ )?(agence|organisation|institution)|(que|cual|qual|quale|che) (\w+ )?(agencia|organizacion|organizacao|institucion|instituicao|agenzia|organizzazione|istituzione)|welche[mnrs]? (\w+ )?(agentur|nachrichtenagentur|organisation|institution))\b`)],
  ['person', new RegExp(String.raw`\b(who|whom|whose|qui|quien(es)?|wer|wen|wem|chi|quem|${CALLED})\b`)],
  // "In what part of the country": a region answers ("dans l'est de la Libye"), not the word "partie".
  ['place', REGION_CUE],
  ['place', /\b(where|from where|ou|d ou|donde|adonde|wo|wohin|woher|dove|onde|aonde|(what|which) (\w+ )?(city|town|country|place)|quel(le)? (ville|pays|endroit|lieu)|(que|cual|qual|qu[ae]le?|che|welche[mnrs]?) (\w+ )?(ciudad|pais|lugar|sitio|cidade|local|citta|paese|luogo|posto|stadt|land|ort))\b/],
  // Last: "when did the spokesman talk to AFP" asks for a date, "who told AFP" for a person.
  ['statement', STATEMENT_CUE],
];

/**
 * Nouns that name the answer type itself ("the distance between", "in what year"), by language:
 * they are answered by a candidate of the type, not by the same word in the text, so they are not
 * searched for as words.
 */
const TYPE_NOUNS_BY_LANGUAGE: readonly [AnswerType, Record<string, string>][] = [
  ['distance', {
    en: 'distance distances far km kilometres kilometers miles',
    fr: 'distance km kilometres',
    es: 'distancia lejos kilometros km',
    de: 'entfernung entfernt weit km kilometer',
    it: 'distanza dista lontano chilometri km',
    pt: 'distancia longe quilometros km',
  }],
  ['date', {
    en: 'year years date day week weekday month',
    fr: 'annee jour semaine mois date',
    es: 'ano dia semana fecha mes',
    de: 'jahr tag woche wochentag monat datum',
    it: 'anno giorno settimana mese data',
    pt: 'ano dia semana mes data',
  }],
  // Spanish "nombre" is French for number: listed here first, it stays a number noun.
  ['number', { en: 'number times often', fr: 'nombre numero fois', es: 'numero veces', de: 'anzahl zahl mal', it: 'numero volte', pt: 'numero vezes' }],
  // "In which city": a city's name answers, not the word. "Which countries" stays a word: the
  // answer may well be "pays africains", which no place pattern finds.
  ['place', { en: 'city town', fr: 'ville', es: 'ciudad', de: 'stadt', it: 'citta', pt: 'cidade' }],
  ['person', { en: 'name names', fr: 'nom noms', de: 'namen', it: 'nome nomi', pt: 'nome' }],
  ['age', { en: 'age old', fr: 'age', es: 'edad anos', de: 'alter alt', it: 'eta anni', pt: 'idade anos' }],
  ['size', {
    en: 'size big large tall high heavy wide',
    fr: 'taille hauteur longueur largeur poids tonnage',
    es: 'tamano altura longitud grande alto',
    de: 'grosse gross hoch hohe schwer breit lange',
    it: 'dimensioni grande alto alta altezza lunghezza lungo lunga pesa',
    pt: 'tamanho altura comprimento grande alto',
  }],
  ['organisation', {
    en: 'agency agencies organisation organization organisations organizations institution',
    fr: 'agence agences organisation organisations institution',
    es: 'agencia agencias organizacion institucion',
    de: 'agentur nachrichtenagentur organisation institution',
    it: 'agenzia organizzazione istituzione',
    pt: 'agencia organizacao instituicao',
  }],
];

/**
 * "In what part of the country" (see REGION_CUE): a region answers, not the word. Kept apart from
 * the other type nouns because they are not looked for by stem: French "partis" (left) and
 * Italian "partiti" stem like "partie" and "parte".
 */
const REGION_NOUNS = 'part parts region area partie parties parte regiao regione zona teil gegend';

/** Type nouns of every language, folded: a question word is one whatever language it is read in. */
const TYPE_NOUNS: Record<string, AnswerType> = {};
for (const [type, byLanguage] of TYPE_NOUNS_BY_LANGUAGE) {
  for (const list of Object.values(byLanguage)) for (const noun of list.split(' ')) TYPE_NOUNS[noun] ??= type;
}
for (const noun of REGION_NOUNS.split(' ')) TYPE_NOUNS[noun] ??= 'place';

/** Every noun that names an answer type, folded (what a misspelt "dstance" is compared with). */
export const TYPE_NOUN_WORDS: readonly string[] = Object.keys(TYPE_NOUNS);

/** Shorter words (mal, tag, dia) stem alike with too many others. */
const MIN_TYPE_NOUN_FORM = 5;
const typeNounStems = new Map<string, Map<string, string>>();

/**
 * The type noun a folded word of `language` is another form of (distances → distance; a typo
 * that keeps the stem, distânca → distância), by stem; null for the noun itself, or none.
 */
export function typeNounOfStem(word: string, wordStem: string, language: Language): string | null {
  if (TYPE_NOUNS[word] !== undefined || word.length < MIN_TYPE_NOUN_FORM) return null;
  let stems = typeNounStems.get(language.code);
  if (!stems) {
    stems = new Map();
    // The language's own nouns only: Portuguese "voltaram" (they returned) stems like Italian
    // "volte" (times). The first noun of a stem wins: the lists are written most common first.
    for (const [type, byLanguage] of TYPE_NOUNS_BY_LANGUAGE) {
      // An organisation noun names the type only after "which" (see CUES): "Welche Staaten und
      // Organisationen" asks for both, and the word stays one the text may have.
      if (type === 'organisation') continue;
      for (const noun of byLanguage[language.code]?.split(' ') ?? []) {
        if (noun.length >= MIN_TYPE_NOUN_FORM && !stems.has(stem(noun, language))) stems.set(stem(noun, language), noun);
      }
    }
    typeNounStems.set(language.code, stems);
  }
  return stems.get(wordStem) ?? null;
}

/**
 * Type nouns next to a number the question writes ("1000 km", "the year 2016"): they name the
 * unit of a value the question gives, so they ask for no type ("is Benghazi 1000 km from
 * Tripoli" asks yes or no).
 */
export function valuedTypeNouns(tokens: readonly string[]): Set<string> {
  const digits = (token: string | undefined): boolean => token !== undefined && /^\d/.test(token);
  return new Set(tokens.filter((token, i) => TYPE_NOUNS[token] !== undefined && (digits(tokens[i - 1]) || digits(tokens[i + 1]))));
}

/**
 * Date nouns next to a year the question writes ("the year 2016", "im Jahr 2016"): no words asked
 * about either, since a text writes the year alone ("en 2016"), unlike a unit of distance
 * ("1 000 km") or a duration ("3 years": "trois ans").
 */
export function valuedDateNouns(tokens: readonly string[]): Set<string> {
  const year = (token: string | undefined): boolean => token !== undefined && isYear(token);
  return new Set(tokens.filter((token, i) => TYPE_NOUNS[token] === 'date' && (year(tokens[i - 1]) || year(tokens[i + 1]))));
}

/** Whether a folded question word names the answer type the question asks for. */
export function isTypeNoun(word: string, type: AnswerType | null): boolean {
  return type !== null && TYPE_NOUNS[word] === type;
}

/**
 * "Who is the spokesman?", "what is the name of …": the answer is a person's name. A "who"
 * with another verb ("who backs the government?") is answered as often by countries or
 * organisations, which the person pattern does not find: there, the type is no ranking cue.
 */
const NAME_CUE = new RegExp(
  String.raw`\b(who (is|was|are|were|s)|whos|qui (est|etait|sont|etaient)|quien(es)? (es|era|son|eran|fue)|wer (ist|war|sind|waren)|chi (e|era|sono|erano)|quem (e|era|sao|eram|foi)|${CALLED}|nombre de|nome d[eio])\b`,
);

/** The last question read by `cueText`, and its text: every cue of one question reads the same text. */
let lastCueQuestion: string | null = null;
let lastCueText = '';

/** A question folded, its words joined by single spaces, with a space at each end: what the cues are matched against. */
function cueText(question: string): string {
  if (question !== lastCueQuestion) {
    lastCueText = ` ${fold(question).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
    lastCueQuestion = question;
  }
  return lastCueText;
}

/** Whether a question of type person asks for a name (see NAME_CUE), or names the noun "name" of its language. */
export function asksForName(question: string, language?: Language): boolean {
  const text = cueText(question);
  return NAME_CUE.test(text) || (language !== undefined && text.split(' ').some((word) => isNameNoun(word, language)));
}

/**
 * Interrogative determiners, folded: the noun right after one names the kind of thing asked for
 * ("which hospital", "how many sailors", "quel navire", "welche Stadt", "che età", "em que avião").
 * Two-word ones are written with a space; "de", "d" and "of" may follow ("combien de soldats").
 */
const ASKING_DETERMINERS = new Set(
  [
    'which what how+many how+much',
    'quel quelle quels quelles combien',
    'que cual cuales cuanto cuanta cuantos cuantas',
    'welche welcher welches welchem welchen wie+viele wie+viel',
    'quale quali qual che quanto quanta quanti quante',
    'quais quantos quantas',
  ]
    .join(' ')
    .split(' ')
    .map((w) => w.replace('+', ' ')),
);
const OF = new Set(['de', 'd', 'of']);
/** Words for a kind ("what kind of", "quel genre de", "welche Art von"), folded, and what links them to their noun. */
const KIND_WORDS = new Set('kind kinds type types sort sorts genre genres sorte sortes tipo tipos clase art arten'.split(' '));
const KIND_OF = new Set(['of', 'de', 'd', 'di', 'da', 'do', 'von']);
/** "What is the …", "quelle est la …", "qual è il …": the copula before the article and the noun asked for, folded. */
const COPULAS = new Set('is s was are were est etait sont es era fue son ist war sind e foi'.split(' '));
/**
 * Nouns after an interrogative that a text rarely writes out, folded: reasons and manners ("for
 * what purpose", "dans quel but", "in what way": the answer is a clause) and the most general
 * kinds ("what event", "which organisation": the text names the event, not the word). People
 * are no such kind: "how many people live in Tripoli" asks for a count the text would state.
 */
const UNWRITTEN_KINDS = new Set(
  [
    'purpose reason reasons aim goal motive way manner event events happening incident fact facts organisation organization organisations organizations entity situation',
    'but raison raisons motif motifs objectif facon maniere moyen evenement evenements fait faits organisation organisations entite situation',
    'razon razones motivo motivos proposito objetivo fin manera forma modo evento eventos acontecimiento acontecimientos hecho hechos organizacion organizaciones entidad situacion',
    'grund grunde zweck absicht ziel weise ereignis ereignisse vorfall tatsache organisation organisationen situation',
    'ragione ragioni motivo motivi scopo fine obiettivo modo maniera evento eventi avvenimento fatto fatti organizzazione organizzazioni entita situazione',
    'razao razoes motivo motivos proposito objetivo fim maneira forma jeito evento eventos acontecimento fato fatos facto factos organizacao organizacoes entidade situacao',
  ]
    .join(' ')
    .split(' '),
);
/** Whether a folded noun asked for is one a text rarely writes out (see UNWRITTEN_KINDS). */
export function isUnwrittenKind(token: string): boolean {
  return UNWRITTEN_KINDS.has(token);
}

/** Small cardinals, folded, six languages: "which two authorities" asks for authorities. */
const CARDINALS = new Set(
  'two three four five deux trois quatre cinq dos tres cuatro cinco zwei drei vier funf due tre quattro cinque dois duas quatro'.split(' '),
);

/**
 * Where, among a question's folded tokens, the noun that names what is asked for sits: the token
 * after the question's first interrogative determiner ("which hospital", "combien de blessés"),
 * past a copula and an article ("what is the goal", "quelle est la population"), or null.
 * Whether it is a noun is for the caller to say (a content word: "what is" has none).
 */
export function askedNounAt(tokens: readonly string[]): number | null {
  for (let i = 0; i < tokens.length; i++) {
    const pair = i + 1 < tokens.length ? `${tokens[i]} ${tokens[i + 1]}` : '';
    const width = ASKING_DETERMINERS.has(pair) ? 2 : ASKING_DETERMINERS.has(tokens[i]!) ? 1 : 0;
    if (!width) continue;
    let at = i + width;
    if (COPULAS.has(tokens[at] ?? '') && isArticleOfAnyLanguage(tokens[at + 1] ?? '')) at += 2;
    // "What kind of injuries", "quel type de blessures", "che tipo di ferite": the kind's noun is what is asked for.
    if (KIND_WORDS.has(tokens[at] ?? '') && KIND_OF.has(tokens[at + 1] ?? '')) at += 2;
    if (OF.has(tokens[at] ?? '')) at++;
    while (at < tokens.length && (CARDINALS.has(tokens[at]!) || /^\d+$/.test(tokens[at]!))) at++;
    return at < tokens.length ? at : null;
  }
  return null;
}

/**
 * Words of money, folded, by language: what a thing costs, a price, a wage, paying, spending.
 * A question for a count or with no type cue ("how much did Russia pay", "quel est le coût",
 * "qual o salário", "quel est le montant") that holds one asks for an amount of money, which only a sentence with an
 * amount answers. By language: Spanish and Portuguese "costa" is a coast.
 */
const MONEY_WORDS = wordSetsByLanguage({
  en: 'cost costs costing price prices priced salary salaries wage wages pay pays paid paying spend spends spent spending budget money fee fees expensive',
  fr: 'cout couts coute coutent coutera couteront coutait couter prix salaire salaires remuneration payer paye payee payes paie paient paiera paieront payait depense depenses depenser budget argent frais tarif montant',
  es: 'costo costos coste costes cuesta cuestan costara costaran costaba costar precio precios salario salarios sueldo sueldos pagar pago pagaron pagara pagan paga pagaba gasto gastos gastar gasta gastaron presupuesto dinero tarifa monto importe',
  de: 'kosten kostet kostete kosteten preis preise gehalt gehalter lohn lohne zahlen zahlt zahlte zahlten bezahlt bezahlen bezahlte ausgaben ausgegeben budget geld gebuhr betrag',
  it: 'costo costi costa costano costera costeranno costava costato costare prezzo prezzi stipendio stipendi salario pagare paga pagano pagato pagera pagava spesa spese spendere speso budget soldi denaro tariffa importo ammontare',
  pt: 'custo custos custa custam custara custaram custou custar preco precos salario salarios pagar paga pagam pagou pagaram pagara gasto gastos gastar gastou gastaram orcamento dinheiro tarifa montante',
});

/** The answer type a question asks for, or null (why, what, yes/no questions). */
export function answerType(question: string, language?: Language): AnswerType | null {
  const text = cueText(question);
  const words = text.trim().split(' ');
  const cued = CUES.find(([, cue]) => cue.test(text))?.[0] ?? null;
  const money = language ? MONEY_WORDS[language.code] : undefined;
  if ((cued === 'number' || cued === null) && money && words.some((word) => money.has(word))) return 'money';
  if (cued) return cued;
  // "the distance between Benghazi and Tripoli", "in what year …"; not a noun the question
  // gives a value of ("is Benghazi 1000 km from Tripoli", "in the year 2016"): that asks yes or no.
  const typeNoun = (word: string): boolean => TYPE_NOUNS[word] === 'distance' || TYPE_NOUNS[word] === 'date';
  if (!valuedTypeNouns(words).size) for (const word of words) if (typeNoun(word)) return TYPE_NOUNS[word]!;
  // "nombre del portavoz", "portavoce dell'ANL nome": the name of the question's language (Spanish
  // "nombre" is a name, French "nombre" a number).
  const names = language ? NAME_NOUNS[language.code] : undefined;
  if (names && words.some((word) => names.has(word))) return 'person';
  return null;
}

/**
 * Whether a question asks two things of different types ("where was the carrier when Haftar
 * boarded it", "who imposed the embargo and when"): a short answer of one type would answer
 * only half of it, or the wrong half. A count inside an age or a distance ("how many km") is
 * the same question.
 */
export function asksTwoThings(question: string): boolean {
  const text = cueText(question);
  const types = new Set(CUES.filter(([, cue]) => cue.test(text)).map(([type]) => type));
  if (types.has('age') || types.has('distance') || types.has('duration')) types.delete('number');
  // "Since when" holds a "when": one question.
  if (types.has('duration')) types.delete('date');
  return types.size > 1;
}

/**
 * Verbs of having and words of totals, folded, by question language: with nothing else asked
 * about the thing counted, "how many soldiers does the LNA have", "combien de soldats compte
 * l'ANL au total", "wie viele Soldaten hat die LNA insgesamt" ask for a total.
 */
const TOTAL_WORDS = wordSetsByLanguage({
  en: 'have has had own owns total altogether overall',
  fr: 'compte comptent comptait comptaient possede possedent dispose disposent total',
  es: 'tiene tienen tenia tenian posee poseen total',
  de: 'hat haben hatte hatten besitzt besitzen insgesamt gesamt',
  it: 'ha hanno aveva avevano possiede possiedono dispone totale',
  pt: 'tem teem tinha tinham possui possuem total',
});

/** Whether a folded question word is a verb of having or a word of totals (see TOTAL_WORDS). */
export function isTotalWord(word: string, language: Language): boolean {
  return TOTAL_WORDS[language.code]?.has(word) ?? false;
}

/** How French news states a total: "compte 25 000 hommes", "au total", "en tout", "forte de", "dispose de", "totalise", "effectifs". */
const TOTAL = /(?<![\p{L}])(?:au total|en tout|compt(?:e|ent|ait|aient)|totalis\p{L}*|forte?s? de|dispos(?:e|ent|ait|aient) de|regroup\p{L}*|effectifs?)(?![\p{L}])/iu;

/** Whether a text states a total (see TOTAL). */
export function statesTotal(text: string): boolean {
  return TOTAL.test(text);
}

/**
 * "How many times", in the six question languages: a count of occurrences. So is a count of
 * journeys or visits ("how many trips", "combien de déplacements": each one is a time it happened),
 * and "more than once" or "several times" asks the same as a yes or no.
 */
const FREQUENCY_CUE = new RegExp(
  String.raw`\b(how many times|how often|combien de fois|cuantas veces|wie oft|wie viele male|quante volte|quantas vezes` +
    String.raw`|how many (trips|journeys|visits)|combien de (voyages|deplacements|visites|sejours)|cuantos viajes|cuantas visitas|wie viele (reisen|besuche)|quanti viaggi|quante visite|quantas (viagens|visitas)` +
    String.raw`|more than once|several times|plus d une fois|plusieurs fois|mas de una vez|varias veces|mehr als einmal|mehrmals|piu di una volta|piu volte|mais de uma vez|varias vezes)\b`,
);

/** Whether a question asks how many times something happened ("how often did Haftar travel to Moscow"). */
export function asksFrequency(question: string): boolean {
  return FREQUENCY_CUE.test(cueText(question));
}

/** The words of a question's frequency cue ("mas de una vez"), folded; none when it has none. */
export function frequencyCueWords(question: string): Set<string> {
  return new Set(FREQUENCY_CUE.exec(cueText(question))?.[0].split(' ') ?? []);
}

/** Whether a text gives how many times something happened ("à deux reprises", "trois fois"). */
export function givesFrequency(text: string): boolean {
  return FREQUENCY.test(text);
}

/** "Against whom", in the six question languages: what is asked is the other side. */
const AGAINST_CUE = /\b(against whom|who \w+( \w+){0,6} against|contre qui|contra quien(es)?|gegen wen|contro chi|contra quem)\b/;

/** Whether a question asks against whom something is done ("contre qui se bat l'ANL"). */
export function asksAgainst(question: string): boolean {
  return AGAINST_CUE.test(cueText(question));
}

/** Whether the text right before a candidate sets it against something ("en guerre contre …"). */
export function isOpposed(before: string): boolean {
  return /\bcontre\s+(?:\S+\s+){0,3}$/i.test(before);
}

/** "Since when", in the six question languages: what is asked is where something started. */
const SINCE_CUE = /\b(since when|since what year|depuis quand|depuis quelle annee|desde cuando|seit wann|da quando|desde quando)\b/;
/** A date the article gives as a starting point ("depuis 2011", "Depuis trois ans"). */
const SINCE_DATE = /^(?:[Dd]epuis|[Dd]ès)\s/;

/** Whether a question asks since when something holds ("since when has the embargo been in place"). */
export function asksSince(question: string): boolean {
  return SINCE_CUE.test(cueText(question));
}

/** Whether a date candidate's text gives a starting point ("depuis 2011"). */
export function isStartingPoint(text: string): boolean {
  return SINCE_DATE.test(text);
}

/**
 * "Did the UN finally lift the embargo", "l'ONU a-t-elle finalement levé …", "¿se levantó
 * finalmente …?", "did the UN agree to lift …", "a Rússia aceitou …": the question asks whether
 * something came about in the end (folded cues, six languages; not French "accepte", which asks
 * what holds: "l'ANL accepte-t-elle l'autorité du GNA"). With a modal ("could Russia end up
 * treating more") it asks what may happen. Agreeing, measured on all own sets: 1 more trap
 * declined, no answer changed.
 */
const OUTCOME_CUE = /\b(finally|eventually|ultimately|in the end|end(ed|s)? up|finalement|au final|en fin de compte|finalmente|al final|por fin|schliesslich|endlich|letztendlich|am ende|alla fine|infine|afinal|por fim|no fim|agreed?|agrees|acepto|aceptaron|accedio|accettato|acconsentito|aceitou|aceitaram|concordou|concordaram|zugestimmt|stimmte)\b/;
const MODAL = /\b(could|might|may|would|will|pourrait|pourraient|pourra|pourront|podria|podrian|podra|podran|konnte|konnten|koennte|wird|werden|potrebbe|potrebbero|potra|potranno|poderia|poderiam|podera|poderao)\b/;

/** Whether a question asks whether something came about in the end (see OUTCOME_CUE). */
export function asksOutcome(question: string): boolean {
  const text = cueText(question);
  return OUTCOME_CUE.test(text) && !MODAL.test(text);
}

/**
 * Where French text states a purpose rather than a fact: "pour" or "afin de" before an
 * infinitive, up to the clause's end ("il y avait sollicité l'aide de la Russie pour lever
 * l'embargo": the embargo was not lifted by that sentence).
 */
const PURPOSE = /(?<!\p{L})(?:pour|afin\s+d[e’'])\s*(?:(?:ne\s+pas|ne\s+plus|se|s[’']|l[ea]?[’']?|les|leur|lui|y|en)\s*)?\p{L}+(?:er|ir|re|oir)(?!\p{L})[^.;:!?,]*/giu;

/** The spans of a French text that state a purpose (see PURPOSE). */
export function purposeClauses(text: string): { start: number; end: number }[] {
  return [...text.matchAll(PURPOSE)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

/**
 * Ordinals a question may ask about ("the first visit", "la primera visita", "der erste
 * Besuch"), folded, by rank; and how French writes each rank. Left out: forms that are another
 * word too (Italian "prima", before; "secondo" and "segundo", according to or a second of time),
 * "last" (last year is a date), and idioms ("in the first place", "first of all").
 */
const ORDINALS: readonly (readonly [rank: number, words: string])[] = [
  [1, 'first premier premiere premiers premieres primer primero primera primeros primeras erste erster ersten erstes erstem primo primi primeiro primeira primeiros primeiras'],
  [2, 'second deuxieme deuxiemes seconde segunda segundas zweite zweiter zweiten zweites zweitem seconda'],
  [3, 'third troisieme troisiemes tercer tercero tercera dritte dritter dritten drittes terzo terza terceiro terceira'],
];
const FRENCH_ORDINALS: Record<number, readonly string[]> = { 1: ['premier', 'premiere', 'premiers', 'premieres'], 2: ['deuxieme', 'deuxiemes', 'second', 'seconde', 'seconds', 'secondes'], 3: ['troisieme', 'troisiemes'] };
const ORDINAL_IDIOMS = /\b(in the first place|first of all|at first|for the first time|en premier lieu|au premier abord|en primer lugar|in primo luogo|em primeiro lugar|zum ersten mal)\b/;
const ORDINAL_RANKS = new Map(ORDINALS.flatMap(([rank, list]) => list.split(' ').map((word) => [word, rank] as const)));

/**
 * The French words of the rank a question asks about ("the first visit": premier, première …),
 * folded; null when it asks about none. A text writes a rank in few ways, so a paragraph
 * without any of them does not say which one.
 */
export function askedOrdinal(question: string): readonly string[] | null {
  const text = cueText(question);
  if (ORDINAL_IDIOMS.test(text)) return null;
  const rank = text.split(' ').map((word) => ORDINAL_RANKS.get(word)).find((found) => found !== undefined);
  return rank === undefined ? null : FRENCH_ORDINALS[rank]!;
}

/** How precise a date a question asks for: a day ("which day of the week", "quel jour"), a month or a year. */
export type DateGranularity = 'day' | 'month' | 'year';

/** The date nouns after "which", "what", "on what" … in the six question languages, folded. */
const GRANULARITY_CUES: readonly (readonly [DateGranularity, RegExp])[] = [
  ['day', /\b(which|what|on what|on which) (day|weekday)\b|\bday of the week\b|\bquel jour\b|\b(que|cual|en que) dia\b|\ban welchem (wochen)?tag\b|\bwelche[mnr]? (wochen)?tag\b|\b(che|quale|in che|in quale) giorno\b|\b(que|qual|em que) dia\b|\b(exact|precise) date\b|\bdate (exacte|precise)\b|\bfecha (exacta|precisa)\b|\bgenaue[mns]? datum\b|\bdata (esatta|precisa|exata)\b/],
  ['month', /\b(which|what|in what|in which) month\b|\b(quel|en quel) mois\b|\b(que|cual|en que) mes\b|\b(in )?welchem monat\b|\b(che|quale|in che|in quale) mese\b|\b(que|qual|em que) mes\b/],
  ['year', /\b(which|what|in what|in which) year\b|\b(quelle|en quelle|depuis quelle) annee\b|\b(que|cual|en que|desde que) ano\b|\b(in )?welchem jahr\b|\b(che|quale|in che|in quale|da che) anno\b|\b(que|qual|em que|desde que) ano\b/],
];

/** How precise a date a question asks for (see GRANULARITY_CUES); null when it does not say ("when"). */
export function dateGranularity(question: string): DateGranularity | null {
  const text = cueText(question);
  return GRANULARITY_CUES.find(([, cue]) => cue.test(text))?.[0] ?? null;
}

/** Whether a date candidate's text is as precise as asked: a weekday or a day of a month; a month; a year. */
export function hasGranularity(text: string, granularity: DateGranularity): boolean {
  return PRECISION[granularity].test(text);
}

/** The noun "name" in each question language, folded. */
const NAME_NOUNS = wordSetsByLanguage({ en: 'name names', fr: 'nom noms', es: 'nombre nombres', de: 'name namen', it: 'nome nomi', pt: 'nome nomes' });

/** Whether a folded word is the noun "name" in a language ("nombre" in Spanish, not in French). */
export function isNameNoun(word: string, language: Language): boolean {
  return NAME_NOUNS[language.code]?.has(word) ?? false;
}

export interface Candidate {
  readonly type: AnswerType;
  readonly start: number;
  readonly end: number;
}

const MONTHS = 'janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre';
const WEEKDAYS = 'lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche';
/** What a French date must write to be as precise as asked (see hasGranularity). */
const PRECISION: Record<DateGranularity, RegExp> = {
  day: new RegExp(String.raw`(?:${WEEKDAYS})|\d{1,2}(?:er)?\s(?:${MONTHS})`, 'i'),
  month: new RegExp(String.raw`(?:${MONTHS})`, 'i'),
  year: /\d{4}/,
};
const NUMBER_WORDS = 'deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|quarante|cinquante|soixante|cent|cents|mille|million|millions|milliard|milliards|dizaine|dizaines|centaine|centaines|millier|milliers';
/** "deux fois", "à trois reprises", "une fois": how many times (see givesFrequency). */
const FREQUENCY = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:\d+|une|${NUMBER_WORDS})\s(?:fois|reprises)(?![\p{L}])`, 'iu');
const NUMBER = String.raw`\d{1,3}(?:[\s\u00a0\u202f]\d{3})+|\d+(?:[.,]\d+)?`;
const DURATION_UNITS = 'ans|années|mois|semaines|jours|heures|minutes|décennies|siècles';
const UNITS = 'km|kilomètres|kilometres|mètres|metres|m|miles|milles';
const SIZE_UNITS = 'tonnes|t|kg|kilos|pieds|m²|km²|hectares|ha|centimètres|cm';
/** Currencies as French news writes them; "livres" alone is books too. */
const CURRENCIES = 'euros?|dollars?|roubles?|dinars?|livres?\\ssterling|francs?|yuans?|€|\\$|£';
const FUNCTION = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'à', 'au', 'aux', 'en', 'et', 'ou', 'par', 'pour', 'sur', 'dans', 'vers', 'avec', 'sans', 'qui', 'que', 'a', 'est', 'sont', 'se', 's', 'l', 'd']);

/**
 * Letters of the Latin script, spelt out: Unicode property classes (\p{L}) with the u flag make
 * these patterns take milliseconds to compile, on the first question of every CLI run.
 */
const UPPER = 'A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ';
const LOWER = 'a-zß-öø-ÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįıĳĵķĸĺļľŀłńņňŉŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżž';
const LETTER = `${UPPER}${LOWER}`;

/** A direction that names a region ("l'est", "le sud"): see `isRegion`. */
const REGION = new RegExp(String.raw`(?<![${LETTER}])(?:l’|l'|le\s)(?:est|ouest|nord|sud|centre|nord-est|nord-ouest|sud-est|sud-ouest)(?![${LETTER}-])`);

/**
 * Whether a place candidate is a region named by its direction ("l'est de la Libye"): the
 * direction is what it tells, and the place it is part of may well be the question's own.
 */
export function isRegion(candidate: string): boolean {
  return REGION.exec(candidate)?.index === 0;
}

const PATTERNS: [AnswerType, RegExp][] = [
  // Reported speech: a verb that reports it ("a indiqué", "a ajouté", "déclare") or a quotation.
  ['statement', new RegExp(String.raw`(?<![${LETTER}])(?:(?:indiqu|ajout|déclar|affirm|annonc|expliqu|soulign|répond|réag|rapport)(?:é|ée|és|ées|e|es|ent|ait|aient|era|eront)|dit|disent|dirent|«[^»]+»)(?![${LETTER}])`, 'g')],
  // An organisation a text names by its acronym: AFP, ONU, OTAN (two to six capitals).
  ['organisation', /(?<![\p{L}\p{N}])\p{Lu}{2,6}(?![\p{L}\p{N}])/gu],
  // An age as news gives it: "Khalifa Haftar, 73 ans,", "(73 ans)", "âgé de 73 ans", "né en 1943".
  ['age', new RegExp(String.raw`(?:(?<=[,(]\s?)\d{1,3}\sans|(?:âgée?s?\sde|à\sl[’']âge\sde)\s(?:\d{1,3}|${NUMBER_WORDS})\sans|(?<![${LETTER}])née?s?\s(?:en|le)\s(?:\d{1,2}(?:er)?\s(?:${MONTHS})\s)?\d{4})(?![${LETTER}0-9])`, 'g')],
  // "500 euros", "1,5 million de dollars", "deux milliards d’euros", "300 €", "$ 40".
  ['money', new RegExp(String.raw`(?<![${LETTER}0-9])(?:(?:${NUMBER}|${NUMBER_WORDS}|un|une)\s?(?:(?:millions?|milliards?)\s)?(?:d[’']|de\s)?(?:${CURRENCIES})|(?:€|\$|£)\s?(?:${NUMBER}))(?![${LETTER}])`, 'g')],
  ['distance', new RegExp(String.raw`(?:${NUMBER}|${NUMBER_WORDS})\s?(?:${UNITS})\b`, 'g')],
  // A measure of a thing: "305 mètres", "58 000 tonnes", "70 m de haut".
  ['size', new RegExp(String.raw`(?:${NUMBER}|${NUMBER_WORDS})\s?(?:${UNITS}|${SIZE_UNITS})\b`, 'g')],
  // Without the i and u flags these compile several times faster; the capitals that occur (a
  // sentence's first word) are spelt out.
  ['date', new RegExp(String.raw`(?<![\wÀ-ÿ])(?:(?:[Ll]e\s)?\d{1,2}(?:er)?\s(?:${MONTHS})(?:\s\d{4})?|(?:${MONTHS})(?:\s\d{4})?|(?:${WEEKDAYS})|(?:[Ee]n|[Dd]epuis|[Dd]ès|[Jj]usqu’en|[Jj]usqu'en)\s\d{4}|\d{4}|[Dd]epuis\s(?:${NUMBER_WORDS}|\d+)\s(?:ans|mois|semaines|jours|années))(?![\wÀ-ÿ])`, 'g')],
  // How long something lasts or has lasted: "depuis trois ans", "depuis 2011", "depuis la chute de
  // Moummar Kadhafi" (the event it started with), "pendant deux semaines", "trois mois".
  ['duration', new RegExp(String.raw`(?<![\wÀ-ÿ])(?:(?:[Dd]epuis|[Pp]endant|[Dd]urant)\s(?:(?:${NUMBER}|${NUMBER_WORDS}|un|une|quelques|plusieurs)\s(?:${DURATION_UNITS})|\d{4}|(?:la\s|le\s|les\s|l’|l')[${LETTER}-]+(?:\s(?:de|du|des|d’|d')\s?(?:la\s|le\s|les\s|l’|l')?[${LETTER}-]+(?:\s[${UPPER}][${LETTER}-]+)*)?)|(?:${NUMBER}|${NUMBER_WORDS})\s(?:${DURATION_UNITS}))(?![\wÀ-ÿ])`, 'g')],
  ['number', new RegExp(String.raw`(?<![${LETTER}0-9])(?:${NUMBER}|(?:${NUMBER_WORDS}))(?![${LETTER}0-9])`, 'gi')],
  // Two or more capitalised words in a row (Khalifa Haftar, Fayez al-Sarraj): a person's full name.
  ['person', new RegExp(String.raw`(?<![${LETTER}])[${UPPER}][${LETTER}’'-]+(?:\s(?:(?:al|el|de|du|von|van|ben|ibn)-?\s?)?[${UPPER}][${LETTER}’'-]+)+`, 'g')],
  // A capitalised word after a preposition of place (basé à Tripoli, vers la Russie); not after
  // "de", which introduces names of every kind (l'Armée nationale, le ministre de la Défense).
  ['place', new RegExp(String.raw`(?<=(?<![${LETTER}])(?:à|au|vers|dans|en)\s(?:la\s|le\s|l’|l')?)[${UPPER}][${LOWER}’'-]+(?:[\s-][${UPPER}][${LOWER}]+)*`, 'g')],
  // A region named by its direction: "dans l'est de la Libye", "l'est libyen", "le sud du pays".
  ['place', new RegExp(String.raw`${REGION.source}\s(?:(?:de\s(?:la\s|l’|l')?|du\s|des\s)[${LETTER}-]+|(?!de\s)[${LOWER}]+)`, 'g')],
];

/** Whether a four-digit number reads as a year (it is then a date, not a count). */
function isYear(text: string): boolean {
  return /^(1[5-9]|20)\d{2}$/.test(text);
}

const NEXT_WORD = new RegExp(String.raw`^\s+([${LETTER}’'-]+)`);
const CAPITALISED = new RegExp(`^[${UPPER}]`);

/** A count reads better with the noun it counts: "500 blessés supplémentaires", "deux reprises". */
function extendCount(text: string, end: number): number {
  let position = end;
  let taken = 0;
  while (taken < 2) {
    const match = NEXT_WORD.exec(text.slice(position));
    if (!match || FUNCTION.has(match[1]!.toLowerCase()) || CAPITALISED.test(match[1]!)) break;
    position += match[0].length;
    taken++;
  }
  return position;
}

/** Candidates already found, per type and text: the same sentences are read again for every question. Bounded. */
const foundCandidates = new Map<string, readonly Candidate[]>();
const MAX_FOUND = 2000;

/** Candidates of one answer type inside `text`, in text order, without overlaps. */
export function candidates(text: string, type: AnswerType): readonly Candidate[] {
  const key = `${type}\u0000${text}`;
  let found = foundCandidates.get(key);
  if (!found) {
    if (foundCandidates.size >= MAX_FOUND) foundCandidates.clear();
    foundCandidates.set(key, (found = findCandidates(text, type)));
  }
  return found;
}

/** Types whose candidates a bare count may not overlap ("500 euros", "1 000 km", "2016"): read first when counts are asked for. */
const CLAIMED_BEFORE_COUNTS: ReadonlySet<AnswerType> = new Set(['distance', 'date', 'money']);

function findCandidates(text: string, type: AnswerType): Candidate[] {
  const found: Candidate[] = [];
  const taken = (start: number, end: number): boolean => found.some((c) => start < c.end && end > c.start);
  // Amounts, distances and dates are found first so that "500 euros", "1 000 km" or "2016" is not also a bare count;
  // other types need only their own pattern.
  const claimed: { start: number; end: number }[] = [];
  for (const [patternType, pattern] of PATTERNS) {
    if (patternType !== type && !(type === 'number' && CLAIMED_BEFORE_COUNTS.has(patternType))) continue;
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      let end = start + match[0].length;
      const overlapsClaimed = claimed.some((c) => start < c.end && end > c.start);
      if (patternType === 'number' && (overlapsClaimed || isYear(match[0]))) continue;
      if (CLAIMED_BEFORE_COUNTS.has(patternType)) claimed.push({ start, end });
      if (patternType !== type) continue;
      if (type === 'number') end = extendCount(text, end);
      if (!taken(start, end)) found.push({ type, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
