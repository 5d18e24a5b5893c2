import type { Lexicon } from '../text/lexicon.js';
import type { WordFormCache } from '../text/tokenize.js';

/**
 * What the comparison stages read besides their documents: the engine's lexicon and its clock,
 * sampled once per call so that one trace sees one "now". Stages keep no state of their own.
 */
export interface StageContext {
  readonly lexicon: Lexicon;
  /** Epoch milliseconds: a stated publication date after now + 1 day is not believed. */
  readonly now: number;
  /** The engine's cache of word forms, so that analysis stems each spelling once. */
  readonly forms?: WordFormCache;
}
