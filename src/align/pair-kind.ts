import type { SentencePair, TokenEdit } from '../model/alignment.js';

export interface EditCounts {
  equal: number;
  synonym: number;
  related: number;
  spelling: number;
  substitute: number;
  insert: number;
  delete: number;
}

export function countEdits(edits: readonly TokenEdit[]): EditCounts {
  const counts: EditCounts = {
    equal: 0,
    synonym: 0,
    related: 0,
    spelling: 0,
    substitute: 0,
    insert: 0,
    delete: 0,
  };
  for (const edit of edits) counts[edit.op]++;
  return counts;
}

/**
 * How a sentence was carried over, from its word alignment:
 * verbatim (every word kept in order), edited (most words kept), spun (the structure kept
 * with words swapped for synonyms), reworded (the content kept in other words).
 */
export function classifySentencePair(
  edits: readonly TokenEdit[],
  lengthA: number,
  lengthB: number,
): { kind: SentencePair['kind']; exact: number } {
  const counts = countEdits(edits);
  // Measured on the shorter side: half of a split sentence copied word for word is an edit, not a rewording.
  const shorter = Math.max(Math.min(lengthA, lengthB), 1);
  const exact = Math.min(1, counts.equal / shorter);
  if (lengthA === lengthB && counts.equal === lengthA && isInOrder(edits))
    return { kind: 'verbatim', exact: 1 };
  const swaps = counts.synonym + counts.related;
  const kept = Math.min(1, (counts.equal + swaps + counts.spelling) / shorter);
  if (exact >= 0.85) return { kind: 'edited', exact };
  if (swaps >= 1 && kept >= 0.6 && exact >= 0.3) return { kind: 'spun', exact };
  if (exact >= 0.6) return { kind: 'edited', exact };
  return { kind: 'reworded', exact };
}

function isInOrder(edits: readonly TokenEdit[]): boolean {
  let last = -1;
  for (const edit of edits) {
    if (edit.b === null) continue;
    if (edit.b < last) return false;
    last = edit.b;
  }
  return true;
}
