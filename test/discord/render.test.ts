import { describe, expect, it } from 'vitest';
import type { Alternative, Answer, EngineStatus, Passage } from '../../src/answer/types.js';
import { ELLIPSIS, escapeInline, fitEscaped, LIMITS, renderQuote, sentenceSpans, truncate } from '../../src/discord/format.js';
import { langForChannel, langOf } from '../../src/discord/i18n.js';
import { buttonId, decodeRef, encodeRef, parseButtonId, sentenceRanges, sentencesTouched } from '../../src/discord/refs.js';
import {
  aboutMessage,
  alternativesMessage,
  answerMessage,
  cooldownMessage,
  paragraphChoices,
  quoteMessage,
  summaryMessage,
  type BotMessage,
} from '../../src/discord/render.js';

/** A paragraph of `n` numbered sentences of about `words` words each. */
function longParagraph(n: number, words = 25): string {
  return Array.from({ length: n }, (_, i) => `Phrase ${i + 1} ${'mot '.repeat(words).trim()} fin${i + 1}.`).join(' ');
}

function embedTotal(message: BotMessage): number {
  let total = 0;
  for (const e of message.embeds ?? []) {
    total += (e.title ?? '').length + (e.description ?? '').length + (e.footer?.text ?? '').length + (e.author?.name ?? '').length;
    for (const f of e.fields ?? []) total += f.name.length + f.value.length;
  }
  return total;
}

function expectWithinLimits(message: BotMessage): void {
  expect((message.content ?? '').length).toBeLessThanOrEqual(LIMITS.content);
  for (const e of message.embeds ?? []) {
    expect((e.title ?? '').length).toBeLessThanOrEqual(LIMITS.title);
    expect((e.description ?? '').length).toBeLessThanOrEqual(LIMITS.description);
    expect((e.footer?.text ?? '').length).toBeLessThanOrEqual(LIMITS.footer);
    expect((e.fields ?? []).length).toBeLessThanOrEqual(25);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
      expect(f.value.length).toBeGreaterThan(0);
    }
  }
  expect(embedTotal(message)).toBeLessThanOrEqual(LIMITS.embedTotal);
  for (const row of message.components ?? []) {
    for (const c of row.components) if ('custom_id' in c) expect(c.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
  }
}

/** `**` markers that are not escaped (what Discord would render as bold delimiters). */
function liveBoldMarkers(text: string): number {
  return (text.replace(/\\./g, '').match(/\*\*/g) ?? []).length;
}

function passage(quote: string, paragraph = 4): Passage {
  return { articleId: 'article', paragraph, section: null, quote, citation: `¶${paragraph} · article du 2017-02` };
}

function answer(overrides: Partial<Answer> = {}): Answer {
  const quote = overrides.quote ?? 'Première phrase. La Russie soigne 500 blessés. Dernière phrase.';
  const start = quote.indexOf('La Russie');
  return {
    ...passage(quote),
    question: 'How many wounded will Russia treat?',
    answered: true,
    highlight: ['La Russie soigne 500 blessés.'],
    highlightRanges: start >= 0 ? [{ start, end: start + 'La Russie soigne 500 blessés.'.length }] : [],
    score: 0.8,
    confidence: 'high',
    mode: 'lexical',
    model: null,
    language: 'en',
    alternatives: [],
    unmatched: [],
    notes: [],
    span: null,
    ...overrides,
  };
}

describe('truncate', () => {
  it('cuts at a word boundary with an ellipsis, within the limit', () => {
    const out = truncate('The quick brown fox jumps over the lazy dog', 20);
    expect(out).toBe('The quick brown fox…');
    expect(out.length).toBeLessThanOrEqual(20);
    expect(truncate('short', 20)).toBe('short');
  });

  it('never splits an emoji or a surrogate pair', () => {
    const family = '👨‍👩‍👧'; // 8 code units, one grapheme
    const out = truncate(family.repeat(40), 100);
    expect(out.length).toBeLessThanOrEqual(100);
    expect(out.endsWith(ELLIPSIS)).toBe(true);
    expect(out.slice(0, -1)).toBe(family.repeat((out.length - 1) / family.length));
    expect(truncate('😀'.repeat(300), 256).length).toBeLessThanOrEqual(256);
  });
});

describe('escapeInline', () => {
  it('neutralises markdown and keeps the text on one line', () => {
    const out = escapeInline('**bold** _it_ __u__ ~~s~~ ||spoiler|| `code` ```js\nx\n``` # Title\n- item\n> quote [link](https://e.com) back\\slash');
    expect(out).not.toContain('\n');
    expect(liveBoldMarkers(out)).toBe(0);
    for (const marker of ['~~', '||', '`']) expect(out.replace(/\\./g, '')).not.toContain(marker);
    expect(out).toContain('back\\\\slash');
  });

  it('fitEscaped never cuts an escape in half', () => {
    const out = fitEscaped('*'.repeat(50), 21);
    expect(out.length).toBeLessThanOrEqual(21);
    expect(out.replace(/\\\*/g, '').replace(ELLIPSIS, '')).toBe('');
  });
});

describe('renderQuote', () => {
  it('quotes the whole passage with the highlighted sentence in bold when it fits', () => {
    const a = answer();
    expect(renderQuote(a.quote, a.highlightRanges, 4096)).toBe('> Première phrase. **La Russie soigne 500 blessés.** Dernière phrase.');
  });

  it('trims a long passage at sentence boundaries and keeps the highlighted sentence', () => {
    const quote = longParagraph(60);
    const target = sentenceSpans(quote)[30]!;
    const ranges = [{ start: target.start, end: target.end - 1 }];
    for (const max of [LIMITS.fieldValue, 600, LIMITS.description]) {
      const out = renderQuote(quote, ranges, max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out.startsWith('> ')).toBe(true);
      expect(out).toContain(`**${quote.slice(target.start, target.end - 1)}**`);
      expect(out).toContain(ELLIPSIS);
      // Every kept piece is made of whole sentences of the original.
      for (const piece of out.slice(2).replace(/\*\*/g, '').split(ELLIPSIS)) {
        const text = piece.trim();
        if (!text) continue;
        expect(quote).toContain(text);
        expect(text).toMatch(/^Phrase \d+ .* fin\d+\.$/);
      }
      // Context on both sides of the highlight.
      expect(out).toContain('fin30.');
      expect(out).toContain('fin32.');
    }
  });

  it('cuts the highlight itself only when it alone does not fit', () => {
    const quote = `Intro. ${'Très longue phrase '.repeat(100)}fin. Outro.`;
    const start = quote.indexOf('Très');
    const end = quote.indexOf(' Outro');
    const out = renderQuote(quote, [{ start, end }], 300);
    expect(out.length).toBeLessThanOrEqual(300);
    expect(out).toMatch(/^> … \*\*Très longue phrase .*…\*\* …$/);
    expect(liveBoldMarkers(out)).toBe(2);
  });

  it('a passage cannot break out of the quote or the bold', () => {
    const quote = 'Avant ** piège.\n\n# Titre\n> citation. Phrase *clé* avec ``` et \\';
    const start = quote.indexOf('Phrase');
    const out = renderQuote(quote, [{ start, end: quote.length }], 4096);
    expect(out.split('\n')).toHaveLength(1);
    expect(out.startsWith('> ')).toBe(true);
    expect(liveBoldMarkers(out)).toBe(2);
    expect(out.endsWith('**')).toBe(true);
    // The trailing backslash is escaped, so it cannot escape the closing marker.
    expect(out.endsWith('\\\\**')).toBe(true);
  });

  it('without a highlight keeps the opening sentences', () => {
    const quote = longParagraph(40);
    const out = renderQuote(quote, [], 500);
    expect(out.length).toBeLessThanOrEqual(500);
    expect(out).toMatch(/^> Phrase 1 .* …$/);
  });
});

describe('button ids', () => {
  it('select sentences in paragraphs of any length (31, 32, 40, 120 sentences)', () => {
    for (const n of [31, 32, 40, 120]) {
      const quote = longParagraph(n);
      const wanted = [0, 30, n - 1];
      const ref = { paragraph: 3, article: 0, sentences: [...new Set(wanted)] };
      const id = buttonId('alts', [ref]);
      expect(id.length).toBeLessThanOrEqual(100);
      const parsed = parseButtonId(id);
      expect(parsed?.refs[0]?.sentences, `${n} sentences`).toEqual(ref.sentences);
      const ranges = sentenceRanges(quote, parsed!.refs[0]!.sentences);
      expect(ranges.map((r) => quote.slice(r.start, r.end).split(' ')[1])).toEqual(ref.sentences.map((i) => String(i + 1)));
    }
  });

  it('round-trip passage references, with highlighted sentences and articles', () => {
    const ref = { paragraph: 12, article: 2, sentences: [0, 3, 17] };
    expect(decodeRef(encodeRef(ref))).toEqual(ref);
    expect(encodeRef({ paragraph: 4, article: 0, sentences: [] })).toBe('4');
    expect(parseButtonId('ask:alts:1.1,4.2,6')).toEqual({
      action: 'alts',
      refs: [
        { paragraph: 1, article: 0, sentences: [0] },
        { paragraph: 4, article: 0, sentences: [1] },
        { paragraph: 6, article: 0, sentences: [] },
      ],
    });
    expect(parseButtonId('ask:alts:')).toEqual({ action: 'alts', refs: [] });
    for (const junk of ['ask:full:x', 'ask:nope:1', 'ask:full:1;2', 'other:full:1', 'ask:full:1.ZZ']) expect(parseButtonId(junk)).toBeNull();
  });

  it('stay within 100 characters however many alternatives there are', () => {
    const refs = Array.from({ length: 40 }, (_, i) => ({ paragraph: 1000 + i, article: 99, sentences: [1, 5, 9, 20, 35] }));
    const id = buttonId('alts', refs);
    expect(id.length).toBeLessThanOrEqual(100);
    expect(parseButtonId(id)?.refs.length).toBeGreaterThan(0);
  });

  it('map highlights to sentence indices and back', () => {
    const quote = 'Un. Deux est ici. Trois.';
    const start = quote.indexOf('Deux');
    const touched = sentencesTouched(quote, [{ start, end: start + 'Deux est ici.'.length }]);
    expect(touched).toEqual([1]);
    expect(sentenceRanges(quote, touched).map((r) => quote.slice(r.start, r.end))).toEqual(['Deux est ici.']);
    expect(sentenceRanges(quote, [7])).toEqual([]);
  });
});

describe('messages stay within Discord limits', () => {
  it('/ask with a huge passage, a 300-emoji question, many unmatched words and alternatives', () => {
    const quote = longParagraph(120, 40);
    const target = sentenceSpans(quote)[60]!;
    const alternatives: Alternative[] = Array.from({ length: 10 }, (_, i) => ({
      ...passage(longParagraph(30), 100 + i),
      highlight: [`Phrase ${i + 2} ${'mot '.repeat(25).trim()} fin${i + 2}.`],
      score: 0.3,
    }));
    const message = answerMessage(
      answer({
        quote,
        highlightRanges: [{ start: target.start, end: target.end - 1 }],
        question: '😀'.repeat(300),
        unmatched: Array.from({ length: 300 }, (_, i) => `word${i}`),
        notes: ['x'.repeat(3000)],
        alternatives,
      }),
      { articleIndex: () => 0 },
    );
    expectWithinLimits(message);
    expect(message.embeds![0]!.description).toContain(`**${quote.slice(target.start, target.end - 1)}**`);
    const alts = message.components![0]!.components[1]!;
    expect('custom_id' in alts && alts.custom_id.startsWith('ask:alts:100.2,')).toBe(true);
  });

  it('/ask not answered says so and still shows the closest passage', () => {
    const message = answerMessage(answer({ answered: false, confidence: 'low', highlight: [], highlightRanges: [] }), { articleIndex: () => 0 });
    expect(message.embeds![0]!.description).toBe(
      '**The article does not cover this question.** The closest passage is ¶4:\n> Première phrase. La Russie soigne 500 blessés. Dernière phrase.',
    );
  });

  it('the short answer (span) is underlined inside the bold highlighted sentence, escaped, quote otherwise verbatim', () => {
    const quote = 'Première phrase. La Russie soigne 500 blessés_graves de plus. Dernière phrase.';
    const start = quote.indexOf('500');
    const span = { start, end: start + '500 blessés_graves'.length, text: '500 blessés_graves', type: 'number' as const };
    const hl = quote.indexOf('La Russie');
    const message = answerMessage(
      answer({ quote, highlight: ['La Russie soigne 500 blessés_graves de plus.'], highlightRanges: [{ start: hl, end: hl + 44 }], span }),
      { articleIndex: () => 0 },
    );
    expect(message.embeds![0]!.description).toBe('> Première phrase. **La Russie soigne __500 blessés\\_graves__ de plus.** Dernière phrase.');
    // A span at the very start of the sentence, and one outside any highlight (ignored: never a guess).
    const atStart = renderQuote('Un. Deux cents morts. Trois.', [{ start: 4, end: 21 }], 200, '> ', { start: 4, end: 15 });
    expect(atStart).toBe('> Un. **__Deux cents__ morts.** Trois.');
    expect(renderQuote('Un. Deux. Trois.', [{ start: 4, end: 9 }], 200, '> ', { start: 0, end: 2 })).toBe('> Un. **Deux.** Trois.');
  });

  it('speaks French to a French user: every word of the bot, never the quote', () => {
    const message = answerMessage(answer({ unmatched: ['treat'], alternatives: [] }), { articleIndex: () => 0, lang: 'fr' });
    const [embed] = message.embeds!;
    expect(embed!.fields).toEqual([
      { name: 'Source', value: '¶4 · article du 2017-02', inline: true },
      { name: 'Confiance', value: 'Élevée (score 0,80) · mode lexical hors ligne (BM25 + dictionnaires)', inline: true },
    ]);
    expect(embed!.footer!.text).toBe('Langue de la question : anglais · absent de l’article : treat');
    expect(embed!.description).toBe('> Première phrase. **La Russie soigne 500 blessés.** Dernière phrase.');
    const labels = message.components![0]!.components.map((b) => ('label' in b ? b.label : ''));
    expect(labels).toEqual(['Paragraphe entier', 'Aucun autre passage']);
    const notCovered = answerMessage(answer({ answered: false, confidence: 'low', highlight: [], highlightRanges: [] }), { articleIndex: () => 0, lang: 'fr' });
    expect(notCovered.embeds![0]!.description).toMatch(/^\*\*L’article ne traite pas de cette question\.\*\* Le passage le plus proche est ¶4 :\n> Première phrase\./);
    expect(summaryMessage({ articleId: 'a', sentences: [{ text: 'Une phrase.', paragraph: 1, citation: '¶1' }] }, 'fr').embeds![0]!.title).toBe('Résumé en 1 phrase');
    expect(cooldownMessage(4, 'fr')).toBe('Vous posez vos questions un peu vite : réessayez dans 4 s.');
    expect(alternativesMessage([], 'fr').content).toBe('Aucun autre passage de l’article ne répond à cette question.');
  });

  it('chooses the language: French for fr locales, English otherwise; for a channel, the question\'s language first', () => {
    expect(langOf('fr')).toBe('fr');
    expect(langOf('fr-FR')).toBe('fr');
    expect(langOf('en-US')).toBe('en');
    expect(langOf('de')).toBe('en');
    expect(langOf(undefined)).toBe('en');
    expect(langForChannel('fr', 'en-US')).toBe('fr');
    expect(langForChannel('en', 'fr')).toBe('en');
    expect(langForChannel('de', 'fr')).toBe('fr');
    expect(langForChannel('de', 'en-GB')).toBe('en');
  });

  it('the echoed question has its markdown escaped', () => {
    const message = answerMessage(answer({ question: '**loud** ||hidden|| `x`' }), { articleIndex: () => 0 });
    expect(message.embeds![0]!.title).toBe('\\*\\*loud\\*\\* \\|\\|hidden\\|\\| \\`x\\`');
  });

  it('alternatives: at most 4 passages, each trimmed to a field', () => {
    const items = Array.from({ length: 10 }, (_, i) => ({ passage: passage(longParagraph(50), i + 1), ranges: [] }));
    const message = alternativesMessage(items);
    expectWithinLimits(message);
    expect(message.embeds![0]!.fields).toHaveLength(4);
    expect(message.ephemeral).toBe(true);
    expect(alternativesMessage([]).content).toMatch(/No other passage/);
  });

  it('summary: six very long sentences keep their citations', () => {
    const sentences = Array.from({ length: 6 }, (_, i) => ({ text: longParagraph(1, 400), paragraph: i + 1, citation: `¶${i + 1} · article du 2017-02` }));
    const message = summaryMessage({ articleId: 'article', sentences });
    expectWithinLimits(message);
    const lines = message.embeds![0]!.description!.split('\n');
    expect(lines).toHaveLength(6);
    lines.forEach((line, i) => expect(line).toMatch(new RegExp(`^${i + 1}\\. Phrase 1 .*… — \\*¶${i + 1} · article du 2017-02\\*$`)));
  });

  it('quote: content when it fits, an embed when it does not', () => {
    const short = quoteMessage(passage('Une phrase *importante*.'));
    expect(short.content).toBe('> Une phrase \\*importante\\*.\n— ¶4 · article du 2017-02');
    const long = quoteMessage(passage(longParagraph(100)));
    expect(long.content).toBeUndefined();
    expectWithinLimits(long);
    expect(long.embeds![0]!.fields![0]!.value).toBe('¶4 · article du 2017-02');
  });

  it('about: many articles and sections', () => {
    const article = (i: number) => ({
      id: `a${i}`,
      label: `Article ${i}`,
      date: '2017-02',
      language: 'fr',
      title: 't'.repeat(500),
      source: null,
      paragraphs: 7,
      sections: Array.from({ length: 100 }, (_, j) => `Section ${j}`),
    });
    const status: EngineStatus = {
      mode: 'lexical',
      model: null,
      modelProblem: 'dense retrieval is switched off (EMBEDDING_MODEL=none)',
      dictionaries: ['eng-fra'],
      articles: Array.from({ length: 8 }, (_, i) => article(i)),
      version: '0.1.0',
    };
    const message = aboutMessage(status, { mentionsEnabled: false, cooldownSeconds: 5, modeDescription: 'offline lexical' });
    expectWithinLimits(message);
    expect(message.embeds![0]!.fields!.some((f) => f.name === 'More articles')).toBe(true);
  });
});

describe('paragraph autocomplete', () => {
  const passages = [
    passage('Près de 70 soldats de l’Armée nationale libyenne se sont envolés.', 1),
    passage('La Russie s’est engagée par ailleurs à prendre en charge 500 blessés supplémentaires, voire plus « selon les besoins ».', 4),
    ...Array.from({ length: 40 }, (_, i) => passage(`Paragraphe numéro ${i + 10}.`, i + 10)),
  ];

  it('filters by number prefix, then by words ignoring case, accents and apostrophe style', () => {
    expect(paragraphChoices(passages, '4').map((c) => c.value)).toEqual([4, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49]);
    expect(paragraphChoices(passages, '¶1').map((c) => c.value)).toEqual([1, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(paragraphChoices(passages, "s'est ENGAGEE blesses").map((c) => c.value)).toEqual([4]);
    expect(paragraphChoices(passages, 'nothing like this')).toEqual([]);
  });

  it('shows the number and the first words, at most 100 characters, at most 25 choices', () => {
    const choices = paragraphChoices(passages, '');
    expect(choices).toHaveLength(25);
    const four = choices.find((c) => c.value === 4)!;
    expect(four.name).toMatch(/^¶4 — La Russie s’est engagée par ailleurs .*…$/);
    for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
  });
});
