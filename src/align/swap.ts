import type { Alignment, Passage, TokenEdit } from '../model/alignment.js';

const SWAPPED_OPS: Partial<Record<TokenEdit['op'], TokenEdit['op']>> = { insert: 'delete', delete: 'insert' };

/** The same alignment seen from the other side: b becomes the source, a the copy. */
export function swapAlignment(alignment: Alignment): Alignment {
  const stats = alignment.stats;
  return {
    pairs: alignment.pairs
      .map((pair) => ({
        ...pair,
        a: pair.b,
        b: pair.a,
        // Kept in the old source's order: consumers look edits up by token, not by position.
        edits: pair.edits.map((edit) => ({ op: SWAPPED_OPS[edit.op] ?? edit.op, a: edit.b, b: edit.a })),
      }))
      .sort((x, y) => x.a - y.a || x.b - y.b),
    passages: alignment.passages.map(swapPassage),
    stats: {
      ...stats,
      coverageA: stats.coverageB,
      coverageB: stats.coverageA,
      strictA: stats.strictB,
      strictB: stats.strictA,
      verbatimA: stats.verbatimB,
      verbatimB: stats.verbatimA,
    },
  };
}

function swapPassage(passage: Passage): Passage {
  const kind = passage.kind === 'dropped' ? 'added' : passage.kind === 'added' ? 'dropped' : passage.kind;
  return {
    kind,
    a: passage.b,
    b: passage.a,
    sentencesA: passage.sentencesB,
    sentencesB: passage.sentencesA,
    similarity: passage.similarity,
    ...(passage.parts === undefined
      ? {}
      : {
          parts: passage.parts
            .map((part) => ({
              ...part,
              a: part.b,
              b: part.a,
              sentencesA: part.sentencesB,
              sentencesB: part.sentencesA,
            }))
            .sort((x, y) => x.b.start - y.b.start || x.a.start - y.a.start),
        }),
  };
}
