import { describe, expect, it } from 'vitest';
import { languageByCode } from '../src/text/languages.js';
import { fold, words } from '../src/text/normalize.js';
import { stem } from '../src/text/stem.js';
import { contentTokens, contentWordsOf, isContentWord, isLightVerb, misspeltFunctionWord, misspeltQuestionWord } from '../src/text/stopwords.js';
import { jaroWinkler, wordSimilarity } from '../src/text/fuzzy.js';
import { cleanQuestion, QuestionError } from '../src/text/question.js';
import { numbersAsDigits } from '../src/text/numbers.js';
import { withoutFormulas } from '../src/text/politeness.js';
import { seasonMonths, withYearsNamed } from '../src/text/calendar.js';
import { functionWordLeaders, writtenForms, writtenIn } from '../src/search/language-id.js';
import { lexicalEngine } from './helpers/engine.js';

const fr = languageByCode('fr')!;
const en = languageByCode('en')!;


/** Asserts that each word of each language's space-separated list is no content word. */
function expectFunctionWords(lists: Record<string, string>): void {
  for (const [code, list] of Object.entries(lists)) for (const word of list.split(' ')) expect(isContentWord(word, languageByCode(code)!), `${code} ${word}`).toBe(false);
}
describe('normalisation', () => {
  it('folds case, accents, ligatures and both apostrophes', () => {
    expect(fold('L’État RUSSE, l\'ANL, Choïgou, œuvre')).toBe("l'etat russe, l'anl, choigou, oeuvre");
  });
  it('joins digit groups written with spaces, no-break spaces or commas', () => {
    expect(words('à 1 000 km, 1\u202f000 000 euros, 1,000 people, 2016')).toEqual(['a', '1000', 'km', '1000000', 'euros', '1000', 'people', '2016']);
  });
  it('splits elisions and hyphenated words, drops zero-width characters', () => {
    expect(words('s’est l\'aide porte-avions vid\u200béo')).toEqual(['s', 'est', 'l', 'aide', 'porte', 'avions', 'video']);
  });
});

describe('stemming and stop words', () => {
  it('conflates inflections in French and English, never touches numbers', () => {
    expect(stem('blesses', fr)).toBe(stem('blesse', fr));
    expect(stem('russie', fr)).toBe(stem('russe', fr));
    expect(stem('wounded', en)).toBe(stem('wound', en));
    expect(stem('500', fr)).toBe('500');
  });
  it('keeps French words that do not inflect whole, so that they meet no verb or noun of the same stem', () => {
    expect(stem('contre', fr)).not.toBe(stem('contrer', fr));
    expect(stem('contre', fr)).not.toBe(stem('contree', fr));
    expect(stem('devant', fr)).not.toBe(stem('devait', fr));
    expect(stem('durant', fr)).not.toBe(stem('durer', fr));
    expect(stem('vers', fr)).not.toBe(stem('ver', fr));
    // Words that do inflect are stemmed as before.
    expect(stem('contrer', fr)).toBe(stem('contree', fr));
    expect(stem('durer', fr)).toBe(stem('dure', fr));
  });
  it('treats function and question words as stop words, numbers as content', () => {
    expect(isContentWord('combien', fr)).toBe(false);
    expect(isContentWord('les', fr)).toBe(false);
    expect(isContentWord('l', fr)).toBe(false);
    expect(isContentWord('how', en)).toBe(false);
    expect(isContentWord('wounded', en)).toBe(true);
    expect(isContentWord('500', fr)).toBe(true);
  });
  it('treats "other" as a function word in every language: "combien d\'autres blessés" asks about the wounded', () => {
    const others = { en: 'other others', fr: 'autre autres', es: 'otro otra otros otras', de: 'andere anderen', it: 'altro altra altri altre', pt: 'outro outra outros outras' };
    expectFunctionWords(others);
  });
  it('reads a stop word after an article as the noun it spells (l\'est, the US)', () => {
    expect(contentTokens(words("Les troupes basées dans l'est se disputent le pouvoir"), fr)).toEqual(['troupes', 'basees', 'est', 'disputent', 'pouvoir']);
    expect(contentTokens(words('Il est parti et peut revenir'), fr)).toEqual(['parti', 'revenir']);
    expect(contentTokens(words('Who backs the US and the UN?'), en)).toEqual(['backs', 'us', 'un']);
    expect(contentTokens(words('Who backs us?'), en)).toEqual(['backs']);
  });
  it('does not read comparatives, "o que" or filler after an article as nouns', () => {
    expect(contentTokens(words('What is the most important city?'), en)).toEqual(['important', 'city']);
    expect(contentTokens(words('O que Haftar pediu?'), languageByCode('pt')!)).toEqual(['haftar', 'pediu']);
    expect(contentTokens(words('hola! una pregunta rápida: ¿quién es el portavoz?'), languageByCode('es')!)).toEqual(['portavoz']);
  });
  it('reads a stop word hyphenated to a content word as part of the compound (porte-avions, sud-est)', () => {
    expect(contentWordsOf("le porte-avions, des avions, nous avions vu le sud-est, peut-être, a-t-il", fr)).toEqual(['porte', 'avions', 'avions', 'vu', 'sud', 'est']);
  });
  it('does not read a pronoun hyphenated to its verb as a noun (tiennent-ils, deu-lhe)', () => {
    expect(contentWordsOf('Les soldats tiennent-ils la ville ? Que soignera-t-elle ?', fr)).toEqual(['soldats', 'tiennent', 'ville', 'soignera']);
    expect(contentWordsOf('Quem deu-lhe ajuda?', languageByCode('pt')!)).toEqual(['deu', 'ajuda']);
    // "elles" is missing from the stopword package's French list: "sont" then read as the noun of a compound.
    expect(contentWordsOf('Quand sont-elles parties ?', fr)).toEqual(['parties']);
  });
  it('treats words that hedge a count as function words, but not the article\'s own "près"', () => {
    const hedges = { en: 'roughly approximately around nearly', fr: 'environ presque', es: 'aproximadamente casi', de: 'ungefahr circa', it: 'circa quasi', pt: 'aproximadamente quase' };
    expectFunctionWords(hedges);
    expect(isContentWord('pres', fr)).toBe(true);
  });
  it('treats negation, "even" and chat slang as function words ("or not", "quick one", "bruh … or nah")', () => {
    const filler = { en: 'not even bruh nah one', fr: 'ptdr wesh peu bete histoire', es: 'jaja porfa historia', de: 'sogar geschichte', it: 'boh allora storia', pt: 'mano kkk historia' };
    expectFunctionWords(filler);
  });
  it('treats Portuguese contractions of a preposition and a demonstrative, and chat\'s "tho", "literally", "gibts", "rien", as function words', () => {
    expectFunctionWords({ pt: 'desses nesta neste disso', en: 'tho though literally', de: 'gibts', fr: 'rien', es: 'algo vi' });
    // Learning a language, like reading, is how the question came, not what it asks about.
    expectFunctionWords({ en: 'learning', fr: 'apprends', es: 'aprendiendo leo', de: 'lerne', it: 'imparando', pt: 'aprendendo' });
  });
  it('treats adverbs of the moment and modal verbs as function words, but not "still" or "yet", which the article writes', () => {
    const now = { en: 'today currently ngl', es: 'hoy ahora', it: 'oggi gia adesso', pt: 'hoje agora', de: 'derzeit' };
    expectFunctionWords(now);
    for (const [code, word] of [['en', 'yet'], ['fr', 'toujours'], ['it', 'ancora'], ['pt', 'ainda']] as const) expect(isContentWord(word, languageByCode(code)!), `${code} ${word}`).toBe(true);
    const modals = { fr: 'dois peux', es: 'puedes debe', it: 'puoi devo', pt: 'pode devo', de: 'muss', en: 'must' };
    for (const [code, list] of Object.entries(modals)) for (const word of list.split(' ')) expect(isLightVerb(word, languageByCode(code)!), `${code} ${word}`).toBe(true);
  });
  it('treats the personal pronouns the stopword lists miss as function words', () => {
    const pronouns = { en: 'she themselves itself', fr: 'elles dont', es: 'ellos ellas nosotros usted', it: 'egli essa', pt: 'mim' };
    expectFunctionWords(pronouns);
  });
  it('takes a one-letter typo of a long function word for that word, never a word the language knows', () => {
    const known = (token: string) => ['according', 'cording'].includes(token);
    expect(misspeltFunctionWord('accordign', en, known)).toBe('according');
    expect(misspeltFunctionWord('wounded', en, known)).toBeNull();
    expect(misspeltFunctionWord('cording', en, known)).toBeNull();
    expect(misspeltFunctionWord('garzie', languageByCode('it')!, () => false)).toBe('grazie');
    expect(misspeltFunctionWord('cauntas', languageByCode('es')!, () => false)).toBe('cuantas');
    expect(misspeltFunctionWord('dstance', en, () => false, ['distance'])).toBe('distance');
  });
  it('takes a two-letter typo of a long question word or type noun for that word, but of no other function word', () => {
    expect(misspeltFunctionWord('cobmin', fr, () => false)).toBe('combien');
    expect(misspeltFunctionWord('qunats', languageByCode('pt')!, () => false)).toBe('quantos');
    expect(misspeltFunctionWord('ditsane', fr, () => false, ['distance'])).toBe('distance');
    // Two letters off a function word that asks nothing ("saranno"), a name is still a name.
    expect(misspeltFunctionWord('sanermo', languageByCode('it')!, () => false)).toBeNull();
    // Short question words keep one edit: "qunat" is two from "quanto".
    expect(misspeltFunctionWord('qunat', languageByCode('it')!, () => false)).toBeNull();
  });
  it('detects the language of short questions from function words', () => {
    const leaders = (question: string) => functionWordLeaders(words(question)).map((l) => l.code);
    expect(leaders('How many wounded will Russia treat?')).toEqual(['en']);
    expect(leaders('Combien de blessés la Russie va-t-elle soigner ?')).toEqual(['fr']);
    expect(leaders('Wie viele Verwundete wird Russland behandeln?')).toEqual(['de']);
    expect(leaders('Haftar Benghazi')).toEqual([]);
    // As many function words of two languages ("us" English, "un" French): a tie, which decides nothing.
    expect(leaders('gna backers europe us un').length).toBeGreaterThan(1);
    // A function word counts once: the two "s" of "What's Libya's" do not outvote "what".
    expect(leaders("What's Libya's second largest city?")).toContain('en');
    // A misspelt question word still says the language ("quadno": Portuguese "quando", not Spanish).
    expect(leaders('Desde quadno a Líbia vive em caos?')).toEqual(['pt']);
    expect(leaders('Desde quando a Líbia vive em caos?')).toEqual(['pt']);
    // … but not a word one letter off filler or a light verb ("porta" is no "sorta").
    expect(misspeltQuestionWord('quadno', languageByCode('pt')!)).toBe('quando');
    expect(misspeltQuestionWord('porta', en)).toBeNull();
  });
  it('reads accents and inverted marks as the question writes them: "allé" is no Italian "alle", "¿" is Spanish', () => {
    const leaders = (question: string) => functionWordLeaders(words(question), undefined, question).map((l) => l.code);
    // Folded, "le … il … alle … a … l" is as Italian as French; as written, "allé" and "à" are not Italian.
    expect(functionWordLeaders(words("le maréchal est-il allé à Moscou l'an dernier ?")).map((l) => l.code)).toContain('it');
    expect(leaders("le maréchal est-il allé à Moscou l'an dernier ?")).toEqual(['fr']);
    // "que", "las" / "que", "entre": a tie between Spanish and Portuguese, which the "¿" breaks.
    expect(leaders('¿Qué posición ocupa Bengasi entre las ciudades libias?')).toEqual(['es']);
    // An accent the language writes is still its function word ("à" in French).
    expect(leaders('Combien de blessés iront à Moscou ?')).toEqual(['fr']);
  });

  it('reads a tie of function words by the words each tied language knows', async () => {
    const engine = await lexicalEngine();
    // "pq", "a", "o": as Spanish as Portuguese; "ajuda" is Portuguese.
    expect(await engine.ask('pq a rússia ajuda o haftar?')).toMatchObject({ language: 'pt', answered: true });
    expect(await engine.ask("What's Libya's second largest city?")).toMatchObject({ language: 'en', answered: true, paragraph: 7 });
    // The subheading's words are the article's: "visites" is French, as the article writes it.
    expect(await engine.ask('haftar moscou visites')).toMatchObject({ language: 'fr', answered: true });
    // An acronym is no function word: "UN" is not the French "un".
    expect(await engine.ask('embargo weapons UN')).toMatchObject({ language: 'en', answered: true, paragraph: 6 });
    expect(await engine.ask('HOW MANY WOUNDED WILL RUSSIA TREAT')).toMatchObject({ language: 'en', paragraph: 4 });
    // One function word shared by French, Spanish and Italian ("un", in lower case) among English words is no lead.
    expect(await engine.ask('gna international suport un europeans americans')).toMatchObject({ language: 'en' });
  });
});

describe('spelling similarity for names and cognates', () => {
  it.each([
    ['moscow', 'moscou'],
    ['kuznetsov', 'kouznetsov'],
    ['shoigu', 'choigou'],
    ['gaddafi', 'kadhafi'],
    ['troops', 'troupes'],
    ['libya', 'libye'],
    ['controversial', 'controverse'],
  ])('%s ≈ %s', (a, b) => {
    expect(wordSimilarity(a, b)).toBeGreaterThanOrEqual(0.88);
  });
  it.each([
    ['wounded', 'voire'],
    ['capital', 'chaos'],
    ['weapons', 'apportee'],
    ['care', 'cadre'],
    ['population', 'pouvoir'],
  ])('%s is not %s', (a, b) => {
    expect(wordSimilarity(a, b)).toBeLessThan(0.88);
  });
  it('takes a hard g for a k, as transliterations do', () => {
    expect(wordSimilarity('gaddafi', 'kadhafi')).toBeGreaterThanOrEqual(0.95);
    expect(wordSimilarity('gaza', 'kaza')).toBeGreaterThanOrEqual(0.95);
    expect(wordSimilarity('genre', 'kenre')).toBeLessThan(0.95);
  });
  it('computes Jaro–Winkler on textbook pairs', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });
});

describe('question cleaning', () => {
  it('keeps words and drops mentions, markdown, code fences and invisible characters', () => {
    expect(cleanQuestion('<@123> @everyone **How many** `wounded`\u200b will <@&456> Russia treat? <:flag:789>')).toBe(
      'How many wounded will Russia treat? flag',
    );
    expect(cleanQuestion('```\nwho is Haftar?\n```')).toBe('who is Haftar?');
  });
  it.each([
    ['', /empty/],
    ['   \n\t ', /empty/],
    ['\u0001\u0002\u0003', /no readable text/],
    ['<@123> @here', /no readable text/],
    ['😀😀😀', /no words/],
    ['x'.repeat(501), /too long \(501 characters; at most 500\)/],
  ])('rejects %j with a clear message', (raw, message) => {
    expect(() => cleanQuestion(raw)).toThrowError(QuestionError);
    expect(() => cleanQuestion(raw)).toThrowError(message);
  });
});

describe('letters of a language', () => {
  it('say which languages a word as written may belong to', () => {
    const code = (word: string) => ['fr', 'en', 'de', 'es', 'it', 'pt'].filter((c) => writtenIn(word, languageByCode(c)!));
    expect(code('siège')).toEqual(['fr', 'it']);
    expect(code('aviões')).toEqual(['pt']);
    expect(code('größe')).toEqual(['de']);
    expect(code('año')).toEqual(['es']);
    expect(code('embargo')).toEqual(['fr', 'en', 'de', 'es', 'it', 'pt']);
    expect(writtenForms('Siège du GNA, siege')).toEqual(new Map([['siege', 'siège'], ['du', 'du'], ['gna', 'gna']]));
  });
});

describe('formulas of politeness and relating locutions', () => {
  const plain = (code: string, text: string): string => withoutFormulas(text, languageByCode(code)!).replace(/\s+/g, ' ').trim();
  /** Each case: a language, a text, and the text without its formulas, spaces collapsed. */
  const expectPlain = (cases: readonly (readonly [code: string, text: string, left: string])[]): void => {
    for (const [code, text, left] of cases) expect(plain(code, text), text).toBe(left);
  };

  it('are taken out whole, with the words that go with thanks before and after, in six languages', () => {
    expectPlain([
      ['en', 'how many wounded? thanks a lot in advance', 'how many wounded?'],
      ['en', 'Many thanks, who leads the LNA?', ', who leads the LNA?'],
      ['fr', 'Merci d’avance : combien de blessés ? merci beaucoup', ': combien de blessés ?'],
      ['es', '¿cuántos heridos? muchísimas gracias de antemano', '¿cuántos heridos?'],
      ['de', 'Wie viele Verwundete? Vielen Dank im Voraus!', 'Wie viele Verwundete? !'],
      ['it', 'quanti feriti? grazie mille', 'quanti feriti?'],
      ['pt', 'quantos feridos? muito obrigado mesmo', 'quantos feridos?'],
    ]);
  });

  it('take greetings out with whom they greet, times of day only in their phrase', () => {
    expectPlain([
      ['pt', 'Oi gente, quem é Mohamad Ghanim?', ', quem é Mohamad Ghanim?'],
      ['fr', 'Salut tout le monde ! qui dirige le GNA ?', '! qui dirige le GNA ?'],
      ['de', 'Guten Morgen zusammen, was passiert morgen?', ', was passiert morgen?'],
      ['es', 'Buenas tardes a todos: ¿llegan tarde los heridos?', ': ¿llegan tarde los heridos?'],
    ]);
  });

  it('take out asking whether the answer is sure, apostrophes included', () => {
    expectPlain([
      ['en', 'who leads the GNA are you sure', 'who leads the GNA'],
      ['fr', "qui dirige le GNA ? t'es sûr ?", 'qui dirige le GNA ? ?'],
      ['pt', 'quem lidera o GNA? tem certeza?', 'quem lidera o GNA? ?'],
      ['es', 'el seguro médico de los heridos', 'el seguro médico de los heridos'],
    ]);
  });

  it('take out locutions that only relate what is asked, not those that add or name a place', () => {
    expectPlain([
      ['fr', "combien de visites au cours de l'année 2016 ?", "combien de visites l'année 2016 ?"],
      ['fr', 'où est Benghazi par rapport à Tripoli', 'où est Benghazi Tripoli'],
      ['pt', 'Onde fica Bengasi em relação a Trípoli?', 'Onde fica Bengasi Trípoli?'],
      ['it', 'quante visite nel corso del 2016', 'quante visite 2016'],
      ['de', 'wie viele Besuche im Laufe des Jahres', 'wie viele Besuche Jahres'],
      ['en', 'how many more in addition to the first group, on board the carrier', 'how many more in addition to the first group, on board the carrier'],
      ['fr', 'le cours du pétrole, le niveau de la mer', 'le cours du pétrole, le niveau de la mer'],
    ]);
  });

  it('leave the same words alone elsewhere: a thousand soldiers, a lot of wounded, Thanksgiving', () => {
    expectPlain([
      ['it', 'mille soldati, molte grazie', 'mille soldati,'],
      ['en', 'a lot of wounded on Thanksgiving', 'a lot of wounded on Thanksgiving'],
      ['fr', 'beaucoup de blessés, bien avant', 'beaucoup de blessés, bien avant'],
    ]);
  });
});

describe('seasons', () => {
  it('are their months as the corpus language names them, in six languages, and no other word is', () => {
    const fr = languageByCode('fr')!;
    expect(seasonMonths('automne', fr, fr)).toEqual(['septembre', 'octobre', 'novembre']);
    expect(seasonMonths('herbst', languageByCode('de')!, fr)).toEqual(['septembre', 'octobre', 'novembre']);
    expect(seasonMonths('winter', en, fr)).toEqual(['decembre', 'janvier', 'fevrier']);
    expect(seasonMonths('verano', languageByCode('es')!, en)).toEqual(['june', 'july', 'august']);
    // "The fall of Kadhafi", "a été": not seasons.
    expect(seasonMonths('fall', en, fr)).toEqual([]);
    expect(seasonMonths('ete', fr, fr)).toEqual([]);
  });
});

describe('last year', () => {
  it('is the year before the article\'s, in six languages, and nothing else is', () => {
    const year = (code: string, text: string): string => withYearsNamed(text, languageByCode(code)!, 2017).replace(/\s+/g, ' ').trim();
    expect(year('fr', "combien de fois l'an dernier ?")).toBe('combien de fois 2016 ?');
    expect(year('fr', "l’année précédente")).toBe('2016');
    expect(year('en', 'how many trips the year before')).toBe('how many trips 2016');
    expect(year('es', 'el año pasado')).toBe('2016');
    expect(year('de', 'wie oft war er letztes Jahr dort')).toBe('wie oft war er 2016 dort');
    expect(year('it', "l'anno scorso")).toBe('2016');
    expect(year('pt', 'no ano passado')).toBe('2016');
    expect(year('fr', "l'année 2016, le dernier an")).toBe("l'année 2016, le dernier an");
    // No year to count from (articles of several years): left as typed.
    expect(withYearsNamed("l'an dernier", languageByCode('fr')!, null)).toBe("l'an dernier");
  });
});

describe('numbers written out in words', () => {
  const read = (code: string, question: string): string => numbersAsDigits(question, languageByCode(code)!);

  it('reads those above ten as digits, in six languages, compounds and approximations included', () => {
    expect(read('en', 'why were around seventy soldiers sent? five hundred and twenty wounded')).toBe('why were around 70 soldiers sent? 520 wounded');
    expect(read('fr', 'soixante-dix soldats, quatre-vingts, cinq cents blessés, une soixantaine, vingt et un')).toBe('70 soldats, 80, 500 blessés, une 60, 21');
    expect(read('es', 'setenta soldados, quinientos heridos, veinte y dos, mil kilómetros')).toBe('70 soldados, 500 heridos, 22, 1000 kilómetros');
    expect(read('pt', 'setenta militares, quinhentos feridos')).toBe('70 militares, 500 feridos');
    expect(read('it', 'una settantina di militari, cinquecento feriti, settantacinque, trentotto, duemila')).toBe('una 70 di militari, 500 feriti, 75, 38, 2000');
    expect(read('de', 'siebzig Soldaten, fünfhundert Verwundete, einundzwanzig')).toBe('70 Soldaten, 500 Verwundete, 21');
  });

  it('leaves ten and below as words, which texts spell out too, and words that only begin like numbers', () => {
    expect(read('fr', 'deux visites en trois ans')).toBe('deux visites en trois ans');
    expect(read('en', 'one of the two visits')).toBe('one of the two visits');
    expect(read('it', 'a settembre, in centro, sei sicuro')).toBe('a settembre, in centro, sei sicuro');
    expect(read('de', 'Achtung, elfmeter')).toBe('Achtung, elfmeter');
  });
});
