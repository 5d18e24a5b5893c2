import type { BlockFeatures } from './block-features.js';

/** Shortest run of short non-sentence lines taken for a menu or list. */
export const MIN_LIST_RUN = 3;

/** A menu entry or list item: a few words, no sentence ending, not an all-caps header. */
export function isListItem(f: BlockFeatures): boolean {
  return !f.endsSentence && f.words <= 8 && !f.allCaps;
}
