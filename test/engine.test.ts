import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../src/answer/engine.js';
import { QuestionError } from '../src/text/question.js';
import { lexicalEngine, lexicalRetriever, silentLogger, testConfig } from './helpers/engine.js';

let engine: Engine;

beforeAll(async () => {
  engine = await lexicalEngine();
});

/** Asserts that the article is found not to cover each question (the question names the failure). */
async function expectDeclined(questions: readonly string[]): Promise<void> {
  for (const question of questions) expect((await engine.ask(question)).answered, question).toBe(false);
}

/** Each question answered with its paragraph; with `allMatched`, every word of it reaching the article too. */
async function expectAnswered(cases: readonly (readonly [string, number])[], { allMatched = false } = {}): Promise<void> {
  for (const [question, paragraph] of cases) {
    expect(await engine.ask(question), question).toMatchObject({ answered: true, paragraph, ...(allMatched ? { unmatched: [] } : {}) });
  }
}

describe('asking in offline lexical mode', () => {
  it('answers the flagship English question with ¶4, verbatim, highlighted and cited', async () => {
    const answer = await engine.ask('How many wounded will Russia treat?');
    expect(answer).toMatchObject({ answered: true, paragraph: 4, section: null, citation: '¶4 · article du 2017-02', mode: 'lexical', language: 'en' });
    expect(answer.quote).toBe(engine.corpus.paragraphs[3]!.text);
    expect(answer.highlight[0]).toContain('500 blessés supplémentaires');
    for (const [i, range] of answer.highlightRanges.entries()) expect(answer.quote.slice(range.start, range.end)).toBe(answer.highlight[i]);
    expect(answer.score).toBeGreaterThanOrEqual(engine.threshold);
  });

  it('cites the section for paragraphs under the subheading and highlights the answering sentence', async () => {
    const answer = await engine.ask('Who is the Russian defence minister?');
    expect(answer.paragraph).toBe(5);
    expect(answer.citation).toBe('¶5 · « Deux visites à Moscou en 2016 » · article du 2017-02');
    expect(answer.highlight).toHaveLength(1);
    expect(answer.highlight[0]).toMatch(/^Le 11 janvier.*Choïgou\.$/);
  });

  it('carries names across languages by spelling (Moscow → Moscou, Kuznetsov → Kouznetsov)', async () => {
    expect((await engine.ask('When did Haftar visit the Admiral Kuznetsov?')).paragraph).toBe(5);
    expect((await engine.ask('How many times did Haftar go to Moscow in 2016?')).paragraph).toBe(6);
    // A transliteration that changes the vowels of a name of the article: same consonants, same name.
    expect((await engine.ask('Cosa è successo dopo la caduta di Gheddafi?')).unmatched).not.toContain('gheddafi');
    // German writes Russian з and ц as s and z, English and French as z and ts.
    const german = await engine.ask('Wann besuchte Haftar die Kusnezow?');
    expect(german.unmatched).not.toContain('kusnezow');
    expect(german).toMatchObject({ answered: true, paragraph: 5 });
    // In French, the article's language, a name spelt another way still finds the article's.
    expect(await engine.ask('Qui est Shoigu ?')).toMatchObject({ answered: true, paragraph: 5 });
  });

  it('says the article does not cover an unrelated question, offering the closest passage', async () => {
    const answer = await engine.ask('What is the capital of Australia?');
    expect(answer.answered).toBe(false);
    expect(answer.confidence).toBe('low');
    expect(answer.unmatched).toContain('australia');
    expect(answer.citation).toMatch(/^¶\d/);
  });

  it('lists alternatives other than the answer, best first, at most three', async () => {
    const answer = await engine.ask('Who supports the GNA against Haftar?');
    expect(answer.alternatives.length).toBeGreaterThan(0);
    expect(answer.alternatives.length).toBeLessThanOrEqual(3);
    expect(answer.alternatives.map((a) => a.paragraph)).not.toContain(answer.paragraph);
    const scores = answer.alternatives.map((a) => a.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('answers French questions and accepts a forced language', async () => {
    expect((await engine.ask('Combien de blessés la Russie va-t-elle prendre en charge ?')).paragraph).toBe(4);
    const forced = await engine.ask('Haftar Moscou 2016', { language: 'fr' });
    expect(forced.language).toBe('fr');
    expect(forced.paragraph).toBe(6);
    await expect(engine.ask('x', { language: 'klingon' })).rejects.toThrow(/Unknown language/);
  });

  it('cleans hostile input and rejects unreadable questions with a QuestionError', async () => {
    const answer = await engine.ask('@everyone <@&123> **how many `wounded`** will\u200b Russia treat?');
    expect(answer.question).toBe('how many wounded will Russia treat?');
    expect(answer.paragraph).toBe(4);
    await expect(engine.ask('   ')).rejects.toBeInstanceOf(QuestionError);
    await expect(engine.ask('é'.repeat(501))).rejects.toThrow(/too long/);
  });
});

describe('warm-up (the bot, at start-up)', () => {
  it('loads the dictionaries of every language a question may come in, and answers as before', async () => {
    const fresh = await lexicalEngine();
    const loaded = await fresh.warmUp();
    expect([...loaded].sort()).toEqual(['de', 'en', 'es', 'fr', 'it', 'pt']);
    expect(await fresh.ask('How many wounded will Russia treat?')).toMatchObject({ answered: true, paragraph: 4 });
  });
});

describe('summary and quotes', () => {
  it('picks N sentences in article order, each with its citation', () => {
    const summary = engine.summary(3);
    expect(summary.sentences).toHaveLength(3);
    const paragraphs = summary.sentences.map((s) => s.paragraph);
    expect([...paragraphs].sort((a, b) => a - b)).toEqual(paragraphs);
    for (const s of summary.sentences) {
      const paragraph = engine.corpus.paragraphs[s.paragraph - 1]!;
      expect(paragraph.text).toContain(s.text);
      expect(s.citation).toMatch(new RegExp(`^¶${s.paragraph} · `));
    }
    // The lead sentence of a news story is its most central one.
    expect(summary.sentences[0]!.text).toMatch(/^Près de 70 soldats/);
  });

  it('grows from 1 to 6 sentences without repeating and rejects other counts', () => {
    const one = engine.summary(1).sentences;
    const six = engine.summary(6).sentences;
    expect(one).toHaveLength(1);
    expect(new Set(six.map((s) => s.text)).size).toBe(6);
    for (const bad of [0, 7, 2.5]) expect(() => engine.summary(bad)).toThrow(/from 1 to 6/);
  });

  it('quotes a paragraph by number, verbatim', () => {
    expect(engine.quote(7)).toMatchObject({ paragraph: 7, citation: '¶7 · « Deux visites à Moscou en 2016 » · article du 2017-02' });
    expect(engine.quote(7)!.quote).toMatch(/^Depuis trois ans/);
    expect(engine.quote(8)).toBeNull();
    expect(engine.passages()).toHaveLength(7);
  });

  it('reports its status without inventing metadata', () => {
    const status = engine.status();
    expect(status).toMatchObject({ mode: 'lexical', model: null, modelProblem: expect.stringMatching(/EMBEDDING_MODEL=none/) });
    expect(status.articles).toEqual([
      { id: 'article', label: 'article', date: '2017-02', language: 'fr', title: null, source: null, paragraphs: 7, sections: ['Deux visites à Moscou en 2016'] },
    ]);
    // The lexicons ship in data/lexicons: nothing is read from the system.
    expect(status.dictionaries).toEqual(expect.arrayContaining(['en-fr', 'de-fr', 'es-fr', 'it-fr', 'pt-fr', 'fr-fr']));
  });
});

describe('without lexicon data', () => {
  it('still answers French questions, and says what it misses for English ones', async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), 'no-lexicons-'));
    const bare = await Engine.create({ ...testConfig({ CACHE_DIR: empty }), dataDir: empty }, { logger: silentLogger });
    expect(bare.status().dictionaries).toEqual([]);
    expect((await bare.ask('Combien de blessés supplémentaires la Russie prendra-t-elle en charge ?')).paragraph).toBe(4);
    const english = await bare.ask('How many wounded will Russia treat?');
    expect(english.notes.join(' ')).toMatch(/No English–French lexicon/);
  });
});

describe('questions in six languages, as people type them', () => {
  const flagship = [
    'How many wounded will Russia treat?',
    '¿Cuántos heridos tratará Rusia?',
    'Wie viele Verwundete wird Russland behandeln?',
    'Quanti feriti curerà la Russia?',
    'Quantos feridos a Rússia vai tratar?',
    'Combien de blessés la Russie va-t-elle soigner ?',
  ];

  it.each(flagship)('answers "%s" with ¶4 and its short answer', async (question) => {
    const answer = await engine.ask(question);
    expect(answer).toMatchObject({ answered: true, paragraph: 4 });
    expect(answer.span).toMatchObject({ text: '500 blessés supplémentaires', type: 'number' });
    expect(answer.quote.slice(answer.span!.start, answer.span!.end)).toBe(answer.span!.text);
  });

  it('reads each language as itself, keyword queries included', async () => {
    const languages = await Promise.all(flagship.map(async (q) => (await engine.ask(q)).language));
    expect(languages).toEqual(['en', 'es', 'de', 'it', 'pt', 'fr']);
    expect((await engine.ask('russia wounded 500 treatment')).language).toBe('en');
    expect((await engine.ask('gna backers europe us un')).language).toBe('en');
    // A word written with a letter a language does not use is none of its words: "aviões" and "é"
    // are no Spanish or Italian.
    for (const question of ['Haftar porta-aviões janeiro', 'Shoigu videoconferência Haftar', 'Qual é a capital da Austrália?']) {
      expect((await engine.ask(question)).language, question).toBe('pt');
    }
  });

  it('reaches a verb the article writes only inflected through a noun of its family (soutien → soutenir → "soutenu")', async () => {
    expect(await engine.ask('qui soutien le GNA')).toMatchObject({ answered: true, paragraph: 2 });
  });

  it('reads "United Nations" in any language as the ONU the article writes, by its initials', async () => {
    for (const question of ['Does the United Nations back the GNA?', '¿Apoyan las Naciones Unidas al GNA?', 'Le Nazioni Unite sostengono il GNA?', 'As Nações Unidas apoiam o GNA?']) {
      expect(await engine.ask(question), question).toMatchObject({ answered: true, paragraph: 2, unmatched: [] });
    }
  });

  it('reads a German question\'s "seit drei Jahren" as the article\'s "depuis trois ans"', async () => {
    expect(await engine.ask('Gegen wen kämpft Haftar seit drei Jahren?')).toMatchObject({ answered: true, paragraph: 7 });
  });

  it('answers "who" with a person written beside what is asked, not one elsewhere in the sentence or the one the question titles', async () => {
    // ¶1's "le maréchal Khalifa Haftar" is the marshal the question names; ¶4 names the spokesman beside his title.
    expect(await engine.ask("Chi è il portavoce dell'esercito del maresciallo?")).toMatchObject({ answered: true, paragraph: 4, span: { text: 'Mohamad Ghanim' } });
    // ¶3's "la chute de Moummar Kadhafi" is no leader of the GNA; ¶1's "dirigé par Fayez al-Sarraj" is.
    expect(await engine.ask('Quem é o líder do governo de união nacional?')).toMatchObject({ answered: true, paragraph: 1 });
  });

  it('declines the name of someone in a role no sentence names anyone in, and still names one five words from the role', async () => {
    // "le porte-avions russe Amiral Kouznetsov" is a ship's name; "le chef de l'ANL" names no one beside it.
    await expectDeclined(['What is the name of the commander of the aircraft carrier Admiral Kuznetsov?', 'Comment s\'appelle le commandant du porte-avions ?']);
    // "le ministre de la Défense russe Sergueï Choïgou": five words from "ministre".
    expect(await engine.ask('What is the name of the Russian defence minister Haftar spoke with?')).toMatchObject({ answered: true, paragraph: 5 });
    expect(await engine.ask('What is the name of the LNA spokesman?')).toMatchObject({ answered: true, paragraph: 4 });
  });

  it('reaches the article\'s porte-avions through a word for its kind, in any language (ship, navire, barco, Schiff, warship)', async () => {
    for (const question of ['Which ship did Haftar visit in January?', 'Sur quel navire Haftar est-il monté ?', '¿A qué barco subió Haftar en enero?', 'Welches Schiff besuchte Haftar im Januar?', 'Which warship did Haftar visit?']) {
      expect(await engine.ask(question), question).toMatchObject({ answered: true, paragraph: 5 });
    }
    await expectDeclined(['How many ships does the Russian navy have?']);
  });

  it('reads "the Tripoli government" as the GNA, which the article defines as "basé à Tripoli", and still names its leader from ¶1', async () => {
    for (const question of ['qui soutient le gouvernement de Tripoli ?', 'Wer unterstützt die Regierung in Tripolis?', 'Which countries back the Tripoli government?']) {
      expect(await engine.ask(question), question).toMatchObject({ answered: true, paragraph: 2 });
    }
    expect(await engine.ask('Who leads the government based in Tripoli?')).toMatchObject({ answered: true, paragraph: 1 });
    // Without a word of the definition, Tripoli is only the city: "Is the GNA based in Tripoli?" stays ¶1.
    expect(await engine.ask('Is the GNA based in Tripoli?')).toMatchObject({ answered: true, paragraph: 1 });
  });

  it('reads "medical treatment" as the article\'s "soins", as "treatment" alone is', async () => {
    expect(await engine.ask('How many LNA fighters were sent to Russia for medical treatment?')).toMatchObject({ answered: true, paragraph: 1 });
  });

  it('does not read the particle of a name ("al-Sarraj") as a function word of another language', async () => {
    expect(await engine.ask('Fayez al-Sarraj role')).toMatchObject({ language: 'en', answered: true, paragraph: 1 });
    // A Spanish "al" the question writes as a word still counts.
    expect((await engine.ask('¿Qué pidió Haftar al gobierno ruso?')).language).toBe('es');
  });

  it('gives the same answer whatever the capitals, accents, punctuation, filler or a typo', async () => {
    for (const variant of [
      'HOW MANY WOUNDED WILL RUSSIA TREAT',
      'how many wounded will russia treat',
      'hey, quick question: how many wounded will russia take care of?',
      'how many wouned will russia treat?',
      'combien de blesses la russie va t elle soigner',
      'how many wounded will russia treat, accordign to the article?',
      // Chat spelling: a contraction without its apostrophe is still a question word.
      'whats the number of wounded russia will treat',
    ]) {
      expect(await engine.ask(variant), variant).toMatchObject({ answered: true, paragraph: 4 });
    }
  });

  it('reads a question typed all in capitals as typed in lower case, acronyms in lower case as acronyms', async () => {
    await expectAnswered([
      ['QUE PIDIO HAFTAR A RUSIA EN NOVIEMBRE', 6],
      ['que pidio haftar a rusia en noviembre', 6],
      ['WER FÜHRT DIE EINHEITSREGIERUNG IN TRIPOLIS AN', 1],
      // "lna" is no English word: the article's ANL, letters in another order.
      ["what's the name of the lna spokesperson", 4],
      ['wie heißt der sprecher der lna', 4],
    ]);
    // A trap stays a trap in capitals and without its accent.
    await expectDeclined(['QUAND FAYEZ AL-SARRAJ EST-IL NÉ', 'quand fayez al-sarraj est-il ne']);
  });

  it('reaches a verb the article makes with a sense-keeping prefix through the verb a dictionary gives: fly → voler → s’envoler', async () => {
    for (const question of [
      'How many Libyan troops were flown out to Russia to get medical treatment?',
      'how many LNA troops got flown out to russia for medical treatment?',
    ]) {
      expect(await engine.ask(question), question).toMatchObject({ answered: true, paragraph: 1 });
    }
  });

  it('reads chat abbreviations of greetings and thanks as the filler they are (bjr, dsl, vlw, grz)', async () => {
    expect(await engine.ask('bjr, combien de blessés la russie va soigner ? dsl')).toMatchObject({ answered: true, paragraph: 4 });
    expect((await engine.ask('quantos feridos a russia vai tratar? vlw')).unmatched).toEqual([]);
    expect((await engine.ask('quanti feriti curerà la russia? grz')).unmatched).toEqual([]);
  });

  it('reads a misspelt word of the article’s own language as the word it stands for, names included', async () => {
    // Each was declined or answered with the wrong passage: no word of the article is one edit
    // from "soutiiennent" or "militiares", and "Russsie", "Amirral" were read as unknown names.
    await expectAnswered(
      [
        ['Les Américains soutiiennent-ils le GNA ?', 2],
        ['qui soutieent le gouvernement de tripoli', 2],
        ['Combien de militiares libyens sont partis se faire soigner en Russie ?', 1],
        ['Combien de voyages Haftar a-t-il faits en Russsie en 2016 ?', 6],
        ["Quand Haftar est-il monté à bord de l'Amirral Kouznetzov ?", 5],
      ],
      { allMatched: true },
    );
    // "comment s'apelle" still asks for a name: the spokesman ¶4 names, not the one ¶1 does not.
    expect(await engine.ask("comment s'apelle le porte parole de l'anl")).toMatchObject({ answered: true, paragraph: 4, score: 1 });
    // A capitalised word no word of the article is near stays a name: not covered.
    expect(await engine.ask('Quand Haftar a-t-il rencontré Poutine ?')).toMatchObject({ answered: false, unmatched: ['poutine'] });
  });

  it('leaves out the clauses that only frame a question (for my homework:, are you sure?, I just read the article and …)', async () => {
    await expectAnswered(
      [
        ['for my homework: who is Fayez al-Saraj', 1],
        ['I just read the article and in which part of Libya are the ANL forces stationed?', 2],
        ["What was Haftar trying to get Russia's help with when he travelled there in the autumn of 2016? are you sure?", 6],
        ['je viens de lire l’article et depuis quel événement la Libye est-elle plongée dans le chaos ?', 3],
        // The asker's own asking and wondering ("chiedo", "je me demandais") is no word asked about.
        ["chi guida l'esercito nazionale libico (chiedo per un amico)", 1],
        ['mi chiedevo, Dove si trovava la portaerei quando Haftar vi è salito?', 5],
        // Someone asked to explain is no word asked about either, nor "peut" after "quelqu'un".
        ["quelqu'un peut m'expliquer combien de voyages Haftar a-t-il faits en Russie en 2016 ?", 6],
        ['alguien me explica cuantos soldados del anl se fueron en avion a rusia', 1],
        // Reading is how the question came, not what it asks about.
        ['Reading about Libya today. How many more injured fighters has Russia promised to look after?', 4],
        // A colon after no question word frames what follows too ("hey, quick question: ok so …").
        ["hey, quick question: ok so I'm trying to understand, who is Haftar fighting against in the east? ty", 7],
        // Asking whether the bot is sure, even without a question mark before it.
        ['who is Fayez al-Saraj are you sure?', 1],
        ['I just read the article and gNA international backers', 2],
        // An emoji ends what a chat message says before it, as a full stop would.
        ['coucou, je lis ça pendant ma pause déj 😅 Haftar est allé combien de fois à Moscou en 2016 ?', 6],
      ],
      { allMatched: true },
    );
    // What a colon introduces is the question itself: its options stay ("by air").
    expect(await engine.ask('How did the soldiers get to Russia: by land, by sea or by air?')).toMatchObject({ answered: true, paragraph: 1 });
    // A clause is left out only beside one that reaches the article, and a statement keeps the
    // words the article lacks: a trap stays a trap.
    expect(await engine.ask('Which hospital treats them? I read the article twice.')).toMatchObject({ answered: false });
    expect(await engine.ask('I read about the hospitals in Moscow. Which one treats the soldiers?')).toMatchObject({ answered: false });
  });

  it('reads a thanking formula as no part of the question (thx a lot, merci beaucoup, muchas gracias, grazie mille)', async () => {
    // "mille" had been read as the article's "1 000 km", "beaucoup", "lot" and "vielen" as words it lacks.
    await expectAnswered(
      [
        ['Who is Mohamad Ghanim? thx a lot', 4],
        ["qui dirige l'armee nationale lybienne merci beaucoup", 1],
        ['quien lidera el ejercito nacional libio muchas gracias', 1],
        ["Dove sono basate le truppe dell'ANL? grazie mille", 2],
        ['Wie viele Verwundete will Russland noch behandeln? Vielen Dank im Voraus!', 4],
        ['Quantos feridos a mais a Rússia vai tratar? Muito obrigado!', 4],
      ],
      { allMatched: true },
    );
  });

  it('reads greetings with whom they greet, laughter, "any idea?" and "d’après" as no part of the question', async () => {
    await expectAnswered(
      [
        ['Oi gente, quem é Mohamad Ghanim?', 4],
        ['Per quale motivo una settantina di militari libici sono partiti per la Russia? ahah', 1],
        ['wie viele Verwundete will Russland noch behandeln lol', 4],
        ['quien dirige el gobierno de union nacional ¿alguna idea?', 1],
        ["D'après l'article, qui soutient le GNA ?", 2],
      ],
      { allMatched: true },
    );
  });

  it('reads "or not", "even" and chat slang (bruh, nah, mano) as filler, not as words the article lacks', async () => {
    expect(await engine.ask('does the LNA control the whole of Benghazi or not?')).toMatchObject({ answered: true, paragraph: 7, unmatched: [] });
    expect(await engine.ask('bruh how many wounded will russia treat or nah')).toMatchObject({ answered: true, paragraph: 4, unmatched: [] });
    // "une question un peu bête", "dans cette histoire": how people frame a question, not what it asks.
    expect(await engine.ask("J'ai une question un peu bête : c'est qui, Fayez al-Sarraj, dans cette histoire ?")).toMatchObject({ answered: true, paragraph: 1 });
    const answer = await engine.ask('mano, quem dirige o governo de união nacional?');
    expect(answer).toMatchObject({ answered: true, paragraph: 1 });
    expect(answer.score).toBeGreaterThan(0.9);
  });

  it('reads "today", "già", "está" and modal verbs as the function words they are in a question', async () => {
    // "hoje" and the accented "está" (a form of estar, not "esta", this) had counted as words the article lacks.
    expect(await engine.ask('Em que situação está Benghazi hoje, segundo o artigo, em termos de controle territorial?')).toMatchObject({ answered: true, paragraph: 7 });
    expect(await engine.ask('salut le bot, pour mon exo je dois dire depuis quand la Libye est dans le chaos, tu peux m\'aider ?')).toMatchObject({ answered: true, paragraph: 3 });
  });

  it('reads chat contractions written without their apostrophe as the function words they are', async () => {
    expect(await engine.ask('im wondering who the LNA spokesman is')).toMatchObject({ answered: true, paragraph: 4 });
    expect(await engine.ask('dont know, who backs the GNA?')).toMatchObject({ answered: true, paragraph: 2 });
    expect(await engine.ask('ur article, who is al-sarraj')).toMatchObject({ answered: true, paragraph: 1 });
  });

  it('does not count a preposition or chat filler as a word asked about (via, ça, pra quê, o no)', async () => {
    expect(await engine.ask('who did haftar talk to via video link')).toMatchObject({ answered: true, paragraph: 5 });
    expect(await engine.ask('which warship did haftar go aboard in january')).toMatchObject({ answered: true, paragraph: 5 });
    // Portuguese "ficar" is "to be" of a place ("onde fica"): no word asked about.
    expect((await engine.ask('a quantos km de tripoli fica benghazi')).unmatched).not.toContain('fica');
    expect(await engine.ask('em que regiao da libia ficam estacionadas as tropas do ENL')).toMatchObject({ answered: true, paragraph: 2 });
    expect(await engine.ask('ça fait depuis quand que le pays est plongé dans le désordre')).toMatchObject({ answered: true, paragraph: 3 });
    expect(await engine.ask('a aproximação entre a rússia e o haftar serve pra quê?')).toMatchObject({ answered: true, paragraph: 2 });
    expect(await engine.ask("l'ANL accetta di sottostare all'esecutivo di Tripoli o no?")).toMatchObject({ answered: true, paragraph: 1 });
    expect(await engine.ask('Por que Moscou está se aproximando de Haftar?')).toMatchObject({ answered: true, paragraph: 2 });
    // "What kind of" asks for a kind: "kind" is no word asked about.
    expect(await engine.ask('What kind of deal is behind Russia treating the wounded fighters?')).toMatchObject({ answered: true, paragraph: 4 });
    // Nor is a preposition of time: "during" is in no sentence, and needs not be.
    for (const question of ['did haftar go to moscow during 2016?', 'Dove si trovava la portaerei Kuznetsov durante la visita?']) {
      const answer = await engine.ask(question);
      expect(answer.unmatched, question).toEqual([]);
    }
    expect(await engine.ask('did haftar go to moscow during 2016?')).toMatchObject({ answered: true, paragraph: 6 });
  });

  it('corrects a typo to the word one edit away as typed, whose stem can be further off (noveber → november), and not a name of the article one letter off (hafar)', async () => {
    expect(await engine.ask('What did Haftar ask Russia for in Noveber?')).toMatchObject({ answered: true, paragraph: 6 });
    expect(await engine.ask('How many Libyan troops were flown to Russia for medcal care?')).toMatchObject({ answered: true, paragraph: 1 });
    // "hafar" is Haftar misspelt, not "afar": the spokesman of his army is asked for, his age is not stated.
    expect(await engine.ask('como se llama el portavoz del ejercito de hafar')).toMatchObject({ answered: true, paragraph: 4 });
    expect((await engine.ask('how old is khalifa hafar')).answered).toBe(false);
  });

  it('matches a first name its language spells its own way with the article’s spelling, even when the language knows it (Sergei: Sergueï)', async () => {
    for (const question of ['Who is Sergei Shoigu?', 'who is sergei shoigu']) {
      const answer = await engine.ask(question);
      expect(answer, question).toMatchObject({ answered: true, paragraph: 5 });
      expect(answer.unmatched, question).toEqual([]);
    }
  });

  it('corrects a typo to a conjugated verb one edit away, read through its infinitive (fürht → führt: führen)', async () => {
    expect(await engine.ask('wer fürht die libysche nationalarmee')).toMatchObject({ answered: true, paragraph: 1, span: { text: 'Khalifa Haftar' } });
  });

  it("corrects a French typo whose stem happens to be another word's to the article's word one edit away (avins → avions)", async () => {
    expect(await engine.ask('nom du porte avins')).toMatchObject({ answered: true, paragraph: 5 });
    // (Asked for a "navire", a kind of ship the article never writes, it is declined: see ASKED_NOWHERE_FACTOR.)
    expect(await engine.ask('quel porte-avions russe haftar a-t-il visté')).toMatchObject({ answered: true, paragraph: 5, unmatched: [] });
  });

  it('corrects a French typo by stem when the article writes the word in another form (disupte: disputent)', async () => {
    expect(await engine.ask('qui se disupte le pouvoir en libye ?')).toMatchObject({ answered: true, paragraph: 3 });
    expect(await engine.ask('la russie se rapproce de haftar dans quel but')).toMatchObject({ answered: true, paragraph: 2 });
  });

  it('reads a misspelt question word as the question word, even when its consonants recall a name (quatni: quanti, not Ghanim)', async () => {
    expect(await engine.ask('quatni militari sono volati in russia per farsi curare')).toMatchObject({ answered: true, paragraph: 1 });
    expect(await engine.ask('Desde quadno a Líbia vive em caos?')).toMatchObject({ language: 'pt', answered: true, paragraph: 3 });
  });

  it('reads a misspelt name of the article as the name, not as a misspelt function word (hafter, not after)', async () => {
    expect(await engine.ask('who did hafter talk to while he was on the russian carrier')).toMatchObject({ answered: true, paragraph: 5 });
  });

  it('answers a typo of a word reached only through a pivot as it answers the word (sokesman)', async () => {
    const right = await engine.ask('When did the ANL spokesman speak to AFP?');
    expect(right).toMatchObject({ answered: true, paragraph: 1 });
    expect(await engine.ask('When did the ANL sokesman speak to AFP?')).toMatchObject({ answered: true, paragraph: 1 });
  });

  it('counts a corrected typo as the word it stands for: a weak translation asked about stays one (spuport: soutenu)', async () => {
    const right = await engine.ask('does the UN support the GNA?');
    expect(right).toMatchObject({ answered: true, paragraph: 2 });
    expect(await engine.ask('does the UN spuport the GNA?')).toMatchObject({ answered: true, paragraph: 2, score: right.score });
  });

  it('reads the answer type through a misspelt question word or type noun (cauntos, dstance)', async () => {
    expect(await engine.ask('¿Cauntos heridos atenderá Rusia?')).toMatchObject({ answered: true, paragraph: 4, span: { text: '500 blessés supplémentaires' } });
    expect(await engine.ask("What's the dstance between Benghazi and Tripoli?")).toMatchObject({ answered: true, paragraph: 7, span: { text: '1 000 km' } });
  });

  it('corrects a typo towards the word that makes a phrase with its neighbour (aircraft carier → carrier)', async () => {
    const answer = await engine.ask('When did Haftar visit the aircraft carier?');
    expect(answer).toMatchObject({ answered: true, paragraph: 5 });
    expect(answer.unmatched).toEqual([]);
  });

  it('reads a capitalised English typo of a word as that word, not as a name (Islamst)', async () => {
    const answer = await engine.ask("How long have Haftar's forces been fighting Islamst militants?");
    expect(answer.paragraph).toBe(7);
    expect(answer.answered).toBe(true);
  });

  it('reads the answer type through a typo that keeps the type noun\'s stem (distânca)', async () => {
    const answer = await engine.ask('olá, só uma dúvida: qual a distânca entre Benghazi e Trípoli?');
    expect(answer.paragraph).toBe(7);
    expect(answer.answered).toBe(true);
    expect(answer.span?.text).toBe('1 000 km');
  });

  it('reads a question word or type noun of seven letters through two typos (cobmin, qunats, ditsanca)', async () => {
    for (const question of ['Cobmin de fois Haftar est-il allé à Moscou en 2016 ?', 'Qunats vezes Haftar foi a Moscou em 2016?']) {
      expect(await engine.ask(question)).toMatchObject({ answered: true, paragraph: 6, span: { text: 'deux reprises' } });
    }
    expect(await engine.ask('qual a ditsanca entre benghazi e tripoli')).toMatchObject({ answered: true, paragraph: 7, span: { text: '1 000 km' } });
  });

  it('reaches a German verb through the forms the dictionary lists under it (anerkannt, gesprochen, abgeflogen)', async () => {
    expect(await engine.ask('Wird die Einheitsregierung von den Vereinten Nationen anerkannt?')).toMatchObject({ answered: true, paragraph: 2 });
    expect(await engine.ask('mit wem hat haftar per videoschalte gesprochen')).toMatchObject({ answered: true, paragraph: 5, unmatched: [] });
    expect(await engine.ask('an welchem wochentag sind die soldaten abgeflogen')).toMatchObject({ answered: true, paragraph: 1, span: { text: 'mardi' } });
    // "gilt" is a form of gelten, which FreeDict also renders "se diriger": a reflexive verb is
    // not "diriger", so the GNA "dirigé par" Fayez al-Sarraj does not answer.
    expect(await engine.ask('seit wann gilt das waffenembargo gegen libyen')).toMatchObject({ answered: true, paragraph: 6, span: { text: 'depuis 2011' } });
  });

  it('answers "how many times" where a sentence names all the question names and says how many times, whatever the verb', async () => {
    // "travel" and "viajar" reach no word of the article ("s'est rendu"): the count of times does.
    for (const question of ['How many times did Haftar travel to Moscow in 2016?', '¿Cuántas veces viajó Haftar a Moscú en 2016?']) {
      expect(await engine.ask(question)).toMatchObject({ answered: true, paragraph: 6, span: { text: 'deux reprises' } });
    }
    // Two of its words are missing from that sentence (meet, Putin): no answer.
    expect((await engine.ask('How many times did Haftar meet Putin in Moscow?')).answered).toBe(false);
    // "Often" in "how often" names the type, like "times": it is not searched for as a word.
    const often = await engine.ask('How often did the field marshal travel to Russia in 2016?');
    expect(often).toMatchObject({ answered: true, paragraph: 6, span: { text: 'deux reprises' } });
    expect(often.score).toBeGreaterThan(0.4);
  });

  it('reads "how many trips" and "more than once" as a count of times, with the same guards', async () => {
    for (const question of ['How many trips to Moscow did Haftar make in 2016?', 'Combien de déplacements Haftar a-t-il faits à Moscou en 2016 ?', '¿Viajó Haftar a Moscú más de una vez en 2016?', 'Did Haftar go to Moscow more than once in 2016?']) {
      expect(await engine.ask(question), question).toMatchObject({ answered: true, paragraph: 6 });
    }
    await expectDeclined(['How many trips to Paris did Haftar make in 2016?', 'Did Haftar meet Putin more than once in 2016?']);
  });

  it('reads a misspelt German noun as a noun, not as a name (Spreher → Sprecher)', async () => {
    const typo = await engine.ask('Wann sprach der Spreher der ANL mit der AFP?');
    const right = await engine.ask('Wann sprach der Sprecher der ANL mit der AFP?');
    expect(typo.paragraph).toBe(right.paragraph);
    expect(typo.answered).toBe(right.answered);
  });
});

describe('a total asked for is a total stated', () => {
  it('declines "how many soldiers does the LNA have" where the article counts only those who flew', async () => {
    await expectDeclined([
      'How many soldiers does the Libyan National Army have?',
      "combien de soldats compte l'ANL au total",
      'Wie viele Soldaten hat die LNA insgesamt?',
      'cuantos soldados tiene en total el ejercito nacional libio',
      'Quantos soldados tem o Exército Nacional Líbio?',
    ]);
    // A count of those who did something is still answered, "has" as an auxiliary included.
    expect(await engine.ask('How many wounded has Russia promised to treat?')).toMatchObject({ answered: true, paragraph: 4 });
    expect(await engine.ask('How many soldiers of the Libyan National Army flew to Russia?')).toMatchObject({ answered: true, paragraph: 1, span: { text: '70 soldats' } });
  });
});

describe('a count asked for is a count given', () => {
  it('declines "how many" where no sentence of the paragraph holds a word asked about and a count', async () => {
    await expectDeclined(["Combien de soldats de l'ANL sont morts à Benghazi ?", 'quanti aerei russi hanno trasportato i soldati?']);
    // A sentence that says how many times counts, whatever its verb: "à deux reprises".
    expect(await engine.ask('Combien de voyages Haftar a-t-il faits en Russie en 2016 ?')).toMatchObject({ answered: true, paragraph: 6, span: { text: 'deux reprises' } });
    expect(await engine.ask('How many wounded will Russia treat?')).toMatchObject({ answered: true, paragraph: 4 });
  });
});

describe('whose the thing asked about is', () => {
  it('does not answer for one organisation with what the article says of another ("the GNA\'s spokesman": ¶1\'s is the ANL\'s)', async () => {
    await expectDeclined(['Who is the spokesman of the GNA?', "What's the name of the GNA spokesman?", 'who is the GNA\'s spokesperson', '¿Quién es el portavoz del GNA?', 'Quem é o porta-voz do GNA?', 'Qui est le porte-parole du GNA ?']);
    for (const question of ["Who is the LNA's spokesman?", 'What is the name of the LNA spokesman?', 'Wie heißt der Sprecher der LNA?', "Qui est le porte-parole de l'ANL ?"]) {
      expect(await engine.ask(question), question).toMatchObject({ answered: true, paragraph: 4, span: { text: 'Mohamad Ghanim' } });
    }
  });
});

describe('a verb and a noun its stem also spells', () => {
  it('keeps a question’s verb ("sont partis", "sono partiti") from the article’s noun ("la majeure partie")', async () => {
    expect(await engine.ask('pourquoi les soldats de l’ANL sont ils partis en russie')).toMatchObject({ answered: true, paragraph: 1 });
    expect(await engine.ask('quando sono partiti i soldati per la russia?')).toMatchObject({ answered: true, paragraph: 1, span: { text: 'mardi' } });
  });

  it('still matches the noun when the question uses the noun', async () => {
    expect(await engine.ask('dans quelle partie de la libye sont basées les troupes')).toMatchObject({ answered: true, paragraph: 2 });
    expect((await engine.ask('quelle partie de Benghazi est aux mains de l’ANL ?')).paragraph).toBe(7);
  });
});

describe('someone’s role', () => {
  it('is what the article says they are, whatever word the question uses for it', async () => {
    await expectAnswered([['mohamad ghanim role', 4], ['What is Shoigu’s job?', 5], ['welche Funktion hat Mohamad Ghanim?', 4], ['quel est le rôle de Choïgou ?', 5]]);
  });

  it('is asked with the verb of holding it too ("che incarico ricopre", "what post does … hold")', async () => {
    await expectAnswered([['Che incarico ricopre Sergei Shoigu?', 5], ['What post does Sergei Shoigu hold?', 5], ['Quel poste occupe Fayez al-Sarraj ?', 1]]);
    await expectDeclined(['What post does Putin hold?']);
  });

  it('is no such question for an organisation’s stance or a date in office', async () => {
    await expectDeclined(['Seit wann ist Fayez al-Sarradsch im Amt?', 'quand fayez al-sarraj a-t-il pris ses fonctions']);
  });
});

describe('words of one family the stemmer keeps apart', () => {
  it('reach each other ("se faire soigner" → "recevoir des soins")', async () => {
    expect(await engine.ask('combien de militaires libyens sont partis se faire soigner en russie')).toMatchObject({ answered: true, paragraph: 1, span: { text: '70 soldats' } });
  });
});

describe('whether someone agreed', () => {
  it('is not answered by the purpose of a request ("pour lever l\'embargo": the article says nothing of the UN agreeing)', async () => {
    await expectDeclined(['Did the UN agree to lift the arms embargo after Haftar asked Russia for help?']);
  });
});

describe('how big a thing is', () => {
  it('is answered only by a measure, which the article gives of nothing but a distance', async () => {
    await expectDeclined(['Wie groß ist der Flugzeugträger Admiral Kusnezow?', 'Quelle est la taille du porte-avions Amiral Kouznetsov ?', 'How big is the aircraft carrier?']);
    await expectAnswered([['How far is Benghazi from Tripoli?', 7]]);
  });
});

describe('a kind asked for that the article never writes', () => {
  it('is no answer however well the rest matches ("dans quel hôpital russe …": no hospital anywhere)', async () => {
    await expectDeclined(["Dans quel hôpital russe les soldats de l'ANL sont-ils soignés ?"]);
  });
});

describe('last year', () => {
  it('is the year before the article\'s (2016 for February 2017)', async () => {
    await expectAnswered([["Haftar est allé combien de fois à Moscou l'an dernier ?", 6], ['Wie oft war Haftar letztes Jahr in Moskau?', 6]]);
  });
});

describe('a season', () => {
  it('is its months: "im Herbst 2016", "en otoño de 2016" reach ¶6\'s "En novembre"', async () => {
    await expectAnswered([['Was wollte Haftar im Herbst 2016 von Russland?', 6], ['¿Qué pidió Haftar a Rusia en otoño de 2016?', 6]]);
  });
});

describe('who does what a noun names', () => {
  it('is not found in a paragraph that has only the noun of the action ("who commands the LNA": not ¶4\'s "commandement général")', async () => {
    for (const question of ['Who commands the Libyan National Army?', 'Quem comanda o Exército Nacional Líbio?']) {
      const answer = await engine.ask(question);
      expect(answer.answered ? answer.paragraph : null, question).not.toBe(4);
    }
    await expectAnswered([['Who leads the Libyan National Army?', 1]]);
  });
});

describe('what a compound acts on', () => {
  it('is not the compound: a plane taken is not the porte-avions (¶5), the soldiers flew (¶1)', async () => {
    await expectAnswered([['Quel jour de la semaine les soldats libyens ont-ils pris l\'avion pour la Russie ?', 1]]);
    await expectDeclined(['Which day of week did the wounded fighters take the plane to Russia?']);
    await expectAnswered([['le porte-avion russe s\'appelle comment ?', 5], ['What is the name of the aircraft carrier?', 5]]);
  });
});

describe('a capital named by its country', () => {
  it('is the city the article names ("la capitale russe", "capital of Russia": Moscou)', async () => {
    await expectAnswered([
      ['Combien de fois Haftar est-il allé dans la capitale russe en 2016 ?', 6],
      ['¿Cuántas veces viajó Haftar a la capital de Rusia en 2016?', 6],
      ['Wie oft war Haftar 2016 in der russischen Hauptstadt?', 6],
      ['How far is Benghazi from the Libyan capital?', 7],
    ]);
  });

  it('is no answer where the article does not name that capital', async () => {
    await expectDeclined(['Combien de fois Haftar est-il allé dans la capitale française ?']);
  });
});

describe('locutions that relate what is asked', () => {
  it('are no words asked about ("au cours de", "em relação a")', async () => {
    expect(await engine.ask("Combien de fois le maréchal s'est-il déplacé à Moscou au cours de l'année 2016 ?")).toMatchObject({ answered: true, paragraph: 6 });
    expect(await engine.ask('Onde fica Bengasi em relação a Trípoli?')).toMatchObject({ answered: true, paragraph: 7 });
  });
});

describe('synonyms in the article\'s own language', () => {
  it('reach the article\'s word as a focus word when a dictionary translates both alike (militaire, soldat)', async () => {
    expect(await engine.ask('Combien de militaires libyens ont pris l\'avion pour la Russie ?')).toMatchObject({ answered: true, paragraph: 1, span: { text: '70 soldats' } });
    expect(await engine.ask('Où en est la situation militaire à Benghazi ?')).toMatchObject({ answered: true, paragraph: 7 });
  });
});

describe('numbers written out in words', () => {
  it('match the digits the article writes (seventy: 70, una settantina: about 70)', async () => {
    for (const question of ['why were around seventy libyan soldiers sent to russia', 'a che scopo una settantina di militari libici sono andati in russia']) {
      const answer = await engine.ask(question);
      expect(answer, question).toMatchObject({ answered: true, paragraph: 1 });
      expect(answer.unmatched, question).toEqual([]);
    }
  });
});

describe('a question that gives the value it asks about', () => {
  it('is answered yes or no by the paragraph that states it, not declined for lack of another value', async () => {
    for (const question of ['is benghazi 1000 km from tripoli?', 'Bengasi liegt 1000 km von Tripolis entfernt?']) {
      expect(await engine.ask(question), question).toMatchObject({ answered: true, paragraph: 7 });
    }
    expect(await engine.ask('did haftar visit moscow in the year 2016?')).toMatchObject({ answered: true, paragraph: 6 });
  });
});

describe('what an acronym stands for', () => {
  it('is answered by the paragraph that spells it out, not by any that mentions it', async () => {
    for (const question of ['What does ANL stand for?', 'what does LNA mean', 'wofür steht GNA', 'What is the GNA?']) {
      expect(await engine.ask(question), question).toMatchObject({ answered: true, paragraph: 1 });
    }
  });
});

describe('a phrase that names what the article does not', () => {
  it('is not matched by the spelling of its words: a prime minister is not the minister of defence', async () => {
    expect(await engine.ask('Who is the prime minister of the Tripoli administration?')).toMatchObject({ paragraph: 1 });
    expect((await engine.ask("Who is Libya's prime minister?")).paragraph).not.toBe(5);
  });
});

describe('what someone said or how they reacted', () => {
  it('is answered by a sentence that reports the speech of whom the question names', async () => {
    expect(await engine.ask('what did the LNA spokesman tell AFP?')).toMatchObject({ answered: true, paragraph: 1, span: null });
    expect(await engine.ask('what did Ghanim say about the agreement?')).toMatchObject({ answered: true, paragraph: 4, span: null });
  });

  it('is declined where the article reports no words or reaction of theirs, in any language', async () => {
    await expectDeclined([
      'What did Shoigu actually tell Haftar during the video call?',
      'what did haftar and shoigu actually talk about during the video conference',
      'how did sarraj react to russia flying lna troops out?',
      'Comment Fayez al-Sarraj a-t-il réagi à l’envoi des soldats en Russie ?',
      'quelle a été la réponse de la russie à la demande de levée de l’embargo ?',
      '¿Qué le respondió Shoigu a Haftar durante la videoconferencia?',
      '¿qué opina estados unidos de la ayuda rusa a haftar?',
      'come ha reagito il governo di sarraj all’aiuto russo',
      'Was hat Putin zu Haftars Besuch gesagt?',
      'What did Sergei Shoigu promise Haftar during the video call?',
      // What two people said to each other, and the topics they discussed.
      'Que se sont dit Choïgou et Haftar pendant la visioconférence ?',
      'What topics did Shoigu and Haftar discuss on the video call?',
    ]);
    // A promise is reported speech too: "La Russie s'est engagée …, a ajouté Mohamad Ghanim".
    expect(await engine.ask('la russie a promis quoi exactement pour les blessés en plus ?')).toMatchObject({ answered: true, paragraph: 4 });
  });
});

describe('a city asked for is a city named', () => {
  it('answers "which city" with the place a sentence names, not with the word "ville" elsewhere', async () => {
    for (const question of ['In which city is the GNA based?', 'Le gouvernement d’union est basé dans quelle ville ?']) {
      expect(await engine.ask(question)).toMatchObject({ answered: true, paragraph: 1, span: { text: 'Tripoli' } });
    }
  });

  it('answers "in what part of Libya" with the region a sentence names, and "where is the GNA based" with the city', async () => {
    // "wich": a misspelt question word is read as the word it stands for by every cue, the region's too.
    for (const question of ["In what part of Libya are Haftar's forces stationed?", 'em que parte da libia ficam as tropas do haftar', 'in wich part of libya are the LNA troops based']) {
      expect(await engine.ask(question), question).toMatchObject({ answered: true, paragraph: 2, span: { text: 'l’est de la Libye' } });
    }
    expect(await engine.ask('Where is the Government of National Accord based?')).toMatchObject({ answered: true, paragraph: 1, span: { text: 'Tripoli' } });
  });

  it('does not take the place the question gives for the city it asks for ("which Russian city": not Russie)', async () => {
    await expectDeclined(['Dans quelle ville russe les soldats ont-ils été soignés ?', '¿En qué ciudad rusa están hospitalizados los soldados?']);
  });

  it('is not answered by a paragraph that never writes the word qualifying the city ("which Russian city": ¶7 names Libyan ones)', async () => {
    await expectDeclined(['In welcher russischen Stadt werden die Soldaten behandelt?', 'In which Russian city the wounded Libyan soldiers are hospitalised?', 'Dans quelle ville russe les blessés sont-ils soignés ?']);
    await expectAnswered([['Dans quelle ville libyenne des jihadistes sont-ils encore retranchés ?', 7], ['Quelle ville russe Haftar a-t-il visitée deux fois en 2016 ?', 6]]);
  });
});

describe('"since when" is answered by a starting point', () => {
  it('picks the starting point the article gives with "depuis" over another date of the same sentence', async () => {
    for (const question of ['Since when has the UN arms embargo been in place?', "depuis quand l'embargo", 'seit wann gilt das waffenembargo gegen libyen']) {
      expect(await engine.ask(question)).toMatchObject({ answered: true, paragraph: 6, span: { text: 'depuis 2011' } });
    }
    // The starting point may be an event: chaos "depuis la chute de Moummar Kadhafi".
    for (const question of ['Since when has Libya been in chaos?', '¿Desde cuándo hay caos en Libia?']) {
      expect(await engine.ask(question), question).toMatchObject({ answered: true, paragraph: 3, span: { text: 'depuis la chute de Moummar Kadhafi' } });
    }
    // Where no paragraph gives a starting point for what is asked ("turmoil" reaches no word of ¶3), no answer rather than a wrong one.
    expect((await engine.ask('Since when has Libya been in turmoil?')).answered).toBe(false);
    // A plain "when" takes the date nearest to what it asks about: the request, not the embargo's start.
    expect((await engine.ask('when did haftar ask russia for help with the embargo')).span?.text).toBe('novembre');
  });
});

describe('"how long" is answered by a duration', () => {
  it('answers with how long something has lasted, or where it started, in any language', async () => {
    for (const question of ['How long has Haftar been fighting the islamists?', '¿Cuánto tiempo lleva Haftar luchando contra los islamistas?', 'Da quanto tempo combatte Haftar contro gli islamisti?']) {
      expect(await engine.ask(question), question).toMatchObject({ answered: true, paragraph: 7, span: { text: 'Depuis trois ans', type: 'duration' } });
    }
    expect(await engine.ask('How long has Libya been in chaos?')).toMatchObject({ answered: true, paragraph: 3, span: { text: 'depuis la chute de Moummar Kadhafi' } });
  });

  it('declines "how long" where no sentence gives a duration (the video call, the carrier)', async () => {
    await expectDeclined(['Wie lange dauerte das Videogespräch mit Schoigu?', 'Wie lang ist der Flugzeugträger Admiral Kusnezow?']);
  });
});

describe('the short answer is the one the question asks for', () => {
  it('answers "which agency" with an acronym the article does not define (AFP, not the ANL it spells out)', async () => {
    for (const question of ['which news agency did the LNA spokesman talk to', "À quelle agence de presse le porte-parole s'est-il confié ?"]) {
      expect(await engine.ask(question)).toMatchObject({ answered: true, paragraph: 1, span: { text: 'AFP', type: 'organisation' } });
    }
  });

  it('looks for the answer in a sentence that writes the thing asked about, not in the next one', async () => {
    // ¶1's spokesman is unnamed ("un porte-parole de l'ANL."); the next sentence's Khalifa Haftar is not him.
    expect((await engine.ask('Qui est le porte-parole du GNA ?')).span).toBeNull();
    expect((await engine.ask('What is the name of the LNA spokesman?')).span?.text).toBe('Mohamad Ghanim');
  });

  it('takes, of several people, the one clearly nearest to the words asked about', async () => {
    // ¶1 names both leaders: Haftar leads the army named in its first sentence, al-Sarraj the GNA.
    expect(await engine.ask('who heads the GNA')).toMatchObject({ paragraph: 1, span: { text: 'Fayez al-Sarraj' } });
    // The sentence that holds a person is highlighted, not the one that names the ANL twice.
    const leader = await engine.ask('Who leads the Libyan National Army?');
    expect(leader).toMatchObject({ paragraph: 1, span: { text: 'Khalifa Haftar' } });
    expect(leader.highlight[0]).toMatch(/^Cette force, dirigée par le maréchal Khalifa Haftar/);
  });

  it('never gives the person the question names, nor, against whom, one the text does not set against anything', async () => {
    for (const question of ["contre qui se bat Haftar dans l'est", "contre qui se bat l'ANL dans l'est", 'Gegen wen kämpft die LNA im Osten Libyens?']) {
      const answer = await engine.ask(question);
      expect(answer).toMatchObject({ answered: true, paragraph: 7 });
      // "Khalifa Haftar et les troupes de l'ANL sont en guerre contre les groupes islamistes": no person is the answer.
      expect(answer.span).toBeNull();
    }
  });

  it('gives no short answer to a question that asks two things of different types', async () => {
    const answer = await engine.ask('where was the aircraft carrier when haftar visited it');
    expect(answer).toMatchObject({ answered: true, paragraph: 5 });
    // "Le 11 janvier" answers the "when", not the "where".
    expect(answer.span).toBeNull();
  });
});

describe('a kind asked for that is the answer type itself', () => {
  it('is answered only where a sentence gives one: "what day" is no question for a paragraph without a day', async () => {
    // ¶4 holds the wounded and no day; ¶1 has the day but not the wounded ("soldats"): no answer
    // rather than ¶4.
    const answer = await engine.ask('What day of the week did the injured fighters take off for Russia?');
    expect(answer.answered === false || answer.paragraph === 1).toBe(true);
    expect(answer.answered && answer.paragraph === 4).toBe(false);
    // Where the day is there, it answers.
    expect(await engine.ask('which day did the soldiers leave for russia')).toMatchObject({ answered: true, paragraph: 1, span: { text: 'mardi' } });
  });
});

describe('names alone never make an answer', () => {
  it('shows the passage that holds what the question names as the closest one when it declines', async () => {
    // "holed up" reaches nothing; the article names Benghazi in ¶7 only, and ¶1 holds nothing asked.
    expect(await engine.ask('who is still holed up in benghazi acording to the artcle?')).toMatchObject({ answered: false, paragraph: 7 });
    expect(await engine.ask('How long is the aircraft carrier Admiral Kuznetsov?')).toMatchObject({ answered: false, paragraph: 5 });
  });

  it.each([
    'When was Haftar born?',
    'Quand Haftar est-il né ?',
    'How tall is Fayez al-Sarraj?',
    // A name's particle in lower case is still part of the name, no word asked about.
    'quand fayez al-sarraj est-il né',
    // … and when the name after it is misspelt.
    'quand fayez al-sararj est-il né',
    'What is the population of Tripoli?',
    'Quelle est la météo demain ?',
    // Another minister than the article's (of defence), named by a word the article lacks.
    'Who is the Russian interior minister?',
    'Who is the Libyan health minister?',
    '¿Quién es el ministro de Asuntos Exteriores ruso?',
    'Chi è il ministro degli Esteri russo?',
    // … with an adjective between the minister and what qualifies him.
    "Comment s'appelle le ministre russe des Affaires étrangères ?",
    // German says it in one word, whose first part the article lacks.
    'Wie heißt der russische Außenminister?',
    'Wer ist der russische Innenminister?',
    // A known word's look-alike must be close as written too: "married" is not "mardi" (Tuesday).
    'Is Haftar married?',
    // Russia takes the wounded in charge; what that costs, the article does not say.
    "How much did Russia pay for the soldiers' treatment?",
    'Combien coûtent les soins des blessés à la Russie ?',
    'Qual é o salário do porta-voz Mohamad Ghanim?',
    // No age is given: "depuis trois ans" is how long a war has lasted.
    'how old is marshal haftar',
    'che età ha il portavoce ghanim',
    'Quel âge a le maréchal Haftar ?',
    'Wie alt ist Khalifa Haftar?',
    // "pleuvoir" (chover) has the form "plus" (il a plu; je plus, plaire), which the article writes as the adverb.
    'vai chover em lisboa esta semana',
  ])('"%s" is not covered', async (question) => {
    expect((await engine.ask(question)).answered).toBe(false);
  });

  it('declines whether something came about in the end when the article states it only as a purpose', async () => {
    // ¶6: "il y avait sollicité l'aide de la Russie pour lever l'embargo": asked for, not done.
    for (const question of ["did the UN end up lifting the arms embargo after haftar's request", "Est-ce que l'ONU a finalement levé l'embargo sur les armes ?", 'Wann wurde das Waffenembargo schließlich aufgehoben?']) {
      expect((await engine.ask(question)).answered, question).toBe(false);
    }
    // The same words without the question of an outcome, and an outcome the article states.
    expect(await engine.ask('Why did Haftar ask Russia for help with the arms embargo?')).toMatchObject({ answered: true, paragraph: 6 });
    expect(await engine.ask("Did Haftar's troops finally take Benghazi?")).toMatchObject({ answered: true, paragraph: 7 });
  });

  it('declines "when" where the paragraph with the words asked about gives no date, and answers where an event dates it', async () => {
    // ¶4 holds the wounded, and no day, month or year.
    for (const question of ['When will the wounded return to Libya?', 'Quand les soldats blessés rentreront-ils en Libye ?', 'Quando os soldados feridos voltaram para a Líbia?']) {
      expect((await engine.ask(question)).answered, question).toBe(false);
    }
    // "depuis la chute de Moummar Kadhafi" dates the chaos by an event.
    expect(await engine.ask('When did the country descend into chaos?')).toMatchObject({ answered: true, paragraph: 3 });
  });

  it('declines a question about someone or somewhere the article never names, and answers the same question about its own people', async () => {
    for (const question of ['What did Putin say about the LNA soldiers?', 'cosa ha detto putin a haftar durante la visita a mosca', 'Qual é a melhor época para visitar Lisboa?']) {
      const answer = await engine.ask(question);
      expect(answer.answered, question).toBe(false);
    }
    expect(await engine.ask('What did the spokesman say about the LNA soldiers?')).toMatchObject({ answered: true, paragraph: 1 });
    // A name of another language's dictionaries is one only when it is at least four letters long: Italian "sa" (knows) is no name.
    expect(await engine.ask('ciao a tutti! qualcuno sa con quale ministro russo ha parlato haftar in videoconferenza?')).toMatchObject({ answered: true, paragraph: 5 });
  });

  it('declines a question for a kind of thing no paragraph names, whoever it names around it', async () => {
    // Every other word is in ¶1 (soldiers, Russia, the LNA, treated): only the hospital is not.
    const trap = await engine.ask('which hospital in russia are the LNA soldiers being treated at');
    expect(trap.answered).toBe(false);
    expect(trap.unmatched).toContain('hospital');
    await expectDeclined([
      'how many sailors serve on the admiral kuznetsov',
      'hey bot, what airline flew the soldiers to russia',
      // The adjective before the noun is in the article; the hospital is not.
      'Which Russian hospital are the Libyan soldiers being treated in?',
      // People are a kind of thing asked for too: the article counts soldiers, not inhabitants.
      'How many people live in Benghazi?',
    ]);
    // A kind asked for with two typos no correction reaches ("sodlai") says nothing of what the article lacks.
    expect(await engine.ask('Quanti sodlai libici sono volati in Russia per farsi curare?')).toMatchObject({ answered: true, paragraph: 1 });
    // The kind asked for is in the article: answered.
    expect(await engine.ask('Which government does Fayez al-Sarraj lead?')).toMatchObject({ answered: true, paragraph: 1 });
    expect(await engine.ask('Combien de blessés la Russie va-t-elle encore soigner ?')).toMatchObject({ answered: true, paragraph: 4 });
  });

  /** An engine over a small French article of these paragraphs. */
  async function engineOver(...paragraphs: string[]): Promise<Engine> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'small-corpus-'));
    await writeFile(path.join(dir, 'article.md'), `---\ndate: 2021-03\nlanguage: fr\n---\n\n${paragraphs.join('\n\n')}\n`);
    return lexicalEngine({ CORPUS_DIR: dir });
  }

  it('declines "which African countries" where the article says only "quelques pays africains", and answers "which countries"', async () => {
    await expectDeclined(['quels pays africains soutiennent le GNA', 'Which African countries back the GNA, by name?', 'welche afrikanischen länder unterstützen die GNA genau']);
    expect(await engine.ask('Which countries back the GNA?')).toMatchObject({ answered: true, paragraph: 2 });
    // "les groupes islamistes et radicaux" are named as such: the kind is there.
    expect(await engine.ask('which islamist groups is haftar fighting')).toMatchObject({ answered: true, paragraph: 7 });
  });

  it('reads "contre qui" as against whom, not as the "contrer" (to counter) of another paragraph', async () => {
    expect(await engine.ask("contre qui se bat haftar dans l'est")).toMatchObject({ answered: true, paragraph: 7 });
    expect(await engine.ask('Who are Haftar\'s troops fighting against?')).toMatchObject({ answered: true, paragraph: 7 });
    // Nor through the verb it is spelt like: ¶2 writes "contrer" beside "l'est de la Libye".
    expect(await engine.ask("Contre qui l'ANL combat-elle dans l'est de la Libye ?")).toMatchObject({ answered: true, paragraph: 7 });
  });

  it("reads an acronym of the question's language through the words the article defines its own by (ENL: Ejército Nacional Libio → ANL)", async () => {
    for (const [question, paragraph] of [
      ['qual o nome do porta-voz do ENL', 4],
      ['como se llama el vocero del ENL', 4],
      ['A ajuda russa ao ENL mostra o quê?', 2],
    ] as const) {
      const answer = await engine.ask(question);
      expect(answer.unmatched, question).not.toContain('enl');
      expect(answer, question).toMatchObject({ answered: true, paragraph });
    }
    // Letters that begin no such words stay unmatched.
    expect((await engine.ask('qual o nome do porta-voz do XQZ')).unmatched).toContain('xqz');
  });

  it('declines a question for the names of a kind the article leaves unnamed, in languages that put the noun first too', async () => {
    await expectDeclined([
      'What are the names of the jihadist groups in Benghazi?',
      'quels groupes jihadistes sont à Benghazi',
      // "les groupes islamistes" elsewhere in the paragraph is another kind, qualified otherwise.
      'Quels sont les noms des groupes jihadistes à Benghazi ?',
      'Quais são os nomes dos grupos jihadistas em Benghazi?',
      // The "que" after the kind is a relative pronoun, not the word that says what is asked.
      'cómo se llaman los grupos yihadistas que siguen en bengasi',
      'quali paesi africani sostengono il GNA?',
    ]);
    // A kind the article names answers: the spokesman is Mohamad Ghanim.
    expect(await engine.ask('What is the name of the LNA spokesman?')).toMatchObject({ answered: true, paragraph: 4 });
    expect(await engine.ask('como se llama el portavoz del ejercito de haftar')).toMatchObject({ answered: true, paragraph: 4 });
  });

  it('answers a question about a cost with the paragraph that gives an amount, and bolds it', async () => {
    const local = await engineOver(
      'La rénovation des écoles de la commune commencera en avril, selon le maire.',
      'Le conseil municipal a voté mardi un budget de 12 millions d’euros pour la rénovation des écoles.',
    );
    const answer = await local.ask('Combien coûtera la rénovation des écoles ?');
    expect(answer).toMatchObject({ answered: true, paragraph: 2, span: { text: '12 millions d’euros', type: 'money' } });
  });

  it('answers "how old" with the paragraph that gives an age', async () => {
    const local = await engineOver('Le maire de la commune a présenté mardi son budget pour les écoles.', 'Le maire, 62 ans, se représentera aux élections de juin.');
    expect(await local.ask('Quel âge a le maire ?')).toMatchObject({ answered: true, paragraph: 2, span: { text: '62 ans', type: 'age' } });
  });

  it('asks a paragraph for a candidate of the type when the kind asked for is the type itself (which day, welche Stadt)', async () => {
    // ¶7 says where the soldiers are fighting, ¶1 on which day (mardi) they flew out.
    expect(await engine.ask('an welchem wochentag sind die soldaten abgeflogen')).toMatchObject({ answered: true, paragraph: 1 });
  });

  it('reads "which international organisation" as a kind no text writes out, not as the adjective asked for', async () => {
    expect(await engine.ask('Which international organisation recognises the GNA?')).toMatchObject({ answered: true, paragraph: 2 });
  });

  it('does not search for a kind of thing no text writes out ("what event", "dans quel but")', async () => {
    const answer = await engine.ask('quel evenement a declenche le chaos libyen');
    expect(answer.unmatched).not.toContain('evenement');
    expect(answer).toMatchObject({ answered: true, paragraph: 3 });
  });

  it('reads a dictionary phrase whole: "foreign minister" is not the article\'s minister of defence', async () => {
    const trap = await engine.ask("Who is Russia's foreign minister?");
    expect(trap.answered).toBe(false);
    expect(trap.unmatched).toContain('foreign minister');
    // The minister the article names is still found.
    expect(await engine.ask("Who is Russia's defence minister?")).toMatchObject({ answered: true, paragraph: 5 });
  });

  it('does not take a rare sense read backwards from a dictionary for the word: nascer (born) is not lever (the sun rising)', async () => {
    await expectDeclined(['Quando nasceu Haftar?', 'Onde nasceu Haftar?']);
    // "apoiar" read backwards from "soutenir" (five translations) weighs less too, and still answers.
    expect(await engine.ask('Quem apoia o governo de união nacional?')).toMatchObject({ answered: true, paragraph: 2 });
  });

  it.each([
    'Who is the Russian defence minister?',
    '¿Quién es el ministro de Defensa ruso?',
    'Qui est le ministre russe de la Défense ?',
    'Wie heißt der russische Verteidigungsminister?',
  ])(
    '"%s" names the article\'s minister: answered',
    async (question) => {
      expect(await engine.ask(question)).toMatchObject({ answered: true, paragraph: 5 });
    },
  );

  it('reads "what is … called" in every language as a question for a name, not for the verb', async () => {
    for (const question of [
      'What is the spokesman of the LNA called?',
      "Comment s'appelle le porte-parole de l'ANL ?",
      'Wie heißt der Sprecher der LNA?',
      'hallo, wie heißt nochmal der sprecher der LNA?',
      // Haftar qualifies the army; the spokesman, not Haftar, is asked for.
      "comment s'appelle le porte-parole de l'armée d'Haftar",
      'como se llama el portavoz del ejercito de haftar',
    ]) {
      expect(await engine.ask(question), question).toMatchObject({ answered: true, paragraph: 4 });
    }
  });

  it('reads "nombre", "nome" as a question for a name in Spanish and Italian', async () => {
    for (const question of ['nombre del portavoz del ejército nacional libio', "portavoce dell'ANL nome"]) {
      const answer = await engine.ask(question);
      expect(answer, question).toMatchObject({ answered: true, paragraph: 4 });
      expect(answer.span?.text, question).toBe('Mohamad Ghanim');
    }
  });

  it('answers a question that asks only who someone is', async () => {
    expect(await engine.ask('Who is Fayez al-Sarraj?')).toMatchObject({ answered: true, paragraph: 1 });
    expect(await engine.ask('who is fayez al-sarraj')).toMatchObject({ answered: true, paragraph: 1 });
  });
});

describe('words the question puts side by side', () => {
  it('are read as neighbours, function words apart, and a paragraph that writes them so ranks first', async () => {
    const question = "Qui est à la tête du gouvernement d'union nationale ?";
    const retriever = await lexicalRetriever();
    const pairs = (await retriever.search(question)).query.neighbours.map(([a, b]) => [a.label, b.label]);
    expect(pairs).toContainEqual(['gouvernement', 'union']);
    expect(pairs).toContainEqual(['union', 'nationale']);
    // Names are no neighbours: "LNA spokesman" asks for the spokesman ¶4 names.
    expect((await retriever.search('whats the name of the LNA spokesman')).query.neighbours).toEqual([]);
    expect(await engine.ask("cest qui le porte-parole de l'ANL")).toMatchObject({ answered: true, paragraph: 4 });
    // ¶2 and ¶3 have these words only through the acronym GNA; ¶1 writes them out, and who heads it.
    expect(await engine.ask(question)).toMatchObject({ answered: true, paragraph: 1 });
    // Who supports it is still ¶2, which says so with fewer of its words side by side.
    expect(await engine.ask('Chi sostiene il governo di unità nazionale libico?')).toMatchObject({ answered: true, paragraph: 2 });
  });
});

describe('names, acronyms and look-alike words', () => {
  it('matches acronyms whose letters the two languages order differently (LNA → ANL)', async () => {
    const ranking = await engine.explain('What ship did the LNA chief visit in January?');
    expect(ranking[0]!.paragraph).toBe(5);
    const answer = await engine.ask('What ship did the LNA chief visit in January?');
    expect(answer.unmatched).not.toContain('lna');
    // Read as the article's acronym, a name: not as a typo of a word one letter off, which made it
    // a focus word found in any paragraph with "entre".
    const retriever = await lexicalRetriever();
    for (const question of ['How many LNA soldiers flew to Russia?', 'who leads the lna']) {
      const lna = (await retriever.search(question)).query.concepts.find((c) => c.label === 'lna');
      expect(lna).toMatchObject({ name: true });
      expect([...lna!.terms.keys()]).toEqual(['anl']);
    }
  });

  it('does not let a name match a common word that merely looks like it', async () => {
    const answer = await engine.ask('Who is Donald Trump?');
    expect(answer.answered).toBe(false);
    expect([...answer.unmatched].sort()).toEqual(['donald', 'trump']);
  });

  it('reads a name the question writes in lower case as a name (paris is no "partis")', async () => {
    for (const question of ['whats the weather in paris tomorrow', 'whats the weather in Paris tomorrow']) {
      const answer = await engine.ask(question);
      expect(answer.answered).toBe(false);
      expect(answer.unmatched).toContain('paris');
    }
  });

  it('reaches a verb the article conjugates irregularly, from a British spelling or an irregular form', async () => {
    // recognises → recognize → reconnaître, which the article writes "reconnu" (¶2).
    expect((await engine.ask('Who recognises the GNA?')).paragraph).toBe(2);
    expect((await engine.ask('Who recognises the GNA?')).answered).toBe(true);
    // A translation through a pivot (riconoscere → reconnaître, 0.6) still makes "reconnu" a match of what is asked about.
    expect(await engine.ask("l'ONU riconosce il GNA?")).toMatchObject({ answered: true, paragraph: 2 });
    // A form no stem rule brings to its infinitive is a word of its language: translated through
    // its infinitive (sostiene → sostenere → soutenir), not matched by its look to "soins".
    const retriever = await lexicalRetriever();
    const terms = (await retriever.search('Chi sostiene il GNA?')).query.concepts.find((c) => c.label === 'sostiene')!.terms;
    expect(terms.has('souten')).toBe(true);
    expect(terms.has('soin')).toBe(false);
  });

  it('does not translate a form of "be" into whatever the dictionaries list under être (esteve: the porte-avions of ¶5)', async () => {
    expect(await engine.ask('O marechal esteve em Moscou duas vezes em 2016?')).toMatchObject({ answered: true, paragraph: 6 });
  });

  it('keeps a translation through a pivot a focus match when the verb is reached through its infinitive (sostiene → sostenere → soutenir)', async () => {
    expect(await engine.ask('Chi sostiene il governo di accordo nazionale?')).toMatchObject({ answered: true, paragraph: 2 });
    expect(await engine.ask('oi, quem apoia o GNA? europeus, americanos...?')).toMatchObject({ answered: true, paragraph: 2 });
  });

  it('still matches words that English capitalises and French does not (Islamists → islamistes)', async () => {
    const answer = await engine.ask('How long have Haftar’s forces been fighting Islamist groups?');
    expect(answer.unmatched).not.toContain('islamist');
    expect(answer.paragraph).toBe(7);
  });
});
