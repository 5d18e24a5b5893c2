import type { BoilerplateKind } from '../model/article.js';
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
  for (const block of copy.article.boilerplate) {
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

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= SHOWN_CHARS ? flat : `${flat.slice(0, SHOWN_CHARS - 1).trimEnd()}…`;
}
