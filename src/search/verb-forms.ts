import path from 'node:path';
import type { Language } from '../text/languages.js';
import { TimeSlices } from '../event-loop.js';
import { findSortedLine, readGzippedFile } from './word-list.js';

/**
 * Verb forms the stemmer does not bring back to their infinitive's stem (French "reconnu" and
 * "reconnaître", "tiennent" and "tenir"; Italian "sostiene" and "sostenere"), from the shipped
 * `<code>.verbs.gz` (Verbiste's conjugations and Apertium's analysers, see data/README.md); Spanish
 * "pidió" and "pedir", Portuguese "trouxe" and "trazer" too. Dictionaries list verbs by
 * their infinitive, so a form reaches its translations, synonyms and the article's other forms
 * of the same verb through it.
 */
export interface VerbForms {
  /**
   * The folded infinitives a folded word is a form of; empty when it is none (or is spelt like
   * its infinitive's stem). With `spelling` (the word as written, lower-case, accents kept), only
   * the verbs it is spelt like a form of: "armes" (weapons) is not "armés" (armer).
   */
  infinitives(form: string, spelling?: string): readonly string[];
  /** Every infinitive the tables conjugate, folded (read in time slices: it is the whole table). */
  allInfinitives(): Promise<ReadonlySet<string>>;
}

const NONE: readonly string[] = Object.freeze([]);

export const NO_VERB_FORMS: VerbForms = Object.freeze({ infinitives: () => NONE, allInfinitives: async () => new Set<string>() });

/**
 * One infinitive of a form in the shipped line format: the infinitive alone when the form has no
 * accent, else followed by the form's spellings with accents, `/`-separated (armes → `armer/armés`).
 */
export function formatVerbTarget(infinitive: string, form: string, spellings: Iterable<string>): string {
  const spelt = [...new Set(spellings)].sort();
  return spelt.length === 1 && spelt[0] === form ? infinitive : [infinitive, ...spelt].join('/');
}

interface VerbTarget {
  readonly infinitive: string;
  /** The spellings with accents; empty: spelt as the folded form. */
  readonly spellings: readonly string[];
}

/** One line's targets field (see formatVerbTarget): each infinitive, with the form's spellings with accents. */
function parseVerbTargets(field: string): VerbTarget[] {
  return field.split(' ').map((value) => {
    const [infinitive = '', ...spellings] = value.split('/');
    return { infinitive, spellings };
  });
}

class SortedVerbForms implements VerbForms {
  private readonly answers = new Map<string, readonly VerbTarget[]>();
  private infinitiveSet: Promise<ReadonlySet<string>> | null = null;
  constructor(private readonly text: string) {}

  allInfinitives(): Promise<ReadonlySet<string>> {
    return (this.infinitiveSet ??= this.readInfinitives());
  }

  private async readInfinitives(): Promise<ReadonlySet<string>> {
    const found = new Set<string>();
    // Some thirty thousand lines: read in slices, so that a start with an empty cache stays responsive.
    const slices = new TimeSlices(SLICE_MS);
    for (let start = 0; start < this.text.length; ) {
      const end = this.text.indexOf('\n', start);
      const line = this.text.slice(start, end < 0 ? this.text.length : end);
      start = end < 0 ? this.text.length : end + 1;
      const tab = line.indexOf('\t');
      if (tab >= 0) for (const target of parseVerbTargets(line.slice(tab + 1))) found.add(target.infinitive);
      if (slices.due()) await slices.next();
    }
    return found;
  }

  private targets(form: string): readonly VerbTarget[] {
    let found = this.answers.get(form);
    if (!found) {
      const line = findSortedLine(this.text, form);
      found = line ? parseVerbTargets(line) : [];
      // Bounded by the words of the article and of the questions asked; cleared past a limit.
      if (this.answers.size >= MAX_REMEMBERED) this.answers.clear();
      this.answers.set(form, found);
    }
    return found;
  }

  infinitives(form: string, spelling?: string): readonly string[] {
    const targets = this.targets(form);
    if (!targets.length) return NONE;
    const fitting = spelling === undefined ? targets : targets.filter((t) => (t.spellings.length ? t.spellings.includes(spelling) : spelling === form));
    return fitting.map((t) => t.infinitive);
  }
}

const MAX_REMEMBERED = 20_000;
/** How long reading the infinitives holds the event loop at a time (ms). */
const SLICE_MS = 8;

/** Where the verb forms of a language ship. */
export function verbFormsFile(dataDir: string, language: Language): string {
  return path.join(dataDir, `${language.code}.verbs.gz`);
}

/** The verb forms of a language from its shipped file (`verbFormsFile`); none when it does not exist. */
export async function loadVerbForms(file: string, language: Language, cacheDir: string | null = null): Promise<VerbForms> {
  const text = await readGzippedFile(file, `${language.code}.verbs`, cacheDir);
  return text ? new SortedVerbForms(text) : NO_VERB_FORMS;
}
