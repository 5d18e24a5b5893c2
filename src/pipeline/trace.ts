import { contentId } from '../engine/content-id.js';
import type { AnalysedArticle } from '../model/analysis.js';
import type { Article } from '../model/article.js';
import { DERIVED_RELATIONS, type PairResult } from '../model/relation.js';
import type { Story, StoryEdge, TraceResult } from '../model/story.js';
import { buildDerivationTrees, type DerivationLink } from '../provenance/tree.js';
import { analyseArticle } from '../text/analyse.js';
import {
  type ArticleFingerprint,
  fingerprintArticle,
  nearDuplicateRepresentatives,
  vocabularyCandidates,
} from './candidates.js';
import { comparePair, orientPair } from './compare.js';
import type { StageContext } from './context.js';

/**
 * Tracing runs in steps so that the costly ones (analysis, fingerprints, pair comparisons,
 * orienting tree edges) can run anywhere (this thread or a worker pool) while the plan and the
 * assembly stay here; every step is a pure function, so both ways give the same result.
 *
 *   planTrace (exact duplicates) → fingerprints → planComparisons → comparePair per pair
 *   → planStories → orientPair per tree edge → assembleTrace
 */

/**
 * Identity of an article for duplicate collapsing: everything a comparison reads (text,
 * metadata, the decoded input its citations point into), not the name it was given.
 */
export function articleKey(article: Article): string {
  return contentId(JSON.stringify({ ...article, input: '' }));
}

/** Exact duplicates: for each article, the first article with the same key (itself if none). */
export function duplicateClasses(keys: readonly string[]): Int32Array {
  const first = new Map<string, number>();
  return Int32Array.from(keys, (key, index) => {
    const known = first.get(key);
    if (known !== undefined) return known;
    first.set(key, index);
    return index;
  });
}

/** What to compare: pairs of articles (first, second), each the first of its duplicate class. */
export interface ComparisonPlan {
  classOf: Int32Array;
  /** Ordered pairs; a class compared with itself stands for its duplicates compared with each other. */
  pairs: Array<[number, number]>;
}

/**
 * The comparisons a trace needs. Exact duplicates are compared once, as one class; near-exact
 * duplicates (MinHash) only with their group's representative, which alone meets the other
 * candidates; candidates are the pairs whose topical vocabularies overlap enough.
 * `fingerprints[k]` belongs to `classes[k]`, the articles that start a duplicate class.
 */
export function planComparisons(
  keys: readonly string[],
  classOf: Int32Array,
  classes: readonly number[],
  fingerprints: readonly ArticleFingerprint[],
): ComparisonPlan {
  const lastMember = new Int32Array(keys.length);
  const size = new Int32Array(keys.length);
  classOf.forEach((owner, index) => {
    lastMember[owner] = index;
    size[owner]!++;
  });
  const byContent = classes
    .map((_, k) => k)
    .sort((x, y) => compareStrings(keys[classes[x]!]!, keys[classes[y]!]!));
  const representative = nearDuplicateRepresentatives(fingerprints, byContent);
  const unordered = new Set<number>();
  const add = (x: number, y: number) => unordered.add(Math.min(x, y) * classes.length + Math.max(x, y));
  for (const [x, y] of vocabularyCandidates(fingerprints)) {
    if (representative[x] === x && representative[y] === y) add(x, y);
  }
  representative.forEach((owner, member) => {
    if (owner !== member) add(owner, member);
  });
  const pairs: Array<[number, number]> = [];
  for (const code of unordered) {
    const u = classes[Math.floor(code / classes.length)]!;
    const v = classes[code % classes.length]!;
    pairs.push([u, v]);
    // Some member of u's class comes after v: that pair reads v first.
    if (lastMember[u]! > v) pairs.push([v, u]);
  }
  for (const owner of classes) if (size[owner]! > 1) pairs.push([owner, owner]);
  return { classOf, pairs: pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]) };
}

function compareStrings(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The related pairs of every article pair (i < j), from the compared class pairs. */
export function expandResults(
  plan: ComparisonPlan,
  compared: ReadonlyMap<string, PairResult>,
): Map<string, PairResult> {
  const members = new Map<number, number[]>();
  plan.classOf.forEach((owner, index) => {
    const list = members.get(owner);
    if (list === undefined) members.set(owner, [index]);
    else list.push(index);
  });
  const results = new Map<string, PairResult>();
  for (const [first, second] of plan.pairs) {
    const result = compared.get(orderedKey(first, second));
    if (result === undefined || result.relation === 'unrelated') continue;
    for (const i of members.get(first)!) {
      for (const j of members.get(second)!) {
        if (i < j) results.set(pairKey(i, j), result);
      }
    }
  }
  return results;
}

/** Key of an ordered pair of articles (first read as a, second as b). */
export function orderedKey(first: number, second: number): string {
  return `${first}>${second}`;
}

/**
 * Traces a set of articles in this thread: compares the candidate pairs, groups related
 * documents into stories, and within each story builds the derivation tree and names its root.
 */
export function traceArticles(
  articles: readonly Article[],
  context: StageContext,
  analyse: (article: Article) => AnalysedArticle = (article) =>
    analyseArticle(article, { forms: context.forms }),
): TraceResult {
  const keys = articles.map(articleKey);
  const classOf = duplicateClasses(keys);
  const classes = [...new Set(classOf)];
  const analysed = new Map<number, AnalysedArticle>();
  const analysedAt = (index: number): AnalysedArticle => {
    let found = analysed.get(index);
    if (found === undefined) {
      found = analyse(articles[index]!);
      analysed.set(index, found);
    }
    return found;
  };
  const fingerprints = classes.map((index) => fingerprintArticle(analysedAt(index), context.lexicon));
  const plan = planComparisons(keys, classOf, classes, fingerprints);
  const compared = new Map<string, PairResult>();
  for (const [first, second] of plan.pairs) {
    const result = comparePair(analysedAt(first), analysedAt(second), context, { changes: false });
    compared.set(orderedKey(first, second), result);
  }
  const planned = planStories(articles, plan.classOf, expandResults(plan, compared));
  const oriented = new Map<string, PairResult>();
  for (const task of planned.orientations) {
    const result = orientPair(
      task.result,
      analysedAt(task.first),
      analysedAt(task.second),
      analysedAt(task.parentIsFirst ? task.first : task.second),
      context,
    );
    oriented.set(task.key, result);
  }
  return assembleTrace(articles, planned, oriented);
}

function pairKey(i: number, j: number): string {
  return i < j ? `${i}:${j}` : `${j}:${i}`;
}

function directionVote(result: PairResult): number {
  return result.direction.signals.reduce((sum, signal) => sum + signal.vote, 0);
}

/** A tree edge to orient: the pair's result read with the parent as source. */
export interface OrientationTask {
  /** Same key for duplicates of the same pair: they are oriented once. */
  key: string;
  /** The class representatives of the pair, in input order, and which is the parent. */
  first: number;
  second: number;
  parentIsFirst: boolean;
  result: PairResult;
}

interface PlannedStory {
  id: string;
  members: number[];
  root: number | null;
  rootConfidence: number;
  edges: Array<{ parent: number; child: number; key: string }>;
  siblings: Story['siblings'];
}

export interface StoryPlan {
  stories: PlannedStory[];
  orientations: OrientationTask[];
}

/** Stories and their trees from the related pairs; the tree edges still to be oriented. */
export function planStories(
  articles: readonly Article[],
  classOf: Int32Array,
  results: ReadonlyMap<string, PairResult>,
): StoryPlan {
  const orientations = new Map<string, OrientationTask>();
  // A story needs two documents; a document related to no other is listed as unrelated.
  const stories = groupStories(articles.length, results)
    .filter((members) => members.length > 1)
    .map((members, index) =>
      planStory(`story-${index + 1}`, members, articles, classOf, results, orientations),
    );
  return { stories, orientations: [...orientations.values()] };
}

/** Connected components of the related-pairs graph, in input order. */
function groupStories(count: number, results: ReadonlyMap<string, PairResult>): number[][] {
  const neighbours = new Map<number, number[]>();
  for (const key of results.keys()) {
    const [i, j] = key.split(':').map(Number) as [number, number];
    for (const [from, to] of [
      [i, j],
      [j, i],
    ] as const) {
      const list = neighbours.get(from);
      if (list === undefined) neighbours.set(from, [to]);
      else list.push(to);
    }
  }
  const seen = new Set<number>();
  const stories: number[][] = [];
  for (let start = 0; start < count; start++) {
    if (seen.has(start)) continue;
    const members = [start];
    seen.add(start);
    for (let k = 0; k < members.length; k++) {
      for (const next of neighbours.get(members[k]!) ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          members.push(next);
        }
      }
    }
    stories.push(members.sort((x, y) => x - y));
  }
  return stories;
}

function planStory(
  id: string,
  members: readonly number[],
  articles: readonly Article[],
  classOf: Int32Array,
  results: ReadonlyMap<string, PairResult>,
  orientations: Map<string, OrientationTask>,
): PlannedStory {
  const local = new Map(members.map((index, position) => [index, position]));
  const links: DerivationLink[] = [];
  const siblings: Story['siblings'] = [];
  for (const [x, i] of members.entries()) {
    for (let y = x + 1; y < members.length; y++) {
      const j = members[y]!;
      const result = results.get(pairKey(i, j));
      if (result === undefined) continue;
      if (DERIVED_RELATIONS.has(result.relation)) {
        links.push({ i: local.get(i)!, j: local.get(j)!, score: result.score, vote: directionVote(result) });
      } else {
        siblings.push({ a: articles[i]!.input, b: articles[j]!.input, result });
      }
    }
  }
  const trees = buildDerivationTrees(members.length, links).sort(
    (x, y) => y.edges.length - x.edges.length || x.root - y.root,
  );
  const edges: PlannedStory['edges'] = [];
  for (const tree of trees) {
    for (const edge of tree.edges) {
      const parent = members[edge.parent]!;
      const child = members[edge.child]!;
      const [first, second] = parent < child ? [parent, child] : [child, parent];
      const task: OrientationTask = {
        key: `${classOf[first]}>${classOf[second]}:${parent === first ? 'first' : 'second'}`,
        first: classOf[first]!,
        second: classOf[second]!,
        parentIsFirst: parent === first,
        result: results.get(pairKey(first, second))!,
      };
      if (!orientations.has(task.key)) orientations.set(task.key, task);
      edges.push({ parent, child, key: task.key });
    }
  }
  const mainTree = trees[0];
  return {
    id,
    members: [...members],
    root: mainTree === undefined ? null : members[mainTree.root]!,
    rootConfidence: mainTree?.rootConfidence ?? 0,
    edges,
    siblings,
  };
}

/** The trace result once every tree edge is oriented. */
export function assembleTrace(
  articles: readonly Article[],
  plan: StoryPlan,
  oriented: ReadonlyMap<string, PairResult>,
): TraceResult {
  const stories = plan.stories.map(
    (story): Story => ({
      id: story.id,
      documents: story.members.map((index) => articles[index]!.input),
      root: story.root === null ? null : articles[story.root]!.input,
      rootConfidence: story.rootConfidence,
      edges: story.edges.map(
        (edge): StoryEdge => ({
          source: articles[edge.parent]!.input,
          copy: articles[edge.child]!.input,
          result: oriented.get(edge.key)!,
        }),
      ),
      siblings: story.siblings,
    }),
  );
  return { articles: [...articles], stories };
}
