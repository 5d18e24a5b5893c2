import { basename } from 'node:path';
import { isWiretraceError } from '../src/errors.js';
import { blockFeatures } from '../src/extract/block-features.js';
import { containerView, extractHtml, storyLayout } from '../src/extract/extract-html.js';
import {
  CONTAINER_FEATURE_NAMES,
  CONTAINER_MODEL,
  containerProbability,
} from '../src/extract/html/container-model.js';
import { containerCandidatesOf, containerStages } from '../src/extract/html/content-container.js';
import {
  commonAncestor,
  contentRoot,
  elementAndAncestors,
  findElements,
  type HtmlElement,
  isHeadingTag,
  parseHtml,
} from '../src/extract/html/dom.js';
import { type HtmlBlock, htmlBlocks } from '../src/extract/html/html-blocks.js';
import { extractArticle } from '../src/extract/index.js';
import { segmentCounts } from './extraction-benchmarks.js';
import { stylingAgainst } from './extraction-conventions.js';
import {
  blocksInOutput,
  collapse,
  extractionSetFolders,
  isStoryText,
  plainTruths,
  type Truth,
  truthPages,
  words,
} from './extraction-truths.js';
import { fMeasure } from './metrics.js';
import { rougeLsum } from './rouge.js';

/**
 * The pages that lose most (`npm run eval -- extraction-worst [--sets ...] [--below 0.5]`): for
 * every page scoring below F1 0.5 on each set (its own metric; Dragnet without comments), what
 * happened, by kind and never page by page: its bucket (wrong box: recall and precision below
 * 0.5; right box plus chrome: recall at least 0.9; in between; story lost; refused), whether the
 * page was read whole by the second look, where the chosen container lies against the scored
 * candidate box of most worth (story words minus chrome words: the same box, inside it, around
 * it, apart from it) and that box's rank among the candidates, the container model's features of
 * the winner against that box's, the chrome kept by kind (comment thread, table cell, link list,
 * <br> text, other prose, short lines; inside the container or added around it) and the story
 * missed (inside the container or outside), and whether the story is split across boxes (no box
 * holds 90% of its words with more story than chrome). Each kind with its pages and the F1
 * points they lose (sum of 1 - F1).
 */

interface Tally {
  pages: Set<string>;
  loss: number;
  /** Words (ROUGE sets) or blocks (trafilatura's set) of the kind. */
  amount: number;
}

interface WorstPage {
  id: string;
  f1: number;
  precision: number;
  recall: number;
}

/** One set's worst pages by kind. */
export interface SetWorst {
  pages: number;
  loss: number;
  worst: WorstPage[];
  kinds: Map<string, Map<string, Tally>>;
  /** Container-model features of the winner and of the box of most worth, where both are candidates. */
  features: { winner: number[]; best: number[]; count: number; winnerP: number; bestP: number };
}

/** The table of one kind per page, printed across the sets at the end. */
export const MAIN_KIND = 'what happened (one kind per page)';
/** Truths shorter than this are a short story (a brief, a caption-length item). */
const SHORT_STORY = 50;
const COMMENT_WORDS = /comment|disqus|replies|respond|discuss|reaction|feedback|forum/i;

function add(set: SetWorst, table: string, key: string, page: WorstPage, amount = 1): void {
  const rows = set.kinds.get(table) ?? new Map<string, Tally>();
  set.kinds.set(table, rows);
  const tally = rows.get(key) ?? { pages: new Set<string>(), loss: 0, amount: 0 };
  rows.set(key, tally);
  if (!tally.pages.has(page.id)) {
    tally.pages.add(page.id);
    tally.loss += 1 - page.f1;
  }
  tally.amount += amount;
}

/**
 * A block's truth label; on the ROUGE sets blocks under four words are left unlabelled (a menu
 * entry's word stands somewhere in any story, so they would count as story by chance).
 */
function labelOf(truth: Truth, block: HtmlBlock): boolean | null {
  if ('text' in truth && words(block.text) < 4) return null;
  return isStoryText(truth, block.text);
}

function bucketOf(page: WorstPage, refused: boolean): string {
  if (refused) return 'refused (no output)';
  if (page.precision < 0.5 && page.recall < 0.5) return 'wrong box (recall and precision < 0.5)';
  if (page.precision < 0.5 && page.recall >= 0.9)
    return 'right box plus chrome (recall >= 0.9, precision < 0.5)';
  if (page.precision < 0.5) return 'in between (precision < 0.5, recall 0.5-0.9)';
  return 'story lost (precision >= 0.5, recall < 0.5)';
}

function rankBand(rank: number | undefined): string {
  if (rank === undefined) return 'not a scored candidate';
  return rank === 1
    ? 'rank 1'
    : rank <= 5
      ? 'rank 2-5 (the model sees it)'
      : rank <= 20
        ? 'rank 6-20'
        : 'rank >20';
}

/**
 * The chrome kind of a block the output holds but the truth does not: where it stands (a comment
 * thread, the table cell of a story block, another table cell, <br> text, elsewhere) and what it
 * reads as (heading, linked line, prose, short line).
 */
function chromeKind(block: HtmlBlock, storyCells: ReadonlySet<HtmlElement>): string {
  const chain = elementAndAncestors(block.element);
  const hints = (element: HtmlElement) => `${element.attribs.class ?? ''} ${element.attribs.id ?? ''}`;
  const cell = chain.find((element) => element.name === 'td');
  const structure = chain.some((element) => COMMENT_WORDS.test(hints(element)))
    ? 'comment thread'
    : cell !== undefined
      ? storyCells.has(cell)
        ? "a story block's table cell"
        : 'another table cell'
      : block.element.children.some((child) => 'name' in child && child.name === 'br')
        ? '<br> text'
        : 'no table';
  const features = blockFeatures(block);
  const content = isHeadingTag(block.element.name)
    ? 'heading'
    : features.linkDensity >= 0.5
      ? 'linked'
      : features.words >= 15 && features.endsSentence
        ? 'prose'
        : 'short line';
  return `${structure}: ${content}`;
}

/** What the scored boxes hold: story and chrome words of each, in one pass over the blocks. */
function worthOf(
  blocks: readonly HtmlBlock[],
  labels: readonly (boolean | null)[],
): Map<HtmlElement, { story: number; chrome: number }> {
  const worth = new Map<HtmlElement, { story: number; chrome: number }>();
  blocks.forEach((block, index) => {
    const label = labels[index];
    if (label === null || label === undefined) return;
    const count = words(block.text);
    for (const element of elementAndAncestors(block.element)) {
      const entry = worth.get(element) ?? { story: 0, chrome: 0 };
      if (label) entry.story += count;
      else entry.chrome += count;
      worth.set(element, entry);
    }
  });
  return worth;
}

function describe(
  set: SetWorst,
  raw: Parameters<typeof extractArticle>[0],
  truth: Truth,
  output: string,
  page: WorstPage,
): void {
  const refused = output.trim() === '';
  add(set, 'bucket', bucketOf(page, refused), page);
  if (raw.format !== 'html') return;
  let firstLook = '';
  try {
    firstLook = extractHtml(raw).article.text;
  } catch (error) {
    if (!isWiretraceError(error)) throw error;
  }
  const secondLook = !refused && collapse(firstLook) !== collapse(output);
  let relation = '';
  /** Chrome words (or blocks) kept, by where they stand (comment thread, table cell, <br> text). */
  const chromeBy = new Map<string, number>();
  add(
    set,
    'look',
    secondLook ? 'page read whole (second look)' : refused ? 'refused' : 'container (first look)',
    page,
  );

  const { pageBlocks, headline, declared } = containerView(raw);
  const stages = containerStages(pageBlocks, declared, headline);
  const { blocks, scores, candidates } = containerCandidatesOf(pageBlocks, headline);
  const labels = blocks.map((block) => labelOf(truth, block));
  const worth = worthOf(blocks, labels);
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  const rankOf = new Map(ranked.map(([element], index) => [element, index + 1]));
  let best: HtmlElement | null = null;
  let bestWorth = Number.NEGATIVE_INFINITY;
  for (const [element] of ranked) {
    const entry = worth.get(element);
    if (entry === undefined) continue;
    if (entry.story - entry.chrome > bestWorth) {
      bestWorth = entry.story - entry.chrome;
      best = element;
    }
  }
  const storyTotal = blocks.reduce(
    (sum, block, index) => sum + (labels[index] === true ? words(block.text) : 0),
    0,
  );
  // The container the first look chose, found in this tree by its offset.
  let chosen: HtmlElement | null = null;
  try {
    const layout = storyLayout(raw);
    const top = commonAncestor(layout.containerBlocks.map((block) => block.element));
    if (top !== null && blocks.length > 0) {
      const root = elementAndAncestors(blocks[0]!.element).at(-1)!;
      chosen = findElements(root).find((element) => element.startIndex === top.startIndex) ?? null;
    }
  } catch (error) {
    if (!isWiretraceError(error)) throw error;
  }
  if (!secondLook && !refused) {
    if (best === null) relation = 'no scored box holds story';
    else if (chosen === null) relation = 'container not in the skip-classes tree (relaxed look)';
    else if (chosen === best) relation = 'chosen = the box of most worth';
    else if (elementAndAncestors(chosen).includes(best))
      relation = 'chosen inside the box of most worth (too small)';
    else if (elementAndAncestors(best).includes(chosen))
      relation = 'chosen around the box of most worth (too big)';
    else relation = 'chosen apart from the box of most worth (wrong box)';
    add(set, 'container against the box of most worth', relation, page);
    const stage =
      stages.top === null || chosen === null
        ? 'no top in this tree (relaxed look)'
        : `${stages.stage}, ${stages.chosen.size > 1 ? 'siblings or chunks added' : 'one element'}`;
    add(set, `container step, for: ${relation}`, stage, page);
    add(
      set,
      `rank of the box of most worth among the candidates, for: ${relation}`,
      rankBand(best === null ? undefined : rankOf.get(best)),
      page,
    );
    if (best !== null && chosen !== null && chosen !== best) {
      const entry = worth.get(best)!;
      const chosenEntry = worth.get(chosen) ?? { story: 0, chrome: 0 };
      add(
        set,
        'story words: box of most worth against chosen',
        `${entry.story >= chosenEntry.story * 1.2 ? 'best holds more story' : 'about as much story'}, ${chosenEntry.chrome > entry.chrome * 2 + 20 ? 'chosen holds much more chrome' : 'chrome alike'}`,
        page,
      );
    }
    const winner = candidates[0];
    const bestCandidate = candidates.find((candidate) => candidate.element === best);
    if (winner !== undefined && bestCandidate !== undefined && bestCandidate !== winner) {
      set.features.count++;
      CONTAINER_FEATURE_NAMES.forEach((_, index) => {
        set.features.winner[index] = (set.features.winner[index] ?? 0) + winner.features[index]!;
        set.features.best[index] = (set.features.best[index] ?? 0) + bestCandidate.features[index]!;
      });
      set.features.winnerP += containerProbability(CONTAINER_MODEL, winner.features);
      set.features.bestP += containerProbability(CONTAINER_MODEL, bestCandidate.features);
    }
  }
  // Split story: the deepest box holding 90% of the story's words, and its purity.
  let cover: HtmlElement | null = null;
  let coverDepth = -1;
  for (const [element, entry] of worth) {
    if (entry.story < 0.9 * storyTotal) continue;
    const depth = elementAndAncestors(element).length;
    if (depth > coverDepth) {
      coverDepth = depth;
      cover = element;
    }
  }
  const coverEntry = cover === null ? null : worth.get(cover)!;
  add(
    set,
    'the story in one box',
    storyTotal === 0
      ? 'no story block matched'
      : cover === null ||
          cover.name === 'body' ||
          cover.name === 'html' ||
          coverEntry!.chrome > coverEntry!.story
        ? 'split: no box holds 90% of its words with more story than chrome'
        : cover === best
          ? 'one box (the box of most worth)'
          : 'one box, but with chrome the box of most worth leaves out',
    page,
  );

  // Chrome kept and story missed, block by block over every visible block.
  const root = contentRoot(parseHtml(raw.content));
  const visible = htmlBlocks(raw.content, root, { skipUnlikely: false, landmarks: true });
  const shown = blocksInOutput(visible, output);
  let containerSpan: [number, number] | null = null;
  if (chosen !== null) {
    const inTree = findElements(root).find((element) => element.startIndex === chosen!.startIndex);
    if (inTree !== undefined) containerSpan = [inTree.startIndex ?? 0, inTree.endIndex ?? 0];
  }
  const inContainer = (block: HtmlBlock) =>
    containerSpan !== null && block.start >= containerSpan[0] && block.start <= containerSpan[1];
  const segments = 'with' in truth;
  if ('text' in truth) {
    const found = visible.reduce(
      (sum, block) => sum + (labelOf(truth, block) === true ? words(block.text) : 0),
      0,
    );
    const share = found / Math.max(1, words(truth.text));
    const truthWords = words(truth.text);
    const outputWords = words(output);
    add(
      set,
      'story length (truth words) and output against it',
      `${truthWords < 50 ? 'under 50 words' : truthWords < 200 ? '50-200 words' : '200 words or more'}, output ${outputWords > 2 * truthWords ? 'over twice' : 'up to twice'} the truth`,
      page,
    );
    add(
      set,
      "the truth's words in blocks matched as story",
      share >= 0.8 ? '80% or more' : share >= 0.5 ? '50-80%' : 'under 50% (truth text not found as blocks)',
      page,
    );
  }
  const storyCells = new Set<HtmlElement>();
  visible.forEach((block) => {
    if (labelOf(truth, block) !== true) return;
    const cell = elementAndAncestors(block.element).find((element) => element.name === 'td');
    if (cell !== undefined) storyCells.add(cell);
  });
  if ('text' in truth && words(truth.text) < SHORT_STORY) {
    // Whether a short story is a brief of prose the container step could find, or lines that
    // read as no sentence (a caption, a teaser) or no block of the page at all.
    const story = visible.filter((block) => labelOf(truth, block) === true);
    const prose = story.filter((block) => {
      const features = blockFeatures(block);
      return features.words >= 12 && features.endsSentence;
    });
    add(
      set,
      'short story (truth under 50 words): its blocks, where they stand',
      story.length === 0
        ? 'no block matches the truth'
        : `${prose.length > 0 ? 'a block of prose (12+ words ending a sentence)' : 'no block reads as prose'}, ${story.some((block) => inContainer(block)) ? 'some in the container' : 'none in the container'}`,
      page,
    );
  }
  const truthBlocks = visible.filter((block, index) => shown[index] && labelOf(truth, block) === true);
  const styling = stylingAgainst(truthBlocks);
  const firstStory = truthBlocks[0]?.start ?? -1;
  const lastStory = truthBlocks.at(-1)?.start ?? -1;
  visible.forEach((block, index) => {
    const label = labelOf(truth, block);
    if (label === null) return;
    if (shown[index] && !label && !segments && truthBlocks.length > 0) {
      const side = block.start < firstStory ? 'before' : block.start > lastStory ? 'after' : 'between';
      const { relation, kind } = styling(block);
      add(
        set,
        'chrome kept by side of the story shown, styling against it, kind (words)',
        `${side}, ${relation}, ${kind}`,
        page,
        words(block.text),
      );
    }
    const amount = segments ? 1 : words(block.text);
    const place = secondLook
      ? 'page read whole'
      : inContainer(block)
        ? 'in the container'
        : 'outside the container';
    if (shown[index] && !label)
      add(set, 'chrome kept (words or blocks)', `${chromeKind(block, storyCells)}, ${place}`, page, amount);
    if (shown[index] && !label) {
      const structure = chromeKind(block, storyCells).split(':')[0]!;
      chromeBy.set(structure, (chromeBy.get(structure) ?? 0) + amount);
    }
    if (!shown[index] && label) add(set, 'story missed (words or blocks)', place, page, amount);
  });
  const mostChrome = [...chromeBy].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'none';
  const short = 'text' in truth && words(truth.text) < SHORT_STORY ? ', story under 50 words' : '';
  add(
    set,
    MAIN_KIND,
    secondLook
      ? 'page read whole by the second look'
      : relation.includes('wrong box')
        ? `wrong box${short}`
        : relation.includes('too big')
          ? `container too big, most chrome kept: ${mostChrome}`
          : relation.includes('too small')
            ? 'container too small'
            : relation.startsWith('chosen =')
              ? page.precision < 0.5
                ? `right box, chrome kept: ${mostChrome}`
                : 'right box, story dropped inside it'
              : relation === ''
                ? 'refused'
                : relation,
    page,
  );
}

export async function worstOf(folder: string, below: number): Promise<SetWorst> {
  const set: SetWorst = {
    pages: 0,
    loss: 0,
    worst: [],
    kinds: new Map(),
    features: { winner: [], best: [], count: 0, winnerP: 0, bestP: 0 },
  };
  // The ROUGE sets are scored against the ground truth as the suite reads it (Dragnet's comments cut off).
  const plain = plainTruths(folder);
  for await (const { id, truth, page: raw } of truthPages(folder)) {
    set.pages++;
    let output = '';
    try {
      output = extractArticle(raw).text;
    } catch (error) {
      if (!isWiretraceError(error)) throw error;
    }
    let precision: number;
    let recall: number;
    if ('with' in truth) {
      const { tp, fp, fn } = segmentCounts(truth, output);
      precision = tp + fp > 0 ? tp / (tp + fp) : 1;
      recall = tp + fn > 0 ? tp / (tp + fn) : 1;
    } else {
      ({ precision, recall } = rougeLsum(plain.get(id) ?? truth.text, output));
    }
    const f1 = fMeasure(precision, recall);
    set.loss += 1 - f1;
    if (f1 >= below) continue;
    const page = { id, f1, precision, recall };
    set.worst.push(page);
    describe(set, raw, truth, output, page);
  }
  return set;
}

function print(name: string, set: SetWorst, below: number): void {
  const worstLoss = set.worst.reduce((sum, page) => sum + (1 - page.f1), 0);
  console.log(
    `\n${name}: ${set.worst.length} of ${set.pages} pages below F1 ${below}, losing ${worstLoss.toFixed(2)} of the set's ${set.loss.toFixed(2)} points (sum of 1 - F1)`,
  );
  for (const [table, rows] of set.kinds) {
    console.log(`  ${table.padEnd(84)}pages   loss  amount`);
    for (const [key, tally] of [...rows].sort((a, b) => b[1].loss - a[1].loss))
      console.log(
        `    ${key.padEnd(82)}${String(tally.pages.size).padStart(5)}${tally.loss.toFixed(2).padStart(7)}${String(tally.amount).padStart(8)}`,
      );
  }
  const { count, winner, best, winnerP, bestP } = set.features;
  if (count === 0) return;
  console.log(
    `  container-model features, mean over ${count} pages where the box of most worth is a runner-up (winner / box of most worth):`,
  );
  for (const [index, feature] of CONTAINER_FEATURE_NAMES.entries())
    console.log(
      `    ${feature.padEnd(40)}${(winner[index]! / count).toFixed(3).padStart(8)}${(best[index]! / count).toFixed(3).padStart(8)}`,
    );
  console.log(
    `    ${'model probability'.padEnd(40)}${(winnerP / count).toFixed(3).padStart(8)}${(bestP / count).toFixed(3).padStart(8)}`,
  );
}

export async function evaluateExtractionWorst(
  datasets: string,
  sets: readonly string[],
  below = 0.5,
): Promise<void> {
  const all = new Map<string, SetWorst>();
  for (const folder of extractionSetFolders(datasets, sets)) {
    const set = await worstOf(folder, below);
    all.set(basename(folder), set);
    print(basename(folder), set, below);
  }
  // One kind per page, across the sets: pages (F1 points lost).
  const names = [...all.keys()];
  const kinds = new Set([...all.values()].flatMap((set) => [...(set.kinds.get(MAIN_KIND)?.keys() ?? [])]));
  console.log(`\n${MAIN_KIND.padEnd(60)}${names.map((name) => name.padEnd(24)).join('')}`);
  for (const kind of kinds) {
    const cells = names.map((name) => {
      const tally = all.get(name)!.kinds.get(MAIN_KIND)?.get(kind);
      return (tally === undefined ? '-' : `${tally.pages.size} (${tally.loss.toFixed(2)})`).padEnd(24);
    });
    console.log(`${kind.padEnd(60)}${cells.join('')}`);
  }
}
