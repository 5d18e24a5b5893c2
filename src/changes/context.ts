import type { Alignment, SentencePair } from '../model/alignment.js';
import type { AnalysedArticle } from '../model/analysis.js';
import type { Lexicon } from '../text/lexicon.js';
import {
  carryingPairs,
  resolveSentenceLinks,
  resolveTokenLinks,
  type SentenceLinks,
  type TokenLinks,
} from './token-links.js';

/**
 * Tokens already explained by a change. Detectors run from the most specific (names, numbers)
 * to the most general (word substitutions) and skip claimed tokens, so one edit never yields
 * two changes of different types.
 */
export interface Claims {
  source: Set<number>;
  copy: Set<number>;
}

/** Everything a detector reads: the two documents, their alignment and what is already claimed. */
export interface ChangeContext {
  source: AnalysedArticle;
  copy: AnalysedArticle;
  alignment: Alignment;
  /** The alignment's pairs that carry text over (see carryingPairs); detectors read these. */
  pairs: SentencePair[];
  lexicon: Lexicon;
  tokens: TokenLinks;
  sentences: SentenceLinks;
  claims: Claims;
}

export function changeContext(
  source: AnalysedArticle,
  copy: AnalysedArticle,
  alignment: Alignment,
  lexicon: Lexicon,
): ChangeContext {
  const pairs = carryingPairs(alignment);
  return {
    source,
    copy,
    alignment,
    pairs,
    lexicon,
    tokens: resolveTokenLinks(pairs),
    sentences: resolveSentenceLinks(pairs),
    claims: { source: new Set(), copy: new Set() },
  };
}

export function claimRange(claimed: Set<number>, first: number, last: number): void {
  for (let index = first; index <= last; index++) claimed.add(index);
}
