import type { BlockInfo } from './block-info.js';
import { isProse } from './block-weights.js';
import { closesStory, profileOf } from './chrome-patterns.js';
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
 * A box header or credit closes the story. A bio or profile does so after the story's last
 * paragraph: no paragraph but its own ("Acme is headquartered in …" after "Acme is a leading
 * maker of …") follows it in the region, or, for a bio that places its writer ("staff writer at
 * Example News"), the line after it is no paragraph (a region may run on past it into other
 * prose of the page). Inside a story a sentence about a reporter or a firm is followed by more
 * of the story.
 */
function closesStoryAt(infos: readonly BlockInfo[], region: Region, index: number): boolean {
  const info = infos[index]!;
  if (closesStory(info.text, info.features.words)) return true;
  const profile = profileOf(info.text, info.features.words);
  if (profile === null) return false;
  const name = profile.subject.replace(/^the\s+/i, '').split(/\s+/)[0]!;
  let next = index + 1;
  while (next <= region.last && infos[next]!.text.startsWith(name)) next++;
  if (profile.placesWriter && (next > region.last || !isParagraph(infos[next]!))) return true;
  for (let after = next; after <= region.last; after++) if (isParagraph(infos[after]!)) return false;
  return true;
}

/** A paragraph of prose that its wording does not mark as chrome. */
function isParagraph(info: BlockInfo): boolean {
  return info.wordingKind === null && isProse(info.features);
}

function sum(weights: readonly number[]): number {
  return weights.reduce((total, weight) => total + weight, 0);
}
