#!/usr/bin/env node
/**
 * Compiles the offline mode's lexical data from upstream packages into data/lexicons/:
 *
 *   <xx>-fr.tsv.gz   questions in language xx → French index terms (stems), with weights
 *   fr-fr.tsv.gz     French synonyms (LibreOffice thesaurus), for questions asked in French
 *   <xx>.words.gz    every stem the sources know in language xx, fr included (tells a typo from a rare word)
 *   <xx>.names.gz    en, es, it, pt: words the sources only ever write with a capital (Paris), folded
 *   <xx>.verbs.gz    fr, it, es, pt, de: verb forms the stemmer does not bring back to their infinitive's stem, and that infinitive
 *   fr.homographs.gz stems a French verb shares with a noun that is one of its forms but means something else (partie, partir)
 *   fr.related.gz    French noun and verb stems of one family and meaning that the stemmer keeps apart (soin, soign)
 *   fr.kinds.gz      French nouns for a kind of thing, with the compound nouns of things of that kind (navire: porte-avions)
 *   sources.json     the Debian packages and versions it was built from
 *
 * Sources (Debian packages): FreeDict dictionaries (dictd format, /usr/share/dictd), Apertium
 * bilingual dictionaries (compiled transducers, /usr/share/apertium, read with lttoolbox's
 * lt-print), LibreOffice thesauri (MyThes, /usr/share/mythes) and Princeton WordNet 3.0
 * (/usr/share/wordnet), Verbiste's French and Italian conjugations (/usr/share/verbiste-0.1) and the
 * verbs of Apertium's French, Spanish, Italian and Portuguese morphological analysers. Install
 * them with `bash scripts/install-lexicon-sources.sh`, then `npm run build && npm run build:data`.
 * `npm run build:data -- --check` rebuilds in memory and fails when the committed files differ.
 *
 * The output is deterministic: sorted keys and targets, gzip without timestamps; `--check`
 * compares the uncompressed text, so a different zlib cannot make it fail.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { languageByCode, type Language } from '../../src/text/languages.js';
import { words } from '../../src/text/normalize.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { contentWordsOf, isArticle, isContentWord } from '../../src/text/stopwords.js';
import { stem } from '../../src/text/stem.js';
import { readApertium, readApertiumVerbForms } from './apertium.js';
import { readDictionary, readListedVerbForms, type DictionaryFile } from './freedict.js';
import { readMythes, readWordNet, readWordNetCapitals, readWordNetExceptions, readWordNetNounKinds, type SynonymEntry } from './thesaurus.js';
import { readVerbiste } from './verbiste.js';
import { formatLexiconLine, GROUP_SEPARATOR, MAX_PHRASE, phraseKey, WEIGHT } from '../../src/search/lexicon-format.js';
import { formatVerbTarget } from '../../src/search/verb-forms.js';

const DICTD = '/usr/share/dictd';
const MYTHES = '/usr/share/mythes';
const WORDNET = '/usr/share/wordnet';
const APERTIUM = '/usr/share/apertium';
const VERBISTE = '/usr/share/verbiste-0.1';
const OUT = path.join(PACKAGE_ROOT, 'data', 'lexicons');

const fr = languageByCode('fr')!;
const en = languageByCode('en')!;

interface SourcePlan {
  readonly language: Language;
  /** FreeDict pairs between the language and French (either direction). */
  readonly direct: string[];
  /** FreeDict pairs between the language and a third one (English, German), used as a pivot into French. */
  readonly pivot: { readonly via: string; readonly pairs: string[] }[];
  /** MyThes file of the language, or 'wordnet'. */
  readonly thesaurus: string;
}

/**
 * Catalan is never asked in, and nothing is shipped for it: it is a pivot. Apertium translates
 * it to and from French, English, Spanish, Italian and Portuguese, lemma to lemma, with the
 * everyday senses a machine translator needs (power → poder → pouvoir, support → donar suport →
 * soutenir), which the small FreeDict dictionaries often lack.
 */
const CATALAN: Language = { code: 'ca', iso3: 'cat', snowball: 'catalan', name: 'Catalan', letters: 'àçèéíïòóúü' };
const PIVOT_PLANS: SourcePlan[] = [{ language: CATALAN, direct: ['apertium-fra-cat/cat-fra', 'apertium-fra-cat/fra-cat'], pivot: [], thesaurus: '' }];

/** Every plan's direct dictionaries are read first: any language's may serve another as a pivot. */
const PLANS: SourcePlan[] = [
  { language: languageByCode('de')!, direct: ['deu-fra', 'fra-deu'], pivot: [], thesaurus: 'th_de_DE_v2.dat' },
  {
    language: en,
    direct: ['eng-fra', 'fra-eng'],
    pivot: [
      { via: 'de', pairs: ['eng-deu'] },
      { via: 'es', pairs: ['apertium-eng-spa/eng-spa', 'apertium-eng-spa/spa-eng'] },
      { via: 'ca', pairs: ['apertium-eng-cat/eng-cat', 'apertium-eng-cat/cat-eng'] },
    ],
    thesaurus: 'wordnet',
  },
  {
    language: languageByCode('es')!,
    direct: ['fra-spa', 'apertium-fr-es/es-fr', 'apertium-fr-es/fr-es'],
    pivot: [
      { via: 'en', pairs: ['spa-eng', 'eng-spa'] },
      { via: 'de', pairs: ['spa-deu'] },
      { via: 'ca', pairs: ['apertium-spa-cat/spa-cat', 'apertium-spa-cat/cat-spa'] },
    ],
    thesaurus: 'th_es_ES_v2.dat',
  },
  {
    language: languageByCode('it')!,
    direct: ['fra-ita'],
    pivot: [
      { via: 'en', pairs: ['ita-eng', 'eng-ita'] },
      { via: 'de', pairs: ['ita-deu'] },
      { via: 'es', pairs: ['apertium-spa-ita/ita-spa', 'apertium-spa-ita/spa-ita'] },
      { via: 'ca', pairs: ['apertium-cat-ita/ita-cat', 'apertium-cat-ita/cat-ita'] },
    ],
    thesaurus: 'th_it_IT_v2.dat',
  },
  {
    language: languageByCode('pt')!,
    direct: ['por-fra', 'fra-por'],
    pivot: [
      { via: 'en', pairs: ['por-eng', 'eng-por'] },
      { via: 'de', pairs: ['por-deu'] },
      { via: 'es', pairs: ['apertium-es-pt/pt-es', 'apertium-es-pt/es-pt'] },
      { via: 'ca', pairs: ['apertium-por-cat/por-cat', 'apertium-por-cat/cat-por'] },
    ],
    thesaurus: 'th_pt_PT_v2.dat',
  },
];
const FRENCH_THESAURUS = 'th_fr_FR_v2.dat';
/**
 * Where each language's verb forms come from: Verbiste's conjugation tables (French, Italian)
 * and an Apertium morphological analyser (its verbs: pidió → pedir, trouxe → trazer).
 */
const VERB_SOURCES: Record<string, { readonly verbiste?: boolean; readonly analyser?: string; readonly listedIn?: string }> = {
  fr: { verbiste: true, analyser: 'apertium-fr-es/fr-es.automorf.bin' },
  it: { verbiste: true, analyser: 'apertium-spa-ita/ita-spa.automorf.bin' },
  es: { analyser: 'apertium-fr-es/es-fr.automorf.bin' },
  pt: { analyser: 'apertium-es-pt/pt-es.automorf.bin' },
  // No German analyser or conjugation table ships in Debian; FreeDict German–English lists each
  // verb's participles and third persons under its entry (geflogen, flog → fliegen).
  de: { listedIn: 'deu-eng' },
};
/** Meanings of a thesaurus headword that count: the first ones are the common senses. */
const SYNONYM_MEANINGS = 3;
/**
 * At most this many indirect (pivot, synonym) targets per key: those the most routes agree on,
 * then the strongest (measured on the development set: 24, 16, 12, 8, 6, 4; fewer kept fewer
 * wrong answers, down to a plateau from 8 to 4).
 */
const MAX_INDIRECT = 6;

/**
 * An indirect target that only one route reaches (one pivot word, one synonym) is often another
 * sense of it (president → Präsident → gouvernement): it keeps this share of its weight, which
 * puts a pivot (0.6 → 0.51) under a focus match (0.55) until a second route agrees. Measured on
 * the development set: 0.75 to 0.9 alike, wrong answers 5.7 → 4.3 %, one more trap declined.
 */
const LONE_ROUTE = 0.85;

/** key (source stems) → target stem → weight in (0, 1]. */
type Table = Map<string, Map<string, number>>;

function put(table: Table, key: string, target: string, weight: number): void {
  let targets = table.get(key);
  if (!targets) table.set(key, (targets = new Map()));
  if ((targets.get(target) ?? 0) < weight) targets.set(target, weight);
}

/**
 * French verbs that are stop words (faire, avoir, être…), from Verbiste's infinitives: a phrase
 * built on one is an idiom whose other words alone mean something else ("faire part" is not
 * "part", "avoir lieu" is not "lieu"), so it is no target. Set by `main` before any table is built.
 */
let frenchStopVerbs: ReadonlySet<string> = new Set();

const verbisteReads = new Map<string, Promise<[string, string][]>>();

/** Verbiste's (form, infinitive) pairs of a language, read once (French serves the stop verbs and the verb table). */
function verbiste(code: string): Promise<[string, string][]> {
  let pairs = verbisteReads.get(code);
  if (!pairs) verbisteReads.set(code, (pairs = readVerbiste(VERBISTE, code)));
  return pairs;
}

/** Content stems of a phrase; numbers dropped (in dictionaries they are sense numbers). */
function stemsOf(phrase: string, language: Language): string[] {
  const tokens = words(phrase).filter((token) => !/^\d+$/.test(token));
  if (language === fr && tokens.length > 1 && tokens.some((token) => frenchStopVerbs.has(token))) return [];
  // A content word translated by a lone function word means its noun homograph (east → est,
  // power → pouvoir, gold → or): the index has it where an article makes it a noun (l'est).
  if (tokens.length === 1 && tokens[0]!.length > 2) return [stem(tokens[0]!, language)];
  return contentWordsOf(phrase, language)
    .filter((token) => !/^\d+$/.test(token))
    .map((token) => stem(token, language))
    // A stem that folds onto a function word (contrée → contre) would match "against".
    .filter((s) => isContentWord(s, language));
}

/**
 * A reflexive French verb is another verb than its bare form ("se diriger", to head for, is not
 * "diriger", to lead; "se rendre", to go, is not "rendre"), but the index has no "se": a reflexive
 * translation counts at this share, under a focus match, so that German "gelten" (be in force;
 * FreeDict's third sense "se diriger") does not make "dirigée par" an answer. Measured on all own
 * sets with German verb forms: 0.5 turned 6 wrong answers back into right ones and changed nothing
 * else; alone, it changed no answer.
 */
const REFLEXIVE_FACTOR = 0.5;

/** A French reflexive verb ("se diriger", "s'entretenir"): its stems are those of another verb ("diriger", "entretenir"). */
function isReflexive(phrase: string): boolean {
  return /^(?:se\s|s['’])/i.test(phrase.trim());
}

/** A French phrase as one target: its stems joined by `+` (all of them make the translation). */
function targetGroup(phrase: string): string | null {
  const stems = [...new Set(stemsOf(phrase, fr))];
  return stems.length ? stems.join(GROUP_SEPARATOR) : null;
}

function keyOf(phrase: string, language: Language): string | null {
  const tokens = words(phrase);
  // Numbers in headwords are dates and sense numbers ("1. Januar"), never what a question's word means.
  if (!tokens.length || tokens.length > MAX_PHRASE || tokens.some((t) => /\d/.test(t))) return null;
  if (!tokens.some((t) => isContentWord(t, language))) return null;
  // "the injured" (WordNet) says no more than "injured", and its synonyms' translations are
  // weaker than the word's own: a question's "the injured" is matched as the word.
  if (tokens.length > 1 && isArticle(tokens[0]!, language)) return null;
  return phraseKey(tokens, language);
}

function dictionaryFile(pair: string): DictionaryFile {
  const [from, to] = pair.split('-');
  const base = path.join(DICTD, `freedict-${pair}`);
  const data = [`${base}.dict.dz`, `${base}.dict`].find((file) => existsSync(file));
  if (!data || !existsSync(`${base}.index`)) throw new Error(`missing ${base}.index/.dict.dz: run scripts/install-lexicon-sources.sh`);
  return { from: languageByCode(from!)!, to: languageByCode(to!)!, index: `${base}.index`, data };
}

/**
 * An Apertium bilingual dictionary, named `apertium-<package>/<from>-<to>` after its Debian
 * package and its compiled file (`apertium-fr-es/es-fr` → es-fr.autobil.bin).
 */
function apertiumFile(pair: string): { from: Language; to: Language; file: string } {
  const [folder, direction] = pair.split('/') as [string, string];
  const [from, to] = direction.split('-');
  const file = path.join(APERTIUM, folder, `${direction}.autobil.bin`);
  if (!existsSync(file)) throw new Error(`missing ${file}: run scripts/install-lexicon-sources.sh`);
  return { from: languageByCode(from!)!, to: languageByCode(to!)!, file };
}

/**
 * Phrase pairs of every dictionary of a pair, both directions: source phrase, target phrase,
 * whether read forward, and for one read backwards how many translations the target headword
 * has in that dictionary (its fan-out; 1 otherwise).
 */
async function phrasePairs(pairs: readonly string[], source: Language): Promise<[string, string, boolean, number][]> {
  const out: [string, string, boolean, number][] = [];
  for (const pair of pairs) {
    if (pair.startsWith('apertium-')) {
      const { from, file } = apertiumFile(pair);
      const forward = from === source;
      for (const [a, b] of readApertium(file)) out.push(forward ? [a, b, true, 1] : [b, a, false, 1]);
      continue;
    }
    const file = dictionaryFile(pair);
    const forward = file.from === source;
    const entries = await readDictionary(file);
    if (forward) {
      for (const entry of entries) for (const translation of entry.translations) out.push([entry.headword, translation, true, 1]);
      continue;
    }
    // A headword may have several entries (a noun, a verb): their translations count together.
    const translationsOf = new Map<string, Set<string>>();
    for (const entry of entries) {
      const known = translationsOf.get(entry.headword) ?? new Set<string>();
      for (const translation of entry.translations) known.add(translation);
      translationsOf.set(entry.headword, known);
    }
    for (const entry of entries) {
      for (const translation of entry.translations) out.push([translation, entry.headword, false, translationsOf.get(entry.headword)!.size]);
    }
  }
  return out;
}

async function synonymsOf(plan: SourcePlan | { language: Language; thesaurus: string }): Promise<SynonymEntry[]> {
  return plan.thesaurus === 'wordnet' ? readWordNet(WORDNET) : readMythes(path.join(MYTHES, plan.thesaurus));
}

/** Every stem a language's sources know (headwords, translations, synonyms). */
class KnownStems {
  readonly stems = new Set<string>();
  /** Single words as the sources write them: with a capital (Paris), or in lower case somewhere. */
  private readonly capitalised = new Set<string>();
  private readonly lowerCase = new Set<string>();
  constructor(private readonly language: Language) {}
  /** `caseKnown`: false for a thesaurus's headwords, which its index writes in lower case (WordNet's "paris"). */
  addPhrase(phrase: string, caseKnown = true): void {
    const tokens = words(phrase);
    for (const token of tokens) if (!/\d/.test(token) && token.length > 1) this.stems.add(stem(token, this.language));
    const written = phrase.trim();
    if (caseKnown && tokens.length === 1 && !/\d/.test(written)) (/^\p{Lu}/u.test(written) ? this.capitalised : this.lowerCase).add(tokens[0]!);
  }
  /** Words the sources only ever write with a capital: names (Paris, Londres), folded. */
  names(): string[] {
    return [...this.capitalised].filter((word) => !this.lowerCase.has(word) && word.length > 1).sort();
  }
}

/** French stems every source knows: the target sides of all dictionaries and the thesaurus. */
const knownFrench = new KnownStems(fr);

/** Up to this many translations, a headword read backwards gives the word the full reverse weight. */
const REVERSE_FAN_OUT = 4;

async function buildDirect(plan: SourcePlan, known: KnownStems): Promise<Table> {
  const table: Table = new Map();
  const pairs = await phrasePairs(plan.direct, plan.language);
  // A dictionary read backwards lists every headword whose senses include the word, rare senses
  // too (French "parti" under "support"): where the word has entries of its own, those come first.
  for (const forwardPass of [true, false]) {
    for (const [source, target, forward, fanOut] of pairs) {
      if (forward !== forwardPass) continue;
      known.addPhrase(source);
      knownFrench.addPhrase(target);
      const key = keyOf(source, plan.language);
      const group = targetGroup(target);
      if (!key || !group) continue;
      // Read backwards, a headword with many translations ("lever": raise, lift, the sun's rising,
      // …) is only one sense of each of them: its weight shrinks with the fan-out, so that
      // "nascer" (to be born) does not reach "lever" as if it meant it. Measured on the question
      // sets: a fan-out of 4 kept answers right and turned the most wrong ones into declines.
      // A word without an entry of its own takes the first headword that lists it (in the
      // dictionary's order) as its translation. Measured against it on all own sets: every
      // such headword at the reverse weight lost 9 right answers, and the headword with the
      // fewest translations at the full weight lost 9 and gave 4 more wrong ones.
      const weight = forward || !table.has(key) ? WEIGHT.direct : WEIGHT.reverse * Math.min(1, REVERSE_FAN_OUT / fanOut);
      put(table, key, group, isReflexive(target) ? weight * REFLEXIVE_FACTOR : weight);
    }
  }
  return table;
}

async function buildLexicon(plan: SourcePlan, known: KnownStems, ownDirect: Table, pivots: ReadonlyMap<string, Table>): Promise<Table> {
  const direct: Table = new Map([...ownDirect].map(([key, targets]) => [key, new Map(targets)]));
  const indirect: Table = new Map();
  // How many different routes (pivot headwords, synonyms) reach each indirect target: the targets
  // that several routes agree on are kept first (support → apoyar and → unterstützen both lead
  // to soutenir; only one odd synonym leads to amiral).
  const routes = new Map<string, Map<string, Set<string>>>();
  const route = (key: string, target: string, via: string): void => {
    let byTarget = routes.get(key);
    if (!byTarget) routes.set(key, (byTarget = new Map()));
    let vias = byTarget.get(target);
    if (!vias) byTarget.set(target, (vias = new Set()));
    vias.add(via);
  };

  // Irregular forms carry their lemma's translations (flew → fly, fought → fight).
  if (plan.language === en) {
    for (const [form, lemma] of await readWordNetExceptions(WORDNET)) {
      known.addPhrase(form);
      const formKey = keyOf(form, en);
      const targets = direct.get(keyOf(lemma, en) ?? '');
      if (formKey && targets) for (const [s, w] of targets) put(direct, formKey, s, w);
    }
  }

  // Pivot through a third language: xx → en, de, es or ca (the pair's dictionaries) → fr.
  for (const { via, pairs } of plan.pivot) {
    const viaLanguage = languageByCode(via) ?? PIVOT_PLANS.find((p) => p.language.code === via)!.language;
    const viaDirect = pivots.get(via);
    if (!viaDirect) throw new Error(`no direct dictionaries for the pivot ${via}`);
    for (const [source, middle] of await phrasePairs(pairs, plan.language)) {
      known.addPhrase(source);
      const key = keyOf(source, plan.language);
      const targets = viaDirect.get(keyOf(middle, viaLanguage) ?? '');
      if (key && targets) {
        for (const [s, w] of targets) {
          put(indirect, key, s, w * WEIGHT.pivot);
          route(key, s, `${via}:${middle}`);
        }
      }
    }
  }

  // Synonyms in the question's language first, then translated: spokesperson → spokesman → porte-parole.
  for (const entry of await synonymsOf(plan)) {
    known.addPhrase(entry.headword, false);
    const key = keyOf(entry.headword, plan.language);
    if (!key) continue;
    for (const synonyms of entry.meanings.slice(0, SYNONYM_MEANINGS)) {
      for (const synonym of synonyms) {
        known.addPhrase(synonym);
        const targets = direct.get(keyOf(synonym, plan.language) ?? '');
        if (targets) {
          for (const [s, w] of targets) {
            put(indirect, key, s, w * WEIGHT.synonym);
            route(key, s, `=${synonym}`);
          }
        }
      }
    }
  }

  // Indirect targets never replace a direct one, and only the strongest are kept.
  for (const [key, targets] of indirect) {
    const own = direct.get(key);
    const extra = [...targets]
      .filter(([s]) => !own?.has(s))
      .map(([s, w]) => [s, w, routes.get(key)?.get(s)?.size ?? 0] as const)
      .sort((a, b) => b[2] - a[2] || b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, MAX_INDIRECT);
    for (const [s, w, n] of extra) put(direct, key, s, n >= 2 ? w : w * LONE_ROUTE);
  }
  return direct;
}

/**
 * The French thesaurus by stem: each headword's synonyms in its first meanings, at
 * WEIGHT.confirmedSynonym when one of FreeDict's dictionaries from French translates both into
 * a same word, else at WEIGHT.synonym.
 */
async function buildFrenchThesaurus(): Promise<Table> {
  const table: Table = new Map();
  const translations = await frenchWordsTranslated();
  // One shared translation word over five dictionaries tells a synonym in the sense a question
  // means (désordre, pagaille: "mess") from one of the thesaurus's looser links (désordre, rue).
  const confirmed = (word: string, synonym: string): boolean => {
    const [single, ...more] = words(synonym);
    const own = translations.get(word);
    const theirs = single && !more.length ? translations.get(single) : undefined;
    return !!own && !!theirs && [...own].some((translation) => theirs.has(translation));
  };
  for (const entry of await synonymsOf({ language: fr, thesaurus: FRENCH_THESAURUS })) {
    knownFrench.addPhrase(entry.headword);
    for (const synonyms of entry.meanings) for (const synonym of synonyms) knownFrench.addPhrase(synonym);
    const tokens = words(entry.headword);
    if (tokens.length !== 1 || !isContentWord(tokens[0]!, fr)) continue;
    const key = stem(tokens[0]!, fr);
    for (const synonyms of entry.meanings.slice(0, SYNONYM_MEANINGS)) {
      for (const synonym of synonyms) {
        if (words(synonym).length > 2) continue;
        const group = targetGroup(synonym);
        if (group && group !== key) put(table, key, group, confirmed(tokens[0]!, synonym) ? WEIGHT.confirmedSynonym : WEIGHT.synonym);
      }
    }
  }
  return table;
}

/** Shortest verb form listed: "pu" (pouvoir, paître) or "vu" would stand for too much. */
const MIN_VERB_FORM = 3;

/**
 * Verb forms whose stem is not their infinitive's (reconnu → reconnaître, tiennent → tenir,
 * sostiene → sostenere), as `form\tinfinitive …` lines sorted by form (see `formatVerbTarget`):
 * dictionaries list the infinitive. Forms of auxiliaries and other stop words (est → être) are
 * left out.
 */
/** French single-word headwords with their English translations (FreeDict), and French verbs with their forms (Verbiste). */
interface FrenchWordsInEnglish {
  readonly translations: ReadonlyMap<string, ReadonlySet<string>>;
  readonly formsOf: ReadonlyMap<string, ReadonlySet<string>>;
}

let frenchInEnglish: Promise<FrenchWordsInEnglish> | null = null;

function frenchWordsInEnglish(): Promise<FrenchWordsInEnglish> {
  frenchInEnglish ??= (async () => {
    const translations = new Map<string, Set<string>>();
    for (const entry of await readDictionary(dictionaryFile('fra-eng'))) {
      const [headword, ...rest] = words(entry.headword);
      if (!headword || rest.length) continue;
      const own = translations.get(headword) ?? new Set<string>();
      for (const translation of entry.translations) own.add(words(translation).filter((word) => word !== 'to').join(' '));
      translations.set(headword, own);
    }
    const formsOf = new Map<string, Set<string>>();
    for (const [formPhrase, infinitivePhrase] of await verbiste('fr')) {
      const [form] = words(formPhrase);
      const [infinitive] = words(infinitivePhrase);
      if (form && infinitive) formsOf.set(infinitive, (formsOf.get(infinitive) ?? new Set()).add(form));
    }
    return { translations, formsOf };
  })();
  return frenchInEnglish;
}

/** FreeDict's dictionaries from French whose translations tell two French words of one family apart from two of one spelling. */
const RELATED_BY = ['fra-eng', 'fra-deu', 'fra-spa', 'fra-ita', 'fra-por'] as const;

let frenchTranslated: Promise<Map<string, Set<string>>> | null = null;

/**
 * French single-word headwords with the content words of their translations in every dictionary
 * of RELATED_BY, each as "language:stem" ("en:support", "es:apoy"): one dictionary often lacks
 * the sense another has (FreeDict's French–English gives "soutenir" only "abide, endure"). Read
 * once: the thesaurus and the related stems both need it.
 */
function frenchWordsTranslated(): Promise<Map<string, Set<string>>> {
  return (frenchTranslated ??= readFrenchWordsTranslated());
}

async function readFrenchWordsTranslated(): Promise<Map<string, Set<string>>> {
  const translated = new Map<string, Set<string>>();
  for (const pair of RELATED_BY) {
    const file = dictionaryFile(pair);
    for (const entry of await readDictionary(file)) {
      const [headword, ...rest] = words(entry.headword);
      if (!headword || rest.length) continue;
      const own = translated.get(headword) ?? new Set<string>();
      for (const translation of entry.translations) {
        // Digits are left-over sense numbers ("ordinare 2."), which many entries share.
        for (const word of words(translation)) if (isContentWord(word, file.to) && !/\d/.test(word)) own.add(`${file.to.code}:${stem(word, file.to)}`);
      }
      translated.set(headword, own);
    }
  }
  return translated;
}

/** The shortest stem prefix two related words share (soin, soign: "soi"), and how far short of the shorter stem it may stop. */
const RELATED_PREFIX = 3;
const RELATED_PREFIX_SLACK = 2;
/**
 * Translations two relatives must share (over all the dictionaries of RELATED_BY): one is often
 * chance across so many words (Spanish "cometer", to commit, and "cometa", a comet, stem alike).
 */
const RELATED_SHARED = 2;

/**
 * French noun (or adjective) stems and verb stems that the stemmer keeps apart though the words are
 * one family with one meaning: they begin alike and share a translation's content word in one of
 * the dictionaries from French (soin "care" and soigner "care for"; blessure and blesser, "wound";
 * soutien and soutenir, Spanish "apoyo" and "apoyar"). Each line: a stem, then the stems of its
 * relatives. The engine lets a question's word reach the article's relative of it (see the
 * retriever's `related`).
 */
async function buildRelated(): Promise<string> {
  const { formsOf } = await frenchWordsInEnglish();
  const translations = await frenchWordsTranslated();
  const verbs = [...formsOf.keys()].filter((verb) => translations.get(verb)?.size).map((verb) => ({ verb, stem: stem(verb, fr), translated: translations.get(verb)! }));
  const byStart = new Map<string, typeof verbs>();
  for (const entry of verbs) byStart.set(entry.stem.slice(0, RELATED_PREFIX), [...(byStart.get(entry.stem.slice(0, RELATED_PREFIX)) ?? []), entry]);
  const related = new Map<string, Set<string>>();
  const link = (a: string, b: string): void => void related.set(a, (related.get(a) ?? new Set()).add(b));
  for (const [headword, own] of translations) {
    if (formsOf.has(headword) || !own.size) continue;
    const key = stem(headword, fr);
    for (const verb of byStart.get(key.slice(0, RELATED_PREFIX)) ?? []) {
      if (verb.stem === key) continue;
      let shared = 0;
      while (shared < key.length && key[shared] === verb.stem[shared]) shared++;
      if (shared < Math.min(key.length, verb.stem.length) - RELATED_PREFIX_SLACK) continue;
      if ([...own].filter((word) => verb.translated.has(word)).length < RELATED_SHARED) continue;
      link(key, verb.stem);
      link(verb.stem, key);
    }
  }
  return [...related].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, stems]) => `${key}\t${[...stems].sort().join(' ')}`).join('\n') + '\n';
}

/**
 * French stems shared by a verb and a noun that is also one of the verb's forms, where the two
 * mean different things: no English translation of the noun is one of the verb's ("partie", a
 * part, and "partir", to leave, stem alike as "part"; "aide" and "aider" share "help", so they do
 * not count). Both must have translations. The engine keeps a verb of a question from matching
 * such a noun (see `nounOnlyStems` in the retriever).
 */
async function buildHomographs(): Promise<string> {
  const { translations, formsOf } = await frenchWordsInEnglish();
  const verbsByStem = new Map<string, string[]>();
  for (const [infinitive] of formsOf) {
    if (!translations.get(infinitive)?.size) continue;
    const key = stem(infinitive, fr);
    verbsByStem.set(key, [...(verbsByStem.get(key) ?? []), infinitive]);
  }
  const homographs = new Set<string>();
  const shared = new Set<string>();
  for (const [headword, own] of translations) {
    if (formsOf.has(headword) || !own.size) continue;
    const key = stem(headword, fr);
    const verbs = (verbsByStem.get(key) ?? []).filter((verb) => formsOf.get(verb)!.has(headword));
    if (!verbs.length) continue;
    if (verbs.some((verb) => [...translations.get(verb)!].some((translation) => own.has(translation)))) shared.add(key);
    else homographs.add(key);
  }
  return [...homographs].filter((key) => !shared.has(key)).sort().join('\n') + '\n';
}

async function buildVerbForms(language: Language): Promise<string> {
  // folded form → infinitive → the form's spellings with their accents (armés, not armes).
  const infinitives = new Map<string, Map<string, Set<string>>>();
  const sources = VERB_SOURCES[language.code]!;
  const pairs = [
    ...(sources.verbiste ? await verbiste(language.code) : []),
    ...(sources.analyser ? readApertiumVerbForms(path.join(APERTIUM, sources.analyser)) : []),
    ...(sources.listedIn ? await readListedVerbForms(dictionaryFile(sources.listedIn)) : []),
  ];
  for (const [formPhrase, infinitivePhrase] of pairs) {
    const [form, ...restOfForm] = words(formPhrase);
    const [infinitive, ...restOfInfinitive] = words(infinitivePhrase);
    if (!form || !infinitive || restOfForm.length || restOfInfinitive.length || form.length < MIN_VERB_FORM) continue;
    if (!isContentWord(form, language) || !isContentWord(infinitive, language) || stem(form, language) === stem(infinitive, language)) continue;
    let byInfinitive = infinitives.get(form);
    if (!byInfinitive) infinitives.set(form, (byInfinitive = new Map()));
    let spellings = byInfinitive.get(infinitive);
    if (!spellings) byInfinitive.set(infinitive, (spellings = new Set()));
    spellings.add(formPhrase.normalize('NFC').toLowerCase());
  }
  const sorted = [...infinitives.keys()].sort();
  return (
    sorted
      .map((form) => {
        const values = [...infinitives.get(form)!]
          .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
          .map(([infinitive, spellings]) => formatVerbTarget(infinitive, form, spellings));
        return `${form}\t${values.join(' ')}`;
      })
      .join('\n') + '\n'
  );
}

/** How many steps up WordNet's kinds a compound's kind may be (aircraft carrier → warship → military vessel → ship). */
const KIND_DEPTH = 3;

/** The English lexicon's targets for a WordNet lemma of up to MAX_PHRASE words (none for a longer one). */
function englishTargets(english: Table, lemma: string): [string, number][] {
  const tokens = words(lemma);
  if (!tokens.length || tokens.length > MAX_PHRASE) return [];
  return [...(english.get(phraseKey(tokens, en)) ?? [])];
}

/**
 * French words for a kind of thing, each with the French compounds that name things of that kind
 * ("navire", "bateau": porte-avions), read through English WordNet: an English compound noun
 * (aircraft carrier) whose French translation is a compound (port+avion) is a kind, up to
 * KIND_DEPTH steps, of the nouns above it (warship, military vessel, ship), and their French
 * translations name it too. Both ends are kept unambiguous, since a translation does not say which
 * sense it renders: the compound in its first sense, the kind only through an English noun of one
 * sense (not "vessel", also a pot), translated directly (not through a pivot), and not into a
 * French verb ("ship": expédier). Each line: a kind, then the compounds of that kind.
 */
async function buildKinds(english: Table): Promise<string> {
  const { synsets, senses } = await readWordNetNounKinds(WORDNET);
  const { formsOf } = await frenchWordsInEnglish();
  const verbStems = new Set([...formsOf.keys()].map((verb) => stem(verb, fr)));
  const targetsOf = (lemma: string): [string, number][] => englishTargets(english, lemma);
  const kinds = new Map<string, Set<string>>();
  for (const [lemma, offsets] of senses) {
    if (!lemma.includes(' ')) continue;
    const compounds = targetsOf(lemma).filter(([target]) => target.includes(GROUP_SEPARATOR)).map(([target]) => target);
    if (!compounds.length) continue;
    let level = offsets.slice(0, 1);
    for (let depth = 0; depth < KIND_DEPTH; depth++) {
      level = level.flatMap((offset) => synsets.get(offset)?.hypernyms ?? []);
      for (const offset of level) {
        for (const kindLemma of synsets.get(offset)?.lemmas ?? []) {
          if (senses.get(kindLemma)?.length !== 1) continue;
          for (const [kind, weight] of targetsOf(kindLemma)) {
            if (weight < WEIGHT.direct || verbStems.has(kind) || compounds.includes(kind)) continue;
            const set = kinds.get(kind) ?? new Set<string>();
            for (const compound of compounds) set.add(compound);
            kinds.set(kind, set);
          }
        }
      }
    }
  }
  return [...kinds].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([kind, compounds]) => `${kind}\t${[...compounds].sort().join(' ')}`).join('\n') + '\n';
}

/**
 * "La capitale russe", "capital of Libya": WordNet's national capitals by the words for their
 * country, as French stems, one `capital+place<TAB>city` line each, sorted ("capital+russ" →
 * moscou, "capital+libyen" → tripol). The word for a capital and the country's names and
 * adjectives are their direct translations in the English lexicon; the city is its own stem
 * when it has no translation or that is one, else its strongest translation. A key two capitals share (the two Congos) is left out.
 */
async function buildCapitals(english: Table): Promise<string> {
  const { capitalLemmas, capitals } = await readWordNetCapitals(WORDNET);
  const single = (lemma: string, least: number): [string, number][] =>
    englishTargets(english, lemma).filter(([target, weight]) => weight >= least && !target.includes(GROUP_SEPARATOR));
  const direct = (lemma: string): string[] => single(lemma, WEIGHT.direct).map(([target]) => target);
  const strongest = (lemma: string): string | null => {
    const tokens = words(lemma);
    if (tokens.length !== 1) return null;
    const own = stem(tokens[0]!, fr);
    const targets = single(lemma, WEIGHT.pivot);
    // A name French writes as English does is itself ("paris", not "panam", which FreeDict lists too).
    if (!targets.length || targets.some(([target]) => target === own)) return own;
    targets.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return targets[0]![0];
  };
  // The translation that is the word itself ("capital": capitale), where there is one: not "fonds",
  // capital as money, which would make "bodies" or "based" look like a word for a capital.
  const capitalWords = new Set(
    capitalLemmas.flatMap((lemma) => {
      const targets = direct(lemma);
      const own = targets.filter((target) => target === stem(lemma, fr));
      return own.length ? own : targets;
    }),
  );
  const cities = new Map<string, Set<string>>();
  for (const { city, places } of capitals) {
    const name = strongest(city[0]!);
    if (!name) continue;
    for (const place of new Set(places.flatMap(direct))) {
      for (const capital of capitalWords) {
        const key = `${capital}${GROUP_SEPARATOR}${place}`;
        cities.set(key, (cities.get(key) ?? new Set()).add(name));
      }
    }
  }
  return [...cities].filter(([, names]) => names.size === 1).map(([key, names]) => `${key}\t${[...names][0]}`).sort().join('\n') + '\n';
}

function serialise(table: Table): string {
  const keys = [...table.keys()].sort();
  return keys.map((key) => formatLexiconLine(key, table.get(key)!)).join('\n') + '\n';
}

function packageVersions(): Record<string, string> {
  const packages = [
    ...new Set(
      [...PLANS, ...PIVOT_PLANS].flatMap((p) => [...p.direct, ...p.pivot.flatMap((v) => v.pairs)]).map((pair) =>
        pair.startsWith('apertium-') ? pair.split('/')[0]! : `dict-freedict-${pair}`,
      ),
    ),
    'mythes-fr', 'mythes-de', 'mythes-es', 'mythes-it', 'mythes-pt-pt', 'wordnet-base', 'lttoolbox-dev', 'verbiste', 'dict-freedict-deu-eng',
  ].sort();
  const versions: Record<string, string> = {};
  for (const name of packages) {
    try {
      versions[name] = execFileSync('dpkg-query', ['-W', '-f=${Version}', name], { encoding: 'utf8' }).trim();
    } catch {
      versions[name] = 'not installed';
    }
  }
  return versions;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
  const files = new Map<string, string>();
  frenchStopVerbs = new Set(
    (await verbiste('fr')).map(([, infinitive]) => words(infinitive)[0] ?? '').filter((verb) => verb && !isContentWord(verb, fr)),
  );
  // Only a language's own dictionaries into French serve as a pivot (never its pivots or synonyms).
  const pivots = new Map<string, Table>();
  const knowns = new Map<string, KnownStems>();
  for (const plan of [...PLANS, ...PIVOT_PLANS]) {
    const known = new KnownStems(plan.language);
    knowns.set(plan.language.code, known);
    pivots.set(plan.language.code, await buildDirect(plan, known));
  }
  let englishTable: Table = new Map();
  for (const plan of PLANS) {
    const known = knowns.get(plan.language.code)!;
    const table = await buildLexicon(plan, known, pivots.get(plan.language.code)!, pivots);
    if (plan.language.code === 'en') englishTable = table;
    files.set(`${plan.language.code}-fr.tsv.gz`, serialise(table));
    files.set(`${plan.language.code}.words.gz`, [...known.stems].sort().join('\n') + '\n');
    // German writes every noun with a capital: its capitals say nothing of names.
    if (plan.language.code !== 'de') files.set(`${plan.language.code}.names.gz`, known.names().join('\n') + '\n');
    process.stderr.write(`${plan.language.code}-fr: ${table.size} keys, ${known.stems.size} known stems\n`);
  }
  const thesaurus = await buildFrenchThesaurus();
  files.set('fr-fr.tsv.gz', serialise(thesaurus));
  files.set('fr.words.gz', [...knownFrench.stems].sort().join('\n') + '\n');
  process.stderr.write(`fr-fr: ${thesaurus.size} keys\n`);
  for (const code of Object.keys(VERB_SOURCES)) files.set(`${code}.verbs.gz`, await buildVerbForms(languageByCode(code)!));
  files.set('fr.homographs.gz', await buildHomographs());
  files.set('fr.related.gz', await buildRelated());
  files.set('fr.kinds.gz', await buildKinds(englishTable));
  files.set('fr.capitals.gz', await buildCapitals(englishTable));
  const sources = JSON.stringify({ packages: packageVersions() }, null, 2) + '\n';

  if (values.check) {
    const recorded = JSON.parse(await readFile(path.join(OUT, 'sources.json'), 'utf8')) as { packages: Record<string, string> };
    if (JSON.stringify(recorded.packages) !== JSON.stringify(JSON.parse(sources).packages)) {
      process.stdout.write('data check skipped: the installed packages are not the recorded versions (see data/lexicons/sources.json)\n');
      return 0;
    }
    const differ: string[] = [];
    for (const [name, text] of files) {
      const committed = gunzipSync(await readFile(path.join(OUT, name))).toString('utf8');
      if (committed !== text) differ.push(name);
    }
    process.stdout.write(differ.length ? `data differs from its sources: ${differ.join(', ')}\n` : 'data matches its sources\n');
    return differ.length ? 1 : 0;
  }
  await mkdir(OUT, { recursive: true });
  for (const [name, text] of files) await writeFile(path.join(OUT, name), gzipSync(text, { level: 9 }));
  await writeFile(path.join(OUT, 'sources.json'), sources);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
