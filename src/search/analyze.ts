import type { Language } from '../text/languages.js';
import { fold, hyphenatedWords, words } from '../text/normalize.js';
import { stem } from '../text/stem.js';
import { skeleton } from '../text/fuzzy.js';
import { contentMask, contentWordsOf, isContentWord, wordSetsByLanguage } from '../text/stopwords.js';

/** Index terms of a text: stems of its content words, in order. */
export function analyze(text: string, language: Language): string[] {
  return contentWordsOf(text, language).map((token) => stem(token, language));
}

/**
 * Determiners that introduce a group a text leaves unnamed ("quelques pays africains", "des
 * groupes jihadistes"), folded, by language.
 */
const INDEFINITES = wordSetsByLanguage({
  fr: 'quelques plusieurs certains certaines divers diverses des nombreux nombreuses',
  en: 'some several various certain many',
  es: 'algunos algunas varios varias unos unas',
  de: 'einige mehrere manche',
  it: 'alcuni alcune diversi diverse vari varie',
  pt: 'alguns algumas varios varias uns umas',
});

/** Content words of a group left unnamed: the noun and an adjective after an indefinite determiner. */
const UNNAMED_GROUP_WORDS = 2;

/**
 * For each content word of `text`, in `analyze`'s order, whether it belongs to a group the text
 * leaves unnamed ("quelques pays africains": pays, africains). "Which African countries back the
 * GNA?" asks for members such a text does not name.
 */
export function unnamedGroupMask(text: string, language: Language): boolean[] {
  const { tokens, joined } = hyphenatedWords(text);
  const content = contentMask(tokens, language, joined);
  const indefinites = INDEFINITES[language.code];
  const mask: boolean[] = [];
  let open = 0;
  tokens.forEach((token, i) => {
    if (indefinites?.has(token)) {
      // Some of these count as content words ("quelques"): their place in the order is kept.
      if (content[i]) mask.push(false);
      open = UNNAMED_GROUP_WORDS;
    } else if (!content[i]) {
      open = 0;
    } else {
      mask.push(open > 0);
      if (open > 0) open--;
    }
  });
  return mask;
}

/** What may stand between a word and the organisation it belongs to ("porte-parole de l'ANL"), folded. */
const OWNER_LINKS = new Set(['de', 'd', 'du', 'des', 'l', 'la', 'le', 'les']);

/**
 * For each content word of `text`, in `analyze`'s order, the acronym (its stem) of the
 * organisation it belongs to when the text says so right after it: the next word is that acronym
 * or begins its definition, with only "de", "du", "l'"… between ("porte-parole de l'ANL", "le
 * porte-parole de l'Armée nationale libyenne"); else null.
 */
export function ownerAcronyms(text: string, language: Language, definitions: ReadonlyMap<string, readonly string[]>): (string | null)[] {
  const { tokens, joined } = hyphenatedWords(text);
  const content = contentMask(tokens, language, joined);
  const written = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((match) => match[0]);
  const positions = tokens.flatMap((_, i) => (content[i] ? [i] : []));
  // Folding keeps the words apart as written; should it ever not, no owner is read.
  if (written.length !== tokens.length) return positions.map(() => null);
  const defining = new Map([...definitions].map(([acronym, definition]) => [definition[0], acronym]));
  return positions.map((at, k) => {
    const next = positions[k + 1];
    if (next === undefined || !tokens.slice(at + 1, next).every((token) => OWNER_LINKS.has(token))) return null;
    const word = written[next]!;
    const nextStem = stem(tokens[next]!, language);
    if (/^\p{Lu}{2,6}$/u.test(word)) return nextStem;
    return /^\p{Lu}/u.test(word) ? (defining.get(nextStem) ?? null) : null;
  });
}

/** Shortest part of a hyphenated compound read as one word too ("al-Sarraj", "est-ce" are not compounds). */
const MIN_COMPOUND_PART = 3;

/**
 * Two-part hyphenated compounds of a text written as one word, folded ("vidéo-conférence" →
 * videoconference): dictionaries and other languages often write them so (vidéoconférence,
 * videoconferencia), and the parts alone are indexed already.
 */
export function hyphenCompounds(text: string): string[] {
  const { tokens, joined } = hyphenatedWords(text);
  const out: string[] = [];
  tokens.forEach((token, i) => {
    if (!joined[i] || joined[i - 1] || joined[i + 1]) return;
    const first = tokens[i - 1]!;
    if (first.length >= MIN_COMPOUND_PART && token.length >= MIN_COMPOUND_PART && !/\d/.test(first + token)) out.push(first + token);
  });
  return out;
}

/** Raw word tokens with what their capitals say: a name mid-sentence, or an acronym. */
export function capitalisedWords(text: string): { word: string; name: boolean; acronym: boolean }[] {
  const out: { word: string; name: boolean; acronym: boolean }[] = [];
  for (const match of text.normalize('NFKC').matchAll(/[\p{L}\p{N}]+/gu)) {
    const raw = match[0];
    const before = text.slice(0, match.index).trimEnd();
    // After a sentence end, or at the start, a capital says nothing about the word.
    const sentenceStart = before === '' || /[.!?…:«"“]$/.test(before);
    const capital = /^\p{Lu}/u.test(raw);
    const word = fold(raw);
    out.push({
      word,
      name: capital && !sentenceStart,
      acronym: raw.length >= 2 && raw.length <= 6 && /^\p{Lu}+$/u.test(raw),
    });
  }
  return out;
}

/** Longest definition, in content words, read before an acronym in parentheses. */
const MAX_DEFINITION = 5;

/**
 * Acronyms the text defines, as news writing does on first use: "… au gouvernement d'union
 * nationale (GNA) …" → gna: [gouvern, union, national]. The definition is the run of words
 * before the parenthesis, back to the first function word (elisions such as d' are crossed).
 * Paragraphs that only say "GNA" are about the same thing, which lexical matching cannot know
 * otherwise.
 */
export function acronymDefinitions(text: string, language: Language): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const match of text.matchAll(/\((\p{Lu}{2,6})\)/gu)) {
    const before = text.slice(Math.max(0, match.index - 120), match.index);
    const clause = before.split(/[,.;:!?«»()"“”]/).pop() ?? '';
    const tokens = words(clause);
    const definition: string[] = [];
    for (let i = tokens.length - 1; i >= 0 && definition.length < MAX_DEFINITION; i--) {
      const token = tokens[i]!;
      if (isContentWord(token, language)) definition.unshift(stem(token, language));
      else if (token.length > 1) break;
    }
    if (definition.length >= 2) found.set(stem(fold(match[1]!), language), definition);
  }
  return found;
}

/** A participle opening a clause that says more of what precedes it ("basé à Tripoli"), by language. */
const APPOSED_PARTICIPLE: Record<string, RegExp> = { fr: /^\p{L}+(?:é|ée|és|ées)$/u };

/**
 * The names a text gives an acronym in the participle clause right after defining it, as news
 * writing does: "gouvernement d'union nationale (GNA) basé à Tripoli et dirigé par Fayez
 * al-Sarraj" → gna: [tripol, fai, sarraj]. A question's "Tripoli government" is the GNA.
 */
export function acronymAppositions(text: string, language: Language): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const participle = APPOSED_PARTICIPLE[language.code];
  if (!participle) return found;
  for (const match of text.matchAll(/\((\p{Lu}{2,6})\)([^.,;:!?()«»]*)/gu)) {
    const clause = match[2] ?? '';
    if (!participle.test(clause.trim().split(/\s+/)[0] ?? '')) continue;
    const names = capitalisedWords(clause).filter((w) => w.name && !w.acronym).map((w) => stem(w.word, language));
    if (names.length) found.set(stem(fold(match[1]!), language), names);
  }
  return found;
}

/** Adds to `terms` the definition of every acronym it holds, where the definition's words are missing. */
export function withAcronymDefinitions(terms: readonly string[], definitions: ReadonlyMap<string, readonly string[]>): string[] {
  const present = new Set(terms);
  const added: string[] = [];
  for (const [acronym, definition] of definitions) {
    if (!present.has(acronym)) continue;
    for (const term of definition) if (!present.has(term) && !added.includes(term)) added.push(term);
  }
  return added.length ? [...terms, ...added] : [...terms];
}

/** Letters of an acronym in order-free form: LNA and ANL (English and French word orders) agree. */
export function acronymKey(word: string): string {
  return [...word].sort().join('');
}

/**
 * The surface words of the corpus with their stems: what spelling-level matching compares
 * question words against (names and cognates are compared as written, not as stems), with
 * which of them the corpus writes as names and as acronyms.
 */
/** A surface word of the corpus, with what spelling matching needs computed once at load. */
export interface SurfaceWord {
  readonly surface: string;
  readonly stem: string;
  readonly skeleton: string;
  /** Written with a capital mid-sentence somewhere in the corpus. */
  readonly name: boolean;
}

export class SurfaceVocabulary {
  private readonly stems = new Map<string, string>();
  private readonly names = new Set<string>();
  private onlyNameStems: Set<string> | null = null;
  private readonly acronyms = new Map<string, Set<string>>();
  private readonly compounds = new Set<string>();
  private list: SurfaceWord[] | null = null;

  add(text: string, language: Language): void {
    this.list = null;
    this.onlyNameStems = null;
    const compounds = hyphenCompounds(text);
    for (const compound of compounds) this.compounds.add(compound);
    for (const token of [...contentWordsOf(text, language), ...compounds]) {
      if (!/^\d+$/.test(token)) this.stems.set(token, stem(token, language));
    }
    for (const { word, name, acronym } of capitalisedWords(text)) {
      if (name) this.names.add(word);
      if (acronym) {
        const key = acronymKey(word);
        if (!this.acronyms.has(key)) this.acronyms.set(key, new Set());
        this.acronyms.get(key)!.add(stem(word, language));
      }
    }
  }

  /** Every surface word with its stem and spelling skeleton (computed once, not per question). */
  get words(): readonly SurfaceWord[] {
    this.list ??= [...this.stems].map(([surface, surfaceStem]) => ({
      surface,
      stem: surfaceStem,
      skeleton: skeleton(surface),
      name: this.names.has(surface),
    }));
    return this.list;
  }

  /** Every folded content word of the corpus, as written, with its stem. */
  forms(): IterableIterator<[surface: string, stem: string]> {
    return this.stems.entries();
  }

  /** Whether the corpus has this folded word (a content word, as written). */
  has(word: string): boolean {
    return this.stems.has(word);
  }

  /** Whether the corpus writes these two folded words as one hyphenated compound (porte-avions). */
  isCompound(first: string, second: string): boolean {
    return this.compounds.has(`${first}${second}`);
  }

  /** Whether the corpus writes this folded word with a capital mid-sentence. */
  isName(word: string): boolean {
    return this.names.has(word);
  }

  /** Whether an index term only ever stands for names in the corpus (Haftar, Benghazi). */
  isNameStem(term: string): boolean {
    if (!this.onlyNameStems) {
      const other = new Set([...this.stems].filter(([surface]) => !this.names.has(surface)).map(([, s]) => s));
      this.onlyNameStems = new Set([...this.stems].filter(([surface, s]) => this.names.has(surface) && !other.has(s)).map(([, s]) => s));
    }
    return this.onlyNameStems.has(term);
  }

  /** Index terms of every acronym the corpus writes. */
  get acronymTerms(): ReadonlySet<string> {
    return new Set([...this.acronyms.values()].flatMap((stems) => [...stems]));
  }

  /** Index terms of the corpus acronyms made of the same letters. */
  acronymStems(word: string): ReadonlySet<string> {
    return this.acronyms.get(acronymKey(word)) ?? new Set();
  }

  private readonly definitions = new Map<string, readonly string[]>();

  /** Records the acronyms a text defines (see acronymDefinitions): acronym stem → its definition's stems. */
  define(definitions: ReadonlyMap<string, readonly string[]>): void {
    for (const [acronym, definition] of definitions) this.definitions.set(acronym, definition);
  }

  private readonly appositions = new Map<string, readonly string[]>();

  /** Records the names a text gives the acronyms it defines (see acronymAppositions). */
  appose(appositions: ReadonlyMap<string, readonly string[]>): void {
    for (const [acronym, names] of appositions) this.appositions.set(acronym, names);
  }

  /** The names the corpus gives the acronyms it defines, as stems ("gna": tripol, fai, sarraj). */
  get acronymAppositions(): ReadonlyMap<string, readonly string[]> {
    return this.appositions;
  }

  /** The acronyms the corpus defines, with their definitions' stems ("anl": arme, national, libyen). */
  get definedAcronyms(): ReadonlyMap<string, readonly string[]> {
    return this.definitions;
  }
}

/**
 * What a text writes only as the second part of a hyphenated compound, never as a word of its
 * own, by the stems of the parts before it: "avions" of "porte-avions" (avion → port),
 * "conférence" of "vidéo-conférence". Lower case only (not "al-Sarraj"). The retriever keeps
 * those of compounds that name a kind of another thing (a porte-avions is a ship), where the
 * second part is what the first acts on (porter des avions), not what the compound is.
 */
export function compoundOnlyStems(texts: readonly string[], language: Language): Map<string, string[]> {
  const alone = new Set<string>();
  const partners = new Map<string, Set<string>>();
  for (const text of texts) {
    const written = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((match) => match[0]);
    const { tokens, joined } = hyphenatedWords(text);
    tokens.forEach((token, i) => {
      if (/^\p{Lu}/u.test(written[i] ?? '') || /\d/.test(token)) return;
      const term = stem(token, language);
      if (!joined[i]) {
        alone.add(term);
        return;
      }
      let first = i - 1;
      while (first > 0 && joined[first]) first--;
      const before = partners.get(term) ?? new Set<string>();
      for (let k = first; k < i; k++) before.add(stem(tokens[k]!, language));
      partners.set(term, before);
    });
  }
  return new Map([...partners].filter(([term]) => !alone.has(term)).map(([term, before]) => [term, [...before]]));
}

/** Endings that make a noun of an action from a verb, by corpus language ("commandement", "négociation"). */
const ACTION_NOUN_ENDINGS: Readonly<Record<string, RegExp>> = {
  fr: /(?:ement|ment|tion|sion)s?$/,
};

/**
 * Stems every form of which, in the corpus, is a noun of an action made with such an ending
 * ("commandement": command; "gouvernement": gouvern), from the corpus's (surface, stem) pairs.
 * None for a corpus language without endings listed.
 */
export function actionNounStems(forms: Iterable<[surface: string, stem: string]>, language: Language): Set<string> {
  const ending = ACTION_NOUN_ENDINGS[language.code];
  if (!ending) return new Set();
  const verdict = new Map<string, boolean>();
  for (const [surface, term] of forms) verdict.set(term, (verdict.get(term) ?? true) && ending.test(surface) && surface.length > term.length + 2);
  return new Set([...verdict].filter(([, nounOnly]) => nounOnly).map(([term]) => term));
}
