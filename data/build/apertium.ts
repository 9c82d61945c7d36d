/**
 * Reads an Apertium bilingual dictionary (a compiled `*.autobil.bin` transducer, as Debian's
 * apertium-* packages ship them) into (source lemma, target lemma) pairs, through lttoolbox's
 * `lt-print`, which prints the transducer's arcs in AT&T text form:
 *
 *   from-state <tab> to-state <tab> input symbol <tab> output symbol <tab> weight
 *   final-state <tab> weight
 *
 * sections separated by `--`. Every path from state 0 to a final state is one entry; tags
 * (`<n>`, `<vblex>` …) and ε are dropped, `@_SPACE_@` is a space. Only paths made of letters,
 * hyphens, apostrophes and spaces are followed: the sections that recognise numbers and URLs
 * are not vocabulary.
 */
import { execFileSync } from 'node:child_process';

/** Longest lemma followed, in characters: entries are words and short phrases. */
const MAX_LENGTH = 48;
const WORD_SYMBOL = /^[\p{L}'’-]$/u;

function symbolText(symbol: string): string | null {
  if (symbol === 'ε' || /^<[^>]*>$/.test(symbol)) return '';
  if (symbol === '@_SPACE_@' || symbol === ' ') return ' ';
  if (symbol === '#') return ' ';
  return WORD_SYMBOL.test(symbol) ? symbol : null;
}

/** A transducer's arcs (from state → [to state, input symbol, output symbol]) and final states. */
interface Section {
  readonly arcs: Map<string, [string, string, string][]>;
  readonly finals: Set<string>;
}

/** The sections of an AT&T text (one transducer each, separated by `--`). */
function* sections(text: string): Generator<Section> {
  for (const section of text.split(/^--$/m)) {
    const arcs = new Map<string, [string, string, string][]>();
    const finals = new Set<string>();
    for (const line of section.split('\n')) {
      const fields = line.split('\t');
      if (!fields[0]) continue;
      if (fields.length >= 4 && fields[2] !== undefined && fields[3] !== undefined && fields[2] !== '') {
        let list = arcs.get(fields[0]);
        if (!list) arcs.set(fields[0], (list = []));
        list.push([fields[1]!, fields[2], fields[3]]);
      } else if (fields.length <= 3) {
        finals.add(fields[0]);
      }
    }
    yield { arcs, finals };
  }
}

/** Pairs of one AT&T text, in path order; each (source, target) once. */
export function parseAtt(text: string): [string, string][] {
  const pairs: [string, string][] = [];
  const seen = new Set<string>();
  for (const { arcs, finals } of sections(text)) {
    const onPath = new Set<string>();
    // A state that loops on itself accepts any number of repetitions: a pattern (any word, a
    // number), not vocabulary. Walking into one multiplies the paths past counting.
    const looping = new Set([...arcs].filter(([state, out]) => out.some(([to]) => to === state)).map(([state]) => state));
    const walk = (state: string, input: string, output: string): void => {
      if (looping.has(state)) return;
      if (finals.has(state)) {
        const source = input.trim();
        const target = output.trim();
        const key = `${source}\t${target}`;
        if (source && target && !seen.has(key)) {
          seen.add(key);
          pairs.push([source, target]);
        }
      }
      if (onPath.has(state) || input.length > MAX_LENGTH || output.length > MAX_LENGTH) return;
      onPath.add(state);
      for (const [to, inSymbol, outSymbol] of arcs.get(state) ?? []) {
        const inText = symbolText(inSymbol);
        const outText = symbolText(outSymbol);
        if (inText === null || outText === null) continue;
        walk(to, input + inText, output + outText);
      }
      onPath.delete(state);
    };
    walk('0', '', '');
  }
  return pairs;
}

/** A compiled transducer in AT&T text form, as lttoolbox's `lt-print` prints it. */
function printTransducer(binFile: string): string {
  return execFileSync('lt-print', [binFile], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
}

/** The (source, target) lemma pairs of a compiled Apertium bilingual dictionary. */
export function readApertium(binFile: string): [string, string][] {
  return parseAtt(printTransducer(binFile));
}

/** The first tag of a verb's analysis: vblex (lexical), vbser (be), vbhaver (have), vbmod (modal). */
const VERB_TAG = /^<vb[a-z]*>$/;

/**
 * (surface form, lemma) pairs of the verbs a compiled Apertium morphological analyser (a
 * `*.automorf.bin`, printed by `lt-print`) recognises, in their third persons, infinitives and
 * participles: pidió → pedir, trouxe → trazer. A path's
 * input is the form, its output the lemma and then tags; only paths whose first tag is a verb's
 * are followed past it, and none past a clitic or compound boundary (`+`, `#`), which is where
 * the paths multiply (dizer-lhe, dá-lo).
 */
export function parseVerbAnalyses(text: string): [string, string][] {
  const pairs: [string, string][] = [];
  const seen = new Set<string>();
  for (const { arcs, finals } of sections(text)) {
    const onPath = new Set<string>();
    // lemma: the output's letters before its first tag; tag: the tags read so far.
    const walk = (state: string, form: string, lemma: string, tag: string | null): void => {
      // First and second persons and the imperative are left out: news text rarely uses them,
      // and they are mostly spelt like nouns and adverbs (armes, "you arm"; plus, "I pleased").
      if (tag !== null && finals.has(state) && form && !/<p[12]>|<imp>/.test(tag)) {
        const key = `${form}\t${lemma}`;
        if (!seen.has(key)) {
          seen.add(key);
          pairs.push([form, lemma]);
        }
      }
      if (onPath.has(state) || form.length > MAX_LENGTH) return;
      onPath.add(state);
      for (const [to, inSymbol, outSymbol] of arcs.get(state) ?? []) {
        if (outSymbol === '+' || outSymbol === '#') continue;
        const inText = symbolText(inSymbol);
        if (inText === null || inText === ' ') continue;
        let nextLemma = lemma;
        let nextTag = tag;
        if (/^<[^>]*>$/.test(outSymbol)) {
          if (tag === null && !VERB_TAG.test(outSymbol)) continue;
          nextTag = (tag ?? '') + outSymbol;
        } else if (outSymbol !== 'ε') {
          if (tag !== null) continue;
          const outText = symbolText(outSymbol);
          if (outText === null || outText === ' ') continue;
          nextLemma = lemma + outText;
        }
        walk(to, form + inText, nextLemma, nextTag);
      }
      onPath.delete(state);
    };
    walk('0', '', '', null);
  }
  return pairs;
}

/** The verb forms of a compiled Apertium morphological analyser, with their lemmas (see `parseVerbAnalyses`). */
export function readApertiumVerbForms(binFile: string): [string, string][] {
  return parseVerbAnalyses(printTransducer(binFile));
}
