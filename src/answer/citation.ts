import type { Article, Paragraph } from '../corpus/types.js';

const ARTICLE_WORD: Record<string, string> = { fr: 'article du', en: 'article of', de: 'Artikel vom', es: 'artículo del', it: 'articolo del' };

/**
 * How a passage is cited, in the article's own language: `¶4 · article du 2017-02`, with the
 * section when the paragraph stands under a subheading (`¶5 · « Deux visites … » · article du
 * 2017-02`), and the article's label first when the corpus holds several articles.
 */
export function citation(paragraph: Paragraph, article: Article, severalArticles: boolean): string {
  const articleWords = `${ARTICLE_WORD[article.language.code] ?? 'article of'} ${article.date}`;
  const parts = [`¶${paragraph.number}`];
  if (paragraph.section) parts.push(article.language.code === 'fr' ? `« ${paragraph.section} »` : `“${paragraph.section}”`);
  parts.push(severalArticles ? `${article.label}, ${articleWords}` : articleWords);
  return parts.join(' · ');
}
