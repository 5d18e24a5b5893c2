import { type HtmlElement, isInsideAny, kindOf, parentElement } from './dom.js';

/**
 * How far above the winner the chunks of one story may part ways: templates that cut a story
 * around ads and embeds wrap each chunk in a row or grid cell of its own (chunks > row > chunk).
 */
const MAX_LEVELS_APART = 3;

/**
 * The other chunks of a story its markup splits up: elements of the winner's own kind (same tag
 * and class) that score as content and sit near it, in a cousin row rather than beside it.
 */
export function storyChunks(top: HtmlElement, scores: ReadonlyMap<HtmlElement, number>): HtmlElement[] {
  const kind = kindOf(top);
  if (kind === null) return [];
  const threshold = Math.max(10, (scores.get(top) ?? 0) * 0.2);
  let scope = top;
  for (let level = 0; level < MAX_LEVELS_APART; level++) scope = parentElement(scope) ?? scope;
  const within = new Set([scope]);
  const winner = new Set([top]);
  const chunks: HtmlElement[] = [];
  for (const [element, score] of scores) {
    if (element === top || score < threshold || kindOf(element) !== kind) continue;
    if (!isInsideAny(element, within) || isInsideAny(element, winner) || isInsideAny(top, new Set([element])))
      continue;
    chunks.push(element);
  }
  return chunks;
}
