/**
 * Engine results → Discord message payloads (plain API JSON, so tests can compare them and the
 * limits can be checked). Every piece of text from the article or the user goes through
 * escapeInline/renderQuote; every length is capped to Discord's limits.
 */
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbed, type APIEmbedField } from 'discord.js';
import type { Answer, EngineStatus, Passage, Summary } from '../answer/types.js';
import { languageName, t, type Lang } from './i18n.js';
import { ELLIPSIS, escapeInline, fitEscaped, LIMITS, rangesOf, renderQuote, truncate, type Span } from './format.js';
import { buttonId, sentencesTouched, type PassageRef } from './refs.js';

export interface BotMessage {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIButtonComponent>[];
  /** Only the invoking user sees it (interactions only). */
  ephemeral?: boolean;
}

const COLORS = { high: 0x2e7d32, medium: 0xf9a825, low: 0x78909c, info: 0x1565c0 } as const;

export function cooldownMessage(seconds: number, lang: Lang = 'en'): string {
  return t(lang).cooldown(seconds);
}

export function notice(text: string): BotMessage {
  return { content: truncate(text, LIMITS.content), ephemeral: true };
}

function field(name: string, value: string, inline = false): APIEmbedField {
  return { name: fitEscaped(name, LIMITS.fieldName), value: fitEscaped(value, LIMITS.fieldValue) || '—', inline };
}

/** How answers are found, in a few words (the long form is in /about). */
export function modeLabel(answer: Pick<Answer, 'mode' | 'model'>, lang: Lang = 'en'): string {
  return answer.mode === 'hybrid' ? t(lang).hybridMode(answer.model ?? 'embeddings') : t(lang).lexicalMode;
}

export interface AnswerRenderOptions {
  /** Index of an article in the corpus, for button ids (0 when there is one article). */
  readonly articleIndex: (articleId: string) => number;
  /** The language of the bot's own words (the quote stays verbatim). Default English. */
  readonly lang?: Lang;
}

/** The /ask reply (also used by the context menu and mentions). */
export function answerMessage(answer: Answer, options: AnswerRenderOptions): BotMessage {
  const m = t(options.lang ?? 'en');
  const intro = answer.answered ? '' : m.notCovered(escapeInline(answer.citation.split(' · ')[0] ?? ''));
  const description = renderQuote(answer.quote, answer.highlightRanges, LIMITS.description, `${intro}> `, answer.span);
  const footer = [m.questionReadAs(languageName(answer.language, options.lang ?? 'en'))];
  if (answer.unmatched.length) footer.push(m.notFound(answer.unmatched.join(', ')));
  footer.push(...answer.notes);
  const embed: APIEmbed = {
    // Title and footer are capped well below their limits so the message stays under 6,000 in total.
    title: fitEscaped(answer.question, LIMITS.title),
    description,
    color: COLORS[answer.answered ? answer.confidence : 'low'],
    fields: [
      field(m.source, answer.citation, true),
      field(m.confidence, `${m.confidenceLevel[answer.confidence]} (${m.score(answer.score.toFixed(2))}) · ${modeLabel(answer, options.lang)}`, true),
    ],
    footer: { text: truncate(footer.join(' · '), 500) },
  };
  const article = options.articleIndex(answer.articleId);
  const alternatives: PassageRef[] = answer.alternatives.map((alt) => ({
    paragraph: alt.paragraph,
    article: options.articleIndex(alt.articleId),
    sentences: sentencesTouched(alt.quote, rangesOf(alt.quote, alt.highlight)),
  }));
  const buttons: APIButtonComponent[] = [
    {
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: m.fullParagraph,
      custom_id: buttonId('full', [{ paragraph: answer.paragraph, article, sentences: [] }]),
    },
    {
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: alternatives.length ? m.otherMatches(alternatives.length) : m.noOtherMatches,
      custom_id: buttonId('alts', alternatives),
      disabled: alternatives.length === 0,
    },
  ];
  return { embeds: [embed], components: [{ type: ComponentType.ActionRow, components: buttons }] };
}

/**
 * A passage verbatim for pasting into a discussion: a block quote and its citation as plain
 * content, or an embed when the paragraph is longer than a message allows.
 */
export function quoteMessage(passage: Passage, options: { ephemeral?: boolean; lang?: Lang } = {}): BotMessage {
  const m = t(options.lang ?? 'en');
  const citation = `— ${escapeInline(passage.citation)}`;
  const content = `> ${escapeInline(passage.quote.trim())}\n${citation}`;
  const ephemeral = options.ephemeral ?? false;
  if (content.length <= LIMITS.content) return { content, ephemeral };
  return {
    embeds: [
      {
        description: renderQuote(passage.quote, [], LIMITS.description),
        color: COLORS.info,
        fields: [field(m.source, passage.citation)],
        footer: { text: m.shortened },
      },
    ],
    ephemeral,
  };
}

export interface HighlightedPassage {
  readonly passage: Passage;
  readonly ranges: readonly Span[];
}

/** At most this many passages per reply: 4 × (256 + 1,024) stays under the 6,000 embed total. */
export const MAX_ALTERNATIVES_SHOWN = 4;

export function alternativesMessage(items: readonly HighlightedPassage[], lang: Lang = 'en'): BotMessage {
  const m = t(lang);
  if (items.length === 0) return notice(m.noAlternatives);
  const shown = items.slice(0, MAX_ALTERNATIVES_SHOWN);
  return {
    embeds: [
      {
        title: m.otherPassages,
        color: COLORS.info,
        fields: shown.map(({ passage, ranges }) => ({
          name: fitEscaped(passage.citation, LIMITS.fieldName),
          value: renderQuote(passage.quote, ranges, LIMITS.fieldValue),
        })),
      },
    ],
    ephemeral: true,
  };
}

export function summaryMessage(summary: Summary, lang: Lang = 'en'): BotMessage {
  const m = t(lang);
  const n = summary.sentences.length;
  const line = (text: string, citation: string, i: number) => `${i + 1}. ${text} — *${citation}*`;
  const lines = summary.sentences.map((s, i) => line(escapeInline(s.text), escapeInline(s.citation), i));
  let description = lines.join('\n');
  if (description.length > LIMITS.description) {
    // Share the room equally; each sentence keeps its citation.
    const each = Math.floor(LIMITS.description / Math.max(1, n)) - 1;
    description = summary.sentences
      .map((s, i) => {
        const citation = escapeInline(s.citation);
        const overhead = line('', citation, i).length;
        return line(fitEscaped(s.text, Math.max(1, each - overhead)), citation, i);
      })
      .join('\n');
  }
  return {
    embeds: [
      {
        title: m.summaryTitle(n),
        description,
        color: COLORS.info,
        footer: { text: m.summaryFooter },
      },
    ],
  };
}

export interface AboutInfo {
  readonly mentionsEnabled: boolean;
  readonly cooldownSeconds: number;
  /** describeMode(status), from the engine. */
  readonly modeDescription: string;
}

const MAX_ARTICLES_SHOWN = 5;

export function aboutMessage(status: EngineStatus, info: AboutInfo, lang: Lang = 'en'): BotMessage {
  const m = t(lang).about;
  const fields: APIEmbedField[] = [];
  for (const article of status.articles.slice(0, MAX_ARTICLES_SHOWN)) {
    const lines = [
      `${m.date}: ${article.date}`,
      `${m.language}: ${languageName(article.language, lang)} (${article.language})`,
      `${m.label}: ${article.label}`,
      `${m.paragraphs}: ${article.paragraphs}`,
      `${m.sections}: ${article.sections.length ? article.sections.map((s) => `« ${s} »`).join(', ') : m.none}`,
    ];
    if (article.title) lines.push(`${m.titleField}: ${article.title}`);
    if (article.source) lines.push(`${m.sourceField}: ${article.source}`);
    fields.push({ name: fitEscaped(m.article(article.label), LIMITS.fieldName), value: fitLines(lines, LIMITS.fieldValue) });
  }
  if (status.articles.length > MAX_ARTICLES_SHOWN) {
    fields.push(field(m.more, m.moreValue(status.articles.length - MAX_ARTICLES_SHOWN)));
  }
  fields.push(
    field(m.retrieval, info.modeDescription),
    field(m.model, status.model ?? (status.modelProblem ? `${m.none}: ${status.modelProblem}` : m.none), true),
    field(m.dictionaries, status.dictionaries.length ? status.dictionaries.join(', ') : m.none, true),
    field(m.bot, m.botValue(status.version, info.mentionsEnabled, info.cooldownSeconds)),
  );
  return {
    embeds: [
      {
        title: m.title,
        description: m.description,
        color: COLORS.info,
        fields,
      },
    ],
  };
}

/** Escaped lines joined by newlines, dropping whole lines (then cutting the last) to fit. */
function fitLines(lines: readonly string[], max: number): string {
  const out: string[] = [];
  for (const l of lines) {
    const next = [...out, escapeInline(l)].join('\n');
    if (next.length > max) {
      const room = max - out.join('\n').length - (out.length ? 1 : 0);
      if (room > 10) out.push(fitEscaped(l, room));
      break;
    }
    out.push(escapeInline(l));
  }
  return out.join('\n') || ELLIPSIS;
}

export interface Choice {
  readonly name: string;
  readonly value: number;
}

/** Lowercase, without accents, one apostrophe style: what a user types is compared on that form. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ');
}

/**
 * Autocomplete for /quote's paragraph: `¶4 — La Russie s’est engagée…`, filtered by number
 * ("1" → ¶1, ¶10…) or by words (every typed word must appear, accents and case ignored).
 */
export function paragraphChoices(passages: readonly Passage[], typed: string): Choice[] {
  const query = typed.trim().replace(/^[¶#§]\s*/, '');
  let matches: readonly Passage[] = passages;
  if (/^\d+$/.test(query)) {
    matches = passages.filter((p) => String(p.paragraph).startsWith(query));
  } else if (query) {
    const words = foldForSearch(query).split(' ').filter(Boolean);
    matches = passages.filter((p) => {
      const text = foldForSearch(`${p.section ?? ''} ${p.quote}`);
      return words.every((w) => text.includes(w));
    });
  }
  return matches.slice(0, LIMITS.choices).map((p) => {
    const label = `¶${p.paragraph} — `;
    return { name: label + truncate(p.quote.replace(/\s+/g, ' ').trim(), LIMITS.choiceName - label.length), value: p.paragraph };
  });
}
