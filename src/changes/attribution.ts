import type { Article } from '../model/article.js';
import type { Change, Citation } from '../model/change.js';
import { wireCredit } from '../provenance/wire-credits.js';
import { citeInput, citeText } from './cite.js';
import type { ChangeContext } from './context.js';

interface Credit {
  agency: string;
  citation: Citation | null;
}

/**
 * A wire credit of the source (a dateline block "Reuters | Updated…", a byline, "(Reuters)" in
 * the text) that the copy does not mention anywhere: not in its byline, page chrome or text.
 */
export function detectDroppedAttribution(context: ChangeContext): Change[] {
  const credit = sourceCredit(context.source.article);
  if (credit === null || mentions(context.copy.article, credit.agency)) return [];
  return [
    {
      type: 'attribution-dropped',
      source: credit.citation,
      copy: null,
      note: `The copy drops the source's “${credit.agency}” credit.`,
      weight: 1,
    },
  ];
}

function sourceCredit(article: Article): Credit | null {
  for (const block of article.boilerplate) {
    if (block.kind !== 'dateline') continue;
    const agency = wireCredit(block.text);
    if (agency !== null) return { agency, citation: citeInput(article, block.start, block.end) };
  }
  const bylineAgency = wireCredit(article.byline);
  if (bylineAgency !== null) return { agency: bylineAgency, citation: bylineCitation(article) };
  for (const match of article.text.matchAll(/\(([^()\n]{2,40})\)/g)) {
    const agency = wireCredit(match[1] ?? '');
    if (agency === null) continue;
    const start = match.index ?? 0;
    return { agency, citation: citeText(article, start, start + match[0].length) };
  }
  return null;
}

/** The byline as it appears in a boilerplate block, when extraction kept one. */
function bylineCitation(article: Article): Citation | null {
  const byline = article.byline;
  if (byline === null) return null;
  for (const block of article.boilerplate) {
    const at = block.text.indexOf(byline);
    if (at >= 0 && block.text === article.content.slice(block.start, block.end)) {
      return citeInput(article, block.start + at, block.start + at + byline.length);
    }
  }
  return null;
}

function mentions(article: Article, agency: string): boolean {
  const escaped = agency.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const word = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u');
  if (article.byline !== null && word.test(article.byline)) return true;
  return word.test(article.text) || article.boilerplate.some((block) => word.test(block.text));
}
