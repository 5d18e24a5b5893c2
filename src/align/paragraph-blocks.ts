import type { Article } from '../model/article.js';
import { toSource } from '../text/offsets.js';

/**
 * Which block of contiguous input text each paragraph is in: paragraphs follow each other in
 * one block unless the extractor removed something (page chrome) between them, so a reused
 * passage never spans text the reader of the page saw as chrome. Articles sent to worker
 * threads without their input text carry the answer in `paragraphBlocks`.
 */
export function paragraphBlocks(article: Article): number[] {
  if (article.paragraphBlocks !== undefined) return article.paragraphBlocks;
  const { paragraphs, origin, content } = article;
  const blocks = paragraphs.map(() => 0);
  for (let index = 1; index < paragraphs.length; index++) {
    const gapStart = toSource(origin, paragraphs[index - 1]!.end, 'end');
    const gapEnd = toSource(origin, paragraphs[index]!.start);
    const removed = gapEnd > gapStart && content.slice(gapStart, gapEnd).trim() !== '';
    blocks[index] = blocks[index - 1]! + (removed ? 1 : 0);
  }
  return blocks;
}
