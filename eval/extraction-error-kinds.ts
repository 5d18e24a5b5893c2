import { basename } from 'node:path';
import { isWiretraceError } from '../src/errors.js';
import { blockFeatures } from '../src/extract/block-features.js';
import { chromeKindByWording } from '../src/extract/chrome-patterns.js';
import { extractHtml, storyLayout } from '../src/extract/extract-html.js';
import { NEVER_TEXT } from '../src/extract/html/chrome-subtrees.js';
import { containerCandidatesOf } from '../src/extract/html/content-container.js';
import {
  commonAncestor,
  contentRoot,
  elementAndAncestors,
  findElements,
  type HtmlElement,
  isElement,
  isHeadingTag,
  parentElement,
  parseHtml,
  textContent,
} from '../src/extract/html/dom.js';
import { hidingSignal, isUnlikelyContent } from '../src/extract/html/element-hints.js';
import { type HtmlBlock, htmlBlocks } from '../src/extract/html/html-blocks.js';
import { extractArticle } from '../src/extract/index.js';
import { titleCopyTest } from '../src/extract/title.js';
import type { RawDocument } from '../src/model/article.js';
import { lastAtOrBelow } from '../src/sorted-search.js';
import {
  blocksInOutput,
  collapse,
  extractionSetFolders,
  isStoryText,
  sideOfStory,
  type Truth,
  truthPages,
  words,
} from './extraction-truths.js';
import { fMeasure } from './metrics.js';
import { rougeLsum } from './rouge.js';

/**
 * Error kinds in each benchmark's own units (`npm run eval -- extraction-kinds [--detail]`): on
 * trafilatura's set every segment the output misses or wrongly holds, on the other sets the
 * share of each page's truth words missed and of its output words that are chrome (summed over
 * pages and divided by their number, so a kind's figure is the points of mean recall or
 * precision it costs; ScrapingHub's set is scored here with ROUGE-LSum too, a stand-in for its
 * shingle metric). Each missed piece is placed by structure, on the page as extraction read it
 * (the second look included): the page refused, not shown as text (by which signal: code, hidden
 * attribute, aria-hidden, inline style, form control, or split across blocks; another
 * spelling), in a landmark element (aside, footer, figure…), in a box skipped for its
 * chrome-like class, inside the content container under the label that dropped it, or outside
 * it by side of the story, how far up from the container the smallest ancestor holding both
 * lies and in what kind of element (before the story: where it lies against the <h1>, and why the
 * lead look passed over a long block there). Beside each kind stand the chrome rightly left out
 * in the same place and the set's figure were every miss of that kind found (its ceiling):
 * error kinds to weigh across sets, not pages to read one by one.
 */

export interface KindTally {
  /** Trafilatura: segments; ROUGE sets: summed per-page shares of truth (missed) or output (kept). */
  amount: number;
  pages: Set<string>;
}

export interface SetKinds {
  missed: Map<string, KindTally>;
  kept: Map<string, KindTally>;
  /** Chrome rightly left out, by the same places as `missed` (segments, or shares of the output's words). */
  leftOut: Map<string, KindTally>;
  /** Pages by recall and precision bucket, with the F1 points they lose (sum of 1 - F1). */
  buckets: Map<string, { pages: number; loss: number }>;
  languages: Map<string, { pages: number; loss: number }>;
  pages: number;
  /**
   * What each coarse kind of miss costs: the set's figure were all its misses of that kind found
   * (precision as it is), beside the figure as it is.
   */
  ceilings: Map<string, number>;
  figure: number;
}

/** Per page: its precision and recall (or segment counts) and its misses by coarse kind. */
interface PageMisses {
  precision: number;
  recall: number;
  counts: { tp: number; fp: number; fn: number } | null;
  byKind: Map<string, number>;
}

function missesOfPage(before: ReadonlyMap<string, number>, kinds: SetKinds): Map<string, number> {
  const byKind = new Map<string, number>();
  for (const [key, tally] of kinds.missed) {
    const added = tally.amount - (before.get(key) ?? 0);
    if (added > 0) byKind.set(coarseKind(key), (byKind.get(coarseKind(key)) ?? 0) + added);
  }
  return byKind;
}

/** The set's figure as it is and with every miss of each coarse kind found. */
function ceilingsOf(pages: readonly PageMisses[]): { figure: number; ceilings: Map<string, number> } {
  const kindsSeen = new Set(pages.flatMap((page) => [...page.byKind.keys()]));
  const ceilings = new Map<string, number>();
  if (pages.every((page) => page.counts !== null)) {
    const sum = (pick: (page: PageMisses) => number) => pages.reduce((total, page) => total + pick(page), 0);
    const tp = sum((page) => page.counts!.tp);
    const fp = sum((page) => page.counts!.fp);
    const fn = sum((page) => page.counts!.fn);
    const f1 = (found: number) => (2 * (tp + found)) / Math.max(1, 2 * (tp + found) + fp + fn - found);
    for (const kind of kindsSeen) ceilings.set(kind, f1(sum((page) => page.byKind.get(kind) ?? 0)));
    return { figure: f1(0), ceilings };
  }
  const mean = (values: number[]) =>
    values.reduce((total, value) => total + value, 0) / Math.max(1, values.length);
  for (const kind of kindsSeen) {
    ceilings.set(
      kind,
      mean(
        pages.map((page) =>
          fMeasure(page.precision, Math.min(1, page.recall + (page.byKind.get(kind) ?? 0))),
        ),
      ),
    );
  }
  return { figure: mean(pages.map((page) => fMeasure(page.precision, page.recall))), ceilings };
}

const LANDMARK_TAGS = new Set(['aside', 'footer', 'nav', 'figure', 'figcaption', 'noscript']);

/** Structural facts of one page used to place a block. */
interface PageView {
  visible: HtmlBlock[];
  /** Block starts of the blocks read when chrome-like classes are skipped. */
  unskipped: Set<number>;
  /** Block starts of the content container's blocks, with their final labels. */
  containerLabel: Map<number, string>;
  containerTop: HtmlElement | null;
  /** Positions (in `visible`) of the blocks the output holds. */
  inOutput: boolean[];
  firstOutput: number;
  lastOutput: number;
  pageText: string;
  /** The page's content root, where text not shown is looked for. */
  root: HtmlElement;
  /** Rank of each content-container candidate by its score, best first. */
  rankOf: Map<HtmlElement, number>;
  copiesTitle: (text: string) => boolean;
  secondLook: boolean;
}

function view(raw: RawDocument, output: string, title: string | null = null): PageView {
  const root = contentRoot(parseHtml(raw.content));
  const visible = htmlBlocks(raw.content, root, { skipUnlikely: false, landmarks: true });
  const unskipped = new Set(
    htmlBlocks(raw.content, root, { skipUnlikely: true }).map((block) => block.start),
  );
  const containerLabel = new Map<number, string>();
  let containerTop: HtmlElement | null = null;
  try {
    const layout = storyLayout(raw);
    layout.containerBlocks.forEach((block, index) => {
      containerLabel.set(block.start, layout.labels[index] ?? 'other');
    });
    // storyLayout parses the page again: its container is found in this tree by its offset.
    const top = commonAncestor(layout.containerBlocks.map((block) => block.element));
    containerTop =
      top === null
        ? null
        : (findElements(root).find((element) => element.startIndex === top.startIndex) ?? null);
  } catch (error) {
    if (!isWiretraceError(error)) throw error;
  }
  const inOutput = blocksInOutput(visible, output);
  // The story's ends are read off blocks long enough not to turn up in it by chance.
  const anchors = visible.map((block, index) => inOutput[index]! && words(block.text) >= 5);
  const firstOutput = anchors.indexOf(true) >= 0 ? anchors.indexOf(true) : inOutput.indexOf(true);
  const lastOutput = anchors.lastIndexOf(true) >= 0 ? anchors.lastIndexOf(true) : inOutput.lastIndexOf(true);
  return {
    visible,
    unskipped,
    containerLabel,
    containerTop,
    inOutput,
    firstOutput,
    lastOutput,
    pageText: collapse(textContent(root)),
    root,
    rankOf: candidateRanks(raw, root, title),
    copiesTitle: title === null ? () => false : titleCopyTest(title),
    secondLook: readBySecondLook(raw, output),
  };
}

/** Each content-container candidate of the page (in this tree) by its rank, best first. */
function candidateRanks(raw: RawDocument, root: HtmlElement, title: string | null): Map<HtmlElement, number> {
  const kept = htmlBlocks(raw.content, root, { skipUnlikely: true });
  const ranked = [...containerCandidatesOf(kept, title).scores.entries()].sort((a, b) => b[1] - a[1]);
  return new Map(ranked.map(([element], index) => [element, index + 1]));
}

/** Whether the output is not the first look's (the container's) text: the page read whole. */
function readBySecondLook(raw: RawDocument, output: string): boolean {
  try {
    return collapse(extractHtml(raw).article.text) !== collapse(output);
  } catch (error) {
    if (!isWiretraceError(error)) throw error;
    return true;
  }
}

/** Levels to climb from the container's top to the smallest ancestor also holding `element`. */
function levelsUp(top: HtmlElement, element: HtmlElement): number | 'page' {
  const held = new Set(elementAndAncestors(element));
  let levels = 0;
  for (let current: HtmlElement | null = top; current !== null; current = parentElement(current)) {
    if (held.has(current)) return current.name === 'body' || current.name === 'html' ? 'page' : levels;
    levels++;
  }
  return 'page';
}

function elementKind(block: HtmlBlock): string {
  const chain = elementAndAncestors(block.element);
  const tag = block.element.name;
  if (isHeadingTag(tag)) return 'heading';
  if (tag === 'li' || tag === 'dd' || tag === 'dt') return 'list item';
  if (tag === 'td' || tag === 'th') return 'table cell';
  if (chain.some((element) => element.name === 'blockquote')) return 'blockquote';
  if (tag === 'p') return 'p';
  if (block.element.children.some((child) => 'name' in child && child.name === 'br')) return '<br> text';
  if (block.element.children.some((child) => 'name' in child && child.name === 'font')) return '<font> text';
  return tag === 'div' ? 'div text' : 'other';
}

/** Where one visible block lies relative to the extracted story. */
function placeOf(page: PageView, position: number): string {
  const block = page.visible[position]!;
  if (elementAndAncestors(block.element).some((element) => LANDMARK_TAGS.has(element.name)))
    return 'landmark (aside, footer, nav, figure, noscript)';
  if (!page.unskipped.has(block.start))
    return `box skipped for its class or role (${skippedWord(block)}), ${sideOf(page, position)}`;
  const label = page.containerLabel.get(block.start);
  if (label !== undefined)
    return `container, labelled ${label}, ${sideOf(page, position)}, ${elementKind(block)}`;
  if (page.containerTop === null) return 'no container';
  const side = sideOf(page, position);
  const up = levelsUp(page.containerTop, block.element);
  const levels = up === 'page' ? 'only body holds both' : up <= 1 ? 'parent' : up <= 3 ? '2-3 up' : '4+ up';
  const place = `outside, ${side}, ${levels}, ${elementKind(block)}, ${candidateRank(page, block)}`;
  return side === 'before' ? `${place}, ${headlineRelation(page, position)}` : place;
}

/**
 * The best rank among the content-container candidates (Readability scores) of the boxes holding
 * a block outside the container, save those that hold the container too: whether another choice
 * of container, or a second one, could have reached it.
 */
function candidateRank(page: PageView, block: HtmlBlock): string {
  const aboveContainer = new Set(page.containerTop === null ? [] : elementAndAncestors(page.containerTop));
  let best = Number.POSITIVE_INFINITY;
  for (const element of elementAndAncestors(block.element)) {
    if (aboveContainer.has(element)) break;
    best = Math.min(best, page.rankOf.get(element) ?? best);
  }
  if (best === Number.POSITIVE_INFINITY) return 'in no candidate';
  return best === 1
    ? 'candidate 1'
    : best <= 5
      ? 'candidates 2-5'
      : best <= 20
        ? 'candidates 6-20'
        : 'candidate >20';
}

/** Lead prose is looked for between the headline and the container: fewer words are a label. */
const LEAD_WORDS = 10;

/**
 * Where a block before the story lies relative to the nearest <h1> above the story, and for a
 * long block between the two why the lead look did not take it: a headline (an <h1> or a copy of
 * the title) between it and the container, links, no sentence end, chrome wording, or a page the
 * second look read.
 */
function headlineRelation(page: PageView, position: number): string {
  const block = page.visible[position]!;
  let headline = -1;
  for (let index = page.firstOutput - 1; index >= 0 && headline < 0; index--) {
    if (page.visible[index]!.element.name === 'h1') headline = index;
  }
  const length = words(block.text) >= LEAD_WORDS ? 'long' : 'short';
  if (headline < 0) return `no h1 above the story, ${length}`;
  if (position === headline) return 'the h1';
  if (position < headline) return `above the h1, ${length}`;
  if (length === 'short') return 'between the h1 and the story, short';
  const containerFirst = page.visible.findIndex((other) => page.containerLabel.has(other.start));
  const features = blockFeatures(block);
  const between = page.visible.slice(position + 1, Math.max(position + 1, containerFirst));
  const reasons = [
    between.some((other) => other.element.name === 'h1' || page.copiesTitle(other.text))
      ? 'a headline between it and the container'
      : '',
    features.linkDensity > 0.3 ? 'links' : '',
    !features.endsSentence ? 'no sentence end' : '',
    chromeKindByWording(block.text, features.words) !== null ? 'chrome wording' : '',
    page.secondLook ? 'page read by the second look' : '',
  ].filter((reason) => reason !== '');
  return `between the h1 and the story, long (${reasons.join(', ') || 'no reason found'})`;
}

function sideOf(page: PageView, position: number): string {
  if (page.firstOutput < 0) return 'no output';
  return sideOfStory(position, page.firstOutput, page.lastOutput);
}

/** The chrome word of the outermost skipped ancestor's class, id or role. */
function skippedWord(block: HtmlBlock): string {
  let word = '?';
  for (const element of elementAndAncestors(block.element)) {
    if (!isUnlikelyContent(element)) continue;
    const role = element.attribs.role;
    const hints = `${element.attribs.class ?? ''} ${element.attribs.id ?? ''}`;
    word =
      role !== undefined && role !== '' && !UNLIKELY_WORD.test(hints)
        ? `role ${role}`
        : (UNLIKELY_WORD.exec(hints)?.[0] ?? '?').toLowerCase();
  }
  return word;
}

const UNLIKELY_WORD =
  /ads?|advert|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|agegate|pagination|pager|popup|share|sharing|newsletter|subscribe|signup|promo|recirc|trending|most-popular|outbrain|taboola|cookie|consent|byline|author|dateline|caption|credit|toolbar|tags|widget/i;

function add(map: Map<string, KindTally>, key: string, amount: number, id: string): void {
  const tally = map.get(key) ?? { amount: 0, pages: new Set<string>() };
  tally.amount += amount;
  tally.pages.add(id);
  map.set(key, tally);
}

/** Trafilatura's units: where each missed `with` segment lies, where each kept `without` segment sits. */
function segmentKinds(
  truth: { with: string[]; without: string[] },
  page: PageView | null,
  output: string,
  id: string,
  kinds: SetKinds,
): { tp: number; fp: number; fn: number } {
  const text = collapse(output);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const joined = page === null ? null : joinedBlocks(page.visible);
  for (const segment of truth.with) {
    if (text.includes(segment)) {
      tp++;
      continue;
    }
    fn++;
    add(
      kinds.missed,
      page === null ? 'page refused or unreadable' : segmentPlace(page, joined!, segment),
      1,
      id,
    );
  }
  for (const segment of truth.without) {
    if (!text.includes(segment)) {
      if (page !== null) add(kinds.leftOut, segmentPlace(page, joined!, segment), 1, id);
      continue;
    }
    fp++;
    add(
      kinds.kept,
      `${keptPlace(text, segment)}, ${page === null ? '' : keptBlock(page, joined!, segment)}`,
      1,
      id,
    );
  }
  return { tp, fp, fn };
}

function joinedBlocks(blocks: readonly HtmlBlock[]): { text: string; starts: number[] } {
  let text = '';
  const starts: number[] = [];
  for (const block of blocks) {
    if (text !== '') text += ' ';
    starts.push(text.length);
    text += collapse(block.text);
  }
  return { text, starts };
}

function segmentPlace(page: PageView, joined: { text: string; starts: number[] }, segment: string): string {
  const at = joined.text.indexOf(segment);
  if (at < 0) {
    if (page.firstOutput < 0) return 'page refused';
    if (page.pageText.includes(segment)) return `not shown as text (${hiddenBy(page.root, segment)})`;
    const ascii = (text: string) => text.replace(/[^\p{ASCII}]/gu, '?').replace(/\s+/g, '');
    if (ascii(page.pageText).includes(ascii(segment)))
      return 'not found in page text: other characters (encoding, typography) or spacing';
    return 'not found in page text';
  }
  if (page.firstOutput < 0) return 'page refused';
  const first = lastAtOrBelow(joined.starts, at);
  const last = lastAtOrBelow(joined.starts, at + segment.length - 1);
  const covered = page.inOutput.slice(first, last + 1);
  if (covered.every(Boolean)) return 'blocks in output, segment not (joined across blocks)';
  if (covered.some(Boolean)) return 'partly in output (story boundary cuts the segment)';
  return placeOf(page, first) + (last > first ? ' (spans blocks)' : '');
}

/** Elements whose text is code or a template, never shown as it stands. */
const CODE_TAGS = new Set(['script', 'style', 'template', 'noscript']);
/** Form controls, embeds, media, dialogs: their text is a label, a fallback or an option list. */
const CONTROL_TAGS = new Set(
  [...NEVER_TEXT].filter((tag) => !CODE_TAGS.has(tag) && !LANDMARK_TAGS.has(tag) && tag !== 'title'),
);

/**
 * Why a segment of the page's text is in no visible block: the signal that hides the smallest
 * element holding it, or the nearest one above it (code, the hidden attribute, aria-hidden, an
 * inline style, a form control, embed or dialog), else its words run across blocks. Which hiding
 * signals hold story and which hold chrome, as the tally weighs them against each other.
 */
export function hiddenBy(root: HtmlElement, segment: string): string {
  let holder = root;
  for (let inner = innerHolder(holder, segment); inner !== null; inner = innerHolder(holder, segment)) {
    holder = inner;
  }
  for (let element: HtmlElement | null = holder; element !== null; element = parentElement(element)) {
    if (CODE_TAGS.has(element.name)) return `inside <${element.name}>`;
    const signal = hidingSignal(element);
    if (signal !== null) return signal;
    if (CONTROL_TAGS.has(element.name)) return `never read: <${element.name}>`;
  }
  return 'split across blocks';
}

/** The child element whose text holds the whole segment, or null. */
function innerHolder(element: HtmlElement, segment: string): HtmlElement | null {
  for (const child of element.children) {
    if (isElement(child) && collapse(textContent(child)).includes(segment)) return child;
  }
  return null;
}

/** The kind of block a kept chrome segment lies in, and where the first look put it. */
function keptBlock(page: PageView, joined: { text: string; starts: number[] }, segment: string): string {
  const at = joined.text.indexOf(segment);
  if (at < 0) return 'not in one run of blocks';
  const position = lastAtOrBelow(joined.starts, at);
  const block = page.visible[position]!;
  const label = page.containerLabel.get(block.start);
  const where = label === undefined ? 'outside the container' : `container ${label}`;
  return `${where}, ${elementKind(block)}, ${words(block.text) < 8 ? 'short' : 'long'}`;
}

function keptPlace(text: string, segment: string): string {
  const at = text.indexOf(segment) / Math.max(1, text.length);
  return at < 0.1
    ? 'kept chrome: first tenth of the output'
    : at > 0.9
      ? 'kept chrome: last tenth'
      : 'kept chrome: middle';
}

/** ROUGE sets: missed truth words and kept chrome words by place, as shares of the page's truth and output. */
function textKinds(truth: Truth, page: PageView | null, output: string, id: string, kinds: SetKinds): void {
  if (!('text' in truth)) return;
  const truthWords = Math.max(1, words(truth.text));
  if (page === null || page.firstOutput < 0) {
    add(kinds.missed, 'page refused or unreadable', 1, id);
    return;
  }
  const outputWords = Math.max(1, words(output));
  let located = 0;
  page.visible.forEach((block, position) => {
    const story = isStoryText(truth, block.text);
    if (story === null) return;
    const count = words(block.text);
    if (story) located += count;
    if (story && !page.inOutput[position]) add(kinds.missed, placeOf(page, position), count / truthWords, id);
    if (!story && !page.inOutput[position])
      add(kinds.leftOut, placeOf(page, position), count / outputWords, id);
    if (!story && page.inOutput[position]) {
      const where =
        position <= page.firstOutput + 2
          ? 'kept chrome: first three blocks'
          : position >= page.lastOutput - 2
            ? 'kept chrome: last three blocks'
            : 'kept chrome: middle';
      add(kinds.kept, `${where}, ${elementKind(block)}`, count / outputWords, id);
    }
  });
  if (located < truthWords * 0.8)
    add(kinds.missed, 'truth not matched to page blocks', (truthWords - located) / truthWords, id);
}

function bucket(value: number): string {
  return value === 0
    ? '0'
    : value < 0.5
      ? '(0, 0.5)'
      : value < 0.9
        ? '[0.5, 0.9)'
        : value < 1
          ? '[0.9, 1)'
          : '1';
}

export async function errorKinds(directory: string): Promise<SetKinds> {
  const kinds: SetKinds = {
    missed: new Map(),
    kept: new Map(),
    leftOut: new Map(),
    buckets: new Map(),
    languages: new Map(),
    pages: 0,
    ceilings: new Map(),
    figure: 0,
  };
  const perPage: PageMisses[] = [];
  for await (const { id, truth, page: raw } of truthPages(directory)) {
    kinds.pages++;
    let output = '';
    let language = 'unknown';
    let title: string | null = null;
    try {
      const article = extractArticle(raw);
      output = article.text;
      language = article.language ?? 'unknown';
      title = article.title;
    } catch (error) {
      if (!isWiretraceError(error)) throw error;
    }
    const page = raw.format === 'html' ? view(raw, output, title) : null;
    let precision: number;
    let recall: number;
    let loss: number;
    let counts: PageMisses['counts'] = null;
    const before = new Map([...kinds.missed].map(([key, tally]) => [key, tally.amount]));
    if ('with' in truth) {
      // Segment counts are summed over pages: a page's loss is its misses plus its wrong keeps.
      counts = segmentKinds(truth, page, output, id, kinds);
      const { tp, fp, fn } = counts;
      precision = tp + fp > 0 ? tp / (tp + fp) : 1;
      recall = tp + fn > 0 ? tp / (tp + fn) : 1;
      loss = fp + fn;
    } else {
      textKinds(truth, page, output, id, kinds);
      const score = rougeLsum(truth.text.trim(), output);
      ({ precision, recall } = score);
      loss = 1 - score.f1;
    }
    perPage.push({ precision, recall, counts, byKind: missesOfPage(before, kinds) });
    const key = `recall ${bucket(recall).padEnd(10)} precision ${bucket(precision)}`;
    const entry = kinds.buckets.get(key) ?? { pages: 0, loss: 0 };
    entry.pages++;
    entry.loss += loss;
    kinds.buckets.set(key, entry);
    const lang = kinds.languages.get(language) ?? { pages: 0, loss: 0 };
    lang.pages++;
    lang.loss += loss;
    kinds.languages.set(language, lang);
  }
  const { figure, ceilings } = ceilingsOf(perPage);
  kinds.figure = figure;
  kinds.ceilings = ceilings;
  return kinds;
}

/** The coarse kind of a place: what one general method would have to address. */
export function coarseKind(place: string): string {
  if (place.startsWith('page refused') || place === 'no container') return 'page refused or no container';
  if (place.startsWith('not ')) return "not in the page's visible text (hidden, script, other spelling)";
  if (place.startsWith('landmark')) return 'landmark element (aside, footer, nav, figure, noscript)';
  if (place.startsWith('box skipped'))
    return /\b(?:header|byline|author|dateline|credit|caption)\b/.test(place)
      ? 'box skipped by class: header, byline, author, caption, credit'
      : 'box skipped by class: other chrome words';
  if (place.startsWith('container, labelled title') || place.startsWith('container, labelled dateline'))
    return 'container: headline or dateline/byline line';
  if (place.startsWith('container, labelled story')) return 'container: cut by an edge model';
  if (place.startsWith('container'))
    return 'container: chrome label by position/links (related, footer, navigation, other)';
  if (place.startsWith('partly') || place.startsWith('blocks in output'))
    return 'boundary or joining inside a segment';
  if (place.startsWith('outside, before')) return 'outside the container, before the story';
  if (place.startsWith('outside, between')) return 'outside the container, between story blocks';
  if (place.startsWith('outside, after')) return 'outside the container, after the story';
  return place;
}

/** Tallies merged under a coarser key (null: left out). */
function merged(
  map: ReadonlyMap<string, KindTally>,
  keyOf: (key: string) => string | null,
): Map<string, KindTally> {
  const result = new Map<string, KindTally>();
  for (const [key, tally] of map) {
    const kind = keyOf(key);
    if (kind === null) continue;
    const into = result.get(kind) ?? { amount: 0, pages: new Set<string>() };
    into.amount += tally.amount;
    for (const page of tally.pages) into.pages.add(page);
    result.set(kind, into);
  }
  return result;
}

/** An outside place by side of the story and the rank of the candidate box holding it. */
function sideAndRank(place: string): string | null {
  const match = /^outside, (\w+), [^,]+, [^,]+, ((?:candidate|in no)[^,]*)/.exec(place);
  return match === null ? null : `outside, ${match[1]}, ${match[2]}`;
}

export function printKinds(directory: string, kinds: SetKinds, detail = false): void {
  const segments = basename(directory).startsWith('trafilatura');
  const unit = segments ? 'segments' : 'points of mean recall / precision (sum of page shares / pages)';
  const scale = (amount: number) => (segments ? String(amount) : (amount / kinds.pages).toFixed(4));
  const table = (title: string, keyOf: (key: string) => string | null) => {
    const missed = merged(kinds.missed, keyOf);
    const leftOut = merged(kinds.leftOut, keyOf);
    console.log(`${title.padEnd(86)}missed   pages  chrome left out  pages`);
    for (const [key, tally] of [...missed.entries()].sort((a, b) => b[1].amount - a[1].amount)) {
      const left = leftOut.get(key);
      console.log(
        `  ${key.padEnd(82)}${scale(tally.amount).padStart(8)}${String(tally.pages.size).padStart(8)}${scale(left?.amount ?? 0).padStart(17)}${String(left?.pages.size ?? 0).padStart(7)}`,
      );
    }
  };
  console.log(`\n${basename(directory)}: error kinds in the benchmark's units (${unit})`);
  if (detail) {
    table('missed story, by place in detail', (key) => key);
    return;
  }
  table('missed story, by kind', coarseKind);
  console.log(
    `the set's figure ${kinds.figure.toFixed(3)} (as this tally scores it); with every miss of one kind found:`,
  );
  for (const [kind, ceiling] of [...kinds.ceilings].sort((a, b) => b[1] - a[1]))
    console.log(
      `  ${kind.padEnd(82)}${ceiling.toFixed(3).padStart(8)}  (+${(ceiling - kinds.figure).toFixed(3)})`,
    );
  table('outside the container, by side and the rank of the candidate box holding it', sideAndRank);
  console.log('chrome kept:');
  for (const [key, tally] of [...kinds.kept.entries()].sort((a, b) => b[1].amount - a[1].amount)) {
    console.log(
      `  ${key.padEnd(82)}${scale(tally.amount).padStart(8)}${String(tally.pages.size).padStart(8)}`,
    );
  }
  console.log(`pages by bucket (loss: ${segments ? 'missed + wrongly kept segments' : 'sum of 1 - F1'}):`);
  for (const [key, entry] of [...kinds.buckets.entries()].sort((a, b) => b[1].loss - a[1].loss))
    console.log(`  ${key.padEnd(40)}${String(entry.pages).padStart(6)}${entry.loss.toFixed(2).padStart(9)}`);
  console.log('pages by language found (pages, loss):');
  for (const [key, entry] of [...kinds.languages.entries()].sort((a, b) => b[1].loss - a[1].loss))
    console.log(`  ${key.padEnd(12)}${String(entry.pages).padStart(6)}${entry.loss.toFixed(2).padStart(9)}`);
}

export async function evaluateExtractionKinds(
  datasets: string,
  sets: readonly string[],
  detail: boolean,
): Promise<void> {
  for (const folder of extractionSetFolders(datasets, sets)) {
    const kinds = await errorKinds(folder);
    printKinds(folder, kinds);
    if (detail) printKinds(folder, kinds, true);
  }
}
