import type { Story, StoryEdge, TraceResult } from '../model/story.js';

/** A document in a story's derivation tree; `edge` is how it was copied from its parent. */
export interface TreeNode {
  input: string;
  edge: StoryEdge | null;
  children: TreeNode[];
}

/** A story drawn as trees: the root's tree first, then any other tree, then loose documents. */
export interface StoryForest {
  trees: TreeNode[];
  /** Documents of the story that take part in no derivation edge (same story, told independently). */
  loose: string[];
}

/**
 * Builds the derivation trees of a story. Children keep edge order (parents before children,
 * as the model guarantees). A document copied from two sources is drawn under the first one
 * only, and cycles are cut, so every document appears exactly once.
 */
export function storyForest(story: Story): StoryForest {
  const childEdges = new Map<string, StoryEdge[]>();
  const copies = new Set<string>();
  const inEdges = new Set<string>();
  for (const edge of story.edges) {
    const list = childEdges.get(edge.source) ?? [];
    list.push(edge);
    childEdges.set(edge.source, list);
    copies.add(edge.copy);
    inEdges.add(edge.source);
    inEdges.add(edge.copy);
  }
  const placed = new Set<string>();
  const build = (input: string, edge: StoryEdge | null): TreeNode => {
    placed.add(input);
    const node: TreeNode = { input, edge, children: [] };
    for (const child of childEdges.get(input) ?? []) {
      if (placed.has(child.copy)) continue;
      node.children.push(build(child.copy, child));
    }
    return node;
  };

  const tops: string[] = [];
  if (story.root !== null && inEdges.has(story.root)) tops.push(story.root);
  for (const input of story.documents) {
    if (inEdges.has(input) && !copies.has(input) && input !== story.root) tops.push(input);
  }
  const trees: TreeNode[] = [];
  for (const input of tops) if (!placed.has(input)) trees.push(build(input, null));
  // Documents only reachable through a cycle: start a tree at the first one left, in input order.
  for (const input of story.documents) {
    if (inEdges.has(input) && !placed.has(input)) trees.push(build(input, null));
  }
  const loose = story.documents.filter((input) => !placed.has(input));
  return { trees, loose };
}

/** Depth-first list of a tree's nodes, parents before children. */
export function flattenTree(node: TreeNode): TreeNode[] {
  return [node, ...node.children.flatMap(flattenTree)];
}

/**
 * Whether a story relates two or more documents (else they are reported unrelated): trace makes a
 * story only of documents derived from one another or close to the story as a whole.
 */
export function isRelatedStory(story: Story): boolean {
  return story.documents.length > 1;
}

/** Inputs, in listing order, that belong to no story with a relation to another document. */
export function unrelatedInputs(result: TraceResult): string[] {
  const related = new Set<string>();
  for (const story of result.stories) {
    if (isRelatedStory(story)) for (const input of story.documents) related.add(input);
  }
  return result.articles.map((article) => article.input).filter((input) => !related.has(input));
}

/** Stories that have more than one related document, in model order. */
export function relatedStories(result: TraceResult): Story[] {
  return result.stories.filter(isRelatedStory);
}
