import type { Language } from '../text/languages.js';
import { words } from '../text/normalize.js';
import { stem } from '../text/stem.js';
import { isContentWord } from '../text/stopwords.js';

/** Index terms of a text: stems of its content words, in order. */
export function analyze(text: string, language: Language): string[] {
  return words(text)
    .filter((token) => isContentWord(token, language))
    .map((token) => stem(token, language));
}

/**
 * The surface words of the corpus with their stems: what spelling-level matching compares
 * question words against (names and cognates are compared as written, not as stems).
 */
export class SurfaceVocabulary {
  private readonly stems = new Map<string, string>();

  add(text: string, language: Language): void {
    for (const token of words(text)) {
      if (isContentWord(token, language) && !/^\d+$/.test(token)) this.stems.set(token, stem(token, language));
    }
  }

  entries(): IterableIterator<[string, string]> {
    return this.stems.entries();
  }
}
