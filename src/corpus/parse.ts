import { z } from '../zod.js';
import { languageByCode, LANGUAGES } from '../text/languages.js';
import type { Article, Paragraph, Sentence } from './types.js';

/** A problem in one corpus file; the message always names the file. */
export class CorpusError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'CorpusError';
  }
}

const frontMatterSchema = z
  .object({
    date: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'),
    language: z
      .string()
      .refine((code) => languageByCode(code) !== undefined, {
        message: `must be one of ${LANGUAGES.map((l) => l.code).join(', ')}`,
      }),
    label: z.string().min(1).optional(),
    title: z.string().min(1).optional(),
    source: z.string().min(1).optional(),
  })
  .strict();

const FENCE = '---';
const HEADING = /^##\s+(.+?)\s*#*\s*$/;

function parseFrontMatter(file: string, lines: string[]): { fields: Record<string, string>; bodyStart: number } {
  if (lines[0]?.trim() !== FENCE) throw new CorpusError(file, 'missing front matter: the file must start with a "---" line');
  const end = lines.indexOf(FENCE, 1);
  if (end < 0) throw new CorpusError(file, 'front matter is not closed by a "---" line');
  const fields: Record<string, string> = {};
  for (let i = 1; i < end; i++) {
    const line = lines[i] ?? '';
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const match = /^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$/.exec(line);
    if (!match) throw new CorpusError(file, `front matter line ${i + 1} is not "key: value": ${JSON.stringify(line)}`);
    const [, key = '', raw = ''] = match;
    if (key in fields) throw new CorpusError(file, `front matter repeats "${key}" (line ${i + 1})`);
    fields[key] = raw.replace(/^(["'])(.*)\1$/, '$2');
  }
  return { fields, bodyStart: end + 1 };
}

const segmenters = new Map<string, Intl.Segmenter>();

/** Sentences via ICU's sentence rules (knows quotes, brackets, abbreviations better than a regex). */
export function splitSentences(text: string, languageCode: string): Sentence[] {
  let segmenter = segmenters.get(languageCode);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(languageCode, { granularity: 'sentence' });
    segmenters.set(languageCode, segmenter);
  }
  const sentences: Sentence[] = [];
  for (const { segment, index } of segmenter.segment(text)) {
    const lead = segment.length - segment.trimStart().length;
    const trimmed = segment.trim();
    if (!trimmed) continue;
    sentences.push({ index: sentences.length, text: trimmed, start: index + lead, end: index + lead + trimmed.length });
  }
  return sentences;
}

/**
 * Parses one article file: front matter (`date`, `language`, optional `label`, `title`, `source`),
 * then paragraphs separated by blank lines; a `## ` line is a subheading that opens a section.
 */
export function parseArticle(file: string, id: string, content: string): Article {
  const lines = content.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').split('\n');
  const { fields, bodyStart } = parseFrontMatter(file, lines);
  const parsed = frontMatterSchema.safeParse(fields);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const key = issue.path.join('.');
      if (issue.code === 'unrecognized_keys') return `unknown front matter key(s): ${issue.keys.join(', ')}`;
      if (issue.code === 'invalid_type' && fields[key] === undefined) return `front matter lacks "${key}"`;
      return `front matter "${key}" ${issue.message} (got ${JSON.stringify(fields[key])})`;
    });
    throw new CorpusError(file, problems.join('; '));
  }
  const meta = parsed.data;
  const language = languageByCode(meta.language)!;

  const blocks: { text: string; line: number }[] = [];
  let current: string[] = [];
  let startLine = 0;
  for (let i = bodyStart; i <= lines.length; i++) {
    const line = lines[i];
    if (line === undefined || !line.trim()) {
      if (current.length) blocks.push({ text: current.join(' '), line: startLine + 1 });
      current = [];
      continue;
    }
    if (!current.length) startLine = i;
    current.push(line.trim());
  }

  const paragraphs: Paragraph[] = [];
  const sections: string[] = [];
  let section: string | null = null;
  let sectionLine = 0;
  let sectionHasParagraph = true;
  for (const block of blocks) {
    const heading = HEADING.exec(block.text);
    if (heading) {
      if (!sectionHasParagraph) throw new CorpusError(file, `subheading on line ${sectionLine} has no paragraph under it`);
      section = heading[1] ?? '';
      sections.push(section);
      sectionLine = block.line;
      sectionHasParagraph = false;
      continue;
    }
    if (block.text.startsWith('#')) {
      throw new CorpusError(file, `line ${block.line}: only "## " subheadings are allowed in the body`);
    }
    sectionHasParagraph = true;
    const number = paragraphs.length + 1;
    paragraphs.push({
      id: `${id}#${number}`,
      articleId: id,
      number,
      section,
      text: block.text,
      sentences: splitSentences(block.text, language.code),
    });
  }
  if (!sectionHasParagraph) throw new CorpusError(file, `subheading on line ${sectionLine} has no paragraph under it`);
  if (!paragraphs.length) throw new CorpusError(file, 'has no paragraph after its front matter');

  return {
    id,
    file,
    date: meta.date,
    language,
    label: meta.label ?? id,
    title: meta.title ?? null,
    source: meta.source ?? null,
    sections,
    paragraphs,
  };
}
