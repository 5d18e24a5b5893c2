import type { BoilerplateKind } from '../model/article.js';
import { type BlockFeatures, blockFeatures } from './block-features.js';
import { blockWeight, isHeadlineLike, isProse, type WeighedBlock, type WeightMode } from './block-weights.js';
import { chromeKindByWording, isCommentSectionMarker, isLinkTrail, isListHeader } from './chrome-patterns.js';
import { type Dateline, readDateline, wireCredit } from './dateline.js';
import { repeatedBlocks } from './duplicate-blocks.js';
import { normalisedKey } from './normalise-words.js';
import { densestRegion, type Region } from './story-region.js';
import type { TextBlock } from './text-block.js';
import { cleanestTitle, isTitleCandidate, isTitleCopy } from './title.js';

/** A block is story text or one kind of page chrome. */
export type BlockLabel = 'story' | BoilerplateKind;

export interface Classification {
  labels: BlockLabel[];
  title: string | null;
  published: string | null;
  byline: string | null;
}

interface BlockInfo extends WeighedBlock {
  text: string;
  wordingKind: BoilerplateKind | null;
  datelineInfo: Dateline | null;
}

/** Shortest run of short non-sentence lines taken for a menu or list inside the story region. */
const MIN_LIST_RUN = 3;

/**
 * Labels every block as story or chrome. The story region is the densest run of prose; chrome
 * around it is labelled by wording and position; inside it, only blocks that chrome wording,
 * list structure or repetition give away are dropped. `knownTitle` (from HTML metadata) skips
 * the search for a headline line.
 */
export function classifyBlocks(
  blocks: readonly TextBlock[],
  mode: WeightMode,
  knownTitle: string | null = null,
): Classification {
  const infos = blocks.map((block, index) => describeBlock(block, blocks[index - 1]));
  const weights = silenceComments(
    infos,
    infos.map((info, index) => blockWeight(info, infos[index - 1], mode)),
  );
  const densest = cutAtRepeatedDatelines(
    infos,
    weights,
    densestRegion(weights) ?? { first: 0, last: blocks.length - 1 },
  );
  // Clean text (an article without page chrome) is kept whole, like an HTML content container.
  const whole = mode === 'html' || !hasPageChrome(infos);
  const region = whole ? containerRegion(weights, densest) : withIntroducedList(blocks, infos, densest);
  const labels = infos.map((_, index) => initialLabel(infos, index, region));
  labelListsInside(infos, labels, region, whole ? 'html' : 'text');
  spreadAdvertisingOverLists(infos, labels);

  const title = knownTitle ?? findTitle(infos, labels, region);
  if (title !== null) labelTitleCopies(infos, labels, title);
  const titleCopies = infos.filter((_, index) => labels[index] === 'title').map((info) => info.text);
  labelRepeats(infos, labels);
  if (!labels.includes('story')) keepBestGuess(infos, labels);

  return {
    labels,
    title: title === null ? null : cleanestTitle(title, titleCopies),
    ...datelineFacts(infos, labels, region),
  };
}

/** Prose (in characters) that must come before a comment marker for it to end the story. */
const PROSE_BEFORE_COMMENTS = 500;

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
        weights[after] = -Math.abs(weights[after]!) - 40;
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
 * A story that ends by introducing a list ("Tour dates:") goes on with the list: the lines
 * that follow the colon without a blank line between them.
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
  while (last + 1 < blocks.length && !blocks[last + 1]!.separated && !infos[last + 1]!.wordingKind) last++;
  return last > intro ? { first: region.first, last } : region;
}

/**
 * Inside an HTML content container the story runs from the first prose block to the last
 * block that is not plainly chrome: lists and tables after the prose belong to it.
 */
function containerRegion(weights: readonly number[], densest: Region): Region {
  const first = weights.findIndex((weight) => weight > 0);
  let last = weights.length - 1;
  while (last > densest.last && weights[last]! <= -40) last--;
  return { first: first < 0 ? densest.first : Math.min(first, densest.first), last };
}

function describeBlock(block: TextBlock, previous: TextBlock | undefined): BlockInfo {
  const features = blockFeatures(block);
  let wordingKind = chromeKindByWording(block.text, features.words);
  const datelineInfo = wordingKind === null ? readDateline(block.text, features.words) : null;
  if (wordingKind === null && datelineInfo === null && isLinkTrail(block.text)) {
    wordingKind = /©|copyright|privacy|terms|disclaimer/i.test(block.text) ? 'footer' : 'navigation';
  }
  return {
    text: block.text,
    features,
    wordingKind,
    datelineInfo,
    chromeByWording: wordingKind !== null,
    dateline: datelineInfo !== null,
    commentMarker: isCommentSectionMarker(block.text, features.words),
    repeatsPrevious:
      previous !== undefined &&
      features.words >= 3 &&
      normalisedKey(previous.text) === normalisedKey(block.text),
  };
}

function initialLabel(infos: readonly BlockInfo[], index: number, region: Region): BlockLabel {
  const info = infos[index]!;
  if (info.wordingKind) return info.wordingKind;
  if (info.dateline) return 'dateline';
  const inside = index >= region.first && index <= region.last;
  if (inside) return info.repeatsPrevious ? 'duplicate' : 'story';
  return index < region.first ? labelBeforeStory(info) : labelAfterStory(infos, index);
}

/** Before the story: menus, other headlines. */
function labelBeforeStory(info: BlockInfo): BlockLabel {
  const f = info.features;
  if (isListHeader(info.text, f.words)) return 'related';
  return f.words >= 4 && !f.allCaps ? 'related' : 'navigation';
}

/** After the story: lists of other headlines with their teasers, then the footer. */
function labelAfterStory(infos: readonly BlockInfo[], index: number): BlockLabel {
  const info = infos[index]!;
  const f = info.features;
  if (f.words >= 4 || f.endsEllipsis || isListHeader(info.text, f.words)) return 'related';
  // A short all-caps header ("TRENDING", "OTHER LINKS") heads whatever follows it.
  const next = infos[index + 1];
  if (f.allCaps && next && next.features.words >= 4 && !next.wordingKind) return 'related';
  return 'navigation';
}

/** Inside the region: runs of short lines are menus, headline + "..." pairs are teasers. */
function labelListsInside(
  infos: readonly BlockInfo[],
  labels: BlockLabel[],
  region: Region,
  mode: WeightMode,
): void {
  let runStart = -1;
  for (let index = region.first; index <= region.last + 1; index++) {
    const info = infos[index];
    const short =
      index <= region.last && info !== undefined && labels[index] === 'story' && isListItem(info.features);
    if (short) {
      if (runStart < 0) runStart = index;
      continue;
    }
    // Inside an HTML content container, lists and tables are the story's own.
    if (mode === 'text' && runStart >= 0 && index - runStart >= MIN_LIST_RUN) {
      for (let item = runStart; item < index; item++) {
        labels[item] = infos[item]!.features.words >= 4 ? 'related' : 'navigation';
      }
    }
    runStart = -1;
  }
  for (let index = region.first + 1; index <= region.last; index++) {
    const info = infos[index]!;
    const previous = infos[index - 1]!;
    if (info.features.endsEllipsis && isHeadlineLike(previous.features) && !isProse(previous.features)) {
      labels[index] = 'related';
      labels[index - 1] = 'related';
    }
    if (info.features.linkDensity > 0.5 && labels[index] === 'story') {
      labels[index] = info.features.words >= 4 ? 'related' : 'navigation';
    }
  }
}

/** A bullet list with an advertising item ("• Support • Platform • Spreads") is all advertising. */
function spreadAdvertisingOverLists(infos: readonly BlockInfo[], labels: BlockLabel[]): void {
  let runStart = 0;
  for (let index = 0; index <= infos.length; index++) {
    if (index < infos.length && infos[index]!.features.bullet && labels[index] !== 'story') continue;
    const run = labels.slice(runStart, index);
    if (run.length > 1 && run.includes('advertising')) labels.fill('advertising', runStart, index);
    runStart = index + 1;
  }
}

function isListItem(f: BlockFeatures): boolean {
  return !f.endsSentence && f.words <= 8 && !f.allCaps;
}

/** The headline: the first headline-like line before the story region. */
function findTitle(
  infos: readonly BlockInfo[],
  labels: readonly BlockLabel[],
  region: Region,
): string | null {
  for (let index = 0; index < region.first; index++) {
    const info = infos[index]!;
    if (info.wordingKind || info.dateline || labels[index] === 'story') continue;
    if (isTitleCandidate(info.text, info.features)) return info.text;
  }
  return null;
}

/** Copies of the title, and a deck (subtitle) right after the first one, are 'title'. */
function labelTitleCopies(infos: readonly BlockInfo[], labels: BlockLabel[], title: string): void {
  let firstCopy = -1;
  for (let index = 0; index < infos.length; index++) {
    const info = infos[index]!;
    if (info.features.words > 40 || (info.features.endsSentence && !/[?!]["'”’]?$/.test(info.text))) continue;
    if (!isTitleCopy(title, info.text)) continue;
    labels[index] = 'title';
    if (firstCopy < 0) firstCopy = index;
  }
  // A headline-like line between the title and the story is its deck, not a menu.
  let next = firstCopy + 1;
  while (firstCopy >= 0 && labels[next] === 'title') next++;
  const deck = infos[next];
  if (deck && labels[next] !== 'story' && !deck.wordingKind && !deck.dateline) {
    if (isHeadlineLike(deck.features) && deck.features.words >= 6) labels[next] = 'title';
  }
}

/** Standfirsts and pull quotes that repeat the body. */
function labelRepeats(infos: readonly BlockInfo[], labels: BlockLabel[]): void {
  const storyIndices = labels.flatMap((label, index) => (label === 'story' ? [index] : []));
  const repeated = repeatedBlocks(storyIndices.map((index) => infos[index]!.text));
  for (const position of repeated) labels[storyIndices[position]!] = 'duplicate';
}

/** No story found: every block that is not plainly chrome is the best guess. */
function keepBestGuess(infos: readonly BlockInfo[], labels: BlockLabel[]): void {
  for (let index = 0; index < infos.length; index++) {
    if (!infos[index]!.wordingKind && labels[index] !== 'dateline') labels[index] = 'story';
  }
}

/** Publication date and byline from dateline blocks, or a wire credit opening the story. */
function datelineFacts(
  infos: readonly BlockInfo[],
  labels: readonly BlockLabel[],
  region: Region,
): { published: string | null; byline: string | null } {
  let published: string | null = null;
  let byline: string | null = null;
  // Datelines near the story first: the ones far away belong to other headlines.
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
