import { confidenceFromVotes } from './confidence.js';

/** An undirected derivation link between documents i and j with its strength and direction vote. */
export interface DerivationLink {
  i: number;
  j: number;
  /** Strength of the relation in [0, 1]: the tree keeps the strongest links. */
  score: number;
  /** Positive: i is the source of j; negative: j is the source of i. */
  vote: number;
}

export interface DerivationTree {
  root: number;
  /** Confidence in the root against the next best candidate, in [0.5, 1). */
  rootConfidence: number;
  /** Directed edges parent → child, parents before children. */
  edges: Array<{ parent: number; child: number; vote: number }>;
}

/**
 * Derivation trees from pairwise links: a maximum spanning forest keeps, for each document, its
 * strongest link (a copy is closer to its source than to its siblings), then each tree is
 * rooted where the pairwise direction votes agree best.
 */
export function buildDerivationTrees(count: number, links: readonly DerivationLink[]): DerivationTree[] {
  const forest = maximumSpanningForest(count, links);
  const adjacency = new Map<number, DerivationLink[]>();
  for (const link of forest) {
    for (const node of [link.i, link.j]) {
      const list = adjacency.get(node);
      if (list === undefined) adjacency.set(node, [link]);
      else list.push(link);
    }
  }
  const seen = new Set<number>();
  const trees: DerivationTree[] = [];
  for (let start = 0; start < count; start++) {
    if (seen.has(start) || !adjacency.has(start)) continue;
    const members = collect(start, adjacency);
    for (const member of members) seen.add(member);
    trees.push(rootTree(members, adjacency));
  }
  return trees;
}

function maximumSpanningForest(count: number, links: readonly DerivationLink[]): DerivationLink[] {
  const parent = Array.from({ length: count }, (_, index) => index);
  const find = (node: number): number => {
    let current = node;
    while (parent[current] !== current) {
      parent[current] = parent[parent[current]!]!;
      current = parent[current]!;
    }
    return current;
  };
  const sorted = [...links].sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  const kept: DerivationLink[] = [];
  for (const link of sorted) {
    const rootI = find(link.i);
    const rootJ = find(link.j);
    if (rootI === rootJ) continue;
    parent[rootI] = rootJ;
    kept.push(link);
  }
  return kept;
}

function collect(start: number, adjacency: ReadonlyMap<number, DerivationLink[]>): number[] {
  const members = [start];
  const seen = new Set(members);
  for (let k = 0; k < members.length; k++) {
    for (const link of adjacency.get(members[k]!) ?? []) {
      const other = link.i === members[k] ? link.j : link.i;
      if (!seen.has(other)) {
        seen.add(other);
        members.push(other);
      }
    }
  }
  return members.sort((x, y) => x - y);
}

/** Orients the tree away from each candidate root and keeps the root whose edges the votes support most. */
function rootTree(
  members: readonly number[],
  adjacency: ReadonlyMap<number, DerivationLink[]>,
): DerivationTree {
  let best: { root: number; support: number; edges: DerivationTree['edges'] } | null = null;
  let secondSupport = Number.NEGATIVE_INFINITY;
  for (const root of members) {
    const edges = orientFrom(root, adjacency);
    const support = edges.reduce((sum, edge) => sum + edge.vote, 0);
    if (best === null || support > best.support) {
      if (best !== null) secondSupport = best.support;
      best = { root, support, edges };
    } else if (support > secondSupport) {
      secondSupport = support;
    }
  }
  const chosen = best!;
  const margin = Number.isFinite(secondSupport) ? chosen.support - secondSupport : Math.abs(chosen.support);
  return {
    root: chosen.root,
    rootConfidence: confidenceFromVotes(margin),
    edges: chosen.edges,
  };
}

function orientFrom(root: number, adjacency: ReadonlyMap<number, DerivationLink[]>): DerivationTree['edges'] {
  const edges: DerivationTree['edges'] = [];
  const queue = [root];
  const seen = new Set(queue);
  for (let k = 0; k < queue.length; k++) {
    const node = queue[k]!;
    const links = [...(adjacency.get(node) ?? [])].sort((x, y) => x.i - y.i || x.j - y.j);
    for (const link of links) {
      const child = link.i === node ? link.j : link.i;
      if (seen.has(child)) continue;
      seen.add(child);
      queue.push(child);
      edges.push({ parent: node, child, vote: link.i === node ? link.vote : -link.vote });
    }
  }
  return edges;
}
