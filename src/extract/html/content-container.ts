import { candidateScores, type ElementTotals, elementTotals, linkDensity } from './candidate-scores.js';
import {
  CONTAINER_FEATURE_NAMES,
  type ContainerCandidate,
  containerCandidates,
  preferredContainer,
} from './container-model.js';
import { type HtmlElement, isElement, isInsideAny, parentElement } from './dom.js';
import type { HtmlBlock } from './html-blocks.js';
import { storyChunks } from './story-chunks.js';
import { blocksOutsideFeeds } from './story-feeds.js';

/**
 * The blocks of the main content, chosen the Readability way: paragraphs give points (for
 * length and commas) to their ancestors, each candidate's score is discounted by its link
 * density, the best one wins and takes along siblings that look like content too, and the other
 * parts of a story its markup splits into chunks. Feeds of other stories are set aside first.
 */
export function mainContentBlocks(
  allBlocks: readonly HtmlBlock[],
  declaredBody: HtmlElement | null,
  headline: string | null = null,
): HtmlBlock[] {
  return containerStages(allBlocks, declaredBody, headline).blocks;
}

/** Which step set the content container where it is (what `npm run eval -- extraction-worst` tallies). */
export type ContainerStage =
  | 'score winner'
  | 'container model'
  | 'prose runner-up'
  | 'runners-up ancestor'
  | 'richer parent'
  | 'declared body';

/**
 * The content container step by step: the score's winner, the container model's choice, the top
 * after the Readability climbs, the elements chosen with siblings and chunks, and the step that
 * last moved the top.
 */
export function containerStages(
  allBlocks: readonly HtmlBlock[],
  declaredBody: HtmlElement | null,
  headline: string | null = null,
): { blocks: HtmlBlock[]; top: HtmlElement | null; chosen: Set<HtmlElement>; stage: ContainerStage } {
  const { blocks, scores, totals, candidates } = containerCandidatesOf(allBlocks, headline);
  const winner: HtmlElement | null = candidates[0]?.element ?? null;
  if (winner === null) return { blocks: [...blocks], top: null, chosen: new Set(), stage: 'score winner' };
  // A winner that is mostly not prose (listings, teasers) gives way to a runner-up that reads as
  // prose; otherwise the container model may prefer a runner-up that tells the headline's story.
  const prose = proseRunnerUp(candidates);
  const preferred = prose ?? preferredContainer(candidates) ?? winner;
  const shared = sharedAncestorOfRunnersUp(preferred, scores);
  const top = shared ?? climbToRicherParent(preferred, scores);
  let stage: ContainerStage =
    shared !== null
      ? 'runners-up ancestor'
      : top !== preferred
        ? 'richer parent'
        : prose !== null
          ? 'prose runner-up'
          : preferred !== winner
            ? 'container model'
            : 'score winner';
  let chosen = withContentSiblings(top, scores, totals, blocks);
  for (const chunk of storyChunks(top, scores)) chosen.add(chunk);
  if (
    declaredBody !== null &&
    ![...chosen].every((element) => isInsideAny(element, new Set([declaredBody])))
  ) {
    // The page's own word beats the scores when they disagree; inside it the scores may narrow down.
    chosen = new Set([declaredBody, ...storyChunks(declaredBody, scores)]);
    stage = 'declared body';
  }
  return { blocks: blocks.filter((block) => isInsideAny(block.element, chosen)), top, chosen, stage };
}

/**
 * The blocks outside feeds, their Readability scores and the best-scoring candidates with the
 * container model's features (what `npm run train:extract -- --container` learns from).
 */
export function containerCandidatesOf(
  allBlocks: readonly HtmlBlock[],
  headline: string | null,
): {
  blocks: readonly HtmlBlock[];
  scores: Map<HtmlElement, number>;
  totals: Map<HtmlElement, ElementTotals>;
  candidates: ContainerCandidate[];
} {
  const blocks = blocksOutsideFeeds(allBlocks);
  const totals = elementTotals(blocks);
  const scores = candidateScores(blocks, totals);
  return { blocks, scores, totals, candidates: containerCandidates(blocks, scores, totals, headline) };
}

/** A winner with less of its text in sentences than this is a list of links or short items. */
const LIST_WINNER_PROSE = 0.2;
/** A runner-up with this much of its text in sentences (and few links) is a story's box. */
const PROSE_RUNNER_UP = 0.9;
const PROSE_RUNNER_UP_LINKS = 0.25;
/** ... and scores at least this share of the winner's score. */
const PROSE_RUNNER_UP_SCORE = 0.5;
const PROSE = CONTAINER_FEATURE_NAMES.indexOf('prose share');
const LINKS = CONTAINER_FEATURE_NAMES.indexOf('link density');
const SHARE = CONTAINER_FEATURE_NAMES.indexOf('share of the best score');

/**
 * When the score's winner is mostly not prose (a list of links, teasers or short items: a brief
 * of a story can score below one), the best-scoring runner-up that reads as prose with few links
 * and scores near it; null when there is none.
 */
export function proseRunnerUp(candidates: readonly ContainerCandidate[]): HtmlElement | null {
  const winner = candidates[0];
  if (winner === undefined || winner.features[PROSE]! >= LIST_WINNER_PROSE) return null;
  const runnerUp = candidates
    .slice(1)
    .find(
      (candidate) =>
        candidate.features[PROSE]! >= PROSE_RUNNER_UP &&
        candidate.features[LINKS]! < PROSE_RUNNER_UP_LINKS &&
        candidate.features[SHARE]! >= PROSE_RUNNER_UP_SCORE,
    );
  return runnerUp?.element ?? null;
}

/** How many of the best candidates are compared, and how many must share an ancestor. */
const TOP_CANDIDATES = 5;
const MIN_SHARING_CANDIDATES = 3;

/**
 * Readability: when several candidates score nearly as well as the winner (a story split into
 * one box per paragraph), their common ancestor holding enough of them is the content.
 */
function sharedAncestorOfRunnersUp(
  top: HtmlElement,
  scores: ReadonlyMap<HtmlElement, number>,
): HtmlElement | null {
  const topScore = scores.get(top) ?? 0;
  const runnersUp = [...scores.entries()]
    .filter(([element]) => element !== top)
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP_CANDIDATES - 1)
    .filter(([, score]) => score >= topScore * 0.75)
    .map(([element]) => ancestorsOf(element));
  if (runnersUp.length < MIN_SHARING_CANDIDATES) return null;
  for (
    let parent = parentElement(top);
    parent !== null && parent.name !== 'body';
    parent = parentElement(parent)
  ) {
    const sharing = runnersUp.filter((ancestors) => ancestors.has(parent!)).length;
    if (sharing >= MIN_SHARING_CANDIDATES) return parent;
  }
  return null;
}

function ancestorsOf(element: HtmlElement): Set<HtmlElement> {
  const ancestors = new Set<HtmlElement>();
  for (let parent = parentElement(element); parent !== null; parent = parentElement(parent))
    ancestors.add(parent);
  return ancestors;
}

/** Readability: when the score goes up a few steps above the winner, the parent holds more content. */
function climbToRicherParent(top: HtmlElement, scores: ReadonlyMap<HtmlElement, number>): HtmlElement {
  let lastScore = scores.get(top) ?? 0;
  const threshold = lastScore / 3;
  let parent = parentElement(top);
  while (parent !== null && parent.name !== 'body' && parent.name !== 'html') {
    const score = scores.get(parent);
    if (score !== undefined) {
      if (score < threshold) break;
      if (score > lastScore) return parent;
      lastScore = score;
    }
    parent = parentElement(parent);
  }
  return top;
}

/** The winner plus siblings that score well or read like paragraphs. */
function withContentSiblings(
  top: HtmlElement,
  scores: ReadonlyMap<HtmlElement, number>,
  totals: ReadonlyMap<HtmlElement, ElementTotals>,
  blocks: readonly HtmlBlock[],
): Set<HtmlElement> {
  const chosen = new Set<HtmlElement>([top]);
  const parent = parentElement(top);
  if (parent === null) return chosen;
  const topScore = scores.get(top) ?? 0;
  const threshold = Math.max(10, topScore * 0.2);
  const topClass = top.attribs.class ?? '';
  for (const sibling of parent.children) {
    if (!isElement(sibling) || sibling === top) continue;
    const bonus = topClass !== '' && sibling.attribs.class === topClass ? topScore * 0.2 : 0;
    const score = scores.get(sibling);
    if (score !== undefined && score + bonus >= threshold) {
      chosen.add(sibling);
      continue;
    }
    if (sibling.name !== 'p') continue;
    const total = totals.get(sibling);
    const density = linkDensity(total);
    const chars = total?.chars ?? 0;
    const text = blocks.find((block) => block.element === sibling)?.text ?? '';
    if (
      (chars > 80 && density < 0.25) ||
      (chars > 0 && chars <= 80 && density === 0 && /\.( |$)/.test(text))
    ) {
      chosen.add(sibling);
    }
  }
  return chosen;
}
