import type { BlockInfo } from './block-info.js';
import { blockWeight, isProse, type WeightMode } from './block-weights.js';
import { headlineCopyIndex } from './headline-anchor.js';
import { isListItem, MIN_LIST_RUN } from './list-items.js';
import { normalisedWords } from './normalise-words.js';
import { withStoryContinuation, withStoryLead } from './story-continuation.js';
import { beforeStoryEnd } from './story-end.js';
import { densestRegion, type Region } from './story-region.js';
import type { TextBlock } from './text-block.js';
import { headlineIndex } from './title-blocks.js';

/** Prose (in characters) that must come before a comment marker for it to end the story. */
const PROSE_BEFORE_COMMENTS = 500;
/** Weight at or below which a block is plainly chrome (wording, link lists). */
const PLAIN_CHROME_WEIGHT = -40;

export interface RegionChoice {
  region: Region;
  /** The region spans a whole container or clean article, so lists inside it are the story's. */
  whole: boolean;
}

/**
 * Where the story is. Flattened pages: the densest run of prose (or the run under the page's
 * heading), started below a byline just under its top, cut where comments, a list of dated
 * items or the story's closing box begin, then extended over the list, table or short lines
 * that end or open the story. HTML content containers and clean articles (no chrome at all):
 * from the first prose block to the last block that is not plainly chrome, or to the story's
 * closing box; plain text then goes on over the list or data lines that end it.
 */
export function chooseStoryRegion(
  blocks: readonly TextBlock[],
  infos: readonly BlockInfo[],
  mode: WeightMode,
): RegionChoice {
  const weights = silenceComments(
    infos,
    infos.map((info, index) => blockWeight(info, infos[index - 1], mode)),
  );
  const densest = cutAtRepeatedDatelines(
    infos,
    weights,
    densestRegion(weights) ?? { first: 0, last: blocks.length - 1 },
  );
  const whole = mode === 'html' || !hasPageChrome(infos);
  if (whole) {
    const region = beforeStoryEnd(infos, weights, containerRegion(weights, densest));
    // Text without any chrome (a plain article) may end in a list its prose did not weigh as
    // story (tour dates, results): it goes on over it as a flattened page's story does.
    const goesOn = mode === 'text' && infos[region.last] !== undefined;
    const continued = goesOn ? withStoryContinuation(infos, region) : region;
    return { region: mode === 'text' ? belowCleanHeadline(infos, continued) : continued, whole };
  }
  const heading = headlineCopyIndex(infos);
  const anchored = underHeadline(infos, weights, densest, heading);
  const ended = beforeStoryEnd(infos, weights, belowDateline(infos, anchored));
  const continued = withStoryContinuation(infos, withIntroducedList(blocks, infos, ended));
  return { region: withStoryLead(infos, continued, heading), whole };
}

/** Most lines above a story's dateline that are its deck, picture caption or byline. */
const MAX_LINES_ABOVE_DATELINE = 4;

/**
 * A story's byline and date come before its text: lines just above a dateline at the top of the
 * region are the deck, a picture caption or the byline, so the region starts below the dateline.
 */
function belowDateline(infos: readonly BlockInfo[], region: Region): Region {
  const last = Math.min(region.last - 1, region.first + MAX_LINES_ABOVE_DATELINE);
  for (let index = region.first + 1; index <= last; index++) {
    if (infos[index]!.dateline) return { first: index + 1, last: region.last };
  }
  return region;
}

/** Lines between a page's heading and its first paragraph: byline, date, share bar, breadcrumb. */
const HEADING_TO_STORY = 8;
/**
 * Share of the densest region's weight the run under the heading needs to be taken instead:
 * little when it keeps closer to the headline's topic, half when the topic does not tell.
 */
const HEADLINE_REGION_SHARE = 0.25;
const HEADLINE_REGION_SHARE_TIED = 0.5;

/**
 * The story follows the page's own heading (`heading`, -1 when there is none). When the densest
 * run of prose lies away from it (a sidebar or footer of longer sentences than a story of short
 * lines, lists or tables), the best run starting just under the heading and apart from that run
 * is taken, unless it is much lighter or strays further from the headline's topic. A densest run
 * that already spans or follows the heading's run is kept.
 */
function underHeadline(
  infos: readonly BlockInfo[],
  weights: readonly number[],
  densest: Region,
  heading: number,
): Region {
  if (heading < 0 || (densest.first <= heading + HEADING_TO_STORY && densest.last >= heading)) return densest;
  const lastEnd = densest.first > heading ? densest.first - 1 : weights.length - 1;
  let best: Region | null = null;
  let bestSum = 0;
  const lastStart = Math.min(lastEnd, heading + HEADING_TO_STORY);
  for (let first = heading + 1; first <= lastStart; first++) {
    let sum = 0;
    for (let last = first; last <= lastEnd; last++) {
      sum += weights[last]!;
      if (sum > bestSum) {
        bestSum = sum;
        best = { first, last };
      }
    }
  }
  if (!best) return densest;
  const anchored = cutAtRepeatedDatelines(infos, weights, best);
  const topic = headlineShare(infos, heading, anchored) - headlineShare(infos, heading, densest);
  const share = topic > 0 ? HEADLINE_REGION_SHARE : topic === 0 ? HEADLINE_REGION_SHARE_TIED : Infinity;
  return regionWeight(weights, anchored) >= regionWeight(weights, densest) * share ? anchored : densest;
}

/** Words this long are mostly content words in any spaced script. */
const MIN_TOPIC_WORD = 4;

/** Share of the heading's content words that the region's text uses: a story tells what its headline says. */
function headlineShare(infos: readonly BlockInfo[], heading: number, region: Region): number {
  const topic = new Set(
    normalisedWords(infos[heading]!.text).filter((word) => word.length >= MIN_TOPIC_WORD),
  );
  if (topic.size === 0) return 0;
  const used = new Set<string>();
  for (let index = region.first; index <= region.last; index++) {
    for (const word of normalisedWords(infos[index]!.text)) if (topic.has(word)) used.add(word);
  }
  return used.size / topic.size;
}

function regionWeight(weights: readonly number[], region: Region): number {
  let sum = 0;
  for (let index = region.first; index <= region.last; index++) sum += weights[index]!;
  return sum;
}

/**
 * Once a comment marker follows a good amount of prose, everything after it is comments and
 * weighs against the story (a "0 Comments" link above the story does not count).
 */
function silenceComments(infos: readonly BlockInfo[], weights: number[]): number[] {
  let prose = 0;
  for (let index = 0; index < weights.length; index++) {
    const weight = weights[index]!;
    if (infos[index]!.commentMarker && prose >= PROSE_BEFORE_COMMENTS) {
      for (let after = index + 1; after < weights.length; after++) {
        weights[after] = -Math.abs(weights[after]!) + PLAIN_CHROME_WEIGHT;
      }
      break;
    }
    if (weight > 0) prose += weight;
  }
  return weights;
}

/**
 * A story has its dateline once, before the text. Several datelines inside the region mean it
 * ran on into a list of items (other stories, comments), each with its own date: the story
 * ends before the first of them, at its last prose block.
 */
function cutAtRepeatedDatelines(
  infos: readonly BlockInfo[],
  weights: readonly number[],
  region: Region,
): Region {
  const firstProse = weights.findIndex((weight, index) => index >= region.first && weight > 0);
  // Byline and date lines next to each other are one dateline: count only those with prose between.
  const datelines: number[] = [];
  let proseSinceDateline = true;
  for (let index = firstProse + 1; index <= region.last; index++) {
    if (infos[index]!.dateline && proseSinceDateline) datelines.push(index);
    if (infos[index]!.dateline) proseSinceDateline = false;
    else if (weights[index]! > 0) proseSinceDateline = true;
  }
  if (firstProse < 0 || datelines.length < 2) return region;
  let last = datelines[0]! - 1;
  while (last > firstProse && weights[last]! <= 0) last--;
  return { first: region.first, last };
}

/**
 * Evidence that text is a flattened page rather than a clean article: chrome wording, datelines,
 * comment markers, or a menu (a run of short lines that are not sentences).
 */
function hasPageChrome(infos: readonly BlockInfo[]): boolean {
  let shortRun = 0;
  for (const info of infos) {
    if (info.chromeByWording || info.dateline || info.commentMarker) return true;
    shortRun = isListItem(info.features) && info.features.words <= 4 ? shortRun + 1 : 0;
    if (shortRun >= MIN_LIST_RUN) return true;
  }
  return false;
}

/**
 * A story that ends by introducing a list ("Tour dates:") goes on with the list: the lines that
 * follow the colon without a blank line between them and, when the colon ends the story's own
 * last line, list items, table rows and short headings after a blank line too.
 */
function withIntroducedList(
  blocks: readonly TextBlock[],
  infos: readonly BlockInfo[],
  region: Region,
): Region {
  let intro = region.last;
  if (!infos[intro]?.text.endsWith(':')) intro++;
  const introInfo = infos[intro];
  if (!introInfo?.text.endsWith(':') || introInfo.wordingKind || introInfo.features.words > 40) {
    return region;
  }
  let last = intro;
  // A colon line after the story may head a list of links; only the story's own line vouches for one.
  const ownIntro = intro === region.last;
  while (last + 1 < blocks.length && continuesList(blocks[last + 1]!, infos[last + 1]!, ownIntro)) last++;
  return last > intro ? { first: region.first, last } : region;
}

function continuesList(block: TextBlock, info: BlockInfo, ownIntro: boolean): boolean {
  if (info.wordingKind || info.dateline || info.commentMarker) return false;
  return !block.separated || (ownIntro && (info.features.bullet || !isProse(info.features)));
}

/**
 * A clean text has no page around its story, so the lines between its headline (where the title
 * search finds it) and its first paragraph of prose are the story's lead, not menus: a short
 * opening statement, a subhead, a line without its full stop. Wording and datelines still label
 * their own lines.
 */
function belowCleanHeadline(infos: readonly BlockInfo[], region: Region): Region {
  const headline = headlineIndex(infos, region.first, true);
  return headline < 0 ? region : { first: headline + 1, last: region.last };
}

/** From the first prose block to the last block that is not plainly chrome. */
function containerRegion(weights: readonly number[], densest: Region): Region {
  const first = weights.findIndex((weight) => weight > 0);
  let last = weights.length - 1;
  while (last > densest.last && weights[last]! <= PLAIN_CHROME_WEIGHT) last--;
  return { first: first < 0 ? densest.first : Math.min(first, densest.first), last };
}
