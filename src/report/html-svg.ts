/**
 * The family tree of a story as an inline SVG: a layered top-down layout (depth = rows) where
 * leaves take consecutive columns and each parent sits centred over its children, so edges
 * never cross and the same story always gives the same picture.
 */
import type { Article } from '../model/article.js';
import type { Story } from '../model/story.js';
import { elide, percent } from './format.js';
import { attributes, escapeHtml } from './html-escape.js';
import { RELATION_LABEL } from './labels.js';
import { requireArticle } from './pair.js';
import { storyForest, type TreeNode } from './tree.js';

const NODE_WIDTH = 210;
const NODE_HEIGHT = 46;
const COLUMN_GAP = 26;
const ROW_GAP = 62;
const MARGIN = 12;
/** Room above the first row for the "original" tag. */
const TOP = 30;
const TITLE_CHARS = 30;
const INPUT_CHARS = 32;

interface PlacedNode {
  input: string;
  column: number;
  depth: number;
  parent: PlacedNode | null;
  node: TreeNode | null;
}

/** Assigns columns: leaves left to right, parents at the middle of their children. */
function place(forest: ReturnType<typeof storyForest>): PlacedNode[] {
  const placed: PlacedNode[] = [];
  let nextLeaf = 0;
  const visit = (node: TreeNode, depth: number, parent: PlacedNode | null): PlacedNode => {
    const entry: PlacedNode = { input: node.input, column: 0, depth, parent, node };
    placed.push(entry);
    const children = node.children.map((child) => visit(child, depth + 1, entry));
    const first = children[0];
    const last = children[children.length - 1];
    entry.column = first !== undefined && last !== undefined ? (first.column + last.column) / 2 : nextLeaf++;
    return entry;
  };
  for (const tree of forest.trees) visit(tree, 0, null);
  for (const input of forest.loose)
    placed.push({ input, column: nextLeaf++, depth: 0, parent: null, node: null });
  return placed;
}

function nodeX(entry: PlacedNode): number {
  return MARGIN + entry.column * (NODE_WIDTH + COLUMN_GAP);
}

function nodeY(entry: PlacedNode): number {
  return TOP + entry.depth * (NODE_HEIGHT + ROW_GAP);
}

export interface DiagramOptions {
  /** Id for the diagram's <title>, unique in the page. */
  titleId: string;
  /** Section id to link each copy to, by copy input. */
  edgeTargets: ReadonlyMap<string, string>;
}

function edgeSvg(entry: PlacedNode, markerId: string): string {
  const edge = entry.node?.edge;
  if (entry.parent === null || edge === undefined || edge === null) return '';
  const x1 = nodeX(entry.parent) + NODE_WIDTH / 2;
  const y1 = nodeY(entry.parent) + NODE_HEIGHT;
  const x2 = nodeX(entry) + NODE_WIDTH / 2;
  const y2 = nodeY(entry);
  const middle = (y1 + y2) / 2;
  const result = edge.result;
  const label = `${result.relation} · ${percent(result.direction.confidence)}`;
  return [
    `<g${attributes({ class: `edge r-${result.relation}` })}>`,
    `<title>${escapeHtml(`${entry.input} is a ${RELATION_LABEL[result.relation]} of ${edge.source}, direction ${percent(result.direction.confidence)} sure`)}</title>`,
    `<path d="M${x1} ${y1} C${x1} ${middle} ${x2} ${middle} ${x2} ${y2 - 6}" marker-end="url(#${escapeHtml(markerId)})"/>`,
    `<text class="edge-label" x="${(x1 + x2) / 2}" y="${middle + 4}" text-anchor="middle">${escapeHtml(label)}</text>`,
    '</g>',
  ].join('');
}

function nodeSvg(
  entry: PlacedNode,
  story: Story,
  articles: ReadonlyMap<string, Article>,
  options: DiagramOptions,
): string {
  const article = requireArticle(articles, entry.input);
  const x = nodeX(entry);
  const y = nodeY(entry);
  const isRoot = entry.input === story.root;
  const title = article.title ?? '(no title)';
  const parts = [
    `<title>${escapeHtml(`${entry.input}: ${title}`)}</title>`,
    `<rect x="${x}" y="${y}" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="6"/>`,
    `<text class="node-title" x="${x + 10}" y="${y + 19}">${escapeHtml(elide(title, TITLE_CHARS))}</text>`,
    `<text class="node-input" x="${x + 10}" y="${y + 36}">${escapeHtml(elide(entry.input, INPUT_CHARS))}</text>`,
  ];
  if (isRoot) {
    const tag = `original · ${percent(story.rootConfidence)} sure`;
    parts.push(`<text class="root-tag" x="${x}" y="${y - 8}">${escapeHtml(tag)}</text>`);
  }
  const target = options.edgeTargets.get(entry.input);
  const inner =
    target === undefined ? parts.join('') : `<a href="#${escapeHtml(target)}">${parts.join('')}</a>`;
  return `<g${attributes({ class: isRoot ? 'node root' : 'node', 'data-input': entry.input })}>${inner}</g>`;
}

/** The SVG of a story's derivation tree: one node per document, one labelled arrow per edge. */
export function renderStoryDiagram(
  story: Story,
  articles: ReadonlyMap<string, Article>,
  options: DiagramOptions,
): string {
  const placed = place(storyForest(story));
  const markerId = `${options.titleId}-arrow`;
  const columns = Math.max(1, ...placed.map((entry) => entry.column + 1));
  const rows = Math.max(1, ...placed.map((entry) => entry.depth + 1));
  const width = MARGIN * 2 + columns * NODE_WIDTH + (columns - 1) * COLUMN_GAP;
  const height = TOP + rows * NODE_HEIGHT + (rows - 1) * ROW_GAP + MARGIN;
  const summary =
    story.root === null
      ? `${story.documents.length} documents telling the same story; none copies another`
      : `Family tree of ${story.documents.length} documents; the original is ${story.root}`;
  return [
    `<svg${attributes({
      class: 'tree',
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      role: 'img',
      'aria-labelledby': options.titleId,
    })}>`,
    `<title id="${escapeHtml(options.titleId)}">${escapeHtml(summary)}</title>`,
    `<defs><marker id="${escapeHtml(markerId)}" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z"/></marker></defs>`,
    ...placed.map((entry) => edgeSvg(entry, markerId)),
    ...placed.map((entry) => nodeSvg(entry, story, articles, options)),
    '</svg>',
  ].join('');
}
