import type { BlockInfo } from './block-info.js';
import { isProse } from './block-weights.js';
import { closesStory, hasCompanyBoxWording, isAboutHeader, profileOf } from './chrome-patterns.js';
import type { Region } from './story-region.js';

/** Most lines of a bio or company box that go on about its subject ("Acme is headquartered in …"). */
const MAX_BOX_LINES = 6;

/**
 * A box about the author or company, the author's bio, a company profile or a reporting credit
 * closes a story: the region ends before it when less prose follows it than comes before it.
 */
export function beforeStoryEnd(
  infos: readonly BlockInfo[],
  weights: readonly number[],
  region: Region,
): Region {
  const scan = regionScan(infos, weights, region);
  for (let index = region.first + 1; index <= region.last; index++) {
    if (!closesStoryAt(infos, region, scan, index)) continue;
    const before = scan.weightBefore(index);
    if (scan.weightBefore(region.last + 1) - scan.weightBefore(index + 1) >= before) continue;
    return { first: region.first, last: index - 1 };
  }
  return region;
}

/** Sums and look-ups over a region, computed once so that each candidate end costs little. */
interface RegionScan {
  /** Weight of the region's blocks before `index`. */
  weightBefore(index: number): number;
  /** The first paragraph at or after `index` in the region, or one past the region's end. */
  paragraphFrom(index: number): number;
}

function regionScan(infos: readonly BlockInfo[], weights: readonly number[], region: Region): RegionScan {
  const size = region.last - region.first + 1;
  const sums = new Array<number>(size + 1);
  sums[0] = 0;
  for (let offset = 0; offset < size; offset++)
    sums[offset + 1] = sums[offset]! + weights[region.first + offset]!;
  const paragraphs = new Array<number>(size + 1);
  paragraphs[size] = region.last + 1;
  for (let offset = size - 1; offset >= 0; offset--) {
    const index = region.first + offset;
    paragraphs[offset] = isParagraph(infos[index]!) ? index : paragraphs[offset + 1]!;
  }
  return {
    weightBefore: (index) => sums[index - region.first]!,
    paragraphFrom: (index) => paragraphs[index - region.first]!,
  };
}

/**
 * A box header or credit closes the story. A bio or profile does so after the story's last
 * paragraph: when no paragraph but its own ("Acme is headquartered in …" after "Acme is a
 * leading maker of …") follows it in the region and it reads as a box (a bio that places its
 * writer, a company's seat, founding or web address, or an "About …" header above it), or, for
 * a bio that places its writer ("staff writer at Example News"), when the line after it is no
 * paragraph (a region may run on past it into other prose of the page). Inside a story, or at
 * its end, a sentence about a reporter or a firm is news.
 */
function closesStoryAt(
  infos: readonly BlockInfo[],
  region: Region,
  scan: RegionScan,
  index: number,
): boolean {
  const info = infos[index]!;
  if (closesStory(info.text, info.features.words)) return true;
  const profile = profileOf(info.text, info.features.words);
  if (profile === null) return false;
  const name = profile.subject.replace(/^the\s+/i, '').split(/\s+/)[0]!;
  const boxEnd = Math.min(region.last, index + MAX_BOX_LINES);
  let next = index + 1;
  while (next <= boxEnd && infos[next]!.text.startsWith(name)) next++;
  if (profile.placesWriter && (next > region.last || !isParagraph(infos[next]!))) return true;
  if (scan.paragraphFrom(next) <= region.last) return false;
  return (
    profile.placesWriter || boxWording(infos, index, Math.min(next, region.last)) || aboutAbove(infos, index)
  );
}

function boxWording(infos: readonly BlockInfo[], first: number, last: number): boolean {
  for (let index = first; index <= last; index++) if (hasCompanyBoxWording(infos[index]!.text)) return true;
  return false;
}

function aboutAbove(infos: readonly BlockInfo[], index: number): boolean {
  const above = infos[index - 1];
  return above !== undefined && isAboutHeader(above.text, above.features.words);
}

/** A paragraph of prose that its wording does not mark as chrome. */
function isParagraph(info: BlockInfo): boolean {
  return info.wordingKind === null && isProse(info.features);
}
