import { createHash } from 'node:crypto';
import { shareVocabulary, vocabularyOf } from '../align/vocabulary.js';
import type { AnalysedArticle } from '../model/analysis.js';
import type { Article } from '../model/article.js';
import { DERIVED_RELATIONS, type PairResult } from '../model/relation.js';
import type { Story, StoryEdge, TraceResult } from '../model/story.js';
import { groupStories, STORY_MODEL, storySimilarities, storyVectors } from '../provenance/stories.js';
import { buildDerivationTrees, type DerivationLink } from '../provenance/tree.js';
import { analyseArticle } from '../text/analyse.js';
import type { Lexicon } from '../text/lexicon.js';
import { comparePair, orientPair } from './compare.js';

/**
 * Pairs sharing less of their topical vocabulary than this are not compared at all: well below
 * the same-story threshold, and below what any copy keeps of its source.
 */
const CANDIDATE_OVERLAP = 0.2;

export interface TraceOptions {
  /** Average similarity at which two groups of documents make one story (default: the trained model's). */
  storyThreshold?: number;
}

/**
 * Traces a set of articles: compares every pair that shares enough vocabulary, groups related
 * documents into stories, and within each story builds the derivation tree and names its root.
 * The result does not depend on the order of the articles: they are worked on in an order set
 * by their content, and the same input given twice is one document.
 */
export function traceArticles(
  articles: readonly Article[],
  lexicon: Lexicon,
  options: TraceOptions = {},
): TraceResult {
  const canonical = canonicalOrder(articles);
  const analysed = canonical.map(analyseArticle);
  const vocabularies = analysed.map((article) => vocabularyOf(article, lexicon));
  const results = new Map<string, PairResult>();
  const derivedLinks: Array<[number, number]> = [];
  for (let i = 0; i < analysed.length; i++) {
    for (let j = i + 1; j < analysed.length; j++) {
      if (shareVocabulary(vocabularies[i]!, vocabularies[j]!) < CANDIDATE_OVERLAP) continue;
      const result = comparePair(analysed[i]!, analysed[j]!, lexicon, { changes: false });
      if (result.relation === 'unrelated') continue;
      results.set(pairKey(i, j), result);
      if (DERIVED_RELATIONS.has(result.relation)) derivedLinks.push([i, j]);
    }
  }
  const similarities = storySimilarities(storyVectors(analysed));
  const threshold = options.storyThreshold ?? STORY_MODEL.threshold;
  // A story needs two documents; a document related to no other is listed as unrelated.
  const stories = groupStories(analysed.length, derivedLinks, similarities, threshold)
    .filter((members) => members.length > 1)
    .map((members) => buildStory(members, analysed, results, lexicon))
    .sort((x, y) => byName(x.documents[0]!, y.documents[0]!))
    .map((story, index) => ({ ...story, id: `story-${index + 1}` }));
  return { articles: [...canonical].sort((x, y) => byName(x.input, y.input)), stories };
}

/**
 * The articles without repeats (same input name and same content), in the order of a hash of
 * their content, then of their name: every tie later on is broken by this order, so it must not
 * come from the order the inputs were given in.
 */
function canonicalOrder(articles: readonly Article[]): Article[] {
  const keyed = new Map<string, { article: Article; content: string }>();
  for (const article of articles) {
    const content = createHash('sha256').update(article.content).digest('hex');
    const key = `${content}\u0000${article.input}`;
    if (!keyed.has(key)) keyed.set(key, { article, content });
  }
  return [...keyed.values()]
    .sort((x, y) => compareText(x.content, y.content) || byName(x.article.input, y.article.input))
    .map(({ article }) => article);
}

function compareText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/** How documents are listed: by input name. */
function byName(x: string, y: string): number {
  return compareText(x, y);
}

function pairKey(i: number, j: number): string {
  return i < j ? `${i}:${j}` : `${j}:${i}`;
}

function directionVote(result: PairResult): number {
  return result.direction.signals.reduce((sum, signal) => sum + signal.vote, 0);
}

function buildStory(
  members: readonly number[],
  analysed: readonly AnalysedArticle[],
  results: ReadonlyMap<string, PairResult>,
  lexicon: Lexicon,
): Omit<Story, 'id'> {
  const local = (index: number): number => members.indexOf(index);
  const inputOf = (index: number): string => analysed[index]!.article.input;
  const links: DerivationLink[] = [];
  const siblings: Story['siblings'] = [];
  for (const [x, i] of members.entries()) {
    for (const j of members.slice(x + 1)) {
      const result = results.get(pairKey(i, j));
      if (result === undefined) continue;
      if (DERIVED_RELATIONS.has(result.relation)) {
        links.push({ i: local(i), j: local(j), score: result.score, vote: directionVote(result) });
      } else {
        siblings.push({ a: inputOf(i), b: inputOf(j), result });
      }
    }
  }
  const trees = buildDerivationTrees(members.length, links).sort(
    (x, y) => y.edges.length - x.edges.length || x.root - y.root,
  );
  const edges: StoryEdge[] = [];
  for (const tree of trees) {
    const treeEdges: StoryEdge[] = [];
    for (const edge of tree.edges) {
      const parent = analysed[members[edge.parent]!]!;
      const child = analysed[members[edge.child]!]!;
      const [first, second] = edge.parent < edge.child ? [parent, child] : [child, parent];
      const pair = results.get(pairKey(members[edge.parent]!, members[edge.child]!))!;
      const result = orientPair(pair, first, second, parent, lexicon);
      treeEdges.push({ source: parent.article.input, copy: child.article.input, result });
    }
    edges.push(...listedFromRoot(inputOf(members[tree.root]!), treeEdges));
  }
  const mainTree = trees[0];
  return {
    documents: members.map(inputOf).sort(byName),
    root: mainTree === undefined ? null : inputOf(members[mainTree.root]!),
    rootConfidence: mainTree?.rootConfidence ?? 0,
    edges,
    siblings: siblings.sort((x, y) => byName(x.a, y.a) || byName(x.b, y.b)),
  };
}

/** A tree's edges breadth first from its root, each parent's copies by name: parents before children. */
function listedFromRoot(root: string, edges: readonly StoryEdge[]): StoryEdge[] {
  const listed: StoryEdge[] = [];
  const queue = [root];
  for (let k = 0; k < queue.length; k++) {
    const copies = edges.filter((edge) => edge.source === queue[k]).sort((x, y) => byName(x.copy, y.copy));
    listed.push(...copies);
    queue.push(...copies.map((edge) => edge.copy));
  }
  return listed;
}
