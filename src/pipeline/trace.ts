import { shareVocabulary, vocabularyOf } from '../align/vocabulary.js';
import type { AnalysedArticle } from '../model/analysis.js';
import type { Article } from '../model/article.js';
import { DERIVED_RELATIONS, type PairResult } from '../model/relation.js';
import type { Story, StoryEdge, TraceResult } from '../model/story.js';
import { buildDerivationTrees, type DerivationLink } from '../provenance/tree.js';
import { analyseArticle } from '../text/analyse.js';
import { comparePair, orientPair } from './compare.js';
import type { StageContext } from './context.js';

/**
 * Pairs sharing less of their topical vocabulary than this are not compared at all: well below
 * the same-story threshold, and below what any copy keeps of its source.
 */
const CANDIDATE_OVERLAP = 0.2;

/**
 * Traces a set of articles: compares every pair that shares enough vocabulary, groups related
 * documents into stories, and within each story builds the derivation tree and names its root.
 */
export function traceArticles(articles: readonly Article[], context: StageContext): TraceResult {
  const { lexicon } = context;
  const analysed = articles.map(analyseArticle);
  const vocabularies = analysed.map((article) => vocabularyOf(article, lexicon));
  const results = new Map<string, PairResult>();
  for (let i = 0; i < analysed.length; i++) {
    for (let j = i + 1; j < analysed.length; j++) {
      if (shareVocabulary(vocabularies[i]!, vocabularies[j]!) < CANDIDATE_OVERLAP) continue;
      const result = comparePair(analysed[i]!, analysed[j]!, context, { changes: false });
      if (result.relation !== 'unrelated') results.set(pairKey(i, j), result);
    }
  }
  // A story needs two documents; a document related to no other is listed as unrelated.
  const stories = groupStories(analysed.length, results)
    .filter((members) => members.length > 1)
    .map((members, index) => buildStory(`story-${index + 1}`, members, analysed, results, context));
  return { articles: [...articles], stories };
}

function pairKey(i: number, j: number): string {
  return i < j ? `${i}:${j}` : `${j}:${i}`;
}

function directionVote(result: PairResult): number {
  return result.direction.signals.reduce((sum, signal) => sum + signal.vote, 0);
}

/** Connected components of the related-pairs graph, in input order. */
function groupStories(count: number, results: ReadonlyMap<string, PairResult>): number[][] {
  const neighbours = new Map<number, number[]>();
  for (const key of results.keys()) {
    const [i, j] = key.split(':').map(Number) as [number, number];
    neighbours.set(i, [...(neighbours.get(i) ?? []), j]);
    neighbours.set(j, [...(neighbours.get(j) ?? []), i]);
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

function buildStory(
  id: string,
  members: readonly number[],
  analysed: readonly AnalysedArticle[],
  results: ReadonlyMap<string, PairResult>,
  context: StageContext,
): Story {
  const local = (index: number): number => members.indexOf(index);
  const links: DerivationLink[] = [];
  const siblings: Story['siblings'] = [];
  for (const [x, i] of members.entries()) {
    for (const j of members.slice(x + 1)) {
      const result = results.get(pairKey(i, j));
      if (result === undefined) continue;
      if (DERIVED_RELATIONS.has(result.relation)) {
        links.push({ i: local(i), j: local(j), score: result.score, vote: directionVote(result) });
      } else {
        siblings.push({ a: analysed[i]!.article.input, b: analysed[j]!.article.input, result });
      }
    }
  }
  const trees = buildDerivationTrees(members.length, links).sort(
    (x, y) => y.edges.length - x.edges.length || x.root - y.root,
  );
  const edges: StoryEdge[] = [];
  for (const tree of trees) {
    for (const edge of tree.edges) {
      const parent = analysed[members[edge.parent]!]!;
      const child = analysed[members[edge.child]!]!;
      const [first, second] = edge.parent < edge.child ? [parent, child] : [child, parent];
      const pair = results.get(pairKey(members[edge.parent]!, members[edge.child]!))!;
      const result = orientPair(pair, first, second, parent, context);
      edges.push({ source: parent.article.input, copy: child.article.input, result });
    }
  }
  const mainTree = trees[0];
  return {
    id,
    documents: members.map((index) => analysed[index]!.article.input),
    root: mainTree === undefined ? null : analysed[members[mainTree.root]!]!.article.input,
    rootConfidence: mainTree?.rootConfidence ?? 0,
    edges,
    siblings,
  };
}
