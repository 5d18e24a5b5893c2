import type { Article } from './article.js';
import type { PairResult, PairVerdict } from './relation.js';

/** A derivation edge: `copy` was made from `source`. The pair's alignment has source as side a. */
export interface StoryEdge {
  source: string;
  copy: string;
  result: PairResult;
}

/** Documents that tell the same story, with their derivation tree. */
export interface Story {
  /** Stable id: "story-1", "story-2"… in order of each story's first document by name. */
  id: string;
  /** Inputs (as given), sorted by name: the same whatever order they were given in. */
  documents: string[];
  /** The root of the derivation tree (the original), or null when no document derives from another. */
  root: string | null;
  /** Confidence in the root, in [0, 1]. */
  rootConfidence: number;
  /** Derivation edges, breadth first from the root (parents before children), each parent's copies by name. */
  edges: StoryEdge[];
  /**
   * Pairs in the story that are related but not derived (same-story), for context: their
   * verdicts (relation, score, direction signals), without alignment (compare a pair for that).
   */
  siblings: Array<{ a: string; b: string; result: PairVerdict }>;
}

/** The result of tracing a set of documents. */
export interface TraceResult {
  /** Every article once (an input given twice is one document), sorted by input name. */
  articles: Article[];
  /**
   * Groups of two or more documents: derived families, joined with documents and families close
   * to the story as a whole; an article in none is unrelated to the others.
   */
  stories: Story[];
}
