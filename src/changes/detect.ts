import type { Alignment } from '../model/alignment.js';
import type { AnalysedArticle } from '../model/analysis.js';
import type { Change } from '../model/change.js';
import type { Lexicon } from '../text/lexicon.js';
import { detectDroppedAttribution } from './attribution.js';
import { type ChangeContext, changeContext } from './context.js';
import { detectNameChanges } from './names.js';
import { detectNumberChanges } from './numbers.js';
import { orderChanges } from './order.js';
import { detectPageAdditions } from './page-additions.js';
import { detectParagraphChanges } from './paragraphs.js';
import { detectQuoteChanges } from './quotes.js';
import { detectSubstitutions } from './substitutions.js';

/**
 * Detectors from the most specific to the most general: each claims the tokens it explains,
 * and later detectors skip claimed tokens (a respelt name inside an altered quote is reported
 * as the name, and the quote's note lists only its other differences).
 */
const DETECTORS: ReadonlyArray<(context: ChangeContext) => Change[]> = [
  detectNameChanges,
  detectNumberChanges,
  detectQuoteChanges,
  detectSubstitutions,
  detectParagraphChanges,
  detectPageAdditions,
  detectDroppedAttribution,
];

/**
 * What the copy changed against its source. `alignment` has the source as side a and the copy
 * as side b. Changes cite both texts by offsets into each Article.content, sorted by position
 * in the copy, then in the source.
 */
export function detectChanges(
  source: AnalysedArticle,
  copy: AnalysedArticle,
  alignment: Alignment,
  lexicon: Lexicon,
): Change[] {
  const context = changeContext(source, copy, alignment, lexicon);
  return orderChanges(DETECTORS.flatMap((detect) => detect(context)));
}
