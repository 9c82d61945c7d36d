import { readFile } from 'node:fs/promises';

/**
 * Readers for the two synonym sources: LibreOffice thesauri (MyThes `.dat` files, one headword
 * line `word|count` followed by `count` lines `(pos)|synonym|synonym…`) and Princeton WordNet
 * (synsets in `data.*`, senses in frequency order in `index.*`, irregular forms in `*.exc`).
 */

export interface SynonymEntry {
  readonly headword: string;
  /** Synonyms of each meaning, meanings in the thesaurus's order. */
  readonly meanings: string[][];
}

/** Strips MyThes annotations: "(ugs.)", "(...)", "[…]". */
function cleanSynonym(text: string): string {
  return text
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Reads a MyThes thesaurus; the first line names its encoding (UTF-8 or ISO8859-1). */
export async function readMythes(file: string): Promise<SynonymEntry[]> {
  const raw = await readFile(file);
  const firstLineEnd = raw.indexOf(0x0a);
  const encoding = raw.subarray(0, firstLineEnd).toString('latin1').trim().toUpperCase();
  const text = (encoding.startsWith('UTF') ? raw.toString('utf8') : raw.toString('latin1')).slice(firstLineEnd + 1);
  const lines = text.split('\n');
  const entries: SynonymEntry[] = [];
  for (let i = 0; i < lines.length; i++) {
    const head = /^(.*)\|(\d+)$/.exec(lines[i] ?? '');
    if (!head) continue;
    const count = Number(head[2]);
    const meanings: string[][] = [];
    for (let k = 1; k <= count && i + k < lines.length; k++) {
      const [, ...synonyms] = (lines[i + k] ?? '').split('|');
      meanings.push(synonyms.map(cleanSynonym).filter(Boolean));
    }
    i += count;
    const headword = cleanSynonym(head[1] ?? '');
    if (headword) entries.push({ headword, meanings });
  }
  return entries;
}

const WORDNET_PARTS = ['noun', 'verb', 'adj', 'adv'] as const;

/**
 * WordNet as synonym entries: for every lemma, the members of its synsets, most frequent
 * sense first. Multi-word lemmas use spaces (WordNet writes underscores).
 */
export async function readWordNet(dir: string): Promise<SynonymEntry[]> {
  const entries: SynonymEntry[] = [];
  for (const part of WORDNET_PARTS) {
    const synsets = new Map<string, string[]>();
    // An adjective satellite ("eastern" in "the eastern end") points to the head of its cluster
    // ("east") with `&`: WordNet's own "similar to", read as more synonyms of the satellite.
    const heads = new Map<string, string[]>();
    for (const line of (await readFile(`${dir}/data.${part}`, 'utf8')).split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const fields = line.split(' ');
      const count = parseInt(fields[3] ?? '0', 16);
      const members: string[] = [];
      for (let k = 0; k < count; k++) members.push((fields[4 + 2 * k] ?? '').replace(/\(.*\)$/, '').replace(/_/g, ' '));
      synsets.set(fields[0] ?? '', members);
      if (fields[2] === 's') {
        const pointerCount = Number(fields[4 + 2 * count] ?? 0);
        const pointers = fields.slice(5 + 2 * count, 5 + 2 * count + 4 * pointerCount);
        const similar = [];
        for (let k = 0; k + 3 < pointers.length; k += 4) if (pointers[k] === '&' && pointers[k + 2] === 'a') similar.push(pointers[k + 1]!);
        if (similar.length) heads.set(fields[0] ?? '', similar);
      }
    }
    for (const [offset, similar] of heads) synsets.set(offset, [...synsets.get(offset)!, ...similar.flatMap((head) => synsets.get(head) ?? [])]);
    for (const line of (await readFile(`${dir}/index.${part}`, 'utf8')).split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const fields = line.trim().split(' ');
      const lemma = (fields[0] ?? '').replace(/_/g, ' ');
      const senses = Number(fields[2] ?? 0);
      const offsets = fields.slice(fields.length - senses);
      entries.push({ headword: lemma, meanings: offsets.map((offset) => (synsets.get(offset) ?? []).filter((m) => m.toLowerCase() !== lemma)) });
    }
  }
  return entries;
}

/** WordNet's irregular forms (flew → fly, wounded stays regular): `[form, lemma]` pairs. */
export async function readWordNetExceptions(dir: string): Promise<[string, string][]> {
  const pairs: [string, string][] = [];
  for (const part of WORDNET_PARTS) {
    for (const line of (await readFile(`${dir}/${part}.exc`, 'utf8')).split('\n')) {
      const [form, lemma] = line.trim().split(' ');
      if (form && lemma) pairs.push([form.replace(/_/g, ' '), lemma.replace(/_/g, ' ')]);
    }
  }
  return pairs;
}

/** WordNet's nouns as a graph of kinds: each synset's lemmas and the synsets it is a kind (or an instance) of. */
export interface NounKinds {
  /** Synset offset → its lemmas (spaces for underscores, lower case) and its hypernyms' offsets. */
  readonly synsets: ReadonlyMap<string, { readonly lemmas: readonly string[]; readonly hypernyms: readonly string[] }>;
  /** Lemma → its synsets' offsets, most frequent sense first. */
  readonly senses: ReadonlyMap<string, readonly string[]>;
}

/** Reads WordNet's noun synsets with their hypernym (`@`) and instance hypernym (`@i`) pointers. */
export async function readWordNetNounKinds(dir: string): Promise<NounKinds> {
  const synsets = new Map<string, { lemmas: string[]; hypernyms: string[] }>();
  for (const line of (await readFile(`${dir}/data.noun`, 'utf8')).split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const fields = line.split(' ');
    const count = parseInt(fields[3] ?? '0', 16);
    const lemmas: string[] = [];
    for (let k = 0; k < count; k++) lemmas.push((fields[4 + 2 * k] ?? '').replace(/\(.*\)$/, '').replace(/_/g, ' ').toLowerCase());
    const pointerCount = Number(fields[4 + 2 * count] ?? 0);
    const pointers = fields.slice(5 + 2 * count, 5 + 2 * count + 4 * pointerCount);
    const hypernyms: string[] = [];
    for (let k = 0; k + 3 < pointers.length; k += 4) if (pointers[k] === '@' || pointers[k] === '@i') hypernyms.push(pointers[k + 1]!);
    synsets.set(fields[0] ?? '', { lemmas, hypernyms });
  }
  const senses = new Map<string, string[]>();
  for (const line of (await readFile(`${dir}/index.noun`, 'utf8')).split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const fields = line.trim().split(' ');
    const count = Number(fields[2] ?? 0);
    senses.set((fields[0] ?? '').replace(/_/g, ' '), fields.slice(fields.length - count));
  }
  return { synsets, senses };
}

/** A national capital in WordNet: its lemmas (Moscow, Russian capital …) and the names and adjectives of the country it is part of. */
export interface WordNetCapital {
  readonly city: readonly string[];
  readonly places: readonly string[];
}

/**
 * WordNet's national capitals (instances of "national capital"), each with the lemmas of what it
 * is a part of (`#p`: Russia, Russian Federation) and the adjectives that pertain to or derive
 * from those (`\`, `+`: Russian), and the lemmas of "capital" itself: the hypernym of "national
 * capital" that is its head noun.
 */
export async function readWordNetCapitals(dir: string): Promise<{ capitalLemmas: string[]; capitals: WordNetCapital[] }> {
  const nouns = new Map<string, { lemmas: string[]; pointers: [symbol: string, offset: string][] }>();
  const parse = (line: string): { offset: string; lemmas: string[]; pointers: [string, string][] } => {
    const fields = line.split(' ');
    const count = parseInt(fields[3] ?? '0', 16);
    const lemmas: string[] = [];
    for (let k = 0; k < count; k++) lemmas.push((fields[4 + 2 * k] ?? '').replace(/\(.*\)$/, '').replace(/_/g, ' '));
    const pointerCount = Number(fields[4 + 2 * count] ?? 0);
    const pointers: [string, string][] = [];
    for (let k = 0; k < pointerCount; k++) {
      const at = 5 + 2 * count + 4 * k;
      if (fields[at + 2] === 'n') pointers.push([fields[at]!, fields[at + 1]!]);
    }
    return { offset: fields[0] ?? '', lemmas, pointers };
  };
  for (const line of (await readFile(`${dir}/data.noun`, 'utf8')).split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const { offset, lemmas, pointers } = parse(line);
    nouns.set(offset, { lemmas, pointers });
  }
  const national = [...nouns].find(([, synset]) => synset.lemmas.includes('national capital'));
  if (!national) return { capitalLemmas: [], capitals: [] };
  const [nationalOffset, nationalSynset] = national;
  const capitalLemmas = nationalSynset.pointers
    .filter(([symbol]) => symbol === '@')
    .flatMap(([, offset]) => nouns.get(offset)?.lemmas ?? [])
    .filter((lemma) => 'national capital'.endsWith(` ${lemma}`));
  const adjectivesOf = new Map<string, string[]>();
  for (const line of (await readFile(`${dir}/data.adj`, 'utf8')).split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const { lemmas, pointers } = parse(line);
    for (const [symbol, offset] of pointers) if (symbol === '\\' || symbol === '+') adjectivesOf.set(offset, [...(adjectivesOf.get(offset) ?? []), ...lemmas]);
  }
  const capitals: WordNetCapital[] = [];
  for (const synset of nouns.values()) {
    if (!synset.pointers.some(([symbol, offset]) => symbol === '@i' && offset === nationalOffset)) continue;
    const wholes = synset.pointers.filter(([symbol]) => symbol === '#p').map(([, offset]) => offset);
    const places = wholes.flatMap((offset) => [...(nouns.get(offset)?.lemmas ?? []), ...(adjectivesOf.get(offset) ?? [])]);
    if (places.length) capitals.push({ city: synset.lemmas, places: [...new Set(places)] });
  }
  return { capitalLemmas, capitals };
}
