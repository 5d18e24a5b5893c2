/**
 * Story labels. A story is named after the smallest content id among its members, so the same
 * documents make the same stories with the same names whatever order they arrived in; when a new
 * relation joins two stories, the one with the larger name moves into the other.
 */
export function storyLabel(contentId: string): string {
  return `story-${contentId.slice(0, 16)}`;
}

/** Renames made while a batch is being prepared, followed to their end. */
export class StoryRenames {
  readonly #into = new Map<string, string>();
  readonly merges: { from: string; into: string }[] = [];

  resolve(label: string): string {
    let current = label;
    for (let next = this.#into.get(current); next !== undefined; next = this.#into.get(current))
      current = next;
    return current;
  }

  /** Joins the stories; returns the surviving label. */
  join(labels: readonly string[]): string {
    const resolved = [...new Set(labels.map((label) => this.resolve(label)))].sort();
    const survivor = resolved[0]!;
    for (const label of resolved.slice(1)) {
      this.#into.set(label, survivor);
      this.merges.push({ from: label, into: survivor });
    }
    return survivor;
  }
}

/** Connected components of `count` nodes joined by `edges`, each as sorted node indices. */
export function components(count: number, edges: readonly [number, number][]): number[][] {
  const parent = Array.from({ length: count }, (_, index) => index);
  const find = (node: number): number => {
    let root = node;
    while (parent[root] !== root) root = parent[root]!;
    for (let at = node; parent[at] !== root; ) {
      const next = parent[at]!;
      parent[at] = root;
      at = next;
    }
    return root;
  };
  for (const [a, b] of edges) {
    const rootA = find(a);
    const rootB = find(b);
    if (rootA !== rootB) parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
  }
  const groups = new Map<number, number[]>();
  for (let node = 0; node < count; node++) {
    const root = find(node);
    groups.set(root, [...(groups.get(root) ?? []), node]);
  }
  return [...groups.values()];
}
