import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../src/answer/engine.js';
import { answerType, askedNounAt, askedOrdinal, asksDefinition, asksForName, asksFrequency, asksOutcome, asksRegion, candidates, dateGranularity, givesFrequency, hasGranularity, isTypeNoun, isUnwrittenKind, purposeClauses, typeNounOfStem, type AnswerType } from '../src/search/answer-type.js';
import { compoundParts, correctTypo, expandedAcronyms, joinSeparableParticle } from '../src/search/query.js';
import { actionNounStems, compoundOnlyStems } from '../src/search/analyze.js';
import { SortedLines } from '../src/search/sorted-lines.js';
import { stem } from '../src/text/stem.js';
import { editDistance, typoBudget } from '../src/text/fuzzy.js';
import { languageByCode } from '../src/text/languages.js';
import { words } from '../src/text/normalize.js';
import { accentedContentWords, isContentWord, isLightVerb } from '../src/text/stopwords.js';
import { lexicalRetriever, sharedLexicalEngine } from './helpers/engine.js';

const fr = languageByCode('fr')!;
const en = languageByCode('en')!;
const es = languageByCode('es')!;

describe('typos', () => {
  it('measures edits with adjacent transpositions, and stops early past the budget', () => {
    expect(editDistance('soldeirs', 'soldiers', 2)).toBe(1);
    expect(editDistance('wouned', 'wounded', 2)).toBe(1);
    expect(editDistance('rusia', 'russia', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('abc', 'xyzabc', 1)).toBe(2);
  });

  it('allows no edit in short words, one in medium, two in long ones', () => {
    expect([typoBudget(3), typoBudget(5), typoBudget(6), typoBudget(7), typoBudget(9)]).toEqual([0, 1, 1, 2, 2]);
  });

  it('corrects to the nearest candidate, breaking ties by strength then by likeness to the typed word', () => {
    expect(correctTypo('woun', ['wound', 'won', 'worn'], 'wouned')).toEqual(['wound']);
    expect(correctTypo('soldeir', ['solder', 'soldier'], 'soldeirs', (c) => (c === 'soldier' ? 1 : 0.3))).toEqual(['soldier']);
    expect(correctTypo('zzzz', ['wound'])).toEqual([]);
    expect(correctTypo('cat', ['bat'])).toEqual([]);
  });
});

describe('what an article writes only inside a compound', () => {
  it('is the second part of a hyphenated compound never written alone, with the parts before it; not a name or a word written alone too', () => {
    const texts = ['Le porte-avions russe Amiral Kouznetsov et un porte-parole.', 'Une vidéo-conférence avec al-Sarraj.', 'La parole est libre.'];
    expect([...compoundOnlyStems(texts, fr)]).toEqual([
      ['avion', ['port']],
      ['conferent', ['video']],
    ]);
  });

  it('keeps a word that reaches only the part a compound acts on under a focus match, unless the question reaches the compound', async () => {
    const retriever = await lexicalRetriever();
    const plane = (await retriever.search('Quel jour les soldats ont-ils pris l\'avion ?')).query.concepts.find((c) => c.label === 'avion')!;
    expect(plane.terms.get('avion')).toBeLessThan(0.55);
    const carrier = (await retriever.search('le porte-avion russe s\'appelle comment ?')).query.concepts.find((c) => c.label.includes('avion'))!;
    expect(carrier.terms.get('avion')).toBe(1);
  });
});

describe('nouns of an action', () => {
  it('are the stems a French corpus writes only with an ending that makes a noun of a verb, in no other language', () => {
    const forms: [string, string][] = [['commandement', 'command'], ['gouvernement', 'gouvern'], ['rapprochement', 'rapproch'], ['soutenu', 'souten'], ['soutien', 'souten'], ['ment', 'ment']];
    expect([...actionNounStems(forms, fr)]).toEqual(['command', 'gouvern', 'rapproch']);
    expect(actionNounStems(forms, en).size).toBe(0);
  });

  it('keep the verb after "who" under a focus match where the article has only the noun ("who commands": le commandement)', async () => {
    const retriever = await lexicalRetriever();
    const commands = (await retriever.search('Who commands the Libyan National Army?')).query.concepts.find((c) => c.label === 'commands')!;
    expect(commands.terms.get('command')).toBeLessThan(0.55);
    // Not a noun after "who is the": "commander" is what is asked for there.
    const leads = (await retriever.search('Who leads the Libyan National Army?')).query.concepts.find((c) => c.label === 'leads')!;
    expect(leads.terms.get('dirig')).toBe(1);
  });
});

describe('German separable verbs', () => {
  const de = languageByCode('de')!;
  const verbs = new Set(['anerkennt', 'anfuhrt']);
  const isVerb = (token: string) => verbs.has(token);

  it('joins a question-final particle back to its verb when the joined verb is known', () => {
    expect(joinSeparableParticle(['wer', 'erkennt', 'die', 'regierung', 'an'], de, isVerb)).toEqual({
      tokens: ['wer', 'anerkennt', 'die', 'regierung'],
      joined: { verb: 'anerkennt', base: 'erkennt' },
    });
  });

  it('leaves a particle that makes no known verb, and other languages, alone', () => {
    const tokens = ['wo', 'liegt', 'das', 'schiff', 'an'];
    expect(joinSeparableParticle(tokens, de, isVerb)).toEqual({ tokens, joined: null });
    expect(joinSeparableParticle(['who', 'erkennt', 'it', 'an'], languageByCode('en')!, isVerb).joined).toBeNull();
  });

  it('answers with the whole verb and still with the base verb’s sense', async () => {
    const engine = await sharedLexicalEngine();
    expect(await engine.ask('Wer erkennt die Regierung der nationalen Einheit an?')).toMatchObject({ answered: true, paragraph: 2 });
    expect(await engine.ask('Wer führt die Einheitsregierung in Tripolis an?')).toMatchObject({ answered: true, paragraph: 1 });
  });
});

describe('compounds', () => {
  const de = languageByCode('de')!;
  const it_ = languageByCode('it')!;
  const knownIn = (language: typeof de, list: string[]) => SortedLines.fromText(`${[...new Set(list.map((w) => stem(w, language)))].sort().join('\n')}\n`);
  const german = knownIn(de, ['einheit', 'regierung', 'waffen', 'embargo', 'national', 'armee', 'ein']);

  it('splits a German word no source knows into two known words, across a linking s or n', () => {
    expect(compoundParts('einheitsregierung', de, german)).toEqual(['einheits', 'regierung']);
    expect(compoundParts('waffenembargo', de, german)).toEqual(['waffen', 'embargo']);
    expect(compoundParts('nationalarmee', de, german)).toEqual(['national', 'armee']);
  });

  it('leaves known words, unsplittable words and languages that do not compound alone', () => {
    expect(compoundParts('regierung', de, german)).toBeNull();
    expect(compoundParts('einheitsxyzqwerty', de, german)).toBeNull();
    const italian = knownIn(it_, ['sett', 'antina']);
    expect(compoundParts('settantina', it_, italian)).toBeNull();
  });
});

describe('question words', () => {
  it('keeps a word whose accent makes it a content word (né), not one that stays a stop word (été, où)', () => {
    expect(isContentWord('ne', fr)).toBe(false);
    expect([...accentedContentWords('Quand Haftar est-il né ? Où a-t-il été ?', fr)]).toEqual(['ne']);
    expect([...accentedContentWords('¿Cuántos heridos?', es)]).toEqual([]);
  });

  it('reads a French "ne" with no partner after it as "né" typed without its accent', () => {
    expect([...accentedContentWords('quand haftar est-il ne', fr)]).toEqual(['ne']);
    expect(accentedContentWords('pourquoi les troupes ne controlent-elles pas Benghazi', fr).has('ne')).toBe(false);
    expect(accentedContentWords("l'ANL ne controle que l'est", fr).has('ne')).toBe(false);
  });

  it('drops conversational filler and light verbs, not the words asked about', () => {
    for (const filler of ['hey', 'quick', 'question', 'thanks', 'please']) expect(isContentWord(filler, en)).toBe(false);
    expect(isContentWord('wounded', en)).toBe(true);
    expect(isLightVerb('went', en)).toBe(true);
    expect(isLightVerb('treat', en)).toBe(false);
  });

  it('keeps the numbers and years that the German stop word list drops ("seit drei Jahren")', () => {
    const de = languageByCode('de')!;
    for (const word of ['drei', 'jahren', 'zwei']) expect(isContentWord(word, de), word).toBe(true);
    expect(isContentWord('seit', de)).toBe(false);
  });

  it('drops the forms of be, have and stay that the stop word lists leave out, not the verbs beside them', () => {
    const pt = languageByCode('pt')!;
    const es = languageByCode('es')!;
    const italian = languageByCode('it')!;
    for (const form of ['esteve', 'estiveram', 'ficou', 'teve']) expect(isLightVerb(form, pt), form).toBe(true);
    for (const form of ['estuvo', 'hubo', 'tuvo']) expect(isLightVerb(form, es), form).toBe(true);
    expect(isLightVerb('essere', italian)).toBe(true);
    expect(isLightVerb('tratar', es)).toBe(false);
    expect(isLightVerb('visitou', pt)).toBe(false);
  });
});

describe('totals', () => {
  it('reads verbs of having and words of totals, and the French ways of stating a total', async () => {
    const { isTotalWord, statesTotal } = await import('../src/search/answer-type.js');
    const de = languageByCode('de')!;
    expect(['hat', 'insgesamt'].every((w) => isTotalWord(w, de))).toBe(true);
    expect(isTotalWord('compte', fr)).toBe(true);
    // "a" is French "à" too once folded: not a verb of having here.
    expect(isTotalWord('a', fr)).toBe(false);
    expect(statesTotal("L'ANL compte quelque 25 000 hommes.")).toBe(true);
    expect(statesTotal('soit 300 morts au total')).toBe(true);
    expect(statesTotal("Près de 70 soldats de l'Armée nationale libyenne (ANL) se sont envolés ce mardi vers la Russie")).toBe(false);
  });
});

describe('how many times', () => {
  it('is asked in six languages, and answered by a count of times', () => {
    for (const question of ['How often did he go?', 'how many times did haftar travel', 'Combien de fois ?', '¿Cuántas veces viajó?', 'Wie oft reiste er?', 'Quante volte è andato?', 'Quantas vezes foi?']) {
      expect(asksFrequency(question)).toBe(true);
    }
    expect(asksFrequency('How many wounded will Russia treat?')).toBe(false);
    expect([givesFrequency('il s’est rendu à Moscou à deux reprises'), givesFrequency('trois fois'), givesFrequency('une fois'), givesFrequency('12 fois'), givesFrequency('deux autres')]).toEqual([true, true, true, true, false]);
  });
});

describe('whether something came about in the end', () => {
  it('is asked with "finally", "end up" and their kin in six languages, not with a modal', () => {
    for (const question of ['Did the UN end up lifting the embargo?', 'Was the embargo eventually lifted?', "L'ONU a-t-elle finalement levé l'embargo ?", '¿Se levantó finalmente el embargo?', 'Wurde das Embargo schließlich aufgehoben?', "L'embargo è stato alla fine revocato?", 'O embargo foi afinal levantado?']) {
      expect(asksOutcome(question), question).toBe(true);
    }
    expect(asksOutcome('Could Russia end up treating more than 500 wounded?')).toBe(false);
    expect(asksOutcome('Who asked for the embargo to be lifted?')).toBe(false);
  });

  it('is asked with whether someone agreed ("did the UN agree to lift", "a Rússia aceitou"), but not with a French "accepte", which asks what holds', () => {
    for (const question of ['Did the UN agree to lift the arms embargo?', 'A Rússia aceitou o pedido de Haftar?', 'Hat Russland zugestimmt?']) {
      expect(asksOutcome(question), question).toBe(true);
    }
    expect(asksOutcome("L'ANL accepte-t-elle l'autorité du gouvernement de Tripoli ?")).toBe(false);
  });

  it('finds where French text states a purpose, up to the clause\'s end', () => {
    const text = "Il avait sollicité l'aide de la Russie pour lever l'embargo sur les armes. Ils sont partis afin de se soigner, dit-il. Pour le reste, rien.";
    expect(purposeClauses(text).map(({ start, end }) => text.slice(start, end))).toEqual(["pour lever l'embargo sur les armes", 'afin de se soigner']);
  });
});

describe('a rank asked about', () => {
  it('is read in six languages as the French words of that rank, and not from idioms or words that are something else too', () => {
    for (const question of ['When was his first visit to Moscow?', 'la première visite', '¿la primera visita?', 'Wann war der erste Besuch?', 'il primo viaggio', 'a primeira visita']) {
      expect(askedOrdinal(question), question).toContain('premier');
    }
    expect(askedOrdinal("What is Libya's second largest city?")).toContain('deuxieme');
    expect(askedOrdinal('why did they go to Russia in the first place')).toBeNull();
    // Italian "prima" is "before", "secondo" is "according to".
    expect(askedOrdinal('cosa è successo prima della visita')).toBeNull();
    expect(askedOrdinal("secondo l'articolo")).toBeNull();
  });

  it('declines a rank no paragraph writes, and answers one the article writes', async () => {
    const engine = await sharedLexicalEngine();
    for (const question of ['¿En qué mes fue la primera visita de Haftar a Moscú en 2016?', 'Wann genau war Haftars erster Moskau-Besuch 2016?']) {
      expect((await engine.ask(question)).answered, question).toBe(false);
    }
    expect(await engine.ask("What is Libya's second largest city?")).toMatchObject({ answered: true, paragraph: 7 });
  });
});

describe('how precise a date is asked for', () => {
  it('reads "which day", "which month", "which year" in six languages, and nothing from a plain "when"', () => {
    const day = ['Which day of the week did they leave?', 'what day did the troops fly', 'Quel jour sont-ils partis ?', '¿Qué día viajaron?', 'An welchem Tag flogen sie?', 'Che giorno sono partiti?', 'Em que dia viajaram?', 'On what exact date did the trip start?', 'À quelle date exacte sont-ils partis ?', '¿En qué fecha exacta?', 'An welchem genauen Datum?', 'Con quale data esatta?', 'Qual a data exata?'];
    for (const question of day) expect(dateGranularity(question), question).toBe('day');
    for (const question of ['In which month did he ask?', 'En quel mois ?', 'In welchem Monat bat er?', 'In che mese?']) expect(dateGranularity(question), question).toBe('month');
    for (const question of ['In what year was it imposed?', 'Depuis quelle année ?', '¿En qué año?', 'In welchem Jahr?', 'Em que ano?']) expect(dateGranularity(question), question).toBe('year');
    expect(dateGranularity('When did Haftar visit the carrier?')).toBeNull();
  });

  it('keeps the dates of that precision only', () => {
    const dates = ['mardi', 'Le 11 janvier', 'En novembre', 'depuis 2011', 'Depuis trois ans'];
    expect(dates.filter((d) => hasGranularity(d, 'day'))).toEqual(['mardi', 'Le 11 janvier']);
    expect(dates.filter((d) => hasGranularity(d, 'month'))).toEqual(['Le 11 janvier', 'En novembre']);
    expect(dates.filter((d) => hasGranularity(d, 'year'))).toEqual(['depuis 2011']);
  });

  it('answers "which day of the week" with the paragraph that gives a weekday, not the one that says "depuis trois ans"', async () => {
    const engine = await sharedLexicalEngine();
    const answer = await engine.ask('what day of the week did the ANL troops leave for russia');
    expect(answer).toMatchObject({ answered: true, paragraph: 1, span: { text: 'mardi', type: 'date' } });
  });
});

describe('answer types', () => {
  it.each<[string, AnswerType | null]>([
    ['How many wounded will Russia treat?', 'number'],
    ['Combien de blessés ?', 'number'],
    ['¿Cuándo visitó Haftar el portaaviones?', 'date'],
    ['Wer ist der Sprecher?', 'person'],
    ['Dove si trova Bengasi?', 'place'],
    ['Qual a distância entre Benghazi e Trípoli?', 'distance'],
    ['How far is Benghazi from Tripoli?', 'distance'],
    ['which news agency did the LNA spokesman talk to', 'organisation'],
    ['À quelle agence de presse le porte-parole a-t-il parlé ?', 'organisation'],
    ['Welcher Nachrichtenagentur hat der Sprecher das erzählt?', 'organisation'],
    ['Which international organisation recognises the GNA?', 'organisation'],
    ['Welche Staaten und Organisationen stehen hinter der Einheitsregierung?', null],
    // "How many kilometres", in every language: a distance, not a bare count.
    ['Quanti chilometri separano Bengasi da Tripoli?', 'distance'],
    ['¿Cuántos kilómetros hay entre Bengasi y Trípoli?', 'distance'],
    ['Wie viele Kilometer liegen zwischen Bengasi und Tripolis?', 'distance'],
    ['Quantos quilômetros separam Benghazi de Trípoli?', 'distance'],
    // "How long", in every language: a duration; "cuánto tiempo" is no count, "how long ago" a date.
    ['How long has Haftar been fighting the islamists?', 'duration'],
    ['Depuis combien de temps l’ANL est-elle en guerre ?', 'duration'],
    ['¿Cuánto tiempo lleva Haftar luchando?', 'duration'],
    ['Wie lange kämpft Haftar schon?', 'duration'],
    ['Da quanto tempo combatte Haftar?', 'duration'],
    ['Há quanto tempo Haftar luta?', 'duration'],
    ['How long ago did Haftar visit the carrier?', 'date'],
    // "Since when" asks for a starting point, which the durations' "depuis …" gives.
    ['Since when has the embargo been in place?', 'duration'],
    ['Seit wann gilt das Waffenembargo?', 'duration'],
    ['Depuis quelle année l’embargo est-il en place ?', 'date'],
    ['Why did Russia help?', null],
    ['What is the name of the spokesman?', 'person'],
    ["Comment s'appelle le porte-avions ?", 'person'],
    ["Comment s'appelait le porte-parole ?", 'person'],
    ['¿Cómo se llamaba el portavoz?', 'person'],
    ['Le gouvernement d’union est basé dans quelle ville ?', 'place'],
    ['In which city is the GNA based?', 'place'],
    ['¿En qué país está Bengasi?', 'place'],
    ['In welcher Stadt sitzt die Regierung?', 'place'],
    // An adjective between the question word and the noun.
    ['In welcher russischen Stadt werden sie behandelt?', 'place'],
    ['Which Russian city treats them?', 'place'],
    // How big, tall or heavy a thing is: a measure.
    ['Wie groß ist der Flugzeugträger?', 'size'],
    ['Quelle est la taille du porte-avions ?', 'size'],
    ['How big is the aircraft carrier?', 'size'],
    ['¿Qué tamaño tiene el portaaviones?', 'size'],
    ['Quanto è grande la portaerei?', 'size'],
  ])('reads the type a question asks for, in six languages: %s → %s', (question, type) => {
    expect(answerType(question)).toBe(type);
  });

  it('reads a question about a cost, a price or a wage as one for an amount of money, in its own language', () => {
    const [en_, fr_, es_, de_, it_, pt_] = ['en', 'fr', 'es', 'de', 'it', 'pt'].map((code) => languageByCode(code)!);
    expect(answerType('How much did Russia pay for their treatment?', en_)).toBe('money');
    expect(answerType('Combien coûtent les soins ?', fr_)).toBe('money');
    expect(answerType('quel est le prix du billet', fr_)).toBe('money');
    expect(answerType('¿Cuánto cuesta el tratamiento?', es_)).toBe('money');
    expect(answerType('Wie viel kostet die Behandlung?', de_)).toBe('money');
    expect(answerType('quanto costa la cura dei feriti', it_)).toBe('money');
    expect(answerType('qual o salário de um soldado', pt_)).toBe('money');
    expect(answerType("Quel est le montant de l'accord ?", fr_)).toBe('money');
    expect(answerType('¿Cuál es el monto del acuerdo?', es_)).toBe('money');
    expect(answerType('Welchen Betrag hat Russland gezahlt?', de_)).toBe('money');
    // Another type asked for stays: who pays is a person, when a date.
    expect(answerType('Who paid for the treatment?', en_)).toBe('person');
    expect(answerType('When will Russia pay?', en_)).toBe('date');
    // Spanish and Portuguese "costa" is a coast; a count without a word of money stays a count.
    expect(answerType('em que costa fica o porta-aviões?', pt_)).toBeNull();
    expect(answerType('How many wounded will Russia treat?', en_)).toBe('number');
  });

  it('reads "how old" in six languages as a question for an age, and "for how many years" as a duration', () => {
    for (const [code, question] of [
      ['en', 'how old is marshal haftar'],
      ['fr', 'Quel âge a Fayez al-Sarraj ?'],
      ['es', '¿Cuántos años tiene Haftar?'],
      ['de', 'Wie alt ist Khalifa Haftar?'],
      ['it', 'che età ha il portavoce ghanim'],
      ['it', 'quanti anni ha Haftar?'],
      ['pt', 'Quantos anos tem o marechal Haftar?'],
    ] as const) {
      expect(answerType(question, languageByCode(code)!), question).toBe('age');
    }
    expect(answerType("da quanti anni l'esercito combatte gli islamisti", languageByCode('it')!)).toBe('duration');
    expect(answerType('¿Cuántos años lleva la guerra?', languageByCode('es')!)).toBe('duration');
    expect(answerType('For how many years has Haftar been fighting?', languageByCode('en')!)).toBe('duration');
  });

  it('reads the noun "name" of the question\'s language as a question for a name, keyword queries included', () => {
    expect(answerType('nombre del portavoz del ejército', es)).toBe('person');
    expect(answerType("portavoce dell'ANL nome", languageByCode('it')!)).toBe('person');
    // French "nombre" is a number, not a name.
    expect(answerType('nombre de blessés soignés en Russie', fr)).not.toBe('person');
    expect(asksForName("portavoce dell'ANL nome", languageByCode('it')!)).toBe(true);
  });

  it('tells a question for a name from a "who" that countries or groups may answer', () => {
    expect(asksForName('Who is the spokesman of the army?')).toBe(true);
    expect(asksForName("Comment s'appelle le porte-parole ?")).toBe(true);
    expect(asksForName('¿Quién es el portavoz?')).toBe(true);
    expect(asksForName('Wer ist der Sprecher?')).toBe(true);
    expect(asksForName('Who backs the government in Tripoli?')).toBe(false);
    expect(asksForName('Qui soutient le GNA ?')).toBe(false);
  });

  it('finds the noun that names what is asked for, after an interrogative determiner', () => {
    const at = (question: string): string | null => {
      const tokens = words(question);
      const index = askedNounAt(tokens);
      return index === null ? null : tokens[index]!;
    };
    expect(at('Which hospital treats the soldiers?')).toBe('hospital');
    expect(at('hey bot, how many sailors serve on the carrier')).toBe('sailors');
    expect(at("Combien d'avions ?")).toBe('avions');
    expect(at('Welche Stadt?')).toBe('stadt');
    expect(at('em que avião viajaram')).toBe('aviao');
    // A kind's noun, past "kind of", "type de", "tipo di".
    expect(at('What kind of injuries did the soldiers have?')).toBe('injuries');
    expect(at('De quel type de blessures souffraient-ils ?')).toBe('blessures');
    expect(at('Che tipo di ferite avevano?')).toBe('ferite');
    // A cardinal is no kind: the noun after it is.
    expect(at('Which two authorities compete?')).toBe('authorities');
    expect(at('Who leads the army?')).toBeNull();
    // "What is the …" asks for the noun after the article, as "which …" does.
    expect(at("why is russia getting closer to haftar, what's the goal?")).toBe('goal');
    expect(at('Quelle est la population de Tripoli ?')).toBe('population');
    expect(at('qual è il motivo?')).toBe('motivo');
    // Reasons, manners and the most general kinds are asked for, but a text does not write them out.
    expect(at('dans quel but Moscou aide-t-elle Haftar')).toBe('but');
    expect(isUnwrittenKind('but')).toBe(true);
    expect(isUnwrittenKind('event')).toBe(true);
    expect(isUnwrittenKind('hospital')).toBe(false);
  });

  it('knows the nouns that name the type itself', () => {
    expect(isTypeNoun('distance', 'distance')).toBe(true);
    expect(isTypeNoun('year', 'date')).toBe(true);
    expect(isTypeNoun('year', null)).toBe(false);
    // "What day of the week": the week is the answer's kind, not a word to find.
    expect(isTypeNoun('week', 'date')).toBe(true);
    expect(isTypeNoun('semaine', 'date')).toBe(true);
    expect(isTypeNoun('city', 'place')).toBe(true);
    expect(isTypeNoun('country', 'place')).toBe(false);
    expect(isTypeNoun('name', 'person')).toBe(true);
    // Spanish "nombre" (name) is French "nombre" (number).
    expect(isTypeNoun('nombre', 'number')).toBe(true);
    const pt = languageByCode('pt')!;
    // Another form, or a typo that keeps the stem, is the noun; the noun itself and other words are not.
    expect(typeNounOfStem('months', stem('months', en), en)).toBe('month');
    expect(isTypeNoun(typeNounOfStem('distanca', stem('distanca', pt), pt)!, 'distance')).toBe(true);
    expect(typeNounOfStem('distance', stem('distance', en), en)).toBeNull();
    expect(typeNounOfStem('soldiers', stem('soldiers', en), en)).toBeNull();
    // Only the nouns of the question's language: Portuguese "voltaram" (returned) stems like Italian "volte" (times).
    expect(typeNounOfStem('voltaram', stem('voltaram', pt), pt)).toBeNull();
    const it_ = languageByCode('it')!;
    expect(typeNounOfStem('volta', stem('volta', it_), it_)).toBe('volte');
  });

  it('finds amounts of money in French text, and does not count them again as numbers', () => {
    const text = 'Le contrat de 1,5 milliard d’euros prévoit 300 € par soldat, un million de dollars de matériel, 500 livres et 20 blessés.';
    const of = (type: Parameters<typeof candidates>[1]) => candidates(text, type).map((c) => text.slice(c.start, c.end));
    expect(of('money')).toEqual(['1,5 milliard d’euros', '300 €', 'un million de dollars']);
    expect(of('number')).toEqual(['500 livres', '20 blessés']);
  });

  it('finds ages as news gives them, and not a duration', () => {
    const text = 'Khalifa Haftar, 73 ans, a vu le ministre (61 ans), âgé de soixante ans, et le maire, né en 1943. Depuis trois ans, la guerre dure.';
    expect(candidates(text, 'age').map((c) => text.slice(c.start, c.end))).toEqual(['73 ans', '61 ans', 'âgé de soixante ans', 'né en 1943']);
  });

  it('finds candidates of each type in French text, counts with their noun, years as dates', () => {
    const text = 'Le 11 janvier, près de 70 soldats sont partis à 1 000 km de Tripoli, en 2016, avec Khalifa Haftar.';
    const of = (type: Parameters<typeof candidates>[1]) => candidates(text, type).map((c) => text.slice(c.start, c.end));
    expect(of('date')).toEqual(['Le 11 janvier', 'en 2016']);
    expect(of('number')).toEqual(['70 soldats']);
    expect(of('distance')).toEqual(['1 000 km']);
    expect(of('person')).toEqual(['Khalifa Haftar']);
    expect(of('place')).toEqual([]);
    const based = 'Le GNA est basé à Tripoli.';
    expect(candidates(based, 'place').map((c) => based.slice(c.start, c.end))).toEqual(['Tripoli']);
  });

  it('reads a type noun beside a value the question gives as asking yes or no, not for the type', () => {
    for (const question of ['is benghazi 1000 km from tripoli?', 'Bengasi liegt 1000 km von Tripolis entfernt?', 'did haftar visit moscow in the year 2016?']) {
      expect(answerType(question), question).toBeNull();
    }
    expect(answerType('what is the distance between benghazi and tripoli')).toBe('distance');
    expect(answerType('in what year was the embargo imposed?')).toBe('date');
  });

  it('reads questions about what an acronym stands for, in six languages', () => {
    for (const question of ['What does ANL stand for?', 'what does LNA mean', 'GNA is short for what?', 'Que signifie GNA ?', 'ça veut dire quoi ANL', '¿Qué significa ENL?', 'Wofür steht die Abkürzung GNA?', 'Cosa significa ANL?', 'O que quer dizer GNA?']) {
      expect(asksDefinition(question), question).toBe(true);
    }
    for (const question of ['What does the LNA want?', 'By what means did Haftar talk to Shoigu?', 'Where does the LNA stand on the GNA?']) expect(asksDefinition(question), question).toBe(false);
  });

  it('reads questions about what someone said or how they reacted, not what a text says', () => {
    for (const question of ['What did Shoigu tell Haftar?', 'How did Sarraj react?', "what was Sarraj's reaction to the deal", 'what did haftar and shoigu talk about', "Qu'a dit Poutine ?", 'Comment l’ONU a-t-elle réagi ?', 'de quoi ont-ils parlé', '¿Qué opina Sarraj de la ayuda rusa?', '¿Cómo reaccionó Trípoli?', 'Was hat Putin gesagt?', 'Wie hat die UNO reagiert?', 'cosa ha detto putin a haftar', 'como reagiu a onu', 'qual foi a reação da onu', 'What did Shoigu promise Haftar?', 'la russie a promis quoi ?', 'Was hat Russland versprochen?', 'What exactly did Shoigu and Haftar agree on?', "Sur quoi se sont-ils mis d'accord ?", '¿Qué acordaron Haftar y Shoigu?', 'Worauf haben sich Haftar und Schoigu geeinigt?', 'Cosa hanno concordato Haftar e Shoigu?', 'O que Haftar e Shoigu combinaram?']) {
      expect(answerType(question), question).toBe('statement');
    }
    for (const question of ['What does the article say about the embargo?', "what does moscow's medical help say about ties with haftar", 'Who told AFP about the soldiers?', 'When did the spokesman talk to AFP?', 'What did Haftar ask Russia for?']) {
      expect(answerType(question), question).not.toBe('statement');
    }
    const text = 'Près de 70 soldats se sont envolés, a indiqué jeudi à l’AFP un porte-parole. Le GNA est basé à Tripoli, « selon les besoins ».';
    expect(candidates(text, 'statement').map((c) => text.slice(c.start, c.end))).toEqual(['indiqué', '« selon les besoins »']);
  });

  it('finds a region named by its direction as a place, and says which questions ask for one', () => {
    const text = 'Les troupes, basées dans l’est de la Libye, combattent dans l’est libyen et le sud du pays, à l’est de Tripoli. Le GNA est à l’ouest.';
    expect(candidates(text, 'place').map((c) => text.slice(c.start, c.end))).toEqual(['l’est de la Libye', 'l’est libyen', 'le sud du pays', 'l’est de Tripoli']);
    expect(candidates('Il est parti. Le nord-est reste calme.', 'place')).toEqual([]);
    for (const question of ['In what part of Libya are the troops?', 'which region of the country', 'Dans quelle région du pays ?', 'dans quelle partie de la Libye', '¿En qué zona de Libia?', 'em que parte da libia', 'in quale zona della Libia', 'In welchem Teil Libyens?']) {
      expect(asksRegion(question), question).toBe(true);
      expect(answerType(question), question).toBe('place');
    }
    for (const question of ['Where are the troops based?', 'What part did Russia play?', 'Which city is the GNA based in?']) expect(asksRegion(question), question).toBe(false);
  });
});

describe('the short answer (span)', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await sharedLexicalEngine();
  });

  it('is the one candidate of the asked type near the matched words, with its offsets in the quote', async () => {
    const answer = await engine.ask('How far is Benghazi from Tripoli?');
    expect(answer.span).toMatchObject({ text: '1 000 km', type: 'distance' });
    expect(answer.quote.slice(answer.span!.start, answer.span!.end)).toBe('1 000 km');
  });

  it('is the distance for "how many kilometres" in any language, though the article writes "km"', async () => {
    for (const question of ['Quanti chilometri separano Bengasi da Tripoli?', 'Wie viele Kilometer liegen zwischen Bengasi und Tripolis?']) {
      const answer = await engine.ask(question);
      expect(answer, question).toMatchObject({ answered: true, paragraph: 7, span: { text: '1 000 km', type: 'distance' } });
    }
  });

  it('is never a guess: no span for a question without a type, or for a name the question already gave', async () => {
    expect((await engine.ask('Why is Russia helping Haftar?')).span).toBeNull();
    expect((await engine.ask('Who is Fayez al-Sarraj?')).span).toBeNull();
  });
});

describe('what the article itself teaches the index', () => {
  it('reads acronym definitions, so paragraphs that only say "GNA" are about the government too', async () => {
    const { acronymDefinitions, withAcronymDefinitions } = await import('../src/search/analyze.js');
    const text = "Cette force refuse de se soumettre au gouvernement d'union nationale (GNA) basé à Tripoli. L'Armée nationale libyenne (ANL) se bat.";
    const definitions = acronymDefinitions(text, fr);
    expect(definitions).toEqual(
      new Map([
        ['gna', ['gouvern', 'union', 'national']],
        ['anl', ['arme', 'national', 'libyen']],
      ]),
    );
    expect(withAcronymDefinitions(['gna', 'reconnu'], definitions)).toEqual(['gna', 'reconnu', 'gouvern', 'union', 'national']);
    expect(withAcronymDefinitions(['russ'], definitions)).toEqual(['russ']);
  });

  it('reads the names an acronym is given in the participle clause after its definition, and no other clause', async () => {
    const { acronymAppositions } = await import('../src/search/analyze.js');
    const text = "Elle refuse le gouvernement d'union nationale (GNA) basé à Tripoli et dirigé par Fayez al-Sarraj. L'Armée nationale libyenne (ANL) se bat à Benghazi.";
    expect(acronymAppositions(text, fr)).toEqual(new Map([['gna', ['tripol', 'fai', 'sarraj']]]));
    expect(acronymAppositions(text, en).size).toBe(0);
  });

  it('marks the words of a group it leaves unnamed ("quelques pays africains"), in the order of its index terms', async () => {
    const { analyze, unnamedGroupMask } = await import('../src/search/analyze.js');
    const text = 'Le GNA est soutenu par les Européens, quelques pays africains et l’ONU ; des groupes jihadistes sont retranchés.';
    const order = analyze(text, fr);
    const mask = unnamedGroupMask(text, fr);
    expect(mask).toHaveLength(order.length);
    expect(order.filter((_, i) => mask[i])).toEqual(['pay', 'africain', 'group', 'jihad']);
  });

  it('reads words whose initials spell one of its acronyms, in any order, as that acronym', async () => {
    const { SurfaceVocabulary } = await import('../src/search/analyze.js');
    const vocabulary = new SurfaceVocabulary();
    vocabulary.add("Le gouvernement d'union nationale (GNA) et l'Armée nationale libyenne (ANL) ; l'ONU.", fr);
    const runs = (question: string) =>
      expandedAcronyms(words(question), (token) => isContentWord(token, en), vocabulary).map(({ start, end, stems }) => [
        words(question).slice(start, end).join(' '),
        [...stems],
      ]);
    expect(runs('Who heads the government of national accord?')).toEqual([['government of national accord', ['gna']]]);
    expect(runs('the Libyan National Army and the government of national accord')).toEqual([
      ['libyan national army', ['anl']],
      ['government of national accord', ['gna']],
    ]);
    // Two function words apart, or two letters only (UN), is chance.
    expect(runs('Which government is the one of the national accord?')).toEqual([]);
    expect(runs('Does the United Nations back it?')).toEqual([]);

    // Italian spells the GNA out in other words than the article's "gouvernement d'union nationale".
    const engine = await sharedLexicalEngine();
    expect(await engine.ask('who heads the government of national accord')).toMatchObject({ answered: true, paragraph: 1 });
    expect(await engine.ask('chi guida il governo di accordo nazionale?')).toMatchObject({ answered: true, paragraph: 1 });
  });

  it('indexes a hyphenated compound whole too, as other languages and dictionaries write it', async () => {
    const { hyphenCompounds } = await import('../src/search/analyze.js');
    expect(hyphenCompounds("s'entretenir par vidéo-conférence avec le porte-parole ; Fayez al-Sarraj, est-ce le sud-est-ouest ?")).toEqual([
      'videoconference',
      'porteparole',
    ]);
    const engine = await sharedLexicalEngine();
    expect(await engine.ask('com quem haftar conversou por videoconferencia')).toMatchObject({ answered: true, paragraph: 5 });
    // Written apart, its parts are still words asked about, even one that is a stop word ("nous avions").
    expect(await engine.ask('nom du porte avions')).toMatchObject({ answered: true, paragraph: 5, span: { text: 'Amiral Kouznetsov' } });
    // In the article's language, one of its compounds is one word asked about, whole or in its parts.
    const retriever = await lexicalRetriever();
    for (const question of ['Qui est le porte-parole du GNA ?', 'qui est le porte parole du gna']) {
      const labels = (await retriever.search(question)).query.concepts.map((c) => c.label);
      expect(labels, question).toEqual(expect.arrayContaining(['porte parole']));
      expect(labels, question).not.toContain('parole');
    }
  });

  it('reads a capital and its country as the city\'s name, and keeps the word for a capital out of other words\' terms', async () => {
    const retriever = await lexicalRetriever();
    const { query } = await retriever.search('Combien de fois Haftar est-il allé dans la capitale russe ?');
    expect(query.concepts.find((c) => c.label === 'capitale russe')).toMatchObject({ name: true, terms: new Map([['moscou', 1]]) });
    // "captain" reaches "capital" through a pivot; the article has no such word, and it names no capital.
    const captain = (await retriever.search('Who is the captain of the Admiral Kuznetsov?')).query.concepts.find((c) => c.label === 'captain')!;
    expect(captain.terms.has('capital')).toBe(false);
  });

  it('does not match the words of a phrase a dictionary translates whole by their spellings (porta-voz: not the porte of porte-avions)', async () => {
    const retriever = await lexicalRetriever();
    const { query } = await retriever.search('Quem é o porta-voz do GNA?');
    const spokesman = query.concepts.find((c) => c.label === 'porta voz')!;
    expect([...spokesman.terms.keys()]).toContain('port+parol');
    expect(spokesman.terms.has('port')).toBe(false);
  });

  it('does not look for the word "role" when the question names someone, but does for an organisation or a date in office', async () => {
    const retriever = await lexicalRetriever();
    const labels = async (question: string) => (await retriever.search(question)).query.concepts.map((c) => c.label);
    expect(await labels('what is mohamad ghanim’s role?')).not.toContain('role');
    expect(await labels('welche Funktion hat Mohamad Ghanim?')).not.toContain('funktion');
    expect(await labels('what is the LNA’s position on the unity government?')).toContain('position');
    expect(await labels('Seit wann ist Fayez al-Sarradsch im Amt?')).toContain('amt');
  });

  it('does not look for the word that hedges a count ("roughly" reached "blessés" through "rough"), and answers the count', async () => {
    const retriever = await lexicalRetriever();
    for (const [question, hedge] of [['Roughly how many soldiers flew to Russia?', 'roughly'], ['ungefähr wie viele Soldaten flogen nach Russland', 'ungefahr'], ['quasi quanti soldati sono volati in Russia', 'quasi'], ['environ combien de soldats sont partis', 'environ']]) {
      const { concepts, unmatchedWords } = (await retriever.search(question!)).query;
      expect(concepts.some((c) => c.label.startsWith('sold')), question).toBe(true);
      expect([...concepts.map((c) => c.label), ...unmatchedWords], question).not.toContain(hedge);
    }
    const engine = await sharedLexicalEngine();
    expect(await engine.ask("Roughly how many fighters from Haftar's force were flown abroad for medical treatment?")).toMatchObject({ answered: true, paragraph: 1 });
  });

  it('reads a subheading as part of the paragraphs under it that share a word with it', async () => {
    const engine = await sharedLexicalEngine();
    // "Deux visites à Moscou en 2016" heads ¶5 to ¶7; ¶6 tells of the visits without the word.
    expect(await engine.ask('¿Cuántas veces visitó Haftar Moscú en 2016?')).toMatchObject({ answered: true, paragraph: 6, span: { text: 'deux reprises' } });
    expect(await engine.ask('haftar moscow visits 2016')).toMatchObject({ answered: true, paragraph: 6 });
  });

  it('stems French feminine participles alike once their accents are folded away', async () => {
    const { stem } = await import('../src/text/stem.js');
    const stems = (text: string) => words(text).map((w) => stem(w, fr));
    expect(new Set(stems('basées basée basé baser'))).toEqual(new Set(['bas']));
    expect(new Set(stems('dirigée dirigé diriger'))).toEqual(new Set(['dirig']));
  });
});
