import path from 'node:path';
import type { Language } from '../text/languages.js';
import { findSortedLine, readGzippedFile } from './word-list.js';

/**
 * Verb forms the stemmer does not bring back to their infinitive's stem (French "reconnu" and
 * "reconnaître", "tiennent" and "tenir"; Italian "sostiene" and "sostenere"), from the shipped
 * `<code>.verbs.gz` (Verbiste's conjugations, see data/README.md). Dictionaries list verbs by
 * their infinitive, so a form reaches its translations, synonyms and the article's other forms
 * of the same verb through it.
 */
export interface VerbForms {
  /** The folded infinitives a folded word is a form of; empty when it is none (or is spelt like its infinitive's stem). */
  infinitives(form: string): readonly string[];
}

const NONE: readonly string[] = Object.freeze([]);

export const NO_VERB_FORMS: VerbForms = Object.freeze({ infinitives: () => NONE });

class SortedVerbForms implements VerbForms {
  private readonly answers = new Map<string, readonly string[]>();
  constructor(private readonly text: string) {}

  infinitives(form: string): readonly string[] {
    let found = this.answers.get(form);
    if (!found) {
      const line = findSortedLine(this.text, form);
      found = line ? line.split(' ') : NONE;
      // Bounded by the words of the article and of the questions asked; cleared past a limit.
      if (this.answers.size >= MAX_REMEMBERED) this.answers.clear();
      this.answers.set(form, found);
    }
    return found;
  }
}

const MAX_REMEMBERED = 20_000;

/** Where the verb forms of a language ship. */
export function verbFormsFile(dataDir: string, language: Language): string {
  return path.join(dataDir, `${language.code}.verbs.gz`);
}

/** The verb forms of a language from its shipped file (`verbFormsFile`); none when it does not exist. */
export async function loadVerbForms(file: string, language: Language, cacheDir: string | null = null): Promise<VerbForms> {
  const text = await readGzippedFile(file, `${language.code}.verbs`, cacheDir);
  return text ? new SortedVerbForms(text) : NO_VERB_FORMS;
}
