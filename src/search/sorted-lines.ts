/**
 * Lines sorted by key (the text up to a tab, or the whole line), kept as one string with the
 * offsets of their starts: a lexicon of forty thousand keys is one string of a megabyte or so
 * and an offset table, where a Map would hold eighty thousand small strings and their entries.
 * Lookups are binary searches; nothing is allocated per line at load.
 */
/** Compares text[a, aEnd) with text[b, bEnd) by code unit, as `<` compares strings, without slicing. */
function compareRanges(text: string, a: number, aEnd: number, b: number, bEnd: number): number {
  while (a < aEnd && b < bEnd) {
    const difference = text.charCodeAt(a++) - text.charCodeAt(b++);
    if (difference) return difference;
  }
  return aEnd - a - (bEnd - b);
}

export class SortedLines {
  private byLength: Map<number, string[]> | null = null;

  private constructor(
    private readonly text: string,
    private readonly starts: Uint32Array,
    /** Whether lines have a tab-separated value (a word list has none, and is never searched for one). */
    private readonly tabbed: boolean,
  ) {}

  /**
   * Indexes `text`, whose lines must be sorted by key in code-unit order (as JavaScript's
   * default sort leaves them); throws on an unsorted or empty-keyed line, the sign of a damaged
   * file. `tabbed: true` requires every line to hold a key, a tab and a value (a lexicon).
   */
  static fromText(text: string, tabbed = text.includes('\t')): SortedLines {
    const starts: number[] = [];
    let start = 0;
    let previousStart = -1;
    let previousEnd = -1;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      if (end > start) {
        const tab = tabbed ? text.indexOf('\t', start) : -1;
        if (tabbed && (tab < 0 || tab > end)) throw new Error(`line ${starts.length + 1} has no tab`);
        const keyEnd = tab >= 0 && tab < end ? tab : end;
        if (keyEnd === start || (previousStart >= 0 && compareRanges(text, previousStart, previousEnd, start, keyEnd) > 0)) {
          throw new Error(`line ${starts.length + 1} is out of order or has no key`);
        }
        previousStart = start;
        previousEnd = keyEnd;
        starts.push(start);
      }
      start = end + 1;
    }
    return new SortedLines(text, Uint32Array.from(starts), tabbed);
  }

  get empty(): boolean {
    return this.starts.length === 0;
  }

  get size(): number {
    return this.starts.length;
  }

  private lineEnd(i: number): number {
    const end = this.text.indexOf('\n', this.starts[i]!);
    return end < 0 ? this.text.length : end;
  }

  private keyEnd(i: number): number {
    const end = this.lineEnd(i);
    if (!this.tabbed) return end;
    const tab = this.text.indexOf('\t', this.starts[i]!);
    return tab >= 0 && tab < end ? tab : end;
  }

  keyAt(i: number): string {
    return this.text.slice(this.starts[i]!, this.keyEnd(i));
  }

  /** Index of the line with this key, or -1. */
  find(key: string): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const candidate = this.keyAt(mid);
      if (candidate === key) return mid;
      if (candidate < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  has(key: string): boolean {
    return this.find(key) >= 0;
  }

  /** The text after the key's tab, or undefined when the key is absent. */
  value(key: string): string | undefined {
    const i = this.find(key);
    if (i < 0) return undefined;
    const keyEnd = this.keyEnd(i);
    const end = this.lineEnd(i);
    return keyEnd < end ? this.text.slice(keyEnd + 1, end) : '';
  }

  /** Keys without a space (single words) from `min` to `max` characters long; grouped by length on first use. */
  *wordsOfLength(min: number, max: number): IterableIterator<string> {
    if (!this.byLength) {
      this.byLength = new Map();
      for (let i = 0; i < this.starts.length; i++) {
        const key = this.keyAt(i);
        if (key.includes(' ')) continue;
        const length = key.length;
        const group = this.byLength.get(length);
        if (group) group.push(key);
        else this.byLength.set(length, [key]);
      }
    }
    for (let length = min; length <= max; length++) yield* this.byLength.get(length) ?? [];
  }
}
