import type { BlockLabel } from '../classify-blocks.js';
import type { HtmlBlock } from './html-blocks.js';

/**
 * A headline is set above its story, not among its paragraphs: a line between the story's first
 * and last blocks that shares the title's words (a subhead naming the subject, a product or
 * place the title names) is the story's own line, not a copy of its headline. The page's <h1>
 * stays the headline wherever it stands.
 */
export function withTitleCopiesInStory(
  blocks: readonly HtmlBlock[],
  labels: readonly BlockLabel[],
): BlockLabel[] {
  const first = labels.indexOf('story');
  const last = labels.lastIndexOf('story');
  return labels.map((label, index) =>
    label === 'title' && index > first && index < last && blocks[index]!.element.name !== 'h1'
      ? 'story'
      : label,
  );
}
