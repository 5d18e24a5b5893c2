import { CHANGE_TYPES, type Change, type Citation } from '../model/change.js';

const TYPE_ORDER = new Map(CHANGE_TYPES.map((type, index) => [type, index]));

function compareNumbers(x: number, y: number): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Changes without a citation on a side sort after those with one. */
function compareCitations(x: Citation | null, y: Citation | null): number {
  if (x === null || y === null) return compareNumbers(x === null ? 1 : 0, y === null ? 1 : 0);
  return compareNumbers(x.start, y.start) || compareNumbers(x.end, y.end);
}

/** Copy position, then source position, then type and note: a total order, so output is stable. */
export function compareChanges(x: Change, y: Change): number {
  return (
    compareCitations(x.copy, y.copy) ||
    compareCitations(x.source, y.source) ||
    compareNumbers(TYPE_ORDER.get(x.type)!, TYPE_ORDER.get(y.type)!) ||
    (x.note < y.note ? -1 : x.note > y.note ? 1 : 0)
  );
}

function spanKey(citation: Citation | null): string {
  return citation === null ? '-' : `${citation.start}:${citation.end}`;
}

/**
 * Sorts changes and removes duplicates: changes citing exactly the same spans on both sides
 * describe one edit, so only the heaviest (the first among equals) is kept.
 */
export function orderChanges(changes: readonly Change[]): Change[] {
  const bySpans = new Map<string, Change>();
  for (const change of changes) {
    const key = `${spanKey(change.source)}|${spanKey(change.copy)}`;
    const kept = bySpans.get(key);
    if (kept === undefined || change.weight > kept.weight) bySpans.set(key, change);
  }
  return [...bySpans.values()].sort(compareChanges);
}
