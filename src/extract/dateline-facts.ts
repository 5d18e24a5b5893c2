import type { BlockInfo } from './block-info.js';
import { wireCredit } from './dateline.js';
import type { BlockLabel } from './label-blocks.js';
import type { Region } from './story-region.js';

/** Publication date and byline from dateline blocks, or from a wire credit opening the story. */
export function datelineFacts(
  infos: readonly BlockInfo[],
  labels: readonly BlockLabel[],
  region: Region,
): { published: string | null; byline: string | null } {
  let published: string | null = null;
  let byline: string | null = null;
  // Datelines nearest the story first: the ones far away belong to other headlines.
  const order = infos
    .map((_, index) => index)
    .filter((index) => labels[index] === 'dateline')
    .sort((a, b) => distance(a, region) - distance(b, region) || a - b);
  for (const index of order) {
    const info = infos[index]!.datelineInfo;
    published ??= info?.published ?? null;
    byline ??= info?.byline ?? null;
  }
  const firstStory = labels.indexOf('story');
  if (byline === null && firstStory >= 0) byline = wireCredit(infos[firstStory]!.text);
  return { published, byline };
}

function distance(index: number, region: Region): number {
  if (index < region.first) return region.first - index;
  if (index > region.last) return index - region.last;
  return 0;
}
