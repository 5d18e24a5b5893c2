import type { BlockInfo } from './block-info.js';
import { isProse } from './block-weights.js';
import { closesStory, profileSubject } from './chrome-patterns.js';
import type { Region } from './story-region.js';

/**
 * A box about the author or company, the author's bio, a company profile or a reporting credit
 * closes a story: the region ends before it when less prose follows it than comes before it.
 */
export function beforeStoryEnd(
  infos: readonly BlockInfo[],
  weights: readonly number[],
  region: Region,
): Region {
  for (let index = region.first + 1; index <= region.last; index++) {
    if (!closesStoryAt(infos, region, index)) continue;
    const before = weights.slice(region.first, index);
    if (sum(weights.slice(index + 1, region.last + 1)) >= sum(before)) continue;
    return { first: region.first, last: index - 1 };
  }
  return region;
}

/**
 * A box header or credit closes the story; a bio or profile only when it ends a run of prose: the
 * line after it (and after its own further paragraphs, "Acme is headquartered in …" after "Acme
 * is a leading maker of …") is not a paragraph. Inside a story a sentence about a reporter or a
 * firm is followed by the story's next paragraph.
 */
function closesStoryAt(infos: readonly BlockInfo[], region: Region, index: number): boolean {
  const info = infos[index]!;
  if (closesStory(info.text, info.features.words)) return true;
  const subject = profileSubject(info.text, info.features.words);
  if (subject === null) return false;
  const name = subject.replace(/^the\s+/i, '').split(/\s+/)[0]!;
  let next = index + 1;
  while (next <= region.last && infos[next]!.text.startsWith(name)) next++;
  return next > region.last || !isProse(infos[next]!.features);
}

function sum(weights: readonly number[]): number {
  return weights.reduce((total, weight) => total + weight, 0);
}
