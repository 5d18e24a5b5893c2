import { contentId } from '../engine/content-id.js';
import type { AnalysedArticle } from '../model/analysis.js';
import type { Article } from '../model/article.js';
import { DERIVED_RELATIONS, type PairResult, type PairVerdict, verdictOf } from '../model/relation.js';
import type { Story, StoryEdge, TraceResult } from '../model/story.js';
import {
  groupStories,
  joinsStory,
  type PairSimilarity,
  STORY_MODEL,
  storySimilarities,
  storyVectors,
} from '../provenance/stories.js';
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

/**
 * The articles in the order a trace works on them: by content (their key), then by name, with
 * the same input given twice (same name, same content) kept once. Every tie later on (pair
 * orientation, tree links of equal strength, equally supported roots, story merges) is broken
 * by this order, so the result never depends on the order the inputs were given in.
 */
export function canonicalArticles(articles: readonly Article[]): { articles: Article[]; keys: string[] } {
  const keyed = new Map<string, { article: Article; key: string }>();
  for (const article of articles) {
    const key = articleKey(article);
    const id = `${key}\u0000${article.input}`;
    if (!keyed.has(id)) keyed.set(id, { article, key });
  }
  const sorted = [...keyed.values()].sort(
    (x, y) => compareStrings(x.key, y.key) || compareStrings(x.article.input, y.article.input),
  );
  return { articles: sorted.map((entry) => entry.article), keys: sorted.map((entry) => entry.key) };
}

/**
 * TF-IDF cosine of every two articles that share a content word, from their classes'
 * fingerprints (duplicates share one): what story grouping averages.
 */
export function articleSimilarities(
  classOf: Int32Array,
  classes: readonly number[],
  fingerprints: readonly ArticleFingerprint[],
): PairSimilarity[] {
  const fingerprintOf = new Map(classes.map((owner, k) => [owner, fingerprints[k]!]));
  const counts = Array.from(classOf, (owner) => {
    const fingerprint = fingerprintOf.get(owner)!;
    return new Map(fingerprint.stems.map((stem, index) => [stem, fingerprint.counts[index]!]));
  });
  return storySimilarities(storyVectors(counts));
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
  compared: ReadonlyMap<string, PairVerdict>,
): Map<string, PairVerdict> {
  const members = new Map<number, number[]>();
  plan.classOf.forEach((owner, index) => {
    const list = members.get(owner);
    if (list === undefined) members.set(owner, [index]);
    else list.push(index);
  });
  const results = new Map<string, PairVerdict>();
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

export interface TraceOptions {
  /** Average similarity at which two groups of documents make one story (default: the trained model's). */
  storyThreshold?: number;
}

/**
 * Traces a set of articles in this thread: compares the candidate pairs, groups related
 * documents into stories, and within each story builds the derivation tree and names its root.
 */
export function traceArticles(
  given: readonly Article[],
  context: StageContext,
  analyse: (article: Article) => AnalysedArticle = (article) =>
    analyseArticle(article, { forms: context.forms }),
  options: TraceOptions = {},
): TraceResult {
  const { articles, keys } = canonicalArticles(given);
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
  const compared = new Map<string, PairVerdict>();
  for (const [first, second] of plan.pairs) {
    const result = comparePair(analysedAt(first), analysedAt(second), context, { changes: false });
    compared.set(orderedKey(first, second), verdictOf(result));
  }
  const similarities = articleSimilarities(classOf, classes, fingerprints);
  const planned = planStories(articles, plan.classOf, expandResults(plan, compared), similarities, options);
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

function directionVote(result: PairVerdict): number {
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
  result: PairVerdict;
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

/**
 * Stories and their trees from the related pairs and the articles' similarities (see
 * provenance/stories.ts: derived families, then average linkage); the tree edges still to be
 * oriented. Stories are numbered in the order of their first document by name.
 */
export function planStories(
  articles: readonly Article[],
  classOf: Int32Array,
  results: ReadonlyMap<string, PairVerdict>,
  similarities: readonly PairSimilarity[],
  options: TraceOptions = {},
): StoryPlan {
  const orientations = new Map<string, OrientationTask>();
  const derivedLinks: Array<[number, number]> = [];
  for (const [key, result] of results) {
    if (joinsStory(result)) derivedLinks.push(key.split(':').map(Number) as [number, number]);
  }
  const threshold = options.storyThreshold ?? STORY_MODEL.threshold;
  const firstName = (members: readonly number[]): string =>
    members.map((index) => articles[index]!.input).sort(compareStrings)[0]!;
  // A story needs two documents; a document related to no other is listed as unrelated.
  const stories = groupStories(articles.length, derivedLinks, similarities, threshold)
    .filter((members) => members.length > 1)
    .sort((x, y) => compareStrings(firstName(x), firstName(y)) || x[0]! - y[0]!)
    .map((members, index) =>
      planStory(`story-${index + 1}`, members, articles, classOf, results, orientations),
    );
  return { stories, orientations: [...orientations.values()] };
}

function planStory(
  id: string,
  members: readonly number[],
  articles: readonly Article[],
  classOf: Int32Array,
  results: ReadonlyMap<string, PairVerdict>,
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

/**
 * The trace result once every tree edge is oriented, listed by name: articles and each story's
 * documents sorted, a story's edges breadth first from its root with each parent's copies by name.
 */
export function assembleTrace(
  articles: readonly Article[],
  plan: StoryPlan,
  oriented: ReadonlyMap<string, PairResult>,
): TraceResult {
  const stories = plan.stories.map((story): Story => {
    const root = story.root === null ? null : articles[story.root]!.input;
    const edges = story.edges.map(
      (edge): StoryEdge => ({
        source: articles[edge.parent]!.input,
        copy: articles[edge.child]!.input,
        result: oriented.get(edge.key)!,
      }),
    );
    return {
      id: story.id,
      documents: story.members.map((index) => articles[index]!.input).sort(compareStrings),
      root,
      rootConfidence: story.rootConfidence,
      edges: listedFromRoots(root, edges),
      siblings: [...story.siblings].sort((x, y) => compareStrings(x.a, y.a) || compareStrings(x.b, y.b)),
    };
  });
  return { articles: [...articles].sort((x, y) => compareStrings(x.input, y.input)), stories };
}

/** Edges breadth first from the root, then from any other tree's top by name; copies by name. */
function listedFromRoots(root: string | null, edges: readonly StoryEdge[]): StoryEdge[] {
  const copies = new Set(edges.map((edge) => edge.copy));
  const tops = [...new Set(edges.map((edge) => edge.source))]
    .filter((source) => !copies.has(source) && source !== root)
    .sort(compareStrings);
  const queue = root === null ? tops : [root, ...tops];
  const listed: StoryEdge[] = [];
  const placed = new Set<StoryEdge>();
  for (let k = 0; k < queue.length; k++) {
    const children = edges
      .filter((edge) => edge.source === queue[k] && !placed.has(edge))
      .sort((x, y) => compareStrings(x.copy, y.copy));
    for (const edge of children) placed.add(edge);
    listed.push(...children);
    queue.push(...children.map((edge) => edge.copy));
  }
  // Anything not reached from a top (never in a tree, but kept rather than lost).
  return [...listed, ...edges.filter((edge) => !placed.has(edge))];
}
