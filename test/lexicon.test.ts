import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeDictdNumber, listedVerbForms, parseEntry, readDictionary, sameRoot } from '../data/build/freedict.js';
import { readMythes, readWordNet, readWordNetCapitals, readWordNetNounKinds } from '../data/build/thesaurus.js';
import { parseAtt, parseVerbAnalyses } from '../data/build/apertium.js';
import { readVerbiste } from '../data/build/verbiste.js';
import { loadVerbForms, verbFormsFile } from '../src/search/verb-forms.js';
import { acronymOfPhrase, loadCapitals, loadHomographStems, loadKinds, loadKnownStems, loadLexicon, loadRelatedStems } from '../src/search/lexicon.js';
import { SortedLines } from '../src/search/sorted-lines.js';
import { formatLexiconLine, parseTargets, wordKey } from '../src/search/lexicon-format.js';
import { languageByCode } from '../src/text/languages.js';
import { words } from '../src/text/normalize.js';
import { infinitiveCandidates, singularCandidates } from '../src/text/inflection.js';
import { capturingLogger } from './helpers/log-capture.js';
import { PACKAGE_ROOT } from '../src/paths.js';

const en = languageByCode('en')!;
const fr = languageByCode('fr')!;
const de = languageByCode('de')!;
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const encode = (n: number): string => {
  let out = '';
  do {
    out = B64[n % 64] + out;
    n = Math.floor(n / 64);
  } while (n > 0);
  return out;
};

async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

/** Writes a shipped-format lexicon file: one `key\ttargets` line per entry, gzipped. */
async function writeLexicon(dir: string, name: string, lines: string[]): Promise<void> {
  await writeFile(path.join(dir, name), gzipSync(`${lines.join('\n')}\n`));
}

describe('the build side: upstream formats', () => {
  it('decodes dictd base-64 numbers', () => {
    expect(decodeDictdNumber('A')).toBe(0);
    expect(decodeDictdNumber('b')).toBe(27);
    expect(decodeDictdNumber('BA')).toBe(64);
    expect(() => decodeDictdNumber('*')).toThrow(/not a dictd number/);
  });

  it('reads numbered senses, and skips glosses written in the headword language', () => {
    expect(parseEntry('treat /triːt/\n1. guérir, soigner\n2. régaler\n3. traiter\n')).toEqual({
      headword: 'treat',
      translations: ['guérir', 'soigner', 'régaler', 'traiter'],
    });
    expect(parseEntry('verwundet /fɛɐ̯ˈvʊndət/ <adj>\nblessé\nsich eine physische Wunde zugezogen habend\n')).toEqual({
      headword: 'verwundet',
      translations: ['blessé'],
    });
  });

  it("reads the forms FreeDict lists under a verb, the verb's own only", () => {
    const text = [
      'fliegen /flˈiːɡən/ <v, intr>',
      'fly <v>',
      ' see: {fliegend}, {geflogen}, {er/sie fliegt}, {ich/er/sie flog}, {mit dem Flugzeug geflogen}',
      'bitten /bˈɪtən/ <v>',
      'ask <v>',
      ' see: {gebeten}, {gefragt}, {ich/er/sie bat}, {Bitten Sie Frau X herauf.}',
      'Flug /fluːk/ <n, masc>',
      'flight',
      ' see: {Flüge}',
    ].join('\n');
    expect(listedVerbForms(text)).toEqual([
      ['fliegend', 'fliegen'],
      ['geflogen', 'fliegen'],
      ['fliegt', 'fliegen'],
      ['flog', 'fliegen'],
      ['gebeten', 'bitten'],
      ['bat', 'bitten'],
    ]);
    // The vowels change, the first consonants stay; a particle keeps its place before "ge".
    expect([sameRoot('gebeten', 'bitten'), sameRoot('aufgehoben', 'aufheben'), sameRoot('gefragt', 'bitten'), sameRoot('stützt', 'unterstützen')]).toEqual([true, true, false, false]);
  });

  it('reads a dictd dictionary through its index', async () => {
    const dir = await tempDir('dictd-');
    const entries = ['soin /swɛ̃/ <n, masc>\ncare, concern\n', 'blessé /blese/\nwounded\n'];
    let data = '';
    const index: string[] = [];
    for (const entry of entries) {
      index.push(`${entry.split(' ')[0]}\t${encode(Buffer.byteLength(data))}\t${encode(Buffer.byteLength(entry))}`);
      data += entry;
    }
    await writeFile(path.join(dir, 'x.index'), `${index.join('\n')}\n`);
    await writeFile(path.join(dir, 'x.dict.dz'), gzipSync(Buffer.from(data)));
    const file = { from: fr, to: en, index: path.join(dir, 'x.index'), data: path.join(dir, 'x.dict.dz') };
    expect(await readDictionary(file)).toEqual([
      { headword: 'soin', translations: ['care', 'concern'] },
      { headword: 'blessé', translations: ['wounded'] },
    ]);
  });

  it('reads a MyThes thesaurus in its declared encoding, without annotations', async () => {
    const dir = await tempDir('mythes-');
    const file = path.join(dir, 'th.dat');
    await writeFile(file, Buffer.from('ISO8859-1\nsoigné|2\n(Adjectif)|soigneux|méticuleux (vieilli)\n-|propre\n', 'latin1'));
    expect(await readMythes(file)).toEqual([{ headword: 'soigné', meanings: [['soigneux', 'méticuleux'], ['propre']] }]);
  });

  it('reads an Apertium dictionary printed by lt-print: every path to a final state, without tags, number or word patterns', () => {
    const att = [
      // herido<adj> → blessé<adj>; caos → chaos (an output longer than its input); a number pattern (digits are not words)
      ['0', '1', 'h', 'b'], ['1', '2', 'e', 'l'], ['2', '3', 'r', 'e'], ['3', '4', 'i', 's'], ['4', '5', 'd', 's'], ['5', '6', 'o', 'é'], ['6', '7', '<adj>', '<adj>'],
      ['0', '8', 'c', 'c'], ['8', '9', 'a', 'h'], ['9', '10', 'o', 'a'], ['10', '11', 's', 'o'], ['11', '7', 'ε', 's'],
      ['0', '14', '1', '1'], ['14', '7', '<num>', '<num>'],
      // a word pattern: any run of letters after "z" (a state looping on itself) is not vocabulary
      ['0', '20', 'z', 'z'], ['20', '20', 'a', 'a'], ['20', '20', 'b', 'b'], ['20', '7', '<np>', '<np>'],
    ].map((f) => `${f.join('\t')}\t0.000000`);
    const text = `${att.join('\n')}\n7\t0.000000\n--\n0\t1\t@_SPACE_@\t@_SPACE_@\t0.000000\n0\t2\tx\ty\t0.000000\n2\t0.000000\n`;
    expect(parseAtt(text)).toEqual([
      ['herido', 'blessé'],
      ['caos', 'chaos'],
      ['x', 'y'],
    ]);
  });

  it('reads WordNet synsets as synonyms, with the head of an adjective satellite’s cluster', async () => {
    const dir = await tempDir('wordnet-');
    for (const part of ['noun', 'verb', 'adv']) {
      await writeFile(path.join(dir, `data.${part}`), '  1 license header line\n');
      await writeFile(path.join(dir, `index.${part}`), '  1 license header line\n');
    }
    await writeFile(
      path.join(dir, 'data.adj'),
      '  1 license header line\n' +
        '00823350 00 a 02 east 0 eastward 0 001 & 00823971 a 0000 | situated in the east\n' +
        '00823971 00 s 02 eastern 0 easterly 0 001 & 00823350 a 0000 | lying toward the east\n',
    );
    await writeFile(path.join(dir, 'index.adj'), '  1 license header line\neast a 1 1 & 1 0 00823350\neastern a 1 1 & 1 0 00823971\n');
    expect(await readWordNet(dir)).toEqual([
      { headword: 'east', meanings: [['eastward']] },
      { headword: 'eastern', meanings: [['easterly', 'east', 'eastward']] },
    ]);
  });

  it('reads WordNet\'s national capitals with the names and adjectives of the country each is part of', async () => {
    const dir = await tempDir('wordnet-capitals-');
    await writeFile(
      path.join(dir, 'data.noun'),
      '  1 license header line\n' +
        '08518505 15 n 01 capital 0 001 ~ 08691669 n 0000 | a seat of government\n' +
        '08524735 15 n 01 city 0 000 | a large town\n' +
        '08691669 15 n 01 national_capital 0 002 @ 08518505 n 0000 @ 08524735 n 0000 | the capital of a nation\n' +
        '09004068 15 n 02 Moscow 0 Russian_capital 0 002 @i 08691669 n 0000 #p 09006413 n 0000 | a city of Russia\n' +
        '09006413 15 n 02 Russia 0 Russian_Federation 0 000 | a country\n' +
        '09000002 15 n 01 Kazan 0 002 @i 08524735 n 0000 #p 09006413 n 0000 | a city, no capital\n',
    );
    await writeFile(path.join(dir, 'data.adj'), '  1 license header line\n02957277 01 a 01 Russian 0 001 \\ 09006413 n 0101 | of Russia\n');
    const { capitalLemmas, capitals } = await readWordNetCapitals(dir);
    // The head noun of "national capital" among its hypernyms: "capital", not "city".
    expect(capitalLemmas).toEqual(['capital']);
    expect(capitals).toEqual([{ city: ['Moscow', 'Russian capital'], places: ['Russia', 'Russian Federation', 'Russian'] }]);
  });

  it('reads WordNet nouns as kinds: lemmas, hypernyms and instance hypernyms, senses in order', async () => {
    const dir = await tempDir('wordnet-kinds-');
    await writeFile(
      path.join(dir, 'data.noun'),
      '  1 license header line\n' +
        '02687992 06 n 03 aircraft_carrier 0 carrier 0 flattop 0 001 @ 04552696 n 0000 | a large warship\n' +
        '04552696 06 n 02 warship 0 war_vessel 0 001 @ 03763133 n 0000 | a government ship\n' +
        '03763133 06 n 01 military_vessel 0 000 | a vessel\n' +
        '09000001 15 n 01 Moscow 0 001 @i 08000001 n 0000 | capital of Russia\n',
    );
    await writeFile(path.join(dir, 'index.noun'), '  1 license header line\naircraft_carrier n 1 1 @ 1 0 02687992\ncarrier n 2 1 @ 2 0 09999999 02687992\n');
    const { synsets, senses } = await readWordNetNounKinds(dir);
    expect(synsets.get('02687992')).toEqual({ lemmas: ['aircraft carrier', 'carrier', 'flattop'], hypernyms: ['04552696'] });
    expect(synsets.get('09000001')).toEqual({ lemmas: ['moscow'], hypernyms: ['08000001'] });
    expect(senses.get('carrier')).toEqual(['09999999', '02687992']);
  });

  it('reads the verbs of an Apertium analyser: form and lemma, no other part of speech, nothing past a clitic', () => {
    const arc = (from: number, to: number, input: string, output: string) => `${from}\t${to}\t${input}\t${output}\t0.000000`;
    // pidió → pedir<vblex><ifi>; pidiólo would go on past "+"; paz → paz<n> is no verb.
    const att = [
      arc(0, 1, 'p', 'p'), arc(1, 2, 'i', 'e'), arc(2, 3, 'd', 'd'), arc(3, 4, 'i', 'i'), arc(4, 5, 'ó', 'r'),
      arc(5, 6, 'ε', '<vblex>'), arc(6, 7, 'ε', '<ifi>'), arc(7, 8, 'l', '+'), arc(8, 9, 'o', 'l'),
      arc(1, 10, 'a', 'a'), arc(10, 11, 'z', 'z'), arc(11, 12, 'ε', '<n>'),
      '7\t0.000000', '9\t0.000000', '12\t0.000000',
    ];
    expect(parseVerbAnalyses(`${att.join('\n')}\n`)).toEqual([['pidió', 'pedir']]);
    // A first or second person (pedí: pedir<vblex><ifi><p1><sg>) is left out.
    const firstPerson = [arc(0, 1, 'p', 'p'), arc(1, 2, 'e', 'e'), arc(2, 3, 'd', 'd'), arc(3, 4, 'í', 'i'), arc(4, 5, 'ε', 'r'), arc(5, 6, 'ε', '<vblex>'), arc(6, 7, 'ε', '<p1>'), '7\t0.000000'];
    expect(parseVerbAnalyses(`${firstPerson.join('\n')}\n`)).toEqual([]);
  });

  it('reads only the third persons of a six-person Verbiste tense', async () => {
    const dir = await tempDir('verbiste-');
    await writeFile(path.join(dir, 'verbs-fr.xml'), '<v><i>armer</i>\t<t>aim:er</t></v>\n');
    await writeFile(
      path.join(dir, 'conjugation-fr.xml'),
      '<template name="aim:er"><indicative><present><p><i>e</i></p><p><i>es</i></p><p><i>e</i></p><p><i>ons</i></p><p><i>ez</i></p><p><i>ent</i></p></present></indicative>' +
        '<imperative><imperative-present><p><i>e</i></p><p><i>ons</i></p><p><i>ez</i></p></imperative-present></imperative></template>\n',
    );
    // "tu armes" and "armons" are spelt like nouns or are rare in news: only arme and arment.
    expect(await readVerbiste(dir, 'fr')).toEqual([
      ['arme', 'armer'],
      ['arment', 'armer'],
    ]);
  });

  it('reads Verbiste conjugations: each verb takes the endings of its template, several spellings and missing forms included', async () => {
    const dir = await tempDir('verbiste-');
    await writeFile(
      path.join(dir, 'verbs-fr.xml'),
      '<verbs-fr>\n<v><i>reconnaître</i>\t\t<t>rep:aître</t></v>\n<v><i>égaler</i>\t<t>rep:aître</t></v>\n<v><i>rouler</i>\t<t>absent:er</t></v>\n</verbs-fr>\n',
    );
    await writeFile(
      path.join(dir, 'conjugation-fr.xml'),
      '<conjugation-fr>\n<template name="rep:aître">\n<infinitive><infinitive-present><p><i>aître</i></p></infinitive-present></infinitive>\n' +
        '<indicative><present><p><i>ais</i></p><p></p><p><i>aît</i><i>ait</i></p></present></indicative>\n' +
        '<participle><past-participle><p><i>u</i></p><p><i>ues</i></p></past-participle></participle>\n</template>\n</conjugation-fr>\n',
    );
    // égaler does not end like its template and rouler names none: both are data errors, left out.
    expect(await readVerbiste(dir, 'fr')).toEqual([
      ['reconnaître', 'reconnaître'],
      ['reconnais', 'reconnaître'],
      ['reconnaît', 'reconnaître'],
      ['reconnait', 'reconnaître'],
      ['reconnu', 'reconnaître'],
      ['reconnues', 'reconnaître'],
    ]);
  });

  const DATA_DIR = path.join(PACKAGE_ROOT, 'data', 'lexicons');
  /** A shipped lexicon file, whole (not restricted to the article). */
  const shippedLexicon = async (pair: string): Promise<SortedLines> =>
    SortedLines.fromText(gunzipSync(await readFile(path.join(DATA_DIR, `${pair}.tsv.gz`))).toString('utf8'));

  it('ships indirect targets that two routes agree on at 60, and those one route reaches under a focus match', async () => {
    const english = await shippedLexicon('en-fr');
    const spokesperson = new Map(parseTargets(english.value('spokesperson')!));
    // Several routes (WordNet synonyms, pivots) lead spokesperson to porte-parole; one odd route to député.
    expect(spokesperson.get('port+parol')).toBe(0.6);
    expect(spokesperson.get('deput')).toBe(0.51);
  });

  it('ships French synonyms that a dictionary translates alike at full weight, the others at 60', async () => {
    const french = await shippedLexicon('fr-fr');
    const disorder = new Map(parseTargets(french.value('desordr')!));
    // désordre and pagaille are both "mess" in FreeDict; désordre and tapage (an uproar) share no translation.
    expect(disorder.get('pagaill')).toBe(1);
    expect(disorder.get('tapag')).toBe(0.6);
  });

  it('ships no target cut out of an idiom on a stop-word verb ("faire part" is not "part")', async () => {
    const english = await shippedLexicon('en-fr');
    const targets = (key: string): string[] => parseTargets(english.value(key)!).map(([target]) => target);
    expect(targets('report')).not.toContain('part');
    expect(targets('report')).toContain('rapport');
    // "partir" itself still translates "depart".
    expect(targets('depart')).toContain('part');
  });

  it('ships the irregular verb forms of French, Italian, Spanish and Portuguese, not forms of auxiliaries or two-letter forms', async () => {
    const french = await loadVerbForms(verbFormsFile(DATA_DIR, fr), fr);
    expect(french.infinitives('reconnu')).toEqual(['reconnaitre']);
    expect(french.infinitives('tiennent')).toEqual(['tenir']);
    expect(french.infinitives('promis')).toEqual(['promettre']);
    // Folded, "armes" is also "armés" (of armer); spelt with its accents, only the participle is.
    expect(french.infinitives('armes')).toEqual(['armer']);
    expect(french.infinitives('armes', 'armés')).toEqual(['armer']);
    expect(french.infinitives('armes', 'armes')).toEqual([]);
    expect(french.infinitives('reconnu', 'reconnu')).toEqual(['reconnaitre']);
    // Spelt like its infinitive's stem (soigne, soigner), an auxiliary's form (est), two letters (pu), not a verb (gouvernement).
    for (const word of ['soigne', 'est', 'pu', 'gouvernement']) expect(french.infinitives(word)).toEqual([]);
    expect((await loadVerbForms(verbFormsFile(DATA_DIR, languageByCode('it')!), languageByCode('it')!)).infinitives('sostiene')).toEqual(['sostenere']);
    expect((await loadVerbForms(verbFormsFile(DATA_DIR, en), en)).infinitives('recognised')).toEqual([]);
    // Spanish and Portuguese from Apertium's analysers.
    const es = languageByCode('es')!;
    const pt = languageByCode('pt')!;
    expect((await loadVerbForms(verbFormsFile(DATA_DIR, es), es)).infinitives('pidio')).toEqual(['pedir']);
    expect((await loadVerbForms(verbFormsFile(DATA_DIR, pt), pt)).infinitives('trouxe')).toEqual(['trazer']);
  });

  it('keys an English agent noun apart from its verb ("supporters" is not "supports")', async () => {
    expect(wordKey('supporters', en)).toBe('supporter');
    expect(wordKey('supporter', en)).toBe('supporter');
    expect(wordKey('supports', en)).toBe('support');
    // Only where the stemmer took the "-er" away: "leader", "paper" are their own stems.
    expect(wordKey('leaders', en)).toBe('leader');
    expect(wordKey('papers', en)).toBe('paper');
    const english = await shippedLexicon('en-fr');
    const targets = (key: string): string[] => parseTargets(english.value(key)!).map(([target]) => target);
    expect(targets('supporter')).toContain('partisan');
    expect(targets('support')).not.toContain('partisan');
    expect(targets('support')).not.toContain('part');
  });

  it('ships no phrase that starts with an article ("the injured" is matched as "injured")', async () => {
    const english = await shippedLexicon('en-fr');
    expect(english.value('the injur')).toBeUndefined();
    expect(new Map(parseTargets(english.value('injur')!)).get('bless')).toBe(0.8);
  });

  it('writes and reads the shipped line format, direct targets without a weight', () => {
    const line = formatLexiconLine('wound', new Map([['plai', 0.6], ['bless', 1]]));
    expect(line).toBe('wound\tbless plai~60');
    expect(parseTargets(line.split('\t')[1]!)).toEqual([
      ['bless', 1],
      ['plai', 0.6],
    ]);
  });
});

describe('loading a shipped lexicon for one corpus', () => {
  const corpusTerms = new Set(['bless', 'soldat', 'navir', 'guerr', 'soin']);

  async function setup() {
    const dataDir = await tempDir('lexicons-');
    await writeLexicon(dataDir, 'en-fr.tsv.gz', [
      'wound\tbless plai~60',
      'warship\tnavir guerr',
      'fighter\tcombattant',
      'banana\tbanan',
      'care\tsoin souci',
      'take care\tsoin',
    ]);
    await writeLexicon(dataDir, 'fr-fr.tsv.gz', ['combattant\tsoldat~60 guerrier~60']);
    return { dataDir, cacheDir: path.join(dataDir, 'cache') };
  }

  it('keeps only targets the corpus uses, and keys that still have one', async () => {
    const { dataDir } = await setup();
    const lexicon = (await loadLexicon(en, fr, { dataDir, corpusTerms }))!;
    expect(lexicon.lookup('wound')).toEqual(new Map([['bless', 1]]));
    expect(lexicon.lookup('banana')).toBeUndefined();
    expect([...lexicon.keysOfLength(1, 20)].sort()).toEqual(['care', 'warship', 'wound']);
    expect([...lexicon.keysOfLength(4, 5)].sort()).toEqual(['care', 'wound']);
  });

  it('reaches the corpus through a synonym of a translation, at a lower weight', async () => {
    const { dataDir } = await setup();
    const synonyms = await loadLexicon(fr, fr, { dataDir, corpusTerms });
    const lexicon = (await loadLexicon(en, fr, { dataDir, corpusTerms, synonyms }))!;
    const fighter = lexicon.lookup('fighter')!;
    expect([...fighter.keys()]).toEqual(['soldat']);
    expect(fighter.get('soldat')).toBeGreaterThan(0);
    expect(fighter.get('soldat')).toBeLessThan(0.6);
  });

  it('counts a confirmed synonym in a chain as any other synonym', async () => {
    const dataDir = await tempDir('lexicons-');
    await writeLexicon(dataDir, 'en-fr.tsv.gz', ['hospital\thopital']);
    await writeLexicon(dataDir, 'fr-fr.tsv.gz', ['hopital\tsoin']);
    const synonyms = await loadLexicon(fr, fr, { dataDir, corpusTerms: new Set(['soin']) });
    const lexicon = (await loadLexicon(en, fr, { dataDir, corpusTerms: new Set(['soin']), synonyms }))!;
    // 1 × 0.6 × 0.5, not 1 × 1 × 0.5: "which hospital" must not find the article's "soins" as the thing asked for.
    expect(lexicon.lookup('hospital')).toEqual(new Map([['soin', 0.3]]));
  });

  it('adds up translations that agree on a synonym, up to a cap below a focus match', async () => {
    const dataDir = await tempDir('lexicons-');
    await writeLexicon(dataDir, 'en-fr.tsv.gz', ['turmoil\tagitation~60 tumulte~60 vacarme~60', 'row\tbagarre~60']);
    await writeLexicon(dataDir, 'fr-fr.tsv.gz', ['agitation\tchaos~60', 'bagarre\tchaos~60', 'tumulte\tchaos~60 guerre~60', 'vacarme\tchaos~60']);
    const synonyms = await loadLexicon(fr, fr, { dataDir, corpusTerms: new Set(['chaos', 'guerr']) });
    const lexicon = (await loadLexicon(en, fr, { dataDir, corpusTerms: new Set(['chaos', 'guerr']), synonyms }))!;
    // One route: 0.6 × 0.6 × 0.5 = 0.18, too weak to keep; three: 1 − 0.82³ ≈ 0.45, capped at 0.4.
    expect(lexicon.lookup('row')).toBeUndefined();
    expect(lexicon.lookup('turmoil')).toEqual(new Map([['chaos', 0.4]]));
  });

  it('reaches an acronym of the corpus through a phrase it never spells out, by its initials', async () => {
    const dataDir = await tempDir('lexicons-');
    // "Organisation des Nations unies": the article writes ONU, the dictionaries "nations unies".
    await writeLexicon(dataDir, 'en-fr.tsv.gz', ['unit nation\tnation+uni~60', 'free trade\tlibr+echang', 'nation\tnation']);
    const corpusTerms = new Set(['onu', 'anl', 'national']);
    const lexicon = (await loadLexicon(en, fr, { dataDir, corpusTerms, acronyms: new Set(['onu', 'anl']) }))!;
    expect(lexicon.lookup('unit nation')).toEqual(new Map([['onu', 0.48]]));
    // No acronym of the corpus has those initials: the phrase reaches nothing.
    expect(lexicon.lookup('free trade')).toBeUndefined();
    // Without the corpus's acronyms, nothing either (and a cached copy does not say otherwise).
    const without = (await loadLexicon(en, fr, { dataDir, corpusTerms }))!;
    expect(without.lookup('unit nation')).toBeUndefined();
  });

  it('reaches a compound of the corpus through a translation into a word for its kind, alone or heading a phrase', async () => {
    const dataDir = await tempDir('lexicons-');
    await writeLexicon(dataDir, 'en-fr.tsv.gz', ['ship\tnavir bateau~60', 'warship\tnavir+guerr~60', 'boat\tbarqu']);
    const kinds = new Map([['navir', ['port+avion']], ['bateau', ['port+avion']]]);
    const lexicon = (await loadLexicon(en, fr, { dataDir, corpusTerms: new Set(['port', 'avion', 'guerr']), kinds }))!;
    expect(lexicon.lookup('ship')).toEqual(new Map([['port+avion', 0.6]]));
    // "navire de guerre": half of it is in the corpus (guerre), and its head names the compound's kind.
    expect(lexicon.lookup('warship')).toEqual(new Map([['guerr', 0.3], ['port+avion', 0.36]]));
    expect(lexicon.lookup('boat')).toBeUndefined();
  });

  it('reads an acronym in a phrase only when exactly one fits its initials', () => {
    expect(acronymOfPhrase(['nation', 'uni'], new Set(['onu', 'anl', 'gna']))).toBe('onu');
    expect(acronymOfPhrase(['agenc', 'franc', 'press'], new Set(['afp', 'onu']))).toBe('afp');
    expect(acronymOfPhrase(['nation', 'uni'], new Set(['onu', 'znu']))).toBeNull();
    expect(acronymOfPhrase(['nation'], new Set(['n']))).toBeNull();
    expect(acronymOfPhrase(['uni', 'nation'], new Set(['onu']))).toBeNull();
  });

  it('translates the longest phrases first, without overlap', async () => {
    const { dataDir } = await setup();
    const lexicon = (await loadLexicon(en, fr, { dataDir, corpusTerms }))!;
    const translations = lexicon.translate(words('Who will take care of the wounded on the warship?'));
    expect(translations.map((t) => [t.source, [...t.targets.keys()]])).toEqual([
      ['take care', ['soin']],
      ['wounded', ['bless']],
      ['warship', ['guerr', 'navir']],
    ]);
  });

  it('reads a weakly reached phrase word by word when its strongest word reaches something else, more strongly', async () => {
    const dataDir = await tempDir('lexicons-');
    // "head of" (of cattle): a piece, a bit; the corpus has "part" only as a synonym of those.
    await writeLexicon(dataDir, 'en-fr.tsv.gz', [
      'field\tdomain~41',
      'field marshal\tmarechal+camp~51',
      'head\tchef~60 tet',
      'head of\tmorceau~51 piec~51',
      'marshal\tdirig~60 marechal~60',
      'minister\tministr',
      'prime minister\tpremi+ministr~60',
      'russian\truss',
      'russian capit\tmoscou~51 russ~93',
    ]);
    await writeLexicon(dataDir, 'fr-fr.tsv.gz', ['morceau\tpart~60', 'piec\tpart~60']);
    const corpusTerms = new Set(['chef', 'part', 'moscou', 'russ', 'dirig', 'marechal', 'domain', 'ministr']);
    const synonyms = await loadLexicon(fr, fr, { dataDir, corpusTerms });
    const lexicon = (await loadLexicon(en, fr, { dataDir, corpusTerms, synonyms }))!;
    expect(lexicon.lookup('head of')!.get('part')).toBeLessThanOrEqual(0.4);
    const found = (text: string) => lexicon.translate(words(text)).map((t) => [t.source, [...t.targets.keys()]]);
    expect(found('the head of the army')).toEqual([['head', ['chef']]]);
    // A phrase with a translation of its own keeps it, even when a word alone weighs more (russ 1 > 0.93).
    expect(found('the russian capital')).toEqual([['russian capital', ['russ', 'moscou']]]);
    // Weak too (only part of "maréchal de camp" is in the corpus: 0.26), but it agrees with its word:
    // it stays whole ("field" brings nothing in), and what they share weighs what the word gives it.
    expect(found('the field marshal')).toEqual([['field marshal', ['marechal']]]);
    expect(lexicon.translate(words('the field marshal'))[0]!.targets.get('marechal')).toBe(0.6);
    // Unless one of its words reaches nothing in the corpus: a prime minister is not the
    // corpus's minister ("premier" is not in it), so "ministre" stays as weak as the phrase has it.
    expect(found('the prime minister')).toEqual([['prime minister', ['ministr']]]);
    expect(lexicon.translate(words('the prime minister'))[0]!.targets.get('ministr')).toBe(0.3);
  });

  it('gives a phrase just under a focus match its word\'s weight where it means what the word means ("medical treatment": soins)', async () => {
    const dataDir = await tempDir('lexicons-');
    await writeLexicon(dataDir, 'en-fr.tsv.gz', ['medic\tmedecin~60', 'medic treatment\tsoin~51', 'treatment\ttrait soin~60', 'war crime\tcrim~51 guerr~51', 'war\tguerr', 'crime\tdelit']);
    const lexicon = (await loadLexicon(en, fr, { dataDir, corpusTerms: new Set(['soin', 'trait', 'guerr', 'crim']) }))!;
    const targets = (text: string) => Object.fromEntries(lexicon.translate(words(text))[0]!.targets);
    // "medical" reaches nothing here, but the phrase agrees with "treatment": soin at 0.6, a focus match.
    expect(targets('medical treatment')).toEqual({ soin: 0.6 });
    // "crime" does not reach "crim" here: the phrase reaches what its words do not, and keeps its weights.
    expect(targets('war crime')).toEqual({ crim: 0.51, guerr: 0.51 });
  });

  it('reaches a verb through the infinitive of a form its stemmer does not bring back (apoia → apoiar)', async () => {
    const dataDir = await tempDir('lexicons-');
    const pt = languageByCode('pt')!;
    // Snowball stems "apoia" to "apo" and "apoiar" to "apoi": the dictionary is keyed by the latter.
    await writeLexicon(dataDir, 'pt-fr.tsv.gz', ['apo\tbless~30', 'apoi\tsouten']);
    const lexicon = (await loadLexicon(pt, fr, { dataDir, corpusTerms: new Set(['souten', 'bless']) }))!;
    const [withForms] = lexicon.translate(['apoia'], () => true, (token) => infinitiveCandidates(token, pt));
    expect(withForms!.targets.get('souten')).toBeGreaterThan(0.8);
    expect(withForms!.targets.get('bless')).toBe(0.3);
    const [withoutForms] = lexicon.translate(['apoia'], () => true);
    expect(withoutForms!.targets.has('souten')).toBe(false);
  });

  it('looks an agent noun up under its own key, else under its verb', async () => {
    const dataDir = await tempDir('lexicons-');
    await writeLexicon(dataDir, 'en-fr.tsv.gz', ['command\tcommand', 'support\tsouten', 'supporter\tpartisan']);
    const lexicon = (await loadLexicon(en, fr, { dataDir, corpusTerms: new Set(['command', 'souten', 'partisan']) }))!;
    const found = (text: string) => lexicon.translate(words(text)).map((t) => [t.source, [...t.targets.keys()]]);
    expect(found('supporters support')).toEqual([
      ['supporters', ['partisan']],
      ['support', ['souten']],
    ]);
    // No entry of its own: the verb's.
    expect(found('commanders')).toEqual([['commanders', ['command']]]);
  });

  it('looks a plural the stemmer leaves whole up under its singular', async () => {
    const pt = languageByCode('pt')!;
    const dataDir = await tempDir('lexicons-');
    // Portuguese Snowball keeps "armas" whole (its stem region is too short for the plural to go).
    await writeLexicon(dataDir, 'pt-fr.tsv.gz', ['arma\tarme', 'mao\tmain']);
    const lexicon = (await loadLexicon(pt, fr, { dataDir, corpusTerms: new Set(['arme', 'main']) }))!;
    const found = (text: string) => lexicon.translate(words(text)).map((t) => [t.source, [...t.targets.keys()]]);
    expect(found('armas maos')).toEqual([
      ['armas', ['arme']],
      ['maos', ['main']],
    ]);
    // A word with no singular in the dictionary stays untranslated.
    expect(found('lisboas')).toEqual([]);
  });

  it('keeps a phrase that reaches nothing in the corpus, without targets, when one of its words reaches it', async () => {
    const dataDir = await tempDir('lexicons-');
    await writeLexicon(dataDir, 'en-fr.tsv.gz', ['foreign\tetrang', 'foreign minister\tministr+affair+etrang~60', 'minister\tministr', 'prime number\tnombr+premi']);
    const lexicon = (await loadLexicon(en, fr, { dataDir, corpusTerms: new Set(['ministr']) }))!;
    expect(lexicon.lookup('foreign minister')).toEqual(new Map());
    // Neither of its words reaches the corpus: nothing to keep.
    expect(lexicon.lookup('prime number')).toBeUndefined();
    expect(lexicon.translate(words('the foreign minister')).map((t) => [t.source, t.targets.size])).toEqual([['foreign minister', 0]]);
    expect(lexicon.translate(words('the minister')).map((t) => [t.source, t.targets.size])).toEqual([['minister', 1]]);
  });

  it('loads a file whose lines are out of order, phrases without targets included', async () => {
    const dataDir = await tempDir('lexicons-');
    await writeLexicon(dataDir, 'en-fr.tsv.gz', ['wound\tbless', 'minister\tministr', 'foreign minister\tministr+affair+etrang~60', 'care\tsoin', 'health minister\tsant']);
    const lexicon = (await loadLexicon(en, fr, { dataDir, corpusTerms: new Set(['ministr', 'bless', 'soin']) }))!;
    expect(lexicon.lookup('care')).toEqual(new Map([['soin', 1]]));
    expect(lexicon.lookup('wound')).toEqual(new Map([['bless', 1]]));
    expect(lexicon.lookup('minister')).toEqual(new Map([['ministr', 1]]));
    expect(lexicon.lookup('foreign minister')).toEqual(new Map());
    expect(lexicon.lookup('health minister')).toEqual(new Map());
  });

  it('is null when no lexicon of the pair ships', async () => {
    const { dataDir } = await setup();
    expect(await loadLexicon(de, fr, { dataDir, corpusTerms })).toBeNull();
  });

  it('caches the restricted copy, reads it on the next start, and rebuilds it when the data changes', async () => {
    const { dataDir, cacheDir } = await setup();
    const capture = capturingLogger('info');
    const load = () => loadLexicon(en, fr, { dataDir, corpusTerms, cacheDir, logger: capture.logger });
    const first = (await load())!;
    const second = (await load())!;
    const entries = (lexicon: typeof first) => [...lexicon.keysOfLength(1, 20)].map((key) => [key, lexicon.lookup(key)]);
    expect(entries(second)).toEqual(entries(first));
    await writeLexicon(dataDir, 'en-fr.tsv.gz', ['soldier\tsoldat']);
    const third = (await load())!;
    expect(third.lookup('soldier')).toEqual(new Map([['soldat', 1]]));
    expect(third.lookup('wound')).toBeUndefined();
    expect(capture.lines.filter((l) => l.msg === 'lexicon loaded').map((l) => l.fromCache)).toEqual([false, true, false]);
  });

  it.each([
    ['out of order', 'wound\tbless\ncare\tsoin\n'],
    ['not a lexicon', 'garbage\n'],
    ['truncated', 'care\tsoin\nwou'],
  ])('survives a damaged cache file (%s) with a warning, and rewrites it', async (_, damage) => {
    const { dataDir, cacheDir } = await setup();
    await loadLexicon(en, fr, { dataDir, corpusTerms, cacheDir });
    const [name] = await readdir(cacheDir);
    const file = path.join(cacheDir, name!);
    await writeFile(file, damage);
    const capture = capturingLogger('info');
    const lexicon = (await loadLexicon(en, fr, { dataDir, corpusTerms, cacheDir, logger: capture.logger }))!;
    expect(lexicon.lookup('wound')).toEqual(new Map([['bless', 1]]));
    expect(capture.lines.find((l) => l.level === 40)).toMatchObject({ file, msg: expect.stringMatching(/lexicon cache unreadable/) });
    expect(await readFile(file, 'utf8')).toContain('wound\tbless\n');
  });
});

describe('singulars a plural may be', () => {
  it('removes the plural endings of Portuguese, Spanish and English, longest first', () => {
    const of = (word: string, code: string) => singularCandidates(word, languageByCode(code)!);
    expect(of('armas', 'pt')).toEqual(['arma']);
    expect(of('eleicoes', 'pt')).toEqual(['eleicao', 'eleico', 'eleicoe']);
    expect(of('nacoes', 'pt')).toEqual(['nacao', 'naco', 'nacoe']);
    expect(of('voces', 'es')).toEqual(['voz', 'voc', 'voce']);
    expect(of('armies', 'en')).toEqual(['army', 'armi', 'armie']);
    // Too short to be a plural of anything, and no rule for French or German.
    expect(of('mas', 'pt')).toEqual([]);
    expect(of('armes', 'fr')).toEqual([]);
  });
});

describe('infinitives a verb form may belong to', () => {
  it('rebuilds the infinitive from regular endings of each language, longest ending first', () => {
    const of = (word: string, code: string) => infinitiveCandidates(word, languageByCode(code)!);
    expect(of('apoiaram', 'pt')).toEqual(['apoiar']);
    expect(of('apoia', 'pt')).toEqual(['apoiar']);
    expect(of('respaldan', 'es')).toEqual(['respaldar']);
    expect(of('appoggiano', 'it')).toEqual(['appoggiare']);
    expect(of('dirige', 'it')).toEqual(['dirigere', 'dirigire']);
    expect(of('unterstutzt', 'de')).toEqual(['unterstutzen']);
    expect(of('fuhrte', 'de')).toEqual(['fuhren']);
    // Verbs in -eln and -ern keep their e.
    expect(of('behandelt', 'de')).toEqual(['behandeln']);
    expect(of('anderte', 'de')).toEqual(['andern']);
    expect(of('gehandelt', 'de')).toContain('handeln');
    // German weak participles: "ge" before the stem or after a separable prefix, "t" after it.
    expect(of('gekampft', 'de')).toContain('kampfen');
    expect(of('abgelehnt', 'de')).toContain('ablehnen');
    expect(of('gearbeitet', 'de')).toContain('arbeiten');
    // British spellings are looked up in their American form.
    expect(of('recognised', 'en')).toEqual(['recognized']);
    expect(of('defence', 'en')).toEqual(['defense']);
  });

  it('leaves short words, and languages without rules, alone', () => {
    expect(infinitiveCandidates('va', languageByCode('pt')!)).toEqual([]);
    expect(infinitiveCandidates('supports', en)).toEqual([]);
    expect(infinitiveCandidates('soutenu', fr)).toEqual([]);
  });
});

describe('known words', () => {
  it('answers membership in a sorted list without a Set', () => {
    const list = SortedLines.fromText('abim\nbless\nsoin\nwound\n');
    expect(list.size).toBe(4);
    for (const word of ['abim', 'bless', 'soin', 'wound']) expect(list.has(word)).toBe(true);
    for (const word of ['', 'a', 'blessé', 'zzz', 'soi']) expect(list.has(word)).toBe(false);
  });

  it('looks up values by key, and refuses lines out of order (a damaged file)', () => {
    const table = SortedLines.fromText('care\tsoin\ntake care\tsoin\nwound\tbless plai~60\n');
    expect(table.value('wound')).toBe('bless plai~60');
    expect(table.value('take care')).toBe('soin');
    expect(table.value('wounds')).toBeUndefined();
    expect([...table.wordsOfLength(4, 5)]).toEqual(['care', 'wound']);
    expect(() => SortedLines.fromText('wound\tbless\ncare\tsoin\n')).toThrow(/out of order/);
    expect(() => SortedLines.fromText('care\tsoin\ngarbage\n', true)).toThrow(/no tab/);
  });

  it('loads a language list from the data folder, and is empty when none ships', async () => {
    const dataDir = await tempDir('words-');
    await writeFile(path.join(dataDir, 'en.words.gz'), gzipSync('care\nwound\n'));
    expect((await loadKnownStems(dataDir, en)).has('wound')).toBe(true);
    expect((await loadKnownStems(dataDir, en)).empty).toBe(false);
    expect((await loadKnownStems(dataDir, de)).empty).toBe(true);
  });
});

describe('French word families and homographs', () => {
  const fr = languageByCode('fr')!;

  it('loads the relatives of a stem that the corpus has, and nothing without the file', async () => {
    const dataDir = await tempDir('related-');
    await writeFile(path.join(dataDir, 'fr.related.gz'), gzipSync('bless\tblessur\nsoign\tsoin\nsoin\tsoign\n'));
    const related = await loadRelatedStems(dataDir, fr, new Set(['soin', 'bless']));
    expect([...related]).toEqual([['soign', ['soin']]]);
    expect((await loadRelatedStems(await tempDir('related-none-'), fr, new Set(['soin']))).size).toBe(0);
  });

  it('loads the compounds of a kind that the corpus has, all of a compound\'s words, and nothing without the file', async () => {
    const dataDir = await tempDir('kinds-');
    await writeFile(path.join(dataDir, 'fr.kinds.gz'), gzipSync('bateau\tport+avion\nnavir\tcuirass port+avion sous+marin\n'));
    const kinds = await loadKinds(dataDir, fr, new Set(['port', 'avion', 'sous']));
    expect([...kinds]).toEqual([['bateau', ['port+avion']], ['navir', ['port+avion']]]);
    expect((await loadKinds(await tempDir('kinds-none-'), fr, new Set(['port']))).size).toBe(0);
  });

  it('loads the capitals the corpus names, by the stems of "capital" and of their country', async () => {
    const dataDir = await tempDir('capitals-');
    await writeFile(path.join(dataDir, 'fr.capitals.gz'), gzipSync('capital+allemagn\tberlin\ncapital+russ\tmoscou\n'));
    expect([...(await loadCapitals(dataDir, fr, new Set(['moscou', 'russ'])))]).toEqual([['capital+russ', ['moscou']]]);
    expect((await loadCapitals(await tempDir('capitals-none-'), fr, new Set(['moscou']))).size).toBe(0);
  });

  it('ships the capitals under the word for a capital, not under its other senses ("fonds")', async () => {
    const capitals = await loadCapitals(path.join(PACKAGE_ROOT, 'data', 'lexicons'), fr, new Set(['moscou', 'tripol', 'paris']));
    expect(capitals.get('capital+russ')).toEqual(['moscou']);
    expect(capitals.get('capital+libyen')).toEqual(['tripol']);
    expect(capitals.get('capital+franc')).toEqual(['paris']);
    expect([...capitals.keys()].every((key) => key.startsWith('capital+'))).toBe(true);
  });

  it('ships the kinds the engine relies on: a ship and a boat are a porte-avions, to ship (expédier) is not', async () => {
    const kinds = await loadKinds(path.join(PACKAGE_ROOT, 'data', 'lexicons'), fr, new Set(['port', 'avion']));
    expect(kinds.get('navir')).toEqual(['port+avion']);
    expect(kinds.get('bateau')).toEqual(['port+avion']);
    expect(kinds.has('expedi')).toBe(false);
  });

  it('ships the families and homographs the engine relies on', async () => {
    const dataDir = path.join(PACKAGE_ROOT, 'data', 'lexicons');
    const related = await loadRelatedStems(dataDir, fr, new Set(['soin', 'blessur', 'direct']));
    expect(related.get('soign')).toEqual(['soin']);
    expect(related.get('bless')).toEqual(['blessur']);
    expect(related.get('dirig')).toEqual(['direct']);
    // FreeDict French–English gives "soutenir" only "abide, endure"; German and Portuguese link it to "soutien".
    expect((await loadRelatedStems(dataDir, fr, new Set(['souten']))).get('soutien')).toEqual(['souten']);
    const homographs = await loadHomographStems(dataDir, fr);
    expect(homographs.has('part')).toBe(true);
    // "aide" and "aider" share "help": one family, not a homograph.
    expect(homographs.has('aid')).toBe(false);
  });
});
