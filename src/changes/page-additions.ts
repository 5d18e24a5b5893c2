import type { BoilerplateBlock, BoilerplateKind } from '../model/article.js';
import type { Change, ChangeType } from '../model/change.js';
import { canonicalText } from '../text/normalize.js';
import { citeInput } from './cite.js';
import type { ChangeContext } from './context.js';

/** Page chrome a copy inserts into the story, by the boilerplate kind extraction gave it. */
const INSERTED: Partial<Record<BoilerplateKind, { type: ChangeType; label: string }>> = {
  teaser: { type: 'teaser-added', label: 'Teaser' },
  advertising: { type: 'ad-added', label: 'Advertising' },
};

const SHOWN_CHARS = 60;

/** Teasers and ads of the copy's page that the source page does not carry (same kind, same text). */
export function detectPageAdditions(context: ChangeContext): Change[] {
  const { source, copy } = context;
  const sourceBlocks = new Set(
    source.article.boilerplate.map((block) => `${block.kind}\u0000${canonicalText(block.text)}`),
  );
  const changes: Change[] = [];
  for (const block of mergeNeighbours(copy.article.boilerplate, copy.article.content)) {
    const inserted = INSERTED[block.kind];
    if (inserted === undefined || sourceBlocks.has(`${block.kind}\u0000${canonicalText(block.text)}`))
      continue;
    changes.push({
      type: inserted.type,
      source: null,
      copy: citeInput(copy.article, block.start, block.end),
      note: `${inserted.label} added to the page: “${shorten(block.text)}”.`,
      weight: 1,
    });
  }
  return changes;
}

/**
 * Blocks of one kind separated by nothing but whitespace are one insertion (an ad list of four
 * bullet lines is one ad), cited as one span of the input.
 */
function mergeNeighbours(blocks: readonly BoilerplateBlock[], content: string): BoilerplateBlock[] {
  const merged: BoilerplateBlock[] = [];
  for (const block of blocks) {
    const last = merged[merged.length - 1];
    const between = last === undefined ? '' : content.slice(last.end, block.start);
    if (last !== undefined && last.kind === block.kind && block.start >= last.end && /^\s*$/.test(between)) {
      merged[merged.length - 1] = { ...last, end: block.end, text: content.slice(last.start, block.end) };
    } else {
      merged.push(block);
    }
  }
  return merged;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= SHOWN_CHARS ? flat : `${flat.slice(0, SHOWN_CHARS - 1).trimEnd()}…`;
}
