import { shareVocabulary, vocabularyOf } from '../src/align/vocabulary.js';
import type { AnalysedArticle } from '../src/model/analysis.js';
import type { Article } from '../src/model/article.js';
import type { RelationKind } from '../src/model/relation.js';
import { comparePair } from '../src/pipeline/compare.js';
import type { StageContext } from '../src/pipeline/context.js';
import {
  derivedFamilies,
  groupStories,
  joinsStory,
  type PairSimilarity,
  storySimilarities,
  storyVectors,
  termCounts,
} from '../src/provenance/stories.js';
import { analyseArticle } from '../src/text/analyse.js';

/**
 * Fitting and scoring of story grouping against event labels (pages with the same label report
 * the same happening). Shared by `npm run eval -- stories` (cross-validated) and
 * `npm run train:stories` (the committed model).
 */

/** The pages' relations, worked out once: a pair's relation does not depend on the other pages. */
export interface PairEvidence {
  analysed: AnalysedArticle[];
  /** Relation of every pair compared, keyed "i:j" with i < j. */
  relations: Map<string, RelationKind>;
  /** Pairs whose relation joins both pages into one story by itself (see joinsStory). */
  joining: Set<string>;
}

/** Same candidate rule as trace: pairs sharing under a fifth of their topical vocabulary are unrelated. */
const CANDIDATE_OVERLAP = 0.2;

export function pairEvidence(articles: readonly Article[], context: StageContext): PairEvidence {
  const analysed = articles.map((article) => analyseArticle(article, { forms: context.forms }));
  const vocabularies = analysed.map((article) => vocabularyOf(article, context.lexicon));
  const relations = new Map<string, RelationKind>();
  const joining = new Set<string>();
  for (let i = 0; i < analysed.length; i++) {
    for (let j = i + 1; j < analysed.length; j++) {
      if (shareVocabulary(vocabularies[i]!, vocabularies[j]!) < CANDIDATE_OVERLAP) continue;
      const result = comparePair(analysed[i]!, analysed[j]!, context, { changes: false });
      relations.set(`${i}:${j}`, result.relation);
      if (joinsStory(result)) joining.add(`${i}:${j}`);
    }
  }
  return { analysed, relations, joining };
}

/** Pairwise counts over same-event page pairs, and stories holding pages of more than one event. */
export interface GroupingScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  mixedStories: number;
  stories: number;
}

export function scoreGrouping(
  groups: readonly (readonly number[])[],
  events: readonly string[],
): GroupingScore {
  const groupOf = new Map<number, number>();
  groups.forEach((members, group) => {
    for (const member of members) groupOf.set(member, group);
  });
  const score: GroupingScore = {
    truePositives: 0,
    falsePositives: 0,
    falseNegatives: 0,
    mixedStories: 0,
    stories: 0,
  };
  for (let i = 0; i < events.length; i++) {
    for (let j = i + 1; j < events.length; j++) {
      const together = groupOf.has(i) && groupOf.get(i) === groupOf.get(j);
      const same = events[i] === events[j];
      if (together && same) score.truePositives++;
      else if (together) score.falsePositives++;
      else if (same) score.falseNegatives++;
    }
  }
  for (const members of groups) {
    if (members.length < 2) continue;
    score.stories++;
    if (new Set(members.map((member) => events[member])).size > 1) score.mixedStories++;
  }
  return score;
}

/**
 * The score of a grouping of every page on the held-out pages only: their same-event pairs, and
 * the stories holding one of them that mix events (a held-out event is new to the threshold).
 */
export function scoreHeldOut(
  groups: readonly (readonly number[])[],
  events: readonly string[],
  heldOut: readonly number[],
): GroupingScore {
  const held = new Set(heldOut);
  const local = new Map(heldOut.map((page, index) => [page, index]));
  const inFold = groups.map((members) =>
    members.filter((page) => held.has(page)).map((page) => local.get(page)!),
  );
  const score = scoreGrouping(
    inFold,
    heldOut.map((page) => events[page]!),
  );
  const touched = groups.filter((members) => members.length > 1 && members.some((page) => held.has(page)));
  return {
    ...score,
    stories: touched.length,
    mixedStories: touched.filter((members) => new Set(members.map((page) => events[page])).size > 1).length,
  };
}

export function addScores(x: GroupingScore, y: GroupingScore): GroupingScore {
  return {
    truePositives: x.truePositives + y.truePositives,
    falsePositives: x.falsePositives + y.falsePositives,
    falseNegatives: x.falseNegatives + y.falseNegatives,
    mixedStories: x.mixedStories + y.mixedStories,
    stories: x.stories + y.stories,
  };
}

export function precisionRecallF1(score: GroupingScore): [number, number, number] {
  const { truePositives: tp, falsePositives: fp, falseNegatives: fn } = score;
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = tp > 0 ? (2 * tp) / (2 * tp + fp + fn) : 0;
  return [precision, recall, f1];
}

/** Thresholds tried, 0.05 to 0.80 by 0.01. */
export const THRESHOLD_GRID: readonly number[] = Array.from({ length: 76 }, (_, k) => (5 + k) / 100);

/** How a set of pages is grouped for one threshold. */
export type Grouper = (threshold: number) => number[][];

/**
 * Expected pairs of different events above the threshold in a new set of the size trained on:
 * the risk of a mixed story a threshold may carry (see mixingTail).
 */
export const MIXING_RISK = 0.1;
/** Highest cross-event similarities the tail is fitted to (about the top 1% of a hundred pages' pairs). */
export const TAIL_PAIRS = 50;

/** The exponential tail of the cross-event similarities, and the least threshold it allows. */
export interface MixingTail {
  /** The similarity above which the TAIL_PAIRS highest lie. */
  start: number;
  /** Their mean excess over it (the exponential tail's scale). */
  scale: number;
  /** start + scale × ln(TAIL_PAIRS / MIXING_RISK): where the expected count falls to MIXING_RISK. */
  floor: number;
}

/**
 * The least threshold at which a new set of as many pages is expected to hold at most
 * MIXING_RISK pairs of different events similar enough to join. The highest cross-event
 * similarity of the pages trained on sets the threshold too low: another set of the same size
 * exceeds its own maximum about half the time (the winner's curse of a threshold put just
 * above it). The tail beyond the TAIL_PAIRS highest is taken as exponential (peaks over a
 * threshold, with the generalised Pareto shape at 0): P(s > start + x) ∝ exp(−x / scale).
 */
export function mixingTail(subset: PageSubset, events: readonly string[]): MixingTail {
  const cross = subset.similarities
    .filter((pair) => events[pair.i] !== events[pair.j])
    .map((pair) => pair.similarity)
    .sort((x, y) => y - x);
  if (cross.length <= TAIL_PAIRS) return { start: 0, scale: 0, floor: 0 };
  const start = cross[TAIL_PAIRS]!;
  let excess = 0;
  for (let rank = 0; rank < TAIL_PAIRS; rank++) excess += cross[rank]! - start;
  const scale = excess / TAIL_PAIRS;
  return { start, scale, floor: start + scale * Math.log(TAIL_PAIRS / MIXING_RISK) };
}

/**
 * The threshold, at or above `floor`, that mixes no events on the pages (or fewest), then has
 * the best pairwise F1: a story that joins two events misleads a reader more than a story split
 * in two. Taken at the middle of the run of grid values that tie for best, away from the edge
 * where the pages stop supporting it.
 */
export function chooseThreshold(group: Grouper, events: readonly string[], floor = 0): number {
  const scored = THRESHOLD_GRID.filter((threshold) => threshold >= floor - 1e-9).map((threshold) => {
    const score = scoreGrouping(group(threshold), events);
    return { threshold, f1: precisionRecallF1(score)[2], mixed: score.mixedStories };
  });
  if (scored.length === 0) return THRESHOLD_GRID.at(-1)!;
  const isBetter = (x: (typeof scored)[number], y: (typeof scored)[number]): boolean =>
    x.mixed < y.mixed || (x.mixed === y.mixed && x.f1 > y.f1);
  const best = scored.reduce((x, y) => (isBetter(y, x) ? y : x));
  const tied = (entry: (typeof scored)[number] | undefined): boolean =>
    entry !== undefined && entry.f1 === best.f1 && entry.mixed === best.mixed;
  const first = scored.findIndex(tied);
  let last = first;
  while (tied(scored[last + 1])) last++;
  return scored[Math.floor((first + last) / 2)]!.threshold;
}

/** The pages `members` (indices into the evidence) as their own set: derived links and similarities among them. */
export interface PageSubset {
  links: Array<[number, number]>;
  similarities: PairSimilarity[];
  /** Related (derived or same-story) links: what today's grouping joins on. */
  related: Array<[number, number]>;
}

export function subsetOf(evidence: PairEvidence, members: readonly number[]): PageSubset {
  const links: Array<[number, number]> = [];
  const related: Array<[number, number]> = [];
  for (let x = 0; x < members.length; x++) {
    for (let y = x + 1; y < members.length; y++) {
      const [i, j] = [members[x]!, members[y]!];
      const key = i < j ? `${i}:${j}` : `${j}:${i}`;
      const relation = evidence.relations.get(key);
      if (relation === undefined || relation === 'unrelated') continue;
      related.push([x, y]);
      if (evidence.joining.has(key)) links.push([x, y]);
    }
  }
  const vectors = storyVectors(members.map((member) => termCounts(evidence.analysed[member]!)));
  return { links, related, similarities: storySimilarities(vectors) };
}

/** The model's grouping on a subset: derived families, then average linkage. */
export function averageLinkage(count: number, subset: PageSubset): Grouper {
  return (threshold) => groupStories(count, subset.links, subset.similarities, threshold);
}

/** Baseline: single linkage over the same TF-IDF cosine (any one close pair joins two groups). */
export function singleLinkage(count: number, subset: PageSubset): Grouper {
  return (threshold) =>
    derivedFamilies(
      count,
      subset.similarities
        .filter((pair) => pair.similarity >= threshold)
        .map((pair): [number, number] => [pair.i, pair.j]),
    );
}

/**
 * Folds that hold out whole events: events sorted by size (then label) and dealt round-robin, so
 * every fold gets some of the events with several pages.
 */
export function eventFolds(events: readonly string[], folds: number): number[][] {
  const sizes = new Map<string, number>();
  for (const event of events) sizes.set(event, (sizes.get(event) ?? 0) + 1);
  const ordered = [...sizes.keys()].sort((x, y) => sizes.get(y)! - sizes.get(x)! || (x < y ? -1 : 1));
  const foldOf = new Map(ordered.map((event, index) => [event, index % folds]));
  return Array.from({ length: folds }, (_, fold) =>
    events.flatMap((event, page) => (foldOf.get(event) === fold ? [page] : [])),
  );
}
